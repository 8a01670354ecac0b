//! `dyad eval`: run the pipeline over a gold set's documents (or read a
//! predictions file) and print the scores: main-text lines and titles
//! (seeds), events (seeds, dev), actor mentions (entities), HTML bodies
//! (the scrapinghub benchmark).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use dyad_core::{BlockKind, RawDoc, Record};
use dyad_eval::{body, GoldSet};
use dyad_input::InputOptions;

use crate::runner;

/// What `dyad eval` was asked to do.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Gold files (JSON Lines): seeds.gold.jsonl, dev/events.gold.jsonl,
    /// entities.dev.jsonl. Their documents are looked up next to them
    /// (docs/, ../seeds, ../corpus) unless --docs is given.
    #[arg(value_name = "GOLD")]
    pub gold: Vec<PathBuf>,
    /// Directory holding the gold documents.
    #[arg(long, value_name = "DIR")]
    pub docs: Option<PathBuf>,
    /// Score this `dyad code` output instead of running the pipeline.
    #[arg(long, value_name = "FILE")]
    pub pred: Option<PathBuf>,
    /// Score HTML main-text extraction on a benchmark directory
    /// (ground-truth.json + html/ID.html.gz).
    #[arg(long, value_name = "DIR")]
    pub html: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every miss and false positive.
    #[arg(short, long)]
    pub verbose: bool,
    /// Worker threads (0: all cores).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// A list of gold document names (one per line) held out as a check
    /// split: events are also scored on them and on the rest apart, and
    /// --verbose lists only the rest. Default: `check.txt` beside an events
    /// gold file, when there is one; `--split none` turns it off.
    #[arg(long, value_name = "FILE")]
    pub split: Option<PathBuf>,
    #[command(flatten)]
    pub data: crate::pipeline::DataArgs,
}

/// Where a gold file's documents may live, relative to the gold file, in
/// the layout of `shared/`: `eval/dev/docs`, `seeds/`, `corpus/`.
fn candidate_roots(gold: &Path, docs: Option<&Path>) -> Vec<PathBuf> {
    if let Some(d) = docs {
        return vec![d.to_path_buf()];
    }
    let dir = gold.parent().unwrap_or(Path::new("."));
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    vec![
        dir.join("docs"),
        dir.to_path_buf(),
        dir.join("../seeds"),
        dir.join("../corpus"),
        dir.join("../../corpus"),
    ]
}

/// The file of gold document `doc` under one of `roots`.
fn locate(doc: &str, roots: &[PathBuf]) -> Option<PathBuf> {
    roots.iter().map(|r| r.join(doc)).find(|p| p.is_file())
}

/// Run the pipeline over the gold documents; records carry the gold ids.
fn run_gold_docs(
    docs: &[(&str, &str)],
    roots: &[PathBuf],
    threads: usize,
    pipeline: &crate::pipeline::Pipeline,
) -> Result<(Vec<Record>, Vec<String>), String> {
    let mut missing = Vec::new();
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    for (doc, _) in docs {
        match locate(doc, roots) {
            Some(p) => found.push((doc.to_string(), p)),
            None => missing.push(doc.to_string()),
        }
    }
    let opts = InputOptions::default();
    let raws = found.into_iter().flat_map(move |(id, path)| {
        dyad_input::documents(&[path], &opts).map(move |mut d: RawDoc| {
            d.id = id.clone();
            d
        })
    });
    Ok((runner::records(raws, pipeline, threads)?, missing))
}

/// The text of a gold document, as `dyad code` reads it.
fn doc_text(doc: &str, roots: &[PathBuf]) -> Option<String> {
    let path = locate(doc, roots)?;
    let raw = dyad_input::documents(&[path], &InputOptions::default()).next()?;
    dyad_input::decode(raw).ok().map(|d| d.text)
}

