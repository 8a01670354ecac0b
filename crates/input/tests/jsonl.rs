//! JSON Lines files and streams, and that reading is lazy: documents come
//! one at a time from inputs that are never read whole.

mod common;

use std::fs;
use std::io::{self, Read};

use common::*;
use dyad_core::{Payload, PayloadKind, RawDoc};
use dyad_input::{decode, documents, documents_from_reader, InputOptions};

#[test]
fn jsonl_lines_with_ids_urls_dates_and_bad_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("feed.jsonl");
    let lines = [
        format!(
            "{{\"id\": \"kp-1\", \"url\": \"https://kp.ru/1\", \"date\": \"2025-08-14\", \"text\": {}}}",
            json(&seed(1))
        ),
        format!("{{\"html\": {}}}", json(&seed_page(3, None))),
        "{\"text\": \"unterminated".to_string(),
        String::new(),
        "{\"title\": \"no text\"}".to_string(),
        format!("{{\"text\": {}}}", json(&seed(2))),
    ];
    fs::write(&path, lines.join("\n")).unwrap();
    let docs: Vec<RawDoc> = documents(&[path], &InputOptions::default()).collect();
    assert_eq!(
        ids(&docs),
        [
            "kp-1",
            "feed.jsonl:2",
            "feed.jsonl:3",
            "feed.jsonl:5",
            "feed.jsonl:6"
        ]
    );
    assert_eq!(docs[0].url.as_deref(), Some("https://kp.ru/1"));
    assert_eq!(docs[0].date.as_deref(), Some("2025-08-14"));
    assert_eq!(bytes_of(&docs[0]), seed(1).as_bytes());
    assert!(matches!(
        docs[1].payload,
        Payload::Str {
            kind: PayloadKind::Html,
            ..
        }
    ));
    assert!(error_of(&docs[2])
        .unwrap()
        .starts_with("invalid JSON on line 3"));
    assert!(error_of(&docs[3]).unwrap().contains("neither"));
    let d = decode(docs[4].clone()).unwrap();
    assert_eq!(
        (d.text.as_str(), d.charset, d.transcoded),
        (seed(2).as_str(), "UTF-8", false)
    );
}

/// Issue 14, defect 5: on standard input, a feed whose first line is
/// broken was taken for one text document "-" holding every line. It is a
/// feed: the broken line is an error record of its own (`-:1`), and the
/// other lines are documents.
#[test]
fn a_feed_whose_first_line_is_broken_is_still_a_feed() {
    let feed = format!(
        "{{\"text\": \n{{\"text\": {}}}\n{{\"id\": \"b\", \"html\": {}}}\n",
        json(&seed(0)),
        json(&seed_page(3, None))
    );
    for (what, bytes) in [
        ("plain", feed.clone().into_bytes()),
        ("gzipped", gzip(feed.as_bytes())),
    ] {
        let docs: Vec<RawDoc> =
            documents_from_reader("-", io::Cursor::new(bytes), &InputOptions::default()).collect();
        assert_eq!(ids(&docs), ["-:1", "-:2", "b"], "{what}");
        assert!(
            error_of(&docs[0])
                .unwrap()
                .starts_with("invalid JSON on line 1"),
            "{what}"
        );
        assert_eq!(bytes_of(&docs[1]), seed(0).as_bytes());
        assert_eq!(bytes_of(&docs[2]), seed_page(3, None).as_bytes());
    }
}

#[test]
fn gzipped_jsonl_streams() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("feed.jsonl.gz");
    let body: String = (0..3)
        .map(|i| format!("{{\"text\": {}}}\n", json(&seed(i))))
        .collect();
    fs::write(&path, gzip(body.as_bytes())).unwrap();
    let docs: Vec<RawDoc> = documents(&[path], &InputOptions::default()).collect();
    assert_eq!(
        ids(&docs),
        ["feed.jsonl.gz:1", "feed.jsonl.gz:2", "feed.jsonl.gz:3"]
    );
    assert_eq!(bytes_of(&docs[2]), seed(2).as_bytes());
}

