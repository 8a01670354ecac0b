//! A check of the plain-text extractor on pages it was not tuned on: each
//! page of the scrapinghub benchmark is rendered to lines the way a
//! scraper saves page text (one line per block element, scripts and
//! styles dropped, by the HTML extractor's own paragraph splitter), the plain-text extractor picks the article, and its
//! body is scored against the gold `articleBody` like the HTML extractor.
//!
//! `cargo run --release -p dyad-extract --example text_on_html [--per-doc]`
use std::io::Read;

use dyad_core::BlockKind;
use dyad_eval::body::{aggregate, score_body};
use dyad_extract::html::paragraphs;
use dyad_extract::text::find_blocks;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/scrapinghub"
);

fn main() {
    let per_doc = std::env::args().any(|a| a == "--per-doc");
    let show: Option<String> =
        std::env::args().find_map(|a| a.strip_prefix("--show=").map(str::to_string));
    let truth: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/ground-truth.json")).unwrap())
            .unwrap();
    let mut scores = Vec::new();
    let mut skipped = 0;
    for (id, entry) in &truth {
        // The stop words dyad knows are ru, bg, uk and en: score the pages
        // whose article is in one of those.
        let gold = entry["articleBody"].as_str().unwrap_or("");
        // (lingua knows only our 7 languages: Portuguese comes out English,
        // so English also needs its commonest words.)
        let english = {
            let words: Vec<&str> = gold.split_whitespace().collect();
            let common = words
                .iter()
                .filter(|w| {
                    ["the", "and", "of", "to", "a", "in", "is", "that"]
                        .contains(&w.to_lowercase().as_str())
                })
                .count();
            common * 8 > words.len()
        };
        let ours = match dyad_nlp::detect_language(gold) {
            Some(dyad_nlp::Lang::En) => english,
            Some(dyad_nlp::Lang::Ru | dyad_nlp::Lang::Bg | dyad_nlp::Lang::Uk) => true,
            _ => false,
        };
        if !ours {
            skipped += 1;
            continue;
        }
        let gz = std::fs::read(format!("{DIR}/html/{id}.html.gz")).unwrap();
        let mut html = String::new();
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut bytes)
            .unwrap();
        html.push_str(&String::from_utf8_lossy(&bytes));
        // One line per block element, as a scraper saves page text.
        let text = paragraphs(&html)
            .into_iter()
            .map(|p| p.text)
            .collect::<Vec<_>>()
            .join("\n");
        let (blocks, _) = find_blocks(&text);
        if show.as_ref().is_some_and(|p| id.starts_with(p.as_str())) {
            let diag = dyad_extract::text::diagnose(&text);
            for (n, line) in text.split('\n').enumerate() {
                if let Some((_, d)) = diag.iter().find(|(k, _)| *k == n) {
                    let kept = blocks
                        .iter()
                        .any(|b| text[..b.span.start].matches('\n').count() == n);
                    let shown: String = line.chars().take(100).collect();
                    println!("{n:>4} {} {d:<28} {shown}", if kept { "K" } else { " " });
                }
            }
        }
        let body: Vec<&str> = blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Title)
            .map(|b| b.span.slice(&text))
            .collect();
        let s = score_body(&body.join("\n"), gold);
        if per_doc {
            println!("{:.3} {:.3} {:.3} {id}", s.precision, s.recall, s.f1);
        }
        scores.push(s);
    }
    let a = aggregate(&scores);
    println!(
        "plain-text extractor on rendered scrapinghub pages ({} pages in en/ru/bg/uk, {skipped} others skipped): P {:.3} R {:.3} F1 {:.3}",
        scores.len(),
        a.precision,
        a.recall,
        a.f1
    );
}
