//! Settling a Cyrillic text's language by its letters (`data/nlp/letters.txt`):
//! Russian, Ukrainian and Bulgarian each write letters the others do not,
//! so a sample with enough of one language's marker letters and none of
//! its excluding letters needs no statistical detector. Texts the rules do
//! not settle (mixed, short, Latin, Belarusian, Macedonian, Serbian) go to
//! lingua. This is the cheap first half of language id: lingua's n-gram
//! lookups were half the pipeline's time.

use std::sync::OnceLock;

use dyad_core::chars::{is_cyrillic_block, is_letter};

use crate::Lang;

const LETTERS_SRC: &str = include_str!("../../../data/nlp/letters.txt");

/// The rules apply only to samples whose letters are at least this share
/// Cyrillic (an English text quoting a Russian name is lingua's to judge).
const MIN_CYRILLIC_SHARE: f32 = 0.8;

#[derive(Debug)]
struct Rule {
    lang: Lang,
    markers: Vec<char>,
    min: usize,
    excluders: Vec<char>,
}

fn with_upper(s: &str) -> Vec<char> {
    s.chars()
        .flat_map(|c| [c].into_iter().chain(c.to_uppercase()))
        .collect()
}

/// Parses the rules; a malformed line is a bug in the built-in data.
fn parse(src: &str) -> Result<Vec<Rule>, String> {
    let mut rules = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || {
            format!(
                "data/nlp/letters.txt:{}: expected lang<TAB>markers<TAB>min<TAB>excluders",
                n + 1
            )
        };
        if f.len() != 4 {
            return Err(bad());
        }
        let lang = Lang::from_code(f[0]).ok_or_else(bad)?;
        let min = f[2].parse().map_err(|_| bad())?;
        rules.push(Rule {
            lang,
            markers: with_upper(f[1]),
            min,
            excluders: with_upper(f[3]),
        });
    }
    Ok(rules)
}

fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| parse(LETTERS_SRC).expect("data/nlp/letters.txt parses"))
}

/// The language `sample`'s letters settle, if they do: exactly one rule
/// must hold.
pub fn decide(sample: &str) -> Option<Lang> {
    decide_with(rules(), sample)
}

fn decide_with(rules: &[Rule], sample: &str) -> Option<Lang> {
    let (mut letters, mut cyrillic) = (0usize, 0usize);
    // Per rule: markers seen, and whether an excluder was seen.
    let mut seen = vec![(0usize, false); rules.len()];
    for c in sample.chars() {
        if !is_letter(c) {
            continue;
        }
        letters += 1;
        if !is_cyrillic_block(c) {
            continue;
        }
        cyrillic += 1;
        for (rule, s) in rules.iter().zip(seen.iter_mut()) {
            if rule.markers.contains(&c) {
                s.0 += 1;
            } else if rule.excluders.contains(&c) {
                s.1 = true;
            }
        }
    }
    if letters == 0 || (cyrillic as f32) < MIN_CYRILLIC_SHARE * letters as f32 {
        return None;
    }
    let mut holding = rules
        .iter()
        .zip(&seen)
        .filter(|(rule, (markers, excluded))| *markers >= rule.min && !excluded)
        .map(|(rule, _)| rule.lang);
    let first = holding.next()?;
    holding.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_rules_parse() {
        let langs: Vec<Lang> = rules().iter().map(|r| r.lang).collect();
        assert_eq!(langs, [Lang::Ru, Lang::Uk, Lang::Bg]);
        assert!(parse("ru\tыэ\tthree\tі")
            .unwrap_err()
            .contains("letters.txt:1"));
        assert!(parse("xx\tыэ\t3\tі").is_err());
        assert!(parse("ru\tыэ\t3").is_err());
    }

    #[test]
    fn each_language_is_settled_by_its_letters() {
        let ru = "Президент России Владимир Путин провел переговоры с делегацией Сирии, в ходе которых обсуждались вопросы военно-технического сотрудничества.";
        let uk = "Президент України Володимир Зеленський провів телефонну розмову з прем'єр-міністром Великої Британії щодо підтримки.";
        let bg = "Президентът Румен Радев заяви, че България ще подкрепи общата позиция на Европейския съюз по отношение на санкциите.";
        assert_eq!(decide(ru), Some(Lang::Ru));
        assert_eq!(decide(uk), Some(Lang::Uk));
        assert_eq!(decide(bg), Some(Lang::Bg));
        // Upper case counts too.
        assert_eq!(decide(&ru.to_uppercase()), Some(Lang::Ru));
    }

    #[test]
    fn mixed_foreign_or_unmarked_texts_are_left_to_the_detector() {
        // Belarusian: ы, э with і and ў.
        assert_eq!(decide("Прэзідэнт Рэспублікі Беларусь правёў сустрэчу з дэлегацыяй і абмеркаваў пытанні супрацоўніцтва."), None);
        // Russian and Ukrainian quoted side by side.
        assert_eq!(decide("Он сказал: «Мы готовы». Вона відповіла: «Ми ще побачимо, що буде з їхньою пропозицією»."), None);
        // Serbian.
        assert_eq!(decide("Председник Србије је рекао да ће се разговори наставити у Београду следеће недеље."), None);
        // Too few markers to tell.
        assert_eq!(decide("Путин и Макрон"), None);
        // Mostly Latin: an English text quoting Russian words.
        assert_eq!(decide("The minister said the words «мы вышли из этого соглашения» were a mistake, and the talks went on for hours afterwards."), None);
        assert_eq!(decide(""), None);
    }
}
