//! `Analyser`: the readings of one word in one language. Dictionary first,
//! then shape rules, then hyphenated compounds by their last part, then
//! the ending guesser (proper-name endings first for capitalised words).

use crate::context::{Government, NextWord};
use crate::dictionary::Dictionary;
use crate::format::{TABLE_ALL, TABLE_NAMES};
use crate::lemma::Lemma;
use crate::readings::{Reading, Readings};
use crate::shapes::{shape, shape_reading, Shape};
use crate::tag::{Flag, Pos, Tag};
use dyad_nlp::Lang;

pub struct Analyser {
    lang: Lang,
    dict: Dictionary<'static>,
    pub(crate) government: Government,
    pub(crate) next_word: NextWord,
    /// The dictionary tags places, so a capitalised word it reads only as
    /// a common noun may be a name it lacks.
    names_are_tagged: bool,
}

impl Analyser {
    pub(crate) fn new(
        lang: Lang,
        lexicon: &'static [u8],
        prepositions: &str,
        next_word: &str,
    ) -> Option<Analyser> {
        let dict = Dictionary::parse(lexicon)?;
        Some(Analyser {
            lang,
            names_are_tagged: dict.tags_places(),
            dict,
            government: Government::parse(prepositions),
            next_word: NextWord::parse(next_word),
        })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The underlying dictionary (form lookups, size).
    pub fn dictionary(&self) -> &Dictionary<'static> {
        &self.dict
    }

    /// The readings of `word` (already in the tokenizer's normal form: lower
    /// case, ё → е, apostrophes as '), most likely first. Never empty for a
    /// non-empty word: an unanalysable word gets one `Pos::Other` reading
    /// with itself as lemma.
    pub fn analyse<'a>(&self, word: &'a str) -> Readings<'a> {
        self.analyse_cased(word, false)
    }

    /// As `analyse`, for a word written with a capital letter in the text:
    /// proper-name readings come first, and an unknown word is guessed by
    /// the endings of names (Эрдоганом → эрдоган, surname, instrumental).
    pub fn analyse_cased<'a>(&self, word: &'a str, capitalised: bool) -> Readings<'a> {
        let mut out = Readings::new();
        if word.is_empty() {
            return out;
        }
        if self.dict.lookup(word, &mut out) {
            if capitalised {
                if out.iter().any(|r| r.tag.is_name()) {
                    out.prefer(|r| r.tag.is_name());
                } else if self.names_are_tagged {
                    // A capitalised word may be a name the dictionary
                    // lacks (Макрона: the dictionary has only the
                    // diacritic): add the name readings after its own.
                    self.dict.guess(word, TABLE_NAMES, &mut out);
                }
            }
            return out;
        }
        let cyrillic = self.lang != Lang::En;
        let shape = shape(word);
        if shape != Shape::Word
            && (shape != Shape::Latin || cyrillic)
            && shape_reading(word, shape, cyrillic, &mut out)
        {
            return out;
        }
        if self.compound(word, &mut out) {
            return out;
        }
        if capitalised {
            if self.dict.guess(word, TABLE_NAMES, &mut out) {
                return out;
            }
            out.push(Reading {
                lemma: Lemma::whole(word),
                tag: Tag::default()
                    .with_pos(Pos::Noun)
                    .with_flag(Flag::Proper)
                    .with_flag(Flag::Guessed),
            });
        }
        if !self.dict.guess(word, TABLE_ALL, &mut out) && out.is_empty() {
            out.push(Reading {
                lemma: Lemma::whole(word),
                tag: Tag::default().with_flag(Flag::Guessed),
            });
        }
        out
    }

    /// A hyphenated word read by its last part, the lemma keeping the head
    /// (экс-президента → экс-президент).
    fn compound<'a>(&self, word: &'a str, out: &mut Readings<'a>) -> bool {
        let Some(cut) = word.rfind('-') else {
            return false;
        };
        let (head, tail) = (&word[..cut + 1], &word[cut + 1..]);
        if head.len() < 2 || tail.is_empty() {
            return false;
        }
        let mut inner = Readings::new();
        if !self.dict.lookup(tail, &mut inner) {
            return false;
        }
        for r in inner.iter() {
            let [prefix, stem, ending] = r.lemma.parts();
            let adjacent = std::ptr::eq(stem.as_ptr(), tail.as_ptr());
            if !prefix.is_empty() || !adjacent {
                continue;
            }
            // head and stem are adjacent in the word: one borrowed piece.
            let lemma = Lemma::new(&word[..head.len() + stem.len()], ending, "");
            out.push(Reading {
                lemma,
                tag: r.tag.with_flag(Flag::Guessed),
            });
        }
        !out.is_empty()
    }
}
