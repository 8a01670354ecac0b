//! Where the time of `dyad code` goes, stage by stage, over a corpus:
//! `cargo run --release -p dyad --example stage_times -- PATH...`
//! (one thread; a rough profile, not a benchmark: run it several times).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dyad::pipeline::{language, Pipeline};
use dyad_input::{documents, InputOptions};

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: stage_times PATH...");
        std::process::exit(2);
    }
    let t = Instant::now();
    let pipeline = Pipeline::new(&Default::default()).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let load = t.elapsed();
    let mut times = [Duration::ZERO; 6];
    let names = [
        "decode+extract",
        "language",
        "analyse",
        "actors",
        "events",
        "record",
    ];
    let (mut docs, mut mentions, mut coded) = (0usize, 0usize, 0usize);
    for raw in documents(&paths, &InputOptions::default()) {
        let t0 = Instant::now();
        let Ok(decoded) = dyad_input::decode(raw) else {
            continue;
        };
        let article = dyad_extract::extract(decoded);
        let t1 = Instant::now();
        let lang = language(&article);
        let t2 = Instant::now();
        let spans: Vec<_> = article.blocks.iter().map(|b| b.span).collect();
        let analysed = dyad_nlp::analyse(&article.text, &spans, lang);
        let t3 = Instant::now();
        let found = pipeline.actors.link(&article.text, &analysed, None);
        let t4 = Instant::now();
        let events = pipeline.events.code(&article.text, &analysed, &found, None);
        let t5 = Instant::now();
        let record =
            dyad_core::Record::from_article(&article, lang.map(|l| l.code()), &found, &events);
        let t6 = Instant::now();
        for (i, (a, b)) in [(t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5), (t5, t6)]
            .iter()
            .enumerate()
        {
            times[i] += *b - *a;
        }
        docs += 1;
        mentions += record.mentions.len();
        coded += record.events.len();
    }
    println!(
        "dictionary and lexicon load: {:.1} ms",
        load.as_secs_f64() * 1e3
    );
    println!("{docs} documents, {mentions} mentions, {coded} events");
    for (n, t) in names.iter().zip(times) {
        println!(
            "{n:16} {:8.3} ms/doc",
            t.as_secs_f64() * 1e3 / docs.max(1) as f64
        );
    }
}
