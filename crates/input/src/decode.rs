//! Bytes to text: UTF-8 when valid (kept byte for byte), mostly-valid UTF-8
//! repaired, else the declared charset, else the one chardetng detects.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use dyad_core::{Decoded, DocError, Payload, PayloadKind, RawDoc};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::charset;

/// Decodes a raw document's payload to text.
pub fn decode(raw: RawDoc) -> Result<Decoded, DocError> {
    let RawDoc {
        id,
        url,
        date,
        payload,
        ..
    } = raw;
    let (text, kind, charset, transcoded) = match payload {
        Payload::Error(e) => return Err(e),
        Payload::Str { text, kind } => (text, kind, UTF_8.name(), false),
        Payload::Bytes {
            bytes,
            kind,
            charset,
        } => {
            let out = decode_bytes(bytes, kind, charset.as_deref(), url.as_deref())?;
            (out.text, kind, out.charset, out.transcoded)
        }
    };
    Ok(Decoded {
        id,
        url,
        date,
        kind,
        text,
        charset,
        transcoded,
    })
}

struct Text {
    text: String,
    charset: &'static str,
    transcoded: bool,
}

fn decode_bytes(
    bytes: Vec<u8>,
    kind: PayloadKind,
    declared: Option<&str>,
    url: Option<&str>,
) -> Result<Text, DocError> {
    if bytes.is_empty() {
        return Err("empty document".into());
    }
    // Valid UTF-8 is kept exactly as read, a byte order mark included.
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Text {
                text,
                charset: UTF_8.name(),
                transcoded: false,
            })
        }
        Err(e) => e.into_bytes(),
    };
    if let Some(enc) = utf16_bom(&bytes) {
        return transcode(&bytes[2..], enc, "the byte order mark");
    }
    let stats = Utf8Stats::of(&bytes);
    if stats.mostly_valid() {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        return Ok(Text {
            text,
            charset: UTF_8.name(),
            transcoded: true,
        });
    }
    let declared = declared
        .and_then(charset::for_label)
        .or_else(|| charset::declared_in(&bytes, kind == PayloadKind::Html))
        .filter(|&e| e != UTF_8 && e != UTF_16LE && e != UTF_16BE);
    if let Some(enc) = declared {
        // A declaration the bytes contradict falls back to detection.
        if let Ok(t) = transcode(&bytes, enc, "the declared charset") {
            return Ok(t);
        }
    }
    let enc = detect(&bytes, url);
    transcode(&bytes, enc, "the detected charset")
}

/// Decodes with `enc`; text with too many replacement or control
/// characters is refused: the bytes are not text in that charset.
fn transcode(bytes: &[u8], enc: &'static Encoding, how: &str) -> Result<Text, DocError> {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let mut chars = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        chars += 1;
        if c == char::REPLACEMENT_CHARACTER
            || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{1b}'))
        {
            bad += 1;
        }
    }
    // One bad character in ten is not a text in this charset.
    if bad * 10 > chars {
        return Err(DocError(format!(
            "invalid bytes: {bad} of {chars} characters undecodable as {} ({how})",
            enc.name()
        )));
    }
    Ok(Text {
        text: text.into_owned(),
        charset: enc.name(),
        transcoded: true,
    })
}

fn utf16_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(UTF_16LE),
        [0xFE, 0xFF, ..] => Some(UTF_16BE),
        _ => None,
    }
}

/// How many bytes chardetng is given. It reads about 6 MB/s; on the
/// slavicner texts a 512-byte sample already guesses as well as the whole.
const DETECT_SAMPLE: usize = 4096;

/// chardetng's guess, helped by the top-level domain of the URL, if any.
fn detect(bytes: &[u8], url: Option<&str>) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(detection_sample(bytes), true);
    let tld = url.and_then(tld_of);
    detector.guess(tld.as_deref().map(str::as_bytes), Utf8Detection::Deny)
}

