//! Prints the readings of words: `peek LANG WORD...` (capitalised words are
//! analysed as such; words are normalised like the tokenizer does).
use dyad_nlp::Lang;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(lang) = args.first().and_then(|l| Lang::from_code(l)) else {
        eprintln!("usage: peek ru|uk|bg|en WORD...");
        std::process::exit(2);
    };
    let Some(a) = dyad_morph::analyser(lang) else {
        eprintln!("no data for {lang:?}");
        std::process::exit(1);
    };
    for w in &args[1..] {
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        let norm = dyad_nlp::normalize(w);
        for r in a.analyse_cased(&norm, capitalised).iter() {
            let t = r.tag;
            println!(
                "{w}\t{}\t{:?} {:?} {:?} {:?} anim={:?} perf={:?} {:?} p{:?} def={:?} pass={} name={} guessed={}",
                r.lemma, t.pos(), t.case(), t.number(), t.gender(), t.animate(), t.perfective(), t.tense(), t.person(), t.definite(), t.passive(), t.is_name(), t.guessed()
            );
        }
    }
}
