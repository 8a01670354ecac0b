//! WARC records to documents: each `response` record (and each `resource`
//! record) whose payload is HTML or text is one document, its id the
//! `WARC-Target-URI`. Other records are passed over. A malformed record,
//! or a damaged stretch of a `.warc.gz`, yields one error document and
//! reading resumes at the next record; a record the stream cuts off yields
//! an error document and ends the file.

use std::io::BufRead;

use dyad_core::{DocError, Payload, PayloadKind, RawDoc};

use crate::http::{self, HttpHead};
use crate::limited::{io_message, is_blank, too_large, Layer};
use crate::sniff::{binary_reason, sniff, Sniffed, SNIFF_LEN};
use crate::warc::{WarcError, WarcHeader, WarcReader};

/// How much of an oversized record is read to see its HTTP head.
const HTTP_HEAD_MAX: usize = 64 * 1024;

pub(crate) struct WarcDocs<R> {
    reader: WarcReader<R>,
    /// The WARC file's own document id, for `FILE#offset` ids.
    source: String,
    limit: usize,
    layer: Layer,
    done: bool,
}

impl<R: BufRead> WarcDocs<R> {
    pub fn new(r: R, source: String, limit: usize, layer: Layer) -> Self {
        WarcDocs {
            reader: WarcReader::new(r),
            source,
            limit,
            layer,
            done: false,
        }
    }

    /// The error document for a record that could not be read; reading
    /// resumes at the next record, unless the stream ended.
    fn fail(&mut self, id: String, url: Option<String>, e: WarcError) -> RawDoc {
        let (mut msg, at_line_start) = match e {
            WarcError::Truncated(m) => {
                self.done = true;
                return error_doc(id, url, m);
            }
            WarcError::Malformed(m) => (m, false),
            // Only a damaged gzip member gives way to more bytes after an
            // error; they start at a member's start, a line start.
            WarcError::Io(e) => (
                format!("WARC record unreadable: {}", io_message(&e, self.layer)),
                true,
            ),
        };
        match self.reader.resync(at_line_start) {
            Ok(true) if !at_line_start => msg.push_str(&format!(
                "; reading resumed at the next record, byte {}",
                self.reader.position()
            )),
            Ok(true) => {}
            Ok(false) | Err(_) => self.done = true,
        }
        error_doc(id, url, msg)
    }

    /// The payload of a wanted record, or `None` to pass over it.
    fn payload(&self, header: &WarcHeader, block: Vec<u8>, len: u64) -> Option<Payload> {
        let response = header
            .record_type()
            .is_some_and(|t| t.eq_ignore_ascii_case("response"));
        let warc_type = header.get("Content-Type").map(media_type);
        let (head, body_start) = if response {
            match http::parse_head(&block) {
                Some(h) => {
                    let start = h.body_start;
                    (h, start)
                }
                None if block.starts_with(b"HTTP/") => {
                    return Some(Payload::Error(DocError(
                        "malformed HTTP response in WARC record (no end of headers)".into(),
                    )))
                }
                // A response block without HTTP: the block is the payload.
                None => (self.head_from_warc(header, warc_type), 0),
            }
        } else {
            (self.head_from_warc(header, warc_type), 0)
        };
        if head.status != 0 && !(200..300).contains(&head.status) {
            return None;
        }
        let mut body = block;
        body.drain(..body_start.min(body.len()));
        let kind = match head.mime.as_deref() {
            Some("text/html" | "application/xhtml+xml") => PayloadKind::Html,
            Some("text/plain") => PayloadKind::Text,
            Some(_) => return None,
            None => match sniff(&body[..body.len().min(SNIFF_LEN)], true) {
                Sniffed::Html => PayloadKind::Html,
                Sniffed::Text => PayloadKind::Text,
                _ => return None,
            },
        };
        Some(self.finish(head, body, kind, len - body_start as u64))
    }

    /// A record without HTTP: its WARC `Content-Type` says what it is.
    fn head_from_warc(&self, header: &WarcHeader, mime: Option<String>) -> HttpHead {
        HttpHead {
            mime: mime.filter(|m| m != "application/http"),
            charset: header
                .get("Content-Type")
                .and_then(crate::charset::content_type_charset),
            ..HttpHead::default()
        }
    }

    fn finish(&self, head: HttpHead, mut body: Vec<u8>, kind: PayloadKind, size: u64) -> Payload {
        let error = |m: String| Payload::Error(DocError(m));
        if size > body.len() as u64 && size > self.limit as u64 {
            return Payload::Error(too_large(Some(size), self.limit));
        }
        if head.chunked {
            if let Some(joined) = http::dechunk(&body) {
                body = joined;
            }
        }
        if let Some(coding) = &head.content_encoding {
            match http::decode_content(coding, &body, self.limit) {
                Ok(b) => body = b,
                Err(m) => return error(m),
            }
        }
        if body.len() > self.limit {
            return Payload::Error(too_large(Some(body.len() as u64), self.limit));
        }
        if is_blank(&body) {
            return error("empty document".into());
        }
        if let Some(reason) = binary_reason(&body[..body.len().min(SNIFF_LEN)]) {
            return error(format!("binary payload ({reason})"));
        }
        Payload::Bytes {
            bytes: body,
            kind,
            charset: head.charset,
        }
    }
}

fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn error_doc(id: String, url: Option<String>, msg: String) -> RawDoc {
    RawDoc {
        id,
        origin: None,
        url,
        date: None,
        payload: Payload::Error(DocError(msg)),
    }
}

impl<R: BufRead> Iterator for WarcDocs<R> {
    type Item = RawDoc;

    fn next(&mut self) -> Option<RawDoc> {
        while !self.done {
            let start = self.reader.position();
            let header = match self.reader.next_header() {
                Ok(Some(h)) => h,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    let id = format!("{}#{start}", self.source);
                    return Some(self.fail(id, None, e));
                }
            };
            let url = header.target_uri().map(str::to_string);
            let id = url
                .clone()
                .unwrap_or_else(|| format!("{}#{}", self.source, header.offset));
            let len = header.content_length().unwrap_or(0);
            let wanted = match header.record_type().map(str::to_ascii_lowercase).as_deref() {
                Some("response") => true,
                Some("resource") => header.get("Content-Type").map(media_type).is_some_and(|m| {
                    m == "text/html" || m == "text/plain" || m == "application/xhtml+xml"
                }),
                _ => false,
            };
            let keep = if !wanted {
                0
            } else if len > self.limit.saturating_add(HTTP_HEAD_MAX) as u64 {
                HTTP_HEAD_MAX
            } else {
                len as usize
            };
            let block = match self.reader.read_block(len, keep) {
                Ok(b) => b,
                Err(e) => return Some(self.fail(id, url, e)),
            };
            if !wanted {
                continue;
            }
            if let Some(payload) = self.payload(&header, block, len) {
                return Some(RawDoc {
                    id,
                    origin: None,
                    url,
                    date: None,
                    payload,
                });
            }
        }
        None
    }
}
