//! WARC and WARC.gz: which records become documents, their ids, declared
//! charsets, HTTP codings, and truncation wherever it cuts.

mod common;

use std::fs;
use std::path::PathBuf;

use common::*;
use dyad_core::{Payload, PayloadKind, RawDoc};
use dyad_input::{decode, documents, InputOptions};
use encoding_rs::WINDOWS_1251;

/// A small crawl: the records a real WARC holds around its responses.
fn crawl() -> Vec<Vec<u8>> {
    let ru_1251 = encode(&encodable(&seed(1), WINDOWS_1251), WINDOWS_1251);
    vec![
        warcinfo(),
        request_record("https://news.example.ru/syria"),
        response_record(
            "https://news.example.ru/syria",
            "text/html; charset=utf-8",
            seed_page(0, None).as_bytes(),
        ),
        warc_record(
            "metadata",
            Some("https://news.example.ru/syria"),
            "application/warc-fields",
            b"fetchTimeMs: 120\r\n",
        ),
        response_record(
            "https://news.example.ru/logo.jpg",
            "image/jpeg",
            b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01",
        ),
        warc_record(
            "response",
            Some("https://news.example.ru/gone"),
            "application/http; msgtype=response",
            &http_response(
                "404 Not Found",
                "text/html",
                b"<html><body>Not found</body></html>",
            ),
        ),
        response_record(
            "https://news.example.ru/azerbaijan",
            "text/plain; charset=windows-1251",
            &ru_1251,
        ),
        response_record(
            "https://dnevnik.example.bg/putin-hollande",
            "text/html",
            seed_page(3, Some("utf-8")).as_bytes(),
        ),
    ]
}

const CRAWL_IDS: [&str; 3] = [
    "https://news.example.ru/syria",
    "https://news.example.ru/azerbaijan",
    "https://dnevnik.example.bg/putin-hollande",
];

fn read(path: PathBuf) -> Vec<RawDoc> {
    documents(&[path], &InputOptions::default()).collect()
}

fn check_crawl(docs: &[RawDoc]) {
    assert_eq!(ids(docs), CRAWL_IDS);
    for d in docs {
        assert_eq!(d.url.as_deref(), Some(d.id.as_str()));
        assert!(d.date.is_none());
    }
    assert_eq!(bytes_of(&docs[0]), seed_page(0, None).as_bytes());
    assert!(matches!(
        docs[0].payload,
        Payload::Bytes {
            kind: PayloadKind::Html,
            ..
        }
    ));
    match &docs[1].payload {
        Payload::Bytes { kind, charset, .. } => {
            assert_eq!(*kind, PayloadKind::Text);
            assert_eq!(charset.as_deref(), Some("windows-1251"));
        }
        other => panic!("{other:?}"),
    }
    let decoded = decode(docs[1].clone()).unwrap();
    assert_eq!(decoded.charset, "windows-1251");
    assert!(decoded.transcoded);
    assert_eq!(decoded.text, encodable(&seed(1), WINDOWS_1251));
    assert_eq!(
        decode(docs[2].clone()).unwrap().text,
        seed_page(3, Some("utf-8"))
    );
}

#[test]
fn warc_yields_text_and_html_responses_only() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("crawl.warc");
    fs::write(&path, crawl().concat()).unwrap();
    check_crawl(&read(path));
}

#[test]
fn warc_gz_with_a_member_per_record_reads_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("crawl.warc.gz");
    fs::write(&path, gzip_members(&crawl())).unwrap();
    check_crawl(&read(path));
}

