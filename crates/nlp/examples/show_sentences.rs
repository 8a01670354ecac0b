//! Prints the sentences `analyse` finds in a text file, one per line, with
//! the detected language: `cargo run -p dyad-nlp --example show_sentences -- FILE`.

use dyad_core::Span;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: show_sentences FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let lang = dyad_nlp::detect_language(&text);
    println!("# language: {:?}", lang.map(|l| l.code()));
    let a = dyad_nlp::analyse(&text, &[Span::new(0, text.len())], lang);
    for s in &a.sentences {
        println!("{}", s.span.slice(&text).replace('\n', "⏎"));
    }
}
