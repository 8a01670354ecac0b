//! Telling what a payload is from its first bytes: gzip, WARC, JSON Lines,
//! HTML, plain text, or binary (and which binary, by `data/input/magic.tsv`).
//! A WARC says so in its first line, whatever its records hold; JSON Lines
//! are judged on several lines, so one broken line does not hide a feed.

use std::sync::OnceLock;

/// How many leading bytes the binary and HTML tests look at.
pub(crate) const SNIFF_LEN: usize = 8192;
/// How many leading bytes are read before deciding what an input is:
/// enough for several JSON lines of news text.
pub(crate) const PEEK_LEN: usize = 64 << 10;
/// How many non-empty lines the JSON Lines test weighs.
const JSONL_LINES: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Sniffed {
    Gzip,
    Warc,
    Jsonl,
    Html,
    Text,
    /// Not text; the reason names the format when it is known.
    Binary(String),
}

pub(crate) fn is_gzip(prefix: &[u8]) -> bool {
    prefix.starts_with(&[0x1F, 0x8B])
}

/// Sniffs a payload from its prefix; `complete` says the prefix is the
/// whole payload.
pub(crate) fn sniff(prefix: &[u8], complete: bool) -> Sniffed {
    if is_gzip(prefix) {
        return Sniffed::Gzip;
    }
    // Before the binary test: a WARC's first record may be an image.
    if starts_warc(prefix) {
        return Sniffed::Warc;
    }
    if let Some(reason) = binary_reason(head(prefix)) {
        return Sniffed::Binary(reason);
    }
    let start = skip_bom_and_space(prefix);
    if looks_like_jsonl(start, complete) {
        Sniffed::Jsonl
    } else if looks_like_html(head(start)) {
        Sniffed::Html
    } else {
        Sniffed::Text
    }
}

/// The first `SNIFF_LEN` bytes.
pub(crate) fn head(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.len().min(SNIFF_LEN)]
}

/// A WARC file starts with a record's version line (`WARC/1.1`).
pub(crate) fn starts_warc(prefix: &[u8]) -> bool {
    skip_bom_and_space(prefix).starts_with(b"WARC/")
}

/// Why a payload is not text, judged from its prefix: a known magic number,
/// NUL bytes, or too many control characters. UTF-16 with a byte order mark
/// is text.
pub(crate) fn binary_reason(prefix: &[u8]) -> Option<String> {
    if let Some(name) = magic_name(prefix) {
        return Some(name.to_string());
    }
    if prefix.starts_with(&[0xFF, 0xFE]) || prefix.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    if memchr::memchr(0, prefix).is_some() {
        return Some("contains NUL bytes".to_string());
    }
    let controls = prefix.iter().filter(|&&b| is_binary_control(b)).count();
    // More than 5% control characters is not text in any charset we read.
    if !prefix.is_empty() && controls * 20 > prefix.len() {
        let percent = controls * 100 / prefix.len();
        return Some(format!("{percent}% control characters"));
    }
    None
}

/// Control bytes that do not occur in text (tab, line breaks, form feed and
/// escape, which ISO-2022 charsets use, do).
fn is_binary_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0x1B)) || b == 0x7F
}

struct Magic {
    name: String,
    offset: usize,
    /// `None` matches any byte.
    bytes: Vec<Option<u8>>,
}

const MAGIC_TABLE: &str = include_str!("../../../data/input/magic.tsv");

fn magics() -> &'static [Magic] {
    static CELL: OnceLock<Vec<Magic>> = OnceLock::new();
    CELL.get_or_init(|| {
        MAGIC_TABLE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let name = cols.next()?.trim().to_string();
                let offset = cols.next()?.trim().parse().ok()?;
                let bytes = cols
                    .next()?
                    .split_whitespace()
                    .map(|h| {
                        if h == "??" {
                            Some(None)
                        } else {
                            u8::from_str_radix(h, 16).ok().map(Some)
                        }
                    })
                    .collect::<Option<Vec<_>>>()?;
                Some(Magic {
                    name,
                    offset,
                    bytes,
                })
            })
            .collect()
    })
}

/// The name of the binary format whose magic number `prefix` starts with.
pub(crate) fn magic_name(prefix: &[u8]) -> Option<&'static str> {
    magics().iter().find_map(|m| {
        let window = prefix.get(m.offset..m.offset + m.bytes.len())?;
        let hit = window
            .iter()
            .zip(&m.bytes)
            .all(|(b, want)| want.is_none_or(|w| w == *b));
        hit.then_some(m.name.as_str())
    })
}

pub(crate) fn skip_bom_and_space(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let n = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[n..]
}

fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// A tag name follows `<` (`<p`, `</div`, `<!doctype`).
fn is_tag_start(rest: &[u8]) -> bool {
    match rest.first() {
        Some(b) if b.is_ascii_alphabetic() || *b == b'!' => true,
        Some(b'/') => rest.get(1).is_some_and(u8::is_ascii_alphabetic),
        _ => false,
    }
}

/// HTML: starts (after comments and an XML declaration) with a doctype or
/// an `html`/`head`/`body` tag, or with a tag and is dense with tags.
pub(crate) fn looks_like_html(start: &[u8]) -> bool {
    let mut s = start;
    loop {
        if s.starts_with(b"<!--") {
            match memchr::memmem::find(s, b"-->") {
                Some(i) => s = skip_bom_and_space(&s[i + 3..]),
                None => return true,
            }
        } else if s.starts_with(b"<?xml") {
            match memchr::memmem::find(s, b"?>") {
                Some(i) => s = skip_bom_and_space(&s[i + 2..]),
                None => return false,
            }
        } else {
            break;
        }
    }
    if starts_with_ci(s, b"<!doctype html") {
        return true;
    }
    for tag in [&b"<html"[..], b"<head", b"<body"] {
        if starts_with_ci(s, tag)
            && s.get(tag.len())
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>')
        {
            return true;
        }
    }
    if !(s.first() == Some(&b'<') && is_tag_start(&s[1..])) {
        return false;
    }
    let window = &s[..s.len().min(2048)];
    if find_ci(window, b"<head").is_some() || find_ci(window, b"<body").is_some() {
        return true;
    }
    let tags = memchr::memchr_iter(b'<', window)
        .filter(|&i| is_tag_start(&window[i + 1..]))
        .count();
    tags >= 3
}

