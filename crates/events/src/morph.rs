//! The morphology of a sentence the coder reads (dyad-morph): each word's
//! readings narrowed by its context, its lemmas for trigger matching, and
//! what roles need of it: case, part of speech, voice. Computed only for
//! sentences that can hold an event.

use dyad_morph::{analyser, disambiguate, Case, CaseSet, Pos, Readings};
use dyad_nlp::{Lang, Token, TokenKind};

/// Distinct lemmas kept per word for matching.
const MAX_LEMMAS: usize = 3;

pub(crate) struct Morph<'a> {
    readings: Vec<Readings<'a>>,
    /// Each word's distinct lemmas, best reading first (empty for
    /// punctuation, numbers and languages without a dictionary).
    pub lemmas: Vec<Vec<Box<str>>>,
}

impl<'a> Morph<'a> {
    /// The morphology of a sentence's tokens; capitalised words inside a
    /// name are read only when `head` says they open an actor mention
    /// (the rest of a name never holds a trigger and its case is the
    /// head's); lemmas are kept where `wanted` (some entry is written so).
    pub fn of(
        lang: Lang,
        tokens: &'a [Token],
        head: impl Fn(usize) -> bool,
        wanted: impl Fn(&str) -> bool,
    ) -> Self {
        let Some(a) = analyser(lang) else {
            return Morph {
                readings: Vec::new(),
                lemmas: vec![Vec::new(); tokens.len()],
            };
        };
        let mut readings: Vec<Readings<'a>> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if t.kind == TokenKind::Word && (!t.upper_initial || i == 0 || head(i)) {
                    a.analyse_cased(&t.norm, i > 0 && t.upper_initial)
                } else {
                    Readings::new()
                }
            })
            .collect();
        let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        disambiguate(lang, &words, &mut readings);
        // Only lemmas some lexicon entry is written as are kept: the rest
        // could match nothing.
        let mut buf = String::new();
        let lemmas = readings
            .iter()
            .map(|r| {
                let mut out: Vec<Box<str>> = Vec::new();
                for l in r.lemmas().take(MAX_LEMMAS) {
                    buf.clear();
                    for p in l.parts() {
                        buf.push_str(p);
                    }
                    if wanted(&buf) {
                        out.push(buf.as_str().into());
                    }
                }
                out
            })
            .collect();
        Morph { readings, lemmas }
    }

    fn get(&self, k: usize) -> Option<&Readings<'a>> {
        self.readings.get(k).filter(|r| !r.is_empty())
    }

    /// Every case the word may be in after its context; empty when the
    /// dictionary claims none (unknown, indeclinable or Latin words).
    pub fn cases(&self, k: usize) -> CaseSet {
        self.get(k).map(Readings::cases).unwrap_or_default()
    }

    /// The part of speech of the word's best reading, when the dictionary
    /// knows the word (a guess from its ending does not count).
    pub fn known_pos(&self, k: usize) -> Option<Pos> {
        let r = self.get(k)?.first()?;
        (!r.tag.guessed()).then(|| r.tag.pos())
    }

    /// Whether the word's best reading is a noun, when the dictionary
    /// knows it.
    pub fn is_noun(&self, k: usize) -> Option<bool> {
        let r = self.get(k)?;
        let first = r.first()?;
        if first.tag.guessed() {
            return None;
        }
        // A noun reading wins over a verb one without tense (an
        // imperative: "удари" strikes / strike!).
        let noun = r.iter().any(|x| x.tag.pos() == Pos::Noun);
        let tensed = r
            .iter()
            .any(|x| x.tag.pos() == Pos::Verb && x.tag.tense().is_some());
        Some(first.tag.pos() == Pos::Noun || (noun && !tensed))
    }

    /// The word is a passive participle ("наложенные", "введены",
    /// "накладені").
    pub fn is_passive(&self, k: usize) -> bool {
        // (the Ukrainian dictionary tags participles as passive adjectives)
        self.get(k).and_then(|r| r.first()).is_some_and(|r| {
            matches!(
                r.tag.pos(),
                Pos::Participle | Pos::ShortParticiple | Pos::Adj | Pos::ShortAdj
            ) && r.tag.passive()
        })
    }

    /// The dictionary reads the word as a finite verb, an infinitive or a
    /// gerund.
    pub fn is_verb(&self, k: usize) -> bool {
        matches!(
            self.known_pos(k),
            Some(Pos::Verb | Pos::Infinitive | Pos::Gerund)
        )
    }

    /// The dictionary reads the word as a gerund ("осудив", "обвиняя").
    pub fn is_gerund(&self, k: usize) -> bool {
        self.known_pos(k) == Some(Pos::Gerund)
    }

    /// The dictionary reads the word as an adjective.
    pub fn is_adjective(&self, k: usize) -> bool {
        self.known_pos(k) == Some(Pos::Adj)
    }

    /// The word is an active participle ("критиковавшему", "призывающие").
    pub fn is_active_participle(&self, k: usize) -> bool {
        self.get(k)
            .and_then(|r| r.first())
            .is_some_and(|r| r.tag.pos() == Pos::Participle && !r.tag.passive())
    }

    /// The word can only be instrumental ("Евросоюзом", "Росією").
    pub fn only_instrumental(&self, k: usize) -> bool {
        let cases = self.cases(k);
        cases.contains(Case::Ins) && cases.iter().count() == 1
    }
}
