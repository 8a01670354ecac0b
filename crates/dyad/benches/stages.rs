//! The hot stages on a fixed sample of slavicner (every tenth document in
//! `dyad code`'s order, so all three languages, read once):
//! `cargo bench -p dyad --bench stages [-- NAME]`. Each stage gets the
//! previous stages' output prepared outside the timing; `pipeline` is the
//! whole `Pipeline::process`. Throughput is the sample's input bytes.
//! `dyad bench` gives the same breakdown over a whole corpus.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode, Throughput};
use dyad::pipeline::{language, Pipeline};
use dyad_core::{Article, Decoded, Mention, Payload, RawDoc, Record};
use dyad_nlp::{Analysed, Lang};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/slavicner"
);

/// Every this many documents of the corpus go into the sample.
const EVERY: usize = 10;

/// The sample after each stage.
struct Sample {
    raw: Vec<RawDoc>,
    bytes: u64,
    decoded: Vec<Decoded>,
    articles: Vec<Article>,
    langs: Vec<Option<Lang>>,
    analysed: Vec<Analysed>,
    days: Vec<Option<u32>>,
    mentions: Vec<Vec<Mention>>,
    events: Vec<Vec<dyad_core::Event>>,
}

fn sample(pipeline: &Pipeline) -> Sample {
    let raw: Vec<RawDoc> = dyad_input::documents(&[PathBuf::from(CORPUS)], &Default::default())
        .step_by(EVERY)
        .filter(|d| !matches!(d.payload, Payload::Error(_)))
        .collect();
    assert!(!raw.is_empty(), "no documents in {CORPUS}");
    let bytes = raw
        .iter()
        .map(|d| match &d.payload {
            Payload::Bytes { bytes, .. } => bytes.len() as u64,
            Payload::Str { text, .. } => text.len() as u64,
            Payload::Error(_) => 0,
        })
        .sum();
    let decoded: Vec<Decoded> = raw
        .iter()
        .filter_map(|d| dyad_input::decode(d.clone()).ok())
        .collect();
    let articles: Vec<Article> = decoded
        .iter()
        .map(|d| dyad_extract::extract(d.clone()))
        .collect();
    let langs: Vec<_> = articles.iter().map(language).collect();
    let analysed: Vec<Analysed> = articles
        .iter()
        .zip(&langs)
        .map(|(a, &lang)| dyad_nlp::analyse(&a.text, &spans(a), lang))
        .collect();
    let days: Vec<Option<u32>> = articles
        .iter()
        .map(|a| a.date.as_deref().and_then(dyad_actors::document_day))
        .collect();
    let mentions: Vec<Vec<Mention>> = (0..articles.len())
        .map(|i| {
            pipeline
                .actors
                .link(&articles[i].text, &analysed[i], days[i])
        })
        .collect();
    let events = (0..articles.len())
        .map(|i| {
            pipeline
                .events
                .code(&articles[i].text, &analysed[i], &mentions[i], days[i])
        })
        .collect();
    Sample {
        raw,
        bytes,
        decoded,
        articles,
        langs,
        analysed,
        days,
        mentions,
        events,
    }
}

fn spans(a: &Article) -> Vec<dyad_core::Span> {
    a.blocks.iter().map(|b| b.span).collect()
}

fn stages(c: &mut Criterion) {
    let pipeline = Pipeline::new(&Default::default()).expect("data files load");
    let s = sample(&pipeline);
    let n = s.articles.len();
    let mut group = c.benchmark_group(format!("slavicner_{}_docs", s.raw.len()));
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sampling_mode(SamplingMode::Flat)
        .throughput(Throughput::Bytes(s.bytes));

    group.bench_function("extract", |b| {
        b.iter_batched(
            || s.decoded.clone(),
            |docs| {
                for d in docs {
                    black_box(dyad_extract::extract(d));
                }
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("language", |b| {
        b.iter(|| {
            for a in &s.articles {
                black_box(language(a));
            }
        })
    });
    group.bench_function("analyse", |b| {
        b.iter(|| {
            for (a, &lang) in s.articles.iter().zip(&s.langs) {
                black_box(dyad_nlp::analyse(&a.text, &spans(a), lang));
            }
        })
    });
    group.bench_function("actors", |b| {
        b.iter(|| {
            for i in 0..n {
                black_box(
                    pipeline
                        .actors
                        .link(&s.articles[i].text, &s.analysed[i], s.days[i]),
                );
            }
        })
    });
    group.bench_function("events", |b| {
        b.iter(|| {
            for i in 0..n {
                black_box(pipeline.events.code(
                    &s.articles[i].text,
                    &s.analysed[i],
                    &s.mentions[i],
                    s.days[i],
                ));
            }
        })
    });
    group.bench_function("record_json", |b| {
        let mut json = Vec::new();
        b.iter(|| {
            for i in 0..n {
                let lang = s.analysed[i].lang.map(Lang::code);
                let record =
                    Record::from_article(&s.articles[i], lang, &s.mentions[i], &s.events[i]);
                json.clear();
                serde_json::to_writer(&mut json, &record).expect("a record serialises");
                black_box(&json);
            }
        })
    });
    // A pass of the whole pipeline takes about as long as the other
    // stages' measurement: give its ten samples room.
    group.measurement_time(Duration::from_secs(6));
    group.bench_function("pipeline", |b| {
        b.iter_batched(
            || s.raw.clone(),
            |docs| {
                for d in docs {
                    black_box(pipeline.process(d));
                }
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
