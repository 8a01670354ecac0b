//! The HTTP response inside a WARC `response` record: status, the
//! `Content-Type` (media type and charset), and the body with transfer and
//! content codings undone.

use std::io::Read;

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

use crate::charset::content_type_charset;
use crate::limited::{read_payload, Layer};

/// The parts of an HTTP response head that reading needs.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct HttpHead {
    pub status: u16,
    /// Lower-cased media type without parameters (`text/html`).
    pub mime: Option<String>,
    pub charset: Option<String>,
    pub chunked: bool,
    pub content_encoding: Option<String>,
    /// Where the body starts in the block.
    pub body_start: usize,
}

/// Parses the head of an HTTP response at the start of `block`; `None`
/// when the block does not start with a complete one.
pub(crate) fn parse_head(block: &[u8]) -> Option<HttpHead> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let (head_len, body_start) = match memchr::memmem::find(block, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => {
            let i = memchr::memmem::find(block, b"\n\n")?;
            (i, i + 2)
        }
    };
    let head = String::from_utf8_lossy(&block[..head_len]);
    let mut lines = head.lines();
    let status = lines
        .next()?
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut out = HttpHead {
        status,
        body_start,
        ..HttpHead::default()
    };
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let (name, value) = (name.trim(), value.trim());
        if name.eq_ignore_ascii_case("Content-Type") {
            let mime = value.split(';').next().unwrap_or("").trim();
            out.mime = (!mime.is_empty()).then(|| mime.to_ascii_lowercase());
            out.charset = content_type_charset(value);
        } else if name.eq_ignore_ascii_case("Transfer-Encoding") {
            out.chunked = value.to_ascii_lowercase().contains("chunked");
        } else if name.eq_ignore_ascii_case("Content-Encoding") {
            let coding = value.to_ascii_lowercase();
            if coding != "identity" && !coding.is_empty() {
                out.content_encoding = Some(coding);
            }
        }
    }
    Some(out)
}

/// Undoes chunked transfer coding; `None` when the body is not well-formed
/// chunks (it is then taken as it is).
pub(crate) fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = memchr::memchr(b'\n', body)?;
        let size_line = std::str::from_utf8(&body[..eol]).ok()?;
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        body = &body[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        let chunk = body.get(..size)?;
        out.extend_from_slice(chunk);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

/// Undoes a `Content-Encoding` (gzip or deflate), reading at most `limit`
/// bytes out.
pub(crate) fn decode_content(coding: &str, body: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    let mut reader: Box<dyn Read + '_> = match coding {
        "gzip" | "x-gzip" => Box::new(MultiGzDecoder::new(body)),
        // "deflate" is zlib-wrapped by the standard, raw in some servers.
        "deflate" if body.first().is_some_and(|b| b & 0x0F == 8) => {
            Box::new(ZlibDecoder::new(body))
        }
        "deflate" => Box::new(DeflateDecoder::new(body)),
        other => return Err(format!("unsupported Content-Encoding: {other}")),
    };
    read_payload(Vec::new(), false, &mut reader, limit, None, Layer::Gzip).map_err(|e| {
        if e.0.starts_with("document too large") {
            e.0
        } else {
            format!("Content-Encoding {coding}: {}", e.0)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn parses_the_head() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\nBODY";
        let h = parse_head(block).unwrap();
        assert_eq!(h.status, 200);
        assert_eq!(h.mime.as_deref(), Some("text/html"));
        assert_eq!(h.charset.as_deref(), Some("windows-1251"));
        assert!(h.chunked);
        assert_eq!(h.content_encoding.as_deref(), Some("gzip"));
        assert_eq!(&block[h.body_start..], b"BODY");
        assert!(parse_head(b"HTTP/1.1 200 OK\r\nContent-Type: text/html").is_none());
        assert!(parse_head(b"<html>").is_none());
        let bare = parse_head(b"HTTP/1.0 404 Not Found\n\n").unwrap();
        assert_eq!((bare.status, bare.mime), (404, None));
    }

    #[test]
    fn chunks_are_joined() {
        let body = "Сирийский десант".as_bytes();
        let mut chunked = format!("{:x}\r\n", 10).into_bytes();
        chunked.extend_from_slice(&body[..10]);
        chunked.extend_from_slice(format!("\r\n{:X};ext=1\r\n", body.len() - 10).as_bytes());
        chunked.extend_from_slice(&body[10..]);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        assert_eq!(dechunk(&chunked).unwrap(), body);
        assert!(dechunk(b"zz\r\nabc").is_none());
        assert!(dechunk(b"10\r\nabc").is_none());
    }

    #[test]
    fn content_codings() {
        let text = "Министрите се срещнаха в Москва.".as_bytes();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(text).unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(decode_content("gzip", &gz, 1 << 20).unwrap(), text);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(text).unwrap();
        assert_eq!(
            decode_content("deflate", &z.finish().unwrap(), 1 << 20).unwrap(),
            text
        );
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        d.write_all(text).unwrap();
        assert_eq!(
            decode_content("deflate", &d.finish().unwrap(), 1 << 20).unwrap(),
            text
        );
        assert!(decode_content("br", text, 1 << 20)
            .unwrap_err()
            .contains("br"));
        assert!(decode_content("gzip", &gz[..gz.len() / 2], 1 << 20)
            .unwrap_err()
            .contains("truncated"));
        assert!(decode_content("gzip", &gz, 5)
            .unwrap_err()
            .starts_with("document too large"));
    }
}
