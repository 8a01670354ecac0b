//! JSON Lines: one document per line, `text` or `html` plus optional `id`,
//! `url` and `date`. Read line by line; a bad line yields an error document
//! and reading goes on.

use std::io::{self, BufRead};

use dyad_core::{DocError, Payload, PayloadKind, RawDoc};
use serde_json::{Map, Value};

use crate::limited::{io_message, too_large, Layer};

pub(crate) struct JsonlDocs<R> {
    r: R,
    /// The JSONL file's own document id, for `FILE:LINE` ids.
    source: String,
    limit: usize,
    layer: Layer,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
}

/// One line read with a length limit.
enum Line {
    End,
    /// The line is in the buffer (without its line break).
    Read,
    /// The line was longer than the limit; its length.
    TooLong(u64),
}

impl<R: BufRead> JsonlDocs<R> {
    pub fn new(r: R, source: String, limit: usize, layer: Layer) -> Self {
        JsonlDocs {
            r,
            source,
            limit,
            layer,
            line_no: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// Reads up to the next `\n`, keeping at most `limit` bytes.
    fn read_line(&mut self) -> io::Result<Line> {
        self.buf.clear();
        let mut total: u64 = 0;
        let mut started = false;
        loop {
            let avail = match self.r.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                break;
            }
            started = true;
            let (take, found) = match memchr::memchr(b'\n', avail) {
                Some(i) => (i, true),
                None => (avail.len(), false),
            };
            if self.buf.len() + take <= self.limit {
                self.buf.extend_from_slice(&avail[..take]);
            }
            total += take as u64;
            self.r.consume(take + usize::from(found));
            if found {
                break;
            }
        }
        if !started {
            return Ok(Line::End);
        }
        if total > self.limit as u64 {
            return Ok(Line::TooLong(total));
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        Ok(Line::Read)
    }

    fn line_id(&self) -> String {
        format!("{}:{}", self.source, self.line_no)
    }

    fn doc_of_line(&self) -> RawDoc {
        let id = self.line_id();
        let fail = |id: String, msg: String| RawDoc {
            id,
            origin: None,
            url: None,
            date: None,
            payload: Payload::Error(DocError(msg)),
        };
        let bytes = if self.line_no == 1 {
            self.buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.buf)
        } else {
            &self.buf[..]
        };
        let mut map: Map<String, Value> = match serde_json::from_slice(bytes) {
            Ok(Value::Object(map)) => map,
            Ok(_) => {
                return fail(
                    id,
                    format!("line {} is JSON but not an object", self.line_no),
                )
            }
            Err(e) => return fail(id, format!("invalid JSON on line {}: {e}", self.line_no)),
        };
        let id = match map.remove("id") {
            Some(Value::String(s)) if !s.is_empty() => s,
            Some(Value::Number(n)) => n.to_string(),
            _ => id,
        };
        let url = string_field(&mut map, "url");
        let date = string_field(&mut map, "date");
        // `text` is preferred when both are given: it is the text as read.
        let mut payload = None;
        let mut empty = None;
        for (key, kind) in [("text", PayloadKind::Text), ("html", PayloadKind::Html)] {
            match map.remove(key) {
                Some(Value::String(text)) if !text.trim().is_empty() => {
                    payload = Some(Payload::Str { text, kind });
                    break;
                }
                Some(Value::String(_)) => {
                    empty.get_or_insert(key);
                }
                _ => {}
            }
        }
        let payload = payload.unwrap_or_else(|| {
            Payload::Error(DocError(match empty {
                Some(key) => format!("empty document (empty \"{key}\")"),
                None => format!(
                    "line {} has neither a \"text\" nor an \"html\" string",
                    self.line_no
                ),
            }))
        });
        RawDoc {
            id,
            origin: None,
            url,
            date,
            payload,
        }
    }
}

fn string_field(map: &mut Map<String, Value>, key: &str) -> Option<String> {
    match map.remove(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        _ => None,
    }
}

impl<R: BufRead> Iterator for JsonlDocs<R> {
    type Item = RawDoc;

