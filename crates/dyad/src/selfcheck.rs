//! The invariants every input keeps, whatever its bytes: no panic, one
//! record per document, offsets inside the text and on its characters.
//! Each function takes raw bytes and panics when an invariant breaks; the
//! fuzz targets (`fuzz/`) call them on generated inputs, and the replay
//! test (`tests/fuzz_replay.rs`) on every input the fuzzers kept or found.

use std::io::Cursor;
use std::sync::OnceLock;

use dyad_core::{Article, Decoded, Payload, PayloadKind, RawDoc, Record};
use dyad_input::{documents_from_reader, InputFormat, InputOptions};

use crate::pipeline::Pipeline;

/// The largest input the checks feed through (fuzzers stay far below).
const MAX_INPUT: usize = 1 << 20;

/// The built-in pipeline, loaded once per process.
pub fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::builtin().expect("the built-in data loads"))
}

/// A raw document of `data`: HTML when it opens like markup, else text.
pub(crate) fn raw(id: &str, data: &[u8]) -> RawDoc {
    let kind = if data.trim_ascii_start().starts_with(b"<") {
        PayloadKind::Html
    } else {
        PayloadKind::Text
    };
    RawDoc {
        id: id.to_string(),
        url: None,
        date: None,
        origin: None,
        payload: Payload::Bytes {
            bytes: data.to_vec(),
            kind,
            charset: None,
        },
    }
}

/// Decoding: valid UTF-8 without a byte-order mark comes back unchanged;
/// anything else decodes to text or a clear error.
pub fn decode(data: &[u8]) {
    let data = &data[..data.len().min(MAX_INPUT)];
    match dyad_input::decode(raw("fuzz", data)) {
        Ok(d) => {
            if let Ok(s) = std::str::from_utf8(data) {
                if !d.transcoded {
                    assert_eq!(d.text, s, "untranscoded text must be the input");
                }
            }
        }
        Err(e) => assert!(!e.0.is_empty(), "an error must say something"),
    }
}

/// Blocks lie on character boundaries inside the text, in order, apart.
fn check_article(a: &Article) {
    let mut last = 0;
    for b in &a.blocks {
        assert!(b.span.start <= b.span.end, "block {:?} reversed", b.span);
        assert!(
            b.span.start >= last,
            "block {:?} overlaps the one before",
            b.span
        );
        assert!(
            b.span.end <= a.text.len(),
            "block {:?} past the text",
            b.span
        );
        assert!(a.text.is_char_boundary(b.span.start) && a.text.is_char_boundary(b.span.end));
        last = b.span.end;
    }
}

/// Plain-text extraction: the text is the input, blocks inside it.
pub fn extract_text(data: &[u8]) {
    let text = String::from_utf8_lossy(&data[..data.len().min(MAX_INPUT)]).into_owned();
    let a = dyad_extract::extract(Decoded::utf8("fuzz", PayloadKind::Text, text.clone()));
    assert_eq!(a.text, text, "plain-text extraction keeps the text as read");
    check_article(&a);
}

/// HTML extraction: blocks inside the extracted text.
pub fn extract_html(data: &[u8]) {
    let html = String::from_utf8_lossy(&data[..data.len().min(MAX_INPUT)]).into_owned();
    let a = dyad_extract::extract(Decoded::utf8("fuzz", PayloadKind::Html, html));
    check_article(&a);
}

/// Every document a reader yields, with a bound on how many there can be
/// (a reader that loops forever fails here instead of hanging).
fn read_all(id: &str, data: Vec<u8>, format: InputFormat) -> Vec<RawDoc> {
    let bound = data.len() + 2;
    let mut docs = Vec::new();
    let opts = InputOptions {
        format,
        ..InputOptions::default()
    };
    for doc in documents_from_reader(id, Cursor::new(data), &opts) {
        assert!(!doc.id.is_empty(), "a document without an id");
        docs.push(doc);
        assert!(docs.len() <= bound, "more documents than input bytes");
    }
    docs
}

