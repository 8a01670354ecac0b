//! The context step: narrows readings by their neighbours. Three rules,
//! all driven by data: a word may make some parts of speech likely for
//! the next word (`data/morph/<lang>/next_word.txt`; they move first); a
//! preposition keeps, in the words it governs, the
//! readings in the cases it takes (`data/morph/<lang>/prepositions.txt`);
//! an adjective-like word and the noun after it keep the readings that
//! agree in case, number and (in the singular) gender. A rule never leaves
//! a word without readings. A preposition's reading takes the case of the
//! noun it was found to govern.

use crate::readings::{Reading, Readings};
use crate::tag::{Case, CaseSet, Pos};
use rustc_hash::FxHashMap as HashMap;

/// How far after a preposition its noun may be (adjectives, numerals and
/// adverbs may stand between).
const GOVERNED_WINDOW: usize = 4;

/// A data file of lines `word TAB value value…` (`#` comments): each
/// line's word with what `value` makes of the rest, lines it rejects left
/// out.
fn word_table<T>(
    text: &str,
    value: impl Fn(std::str::SplitWhitespace<'_>) -> Option<T>,
) -> HashMap<String, T> {
    let mut map = HashMap::default();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split_whitespace();
        let Some(word) = cols.next() else { continue };
        if let Some(v) = value(cols) {
            map.insert(word.to_string(), v);
        }
    }
    map
}

/// The cases each preposition governs.
#[derive(Default)]
pub struct Government(HashMap<String, CaseSet>);

impl Government {
    /// Lines `preposition TAB Case Case…` (UD case names); `#` comments.
    pub fn parse(text: &str) -> Government {
        Government(word_table(text, |cols| {
            let cases: CaseSet = cols.filter_map(Case::from_ud).collect();
            (!cases.is_empty()).then_some(cases)
        }))
    }

    pub fn cases(&self, preposition: &str) -> Option<CaseSet> {
        self.0.get(preposition).copied()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The parts of speech a word makes likely for the word after it.
#[derive(Default)]
pub struct NextWord(HashMap<String, Vec<Pos>>);

impl NextWord {
    /// Lines `word TAB Pos Pos…` (names of `Pos`); `#` comments.
    pub fn parse(text: &str) -> NextWord {
        NextWord(word_table(text, |cols| {
            let pos: Vec<Pos> = cols.filter_map(Pos::from_name).collect();
            (!pos.is_empty()).then_some(pos)
        }))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Moves, in the word after a listed word, the readings of the listed
/// parts of speech to the front.
pub fn apply_next_word(next: &NextWord, words: &[&str], readings: &mut [Readings<'_>]) {
    for i in 0..words.len().min(readings.len()).saturating_sub(1) {
        if let Some(pos) = next.0.get(words[i]) {
            readings[i + 1].prefer(|r| pos.contains(&r.tag.pos()));
        }
    }
}

fn has_case(r: &Reading<'_>) -> bool {
    r.tag.case().is_some()
}

fn is_head(readings: &Readings<'_>) -> bool {
    readings
        .iter()
        .any(|r| matches!(r.tag.pos(), Pos::Noun | Pos::Pronoun) && has_case(r))
}

fn is_modifier(readings: &Readings<'_>) -> bool {
    readings.iter().any(|r| {
        r.tag.pos().is_nominal_modifier() || matches!(r.tag.pos(), Pos::Numeral | Pos::Adverb)
    })
}

/// Narrows the cases of the words a preposition governs.
pub fn apply_government(government: &Government, words: &[&str], readings: &mut [Readings<'_>]) {
    for i in 0..words.len().min(readings.len()) {
        let Some(cases) = government.cases(words[i]) else {
            continue;
        };
        // Only where the word is read as a preposition first (English "to"
        // is more often the infinitive particle).
        if readings[i]
            .first()
            .is_none_or(|r| r.tag.pos() != Pos::Preposition)
        {
            continue;
        }
        let mut governed = None;
        for j in i + 1..(i + 1 + GOVERNED_WINDOW).min(readings.len()) {
            if !readings[j].iter().any(has_case) {
                break;
            }
            let head = is_head(&readings[j]);
            readings[j].retain_if_any(|r| r.tag.case().is_some_and(|c| cases.contains(c)));
            governed = readings[j]
                .first()
                .and_then(|r| r.tag.case())
                .filter(|c| cases.contains(*c));
            if head || !is_modifier(&readings[j]) {
                break;
            }
        }
        // The preposition takes the case it governs here (UD Ukrainian
        // annotates prepositions so; it tells "з" with from "з" from).
        if let Some(case) = governed {
            for r in readings[i]
                .iter_mut()
                .filter(|r| r.tag.pos() == Pos::Preposition)
            {
                r.tag = r.tag.with_case(Some(case));
            }
        }
    }
}

fn agree(a: &Reading<'_>, b: &Reading<'_>) -> bool {
    let (x, y) = (a.tag, b.tag);
    if x.case().is_none() || x.case() != y.case() {
        return false;
    }
    if let (Some(n), Some(m)) = (x.number(), y.number()) {
        if n != m {
            return false;
        }
    }
    let singular = x.number() != Some(crate::tag::Number::Plur);
    match (x.gender(), y.gender()) {
        (Some(g), Some(h)) if singular => g == h,
        _ => true,
    }
}

/// Keeps, in an adjective-like word followed by a noun, the readings of
/// both that agree with each other.
pub fn apply_agreement(readings: &mut [Readings<'_>]) {
    for i in 0..readings.len().saturating_sub(1) {
        let (left, right) = readings.split_at_mut(i + 1);
        let (modifier, noun) = (&mut left[i], &mut right[0]);
        if !modifier
            .iter()
            .any(|r| r.tag.pos().is_nominal_modifier() && has_case(r))
            || !is_head(noun)
        {
            continue;
        }
        let noun_readings: Vec<Reading<'_>> = noun
            .iter()
            .filter(|r| r.tag.pos() == Pos::Noun)
            .copied()
            .collect();
        let modifier_readings: Vec<Reading<'_>> = modifier
            .iter()
            .filter(|r| r.tag.pos().is_nominal_modifier())
            .copied()
            .collect();
        if modifier.retain_if_any(|m| {
            m.tag.pos().is_nominal_modifier() && noun_readings.iter().any(|n| agree(m, n))
        }) {
            noun.retain_if_any(|n| modifier.iter().any(|m| agree(m, n)));
        } else {
            noun.retain_if_any(|n| modifier_readings.iter().any(|m| agree(m, n)));
        }
    }
}
