//! `dyad query`, `dyad search` and `dyad export`: reading the store that
//! `dyad ingest` fills.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dyad_store::export;
use dyad_store::query::{self, EventFilter};
use dyad_store::Connection;

use crate::actors_cmd::LazyDictionary;

/// Which events: every filter is optional and they combine.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// The SQLite store.
    #[arg(long, default_value = "dyad.db", value_name = "FILE")]
    pub db: PathBuf,
    /// An actor on either side: a dictionary id (PUTIN_VLADIMIR), a
    /// country or organisation code (RUS, EU) or a name in any language
    /// and form (Putin, Путину); see `dyad actors`.
    #[arg(long)]
    pub actor: Option<String>,
    /// Two actors on opposite sides, `A,B`, each an id, a code or a name
    /// (either direction unless --directed).
    #[arg(long, value_name = "A,B")]
    pub dyad: Option<String>,
    /// With --dyad: only A acting on B.
    #[arg(long)]
    pub directed: bool,
    /// A PLOVER type (CONSULT, SANCTION, …).
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict.
    #[arg(long)]
    pub quad: Option<u8>,
    /// First day, YYYY-MM-DD (event date, else document date).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD, inclusive.
    #[arg(long)]
    pub to: Option<String>,
    /// The document's language (ru, bg, uk, en).
    #[arg(long)]
    pub lang: Option<String>,
    /// Words the article must contain, in any inflected form.
    #[arg(long)]
    pub text: Option<String>,
    /// At most this many events, or `all` (query default 100; exports:
    /// all).
    #[arg(long, value_name = "N|all", value_parser = parse_limit)]
    pub limit: Option<usize>,
    /// Skip this many first (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
}

/// A number of events, or `all` (no limit).
fn parse_limit(s: &str) -> Result<usize, String> {
    if s.eq_ignore_ascii_case("all") {
        return Ok(usize::MAX);
    }
    s.parse()
        .map_err(|_| format!("{s:?} is neither a number of events nor `all`"))
}

impl FilterArgs {
    /// The filter, names turned into ids by `actors` (read only when a
    /// filter names an actor); an unknown value is an error, not an
    /// empty answer.
    fn filter(&self, actors: &LazyDictionary) -> Result<EventFilter, String> {
        let resolve = |what: &str, v: &str| {
            actors
                .get()?
                .resolve(v)
                .map_err(|e| format!("--{what}: {e}"))
        };
        let actor = match &self.actor {
            None => None,
            Some(a) => Some(resolve("actor", a)?),
        };
        let dyad = match &self.dyad {
            None => None,
            Some(d) => {
                let (a, b) = query::parse_dyad(d).map_err(|e| format!("--{e}"))?;
                Some((resolve("dyad", &a)?, resolve("dyad", &b)?))
            }
        };
        if self.directed && dyad.is_none() {
            return Err("--directed needs --dyad A,B".into());
        }
        Ok(EventFilter {
            actor,
            dyad,
            directed: self.directed,
            kind: self.kind.clone(),
            quad: self.quad,
            from: self.from.clone(),
            to: self.to.clone(),
            lang: self.lang.clone(),
            text: self.text.clone(),
            doc_id: None,
            limit: self.limit,
            offset: self.offset,
        })
    }

    /// The store: it must exist (reading never creates one), and it is
    /// read on a read-only filesystem too.
    fn store(&self) -> Result<Connection, String> {
        dyad_store::schema::open_for_reading(&self.db)
    }
}

fn fail(cmd: &str, e: impl std::fmt::Display) -> ExitCode {
    eprintln!("dyad {cmd}: {e}");
    ExitCode::FAILURE
}

/// `dyad query`: events as a table, or JSON Lines with `--json`.
pub fn query(args: &FilterArgs, json: bool) -> ExitCode {
    let actors = LazyDictionary::default();
    let (store, filter) = match args.store().and_then(|s| Ok((s, args.filter(&actors)?))) {
        Ok(x) => x,
        Err(e) => return fail("query", e),
    };
    let (rows, total) = match query::events(&store, &filter)
        .and_then(|rows| Ok((rows, query::count_events(&store, &filter)?)))
    {
        Ok(r) => r,
        Err(e) => return fail("query", e),
    };
    let shown = showing(filter.offset, rows.len(), total);
    // Readable names beside the codes, from the actor dictionary (without
    // it, codes only).
    let name = |id: &str| -> Option<String> {
        actors
            .get()
            .ok()
            .and_then(|d| d.display_name(id))
            .filter(|n| *n != id)
            .map(str::to_string)
    };
    let mut out = std::io::stdout().lock();
    let written = if json {
        // The lines stay pure JSON; a cut selection is said on stderr.
        if rows.len() + filter.offset < total {
            eprintln!("dyad query: {shown}");
        }
        rows.iter().try_for_each(|r| {
            let mut v = serde_json::to_value(r).map_err(std::io::Error::other)?;
            let names =
                |ids: &[String]| -> Vec<Option<String>> { ids.iter().map(|id| name(id)).collect() };
            v["actor_names"] = serde_json::json!(names(&r.actor_ids));
            v["recipient_names"] = serde_json::json!(names(&r.recipient_ids));
            writeln!(out, "{v}")
        })
    } else {
        write!(out, "{}", query::render_table_with(&rows, &name))
            .and_then(|()| writeln!(out, "{shown}"))
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail("query", e),
    }
}

