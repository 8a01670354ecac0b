//! The ending guesser, learnt from the dictionary: for every ending of up
//! to `MAX_ENDING` characters, the paradigm forms that words with that
//! ending most often are (open word classes, paradigms with at least
//! `MIN_LEXEMES` words). A second table learns from proper names only, for
//! capitalised unknown words.

use super::{split_entry, Interner, Lexicon};
use crate::dictionary::MAX_ENDING;
use crate::format::{TABLE_ALL, TABLE_NAMES};
use crate::tag::{Flag, Pos, Tag};
use std::collections::HashMap;

const MIN_LEXEMES: usize = 3;
/// An ending must be seen this often to be kept.
const MIN_ENDING_COUNT: u32 = 2;
/// Entries below this share of the ending's most frequent one are dropped.
const MIN_SHARE: f64 = 0.1;
const MAX_ENTRIES: usize = 6;

fn open_class(tag: Tag) -> bool {
    matches!(
        tag.pos(),
        Pos::Noun
            | Pos::Adj
            | Pos::Verb
            | Pos::Infinitive
            | Pos::Participle
            | Pos::ShortParticiple
            | Pos::ShortAdj
            | Pos::Gerund
            | Pos::Adverb
    ) && !tag.has(Flag::Abbreviation)
        && !tag.has(Flag::Indeclinable)
}

/// Builds the ending FST; its values are set ids interned in `sets`.
pub fn learn(lex: &Lexicon, sets: &mut Interner<Vec<u32>>) -> Vec<u8> {
    let mut lexemes = vec![0usize; lex.paradigms.len()];
    for entries in lex.words.values() {
        for &e in entries {
            if split_entry(e).1 == 0 {
                lexemes[split_entry(e).0] += 1;
            }
        }
    }
    // (table, reversed ending) → entry → count
    let mut counts: HashMap<(u8, String), HashMap<u32, u32>> = HashMap::new();
    for (form, entries) in &lex.words {
        let chars: Vec<char> = form.chars().collect();
        if chars.iter().any(|c| !c.is_alphabetic() && *c != '\'') {
            continue;
        }
        for &e in entries {
            let tag = lex.tag_of(e);
            if lexemes[split_entry(e).0] < MIN_LEXEMES || !open_class(tag) {
                continue;
            }
            let tables: &[u8] = if tag.pos() == Pos::Noun && tag.is_name() {
                &[TABLE_ALL, TABLE_NAMES]
            } else {
                &[TABLE_ALL]
            };
            for k in 1..=MAX_ENDING.min(chars.len().saturating_sub(1)) {
                let ending: String = chars[chars.len() - k..].iter().rev().collect();
                for &t in tables {
                    *counts
                        .entry((t, ending.clone()))
                        .or_default()
                        .entry(e)
                        .or_default() += 1;
                }
            }
        }
    }
    let mut chosen: HashMap<(u8, String), Vec<u32>> = HashMap::new();
    for (key, entries) in counts {
        let total: u32 = entries.values().sum();
        if total < MIN_ENDING_COUNT {
            continue;
        }
        let mut ranked: Vec<(u32, u32)> = entries.into_iter().map(|(e, c)| (c, e)).collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let top = ranked[0].0 as f64;
        let mut keep: Vec<u32> = Vec::new();
        let mut seen_tags = Vec::new();
        for (c, e) in ranked {
            if (c as f64) < top * MIN_SHARE || keep.len() == MAX_ENTRIES {
                break;
            }
            let f = lex.form(e);
            let lemma_suffix = lex.paradigms[split_entry(e).0][0][0];
            if !seen_tags.contains(&(f[1], lemma_suffix)) {
                seen_tags.push((f[1], lemma_suffix));
                keep.push(e);
            }
        }
        chosen.insert(key, keep);
    }
    // An ending whose answer equals its one-shorter ending's adds nothing.
    // Sorted, so that set ids (and the file) do not depend on hash order.
    let mut sorted: Vec<_> = chosen.iter().collect();
    sorted.sort();
    let mut keys: Vec<(Vec<u8>, u64)> = Vec::new();
    for ((table, ending), entries) in sorted {
        let shorter: String = ending.chars().take(ending.chars().count() - 1).collect();
        if chosen.get(&(*table, shorter)) == Some(entries) {
            continue;
        }
        let mut key = vec![*table];
        key.extend(ending.as_bytes());
        keys.push((key, sets.id(entries) as u64));
    }
    keys.sort();
    let mut map = fst::MapBuilder::memory();
    for (k, v) in keys {
        map.insert(k, v).expect("sorted unique endings");
    }
    map.into_inner().expect("fst in memory")
}
