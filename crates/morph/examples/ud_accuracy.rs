//! Lemma, part-of-speech (UD UPOS) and case accuracy of the first reading
//! after `disambiguate`, and of "the gold value is among the readings",
//! on Universal Dependencies CoNLL-U files:
//!
//!   cargo run -p dyad-morph --release --example ud_accuracy -- FILE.conllu...
//!
//! The language comes from the file name (`ru_…`, `uk_…`, `bg_…`, `en_…`).
//! Punctuation tokens (gold UPOS PUNCT) are not counted; multiword-token
//! lines and empty nodes are skipped.

use dyad_morph::{analyser, disambiguate, Case, Flag, Pos, Reading, Readings, Tag};
use dyad_nlp::{normalize, Lang};

struct Token {
    form: String,
    capitalised: bool,
    lemma: String,
    upos: String,
    case: Option<Case>,
}

#[derive(Default)]
struct Score {
    tokens: usize,
    known: usize,
    lemma: usize,
    lemma_any: usize,
    upos: usize,
    upos_any: usize,
    cased: usize,
    case: usize,
    case_any: usize,
    case_before: usize,
    /// (what, gold, predicted) → count, for `--errors`
    errors: std::collections::HashMap<(&'static str, String, String), usize>,
}

const COORDINATING: &[&str] = &[
    "и",
    "а",
    "но",
    "или",
    "да",
    "либо",
    "однако",
    "зато",
    "ни",
    "тоже",
    "также",
    "і",
    "й",
    "та",
    "або",
    "але",
    "чи",
    "ні",
    "проте",
    "однак",
    "теж",
    "також",
];

fn upos(r: &Reading<'_>) -> &'static str {
    let t: Tag = r.tag;
    match t.pos() {
        Pos::Noun if t.is_name() => "PROPN",
        Pos::Noun => "NOUN",
        Pos::Adj | Pos::ShortAdj => "ADJ",
        Pos::Verb | Pos::Infinitive | Pos::Gerund | Pos::Participle | Pos::ShortParticiple => {
            if t.has(Flag::Auxiliary) || r.lemma == "быть" || r.lemma == "бути" {
                "AUX"
            } else {
                "VERB"
            }
        }
        Pos::Adverb | Pos::Predicative => "ADV",
        Pos::Preposition => "ADP",
        Pos::Conjunction if t.has(Flag::Coordinating) => "CCONJ",
        Pos::Conjunction if t.has(Flag::Subordinating) => "SCONJ",
        Pos::Conjunction if COORDINATING.iter().any(|c| r.lemma == *c) => "CCONJ",
        Pos::Conjunction => "SCONJ",
        Pos::Particle => "PART",
        Pos::Pronoun => "PRON",
        Pos::Determiner => "DET",
        Pos::Numeral => "NUM",
        Pos::Interjection => "INTJ",
        Pos::Punct => "PUNCT",
        Pos::Other => "X",
    }
}

fn lang_of(path: &str) -> Option<Lang> {
    let name = std::path::Path::new(path).file_name()?.to_str()?;
    Lang::from_code(name.get(..2)?)
}

fn sentences(text: &str) -> Vec<Vec<Token>> {
    let mut out = vec![Vec::new()];
    for line in text.lines() {
        if line.is_empty() {
            if !out.last().is_some_and(Vec::is_empty) {
                out.push(Vec::new());
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 6 || cols[0].contains(['-', '.']) {
            continue;
        }
        let sentence = out.last_mut().expect("a sentence");
        let case = cols[5]
            .split('|')
            .find_map(|f| f.strip_prefix("Case="))
            .and_then(Case::from_ud);
        sentence.push(Token {
            form: normalize(cols[1]),
            capitalised: !sentence.is_empty()
                && cols[1].chars().next().is_some_and(char::is_uppercase),
            lemma: normalize(cols[2]),
            upos: cols[3].to_string(),
            case,
        });
    }
    out.retain(|s| !s.is_empty());
    out
}

fn score_file(path: &str) -> Result<(Lang, Score), String> {
    let lang = lang_of(path).ok_or_else(|| format!("{path}: no language prefix in the name"))?;
    let a = analyser(lang).ok_or_else(|| format!("{path}: no analyser for {lang:?}"))?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut s = Score::default();
    for sentence in sentences(&text) {
        let words: Vec<&str> = sentence.iter().map(|t| t.form.as_str()).collect();
        let mut readings: Vec<Readings<'_>> = sentence
            .iter()
            .map(|t| a.analyse_cased(&t.form, t.capitalised))
            .collect();
        let before: Vec<Option<Case>> = readings
            .iter()
            .map(|r| r.first().and_then(|r| r.tag.case()))
            .collect();
        let all = readings.clone();
        disambiguate(lang, &words, &mut readings);
        for (i, t) in sentence.iter().enumerate() {
            if t.upos == "PUNCT" {
                continue;
            }
            let (first, every) = (readings[i].first(), &all[i]);
            s.tokens += 1;
            s.known += usize::from(a.dictionary().contains(&t.form));
            s.lemma += usize::from(first.is_some_and(|r| r.lemma == *t.lemma));
            s.lemma_any += usize::from(every.has_lemma(&t.lemma));
            s.upos += usize::from(first.is_some_and(|r| upos(r) == t.upos));
            let predicted = first.map_or("-", upos);
            if predicted != t.upos {
                *s.errors
                    .entry(("upos", t.upos.clone(), format!("{predicted} {}", t.form)))
                    .or_default() += 1;
            }
            if let Some(r) = first.filter(|r| r.lemma != *t.lemma) {
                *s.errors
                    .entry(("lemma", t.lemma.clone(), r.lemma.to_string()))
                    .or_default() += 1;
            }
            s.upos_any += usize::from(every.iter().any(|r| upos(r) == t.upos));
            if let Some(case) = t.case {
                s.cased += 1;
                let got = first.and_then(|r| r.tag.case());
                s.case += usize::from(got == Some(case));
                if got != Some(case) {
                    *s.errors
                        .entry(("case", format!("{case:?}"), format!("{got:?} {}", t.form)))
                        .or_default() += 1;
                }
                // Prepositions get a case only from the context step.
                s.case_any += usize::from(every.has_case(case) || got == Some(case));
                s.case_before += usize::from(before[i] == Some(case));
            }
        }
    }
    Ok((lang, s))
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        return "–".into();
    }
    format!("{:.1}", 100.0 * n as f64 / d as f64)
}

fn main() {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = files.iter().any(|f| f == "--errors");
    files.retain(|f| f != "--errors");
    if files.is_empty() {
        eprintln!("usage: ud_accuracy FILE.conllu...");
        std::process::exit(2);
    }
    println!("| file | tokens | in dictionary % | lemma % (any) | UPOS % (any) | case tokens | case % (any) | case % before context |");
    println!("|---|---|---|---|---|---|---|---|");
    for path in &files {
        match score_file(path) {
            Ok((_, s)) => {
                if show_errors {
                    let mut e: Vec<_> = s.errors.iter().collect();
                    e.sort_by(|a, b| b.1.cmp(a.1));
                    for ((what, gold, got), n) in e.iter().take(40) {
                        eprintln!("{n}\t{what}\tgold {gold}\tgot {got}");
                    }
                }
                println!(
                    "| {} | {} | {} | {} ({}) | {} ({}) | {} | {} ({}) | {} |",
                    std::path::Path::new(path)
                        .file_name()
                        .map_or(path.clone(), |f| f.to_string_lossy().into_owned()),
                    s.tokens,
                    pct(s.known, s.tokens),
                    pct(s.lemma, s.tokens),
                    pct(s.lemma_any, s.tokens),
                    pct(s.upos, s.tokens),
                    pct(s.upos_any, s.tokens),
                    s.cased,
                    pct(s.case, s.cased),
                    pct(s.case_any, s.cased),
                    pct(s.case_before, s.cased),
                )
            }
            Err(e) => {
                eprintln!("ud_accuracy: {e}");
                std::process::exit(1);
            }
        }
    }
}
