//! The coder on sentences written for it, one file per language under
//! `tests/sentences/` (TYPE, ACTOR, RECIPIENT, sentence; `-` for a
//! sentence that must give no event between two countries): each runs
//! through the real tokenizer, the built-in actor dictionary and the
//! built-in lexicon.

mod common;

use common::{code, describe, matches};
use dyad_actors::Dictionary;
use dyad_core::EventType;
use dyad_events::{Coder, Lexicon};
use dyad_nlp::Lang;

struct Case {
    line: usize,
    expect: Option<(EventType, String, String)>,
    sentence: String,
}

fn cases(lang: &str) -> Vec<Case> {
    let path = format!("{}/tests/sentences/{lang}.tsv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let parts: Vec<&str> = l.splitn(4, '\t').collect();
            assert_eq!(
                parts.len(),
                4,
                "{path}:{}: expected 4 tab-separated fields",
                i + 1
            );
            let expect = (parts[0] != "-").then(|| {
                let kind = EventType::parse(parts[0])
                    .unwrap_or_else(|| panic!("{path}:{}: unknown type {}", i + 1, parts[0]));
                (kind, parts[1].to_string(), parts[2].to_string())
            });
            Case {
                line: i + 1,
                expect,
                sentence: parts[3].to_string(),
            }
        })
        .collect()
}

/// Runs every case of a language; returns (passed, total, failures).
fn run(lang: Lang) -> (usize, usize, Vec<String>) {
    let coder = Coder::new(Lexicon::builtin().unwrap());
    let dict = Dictionary::builtin().unwrap();
    let cases = cases(lang.code());
    let mut failures = Vec::new();
    for c in &cases {
        let events = code(&coder, &dict, lang, &c.sentence);
        let ok = match &c.expect {
            Some((kind, a, r)) => events.iter().any(|e| matches(e, *kind, a, r)),
            None => events.is_empty(),
        };
        if !ok {
            let want = c
                .expect
                .as_ref()
                .map_or("nothing".to_string(), |(k, a, r)| {
                    format!("{} {a}→{r}", k.as_str())
                });
            failures.push(format!(
                "  line {}: want {want}, got [{}]: {}",
                c.line,
                describe(&events),
                c.sentence
            ));
        }
    }
    (cases.len() - failures.len(), cases.len(), failures)
}

/// Each language must code at least this share of its sentences right.
const BAR: f64 = 0.85;

fn check(lang: Lang) {
    let (passed, total, failures) = run(lang);
    assert!(total >= 30, "{}: only {total} sentences", lang.code());
    let share = passed as f64 / total as f64;
    eprintln!(
        "{}: {passed}/{total} sentences coded right\n{}",
        lang.code(),
        failures.join("\n")
    );
    assert!(
        share >= BAR,
        "{}: {passed}/{total} right, below {BAR}:\n{}",
        lang.code(),
        failures.join("\n")
    );
}

#[test]
fn russian_sentences() {
    check(Lang::Ru);
}

#[test]
fn bulgarian_sentences() {
    check(Lang::Bg);
}

#[test]
fn ukrainian_sentences() {
    check(Lang::Uk);
}

#[test]
fn english_sentences() {
    check(Lang::En);
}
