//! `Dictionary`: the reader of one `lexicon.bin`. Looks a form up in the
//! word FST, or guesses by its ending, and turns the analysis set it finds
//! into readings (lemma rebuilt from the paradigm, tag from the tag table).

use crate::format::{self, Section, Strings, FORM_BITS};
use crate::lemma::Lemma;
use crate::readings::{Reading, Readings};
use crate::tag::{Flag, Tag};
use fst::Map;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Longest ending the guesser looks up, in characters.
pub const MAX_ENDING: usize = 5;

/// Words remembered per thread and dictionary before the memo is emptied.
const MEMO_WORDS: usize = 50_000;
/// Marks a word the memo knows to be absent.
const ABSENT: u64 = u64::MAX;

/// One dictionary's memo: the address of its word FST, word → set, and
/// (guesser table byte + word) → the set of the ending that gave readings.
type Memo = (usize, FxHashMap<Box<str>, u64>, FxHashMap<Box<[u8]>, u64>);

thread_local! {
    /// Per thread, per dictionary (keyed by the address of its word FST):
    /// word → analysis set. News text repeats its words, and a hash probe
    /// costs a fraction of an FST walk through a 10 MB automaton.
    static MEMO: RefCell<Vec<Memo>> = const { RefCell::new(Vec::new()) };
}

pub struct Dictionary<'d> {
    tags: &'d [u8],
    suffixes: Strings<'d>,
    prefixes: Strings<'d>,
    paradigm_index: &'d [u8],
    paradigm_forms: &'d [u8],
    set_index: &'d [u8],
    set_entries: &'d [u8],
    words: Map<&'d [u8]>,
    endings: Map<&'d [u8]>,
}

/// One form of a paradigm: its suffix, tag and prefix ids.
#[derive(Clone, Copy)]
struct Form {
    suffix: u16,
    tag: u16,
    prefix: u16,
}

impl<'d> Dictionary<'d> {
    /// Reads a container; `None` if the bytes are not a valid lexicon.
    pub fn parse(bytes: &'d [u8]) -> Option<Dictionary<'d>> {
        let s = format::read(bytes)?;
        Some(Dictionary {
            tags: s[Section::Tags as usize],
            suffixes: Strings::parse(s[Section::Suffixes as usize])?,
            prefixes: Strings::parse(s[Section::Prefixes as usize])?,
            paradigm_index: s[Section::ParadigmIndex as usize],
            paradigm_forms: s[Section::ParadigmForms as usize],
            set_index: s[Section::SetIndex as usize],
            set_entries: s[Section::SetEntries as usize],
            words: Map::new(s[Section::Words as usize]).ok()?,
            endings: Map::new(s[Section::Endings as usize]).ok()?,
        })
    }

    /// Number of word forms in the dictionary.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether some tag of the dictionary marks places (the Russian one
    /// does; the Ukrainian one tags person names only).
    pub fn tags_places(&self) -> bool {
        (0..self.tags.len() / 8).any(|i| self.tag(i as u16).is_place())
    }

    /// Whether `word` is a dictionary form.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }

    fn form(&self, paradigm: u32, index: u32) -> Option<Form> {
        let start = format::u32_at(self.paradigm_index, 4 * paradigm as usize)?;
        let end = format::u32_at(self.paradigm_index, 4 * paradigm as usize + 4)?;
        if start + index >= end {
            return None;
        }
        let at = 6 * (start + index) as usize;
        Some(Form {
            suffix: format::u16_at(self.paradigm_forms, at)?,
            tag: format::u16_at(self.paradigm_forms, at + 2)?,
            prefix: format::u16_at(self.paradigm_forms, at + 4)?,
        })
    }

    fn tag(&self, id: u16) -> Tag {
        Tag(format::u64_at(self.tags, 8 * id as usize).unwrap_or(0))
    }

    fn set(&self, id: u64) -> impl Iterator<Item = (u32, u32)> + '_ {
        let start = format::u32_at(self.set_index, 4 * id as usize).unwrap_or(0) as usize;
        let end = format::u32_at(self.set_index, 4 * id as usize + 4).unwrap_or(0) as usize;
        (start..end.max(start)).filter_map(move |i| {
            let e = format::u32_at(self.set_entries, 4 * i)?;
            Some((e >> FORM_BITS, e & ((1 << FORM_BITS) - 1)))
        })
    }

