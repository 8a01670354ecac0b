//! `dyad ingest`: code documents into the store, skipping those already
//! stored unchanged, in bounded transactions, with progress on stderr.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use dyad_core::{Payload, RawDoc};
use dyad_input::{InputFormat, InputOptions};
use dyad_store::{content_hash, Outcome, Store, StoredDoc, DEFAULT_BATCH};

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
    Unchanged,
    Doc(Box<StoredDoc>),
}

/// The content hash of a document as read.
fn hash_of(raw: &RawDoc) -> String {
    match &raw.payload {
        Payload::Bytes { bytes, .. } => content_hash(bytes),
        Payload::Str { text, .. } => content_hash(text.as_bytes()),
        Payload::Error(e) => content_hash(e.0.as_bytes()),
    }
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
    let known: HashMap<String, String> = match store.known_hashes() {
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
            let hash = hash_of(&raw);
            if known.get(&raw.id) == Some(&hash) {
                Item::Unchanged
            } else {
                Item::Doc(Box::new(pipeline.process_for_store(raw, hash)))
            }
        },
        |item| {
            let (outcome, error) = match item {
                Item::Unchanged => (Outcome::Unchanged, false),
                Item::Doc(doc) => (store.put(&doc, &ingested_at)?, doc.record.error.is_some()),
            };
            let key = match outcome {
                Outcome::Added => "added",
                Outcome::Replaced => "replaced",
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
        "dyad ingest: {} documents read: {} added, {} replaced, {} unchanged ({} could not be read); {} now holds {} documents ({} reprints), {} events in {} stories",
        progress.docs,
        n("added"),
        n("replaced"),
        n("unchanged"),
        progress.errors,
        args.db.display(),
        counts.documents,
        counts.duplicates,
        counts.events,
        counts.stories
    );
    ExitCode::SUCCESS
}
