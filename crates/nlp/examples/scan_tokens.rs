//! Prints tokens of the slavicner corpus that contain a dot, an apostrophe
//! or are symbols, for reviewing the tokenizer:
//! `cargo run -p dyad-nlp --example scan_tokens | sort | uniq -c | sort -rn`.

use dyad_core::Span;
use dyad_nlp::{analyse, Lang, TokenKind};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/slavicner"
);

fn main() {
    for code in ["ru", "bg", "uk"] {
        let lang = Lang::from_code(code).expect("lang");
        for entry in std::fs::read_dir(format!("{CORPUS}/{code}"))
            .expect("corpus")
            .flatten()
        {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let a = analyse(&text, &[Span::new(0, text.len())], Some(lang));
            for t in &a.tokens {
                let raw = t.span.slice(&text);
                let interesting = match t.kind {
                    TokenKind::Symbol => true,
                    TokenKind::Word => raw.contains(['.', '\'', '’', 'ʼ']),
                    TokenKind::Number => raw.contains(['.', ',']),
                    TokenKind::Punct => false,
                };
                if interesting {
                    println!("{code}\t{:?}\t{raw}", t.kind);
                }
            }
        }
    }
}
