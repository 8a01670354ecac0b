//! dyad-input owns reading: files, directories, WARC, JSON Lines and stdin
//! become a stream of `RawDoc`s in input order, and `decode` turns bytes
//! into text by declared or detected charset.
//!
//! Reading never stops on bad input: a missing, empty, binary, oversized or
//! truncated document becomes a `RawDoc` whose payload is an error, and the
//! stream goes on. Inside a container the damage stays local: a bad JSON
//! line is an error for that line, and a corrupt WARC record or `.warc.gz`
//! member is one error, reading resuming at the next record or member.
//! Document ids follow shared/spec/output.md; each document also carries
//! its origin (`origin`), unique across the arguments.

mod charset;
mod decode;
mod gz_members;
mod http;
mod jsonl;
mod limited;
mod names;
mod origin;
mod sniff;
mod source;
mod walk;
mod warc;
mod warc_docs;

use std::collections::VecDeque;
use std::io::Read;
use std::path::{Path, PathBuf};

use dyad_core::RawDoc;

pub use decode::decode;

use names::NameKind;
use source::{error_doc, open_file, open_stream, Kinds, Opened, Origin, Stream};
use walk::{Found, Walk};

/// Limits on reading, and what to read the inputs as.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// The largest single document read, in bytes (a file, a WARC payload,
    /// a JSON line, standard input); larger ones become error documents.
    pub max_doc_bytes: usize,
    /// What every input is (after gzip decompression), instead of what its
    /// name or its first bytes suggest.
    pub format: InputFormat,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            max_doc_bytes: 32 << 20,
            format: InputFormat::Auto,
        }
    }
}

/// What to read inputs as (`--format`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By the file name's extension, else by the first bytes.
    #[default]
    Auto,
    /// One plain-text document per input.
    Text,
    /// One HTML document per input.
    Html,
    /// WARC records.
    Warc,
    /// JSON Lines, one document per line.
    Jsonl,
}

impl InputFormat {
    pub const NAMES: [&'static str; 5] = ["auto", "text", "html", "warc", "jsonl"];

    fn kind(self) -> Option<NameKind> {
        match self {
            InputFormat::Auto => None,
            InputFormat::Text => Some(NameKind::Text),
            InputFormat::Html => Some(NameKind::Html),
            InputFormat::Warc => Some(NameKind::Warc),
            InputFormat::Jsonl => Some(NameKind::Jsonl),
        }
    }
}

impl std::str::FromStr for InputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(InputFormat::Auto),
            "text" | "txt" => Ok(InputFormat::Text),
            "html" => Ok(InputFormat::Html),
            "warc" => Ok(InputFormat::Warc),
            "jsonl" => Ok(InputFormat::Jsonl),
            _ => Err(format!(
                "unknown input format {s:?} (one of {})",
                InputFormat::NAMES.join(", ")
            )),
        }
    }
}

/// Every document of every argument, in argument order; directories
/// recursively in sorted path order; `-` is standard input. Lazy: a file is
/// opened when the iteration reaches it, and WARC and JSON Lines files are
/// read record by record.
pub fn documents(args: &[PathBuf], opts: &InputOptions) -> Documents {
    Documents {
        limit: opts.max_doc_bytes,
        forced: opts.format.kind(),
        args: args.iter().cloned().map(Pending::Arg).collect(),
        walk: None,
        stream: None,
    }
}

/// How many documents `documents(args, …)` will give, when that is known
/// without reading them: every file under the arguments is one document,
/// except files the walk passes over by name (`skip` in
/// `data/input/extensions.tsv`). `None` when an argument is standard input
/// or any file is a WARC or JSON Lines container. An estimate for progress
/// reports: binary files are still counted, though reading skips them.
pub fn count_documents(args: &[PathBuf]) -> Option<usize> {
    count_documents_as(args, InputFormat::Auto)
}

