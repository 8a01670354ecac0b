//! Abbreviations that keep their dot (`data/nlp/abbreviations/<lang>.txt`)
//! and whether they can end a sentence.

use crate::Lang;
use dyad_core::chars::push_lower;
use std::collections::HashMap;
use std::sync::OnceLock;

/// How an abbreviation behaves at a possible sentence end (see
/// `data/nlp/abbreviations/README.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Stands before what it qualifies: never ends a sentence.
    Pre,
    /// Ends the sentence when a sentence start follows.
    Post,
    /// `Post` after a number, `Pre` otherwise.
    Num,
}

/// The abbreviations of one language (or of all, when the language is
/// unknown or has no list), keyed by their lowercase form with dots.
#[derive(Debug, Default)]
pub(crate) struct Abbreviations {
    map: HashMap<String, AbbrevClass>,
    /// Longest entry, in bytes: longer words are not looked up.
    max_len: usize,
}

const SOURCES: [(Lang, &str); 4] = [
    (
        Lang::Ru,
        include_str!("../../../data/nlp/abbreviations/ru.txt"),
    ),
    (
        Lang::Uk,
        include_str!("../../../data/nlp/abbreviations/uk.txt"),
    ),
    (
        Lang::Bg,
        include_str!("../../../data/nlp/abbreviations/bg.txt"),
    ),
    (
        Lang::En,
        include_str!("../../../data/nlp/abbreviations/en.txt"),
    ),
];

impl Abbreviations {
    fn add_source(&mut self, src: &str) {
        for line in src.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(abbr), Some(class)) = (cols.next(), cols.next()) else {
                continue;
            };
            let class = match class.trim() {
                "pre" => AbbrevClass::Pre,
                "post" => AbbrevClass::Post,
                "num" => AbbrevClass::Num,
                _ => continue,
            };
            let abbr = abbr.trim().to_lowercase();
            self.max_len = self.max_len.max(abbr.len());
            self.map.entry(abbr).or_insert(class);
        }
    }

    /// The list for `lang`; the union of all lists for `None` and for the
    /// languages without a list of their own.
    pub(crate) fn for_lang(lang: Option<Lang>) -> &'static Abbreviations {
        static LISTS: OnceLock<Vec<(Option<Lang>, Abbreviations)>> = OnceLock::new();
        let lists = LISTS.get_or_init(|| {
            let mut lists: Vec<(Option<Lang>, Abbreviations)> = SOURCES
                .iter()
                .map(|(l, src)| {
                    let mut a = Abbreviations::default();
                    a.add_source(src);
                    (Some(*l), a)
                })
                .collect();
            let mut all = Abbreviations::default();
            for (_, src) in SOURCES {
                all.add_source(src);
            }
            lists.push((None, all));
            lists
        });
        let key = lang.filter(|l| SOURCES.iter().any(|(s, _)| s == l));
        lists
            .iter()
            .find(|(l, _)| *l == key)
            .map(|(_, a)| a)
            .expect("the union list is always present")
    }

    /// The class of `word` followed by a dot (`word` without its dot, any
    /// case); `None` when it is not a listed abbreviation.
    pub(crate) fn class_with_dot(&self, word: &str) -> Option<AbbrevClass> {
        if word.len() + 1 > self.max_len || word.is_empty() {
            return None;
        }
        let mut key = String::with_capacity(word.len() + 1);
        for c in word.chars() {
            match c {
                'ё' | 'Ё' => key.push('е'),
                c => push_lower(c, &mut key),
            }
        }
        key.push('.');
        self.map.get(&key).copied()
    }

    /// The class of a token that ends with its dot (its norm).
    pub(crate) fn class(&self, norm_with_dot: &str) -> Option<AbbrevClass> {
        norm_with_dot
            .strip_suffix('.')
            .and_then(|w| self.class_with_dot(w))
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.map.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_per_language() {
        let ru = Abbreviations::for_lang(Some(Lang::Ru));
        assert_eq!(ru.class_with_dot("г"), Some(AbbrevClass::Num));
        assert_eq!(ru.class_with_dot("Ул"), Some(AbbrevClass::Pre));
        assert_eq!(ru.class_with_dot("млн"), Some(AbbrevClass::Post));
        assert_eq!(ru.class_with_dot("т.е"), Some(AbbrevClass::Pre));
        assert_eq!(ru.class_with_dot("т.нар"), None);
        let bg = Abbreviations::for_lang(Some(Lang::Bg));
        assert_eq!(bg.class_with_dot("т.нар"), Some(AbbrevClass::Pre));
        assert_eq!(bg.class_with_dot("ген"), Some(AbbrevClass::Pre));
        let uk = Abbreviations::for_lang(Some(Lang::Uk));
        assert_eq!(uk.class_with_dot("р"), Some(AbbrevClass::Num));
        let en = Abbreviations::for_lang(Some(Lang::En));
        assert_eq!(en.class_with_dot("Mr"), Some(AbbrevClass::Pre));
        assert_eq!(en.class("e.g."), Some(AbbrevClass::Pre));
        assert_eq!(en.class_with_dot("президент"), None);
    }

    #[test]
    fn unknown_languages_get_the_union() {
        let all = Abbreviations::for_lang(None);
        let mk = Abbreviations::for_lang(Some(Lang::Mk));
        assert!(std::ptr::eq(all, mk));
        for l in [Lang::Ru, Lang::Bg, Lang::Uk, Lang::En] {
            assert!(all.len() >= Abbreviations::for_lang(Some(l)).len());
        }
        assert!(all.class_with_dot("mr").is_some());
        assert!(all.class_with_dot("т.нар").is_some());
    }
}