#[test]
fn a_truncated_warc_gz_yields_what_came_before_then_one_error() {
    let records = crawl();
    let members: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
    // Cut inside the member of the last record (the Bulgarian page).
    let before: usize = members[..7].iter().map(Vec::len).sum();
    let last = members[7].len();
    let offset: usize = records[..7].iter().map(Vec::len).sum();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("cut.warc.gz");
    let whole = members.concat();
    for cut in (before + 1..before + last).step_by(7) {
        fs::write(&path, &whole[..cut]).unwrap();
        let docs = read(path.clone());
        assert_eq!(ids(&docs[..2]), CRAWL_IDS[..2], "cut at {cut}");
        assert!(docs[..2].iter().all(|d| error_of(d).is_none()));
        let last_doc = docs.last().unwrap();
        let msg = error_of(last_doc).unwrap_or_else(|| panic!("cut at {cut}: no error"));
        assert!(msg.contains("truncated"), "cut at {cut}: {msg}");
        assert!(decode(last_doc.clone()).is_err());
        match docs.len() {
            // The cut took record bytes: the record is the error.
            3 => {
                if cut >= before + last / 2 {
                    assert_eq!(docs[2].id, CRAWL_IDS[2], "cut at {cut}: {msg}");
                } else {
                    assert!(
                        docs[2].id == CRAWL_IDS[2] || docs[2].id == format!("cut.warc.gz#{offset}"),
                        "cut at {cut}: {}",
                        docs[2].id
                    );
                }
            }
            // The cut took only the end of the gzip member (its last
            // deflate bits or its checksum): the record is whole, never
            // partial, and the stream's end is the error.
            4 => {
                assert!(cut > before + last * 9 / 10, "cut at {cut}");
                assert_eq!(bytes_of(&docs[2]), seed_page(3, Some("utf-8")).as_bytes());
                let end: usize = records.iter().map(Vec::len).sum();
                assert_eq!(docs[3].id, format!("cut.warc.gz#{end}"));
                assert_eq!(msg, "WARC record unreadable: truncated gzip stream");
            }
            n => panic!("cut at {cut}: {n} documents"),
        }
    }
}

#[test]
fn a_cut_in_the_second_of_two_small_records_keeps_the_first() {
    // Both records fit in the bytes read to sniff the file: the cut must
    // not take the complete first record down with it.
    let page = |title: &str| {
        format!("<html><body><h1>{title}</h1><p>Министрите обсъдиха съвместните действия в Сирия.</p></body></html>")
    };
    let a = gzip(&response_record(
        "https://a.example.bg/",
        "text/html",
        page("Първа").as_bytes(),
    ));
    let b = gzip(&response_record(
        "https://b.example.bg/",
        "text/html",
        page("Втора").as_bytes(),
    ));
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("small.warc.gz");
    for cut in [b.len() / 3, b.len() / 2, b.len() - 12] {
        fs::write(&path, [&a[..], &b[..cut]].concat()).unwrap();
        let docs = read(path.clone());
        assert_eq!(docs[0].id, "https://a.example.bg/", "cut at {cut}");
        assert!(error_of(&docs[0]).is_none(), "cut at {cut}");
        assert!(decode(docs[0].clone()).unwrap().text.contains("Първа"));
        assert_eq!(docs.len(), 2, "cut at {cut}");
        assert!(
            error_of(&docs[1]).unwrap().contains("truncated"),
            "cut at {cut}"
        );
    }
}

#[test]
fn a_truncated_warc_reports_the_cut_record() {
    let records = crawl();
    let whole = records.concat();
    let start: usize = records[..7].iter().map(Vec::len).sum();
    let header_len = memchr::memmem::find(&records[7], b"\r\n\r\n").unwrap() + 4;
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("cut.warc");

    fs::write(&path, &whole[..start + header_len + 100]).unwrap();
    let docs = read(path.clone());
    assert_eq!(ids(&docs), CRAWL_IDS);
    let block_len = records[7].len() - header_len - 4;
    assert_eq!(
        error_of(&docs[2]),
        Some(format!("truncated WARC record (got 100 of {block_len} bytes)").as_str())
    );

    fs::write(&path, &whole[..start + 20]).unwrap();
    let docs = read(path);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[2].id, format!("cut.warc#{start}"));
    assert!(error_of(&docs[2])
        .unwrap()
        .starts_with("truncated WARC record: header cut off"));
}