    /// The reading of `word` as form `index` of `paradigm`, if the word has
    /// that form's prefix and suffix around a stem of at least `min_stem`
    /// bytes.
    fn reading<'a>(
        &self,
        word: &'a str,
        paradigm: u32,
        index: u32,
        min_stem: usize,
    ) -> Option<Reading<'a>>
    where
        'd: 'a,
    {
        let form = self.form(paradigm, index)?;
        let suffix = self.suffixes.get(form.suffix as usize);
        let prefix = self.prefixes.get(form.prefix as usize);
        if prefix.len() + suffix.len() + min_stem > word.len()
            || !word.starts_with(prefix)
            || !word.ends_with(suffix)
        {
            return None;
        }
        let stem = &word[prefix.len()..word.len() - suffix.len()];
        let first = self.form(paradigm, 0)?;
        Some(Reading {
            lemma: Lemma::new(
                self.prefixes.get(first.prefix as usize),
                stem,
                self.suffixes.get(first.suffix as usize),
            ),
            tag: self.tag(form.tag),
        })
    }

    /// The analysis set of `word`, through the thread's memo.
    fn find(&self, word: &str) -> Option<u64> {
        let id = self.words.as_fst().as_bytes().as_ptr() as usize;
        MEMO.with(|memo| {
            let mut memo = memo.borrow_mut();
            let slot = match memo.iter().position(|(d, _, _)| *d == id) {
                Some(i) => i,
                None => {
                    memo.push((id, FxHashMap::default(), FxHashMap::default()));
                    memo.len() - 1
                }
            };
            let map = &mut memo[slot].1;
            if let Some(&set) = map.get(word) {
                return (set != ABSENT).then_some(set);
            }
            let found = self.words.get(word);
            if map.len() >= MEMO_WORDS {
                map.clear();
            }
            map.insert(word.into(), found.unwrap_or(ABSENT));
            found
        })
    }

    /// Appends the dictionary readings of `word`; false if it is unknown.
    pub fn lookup<'a>(&self, word: &'a str, out: &mut Readings<'a>) -> bool
    where
        'd: 'a,
    {
        let Some(set) = self.find(word) else {
            return false;
        };
        for (paradigm, index) in self.set(set) {
            if let Some(r) = self.reading(word, paradigm, index, 0) {
                out.push(r);
            }
        }
        true
    }

    /// Appends readings guessed from the longest known ending of `word`
    /// in guesser table `table` (`format::TABLE_ALL` or `TABLE_NAMES`);
    /// false if no ending matched.
    pub fn guess<'a>(&self, word: &'a str, table: u8, out: &mut Readings<'a>) -> bool
    where
        'd: 'a,
    {
        // The ending set found for this word before, through the memo.
        let id = self.words.as_fst().as_bytes().as_ptr() as usize;
        let mut key = Vec::with_capacity(word.len() + 1);
        key.push(table);
        key.extend_from_slice(word.as_bytes());
        let known = MEMO.with(|memo| {
            let memo = memo.borrow();
            memo.iter()
                .find(|(d, _, _)| *d == id)
                .and_then(|(_, _, g)| g.get(key.as_slice()).copied())
        });
        let set = match known {
            Some(set) => set,
            None => {
                let set = self.guess_set(word, table);
                MEMO.with(|memo| {
                    let mut memo = memo.borrow_mut();
                    if let Some((_, _, g)) = memo.iter_mut().find(|(d, _, _)| *d == id) {
                        if g.len() >= MEMO_WORDS {
                            g.clear();
                        }
                        g.insert(key.into_boxed_slice(), set);
                    }
                });
                set
            }
        };
        if set == ABSENT {
            return false;
        }
        self.push_guesses(word, set, out) > 0
    }

    /// Appends the readings `word` takes from ending set `set`, marked as
    /// guessed and without duplicates; returns how many were added.
    fn push_guesses<'a>(&self, word: &'a str, set: u64, out: &mut Readings<'a>) -> usize
    where
        'd: 'a,
    {
        let before = out.len();
        for (paradigm, index) in self.set(set) {
            if let Some(mut r) = self.reading(word, paradigm, index, 1) {
                r.tag = r.tag.with_flag(Flag::Guessed);
                if !out.iter().any(|o| o.tag == r.tag && o.lemma == r.lemma) {
                    out.push(r);
                }
            }
        }
        out.len() - before
    }

    /// The set of the longest known ending of `word` in guesser table
    /// `table` that gives it readings, or `ABSENT`.
    fn guess_set(&self, word: &str, table: u8) -> u64 {
        // key = table byte + the last MAX_ENDING characters reversed.
        let mut key = [0u8; 1 + 4 * MAX_ENDING];
        key[0] = table;
        let mut ends = [0usize; MAX_ENDING + 1];
        let mut len = 1;
        let mut chars = 0;
        let total_chars = word.chars().count();
        for c in word
            .chars()
            .rev()
            .take(MAX_ENDING.min(total_chars.saturating_sub(1)))
        {
            len += c.encode_utf8(&mut key[len..]).len();
            chars += 1;
            ends[chars] = len;
        }
        for k in (1..=chars).rev() {
            let Some(set) = self.endings.get(&key[..ends[k]]) else {
                continue;
            };
            let gives = self
                .set(set)
                .any(|(paradigm, index)| self.reading(word, paradigm, index, 1).is_some());
            if gives {
                return set;
            }
        }
        ABSENT
    }
}
