//! Damaged input of every kind never panics and never stops the stream:
//! seeded byte flips and cuts of real WARC, WARC.gz, JSON Lines and HTML.

mod common;

use std::io::Cursor;

use common::*;
use dyad_input::{decode, documents_from_reader, InputOptions};

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn samples() -> Vec<(&'static str, Vec<u8>)> {
    let records = vec![
        warcinfo(),
        request_record("https://a.ru/1"),
        response_record(
            "https://a.ru/1",
            "text/html; charset=utf-8",
            seed_page(0, None).as_bytes(),
        ),
        response_record("https://a.bg/2", "text/plain", seed(3).as_bytes()),
    ];
    let jsonl: String = (0..4)
        .map(|i| format!("{{\"id\": \"{i}\", \"text\": {}}}\n", json(&seed(i))))
        .collect();
    vec![
        ("warc", records.concat()),
        ("warc.gz", gzip_members(&records)),
        ("jsonl", jsonl.into_bytes()),
        ("html", seed_page(1, Some("windows-1251")).into_bytes()),
        ("html.gz", gzip(seed_page(2, None).as_bytes())),
    ]
}

#[test]
fn flipped_and_cut_bytes_yield_documents_or_errors() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let opts = InputOptions {
        max_doc_bytes: 1 << 20,
        ..InputOptions::default()
    };
    for (name, base) in samples() {
        let mut undamaged = 0;
        for (n, doc) in documents_from_reader(name, Cursor::new(base.clone()), &opts).enumerate() {
            assert!(
                error_of(&doc).is_none(),
                "{name} #{n}: {:?}",
                error_of(&doc)
            );
            decode(doc).unwrap();
            undamaged += 1;
        }
        assert!(undamaged >= 1);
        for round in 0..150 {
            let mut bytes = base.clone();
            match round % 3 {
                0 => bytes.truncate(rng.below(bytes.len())),
                1 => {
                    for _ in 0..1 + rng.below(8) {
                        let at = rng.below(bytes.len());
                        bytes[at] = rng.next() as u8;
                    }
                }
                _ => {
                    let at = rng.below(bytes.len());
                    let len = rng.below(64).min(bytes.len() - at);
                    bytes.drain(at..at + len);
                }
            }
            let docs = documents_from_reader(name, Cursor::new(bytes), &opts);
            // A damaged stream may end early with one error, and a byte
            // flipped to a line break may split a JSON line in two; it
            // never invents more documents than that.
            let mut count = 0;
            for doc in docs {
                count += 1;
                let _ = decode(doc);
            }
            assert!(
                count <= undamaged + 8,
                "{name} round {round}: {count} documents"
            );
        }
    }
}