/// Five news pages, one WARC response record each.
fn five_pages() -> Vec<Vec<u8>> {
    (0..5)
        .map(|i| {
            response_record(
                &format!("https://news.example.bg/{i}"),
                "text/html; charset=utf-8",
                seed_page(i % 4, None).as_bytes(),
            )
        })
        .collect()
}

const FIVE_IDS: [&str; 5] = [
    "https://news.example.bg/0",
    "https://news.example.bg/1",
    "https://news.example.bg/2",
    "https://news.example.bg/3",
    "https://news.example.bg/4",
];

/// Issue 14, defect 5: one flipped byte in the middle of a `.warc.gz`
/// lost every record after it. The damaged member is now one error, read
/// where its record began, and reading resumes at the next member.
#[test]
fn a_corrupt_member_of_a_warc_gz_costs_only_its_record() {
    let records = five_pages();
    let members: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
    let offset = records[0].len();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("bad.warc.gz");
    let m = members[1].len();
    // The middle of the deflate data, near its start, and the checksum.
    for at in [m / 2, 24, m - 6] {
        let mut damaged = members.clone();
        damaged[1][at] ^= 0xFF;
        fs::write(&path, damaged.concat()).unwrap();
        let docs = read(path.clone());
        assert_eq!(
            ids(&docs),
            [
                FIVE_IDS[0],
                &format!("bad.warc.gz#{offset}"),
                FIVE_IDS[2],
                FIVE_IDS[3],
                FIVE_IDS[4]
            ],
            "flip at {at}"
        );
        let msg = error_of(&docs[1]).unwrap();
        let (start, next) = (members[0].len(), members[0].len() + m);
        assert!(
            msg.starts_with(&format!(
                "WARC record unreadable: corrupt gzip member at byte {start} ("
            )) && msg.ends_with(&format!("reading resumed at the next member, byte {next}")),
            "flip at {at}: {msg}"
        );
        for (i, doc) in docs.iter().enumerate().filter(|&(i, _)| i != 1) {
            assert_eq!(bytes_of(doc), seed_page(i % 4, None).as_bytes());
        }
    }
}

/// The same damage in a plain WARC: a record whose version line or
/// `Content-Length` is broken is one error, and the next record is read.
#[test]
fn a_malformed_record_in_a_warc_costs_only_itself() {
    let records = five_pages();
    let offset = records[0].len();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("bad.warc");
    for (from, to, says) in [
        ("WARC/1.1", "WARX/1.1", "not a WARC record at byte"),
        (
            "Content-Length",
            "Content-Lengtx",
            "has no valid Content-Length",
        ),
    ] {
        let mut damaged = records.clone();
        let text = String::from_utf8(damaged[1].clone()).unwrap();
        damaged[1] = text.replacen(from, to, 1).into_bytes();
        fs::write(&path, damaged.concat()).unwrap();
        let docs = read(path.clone());
        assert_eq!(
            ids(&docs),
            [
                FIVE_IDS[0],
                &format!("bad.warc#{offset}"),
                FIVE_IDS[2],
                FIVE_IDS[3],
                FIVE_IDS[4]
            ],
            "{to}"
        );
        let next = offset + records[1].len();
        let msg = error_of(&docs[1]).unwrap();
        assert!(
            msg.contains(says)
                && msg.ends_with(&format!("reading resumed at the next record, byte {next}")),
            "{msg}"
        );
        assert_eq!(bytes_of(&docs[4]), seed_page(0, None).as_bytes());
    }
}

