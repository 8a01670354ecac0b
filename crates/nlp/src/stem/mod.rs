//! Stemming: Snowball (via `rust-stemmers`) for Russian and English, the
//! light rule-based stemmers of this crate for Bulgarian and Ukrainian, and
//! no stemming (stem = norm) for the other languages. For capitalised words
//! in Russian and Ukrainian a guard keeps nominative names whole
//! (`data/nlp/stem/README.md`, `[name_endings]`).

mod bulgarian;
mod cache;
mod rules;
mod ukrainian;

use crate::Lang;
use rules::RuleSet;
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// The stem of a normalised word (`Token::norm`) in `lang`.
pub fn stem(lang: Lang, norm: &str) -> String {
    match lang {
        Lang::Ru => russian_fleeting(snowball(Algorithm::Russian, norm)),
        Lang::En => snowball(Algorithm::English, norm),
        Lang::Bg => bulgarian::stem(norm),
        Lang::Uk => ukrainian::stem(norm, false),
        Lang::Mk | Lang::Sr | Lang::Be => norm.to_string(),
    }
}

/// `[fleeting]` of ru.txt applied to a Snowball stem.
fn russian_fleeting(stem: String) -> String {
    let ru = russian_rules();
    let mut word = rules::Word::from_string(stem);
    ru.rules.apply_at(ru.fleeting, &mut word);
    word.text
}

/// The stem of a word as it appears in text: like [`stem`], but from a
/// capitalised Russian or Ukrainian word (a name) the stemmer may only cut
/// the case endings of nouns and adjectives (`[name_endings]` in
/// `data/nlp/stem/ru.txt`, `[inflection_name]` in `uk.txt`), so that a
/// name's nominative meets its other forms (Байден, Байдена, Байденом →
/// байден; Лавров, Лаврова → лавров; Карабах, Карабаху → карабах).
/// This is what [`analyse`] stores in `Token::stem`; dictionaries of names
/// should stem their entries the same way (or tokenize them with
/// [`tokenize`]).
///
/// [`analyse`]: crate::analyse
/// [`tokenize`]: crate::tokenize
pub fn stem_word(lang: Lang, norm: &str, capitalised: bool) -> String {
    with_stem_word(lang, norm, capitalised, str::to_string)
}

/// `f` of [`stem_word`]'s stem, without copying it when it is remembered
/// (stems are memoised per thread).
pub(crate) fn with_stem_word<R>(
    lang: Lang,
    norm: &str,
    capitalised: bool,
    f: impl FnOnce(&str) -> R,
) -> R {
    if !has_stemmer(lang) {
        return f(norm);
    }
    cache::with_cached(
        lang,
        capitalised,
        norm,
        |norm| compute_stem_word(lang, norm, capitalised),
        f,
    )
}

fn compute_stem_word(lang: Lang, norm: &str, capitalised: bool) -> String {
    match lang {
        Lang::Uk => ukrainian::stem(norm, capitalised),
        Lang::Ru if capitalised => russian_fleeting(guard_russian_name(norm)),
        _ => stem(lang, norm),
    }
}

/// Snowball's stem of a capitalised Russian word, cut back to a name ending.
fn guard_russian_name(norm: &str) -> String {
    let stemmed = snowball(Algorithm::Russian, norm);
    // Reflexive verbs (a capitalised verb opens a sentence) are left alone.
    if stemmed.len() >= norm.len() || norm.ends_with("ся") {
        return stemmed;
    }
    let Some(cut) = norm.strip_prefix(stemmed.as_str()) else {
        return stemmed;
    };
    let rules = russian_rules();
    if rules.lists("name_endings", cut) {
        return stemmed;
    }
    // Keep all of the cut but the longest name ending it ends with, if any.
    let keep = (1..cut.len())
        .filter(|&i| cut.is_char_boundary(i))
        .find(|&i| rules.lists("name_endings", &cut[i..]))
        .unwrap_or(cut.len());
    norm[..stemmed.len() + keep].to_string()
}

/// True for the languages that have a stemmer (the others get stem = norm).
pub fn has_stemmer(lang: Lang) -> bool {
    matches!(lang, Lang::Ru | Lang::En | Lang::Bg | Lang::Uk)
}

/// ru.txt with its `[fleeting]` section resolved.
struct RussianRules {
    rules: RuleSet,
    fleeting: usize,
}

impl RussianRules {
    fn lists(&self, name: &str, suffix: &str) -> bool {
        self.rules.lists(name, suffix)
    }
}

fn russian_rules() -> &'static RussianRules {
    static RU: OnceLock<RussianRules> = OnceLock::new();
    RU.get_or_init(|| {
        let rules = RuleSet::parse(include_str!("../../../../data/nlp/stem/ru.txt"))
            .expect("data/nlp/stem/ru.txt");
        RussianRules {
            fleeting: rules.index("fleeting"),
            rules,
        }
    })
}

fn snowball(algorithm: Algorithm, word: &str) -> String {
    static RU: OnceLock<Stemmer> = OnceLock::new();
    static EN: OnceLock<Stemmer> = OnceLock::new();
    let stemmer = match algorithm {
        Algorithm::Russian => RU.get_or_init(|| Stemmer::create(Algorithm::Russian)),
        _ => EN.get_or_init(|| Stemmer::create(Algorithm::English)),
    };
    stemmer.stem(word).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_their_nominative() {
        for (lang, forms) in [
            (Lang::Ru, &["Байден", "Байдена", "Байдену", "Байденом"][..]),
            (Lang::Ru, &["Лавров", "Лаврова", "Лаврову", "Лавровым"]),
            (Lang::Ru, &["Карабах", "Карабаха", "Карабахе"]),
            (Lang::Ru, &["Йемен", "Йемена", "Йемене", "Йеменом"]),
            (
                Lang::Ru,
                &["Медведев", "Медведева", "Медведеву", "Медведевым"],
            ),
            (Lang::Ru, &["Сергей", "Сергея", "Сергею", "Сергеем"]),
            (Lang::Ru, &["Беларусь", "Беларуси", "Беларусью"]),
            (Lang::Ru, &["Брексит", "Брексита", "Брекситом"]),
            (Lang::Uk, &["Карабах", "Карабаху", "Карабахом"]),
            (Lang::Uk, &["Байден", "Байдена", "Байденом"]),
        ] {
            let stems: Vec<_> = forms
                .iter()
                .map(|w| stem_word(lang, &crate::normalize(w), true))
                .collect();
            assert!(
                stems.iter().all(|s| *s == stems[0]),
                "{lang:?} {forms:?} → {stems:?}"
            );
        }
        // Lower-case words are stemmed as usual: "ударов" is a genitive plural.
        assert_eq!(stem_word(Lang::Ru, "ударов", false), "удар");
        // Listed endings go as usual; reflexive verbs are left to Snowball.
        assert_eq!(stem_word(Lang::Ru, "россией", true), "росс");
        assert_eq!(stem_word(Lang::Ru, "беларусь", true), "беларус");
        assert_eq!(
            stem_word(Lang::Ru, "сообщается", true),
            stem(Lang::Ru, "сообщается")
        );
        // Other languages: plain stem.
        assert_eq!(stem_word(Lang::Bg, "министрите", true), "министр");
    }

    #[test]
    fn russian_rule_file_parses() {
        assert!(russian_rules().lists("name_endings", "ом"));
        assert!(!russian_rules().lists("name_endings", "ов"));
        assert_eq!(stem(Lang::Ru, "американцев"), stem(Lang::Ru, "американец"));
    }
}
