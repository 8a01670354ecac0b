//! Documents in parallel, records in input order, memory bounded: a reader
//! thread fills batches (bounded in count and bytes), a rayon pool turns a
//! batch into records, the caller's sink receives them in order while the
//! next batch is read.

use std::sync::mpsc::sync_channel;
use std::thread;

use dyad_core::{Payload, RawDoc, Record};
use rayon::prelude::*;
use rayon::ThreadPool;

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

/// A pool of `threads` workers (0: one per core).
pub fn pool(threads: usize) -> Result<ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("cannot start {threads} worker threads: {e}"))
}

/// Run `work` over every document of `docs` on `pool` and hand the results
/// to `sink` in input order. Stops early when `sink` returns an error, and
/// returns it.
pub fn run_ordered<I, T, E>(
    docs: I,
    pool: &ThreadPool,
    work: impl Fn(RawDoc) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E>
where
    I: Iterator<Item = RawDoc> + Send,
    T: Send,
{
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

/// What `dyad code` does with its documents: each through `pipeline` on
/// `pool`, one JSON line per record written to `out` in input order,
/// counted by `progress`. `out` is flushed at the end.
pub fn write_jsonl(
    docs: impl Iterator<Item = RawDoc> + Send,
    pipeline: &crate::pipeline::Pipeline,
    pool: &ThreadPool,
    out: &mut dyn std::io::Write,
    progress: &mut crate::progress::Progress,
) -> std::io::Result<()> {
    run_ordered(
        docs,
        pool,
        |raw| {
            let record = pipeline.process(raw);
            let error = record.error.is_some();
            (serde_json::to_string(&record), error)
        },
        |(line, error)| {
            progress.tick(error);
            let line = line.map_err(std::io::Error::other)?;
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")
        },
    )?;
    out.flush()
}

/// The records of `docs`, in order, collected (for evaluation and tests).
pub fn records(
    docs: impl Iterator<Item = RawDoc> + Send,
    pipeline: &crate::pipeline::Pipeline,
    threads: usize,
) -> Result<Vec<Record>, String> {
    let pool = pool(threads)?;
    let mut out = Vec::new();
    run_ordered(
        docs,
        &pool,
        |raw| pipeline.process(raw),
        |r| {
            out.push(r);
            Ok::<(), String>(())
        },
    )?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::PayloadKind;

    fn doc(i: usize) -> RawDoc {
        RawDoc {
            id: format!("d{i}"),
            origin: None,
            url: None,
            date: None,
            payload: Payload::Str {
                text: "х".repeat(i % 97),
                kind: PayloadKind::Text,
            },
        }
    }

    #[test]
    fn results_come_in_input_order_across_batches_whatever_each_costs() {
        let pool = pool(4).unwrap();
        let n = BATCH_DOCS * 3 + 17;
        let mut seen = Vec::new();
        run_ordered(
            (0..n).map(doc),
            &pool,
            |d| {
                // Uneven work: later documents of a batch often finish first.
                let spin = (d.id.len() * 7919) % 5000;
                std::hint::black_box((0..spin).sum::<usize>());
                d.id
            },
            |id| {
                seen.push(id);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        let want: Vec<String> = (0..n).map(|i| format!("d{i}")).collect();
        assert_eq!(seen, want);
    }

    #[test]
    fn a_failing_sink_stops_the_run_and_its_error_comes_back() {
        let pool = pool(2).unwrap();
        let mut taken = 0;
        let err = run_ordered(
            (0..100_000).map(doc),
            &pool,
            |d| d.id,
            |_| {
                taken += 1;
                if taken == 10 {
                    Err("broken pipe")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(err, Err("broken pipe"));
        assert_eq!(taken, 10);
    }
}