/// A feed gzipped a line per member (as concatenated `.gz` files are) with
/// one byte flipped inside the second member: that line is one error, and
/// the lines after it are read (before, the feed ended at the damage).
#[test]
fn a_corrupt_member_of_a_gzipped_feed_costs_only_its_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("feed.jsonl.gz");
    let mut members: Vec<Vec<u8>> = (0..4)
        .map(|i| gzip(format!("{{\"text\": {}}}\n", json(&seed(i))).as_bytes()))
        .collect();
    let m = members[1].len();
    members[1][m / 2] ^= 0xFF;
    fs::write(&path, members.concat()).unwrap();
    let docs: Vec<RawDoc> = documents(&[path], &InputOptions::default()).collect();
    assert_eq!(
        ids(&docs),
        [
            "feed.jsonl.gz:1",
            "feed.jsonl.gz:2",
            "feed.jsonl.gz:3",
            "feed.jsonl.gz:4"
        ]
    );
    let Payload::Error(e) = &docs[1].payload else {
        panic!("the damaged line should be an error: {:?}", docs[1].payload)
    };
    assert!(
        e.0.contains("reading resumed at the next member"),
        "{}",
        e.0
    );
    for i in [0, 2, 3] {
        assert_eq!(bytes_of(&docs[i]), seed(i).as_bytes());
    }
}

#[test]
fn twenty_thousand_lines_are_consumed_one_by_one() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("many.jsonl");
    // The opening lines of each seed keep the file small (about 8 MB).
    let texts: Vec<String> = (0..4)
        .map(|i| seed(i).lines().take(3).collect::<Vec<_>>().join("\n"))
        .collect();
    let lines: Vec<String> = texts
        .iter()
        .map(|t| format!("{{\"text\": {}}}\n", json(t)))
        .collect();
    let mut body = String::new();
    for i in 0..20_000 {
        body.push_str(&lines[i % 4]);
    }
    fs::write(&path, body).unwrap();
    let mut count = 0;
    let mut bytes = 0;
    for (i, doc) in documents(&[path], &InputOptions::default()).enumerate() {
        assert_eq!(doc.id, format!("many.jsonl:{}", i + 1));
        bytes += bytes_of(&doc).len();
        count += 1;
    }
    assert_eq!(count, 20_000);
    assert_eq!(bytes, 5_000 * texts.iter().map(String::len).sum::<usize>());
}

/// A reader that never ends: repeats `unit` forever.
struct Endless {
    unit: Vec<u8>,
    pos: usize,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut n = 0;
        while n < buf.len() {
            let take = (self.unit.len() - self.pos).min(buf.len() - n);
            buf[n..n + take].copy_from_slice(&self.unit[self.pos..self.pos + take]);
            n += take;
            self.pos = (self.pos + take) % self.unit.len();
        }
        Ok(n)
    }
}

#[test]
fn an_endless_jsonl_stream_yields_documents_lazily() {
    let unit = format!("{{\"text\": {}}}\n", json(&seed(3))).into_bytes();
    let docs = documents_from_reader("-", Endless { unit, pos: 0 }, &InputOptions::default());
    let mut n = 0;
    for doc in docs.take(20_000) {
        n += 1;
        assert_eq!(doc.id, format!("-:{n}"));
    }
    assert_eq!(n, 20_000);
}

#[test]
fn an_endless_warc_stream_yields_documents_lazily() {
    let unit = [
        request_record("https://b.bg/1"),
        response_record("https://b.bg/1", "text/plain", seed(3).as_bytes()),
    ]
    .concat();
    let docs = documents_from_reader("-", Endless { unit, pos: 0 }, &InputOptions::default());
    let taken: Vec<RawDoc> = docs.take(500).collect();
    assert_eq!(taken.len(), 500);
    assert!(taken
        .iter()
        .all(|d| d.id == "https://b.bg/1" && bytes_of(d) == seed(3).as_bytes()));
}