/// "showing 1–100 of 1,669 events", with how to see the rest when some
/// are not shown.
fn showing(offset: usize, shown: usize, total: usize) -> String {
    let range = if shown == 0 {
        "none".to_string()
    } else {
        format!("{}–{}", thousands(offset + 1), thousands(offset + shown))
    };
    let mut s = format!("showing {range} of {} events", thousands(total));
    if offset + shown < total {
        s.push_str(" (--limit N or --limit all for more, --offset to page)");
    }
    s
}

/// `n` with a comma every three digits.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `dyad search`: articles containing the words, in any inflected form.
pub fn search(db: &Path, words: &str, limit: usize) -> ExitCode {
    let args = FilterArgs {
        db: db.to_path_buf(),
        ..FilterArgs::default()
    };
    let store = match args.store() {
        Ok(s) => s,
        Err(e) => return fail("search", e),
    };
    match dyad_store::search::search(&store, words, limit) {
        Ok(hits) => {
            for (_, doc, title) in hits {
                println!("{doc}\t{}", title.unwrap_or_default());
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail("search", e),
    }
}

/// The export formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Format {
    /// One PLOVER-style JSON record per event.
    Jsonl,
    /// GDELT-like columns, one row per event with its story's counts.
    Csv,
    /// Country and organisation relations for Gephi.
    Graphml,
    /// Columnar, for pandas/Arrow/DuckDB (needs the `parquet` feature).
    Parquet,
}

/// `dyad export`.
pub fn export(args: &FilterArgs, format: Format, output: Option<&PathBuf>) -> ExitCode {
    let (store, filter) = match args
        .store()
        .and_then(|s| Ok((s, args.filter(&LazyDictionary::default())?)))
    {
        Ok(x) => x,
        Err(e) => return fail("export", e),
    };
    if let Format::Parquet = format {
        return parquet(&store, &filter, output);
    }
    let mut sink: Box<dyn Write> = match output {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => return fail("export", format!("cannot write {}: {e}", p.display())),
        },
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let done = match format {
        Format::Jsonl => export::jsonl(&store, &filter, &mut sink).map(|n| format!("{n} events")),
        Format::Csv => export::csv(&store, &filter, &mut sink).map(|n| format!("{n} rows")),
        Format::Graphml => export::graphml(&store, &filter, &mut sink)
            .map(|(n, e)| format!("{n} nodes, {e} edges")),
        Format::Parquet => unreachable!("handled above"),
    };
    match done.and_then(|what| sink.flush().map(|_| what).map_err(|e| e.to_string())) {
        Ok(what) => {
            eprintln!("dyad export: {what}");
            ExitCode::SUCCESS
        }
        // A reader that stops early (`| head`) is no failure.
        Err(e) if e.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => fail("export", e),
    }
}

#[cfg(feature = "parquet")]
fn parquet(store: &Connection, filter: &EventFilter, output: Option<&PathBuf>) -> ExitCode {
    let Some(path) = output else {
        return fail("export", "--format parquet needs -o FILE");
    };
    match export::parquet(&store, filter, path) {
        Ok(n) => {
            eprintln!("dyad export: {n} events");
            ExitCode::SUCCESS
        }
        Err(e) => fail("export", e),
    }
}

#[cfg(not(feature = "parquet"))]
fn parquet(_: &Connection, _: &EventFilter, _: Option<&PathBuf>) -> ExitCode {
    fail(
        "export",
        "this dyad was built without Parquet; rebuild with `cargo build --release --features parquet`",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands_and_the_rest_is_pointed_to() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_669), "1,669");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(
            showing(0, 100, 1_669),
            "showing 1–100 of 1,669 events (--limit N or --limit all for more, --offset to page)"
        );
        assert_eq!(showing(0, 5, 5), "showing 1–5 of 5 events");
        assert_eq!(showing(10, 0, 5), "showing none of 5 events");
        assert_eq!(parse_limit("ALL"), Ok(usize::MAX));
        assert_eq!(parse_limit("7"), Ok(7));
        assert!(parse_limit("-1").is_err());
    }
}