    fn next(&mut self) -> Option<RawDoc> {
        while !self.done {
            let line = self.read_line();
            self.line_no += 1;
            let payload = match line {
                Ok(Line::End) => {
                    self.done = true;
                    return None;
                }
                Ok(Line::Read) if self.buf.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(Line::Read) => return Some(self.doc_of_line()),
                Ok(Line::TooLong(n)) => Payload::Error(too_large(Some(n), self.limit)),
                Err(e) => {
                    // After a damaged gzip member the lines go on with the
                    // next good member; the line the damage cut is lost.
                    self.done = !crate::gz_members::resumes_after(&e);
                    Payload::Error(DocError(io_message(&e, self.layer)))
                }
            };
            return Some(RawDoc {
                id: self.line_id(),
                origin: None,
                url: None,
                date: None,
                payload,
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(input: &str, limit: usize) -> Vec<RawDoc> {
        JsonlDocs::new(input.as_bytes(), "f.jsonl".into(), limit, Layer::Plain).collect()
    }

    #[test]
    fn lines_become_documents_and_bad_lines_errors() {
        let input = "\u{feff}{\"id\": \"a1\", \"text\": \"Путин прие министрите.\", \"date\": \"2025-01-02\"}\r\n\
                     \n\
                     {\"html\": \"<p>Текст</p>\", \"url\": \"https://a.bg/x\"}\n\
                     not json\n\
                     {\"title\": \"no body\"}\n\
                     [1, 2]\n\
                     {\"id\": 7, \"text\": \"   \"}\n\
                     {\"text\": \"последний\"}\n\
                     {\"text\": \"\", \"html\": \"<p>Има</p>\"}";
        let d = docs(input, 1 << 20);
        let ids: Vec<&str> = d.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "a1",
                "f.jsonl:3",
                "f.jsonl:4",
                "f.jsonl:5",
                "f.jsonl:6",
                "7",
                "f.jsonl:8",
                "f.jsonl:9"
            ]
        );
        assert!(
            matches!(&d[0].payload, Payload::Str { text, kind: PayloadKind::Text } if text == "Путин прие министрите.")
        );
        assert_eq!(d[0].date.as_deref(), Some("2025-01-02"));
        assert!(matches!(
            &d[1].payload,
            Payload::Str {
                kind: PayloadKind::Html,
                ..
            }
        ));
        assert_eq!(d[1].url.as_deref(), Some("https://a.bg/x"));
        let err = |i: usize| match &d[i].payload {
            Payload::Error(e) => e.0.clone(),
            other => panic!("{other:?}"),
        };
        assert!(err(2).starts_with("invalid JSON on line 4"));
        assert!(err(3).contains("neither"));
        assert!(err(4).contains("not an object"));
        assert!(err(5).starts_with("empty document"));
        assert!(matches!(&d[6].payload, Payload::Str { text, .. } if text == "последний"));
        // An empty `text` does not hide a non-empty `html`.
        assert!(
            matches!(&d[7].payload, Payload::Str { text, kind: PayloadKind::Html } if text == "<p>Има</p>")
        );
    }

    #[test]
    fn an_overlong_line_is_refused_and_reading_goes_on() {
        let long = format!("{{\"text\": \"{}\"}}", "я".repeat(100));
        let input = format!("{long}\n{{\"text\": \"ok\"}}\n");
        let d = docs(&input, 64);
        assert_eq!(d.len(), 2);
        match &d[0].payload {
            Payload::Error(e) => assert_eq!(
                e.0,
                format!("document too large ({} bytes, limit 64)", long.len())
            ),
            other => panic!("{other:?}"),
        }
        assert!(matches!(&d[1].payload, Payload::Str { text, .. } if text == "ok"));
    }
}
