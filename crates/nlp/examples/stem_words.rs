//! Prints the stem of each word given on the command line:
//! `cargo run -p dyad-nlp --example stem_words -- bg министрите Русия`.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(lang) = args.next().as_deref().and_then(dyad_nlp::Lang::from_code) else {
        eprintln!("usage: stem_words LANG WORD…  (LANG: ru bg uk en)");
        std::process::exit(2);
    };
    for word in args {
        let norm = dyad_nlp::normalize(&word);
        println!("{word}\t{}", dyad_nlp::stem(lang, &norm));
    }
}
