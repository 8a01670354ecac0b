//! Per-stage time on one thread: the calls `Pipeline::process` makes,
//! each timed on its own and summed over the corpus, repeated and the
//! median run kept per stage.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use dyad_core::Record;
use dyad_nlp::Lang;

use super::corpus::Corpus;
use super::report::{median, StageFigure, Stages};
use crate::pipeline::{language, Pipeline};
use crate::progress::Progress;

/// The stages in pipeline order; `output` is `Record::from_article` and
/// its JSON serialisation.
pub const STAGES: [&str; 7] = [
    "decode", "extract", "language", "analyse", "actors", "events", "output",
];

/// What one pass over the corpus measured.
#[derive(Default)]
struct Pass {
    times: [Duration; STAGES.len()],
    /// Documents that reached each stage.
    docs: [usize; STAGES.len()],
    mentions: usize,
    events: usize,
    /// Documents that failed to decode or panicked in a stage.
    failed: usize,
}

/// Time every stage over `corpus`, `runs` times, on the calling thread.
pub fn measure(pipeline: &Pipeline, corpus: &Corpus, runs: usize) -> Stages {
    let mut passes = Vec::with_capacity(runs);
    for run in 1..=runs {
        let started = Instant::now();
        let pass = one_pass(pipeline, corpus);
        eprintln!(
            "dyad bench: stages, run {run} of {runs}: {:.2} s",
            started.elapsed().as_secs_f64()
        );
        passes.push(pass);
    }
    let first = &passes[0];
    let medians: Vec<f64> = (0..STAGES.len())
        .map(|i| median(passes.iter().map(|p| p.times[i].as_secs_f64())))
        .collect();
    let total: f64 = medians.iter().sum();
    let stages = STAGES
        .iter()
        .enumerate()
        .map(|(i, name)| StageFigure {
            name,
            docs: first.docs[i],
            seconds: medians[i],
            run_seconds: passes.iter().map(|p| p.times[i].as_secs_f64()).collect(),
            docs_per_second: first.docs[i] as f64 / medians[i].max(1e-9),
            mb_per_second: corpus.bytes as f64 / 1e6 / medians[i].max(1e-9),
            share: medians[i] / total.max(1e-9),
        })
        .collect();
    Stages {
        threads: 1,
        docs: corpus.docs.len(),
        failed: first.failed,
        mentions: first.mentions,
        events: first.events,
        seconds: total,
        docs_per_second: corpus.docs.len() as f64 / total.max(1e-9),
        mb_per_second: corpus.bytes as f64 / 1e6 / total.max(1e-9),
        stages,
    }
}

fn one_pass(pipeline: &Pipeline, corpus: &Corpus) -> Pass {
    let mut pass = Pass::default();
    let mut json = Vec::new();
    let mut progress = Progress::new().with_total(Some(corpus.docs.len()));
    for raw in &corpus.docs {
        let raw = raw.clone();
        let mut times = [Duration::ZERO; STAGES.len()];
        let coded = catch_unwind(AssertUnwindSafe(|| {
            one_document(pipeline, raw, &mut times, &mut json)
        }));
        for (i, t) in times.iter().enumerate() {
            pass.times[i] += *t;
            // A stage the document reached has taken some time.
            pass.docs[i] += usize::from(i == 0 || !t.is_zero());
        }
        match coded {
            Ok(Some((mentions, events))) => {
                pass.mentions += mentions;
                pass.events += events;
            }
            Ok(None) | Err(_) => pass.failed += 1,
        }
        progress.tick(!matches!(coded, Ok(Some(_))));
    }
    progress.finish();
    pass
}

/// One document through the stages as `Pipeline::process` calls them,
/// each stage's time added to `times`; its mention and event counts, or
/// `None` when it cannot be decoded.
fn one_document(
    pipeline: &Pipeline,
    raw: dyad_core::RawDoc,
    times: &mut [Duration; STAGES.len()],
    json: &mut Vec<u8>,
) -> Option<(usize, usize)> {
    let mut clock = Instant::now();
    let mut lap = |stage: usize| {
        let now = Instant::now();
        // Never zero for a stage that ran, so it counts as reached.
        times[stage] += (now - clock).max(Duration::from_nanos(1));
        clock = now;
    };
    let decoded = dyad_input::decode(raw);
    lap(0);
    let decoded = decoded.ok()?;
    let article = dyad_extract::extract(decoded);
    lap(1);
    let lang = language(&article);
    lap(2);
    let spans: Vec<_> = article.blocks.iter().map(|b| b.span).collect();
    let analysed = dyad_nlp::analyse(&article.text, &spans, lang);
    lap(3);
    let day = article.date.as_deref().and_then(dyad_actors::document_day);
    let mentions = pipeline.actors.link(&article.text, &analysed, day);
    lap(4);
    let events = pipeline
        .events
        .code(&article.text, &analysed, &mentions, day);
    lap(5);
    let record = Record::from_article(&article, analysed.lang.map(Lang::code), &mentions, &events);
    json.clear();
    let written = serde_json::to_writer(&mut *json, &record);
    json.push(b'\n');
    lap(6);
    written.ok()?;
    Some((record.mentions.len(), record.events.len()))
}
