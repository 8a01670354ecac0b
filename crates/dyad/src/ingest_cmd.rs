//! `dyad ingest`: code documents into the store, in bounded transactions,
//! with progress on stderr. Content already stored without an error is not
//! coded again: only the place it was read at is recorded.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use dyad_core::{Payload, PayloadKind, RawDoc};
use dyad_input::{InputFormat, InputOptions};
use dyad_store::{ContentHasher, Outcome, Source, Store, StoredDoc, DEFAULT_BATCH};

use crate::pipeline::{DataArgs, Pipeline};
use crate::progress::Progress;
use crate::runner;

#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    /// Files, directories or `-`, as for `dyad code`.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The SQLite store to add to (created when missing).
    #[arg(long, default_value = "dyad.db", value_name = "FILE")]
    pub db: PathBuf,
    /// Worker threads (0: all cores).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Documents per transaction: a killed ingest loses at most one batch,
    /// and running it again completes it.
    #[arg(long, default_value_t = DEFAULT_BATCH)]
    pub batch: usize,
    /// Largest document read, in bytes.
    #[arg(long, default_value_t = InputOptions::default().max_doc_bytes)]
    pub max_doc_bytes: usize,
    /// What the inputs are: auto, text, html, warc or jsonl, as for
    /// `dyad code`.
    #[arg(long, default_value = "auto", value_name = "FORMAT")]
    pub format: InputFormat,
    #[command(flatten)]
    pub data: DataArgs,
}

/// What a worker hands the writer.
enum Item {
    /// Content stored without an error when the ingest began: not coded
    /// (the document is kept in case that content went meanwhile).
    Known(String, Source, RawDoc),
    Coded(Source, Box<StoredDoc>),
}

/// A document's identity in the store: the hash of what decides its
/// record — its bytes (or text), how they are read (text or HTML, a
/// declared charset) and a date supplied with it. A document that could
/// not be read has no content: its place stands for it.
fn hash_of(raw: &RawDoc, source: &Source) -> String {
    let kind = |k: &PayloadKind| match k {
        PayloadKind::Text => &b"text\0"[..],
        PayloadKind::Html => &b"html\0"[..],
    };
    let h = ContentHasher::default();
    let h = match &raw.payload {
        Payload::Bytes {
            bytes,
            kind: k,
            charset,
        } => h
            .feed(kind(k))
            .feed(charset.as_deref().unwrap_or("").as_bytes())
            .feed(b"\0")
            .feed(bytes),
        Payload::Str { text, kind: k } => h.feed(kind(k)).feed(b"\0").feed(text.as_bytes()),
        Payload::Error(_) => return h.feed(b"unread\0").feed(source.key.as_bytes()).finish(),
    };
    h.feed(b"\0")
        .feed(raw.date.as_deref().unwrap_or("").as_bytes())
        .finish()
}

pub fn run(args: &IngestArgs) -> ExitCode {
    let pipeline = match Pipeline::new(&args.data) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dyad ingest: data files: {e}");
            return ExitCode::from(2);
        }
    };
    let mut store = match Store::open(&args.db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dyad ingest: {e}");
            return ExitCode::FAILURE;
        }
    };
    store.set_batch(args.batch);
    let done: HashSet<String> = match store.done_hashes() {
        Ok(k) => k,
        Err(e) => {
            eprintln!("dyad ingest: {}: {e}", args.db.display());
            return ExitCode::FAILURE;
        }
    };
    let pool = match runner::pool(args.threads) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dyad ingest: {e}");
            return ExitCode::FAILURE;
        }
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let ingested_at = dyad_core::calendar::rfc3339(now);
    let docs = dyad_input::documents(
        &args.paths,
        &InputOptions {
            max_doc_bytes: args.max_doc_bytes,
            format: args.format,
        },
    );
    let total = dyad_input::count_documents_as(&args.paths, args.format);
    let mut progress = Progress::new().with_total(total);
    let mut tally: HashMap<&'static str, usize> = HashMap::new();
    let result = runner::run_ordered(
        docs,
        &pool,
        |raw| {
            let source = Source::new(raw.origin.as_deref(), raw.url.as_deref(), &raw.id);
            let hash = hash_of(&raw, &source);
            if done.contains(&hash) {
                Item::Known(hash, source, raw)
            } else {
                Item::Coded(source, Box::new(pipeline.process_for_store(raw, hash)))
            }
        },
        |item| {
            let (outcome, error) = match item {
                Item::Known(hash, source, raw) => {
                    match store.put_known(&hash, &source, &ingested_at)? {
                        Some(outcome) => (outcome, false),
                        // Its content went meanwhile (the place that held it
                        // now holds other content): coded here, rarely.
                        None => {
                            let doc = pipeline.process_for_store(raw, hash);
                            (
                                store.put(&doc, &source, &ingested_at)?,
                                doc.record.error.is_some(),
                            )
                        }
                    }
                }
                Item::Coded(source, doc) => (
                    store.put(&doc, &source, &ingested_at)?,
                    doc.record.error.is_some(),
                ),
            };
            let key = match outcome {
                Outcome::Added => "added",
                Outcome::Replaced => "replaced",
                Outcome::Retried => "retried",
                Outcome::NewSource => "new sources",
                Outcome::Unchanged => "unchanged",
            };
            *tally.entry(key).or_default() += 1;
            progress.tick(error);
            Ok::<(), String>(())
        },
    );
    let result = result.and_then(|_| store.commit());
    progress.finish();
    if let Err(e) = result {
        eprintln!("dyad ingest: {e}");
        return ExitCode::FAILURE;
    }
    if progress.docs == 0 {
        eprintln!("dyad ingest: no documents found in the given paths");
        return ExitCode::FAILURE;
    }
    let n = |k: &str| tally.get(k).copied().unwrap_or(0);
    let counts = store.counts().unwrap_or_default();
    eprintln!(
        "dyad ingest: {} documents read: {} added, {} unchanged, {} new sources, {} replaced, {} retried, {} errors; {} now holds {} documents from {} sources ({} reprints, {} with errors), {} events in {} stories",
        progress.docs,
        n("added"),
        n("unchanged"),
        n("new sources"),
        n("replaced"),
        n("retried"),
        progress.errors,
        args.db.display(),
        counts.documents,
        counts.sources,
        counts.duplicates,
        counts.errors,
        counts.events,
        counts.stories
    );
    ExitCode::SUCCESS
}
