//! The constructions the coder reads, one file per language under
//! `tests/constructions/` (construction, TYPE or `!TYPE` or `-`, actor,
//! recipient, text): roles from grammar, links across sentences, group
//! actors and modality, each on texts written for it. Every line must be
//! coded right, and each language must cover every construction that
//! applies to it with at least one such line. A construction written
//! `?name` is a known gap: a natural sentence the coder does not read yet
//! (README, "Events", known limits); it is printed, not asserted, and must
//! still fail (a gap that passes is to be promoted to a plain line).

mod common;

use common::{code, describe, matches};
use dyad_actors::Dictionary;
use dyad_core::EventType;
use dyad_events::{Coder, Lexicon};
use dyad_nlp::Lang;

/// What a line expects.
enum Expect {
    /// This event, between these codes.
    Event(EventType, String, String),
    /// Not this event.
    Not(EventType, String, String),
    /// No event between two countries at all.
    Nothing,
}

struct Case {
    line: usize,
    construction: String,
    /// A known gap (`?name`): reported, expected to fail.
    gap: bool,
    expect: Expect,
    text: String,
}

/// Constructions every language must have sentences for.
const EVERYWHERE: &[&str] = &[
    "subject",
    "genitive-doer",
    "possessor",
    "addressee",
    "target",
    "governed-noun",
    "request-act",
    "reported-claim",
    "verdict",
    "speaker-after",
    "pronoun",
    "description",
    "parties",
    "ellipsis",
    "main-actor",
    "group-adjective",
    "group-place",
    "group-employer",
    "strike-places",
    "negation",
    "conditional",
    "plan",
    "announced-strike",
];

/// Constructions of languages with noun cases (Russian, Ukrainian): the
/// instrumental agent, the subject after its verb, the participle's noun.
const WITH_CASES: &[&str] = &["agent-passive", "inverted", "participle"];

fn cases(lang: &str) -> Vec<Case> {
    let path = format!(
        "{}/tests/constructions/{lang}.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let parts: Vec<&str> = l.splitn(5, '\t').collect();
            assert_eq!(parts.len(), 5, "{path}:{}: expected 5 fields", i + 1);
            let kind = |name: &str| {
                EventType::parse(name)
                    .unwrap_or_else(|| panic!("{path}:{}: unknown type {name}", i + 1))
            };
            let (a, r) = (parts[2].to_string(), parts[3].to_string());
            let expect = match parts[1] {
                "-" => Expect::Nothing,
                t => match t.strip_prefix('!') {
                    Some(t) => Expect::Not(kind(t), a, r),
                    None => Expect::Event(kind(t), a, r),
                },
            };
            let (gap, construction) = match parts[0].strip_prefix('?') {
                Some(name) => (true, name),
                None => (false, parts[0]),
            };
            Case {
                line: i + 1,
                construction: construction.to_string(),
                gap,
                expect,
                text: parts[4].to_string(),
            }
        })
        .collect()
}

fn check(lang: Lang) {
    let coder = Coder::new(Lexicon::builtin().unwrap());
    let dict = Dictionary::builtin().unwrap();
    let cases = cases(lang.code());
    let mut failures = Vec::new();
    for c in &cases {
        let events = code(&coder, &dict, lang, &c.text);
        let ok = match &c.expect {
            Expect::Event(k, a, r) => events.iter().any(|e| matches(e, *k, a, r)),
            Expect::Not(k, a, r) => !events.iter().any(|e| matches(e, *k, a, r)),
            Expect::Nothing => events.is_empty(),
        };
        if c.gap {
            if ok {
                failures.push(format!(
                    "  line {} ({}): a known gap now coded right; drop its `?`: {}",
                    c.line, c.construction, c.text
                ));
            } else {
                eprintln!(
                    "{}: known gap, line {} ({}): got [{}]: {}",
                    lang.code(),
                    c.line,
                    c.construction,
                    describe(&events),
                    c.text
                );
            }
            continue;
        }
        if !ok {
            failures.push(format!(
                "  line {} ({}): got [{}]: {}",
                c.line,
                c.construction,
                describe(&events),
                c.text
            ));
        }
    }
    let mut required: Vec<&str> = EVERYWHERE.to_vec();
    if matches!(lang, Lang::Ru | Lang::Uk) {
        required.extend(WITH_CASES);
    }
    let missing: Vec<&str> = required
        .into_iter()
        .filter(|r| !cases.iter().any(|c| c.construction == *r && !c.gap))
        .collect();
    assert!(
        missing.is_empty(),
        "{}: no sentences for {missing:?}",
        lang.code()
    );
    assert!(
        failures.is_empty(),
        "{}: {} of {} lines coded wrong:\n{}",
        lang.code(),
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn russian_constructions() {
    check(Lang::Ru);
}

#[test]
fn bulgarian_constructions() {
    check(Lang::Bg);
}

#[test]
fn ukrainian_constructions() {
    check(Lang::Uk);
}

#[test]
fn english_constructions() {
    check(Lang::En);
}
