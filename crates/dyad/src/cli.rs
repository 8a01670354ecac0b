//! Command-line interface: argument parsing and the `code`, `explain`,
//! `serve`, `eval` and `bench` subcommands' top level.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dyad_input::{InputFormat, InputOptions};

use crate::actors_cmd;
use crate::bench::{self, BenchArgs};
use crate::eval_cmd::{self, EvalArgs};
use crate::ingest_cmd::{self, IngestArgs};
use crate::pipeline::{DataArgs, Pipeline};
use crate::progress::Progress;
use crate::runner;
use crate::store_cmd::{self, FilterArgs, Format};

#[derive(Parser, Debug)]
#[command(
    name = "dyad",
    version,
    about = "Political event data from raw news pages (ru, bg, uk, en): who did what to whom, when, and the sentence that says so"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Read documents and print one JSON record per document (JSON Lines),
    /// in input order: clean article blocks, language, title, date,
    /// mentions and events.
    Code {
        /// Files (text, HTML, WARC, .warc.gz, JSON Lines, any of them
        /// gzipped), directories (recursive, sorted) or `-` for stdin.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Worker threads (0: all cores).
        #[arg(long, default_value_t = 0)]
        threads: usize,
        /// Largest document read, in bytes; larger ones get an error record.
        #[arg(long, default_value_t = InputOptions::default().max_doc_bytes)]
        max_doc_bytes: usize,
        /// What the inputs are: auto (by file name, else by the first
        /// bytes), text, html, warc or jsonl; after gzip decompression,
        /// for standard input and files alike.
        #[arg(long, default_value = "auto", value_name = "FORMAT")]
        format: InputFormat,
        /// Write the records to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Show, for each document, every sentence of the kept text with its
    /// actor mentions, the triggers that fired and why each event got its
    /// type and sides (or why a trigger gave none), then the events.
    Explain {
        /// Files, directories or `-`, as for `dyad code`; usually one
        /// document.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Largest document read, in bytes.
        #[arg(long, default_value_t = InputOptions::default().max_doc_bytes)]
        max_doc_bytes: usize,
        /// What the inputs are: auto (by file name, else by the first
        /// bytes), text, html, warc or jsonl; after gzip decompression,
        /// for standard input and files alike.
        #[arg(long, default_value = "auto", value_name = "FORMAT")]
        format: InputFormat,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Code documents into a SQLite store (default ./dyad.db): documents,
    /// blocks, mentions, events, reprints and stories. A document is its
    /// content, stored once with every place (canonical path) it was read
    /// at: content already stored is not coded again, a place whose content
    /// changed points to the new content, documents stored with an error
    /// are retried; a killed ingest can simply be run again. A --db file
    /// that is not a dyad store is refused and left unchanged.
    Ingest(IngestArgs),
    /// Events from the store, with filters: a readable table, or JSON
    /// Lines with --json.
    Query {
        #[command(flatten)]
        filter: FilterArgs,
        /// One JSON object per event instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Look the actor dictionary up: by any name form in any language,
    /// inflected or not ("путин", "Путину", "Erdogan"), by id or by code;
    /// each actor with its id, kind, code, English name and dated offices.
    /// Without TEXT, every actor.
    Actors {
        /// A name, an id or a code.
        text: Vec<String>,
        /// One JSON object per actor instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Articles in the store containing the words, in any inflected form
    /// (ru, bg, uk, en).
    Search {
        /// The words.
        #[arg(required = true)]
        words: Vec<String>,
        /// The SQLite store.
        #[arg(long, default_value = "dyad.db", value_name = "FILE")]
        db: PathBuf,
        /// At most this many articles.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Export events from the store: JSON Lines, CSV (GDELT-like columns),
    /// GraphML (relations for Gephi) or Parquet.
    Export {
        /// jsonl, csv, graphml or parquet.
        #[arg(long, value_enum)]
        format: Format,
        /// Write here instead of standard output (required for parquet).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Serve the dashboard and its JSON API over a store, at
    /// http://127.0.0.1:8080/ by default (Ctrl-C stops). Only reads the
    /// store, so an ingest may run meanwhile.
    Serve {
        /// The SQLite store.
        #[arg(long, default_value = "dyad.db", value_name = "FILE")]
        db: PathBuf,
        /// The address to listen on; anything but a loopback address lets
        /// other machines read the store (there is no login).
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// The port (0: any free one; the address is printed on stderr).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// A host name to answer besides localhost and loopback addresses
        /// (requests naming another Host get 403, so a web page cannot
        /// read the store through DNS rebinding). Repeatable. On a
        /// non-loopback --host, giving it turns the check on.
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_host: Vec<String>,
    },
    /// Score dyad against gold sets: main-text lines and titles (seeds
    /// gold), events (seeds or dev gold), actor mentions (entities gold),
    /// HTML bodies (--html on the scrapinghub benchmark).
    Eval(EvalArgs),
    /// Measure speed and memory on a corpus (default
    /// ../shared/corpus/slavicner): each stage on one thread, `dyad code`
    /// end to end on 1 and all cores, peak memory; a table, or --json.
    Bench(BenchArgs),
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Code {
            paths,
            threads,
            max_doc_bytes,
            format,
            output,
            data,
        } => {
            let input = InputOptions {
                max_doc_bytes,
                format,
            };
            code(&paths, threads, &input, output, &data)
        }
        Command::Explain {
            paths,
            max_doc_bytes,
            format,
            data,
        } => {
            let input = InputOptions {
                max_doc_bytes,
                format,
            };
            explain(&paths, &input, &data)
        }
        Command::Ingest(args) => ingest_cmd::run(&args),
        Command::Query { filter, json } => store_cmd::query(&filter, json),
        Command::Actors { text, json } => actors_cmd::run(&text.join(" "), json),
        Command::Search { words, db, limit } => store_cmd::search(&db, &words.join(" "), limit),
        Command::Export {
            format,
            output,
            filter,
        } => store_cmd::export(&filter, format, output.as_ref()),
        Command::Serve {
            db,
            host,
            port,
            allow_host,
        } => {
            let opts = dyad_server::Options {
                db,
                host,
                port,
                allow_hosts: allow_host,
                limits: dyad_server::Limits::default(),
                actors: DataArgs::default().sources(),
            };
            match dyad_server::run(&opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("dyad serve: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Eval(args) => {
            if args.gold.is_empty() && args.html.is_none() {
                eprintln!("dyad eval: give at least one gold file, or --html DIR");
                return ExitCode::from(2);
            }
            match eval_cmd::run(&args) {
                Ok(report) => {
                    println!("{report}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("dyad eval: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Bench(args) => bench::run(&args),
    }
}

fn explain(paths: &[PathBuf], input: &InputOptions, data: &DataArgs) -> ExitCode {
    let pipeline = match Pipeline::new(data) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dyad explain: data files: {e}");
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    let mut docs = 0;
    for raw in dyad_input::documents(paths, input) {
        docs += 1;
        let (record, explanation) = pipeline.explain(raw);
        let mut text = format!(
            "== {} (language {}, date {})\n",
            record.doc,
            record.lang.as_deref().unwrap_or("unknown"),
            record.date.as_deref().unwrap_or("unknown")
        );
        if let Some(e) = &record.error {
            text.push_str(&format!("error: {e}\n"));
        }
        if let Some((article, explanation)) = explanation {
            text.push_str(&explanation.render(&article));
        }
        text.push_str(&format!("\nevents: {}\n", record.events.len()));
        for e in &record.events {
            text.push_str(&format!(
                "  {} {:?} → {:?}{} score {} confidence {:.2} date {} context {:?}\n    «{}»\n",
                e.kind.as_str(),
                e.actors,
                e.recipients,
                e.mode
                    .as_deref()
                    .map(|m| format!(" mode {m}"))
                    .unwrap_or_default(),
                e.score,
                e.confidence,
                e.date.as_deref().unwrap_or("-"),
                e.context,
                e.evidence
            ));
        }
        if writeln!(out, "{text}").is_err() {
            return ExitCode::SUCCESS;
        }
    }
    if docs == 0 {
        eprintln!("dyad explain: no documents found in the given paths");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn code(
    paths: &[PathBuf],
    threads: usize,
    input: &InputOptions,
    output: Option<PathBuf>,
    data: &DataArgs,
) -> ExitCode {
    let pipeline = match Pipeline::new(data) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dyad code: data files: {e}");
            return ExitCode::from(2);
        }
    };
    let sink: Box<dyn Write> = match &output {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("dyad code: cannot write {}: {e}", p.display());
                return ExitCode::FAILURE;
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let pool = match runner::pool(threads) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dyad code: {e}");
            return ExitCode::FAILURE;
        }
    };
    let docs = dyad_input::documents(paths, input);
    let mut progress = Progress::new();
    let result = runner::write_jsonl(docs, &pipeline, &pool, &mut out, &mut progress);
    progress.finish();
    if let Err(e) = result {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("dyad code: cannot write output: {e}");
        return ExitCode::FAILURE;
    }
    let (docs, errors) = (progress.docs, progress.errors);
    if docs == 0 {
        eprintln!("dyad code: no documents found in the given paths");
        return ExitCode::FAILURE;
    }
    if errors > 0 {
        eprintln!(
            "dyad code: {errors} of {docs} documents could not be read (see their \"error\" fields)"
        );
    }
    if errors == docs {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
