//! Lists sentence ends that may be wrong splits: a sentence ending in a
//! short word + full stop, followed by a sentence in the same line. For
//! reviewing the abbreviation lists:
//! `cargo run -p dyad-nlp --example scan_splits | sort | uniq -c | sort -rn`.

use dyad_core::Span;
use dyad_nlp::{analyse, Lang, TokenKind};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/slavicner"
);

fn main() {
    for code in ["ru", "bg", "uk"] {
        let lang = Lang::from_code(code).expect("lang");
        let dir = format!("{CORPUS}/{code}");
        for entry in std::fs::read_dir(dir).expect("corpus").flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let a = analyse(&text, &[Span::new(0, text.len())], Some(lang));
            for pair in a.sentences.windows(2) {
                let gap = &text[pair[0].span.end..pair[1].span.start];
                if gap.contains('\n') {
                    continue;
                }
                let toks = a.sentence_tokens(&pair[0]);
                let n = toks.len();
                if n < 2 {
                    continue;
                }
                let last = &toks[n - 1];
                let word = if last.kind == TokenKind::Punct {
                    &toks[n - 2]
                } else {
                    last
                };
                let w = word.span.slice(&text);
                if word.kind == TokenKind::Word && w.trim_end_matches('.').chars().count() <= 3 {
                    println!("{code}\t{w}");
                }
            }
        }
    }
}
