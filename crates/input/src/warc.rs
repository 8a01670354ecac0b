//! A small WARC record reader (WARC/1.0 and 1.1) over any `BufRead`: the
//! version line, the named fields, `Content-Length` bytes of block, and the
//! two line breaks that close a record. A cut-off stream is reported, never
//! mistaken for a shorter record; after a malformed record, `resync` finds
//! the next version line at a line start.

use std::io::{self, BufRead, Read};

/// The longest header block accepted; longer is not a WARC header.
const MAX_HEADER: usize = 1 << 20;

/// A record's header: its version line, fields in order, and where it
/// starts in the (decompressed) stream.
#[derive(Debug, Clone)]
pub(crate) struct WarcHeader {
    pub offset: u64,
    pub fields: Vec<(String, String)>,
}

impl WarcHeader {
    /// The first field of that name (names are case-insensitive).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn record_type(&self) -> Option<&str> {
        self.get("WARC-Type")
    }

    /// `WARC-Target-URI`, without the angle brackets some writers add.
    pub fn target_uri(&self) -> Option<&str> {
        let v = self.get("WARC-Target-URI")?.trim();
        let v = v
            .strip_prefix('<')
            .and_then(|v| v.strip_suffix('>'))
            .unwrap_or(v);
        (!v.is_empty()).then_some(v)
    }

    pub fn content_length(&self) -> Option<u64> {
        self.get("Content-Length")?.trim().parse().ok()
    }
}

/// Why a record could not be read.
#[derive(Debug)]
pub(crate) enum WarcError {
    /// The stream ended inside a header or a block.
    Truncated(String),
    /// Not WARC where a record should start, or a header without a length.
    Malformed(String),
    Io(io::Error),
}

pub(crate) struct WarcReader<R> {
    r: R,
    pos: u64,
    /// A version line `resync` found, with its offset: the next header's.
    found: Option<(u64, Vec<u8>)>,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(r: R) -> Self {
        WarcReader {
            r,
            pos: 0,
            found: None,
        }
    }

    /// Reads the next record header; `None` at a clean end of stream.
    pub fn next_header(&mut self) -> Result<Option<WarcHeader>, WarcError> {
        let (offset, mut line) = match self.found.take() {
            Some(found) => found,
            None => {
                let mut line = Vec::new();
                // Blank lines between records are tolerated.
                let offset = loop {
                    let start = self.pos;
                    line.clear();
                    if self.read_line(&mut line)? == 0 {
                        return Ok(None);
                    }
                    if !is_blank_line(&line) {
                        break start;
                    }
                };
                (offset, line)
            }
        };
        if !line.ends_with(b"\n") {
            return Err(WarcError::Truncated(format!(
                "truncated WARC record: header cut off at byte {}",
                self.pos
            )));
        }
        let version = trim_eol(&line);
        if !version.starts_with(b"WARC/") {
            let shown = String::from_utf8_lossy(&version[..version.len().min(40)]).into_owned();
            return Err(WarcError::Malformed(format!(
                "not a WARC record at byte {offset} (starts with {shown:?})"
            )));
        }
        let mut header = WarcHeader {
            offset,
            fields: Vec::new(),
        };
        let mut size = line.len();
        loop {
            line.clear();
            let n = self.read_line(&mut line)?;
            size += n;
            if n == 0 || !line.ends_with(b"\n") {
                return Err(WarcError::Truncated(format!(
                    "truncated WARC record: header cut off at byte {}",
                    self.pos
                )));
            }
            if size > MAX_HEADER {
                return Err(WarcError::Malformed(format!(
                    "WARC header at byte {offset} longer than {MAX_HEADER} bytes"
                )));
            }
            let l = trim_eol(&line);
            if l.is_empty() {
                break;
            }
            let text = String::from_utf8_lossy(l);
            if l[0] == b' ' || l[0] == b'\t' {
                // A continuation line folds into the previous value.
                if let Some((_, v)) = header.fields.last_mut() {
                    v.push(' ');
                    v.push_str(text.trim());
                }
                continue;
            }
            if let Some((name, value)) = text.split_once(':') {
                header
                    .fields
                    .push((name.trim().to_string(), value.trim().to_string()));
            }
        }
        if header.content_length().is_none() {
            return Err(WarcError::Malformed(format!(
                "WARC record at byte {offset} has no valid Content-Length"
            )));
        }
        Ok(Some(header))
    }

    /// Reads a block of `len` bytes, keeping the first `keep` of them and
    /// discarding the rest, then the line breaks that close the record.
    pub fn read_block(&mut self, len: u64, keep: usize) -> Result<Vec<u8>, WarcError> {
        let kept_len = len.min(keep as u64);
        let mut block = Vec::with_capacity(kept_len.min(1 << 20) as usize);
        let got = (&mut self.r)
            .take(kept_len)
            .read_to_end(&mut block)
            .map_err(WarcError::Io)? as u64;
        self.pos += got;
        let mut total = got;
        if got == kept_len && len > kept_len {
            let skipped = io::copy(&mut (&mut self.r).take(len - kept_len), &mut io::sink())
                .map_err(WarcError::Io)?;
            self.pos += skipped;
            total += skipped;
        }
        if total < len {
            return Err(WarcError::Truncated(format!(
                "truncated WARC record (got {total} of {len} bytes)"
            )));
        }
        self.end_record()?;
        Ok(block)
    }

