//! Helpers shared by the integration tests: the seed texts, WARC records
//! and gzip members built from them, files written into a test folder,
//! and short views of documents.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

use dyad_core::{Payload, RawDoc};
use flate2::write::GzEncoder;
use flate2::Compression;

pub const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds");
pub const SCRAPINGHUB: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/scrapinghub/html"
);

/// The Russian seeds are 000–002, the Bulgarian one 003.
pub fn seed(n: usize) -> String {
    let dir = std::fs::read_dir(SEEDS).unwrap();
    let mut names: Vec<PathBuf> = dir
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    std::fs::read_to_string(&names[n]).unwrap()
}

/// A seed as a small HTML page.
pub fn seed_page(n: usize, charset_meta: Option<&str>) -> String {
    let text = seed(n);
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap().to_string();
    let meta = charset_meta
        .map(|c| format!("<meta charset=\"{c}\">"))
        .unwrap_or_default();
    let body: String = lines.map(|l| format!("<p>{l}</p>\n")).collect();
    format!(
        "<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title></head>\n<body><h1>{title}</h1>\n{body}</body></html>\n"
    )
}

/// `text` with every character `enc` cannot encode replaced by `?`, so
/// that encoding and decoding round-trip exactly.
pub fn encodable(text: &str, enc: &'static encoding_rs::Encoding) -> String {
    text.chars()
        .map(|c| {
            let mut buf = [0u8; 4];
            let (_, _, unmappable) = enc.encode(c.encode_utf8(&mut buf));
            if unmappable {
                '?'
            } else {
                c
            }
        })
        .collect()
}

pub fn encode(text: &str, enc: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "test text not encodable in {}", enc.name());
    bytes.into_owned()
}

/// One WARC record.
pub fn warc_record(kind: &str, uri: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut head = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Date: 2025-03-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\n",
        block.len()
    );
    if let Some(uri) = uri {
        head.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
    }
    head.push_str(&format!(
        "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    ));
    let mut r = head.into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// An HTTP response as a WARC `response` record stores it.
pub fn http_response(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 {status}\r\nServer: test\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

pub fn response_record(uri: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    warc_record(
        "response",
        Some(uri),
        "application/http; msgtype=response",
        &http_response("200 OK", content_type, body),
    )
}

pub fn request_record(uri: &str) -> Vec<u8> {
    let req = format!("GET / HTTP/1.1\r\nHost: {uri}\r\n\r\n");
    warc_record(
        "request",
        Some(uri),
        "application/http; msgtype=request",
        req.as_bytes(),
    )
}

pub fn warcinfo() -> Vec<u8> {
    warc_record(
        "warcinfo",
        None,
        "application/warc-fields",
        b"software: dyad-input tests\r\nformat: WARC File Format 1.1\r\n",
    )
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// A `.warc.gz`: one gzip member per record.
pub fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r)).collect()
}

pub fn error_of(doc: &RawDoc) -> Option<&str> {
    match &doc.payload {
        Payload::Error(e) => Some(e.0.as_str()),
        _ => None,
    }
}

/// The payload bytes (or string) of a document, for comparisons.
pub fn bytes_of(doc: &RawDoc) -> &[u8] {
    match &doc.payload {
        Payload::Bytes { bytes, .. } => bytes,
        Payload::Str { text, .. } => text.as_bytes(),
        Payload::Error(e) => panic!("{}: error {}", doc.id, e.0),
    }
}

pub fn ids(docs: &[RawDoc]) -> Vec<&str> {
    docs.iter().map(|d| d.id.as_str()).collect()
}

/// `s` as a JSON string literal.
pub fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// Writes `bytes` to `rel` under `dir` (making its folders); its path.
pub fn write(dir: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}