/// JSON Lines: most of the first several non-empty lines are JSON objects
/// with a `text` or `html` key, so that a broken first line does not hide
/// the feed. A line that runs past the prefix counts as one when it opens
/// an object with a `"text":` or `"html":` key.
fn looks_like_jsonl(start: &[u8], complete: bool) -> bool {
    let (mut lines, mut documents) = (0, 0);
    let mut rest = start;
    while lines < JSONL_LINES && !rest.is_empty() {
        let (line, whole) = match memchr::memchr(b'\n', rest) {
            Some(i) => {
                let line = &rest[..i];
                rest = &rest[i + 1..];
                (line, true)
            }
            None => (std::mem::take(&mut rest), complete),
        };
        let line = line.trim_ascii();
        if line.is_empty() {
            continue;
        }
        lines += 1;
        let document = if whole {
            is_document_object(line)
        } else {
            line.starts_with(b"{")
                && (has_json_key(line, b"\"text\"") || has_json_key(line, b"\"html\""))
        };
        documents += usize::from(document);
    }
    documents * 2 > lines
}

fn is_document_object(line: &[u8]) -> bool {
    match serde_json::from_slice::<serde_json::Value>(line) {
        Ok(serde_json::Value::Object(map)) => map.contains_key("text") || map.contains_key("html"),
        _ => false,
    }
}

fn has_json_key(hay: &[u8], key: &[u8]) -> bool {
    memchr::memmem::find_iter(hay, key).any(|i| {
        hay[i + key.len()..]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b':')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_numbers_name_the_format() {
        assert_eq!(
            magic_name(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some("PNG image")
        );
        assert_eq!(magic_name(b"%PDF-1.7\n"), Some("PDF document"));
        assert_eq!(magic_name(b"\x7fELF\x02\x01"), Some("ELF executable"));
        assert_eq!(
            magic_name(b"\0\0\0\x18ftypmp42"),
            Some("MP4/QuickTime media")
        );
        assert_eq!(magic_name(b"PK"), None);
        assert_eq!(magic_name("Путин".as_bytes()), None);
    }

    #[test]
    fn sniffs_each_kind() {
        assert_eq!(sniff(b"\x1f\x8b\x08\0", false), Sniffed::Gzip);
        assert_eq!(
            sniff(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", false),
            Sniffed::Warc
        );
        assert_eq!(
            sniff(
                b"{\"id\": \"a\", \"text\": \"x\"}\n{\"text\": \"y\"}\n",
                false
            ),
            Sniffed::Jsonl
        );
        assert_eq!(sniff(b"{\"html\": \"<p>very long", false), Sniffed::Jsonl);
        assert_eq!(sniff(b"{\"name\": 1}\n", false), Sniffed::Text);
        assert_eq!(
            sniff(b"  <!DOCTYPE html><title>x</title>", false),
            Sniffed::Html
        );
        assert_eq!(
            sniff(b"<!-- saved --><HTML lang=ru><p>x</p>", false),
            Sniffed::Html
        );
        assert_eq!(
            sniff(b"<div><p>one</p><p>two</p></div>", false),
            Sniffed::Html
        );
        assert_eq!(
            sniff("<b>Внимание</b>: текст новости".as_bytes(), true),
            Sniffed::Text
        );
        assert_eq!(sniff("Заглавие\n\nТекст.".as_bytes(), true), Sniffed::Text);
        assert_eq!(
            sniff(b"%PDF-1.4\n", true),
            Sniffed::Binary("PDF document".into())
        );
        assert!(matches!(sniff(b"ab\0cd", true), Sniffed::Binary(r) if r.contains("NUL")));
        assert!(
            matches!(sniff(b"\x01\x02\x03\x04 text", true), Sniffed::Binary(r) if r.contains("control"))
        );
    }

    #[test]
    fn a_warc_whose_first_record_is_an_image_is_a_warc() {
        let mut warc = b"WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: image/png\r\nContent-Length: 16\r\n\r\n".to_vec();
        warc.extend_from_slice(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\x01\x02\x03\x04\x05\x06");
        assert_eq!(sniff(&warc, false), Sniffed::Warc);
    }

    #[test]
    fn json_lines_are_judged_on_several_lines() {
        // A broken first line among good ones.
        let feed = b"{\"text\": \n{\"text\": \"a\"}\n{\"html\": \"<p>b</p>\"}\n";
        assert_eq!(sniff(feed, true), Sniffed::Jsonl);
        // A good first line among broken ones is not a feed.
        let notes = b"{\"text\": \"a\"}\nnot json\nnor this\n";
        assert_eq!(sniff(notes, true), Sniffed::Text);
        // The last line cut off by the prefix still votes.
        let cut = b"{\"text\": \n{\"text\": \"a\"}\n{\"text\": \"very long";
        assert_eq!(sniff(cut, false), Sniffed::Jsonl);
        assert_eq!(sniff(cut, true), Sniffed::Text);
    }

    #[test]
    fn utf16_with_bom_is_not_binary() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Мир".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(binary_reason(&bytes), None);
    }
}
