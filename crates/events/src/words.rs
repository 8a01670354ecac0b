//! Words as the lexicon files write them (`data/lexicon/README.md`,
//! "Words"): by stem, by prefix (`обвини*`) or exact (`=не`), and an index
//! that finds, for a token, every entry whose word it is.

use std::borrow::Cow;

use dyad_nlp::{normalize, stem_word, Lang, Token, TokenKind};
use rustc_hash::FxHashMap;

/// One word of a lexicon entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word {
    /// Matches a token with this stem, or, when the word was written in
    /// its dictionary form, any form of that lemma.
    Stem(Box<str>, Option<Box<str>>),
    /// Matches a token whose normal form starts with this.
    Prefix(Box<str>),
    /// Matches a token whose normal form is this.
    Exact(Box<str>),
    /// In a trigger after its first word: the next token must not be this
    /// word (`=иска !=да`: "иска" + noun demands, "иска да" only wants).
    Not(Box<Word>),
}

impl Word {
    /// A word as written in a lexicon file, for `lang`'s stemmer.
    pub fn parse(lang: Lang, written: &str) -> Result<Word, String> {
        if let Some(rest) = written.strip_prefix('!') {
            let inner = Word::parse(lang, rest)?;
            if matches!(inner, Word::Not(_)) {
                return Err(format!("`{written}`: one `!` is enough"));
            }
            return Ok(Word::Not(Box::new(inner)));
        }
        if let Some(rest) = written.strip_prefix('=') {
            let norm = normalize(rest);
            if norm.is_empty() {
                return Err(format!("`{written}`: nothing after `=`"));
            }
            return Ok(Word::Exact(norm.into()));
        }
        if let Some(rest) = written.strip_suffix('*') {
            let norm = normalize(rest);
            if norm.chars().count() < 2 {
                return Err(format!(
                    "`{written}`: a prefix needs at least two letters (write `={rest}` for a short word)"
                ));
            }
            return Ok(Word::Prefix(norm.into()));
        }
        if written.contains('*') || written.contains('=') {
            return Err(format!(
                "`{written}`: `*` may only end a word and `=` only start one"
            ));
        }
        let norm = normalize(written);
        if norm.is_empty() {
            return Err(format!("`{written}` is not a word"));
        }
        let lemma = is_lemma(lang, &norm).then(|| norm.clone().into_boxed_str());
        Ok(Word::Stem(stem_word(lang, &norm, false).into(), lemma))
    }

    pub fn matches(&self, word: &WordForm<'_>) -> bool {
        match self {
            Word::Stem(s, lemma) => {
                **s == *word.stem
                    || lemma
                        .as_ref()
                        .is_some_and(|l| word.lemmas.iter().any(|x| x == l))
            }
            Word::Prefix(p) => word.norm.starts_with(&**p),
            Word::Exact(e) => **e == *word.norm,
            Word::Not(w) => !w.matches(word),
        }
    }
}

/// Whether the dictionary reads a written word as a lemma of its own (a
/// trigger written in its dictionary form then matches every form).
fn is_lemma(lang: Lang, norm: &str) -> bool {
    dyad_morph::analyser(lang).is_some_and(|a| a.analyse(norm).has_lemma(norm))
}

/// What matching needs of a token: its normal form, its stem as a
/// lower-case word (a capitalised word opening a sentence is stemmed as
/// any other word, not as a name) and its lemmas where they are known.
#[derive(Clone, Debug)]
pub struct WordForm<'a> {
    pub norm: &'a str,
    pub stem: Cow<'a, str>,
    pub lemmas: &'a [Box<str>],
}

impl<'a> WordForm<'a> {
    pub fn of(token: &'a Token, lang: Lang) -> Self {
        Self::with_lemmas(token, lang, &[])
    }

    /// The form of a token whose lemmas the sentence's morphology gave.
    pub fn with_lemmas(token: &'a Token, lang: Lang, lemmas: &'a [Box<str>]) -> Self {
        let stem = if token.kind == TokenKind::Word && token.upper_initial {
            Cow::Owned(stem_word(lang, &token.norm, false))
        } else {
            Cow::Borrowed(token.stem())
        };
        WordForm {
            norm: &token.norm,
            stem,
            lemmas,
        }
    }
}

/// Entries of type `T` keyed by one word each.
#[derive(Clone, Debug)]
pub struct WordIndex<T> {
    stems: FxHashMap<Box<str>, Vec<T>>,
    /// Entries written in their dictionary form, by that lemma.
    lemmas: FxHashMap<Box<str>, Vec<T>>,
    exact: FxHashMap<Box<str>, Vec<T>>,
    /// By the prefix's first two characters.
    prefixes: FxHashMap<Box<str>, Vec<(Box<str>, T)>>,
}

impl<T> Default for WordIndex<T> {
    fn default() -> Self {
        WordIndex {
            stems: FxHashMap::default(),
            lemmas: FxHashMap::default(),
            exact: FxHashMap::default(),
            prefixes: FxHashMap::default(),
        }
    }
}

