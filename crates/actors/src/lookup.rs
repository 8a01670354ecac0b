//! Finding actors by what a user types: a dictionary id, a country or
//! organisation code, or any name form in any of the dictionary's
//! languages, inflected or not ("путин", "Путину", "Erdogan"); and the
//! nearest ids and names when nothing matches. The command line's
//! `--actor`/`--dyad` and `dyad actors` go through [`Dictionary::resolve`]
//! and [`Dictionary::find`].

use dyad_core::{MentionForm, Span};
use dyad_nlp::{normalize, stem_word, tokenize, Lang, TokenKind};

use crate::dictionary::{Actor, Dictionary};
use crate::parse::NameLang;

/// An actor a query found, with the name form that matched.
#[derive(Debug, Clone)]
pub struct Found<'a> {
    pub actor: &'a Actor,
    /// The dictionary's name that matched the query.
    pub name: &'a str,
    /// The query matched a full name, not only a short form or surname.
    pub full: bool,
}

/// How many suggestions an unknown value gets.
const SUGGESTIONS: usize = 5;

fn stem_lang(lang: NameLang) -> Lang {
    match lang {
        NameLang::En => Lang::En,
        NameLang::Ru => Lang::Ru,
        NameLang::Bg => Lang::Bg,
        NameLang::Uk => Lang::Uk,
    }
}

const NAME_LANGS: [NameLang; 4] = [NameLang::En, NameLang::Ru, NameLang::Bg, NameLang::Uk];

/// The words of `text`, normalised and lower-cased, each stemmed as
/// `lang` stems it, and its numbers as written ("Россия 1" is not
/// "Россия").
fn key(text: &str, lang: NameLang) -> Vec<String> {
    let mut tokens = Vec::new();
    tokenize(text, Span::new(0, text.len()), None, &mut tokens);
    tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| {
            let word = normalize(t.span.slice(text)).to_lowercase();
            match t.kind {
                TokenKind::Word => stem_word(stem_lang(lang), &word, false),
                _ => word,
            }
        })
        .collect()
}

/// `text` normalised and lower-cased, its words joined by one space.
fn plain(text: &str) -> String {
    text.split_whitespace()
        .map(|w| normalize(w).to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Edit distance between two strings, by characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != cb)).min(row[j] + 1).min(up + 1);
            diag = up;
        }
    }
    row[b.len()]
}

impl Dictionary {
    /// The name an actor is shown by: its first full English name, else
    /// its first full name in any language, else its id.
    pub fn display_name(&self, id: &str) -> Option<&str> {
        let i = self.actors.iter().position(|a| a.id == id)? as u32;
        let full = |lang: Option<NameLang>| {
            self.names
                .iter()
                .find(|(a, n)| {
                    *a == i && n.form == MentionForm::Name && lang.is_none_or(|l| n.lang == l)
                })
                .map(|(_, n)| n.text.as_str())
        };
        full(Some(NameLang::En))
            .or_else(|| full(None))
            .or(Some(self.actors[i as usize].id.as_str()))
    }

