//! `Reading` (a lemma and a tag) and `Readings`, the small vector of them
//! that `Analyser::analyse` returns, best first.

use crate::lemma::Lemma;
use crate::tag::{Case, CaseSet, Pos, Tag};
use smallvec::SmallVec;

/// One way to read a word: its lemma and its grammatical tag.
#[derive(Clone, Copy, Debug)]
pub struct Reading<'a> {
    pub lemma: Lemma<'a>,
    pub tag: Tag,
}

/// The readings of one word, most likely first. Up to eight are kept
/// inline; more spill to the heap.
#[derive(Clone, Debug, Default)]
pub struct Readings<'a> {
    items: SmallVec<[Reading<'a>; 8]>,
}

impl<'a> Readings<'a> {
    pub fn new() -> Self {
        Readings::default()
    }

    pub fn push(&mut self, reading: Reading<'a>) {
        self.items.push(reading);
    }

    pub fn extend(&mut self, readings: impl IntoIterator<Item = Reading<'a>>) {
        self.items.extend(readings);
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Reading<'a>> {
        self.items.iter()
    }

    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, Reading<'a>> {
        self.items.iter_mut()
    }

    pub fn first(&self) -> Option<&Reading<'a>> {
        self.items.first()
    }

    pub fn as_slice(&self) -> &[Reading<'a>] {
        &self.items
    }

    /// The distinct lemmas, in reading order.
    pub fn lemmas(&self) -> impl Iterator<Item = Lemma<'a>> + '_ {
        self.items
            .iter()
            .enumerate()
            .filter(|(i, r)| !self.items[..*i].iter().any(|p| p.lemma == r.lemma))
            .map(|(_, r)| r.lemma)
    }

    /// Whether any reading has this lemma.
    pub fn has_lemma(&self, lemma: &str) -> bool {
        self.items.iter().any(|r| r.lemma == *lemma)
    }

    /// Every case some reading has.
    pub fn cases(&self) -> CaseSet {
        self.items.iter().filter_map(|r| r.tag.case()).collect()
    }

    pub fn has_case(&self, case: Case) -> bool {
        self.cases().contains(case)
    }

    pub fn has_pos(&self, pos: Pos) -> bool {
        self.items.iter().any(|r| r.tag.pos() == pos)
    }

    /// Keeps the readings `keep` accepts, unless it accepts none (then all
    /// stay: a filter never leaves a word without readings). Returns
    /// whether anything was removed.
    pub fn retain_if_any(&mut self, mut keep: impl FnMut(&Reading<'a>) -> bool) -> bool {
        let kept = self.items.iter().filter(|r| keep(r)).count();
        if kept == 0 || kept == self.items.len() {
            return false;
        }
        self.items.retain(|r| keep(r));
        true
    }

    /// Moves the readings `first` accepts to the front, keeping order
    /// within both groups.
    pub fn prefer(&mut self, mut first: impl FnMut(&Reading<'a>) -> bool) {
        let mut keys: SmallVec<[bool; 8]> = self.items.iter().map(|r| !first(r)).collect();
        let mut pairs: SmallVec<[(bool, Reading<'a>); 8]> =
            keys.drain(..).zip(self.items.drain(..)).collect();
        pairs.sort_by_key(|(k, _)| *k);
        self.items.extend(pairs.into_iter().map(|(_, r)| r));
    }
}

impl<'a> IntoIterator for &'a Readings<'a> {
    type Item = &'a Reading<'a>;
    type IntoIter = std::slice::Iter<'a, Reading<'a>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}
