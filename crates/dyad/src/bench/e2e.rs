//! End to end: what `dyad code` does with its documents (the ordered
//! runner on a pool, `Pipeline::process`, one JSON line per record,
//! progress), written to a sink, on each thread count.

use std::io::BufWriter;
use std::time::Instant;

use super::corpus::Corpus;
use super::report::{median, EndToEnd};
use super::sys;
use crate::pipeline::Pipeline;
use crate::progress::Progress;
use crate::runner;

/// Code `copies` of the corpus `runs` times on each of `threads`.
pub fn measure(
    pipeline: &Pipeline,
    corpus: &Corpus,
    copies: usize,
    threads: &[usize],
    runs: usize,
) -> Vec<EndToEnd> {
    let docs = corpus.docs.len() * copies;
    let bytes = corpus.bytes * copies as u64;
    let mut out: Vec<EndToEnd> = Vec::new();
    for &n in threads {
        let pool = match runner::pool(n) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("dyad bench: {e}; skipped");
                continue;
            }
        };
        let (mut walls, mut cpus) = (Vec::new(), Vec::new());
        for run in 1..=runs {
            let cpu_before = sys::cpu_seconds();
            let started = Instant::now();
            let coded = code_into_sink(pipeline, corpus.stream(copies), &pool, docs);
            let wall = started.elapsed().as_secs_f64();
            let cpu = cpu_before.zip(sys::cpu_seconds()).map(|(a, b)| b - a);
            if let Err(e) = coded {
                eprintln!("dyad bench: {e}");
            }
            eprintln!(
                "dyad bench: end to end, {n} thread{}, run {run} of {runs}: {wall:.2} s",
                if n == 1 { "" } else { "s" }
            );
            walls.push(wall);
            cpus.extend(cpu);
        }
        let wall = median(walls.iter().copied());
        out.push(EndToEnd {
            threads: n,
            docs,
            bytes,
            wall_seconds: wall,
            cpu_seconds: (!cpus.is_empty()).then(|| median(cpus.iter().copied())),
            run_wall_seconds: walls,
            run_cpu_seconds: cpus,
            docs_per_second: docs as f64 / wall.max(1e-9),
            mb_per_second: bytes as f64 / 1e6 / wall.max(1e-9),
            speedup: None,
        });
    }
    let one = out.iter().find(|e| e.threads == 1).map(|e| e.wall_seconds);
    if let Some(one) = one {
        for e in &mut out {
            e.speedup = Some(one / e.wall_seconds.max(1e-9));
        }
    }
    out
}

/// `dyad code`'s run over `docs`, its output thrown away.
fn code_into_sink(
    pipeline: &Pipeline,
    docs: impl Iterator<Item = dyad_core::RawDoc> + Send,
    pool: &rayon::ThreadPool,
    total: usize,
) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::io::sink());
    let mut progress = Progress::new().with_total(Some(total));
    let result = runner::write_jsonl(docs, pipeline, pool, &mut out, &mut progress);
    progress.finish();
    result
}