/// WARC reading (`--format warc`, the bytes after a version line, so that
/// they are not taken for gzip): it ends, and every document has an id.
pub fn warc(data: &[u8]) {
    let mut bytes = b"WARC/1.0\r\n".to_vec();
    bytes.extend_from_slice(&data[..data.len().min(MAX_INPUT)]);
    read_all("fuzz.warc", bytes, InputFormat::Warc);
}

/// JSON Lines reading (`--format jsonl`, after one good line, so that the
/// bytes are not taken for gzip): one document, or one error document, per
/// non-blank line.
pub fn jsonl(data: &[u8]) {
    let mut bytes = b"{\"text\": \"first\"}\n".to_vec();
    bytes.extend_from_slice(&data[..data.len().min(MAX_INPUT)]);
    let lines = bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.trim_ascii().is_empty())
        .count();
    let docs = read_all("fuzz.jsonl", bytes, InputFormat::Jsonl);
    assert_eq!(docs.len(), lines, "one document per non-blank line");
}

/// The whole pipeline on one document: one record, no caught bug, every
/// offset inside the text the record points into.
pub fn one_document(data: &[u8]) {
    let data = &data[..data.len().min(MAX_INPUT)];
    let record = pipeline().process(raw("fuzz", data));
    check_record(&record, data);
}

/// A record's invariants; `input` is the document as read (the text
/// offsets point into when the record carries none).
pub fn check_record(r: &Record, input: &[u8]) {
    if let Some(error) = &r.error {
        assert!(
            !error.starts_with("internal error"),
            "a stage panicked: {error}"
        );
        assert!(
            r.events.is_empty() && r.blocks.is_empty(),
            "an error record with content"
        );
        return;
    }
    let text = match &r.text {
        Some(t) => t.as_str(),
        None => std::str::from_utf8(input).expect("a record without text had UTF-8 input"),
    };
    let chars: Vec<char> = text.chars().collect();
    let slice = |start: usize, end: usize| -> String {
        assert!(
            start <= end && end <= chars.len(),
            "span {start}..{end} of {}",
            chars.len()
        );
        chars[start..end].iter().collect()
    };
    let mut last = 0;
    for b in &r.blocks {
        assert!(b.start >= last, "blocks out of order");
        slice(b.start, b.end);
        last = b.end;
    }
    for m in &r.mentions {
        assert_eq!(
            slice(m.start, m.end),
            m.text,
            "a mention's text is its span"
        );
        assert!(
            r.blocks
                .iter()
                .any(|b| b.start <= m.start && m.end <= b.end),
            "mention {}..{} outside the kept blocks",
            m.start,
            m.end
        );
    }
    for e in &r.events {
        let sentence = e.sentence.as_ref().expect("an event has its sentence");
        slice(sentence.start, sentence.end);
        assert!(text.contains(&e.evidence), "evidence not in the text");
        assert!(
            !e.actors.is_empty() || !e.recipients.is_empty(),
            "an event without sides"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(name: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/../../examples/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    #[test]
    fn the_examples_keep_every_invariant() {
        let dir = format!("{}/../../examples", env!("CARGO_MANIFEST_DIR"));
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if !path.is_file() {
                continue;
            }
            let data = std::fs::read(path).unwrap();
            decode(&data);
            extract_text(&data);
            extract_html(&data);
            one_document(&data);
            n += 1;
        }
        assert!(n >= 5);
    }

    #[test]
    #[should_panic(expected = "outside the kept blocks")]
    fn a_mention_outside_the_blocks_breaks_the_record_check() {
        let data = seed("000_6a66f7ca3045d2d3.txt");
        let mut record = pipeline().process(raw("fuzz", &data));
        assert!(!record.mentions.is_empty());
        record.blocks.clear();
        check_record(&record, &data);
    }

    #[test]
    #[should_panic(expected = "a stage panicked")]
    fn a_caught_panic_fails_the_record_check() {
        let record = Record::error("x", None, "internal error while processing: boom");
        check_record(&record, b"");
    }
}