    /// Consumes the CRLF CRLF after a block (bare LFs accepted; a missing
    /// trailer at the end of the stream is forgiven).
    fn end_record(&mut self) -> Result<(), WarcError> {
        for _ in 0..2 {
            let buf = loop {
                match self.r.fill_buf() {
                    Ok(b) => break b,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(WarcError::Io(e)),
                }
            };
            let n = if buf.starts_with(b"\r\n") {
                2
            } else if buf.starts_with(b"\n") || buf == b"\r" {
                1
            } else {
                0
            };
            if n == 0 {
                break;
            }
            self.r.consume(n);
            self.pos += n as u64;
        }
        Ok(())
    }

    /// One line, at most `MAX_HEADER` bytes, newline included.
    fn read_line(&mut self, line: &mut Vec<u8>) -> Result<usize, WarcError> {
        let n = (&mut self.r)
            .take(MAX_HEADER as u64 + 1)
            .read_until(b'\n', line)
            .map_err(WarcError::Io)?;
        self.pos += n as u64;
        Ok(n)
    }

    /// Where the next header starts (or the blank lines before it).
    pub fn position(&self) -> u64 {
        self.found.as_ref().map_or(self.pos, |(offset, _)| *offset)
    }

    /// Skips to the next line that starts a record (`WARC/` and a version
    /// number) and keeps it for `next_header`; false at the end of the
    /// stream. `at_line_start` says a line starts at the current position
    /// (as after a damaged stretch of a compressed stream).
    pub fn resync(&mut self, at_line_start: bool) -> Result<bool, WarcError> {
        let mut line = Vec::new();
        let mut line_start = at_line_start;
        loop {
            let start = self.pos;
            line.clear();
            if self.read_line(&mut line)? == 0 {
                return Ok(false);
            }
            if line_start && is_version_line(&line) {
                self.found = Some((start, line));
                return Ok(true);
            }
            // A line longer than `read_line` takes at once goes on.
            line_start = line.ends_with(b"\n");
        }
    }
}

/// `WARC/1.1` and the like, whole.
fn is_version_line(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"WARC/") else {
        return false;
    };
    line.ends_with(b"\n")
        && rest.first().is_some_and(u8::is_ascii_digit)
        && trim_eol(rest)
            .iter()
            .all(|&b| b.is_ascii_digit() || b == b'.')
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let l = line.strip_suffix(b"\n").unwrap_or(line);
    l.strip_suffix(b"\r").unwrap_or(l)
}

fn is_blank_line(line: &[u8]) -> bool {
    trim_eol(line).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn reads_records_in_order() {
        let mut stream = record("warcinfo", "", b"software: test\r\n");
        stream.extend(record("response", "<https://a.bg/1>", "Здравей".as_bytes()));
        let mut r = WarcReader::new(&stream[..]);
        let h = r.next_header().unwrap().unwrap();
        assert_eq!(h.record_type(), Some("warcinfo"));
        assert_eq!(h.offset, 0);
        r.read_block(h.content_length().unwrap(), 0).unwrap();
        let h = r.next_header().unwrap().unwrap();
        assert_eq!(h.target_uri(), Some("https://a.bg/1"));
        let block = r
            .read_block(h.content_length().unwrap(), usize::MAX)
            .unwrap();
        assert_eq!(block, "Здравей".as_bytes());
        assert!(r.next_header().unwrap().is_none());
        assert_eq!(r.position(), stream.len() as u64);
    }

    #[test]
    fn truncation_is_reported_wherever_it_cuts() {
        let stream = record(
            "response",
            "https://a.bg/1",
            "Новини от България".as_bytes(),
        );
        let header_end = memchr::memmem::find(&stream, b"\r\n\r\n").unwrap() + 4;
        for cut in 1..stream.len() - 4 {
            let mut r = WarcReader::new(&stream[..cut]);
            let outcome = r
                .next_header()
                .and_then(|h| r.read_block(h.unwrap().content_length().unwrap(), usize::MAX));
            match outcome {
                Err(WarcError::Truncated(msg)) => {
                    if cut >= header_end {
                        assert!(msg.contains("got"), "{cut}: {msg}");
                    }
                }
                other => panic!("cut at {cut}: {other:?}"),
            }
        }
    }

    #[test]
    fn resync_finds_the_next_version_line_at_a_line_start() {
        let good = record("response", "https://a.bg/2", b"text");
        let mut stream =
            b"WARC/1.1\r\nWARC-Type: respo\x00\r\n\r\nno WARC/1.1 here\r\nWARC/1.1x\r\n".to_vec();
        let at = stream.len() as u64;
        stream.extend_from_slice(&good);
        let mut r = WarcReader::new(&stream[..]);
        assert!(matches!(r.next_header(), Err(WarcError::Malformed(_))));
        assert!(r.resync(false).unwrap());
        assert_eq!(r.position(), at);
        let h = r.next_header().unwrap().unwrap();
        assert_eq!((h.offset, h.target_uri()), (at, Some("https://a.bg/2")));
        r.read_block(h.content_length().unwrap(), 0).unwrap();
        assert!(!r.resync(true).unwrap());
    }

    #[test]
    fn garbage_and_missing_length_are_malformed() {
        let mut r = WarcReader::new(&b"HTTP/1.1 200 OK\r\n\r\n"[..]);
        assert!(matches!(r.next_header(), Err(WarcError::Malformed(_))));
        let mut r = WarcReader::new(&b"WARC/1.0\r\nWARC-Type: response\r\n\r\n"[..]);
        assert!(
            matches!(r.next_header(), Err(WarcError::Malformed(m)) if m.contains("Content-Length"))
        );
    }
}