fn head2(s: &str) -> &str {
    let end = s.char_indices().nth(2).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

impl<T: Clone> WordIndex<T> {
    pub fn insert(&mut self, word: &Word, value: T) {
        match word {
            Word::Stem(s, lemma) => {
                if let Some(l) = lemma {
                    self.lemmas
                        .entry(l.clone())
                        .or_default()
                        .push(value.clone());
                }
                self.stems.entry(s.clone()).or_default().push(value)
            }
            Word::Exact(e) => self.exact.entry(e.clone()).or_default().push(value),
            Word::Prefix(p) => self
                .prefixes
                .entry(head2(p).into())
                .or_default()
                .push((p.clone(), value)),
            // Loaders reject a `!` word where an index needs one.
            Word::Not(_) => {}
        }
    }

    /// Calls `f` with every value whose word `word` matches (a value
    /// matched both by stem and by lemma comes once).
    pub fn for_each(&self, word: &WordForm<'_>, mut f: impl FnMut(&T))
    where
        T: PartialEq,
    {
        let by_stem = self.stems.get(&*word.stem);
        if let Some(v) = by_stem {
            v.iter().for_each(&mut f);
        }
        for l in word.lemmas {
            if let Some(v) = self.lemmas.get(l) {
                v.iter()
                    .filter(|x| !by_stem.is_some_and(|s| s.contains(x)))
                    .for_each(&mut f);
            }
        }
        if let Some(v) = self.exact.get(word.norm) {
            v.iter().for_each(&mut f);
        }
        if let Some(v) = self.prefixes.get(head2(word.norm)) {
            for (p, value) in v {
                if word.norm.starts_with(&**p) {
                    f(value);
                }
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty() && self.exact.is_empty() && self.prefixes.is_empty()
    }

    /// Whether some entry's word is this token's stem (as stemmed for
    /// matching), normal form or a prefix of it: a quick test before the
    /// token's form is built.
    pub fn has_stem_or_form(&self, t: &Token) -> bool {
        if t.upper_initial {
            // (a capitalised word is stemmed again for matching)
            return true;
        }
        self.stems.contains_key(t.stem())
            || self.exact.contains_key(t.norm.as_str())
            || self
                .prefixes
                .get(head2(&t.norm))
                .is_some_and(|v| v.iter().any(|(p, _)| t.norm.starts_with(&**p)))
    }

    /// Whether some entry was written as this lemma.
    pub fn has_lemma(&self, lemma: &str) -> bool {
        self.lemmas.contains_key(lemma)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(norm: &str, lang: Lang) -> WordForm<'static> {
        let norm: &'static str = Box::leak(norm.to_string().into_boxed_str());
        WordForm {
            norm,
            stem: Cow::Owned(stem_word(lang, norm, false)),
            lemmas: &[],
        }
    }

    #[test]
    fn the_three_ways_of_writing_a_word_match_as_the_readme_says() {
        let stem = Word::parse(Lang::Ru, "переговоры").unwrap();
        assert!(stem.matches(&form("переговорах", Lang::Ru)));
        assert!(!stem.matches(&form("переговорщик", Lang::Ru)));
        let prefix = Word::parse(Lang::Ru, "нанес*").unwrap();
        assert!(prefix.matches(&form("нанесли", Lang::Ru)));
        assert!(!prefix.matches(&form("нанимать", Lang::Ru)));
        let exact = Word::parse(Lang::Ru, "=Не").unwrap();
        assert!(exact.matches(&form("не", Lang::Ru)));
        assert!(!exact.matches(&form("нет", Lang::Ru)));
        assert!(Word::parse(Lang::Ru, "н*").is_err());
        assert!(Word::parse(Lang::Ru, "на*ш").is_err());
        assert!(Word::parse(Lang::Ru, "=").is_err());
        let not = Word::parse(Lang::Bg, "!=да").unwrap();
        assert!(not.matches(&form("санкции", Lang::Bg)));
        assert!(!not.matches(&form("да", Lang::Bg)));
        assert!(Word::parse(Lang::Bg, "!!да").is_err());
    }

    #[test]
    fn the_index_finds_entries_by_stem_exact_form_and_prefix() {
        let mut index = WordIndex::default();
        index.insert(&Word::parse(Lang::Bg, "санкции").unwrap(), 1);
        index.insert(&Word::parse(Lang::Bg, "обвини*").unwrap(), 2);
        index.insert(&Word::parse(Lang::Bg, "=не").unwrap(), 3);
        let found = |w: &str| {
            let mut v = vec![];
            index.for_each(&form(w, Lang::Bg), |x| v.push(*x));
            v
        };
        assert_eq!(found("санкциите"), vec![1]);
        assert_eq!(found("обвиниха"), vec![2]);
        assert_eq!(found("не"), vec![3]);
        assert!(found("обувки").is_empty());
    }
}
