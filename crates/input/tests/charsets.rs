//! Decoding: UTF-8 kept as read, Cyrillic single-byte charsets declared or
//! detected, broken UTF-8 repaired, and bytes that are no text refused.

mod common;

use std::path::PathBuf;

use common::*;
use dyad_core::{Payload, PayloadKind, RawDoc};
use dyad_input::{decode, documents, InputOptions};
use encoding_rs::{Encoding, KOI8_R, UTF_16LE, WINDOWS_1251};

const UKRAINIAN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/slavicner/uk/asia_bibi__asia_bibi_uk.txt_file_1.txt"
);

fn raw(bytes: Vec<u8>, kind: PayloadKind, charset: Option<&str>) -> RawDoc {
    RawDoc {
        id: "t".into(),
        origin: None,
        url: None,
        date: None,
        payload: Payload::Bytes {
            bytes,
            kind,
            charset: charset.map(str::to_string),
        },
    }
}

fn texts() -> Vec<(String, &'static str)> {
    vec![
        (seed(0), "ru"),
        (seed(1), "ru"),
        (seed(2), "ru"),
        (seed(3), "bg"),
        (std::fs::read_to_string(UKRAINIAN).unwrap(), "uk"),
    ]
}

#[test]
fn utf8_is_kept_byte_for_byte_bom_included() {
    for (text, _) in texts() {
        let with_bom = format!("\u{feff}{text}");
        for t in [text, with_bom] {
            let d = decode(raw(t.clone().into_bytes(), PayloadKind::Text, None)).unwrap();
            assert_eq!(d.text, t);
            assert_eq!(d.charset, "UTF-8");
            assert!(!d.transcoded);
        }
    }
}

fn undeclared(enc: &'static Encoding, accept: &[&str]) {
    for (text, lang) in texts() {
        let text = encodable(&text, enc);
        let d = decode(raw(encode(&text, enc), PayloadKind::Text, None)).unwrap();
        assert!(
            accept.contains(&d.charset),
            "{lang}: detected {}",
            d.charset
        );
        assert_eq!(d.text, text, "{lang}");
        assert!(d.transcoded);
    }
}

#[test]
fn windows_1251_is_detected_in_russian_bulgarian_and_ukrainian() {
    undeclared(WINDOWS_1251, &["windows-1251"]);
}

#[test]
fn koi8_is_detected_in_russian() {
    // chardetng names the KOI8 family by its superset KOI8-U, which reads
    // Russian text identically.
    for (text, lang) in texts().into_iter().filter(|(_, l)| *l == "ru") {
        let text = encodable(&text, KOI8_R);
        let d = decode(raw(encode(&text, KOI8_R), PayloadKind::Text, None)).unwrap();
        assert!(
            ["KOI8-R", "KOI8-U"].contains(&d.charset),
            "{lang}: {}",
            d.charset
        );
        assert_eq!(d.text, text);
    }
}

#[test]
fn declared_charsets_in_meta_http_equiv_xml_and_http() {
    let page = encodable(&seed_page(0, Some("koi8-r")), KOI8_R);
    let d = decode(raw(encode(&page, KOI8_R), PayloadKind::Html, None)).unwrap();
    assert_eq!((d.charset, d.text.as_str()), ("KOI8-R", page.as_str()));

    let bg = encodable(&seed_page(3, None), WINDOWS_1251).replacen(
        "<head>",
        "<head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\">",
        1,
    );
    let d = decode(raw(encode(&bg, WINDOWS_1251), PayloadKind::Html, None)).unwrap();
    assert_eq!((d.charset, d.text.as_str()), ("windows-1251", bg.as_str()));

    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<item><title>{}</title></item>",
        encodable(&seed(2), WINDOWS_1251)
    );
    let d = decode(raw(encode(&xml, WINDOWS_1251), PayloadKind::Text, None)).unwrap();
    assert_eq!((d.charset, d.text.as_str()), ("windows-1251", xml.as_str()));

    // The HTTP header beats detection: KOI8-R bytes announced as such.
    let text = encodable(&seed(1), KOI8_R);
    let d = decode(raw(
        encode(&text, KOI8_R),
        PayloadKind::Text,
        Some("koi8-r"),
    ))
    .unwrap();
    assert_eq!((d.charset, d.text.as_str()), ("KOI8-R", text.as_str()));
}