/// Up to `DETECT_SAMPLE` bytes from the start of the word (after a space
/// or a tag) holding the first non-ASCII byte (markup and ASCII before it tell nothing about the charset), not
/// ending inside a run of non-ASCII bytes when it can help it.
fn detection_sample(bytes: &[u8]) -> &[u8] {
    if bytes.len() <= DETECT_SAMPLE {
        return bytes;
    }
    let first = bytes.iter().position(|&b| b >= 0x80).unwrap_or(0);
    let look_back = first.saturating_sub(64);
    let from = bytes[look_back..first]
        .iter()
        .rposition(|&b| b.is_ascii_whitespace() || b == b'>')
        .map_or(look_back, |i| look_back + i + 1);
    let mut end = (from + DETECT_SAMPLE).min(bytes.len());
    let stop = (end + 16).min(bytes.len());
    while end < stop && bytes[end] >= 0x80 {
        end += 1;
    }
    &bytes[from..end]
}

/// `https://www.kp.ru/daily/x` → `ru`.
fn tld_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.trim_end_matches('.');
    let tld = host.rsplit('.').next()?;
    (!tld.is_empty() && tld.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| tld.to_ascii_lowercase())
}

/// Counts of well-formed multi-byte UTF-8 sequences and of invalid ones.
struct Utf8Stats {
    valid_multibyte: usize,
    invalid: usize,
}

impl Utf8Stats {
    fn of(mut bytes: &[u8]) -> Self {
        let mut stats = Utf8Stats {
            valid_multibyte: 0,
            invalid: 0,
        };
        loop {
            match std::str::from_utf8(bytes) {
                Ok(s) => {
                    stats.count_multibyte(s);
                    return stats;
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    if let Ok(s) = std::str::from_utf8(&bytes[..good]) {
                        stats.count_multibyte(s);
                    }
                    stats.invalid += 1;
                    let skip = e.error_len().unwrap_or(bytes.len() - good);
                    bytes = &bytes[good + skip..];
                }
            }
        }
    }

    fn count_multibyte(&mut self, s: &str) {
        self.valid_multibyte += s.bytes().filter(|&b| b >= 0xC0).count();
    }

    /// UTF-8 with a few broken sequences (a cut multi-byte character, a
    /// stray byte): at least four good non-ASCII characters per bad one.
    fn mostly_valid(&self) -> bool {
        self.invalid * 4 <= self.valid_multibyte
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_stats_count_sequences() {
        let s = Utf8Stats::of("Путин\u{fffd}".as_bytes());
        assert_eq!((s.valid_multibyte, s.invalid), (6, 0));
        let mut bytes = "Путин и".as_bytes().to_vec();
        bytes.push(0xD0);
        bytes.extend_from_slice(b" x \xFF");
        let s = Utf8Stats::of(&bytes);
        assert_eq!((s.valid_multibyte, s.invalid), (6, 2));
    }

    #[test]
    fn detection_sample_starts_at_the_first_non_ascii_word() {
        let short = "<p>Мир</p>".as_bytes();
        assert_eq!(detection_sample(short), short);
        let mut text = "Президент ".repeat(1000).into_bytes();
        text.splice(0..0, b"Moscow, 14 August. ".iter().copied());
        assert!(detection_sample(&text).starts_with("Президент".as_bytes()));
        let mut page = b"<html><head><script>".to_vec();
        page.extend(std::iter::repeat_n(b'x', 20_000));
        page.extend_from_slice(b"</script><p>\xcf\xf3\xf2\xe8\xed ");
        page.extend(std::iter::repeat_n(0xE0, 20_000));
        let sample = detection_sample(&page);
        assert!(sample.starts_with(b"\xcf\xf3"), "{:?}", &sample[..20]);
        assert_eq!(sample.len(), DETECT_SAMPLE + 16);
    }

    #[test]
    fn tld_from_urls() {
        assert_eq!(tld_of("https://www.kp.ru/daily/1").as_deref(), Some("ru"));
        assert_eq!(tld_of("http://user@news.BG:8080/?q").as_deref(), Some("bg"));
        assert_eq!(tld_of("dnevnik.bg").as_deref(), Some("bg"));
        assert_eq!(tld_of(""), None);
    }
}
