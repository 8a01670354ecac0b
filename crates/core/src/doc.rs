//! The document as it moves through the pipeline.
//!
//! Internally every span is a **byte** range into a `String`; only the
//! output record (`record.rs`) counts characters, as output.md requires.

use std::fmt;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers; panics only if the span is not on char
    /// boundaries of `text`, which is a bug in whoever made the span.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// What the payload of a document claims or sniffs to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayloadKind {
    /// Plain text as scraped (lines of page text).
    Text,
    /// An HTML page.
    Html,
}

/// The payload of a raw document: bytes to decode, or the reason there are
/// none (a truncated WARC record, an unreadable file, an oversized input).
#[derive(Debug, Clone)]
pub enum Payload {
    Bytes {
        bytes: Vec<u8>,
        kind: PayloadKind,
        /// Charset declared outside the bytes (HTTP `Content-Type`), if any.
        charset: Option<String>,
    },
    /// Already-decoded text (JSON Lines `text`/`html` fields).
    Str {
        text: String,
        kind: PayloadKind,
    },
    Error(DocError),
}

/// One document as a source produced it, before decoding.
#[derive(Debug, Clone)]
pub struct RawDoc {
    /// The document id of output.md.
    pub id: String,
    pub url: Option<String>,
    /// A publication date supplied with the document (JSON Lines `date`).
    pub date: Option<String>,
    /// Where it was read, unique across the arguments of a run: the
    /// file's canonical absolute path, with `#N` for the N-th document of
    /// a WARC or JSON Lines file; `None` for standard input. The store
    /// keeps it as the document's source; `id` stays the output id.
    pub origin: Option<String>,
    pub payload: Payload,
}

/// A document decoded to text, not yet extracted.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub id: String,
    pub url: Option<String>,
    pub date: Option<String>,
    pub kind: PayloadKind,
    pub text: String,
    /// The charset the bytes were decoded from ("UTF-8", "windows-1251", …).
    pub charset: &'static str,
    /// True when `text` is not byte-for-byte the input (another charset, or
    /// invalid bytes replaced): the record then carries the text.
    pub transcoded: bool,
}

impl Decoded {
    /// A document that was valid UTF-8 as read, with no url or date.
    pub fn utf8(id: impl Into<String>, kind: PayloadKind, text: impl Into<String>) -> Self {
        Decoded {
            id: id.into(),
            url: None,
            date: None,
            kind,
            text: text.into(),
            charset: "UTF-8",
            transcoded: false,
        }
    }
}

/// Why a document yields no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocError(pub String);

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DocError {}

impl From<String> for DocError {
    fn from(s: String) -> Self {
        DocError(s)
    }
}

impl From<&str> for DocError {
    fn from(s: &str) -> Self {
        DocError(s.to_string())
    }
}

/// The role of a kept block in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Title,
    Lead,
    Body,
    Byline,
    Caption,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Lead => "lead",
            BlockKind::Body => "body",
            BlockKind::Byline => "byline",
            BlockKind::Caption => "caption",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "title" => BlockKind::Title,
            "lead" => BlockKind::Lead,
            "body" => BlockKind::Body,
            "byline" => BlockKind::Byline,
            "caption" => BlockKind::Caption,
            _ => return None,
        })
    }
}

/// A kept span of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
}

/// The article found in a document: the text offsets point into, the kept
/// blocks (in text order, not overlapping), and metadata.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub url: Option<String>,
    /// For plain text: the text as read. For HTML: the extracted text.
    pub text: String,
    /// True when `text` is not the input as read (HTML extraction, or
    /// transcoding); the output record then includes it.
    pub text_in_record: bool,
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD` (or a full RFC 3339 timestamp).
    pub date: Option<String>,
    pub blocks: Vec<Block>,
    /// Spans judged boilerplate (only where they are part of `text`).
    pub dropped: Vec<Span>,
}

impl Article {
    /// The kept text, block by block, joined with blank lines; what
    /// language identification and later stages read.
    pub fn kept_text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(b.span.slice(&self.text));
        }
        out
    }
}
