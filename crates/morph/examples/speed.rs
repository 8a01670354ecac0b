//! Analyses per second on real text, one thread:
//!
//!   cargo run -p dyad-morph --release --example speed -- ru FILE.txt...
//!
//! Tokenizes the files first (not timed), then times `analyse_cased` over
//! one pass over all word tokens on a fresh thread (empty memo), then
//! repeated passes for at least two seconds, over all words, the
//! dictionary words and the unknown ones.

use dyad_core::Span;
use dyad_morph::analyser;
use dyad_nlp::{tokenize, Lang, TokenKind};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn rate(words: &[(String, bool)], a: &dyad_morph::Analyser) -> (f64, usize) {
    let start = Instant::now();
    let (mut n, mut readings) = (0usize, 0usize);
    while start.elapsed() < Duration::from_secs(2) || n == 0 {
        for (w, cap) in words {
            readings += black_box(a.analyse_cased(w, *cap)).len();
        }
        n += words.len();
    }
    (
        n as f64 / start.elapsed().as_secs_f64(),
        readings / n.max(1),
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(lang) = args.first().and_then(|l| Lang::from_code(l)) else {
        eprintln!("usage: speed ru|uk|bg|en FILE...");
        std::process::exit(2);
    };
    let t0 = Instant::now();
    let a = analyser(lang).expect("a built-in language");
    let load = t0.elapsed();
    let mut words: Vec<(String, bool)> = Vec::new();
    let mut tokens = Vec::new();
    for path in &args[1..] {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        tokens.clear();
        tokenize(&text, Span::new(0, text.len()), Some(lang), &mut tokens);
        words.extend(
            tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| (t.norm.clone(), t.upper_initial)),
        );
    }
    let (known, unknown): (Vec<_>, Vec<_>) = words
        .iter()
        .cloned()
        .partition(|(w, _)| a.dictionary().contains(w));
    println!(
        "{} files, {} words ({:.1}% in the dictionary), first use of the analyser took {load:?}",
        args.len() - 1,
        words.len(),
        100.0 * known.len() as f64 / words.len().max(1) as f64
    );
    let start = Instant::now();
    let mut hits = 0usize;
    for _ in 0..5 {
        for (w, _) in &words {
            hits += usize::from(black_box(a.dictionary().contains(w)));
        }
    }
    println!(
        "   FST lookup only: {:>6.2} M words/s ({hits} hits)",
        5.0 * words.len() as f64 / start.elapsed().as_secs_f64() / 1e6
    );
    // One pass on a fresh thread: the per-thread memo starts empty.
    let cold = std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let start = Instant::now();
                let mut readings = 0usize;
                for (w, cap) in &words {
                    readings += black_box(a.analyse_cased(w, *cap)).len();
                }
                black_box(readings);
                words.len() as f64 / start.elapsed().as_secs_f64()
            })
            .join()
            .expect("pass")
    });
    println!("  one pass, cold memo: {:>6.2} M words/s", cold / 1e6);
    for (name, set) in [
        ("all words", &words),
        ("dictionary words", &known),
        ("unknown words", &unknown),
    ] {
        let (r, per) = rate(set, a);
        println!(
            "{name:>17}: {:>6.2} M words/s ({per} readings per word on average)",
            r / 1e6
        );
    }
}