    /// The actors one of whose names (any language, any form) is `query`
    /// with every word in some inflection: each word of the query and of
    /// the name is stemmed as the name's language stems it. One entry per
    /// actor, full-name matches first, then in dictionary order.
    pub fn find(&self, query: &str) -> Vec<Found<'_>> {
        let keys: Vec<(NameLang, Vec<String>)> = NAME_LANGS
            .iter()
            .map(|&l| (l, key(query, l)))
            .filter(|(_, k)| !k.is_empty())
            .collect();
        let mut found: Vec<Found<'_>> = Vec::new();
        for (i, name) in &self.names {
            if !matches!(name.form, MentionForm::Name | MentionForm::Short) {
                continue;
            }
            let Some((_, k)) = keys.iter().find(|(l, _)| *l == name.lang) else {
                continue;
            };
            if key(&name.text, name.lang) != *k {
                continue;
            }
            let actor = &self.actors[*i as usize];
            let full = name.form == MentionForm::Name;
            match found.iter_mut().find(|f| f.actor.id == actor.id) {
                Some(f) if full && !f.full => {
                    f.name = &name.text;
                    f.full = true;
                }
                Some(_) => {}
                None => found.push(Found {
                    actor,
                    name: &name.text,
                    full,
                }),
            }
        }
        found.sort_by_key(|f| !f.full);
        found
    }

    /// Whether `code` is a country or organisation code some actor stands
    /// for (itself or by an office).
    pub fn knows_code(&self, code: &str) -> bool {
        self.actors.iter().any(|a| {
            a.country.as_deref() == Some(code)
                || a.org.as_deref() == Some(code)
                || a.offices.iter().any(|o| o.code == code)
        })
    }

    /// What a filter value stands for: an actor id (any case), a country
    /// or organisation code (any case), or a name (one actor, or one with
    /// that full name among others with it as a short form). Otherwise an
    /// error that names the nearest ids and names, or the actors an
    /// ambiguous name fits.
    pub fn resolve(&self, value: &str) -> Result<String, String> {
        let value = value.trim();
        let upper = value.to_uppercase();
        if let Some(a) = self.actors.iter().find(|a| a.id == upper) {
            return Ok(a.id.clone());
        }
        if self.knows_code(&upper) {
            return Ok(upper);
        }
        let found = self.find(value);
        let full: Vec<&Found<'_>> = found.iter().filter(|f| f.full).collect();
        if let [one] = found.as_slice() {
            return Ok(one.actor.id.clone());
        }
        if let [one] = full.as_slice() {
            return Ok(one.actor.id.clone());
        }
        match found.as_slice() {
            [] => {
                let near = self.suggest(value);
                let hint = if near.is_empty() {
                    String::new()
                } else {
                    format!("; nearest: {}", near.join(", "))
                };
                Err(format!(
                    "unknown actor {value:?}: no id, code or name in the dictionary matches it{hint} (`dyad actors TEXT` looks names up)"
                ))
            }
            many => Err(format!(
                "{value:?} names {} actors: {}; give one id",
                many.len(),
                many.iter()
                    .take(8)
                    .map(|f| format!("{} ({})", f.actor.id, f.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// The ids, codes and names nearest to `value` by edit distance (at
    /// most a third of its length apart), as "ID (name)", closest first.
    pub fn suggest(&self, value: &str) -> Vec<String> {
        let query = plain(value);
        let limit = (query.chars().count() / 3).max(1);
        let mut scored: Vec<(usize, u32)> = Vec::new();
        let mut consider = |d: usize, i: u32| {
            if d <= limit {
                match scored.iter_mut().find(|(_, j)| *j == i) {
                    Some(s) => s.0 = s.0.min(d),
                    None => scored.push((d, i)),
                }
            }
        };
        for (i, a) in self.actors.iter().enumerate() {
            consider(distance(&query, &a.id.to_lowercase()), i as u32);
        }
        for (i, n) in &self.names {
            consider(distance(&query, &plain(&n.text)), *i);
        }
        scored.sort();
        scored
            .into_iter()
            .take(SUGGESTIONS)
            .map(|(_, i)| {
                let a = &self.actors[i as usize];
                format!("{} ({})", a.id, self.display_name(&a.id).unwrap_or(&a.id))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict() -> Dictionary {
        Dictionary::builtin().unwrap()
    }

    #[test]
    fn names_in_any_language_and_inflection_find_their_actor() {
        let d = dict();
        for query in [
            "путин",
            "Путину",
            "Владимира Путина",
            "Putin",
            "Путін",
            "Путин",
        ] {
            let found = d.find(query);
            assert_eq!(
                found.first().map(|f| f.actor.id.as_str()),
                Some("PUTIN_VLADIMIR"),
                "{query}: {:?}",
                found.iter().map(|f| &f.actor.id).collect::<Vec<_>>()
            );
        }
        assert_eq!(d.resolve("Erdogan").unwrap(), "ERDOGAN_RECEP_TAYYIP");
        assert_eq!(d.resolve("Франции").unwrap(), "FRA");
    }

    #[test]
    fn ids_and_codes_pass_in_any_case() {
        let d = dict();
        assert_eq!(d.resolve("putin_vladimir").unwrap(), "PUTIN_VLADIMIR");
        assert_eq!(d.resolve("rus").unwrap(), "RUS");
        assert_eq!(d.resolve("EU").unwrap(), "EU");
    }

    #[test]
    fn an_unknown_value_is_an_error_with_the_nearest_names() {
        let d = dict();
        let e = d.resolve("XXX").unwrap_err();
        assert!(e.starts_with("unknown actor \"XXX\""), "{e}");
        let e = d.resolve("Putn").unwrap_err();
        assert!(e.contains("PUTIN_VLADIMIR"), "{e}");
    }

    #[test]
    fn the_display_name_is_english() {
        let d = dict();
        assert_eq!(d.display_name("RUS"), Some("Russia"));
        assert_eq!(d.display_name("PUTIN_VLADIMIR"), Some("Vladimir Putin"));
        assert_eq!(d.display_name("NO_SUCH"), None);
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("путин", "путин"), 0);
        assert_eq!(distance("putn", "putin"), 1);
        assert_eq!(distance("", "abc"), 3);
    }
}
