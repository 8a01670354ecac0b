//! Token normal form: lowercase, ё → е, typographic apostrophes → ', soft
//! hyphens and zero-width joiners removed, non-ASCII hyphens → -, stress
//! marks dropped, and Latin look-alike letters inside a Cyrillic word mapped
//! to Cyrillic (`data/nlp/homoglyphs.txt`).

use dyad_core::chars::push_lower;
use std::sync::OnceLock;

const HOMOGLYPHS_SRC: &str = include_str!("../../../data/nlp/homoglyphs.txt");

fn homoglyphs() -> &'static [(char, char)] {
    static MAP: OnceLock<Vec<(char, char)>> = OnceLock::new();
    MAP.get_or_init(|| {
        HOMOGLYPHS_SRC
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t').map(|c| c.trim().chars());
                let from = cols.next()?.next()?;
                let to = cols.next()?.next()?;
                Some((from, to))
            })
            .collect()
    })
}

pub(crate) const SOFT_HYPHEN: char = '\u{00AD}';

/// Characters that are part of a word but vanish from its normal form.
pub(crate) fn is_invisible_in_word(c: char) -> bool {
    matches!(c, SOFT_HYPHEN | '\u{200C}' | '\u{200D}')
}

/// Combining diacritics (stress marks, decomposed й/ё/ї).
pub(crate) fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Apostrophe-like characters that join the parts of a word (м'ясо, об’єкт).
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '`' | '\u{2018}')
}

/// Hyphens that join the parts of a word (премьер-министр).
pub fn is_word_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// `text` with the Latin look-alikes in words that mix scripts replaced by
/// their Cyrillic letters, case kept ("Бaйдън", "CAЩ" → all Cyrillic), so
/// that a page typed with such slips is not read as English. Borrowed when
/// there is nothing to replace.
pub fn unmix_scripts(text: &str) -> std::borrow::Cow<'_, str> {
    let mixed = |w: &str| w.chars().any(is_cyrillic) && w.chars().any(|c| c.is_ascii_alphabetic());
    if !text.split(char::is_whitespace).any(mixed) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.split(char::is_whitespace).any(mixed) {
            out.extend(word.chars().map(|c| {
                homoglyphs()
                    .iter()
                    .find(|(from, _)| *from == c)
                    .map_or(c, |(_, to)| *to)
            }));
        } else {
            out.push_str(word);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Appends the normal form of `word` to `out`.
pub fn normalize_into(word: &str, out: &mut String) {
    let mixed = word.chars().any(is_cyrillic) && word.chars().any(|c| c.is_ascii_alphabetic());
    for c in word.chars() {
        let c = if mixed && c.is_ascii_alphabetic() {
            homoglyphs()
                .iter()
                .find(|(from, _)| *from == c)
                .map_or(c, |(_, to)| *to)
        } else {
            c
        };
        match c {
            'ё' | 'Ё' => out.push('е'),
            c if is_apostrophe(c) => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            c if is_invisible_in_word(c) => {}
            // Decomposed и + breve = й, і + diaeresis = ї; other marks go.
            '\u{0306}' if out.ends_with('и') => {
                out.pop();
                out.push('й');
            }
            '\u{0308}' if out.ends_with('і') => {
                out.pop();
                out.push('ї');
            }
            c if is_combining_mark(c) => {}
            c => push_lower(c, out),
        }
    }
}

/// The normal form of `word`.
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    normalize_into(word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normal_forms() {
        assert_eq!(normalize("Ёлка"), "елка");
        assert_eq!(normalize("ПРЕМЬЕР-МИНИСТР"), "премьер-министр");
        assert_eq!(normalize("об’єкт"), "об'єкт");
        assert_eq!(normalize("Мʼясо"), "м'ясо");
        assert_eq!(normalize("з`їзд"), "з'їзд");
        assert_eq!(normalize("прези\u{00AD}дент"), "президент");
        assert_eq!(normalize("премьер\u{2011}министр"), "премьер-министр");
        assert_eq!(normalize("вы\u{0301}боры"), "выборы");
        assert_eq!(normalize("Сергеи\u{0306}"), "сергей");
        assert_eq!(normalize("U.S."), "u.s.");
    }

    #[test]
    fn latin_look_alikes_in_cyrillic_words() {
        // Latin "a" and "i" typed into Cyrillic words.
        assert_eq!(normalize("Укрaїна"), "україна");
        assert_eq!(normalize("Київськa"), "київська");
        assert_eq!(normalize("Бiлорусь"), "білорусь");
        // Pure Latin words are left alone.
        assert_eq!(normalize("Reuters"), "reuters");
        assert_eq!(normalize("COVID-19"), "covid-19");
    }
}