/// `count_documents` when the inputs are read as `format`.
pub fn count_documents_as(args: &[PathBuf], format: InputFormat) -> Option<usize> {
    let is_container = |kind: Option<NameKind>| {
        matches!(
            format.kind().or(kind),
            Some(NameKind::Warc | NameKind::Jsonl)
        )
    };
    let mut n = 0;
    for arg in args {
        if arg.as_os_str() == "-" {
            return None;
        }
        let id = arg.display().to_string();
        if std::fs::metadata(arg).is_ok_and(|m| m.is_dir()) {
            for found in Walk::new(arg, &id) {
                match found {
                    Found::File(path, _) => {
                        match names::hint(&path.file_name()?.to_string_lossy()).kind {
                            Some(NameKind::Skip) => {}
                            kind if is_container(kind) => return None,
                            _ => n += 1,
                        }
                    }
                    Found::Unreadable(..) => n += 1,
                }
            }
        } else {
            let name = arg
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            if is_container(names::hint(&name).kind) {
                return None;
            }
            n += 1;
        }
    }
    Some(n)
}

/// The documents of one byte stream named `id`, sniffed like standard
/// input (as `documents` reads `-`); for tests and embedding.
pub fn documents_from_reader(
    id: &str,
    reader: impl Read + Send + 'static,
    opts: &InputOptions,
) -> Documents {
    let reader: Box<dyn Read + Send> = Box::new(reader);
    Documents {
        limit: opts.max_doc_bytes,
        forced: opts.format.kind(),
        args: VecDeque::from([Pending::Reader(id.to_string(), reader)]),
        walk: None,
        stream: None,
    }
}

enum Pending {
    Arg(PathBuf),
    Reader(String, Box<dyn Read + Send>),
}

/// The stream of documents `documents` returns.
pub struct Documents {
    limit: usize,
    /// The kind `--format` gives every input.
    forced: Option<NameKind>,
    args: VecDeque<Pending>,
    /// The directory argument being walked.
    walk: Option<Walk>,
    /// The WARC or JSON Lines file being read.
    stream: Option<Stream>,
}

impl Documents {
    /// What is said of a stream without a name.
    fn kinds(&self) -> Kinds {
        Kinds {
            named: None,
            forced: self.forced,
        }
    }

    /// Turns an opened input, read at `origin`, into the next document, if
    /// it gives one now.
    fn take(&mut self, opened: Opened, origin: Option<String>) -> Option<RawDoc> {
        match opened {
            Opened::Skip => None,
            Opened::One(mut doc) => {
                doc.origin = origin;
                Some(doc)
            }
            Opened::Many(stream) => {
                self.stream = Some(Box::new(origin::Numbered::new(stream, origin)));
                None
            }
        }
    }

    fn open_arg(&mut self, arg: &Path) -> Option<RawDoc> {
        if arg.as_os_str() == "-" {
            let stdin: Box<dyn Read + Send> = Box::new(std::io::stdin());
            let opened = open_stream(
                stdin,
                "-".into(),
                self.kinds(),
                None,
                Origin::Argument,
                self.limit,
            );
            return self.take(opened, None);
        }
        let id = arg
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| arg.display().to_string());
        if std::fs::metadata(arg).is_ok_and(|m| m.is_dir()) {
            self.walk = Some(Walk::new(arg, &id));
            return None;
        }
        if arg.as_os_str().is_empty() {
            return Some(error_doc(String::new(), "empty path"));
        }
        let opened = open_file(arg, id, Origin::Argument, self.forced, self.limit);
        self.take(opened, Some(origin::of_path(arg)))
    }
}

impl Iterator for Documents {
    type Item = RawDoc;

    fn next(&mut self) -> Option<RawDoc> {
        loop {
            if let Some(stream) = &mut self.stream {
                match stream.next() {
                    Some(doc) => return Some(doc),
                    None => self.stream = None,
                }
            }
            if let Some(walk) = &mut self.walk {
                let doc = match walk.next() {
                    Some(Found::File(path, id)) => {
                        let opened =
                            open_file(&path, id, Origin::InDirectory, self.forced, self.limit);
                        self.take(opened, Some(origin::of_path(&path)))
                    }
                    Some(Found::Unreadable(dir, id, msg)) => {
                        let mut doc = error_doc(id, msg);
                        doc.origin = Some(origin::of_path(&dir));
                        Some(doc)
                    }
                    None => {
                        self.walk = None;
                        None
                    }
                };
                if doc.is_some() {
                    return doc;
                }
                continue;
            }
            let doc = match self.args.pop_front()? {
                Pending::Arg(arg) => self.open_arg(&arg),
                Pending::Reader(id, reader) => {
                    let opened =
                        open_stream(reader, id, self.kinds(), None, Origin::Argument, self.limit);
                    self.take(opened, None)
                }
            };
            if doc.is_some() {
                return doc;
            }
        }
    }
}
