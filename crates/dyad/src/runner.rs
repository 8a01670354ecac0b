//! Documents in parallel, records in input order, memory bounded: a reader
//! thread fills batches (bounded in count and bytes), a rayon pool turns a
//! batch into records, the caller's sink receives them in order while the
//! next batch is read.

use std::sync::mpsc::sync_channel;
use std::thread;

use dyad_core::{Payload, RawDoc, Record};
use rayon::prelude::*;

/// Documents per batch at most.
const BATCH_DOCS: usize = 256;
/// Payload bytes per batch at most (one larger document still forms a batch).
const BATCH_BYTES: usize = 64 << 20;
/// Batches read ahead of the one being processed.
const READ_AHEAD: usize = 2;

fn payload_len(doc: &RawDoc) -> usize {
    match &doc.payload {
        Payload::Bytes { bytes, .. } => bytes.len(),
        Payload::Str { text, .. } => text.len(),
        Payload::Error(_) => 0,
    }
}

/// Run `work` over every document of `docs` on `threads` threads (0: all
/// cores) and hand the results to `sink` in input order. Stops early when
/// `sink` returns an error, and returns it.
pub fn run_ordered<I, T, E>(
    docs: I,
    threads: usize,
    work: impl Fn(RawDoc) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E>
where
    I: Iterator<Item = RawDoc> + Send,
    T: Send,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool of the requested size");
    thread::scope(|scope| {
        let (tx, rx) = sync_channel::<Vec<RawDoc>>(READ_AHEAD);
        scope.spawn(move || {
            let mut batch = Vec::new();
            let mut bytes = 0;
            for doc in docs {
                bytes += payload_len(&doc);
                batch.push(doc);
                if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
                    if tx.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                    bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
        });
        for batch in rx {
            let results: Vec<T> = pool.install(|| batch.into_par_iter().map(&work).collect());
            for r in results {
                sink(r)?;
            }
        }
        Ok(())
    })
}

/// The records of `docs`, in order (for tests and small inputs).
pub fn records(docs: impl Iterator<Item = RawDoc> + Send, threads: usize) -> Vec<Record> {
    let mut out = Vec::new();
    let _ = run_ordered(docs, threads, crate::pipeline::process, |r| {
        out.push(r);
        Ok::<(), ()>(())
    });
    out
}
