//! Opening one input (a file or a byte stream) and deciding how to read it:
//! decompress gzip (member by member, see `gz_members`), then by
//! `--format`, by name or by sniffing, a single document, a stream of WARC
//! records or of JSON Lines, or an error.

use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::Path;

use dyad_core::{DocError, Payload, PayloadKind, RawDoc};

use crate::gz_members::GzMembers;
use crate::jsonl::JsonlDocs;
use crate::limited::{io_message, is_blank, peek_partial, read_payload, too_large, Layer, Replay};
use crate::names::{self, NameKind};
use crate::sniff::{
    binary_reason, head, is_gzip, magic_name, sniff, starts_warc, Sniffed, PEEK_LEN,
};
use crate::warc_docs::WarcDocs;

pub(crate) type Stream = Box<dyn Iterator<Item = RawDoc> + Send>;
type Reader = Box<dyn Read + Send>;

/// What opening an input gives.
pub(crate) enum Opened {
    /// Nothing to read (a file inside a directory that is not a document).
    Skip,
    One(RawDoc),
    Many(Stream),
}

/// Where an input was found, which decides how lenient reading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// Named on the command line (or standard input): always reported.
    Argument,
    /// Found under a directory argument: files that are not documents
    /// (binary, or a `skip` extension) are passed over silently.
    InDirectory,
}

pub(crate) fn error_doc(id: String, msg: impl Into<String>) -> RawDoc {
    RawDoc {
        id,
        origin: None,
        url: None,
        date: None,
        payload: Payload::Error(DocError(msg.into())),
    }
}

/// Opens the file at `path`, whose document id is `id`; `forced` is the
/// kind `--format` gives every input, if any.
pub(crate) fn open_file(
    path: &Path,
    id: String,
    origin: Origin,
    forced: Option<NameKind>,
    limit: usize,
) -> Opened {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let hint = names::hint(&file_name);
    if origin == Origin::InDirectory && hint.kind == Some(NameKind::Skip) {
        return Opened::Skip;
    }
    let cannot_read = |e: std::io::Error| {
        let msg = format!(
            "cannot read {}: {}",
            path.display(),
            io_message(&e, Layer::Plain)
        );
        Opened::One(error_doc(id.clone(), msg))
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return cannot_read(e),
    };
    if meta.is_dir() {
        return Opened::One(error_doc(id, format!("{} is a directory", path.display())));
    }
    // Pipes and devices (`<(zcat a.gz)`) have no size: they are streams.
    let size = meta.is_file().then_some(meta.len());
    if size == Some(0) {
        return Opened::One(error_doc(id, "empty document"));
    }
    // A single-document file too large to read is refused before reading.
    let single = matches!(forced.or(hint.kind), Some(NameKind::Text | NameKind::Html));
    if let Some(size) = size.filter(|&n| !hint.gz && single && n > limit as u64) {
        return Opened::One(error_doc(id, too_large(Some(size), limit).0));
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return cannot_read(e),
    };
    let known = size.filter(|_| !hint.gz);
    let kinds = Kinds {
        named: hint.kind,
        forced,
    };
    open_stream(Box::new(file), id, kinds, known, origin, limit)
}

/// What is said about a stream's kind before its bytes are read.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Kinds {
    /// What the file name's extension announces.
    pub named: Option<NameKind>,
    /// What `--format` says; it wins over the name.
    pub forced: Option<NameKind>,
}

/// Reads a stream (a file's or standard input's bytes) whose kind is said
/// by `kinds`; `known` is its size when known.
pub(crate) fn open_stream(
    reader: Reader,
    id: String,
    kinds: Kinds,
    known: Option<u64>,
    origin: Origin,
    limit: usize,
) -> Opened {
    open_layer(reader, id, kinds, known, origin, limit, Layer::Plain)
}

