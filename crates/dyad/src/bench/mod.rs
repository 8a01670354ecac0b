//! `dyad bench`: how fast dyad codes a corpus. Per-stage figures on one
//! thread (`stages`), the `dyad code` path end to end on several thread
//! counts (`e2e`), and the peak memory of the process (`sys`), over a
//! corpus read into memory once and optionally repeated lazily
//! (`corpus`); printed as a table or one JSON object (`report`).

mod corpus;
mod e2e;
mod report;
mod stages;
mod sys;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::pipeline::{DataArgs, Pipeline};
use corpus::Corpus;
use report::{Figures, Memory};

/// The corpus `dyad bench` reads when given no path, relative to the
/// current directory (the repository checked out beside `shared/`).
pub const DEFAULT_CORPUS: &str = "../shared/corpus/slavicner";

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// Files or directories to read, as for `dyad code` (default:
    /// ../shared/corpus/slavicner when it exists). They are read into
    /// memory once, so reading the disk is not measured.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Times each measurement is repeated; the median is reported.
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
    /// Code the corpus this many times end to end (copy i of a document
    /// gets the id `c{i}/{id}`), streamed without holding the copies in
    /// memory: peak memory should not grow with it.
    #[arg(long, default_value_t = 1)]
    pub copies: usize,
    /// Thread counts of the end-to-end runs, comma-separated (0: all
    /// cores). Default: 1 and the number of cores.
    #[arg(long, value_delimiter = ',', value_name = "N,...")]
    pub threads: Vec<usize>,
    /// Only the per-stage figures.
    #[arg(long, conflicts_with = "e2e_only")]
    pub stages_only: bool,
    /// Only the end-to-end figures.
    #[arg(long)]
    pub e2e_only: bool,
    /// One JSON object with every figure instead of the table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub data: DataArgs,
}

/// Run `dyad bench`: 0 when measured, 2 on a usage error (missing path,
/// empty corpus, zero runs or copies) or malformed data files, as `dyad
/// code`.
pub fn run(args: &BenchArgs) -> ExitCode {
    let paths = match check(args) {
        Ok(p) => p,
        Err(message) => {
            eprintln!("dyad bench: {message}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let pipeline = match Pipeline::new(&args.data) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dyad bench: data files: {e}");
            return ExitCode::from(2);
        }
    };
    let load_seconds = started.elapsed().as_secs_f64();
    let corpus = Corpus::read(&paths);
    if corpus.docs.is_empty() {
        eprintln!("dyad bench: no documents found in the given paths");
        return ExitCode::from(2);
    }
    if corpus.unreadable == corpus.docs.len() {
        eprintln!(
            "dyad bench: none of the {} documents could be read",
            corpus.docs.len()
        );
        return ExitCode::from(2);
    }
    eprintln!(
        "dyad bench: {} documents, {:.1} MB read into memory",
        corpus.docs.len(),
        corpus.bytes as f64 / 1e6
    );
    let warm_up = warm_up(&pipeline, &corpus);
    let stages = (!args.e2e_only).then(|| stages::measure(&pipeline, &corpus, args.runs));
    let e2e = (!args.stages_only).then(|| {
        e2e::measure(
            &pipeline,
            &corpus,
            args.copies,
            &thread_counts(&args.threads),
            args.runs,
        )
    });
    let figures = Figures {
        paths: paths.iter().map(|p| p.display().to_string()).collect(),
        docs: corpus.docs.len(),
        bytes: corpus.bytes,
        unreadable: corpus.unreadable,
        runs: args.runs,
        copies: args.copies,
        load_seconds,
        warm_up_docs: warm_up.0,
        warm_up_seconds: warm_up.1,
        stages,
        e2e,
        memory: Memory::now(corpus.docs.len() * args.copies, corpus.bytes),
    };
    let out = if args.json {
        serde_json::to_string_pretty(&figures).unwrap_or_default()
    } else {
        figures.table()
    };
    println!("{out}");
    ExitCode::SUCCESS
}

/// Documents coded before anything is measured, at most.
const WARM_UP_DOCS: usize = 100;

/// Code a sample spread over the corpus once, unmeasured, so that what
/// happens on the first document of a language (its actor matcher is
/// compiled) falls on no measured run; how many documents and how long.
fn warm_up(pipeline: &Pipeline, corpus: &Corpus) -> (usize, f64) {
    let started = Instant::now();
    let step = corpus.docs.len().div_ceil(WARM_UP_DOCS).max(1);
    let mut docs = 0;
    for doc in corpus.docs.iter().step_by(step) {
        std::hint::black_box(pipeline.process(doc.clone()));
        docs += 1;
    }
    (docs, started.elapsed().as_secs_f64())
}

/// The paths to read, or what is wrong with the arguments.
fn check(args: &BenchArgs) -> Result<Vec<PathBuf>, String> {
    if args.runs == 0 {
        return Err("--runs must be at least 1".into());
    }
    if args.copies == 0 {
        return Err("--copies must be at least 1".into());
    }
    let paths = if args.paths.is_empty() {
        if !Path::new(DEFAULT_CORPUS).is_dir() {
            return Err(format!(
                "give a corpus path (the default {DEFAULT_CORPUS} is not there from {})",
                std::env::current_dir()
                    .map(|d| d.display().to_string())
                    .unwrap_or_else(|_| "here".into())
            ));
        }
        vec![PathBuf::from(DEFAULT_CORPUS)]
    } else {
        args.paths.clone()
    };
    for p in &paths {
        if p.as_os_str() != "-" && !p.exists() {
            return Err(format!("{}: no such file or directory", p.display()));
        }
    }
    Ok(paths)
}

/// The end-to-end thread counts: as given (0 meaning all cores), else 1
/// and the number of cores; without repeats, in the order given.
fn thread_counts(given: &[usize]) -> Vec<usize> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let wanted = if given.is_empty() {
        vec![1, cores]
    } else {
        given.to_vec()
    };
    let mut out: Vec<usize> = Vec::new();
    for n in wanted {
        let n = if n == 0 { cores } else { n };
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::thread_counts;

    #[test]
    fn thread_counts_drop_repeats_and_read_zero_as_all_cores() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(thread_counts(&[2, 1, 2]), [2, 1]);
        assert_eq!(thread_counts(&[0]), [cores]);
        assert_eq!(thread_counts(&[])[0], 1);
        assert_eq!(*thread_counts(&[]).last().unwrap(), cores);
    }
}
