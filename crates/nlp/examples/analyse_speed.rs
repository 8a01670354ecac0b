//! Throughput of `analyse()` (and, separately, `detect_language()`) on the
//! slavicner corpus, one core:
//! `cargo run --release -p dyad-nlp --example analyse_speed [-- RUNS [--no-detect]]`.
//! Each document is analysed as one block per paragraph (blank-line
//! separated), in the language of its folder. Prints docs/s per run and the
//! median, by wall clock and (on Linux) by the thread's own CPU time, which
//! does not depend on what else the machine runs.

use dyad_core::Span;
use dyad_nlp::{analyse, detect_language, Lang};
use std::time::Instant;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/slavicner"
);

/// Paragraph spans: runs of text between blank lines.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        if i > start {
            spans.push(Span::new(start, i));
        }
        start = i + 2;
    }
    if start < text.len() {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

/// Nanoseconds this thread has spent on a CPU (Linux), if known.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Runs `f` and returns (wall seconds, CPU seconds or wall if unknown).
fn timed(f: impl FnOnce()) -> (f64, f64) {
    let (t, c) = (Instant::now(), cpu_ns());
    f();
    let wall = t.elapsed().as_secs_f64();
    let cpu = match (c, cpu_ns()) {
        (Some(a), Some(b)) => (b - a) as f64 / 1e9,
        _ => wall,
    };
    (wall, cpu)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    let mut docs = Vec::new();
    for code in ["ru", "bg", "uk"] {
        let lang = Lang::from_code(code).expect("lang");
        let mut paths: Vec<_> = std::fs::read_dir(format!("{CORPUS}/{code}"))
            .expect("slavicner corpus")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        for p in paths {
            if let Ok(text) = std::fs::read_to_string(&p) {
                let blocks = paragraphs(&text);
                docs.push((text, blocks, lang));
            }
        }
    }
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    println!(
        "{} docs, {:.1} KB average",
        docs.len(),
        bytes as f64 / docs.len() as f64 / 1024.0
    );
    // Warm up: build stemmers, abbreviation lists, the language detector.
    for (text, blocks, lang) in docs.iter().take(20) {
        analyse(text, blocks, Some(*lang));
        detect_language(text);
    }

    let (mut wall_rates, mut cpu_rates) = (Vec::new(), Vec::new());
    let mut tokens = 0;
    for run in 1..=runs {
        let (wall, cpu) = timed(|| {
            tokens = 0;
            for (text, blocks, lang) in &docs {
                tokens += analyse(text, blocks, Some(*lang)).tokens.len();
            }
        });
        let n = docs.len() as f64;
        println!(
            "analyse run {run}: {:.0} docs/s wall, {:.0} docs/s CPU ({:.3} ms/doc CPU, {:.1} MB/s CPU)",
            n / wall,
            n / cpu,
            1e3 * cpu / n,
            bytes as f64 / cpu / 1e6
        );
        wall_rates.push(n / wall);
        cpu_rates.push(n / cpu);
    }
    let (wall, cpu) = (median(wall_rates), median(cpu_rates));
    let scale = (bytes as f64 / docs.len() as f64) / 4400.0;
    println!(
        "analyse median: {wall:.0} docs/s wall, {cpu:.0} docs/s CPU ({:.0} docs/s CPU at 4.4 KB), {tokens} tokens per pass",
        cpu * scale
    );

    if std::env::args().any(|a| a == "--no-detect") {
        return;
    }
    let (mut wall_rates, mut cpu_rates) = (Vec::new(), Vec::new());
    for run in 1..=runs {
        let mut right = 0;
        let (wall, cpu) = timed(|| {
            for (text, _, lang) in &docs {
                right += usize::from(detect_language(text) == Some(*lang));
            }
        });
        let n = docs.len() as f64;
        println!(
            "detect_language run {run}: {:.0} docs/s wall, {:.0} docs/s CPU ({right}/{} right)",
            n / wall,
            n / cpu,
            docs.len()
        );
        wall_rates.push(n / wall);
        cpu_rates.push(n / cpu);
    }
    println!(
        "detect_language median: {:.0} docs/s wall, {:.0} docs/s CPU",
        median(wall_rates),
        median(cpu_rates)
    );
}