/// What to read the bytes as: `--format`, else the name, each checked for
/// binary formats, else sniffing. A WARC version line at the start wins
/// over payload bytes further on that look binary.
fn decide(prefix: &[u8], ended: bool, kinds: Kinds) -> Sniffed {
    let said = kinds.forced.or(kinds.named);
    if starts_warc(prefix) && matches!(said, None | Some(NameKind::Warc | NameKind::Skip)) {
        return Sniffed::Warc;
    }
    match (magic_name(head(prefix)), said) {
        // Whatever the name says, a known binary format is not read.
        (Some(format), _) => Sniffed::Binary(format.to_string()),
        (None, Some(NameKind::Text | NameKind::Html)) => match binary_reason(head(prefix)) {
            Some(reason) => Sniffed::Binary(reason),
            None if said == Some(NameKind::Html) => Sniffed::Html,
            None => Sniffed::Text,
        },
        (None, Some(NameKind::Warc)) => Sniffed::Warc,
        (None, Some(NameKind::Jsonl)) => Sniffed::Jsonl,
        (None, Some(NameKind::Skip) | None) => sniff(prefix, ended),
    }
}

fn open_layer(
    mut reader: Reader,
    id: String,
    kinds: Kinds,
    known: Option<u64>,
    origin: Origin,
    limit: usize,
    layer: Layer,
) -> Opened {
    let (prefix, ended, failed) = peek_partial(&mut reader, PEEK_LEN);
    if let Some(e) = &failed {
        if prefix.is_empty() {
            return Opened::One(error_doc(id, io_message(e, layer)));
        }
    }
    if prefix.is_empty() {
        return Opened::One(error_doc(id, "empty document"));
    }
    if is_gzip(&prefix) {
        if layer == Layer::Gzip {
            return Opened::One(error_doc(id, "gzip inside gzip is not read"));
        }
        let inner = GzMembers::new(Cursor::new(prefix).chain(reader));
        return open_layer(Box::new(inner), id, kinds, None, origin, limit, Layer::Gzip);
    }
    let sniffed = decide(&prefix, ended, kinds);
    // Only a stream of records is read past a failure: its complete
    // records before the cut are kept.
    if let Some(e) = &failed {
        if !matches!(sniffed, Sniffed::Warc | Sniffed::Jsonl) {
            return Opened::One(error_doc(id, io_message(e, layer)));
        }
    }
    let stream = |prefix, reader| {
        // The failure that ended the peek comes back in its place.
        BufReader::with_capacity(1 << 16, Replay::new(prefix, failed, reader))
    };
    match sniffed {
        Sniffed::Warc => Opened::Many(Box::new(WarcDocs::new(
            stream(prefix, reader),
            id,
            limit,
            layer,
        ))),
        Sniffed::Jsonl => Opened::Many(Box::new(JsonlDocs::new(
            stream(prefix, reader),
            id,
            limit,
            layer,
        ))),
        // Only the name, not `--format`, makes a binary file in a
        // directory worth reporting.
        Sniffed::Binary(_) if origin == Origin::InDirectory && kinds.named.is_none() => {
            Opened::Skip
        }
        Sniffed::Binary(reason) => Opened::One(error_doc(id, format!("binary file ({reason})"))),
        Sniffed::Gzip => Opened::One(error_doc(id, "gzip inside gzip is not read")),
        Sniffed::Html | Sniffed::Text => {
            let kind = if sniffed == Sniffed::Html {
                PayloadKind::Html
            } else {
                PayloadKind::Text
            };
            Opened::One(single(prefix, ended, reader, id, kind, known, limit, layer))
        }
    }
}

/// A whole single-document payload, read within the limit: the peeked
/// `prefix` (all of it when `ended`), then the rest from `reader`.
#[allow(clippy::too_many_arguments)]
fn single(
    prefix: Vec<u8>,
    ended: bool,
    mut reader: impl Read,
    id: String,
    kind: PayloadKind,
    known: Option<u64>,
    limit: usize,
    layer: Layer,
) -> RawDoc {
    if let Some(size) = known.filter(|&n| n > limit as u64) {
        return error_doc(id, too_large(Some(size), limit).0);
    }
    match read_payload(prefix, ended, &mut reader, limit, known, layer) {
        Ok(bytes) if is_blank(&bytes) => error_doc(id, "empty document (only whitespace)"),
        Ok(bytes) => RawDoc {
            id,
            origin: None,
            url: None,
            date: None,
            payload: Payload::Bytes {
                bytes,
                kind,
                charset: None,
            },
        },
        Err(e) => error_doc(id, e.0),
    }
}
