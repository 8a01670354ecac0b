//! Building `lexicon.bin` (used by the `build_data` example, not at run
//! time). A `Lexicon` is the pymorphy-style model every source is turned
//! into: paradigms (lists of suffix, tag and prefix), and each word form
//! with the paradigm forms it can be. `Lexicon::to_bytes` interns the
//! analysis sets, builds the word FST and learns the ending guesser.

mod endings;
pub mod forms;
pub mod prior;
pub mod pymorphy;

use crate::format::{self, Section, FORM_BITS, SECTIONS};
use crate::tag::Tag;
use std::collections::{BTreeMap, HashMap};

/// One form of a paradigm: suffix id, tag id, prefix id.
pub type FormIds = [u16; 3];

#[derive(Default)]
pub struct Lexicon {
    pub tags: Vec<Tag>,
    pub suffixes: Vec<String>,
    pub prefixes: Vec<String>,
    pub paradigms: Vec<Vec<FormIds>>,
    /// Form → entries (`paradigm << FORM_BITS | index`), best first.
    pub words: BTreeMap<String, Vec<u32>>,
    /// Entries the source ranks (hand-written closed-class lists): a
    /// higher rank comes first whatever the prior says.
    pub ranks: HashMap<(String, u32), f64>,
}

pub fn entry(paradigm: usize, index: usize) -> u32 {
    assert!(index < 1 << FORM_BITS, "paradigm with more than 4096 forms");
    ((paradigm as u32) << FORM_BITS) | index as u32
}

pub fn split_entry(e: u32) -> (usize, usize) {
    (
        (e >> FORM_BITS) as usize,
        (e & ((1 << FORM_BITS) - 1)) as usize,
    )
}

/// Interns values into ids.
pub struct Interner<K> {
    pub ids: HashMap<K, usize>,
    pub items: Vec<K>,
}

impl<K: std::hash::Hash + Eq + Clone> Interner<K> {
    pub fn new() -> Self {
        Interner {
            ids: HashMap::new(),
            items: Vec::new(),
        }
    }
    pub fn id(&mut self, key: &K) -> usize {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        self.items.push(key.clone());
        self.ids.insert(key.clone(), self.items.len() - 1);
        self.items.len() - 1
    }
}

impl<K: std::hash::Hash + Eq + Clone> Default for Interner<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl Lexicon {
    pub fn form(&self, e: u32) -> FormIds {
        let (p, i) = split_entry(e);
        self.paradigms[p][i]
    }

    pub fn tag_of(&self, e: u32) -> Tag {
        self.tags[self.form(e)[1] as usize]
    }

    /// Orders every word's entries by `score` (higher first, stable) and
    /// drops entries that read the same as an earlier one (same tag, same
    /// lemma ending and form affixes).
    /// `score` gets the form, the entry and the entry's tag id and tag.
    pub fn order_entries(&mut self, mut score: impl FnMut(&str, u32, usize, Tag) -> f64) {
        let mut words = std::mem::take(&mut self.words);
        for (form, entries) in words.iter_mut() {
            let mut keyed: Vec<(f64, u32)> = entries
                .iter()
                .map(|&e| {
                    let tag_id = self.form(e)[1] as usize;
                    (score(form, e, tag_id, self.tags[tag_id]), e)
                })
                .collect();
            keyed.sort_by(|a, b| b.0.total_cmp(&a.0));
            let mut seen = Vec::new();
            entries.clear();
            for (_, e) in keyed {
                let (p, _) = split_entry(e);
                let f = self.form(e);
                let key = (
                    self.tags[f[1] as usize],
                    f[0],
                    f[2],
                    self.paradigms[p][0][0],
                    self.paradigms[p][0][2],
                );
                if !seen.contains(&key) {
                    seen.push(key);
                    entries.push(e);
                }
            }
        }
        self.words = words;
    }

    /// Serialises the lexicon with its ending guesser.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut sets: Interner<Vec<u32>> = Interner::new();
        let mut words = fst::MapBuilder::memory();
        for (form, entries) in &self.words {
            let id = sets.id(entries);
            words.insert(form, id as u64).expect("sorted unique forms");
        }
        let endings = endings::learn(self, &mut sets);

        let mut out: [Vec<u8>; SECTIONS] = Default::default();
        out[Section::Tags as usize] = self.tags.iter().flat_map(|t| t.0.to_le_bytes()).collect();
        out[Section::Suffixes as usize] = format::write_strings(&self.suffixes);
        out[Section::Prefixes as usize] = format::write_strings(&self.prefixes);
        let (mut index, mut forms) = (vec![0u32], Vec::new());
        for p in &self.paradigms {
            forms.extend(p.iter().flatten().flat_map(|v| v.to_le_bytes()));
            index.push(index.last().copied().unwrap_or(0) + p.len() as u32);
        }
        out[Section::ParadigmIndex as usize] = index.iter().flat_map(|v| v.to_le_bytes()).collect();
        out[Section::ParadigmForms as usize] = forms;
        let (mut index, mut entries) = (vec![0u32], Vec::new());
        for set in &sets.items {
            entries.extend(set.iter().flat_map(|v| v.to_le_bytes()));
            index.push(index.last().copied().unwrap_or(0) + set.len() as u32);
        }
        out[Section::SetIndex as usize] = index.iter().flat_map(|v| v.to_le_bytes()).collect();
        out[Section::SetEntries as usize] = entries;
        out[Section::Words as usize] = words.into_inner().expect("fst in memory");
        out[Section::Endings as usize] = endings;
        format::write(&out)
    }
}
