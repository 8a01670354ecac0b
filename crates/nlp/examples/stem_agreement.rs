//! How often the stems of an inflected gold entity mention and of its lemma
//! agree, word by word, per language (`shared/eval/entities.dev.jsonl`):
//! `cargo run -p dyad-nlp --example stem_agreement [-- --show N]`.

use dyad_core::Span;
use dyad_nlp::{tokenize, Lang, TokenKind};
use std::collections::BTreeMap;

const GOLD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/eval/entities.dev.jsonl"
);

fn words(text: &str, lang: Lang) -> Vec<(String, String)> {
    let mut toks = Vec::new();
    tokenize(text, Span::new(0, text.len()), Some(lang), &mut toks);
    toks.into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| {
            let stem = t.stem().to_string();
            (t.norm, stem)
        })
        .collect()
}

fn main() {
    let show: usize = std::env::args()
        .skip_while(|a| a != "--show")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let src = std::fs::read_to_string(GOLD).expect("entities.dev.jsonl");
    // lang → (agree, total, misses)
    let mut stats: BTreeMap<&str, (usize, usize, BTreeMap<String, usize>)> = BTreeMap::new();
    for line in src.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).expect("json");
        let code = doc["lang"].as_str().unwrap_or("");
        let Some(lang) = Lang::from_code(code) else {
            continue;
        };
        let entry = stats.entry(lang.code()).or_default();
        for m in doc["mentions"].as_array().into_iter().flatten() {
            let (Some(text), Some(lemma)) = (m["text"].as_str(), m["lemma"].as_str()) else {
                continue;
            };
            let (a, b) = (words(text, lang), words(lemma, lang));
            if a.len() != b.len() {
                continue;
            }
            for ((na, sa), (nb, sb)) in a.iter().zip(&b) {
                if na == nb {
                    continue;
                }
                entry.1 += 1;
                if sa == sb {
                    entry.0 += 1;
                } else {
                    *entry.2.entry(format!("{na}→{sa} | {nb}→{sb}")).or_default() += 1;
                }
            }
        }
    }
    for (lang, (agree, total, misses)) in &stats {
        println!(
            "{lang}: {agree}/{total} inflected words share the lemma's stem ({:.1}%)",
            100.0 * *agree as f64 / (*total).max(1) as f64
        );
        let mut misses: Vec<_> = misses.iter().collect();
        misses.sort_by(|a, b| b.1.cmp(a.1));
        for (m, n) in misses.iter().take(show) {
            println!("   {n:4} {m}");
        }
    }
}