/// Run the evaluation; returns the report text (or JSON).
pub fn run(args: &EvalArgs) -> Result<String, String> {
    let mut out = String::new();
    let mut json = serde_json::Map::new();
    let mut pipeline = None;
    for gold_path in &args.gold {
        let gold = GoldSet::load(gold_path).map_err(|e| e.to_string())?;
        let roots = candidate_roots(gold_path, args.docs.as_deref());
        let docs = gold.docs();
        let (records, missing) = match &args.pred {
            Some(p) => (
                dyad_eval::load_predictions(p).map_err(|e| e.to_string())?,
                Vec::new(),
            ),
            None => {
                if pipeline.is_none() {
                    let p = crate::pipeline::Pipeline::new(&args.data)
                        .map_err(|e| format!("data files: {e}"))?;
                    pipeline = Some(p);
                }
                run_gold_docs(&docs, &roots, args.threads, pipeline.as_ref().unwrap())?
            }
        };
        let name = gold_path.display().to_string();
        let _ = writeln!(out, "== {name} ({} documents)", docs.len());
        if !missing.is_empty() {
            let _ = writeln!(
                out,
                "warning: {} gold documents not found under {}; pass --docs DIR (first: {})",
                missing.len(),
                roots
                    .iter()
                    .map(|r| r.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                missing[0]
            );
        }
        let mut entry = serde_json::Map::new();
        if let GoldSet::Seeds(seeds) = &gold {
            let report = dyad_eval::score_lines(seeds, &records, &|g| doc_text(&g.doc, &roots));
            let _ = writeln!(out, "-- main-text lines\n{report}");
            if args.verbose {
                out.push_str(&report.listing());
            }
            entry.insert("lines".into(), to_json(&report));
        }
        if let Some(events) = gold.events() {
            let report = dyad_eval::score_events(&events, &records);
            let _ = writeln!(out, "-- events\n{report}");
            let held_out = split_names(args.split.as_deref(), gold_path)?;
            match held_out {
                None => {
                    if args.verbose {
                        out.push_str(&report.listing());
                    }
                }
                Some((file, names)) => {
                    let check = report.subset(|d| names.contains(d));
                    let rest = report.subset(|d| !names.contains(d));
                    let _ = writeln!(
                        out,
                        "-- events, check split ({}: scores only)\n{check}",
                        file.display()
                    );
                    let _ = writeln!(out, "-- events, the rest\n{rest}");
                    if args.verbose {
                        let _ = writeln!(
                            out,
                            "(the listing leaves out the {} check documents)",
                            check.docs.len()
                        );
                        out.push_str(&rest.listing());
                    }
                    entry.insert("events_check".into(), to_json(&check.without_docs()));
                    entry.insert("events_rest".into(), to_json(&rest));
                }
            }
            entry.insert("events".into(), to_json(&report));
        }
        if let GoldSet::Entities(entities) = &gold {
            let report = dyad_eval::score_mentions(entities, &records);
            let _ = writeln!(out, "-- actor mentions\n{report}");
            if args.verbose {
                out.push_str(&report.confusion(30));
            }
            entry.insert("mentions".into(), to_json(&report));
        }
        json.insert(name, entry.into());
    }
    if let Some(dir) = &args.html {
        let (score, n) = html_benchmark(dir)?;
        let _ = writeln!(
            out,
            "== HTML bodies, {} ({n} pages)\nP {:.3}  R {:.3}  F1 {:.3}",
            dir.display(),
            score.precision,
            score.recall,
            score.f1
        );
        json.insert(
            "html".into(),
            serde_json::json!({"pages": n, "precision": score.precision, "recall": score.recall, "f1": score.f1}),
        );
    }
    if args.json {
        Ok(serde_json::Value::Object(json).to_string())
    } else {
        Ok(out)
    }
}

/// The held-out split of an events gold file: `--split FILE`, else
/// `check.txt` beside the gold file if present; `--split none` for none.
fn split_names(
    split: Option<&Path>,
    gold: &Path,
) -> Result<Option<(PathBuf, std::collections::HashSet<String>)>, String> {
    let file = match split {
        Some(p) if p.as_os_str() == "none" => return Ok(None),
        Some(p) => p.to_path_buf(),
        None => {
            let beside = gold.with_file_name("check.txt");
            if !beside.is_file() {
                return Ok(None);
            }
            beside
        }
    };
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let names = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    Ok(Some((file, names)))
}

fn to_json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// Score HTML body extraction on a directory in the layout of the
/// scrapinghub article-extraction benchmark: `ground-truth.json` (id →
/// `articleBody`) and `html/ID.html.gz`.
pub fn html_benchmark(dir: &Path) -> Result<(body::BodyScore, usize), String> {
    let truth_path = dir.join("ground-truth.json");
    let truth = std::fs::read_to_string(&truth_path)
        .map_err(|e| format!("{}: {e}", truth_path.display()))?;
    let truth: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&truth).map_err(|e| format!("{}: {e}", truth_path.display()))?;
    let mut scores = Vec::new();
    for (id, entry) in &truth {
        let gold = entry["articleBody"].as_str().unwrap_or("");
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let Some(raw) = dyad_input::documents(&[path], &InputOptions::default()).next() else {
            continue;
        };
        let predicted = match dyad_input::decode(raw) {
            Ok(decoded) => {
                let article = dyad_extract::extract(decoded);
                article
                    .blocks
                    .iter()
                    // The gold `articleBody` has neither title, captions nor byline.
                    .filter(|b| matches!(b.kind, BlockKind::Body | BlockKind::Lead))
                    .map(|b| b.span.slice(&article.text))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            Err(_) => String::new(),
        };
        scores.push(body::score_body(&predicted, gold));
    }
    if scores.is_empty() {
        return Err(format!("{}: no pages scored", dir.display()));
    }
    Ok((body::aggregate(&scores), scores.len()))
}