#[test]
fn a_declaration_the_bytes_contradict_gives_way_to_detection() {
    // Declared UTF-8, written in windows-1251 (a common mistake).
    let page = encodable(&seed_page(3, Some("utf-8")), WINDOWS_1251);
    let d = decode(raw(encode(&page, WINDOWS_1251), PayloadKind::Html, None)).unwrap();
    assert_eq!(
        (d.charset, d.text.as_str()),
        ("windows-1251", page.as_str())
    );
}

#[test]
fn the_url_domain_helps_detection() {
    let text = encodable(&seed(3), WINDOWS_1251);
    let mut doc = raw(encode(&text, WINDOWS_1251), PayloadKind::Text, None);
    doc.url = Some("https://www.dnevnik.bg/sviat/2015/11/26/putin".into());
    let d = decode(doc).unwrap();
    assert_eq!(
        d.url.as_deref(),
        Some("https://www.dnevnik.bg/sviat/2015/11/26/putin")
    );
    assert_eq!(
        (d.charset, d.text.as_str()),
        ("windows-1251", text.as_str())
    );
}

#[test]
fn mostly_valid_utf8_is_repaired_not_reinterpreted() {
    let text = seed(0);
    let mut bytes = text.clone().into_bytes();
    // Break three characters by overwriting their lead bytes.
    let mut broken = 0;
    for frac in [4, 2, 3] {
        let mut at = bytes.len() / frac;
        while bytes[at] < 0xC0 {
            at += 1;
        }
        bytes[at] = 0xFF;
        broken += 1;
    }
    let d = decode(raw(bytes, PayloadKind::Text, Some("windows-1251"))).unwrap();
    assert_eq!(d.charset, "UTF-8");
    assert!(d.transcoded);
    assert_eq!(d.text.matches('\u{fffd}').count(), broken * 2);
    assert_eq!(d.text.chars().count(), text.chars().count() + broken);
    assert!(d.text.contains("Сирийский десант в Кремле"));
}

#[test]
fn utf16_with_a_byte_order_mark() {
    let text = seed(3);
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let d = decode(raw(bytes, PayloadKind::Text, None)).unwrap();
    assert_eq!(
        (d.charset, d.text.as_str()),
        (UTF_16LE.name(), text.as_str())
    );
}

#[test]
fn bytes_that_are_no_text_are_refused_by_decode() {
    // Pseudo-random bytes, as an undeclared compressed payload looks.
    let mut x: u32 = 0x2545_F491;
    let bytes: Vec<u8> = (0..4000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect();
    let err = decode(raw(bytes, PayloadKind::Html, None)).unwrap_err();
    assert!(err.0.starts_with("invalid bytes:"), "{}", err.0);
    let err = decode(raw(Vec::new(), PayloadKind::Text, None)).unwrap_err();
    assert_eq!(err.0, "empty document");
}

#[test]
fn strings_pass_through_and_errors_come_back() {
    let doc = RawDoc {
        id: "x.jsonl:1".into(),
        origin: None,
        url: Some("https://a.ru".into()),
        date: Some("2025-01-01".into()),
        payload: Payload::Str {
            text: seed(1),
            kind: PayloadKind::Text,
        },
    };
    let d = decode(doc).unwrap();
    assert_eq!(
        (d.id.as_str(), d.text.as_str(), d.charset),
        ("x.jsonl:1", seed(1).as_str(), "UTF-8")
    );
    assert_eq!(d.date.as_deref(), Some("2025-01-01"));
    assert!(!d.transcoded);
}

#[test]
fn cyrillic_files_read_and_decode_end_to_end() {
    let tmp = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (i, (text, lang)) in texts().into_iter().enumerate() {
        let text = encodable(&text, WINDOWS_1251);
        let path: PathBuf = tmp.path().join(format!("{i}_{lang}"));
        std::fs::write(&path, encode(&text, WINDOWS_1251)).unwrap();
        paths.push((path, text));
    }
    let args: Vec<PathBuf> = paths.iter().map(|(p, _)| p.clone()).collect();
    let docs: Vec<RawDoc> = documents(&args, &InputOptions::default()).collect();
    for (doc, (_, text)) in docs.into_iter().zip(&paths) {
        let d = decode(doc).unwrap();
        assert_eq!((d.charset, &d.text), ("windows-1251", text));
    }
}