#[test]
fn not_a_warc_and_records_without_uri() {
    let tmp = tempfile::tempdir().unwrap();
    let fake = tmp.path().join("fake.warc");
    fs::write(&fake, seed(0)).unwrap();
    let docs = read(fake);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "fake.warc#0");
    assert!(error_of(&docs[0])
        .unwrap()
        .starts_with("not a WARC record at byte 0"));

    let anonymous = [
        warcinfo(),
        warc_record(
            "response",
            None,
            "application/http; msgtype=response",
            &http_response("200 OK", "text/html", seed_page(2, None).as_bytes()),
        ),
    ];
    let offset = anonymous[0].len();
    let path = tmp.path().join("anon.warc");
    fs::write(&path, anonymous.concat()).unwrap();
    let docs = read(path);
    assert_eq!(ids(&docs), [format!("anon.warc#{offset}")]);
    assert!(docs[0].url.is_none());
    assert_eq!(bytes_of(&docs[0]), seed_page(2, None).as_bytes());
}

#[test]
fn http_codings_are_undone_and_resource_records_read() {
    let page = seed_page(1, Some("utf-8"));
    let mut chunked = Vec::new();
    for piece in page.as_bytes().chunks(1000) {
        chunked.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
        chunked.extend_from_slice(piece);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let chunked_http = [
        &b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"[..],
        &chunked,
    ]
    .concat();
    let gz_http = [
        &b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Encoding: gzip\r\n\r\n"[..],
        &gzip(page.as_bytes()),
    ]
    .concat();
    let records = [
        warc_record(
            "response",
            Some("https://a.ru/chunked"),
            "application/http; msgtype=response",
            &chunked_http,
        ),
        warc_record(
            "response",
            Some("https://a.ru/gzip"),
            "application/http; msgtype=response",
            &gz_http,
        ),
        warc_record(
            "resource",
            Some("file:///notes.txt"),
            "text/plain",
            seed(3).as_bytes(),
        ),
        warc_record(
            "resource",
            Some("file:///logo.png"),
            "image/png",
            b"\x89PNG\r\n\x1a\n",
        ),
    ];
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("codings.warc");
    fs::write(&path, records.concat()).unwrap();
    let docs = read(path);
    assert_eq!(
        ids(&docs),
        [
            "https://a.ru/chunked",
            "https://a.ru/gzip",
            "file:///notes.txt"
        ]
    );
    assert_eq!(bytes_of(&docs[0]), page.as_bytes());
    assert_eq!(bytes_of(&docs[1]), page.as_bytes());
    assert_eq!(bytes_of(&docs[2]), seed(3).as_bytes());
}

#[test]
fn oversized_and_bad_payloads_are_errors_and_reading_goes_on() {
    let big_page = seed_page(0, None).repeat(30);
    let records = [
        response_record("https://a.ru/big", "text/html", big_page.as_bytes()),
        response_record(
            "https://a.ru/big.jpg",
            "image/jpeg",
            &vec![0xFFu8; big_page.len()],
        ),
        response_record("https://a.ru/empty", "text/html", b""),
        response_record(
            "https://a.ru/fake.html",
            "text/html",
            b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n1 0 obj",
        ),
        response_record(
            "https://a.ru/ok",
            "text/html",
            seed_page(1, None).as_bytes(),
        ),
    ];
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("mixed.warc");
    fs::write(&path, records.concat()).unwrap();
    let opts = InputOptions {
        max_doc_bytes: 20_000,
        ..InputOptions::default()
    };
    let docs: Vec<RawDoc> = documents(&[path], &opts).collect();
    assert_eq!(
        ids(&docs),
        [
            "https://a.ru/big",
            "https://a.ru/empty",
            "https://a.ru/fake.html",
            "https://a.ru/ok"
        ]
    );
    assert_eq!(
        error_of(&docs[0]),
        Some(format!("document too large ({} bytes, limit 20000)", big_page.len()).as_str())
    );
    assert_eq!(error_of(&docs[1]), Some("empty document"));
    assert_eq!(error_of(&docs[2]), Some("binary payload (PDF document)"));
    assert_eq!(bytes_of(&docs[3]), seed_page(1, None).as_bytes());
}
