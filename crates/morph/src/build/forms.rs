//! Builds a `Lexicon` from lists of `lemma TAB form TAB grammemes` lines
//! (the Bulgarian and English sources, and the hand-written closed-class
//! files). Forms of one lemma and part of speech make a lexeme; its stem
//! is the longest common beginning of the lemma and its forms (after a
//! listed prefix such as bg "най-"), the rest are the paradigm's suffixes.

use super::{entry, FormIds, Interner, Lexicon};
use crate::tag::Tag;

/// Grammemes of a line, for grouping lines into lexemes: the first one
/// (part of speech).
fn pos_of(grammemes: &str) -> &str {
    grammemes.split([',', ' ']).next().unwrap_or("")
}

fn common_prefix_len(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
        .min(b.len())
}

#[derive(Default)]
pub struct FormsBuilder {
    prefixes: Vec<String>,
    /// (lemma, pos) → lexeme index
    lexeme_ids: std::collections::HashMap<(String, String), usize>,
    /// lexeme → (form, grammemes)
    lexemes: Vec<(String, Vec<(String, String)>)>,
    /// (lemma, form, grammemes) → rank, for ranked lines
    ranks: std::collections::HashMap<(String, String, String), f64>,
}

impl FormsBuilder {
    /// `prefixes` are stripped from forms that start with them when the
    /// lemma does not (bg "по-", "най-").
    pub fn new(prefixes: &[&str]) -> Self {
        let mut all = vec![String::new()];
        all.extend(prefixes.iter().map(|p| p.to_string()));
        FormsBuilder {
            prefixes: all,
            ..Default::default()
        }
    }

    pub fn add(&mut self, lemma: &str, form: &str, grammemes: &str) {
        let key = (lemma.to_string(), pos_of(grammemes).to_string());
        let id = *self.lexeme_ids.entry(key).or_insert_with(|| {
            self.lexemes.push((lemma.to_string(), Vec::new()));
            self.lexemes.len() - 1
        });
        let forms = &mut self.lexemes[id].1;
        let item = (form.to_string(), grammemes.to_string());
        if !forms.contains(&item) {
            forms.push(item);
        }
    }

    /// Adds every `lemma TAB form TAB grammemes` line of `text` (blank
    /// lines and `#` comments skipped).
    pub fn add_tsv(&mut self, text: &str, origin: &str) -> Result<(), String> {
        self.add_lines(text, origin, false)
    }

    /// As `add_tsv`, and the readings of these lines come before any
    /// unranked reading of the same form, in the order of the lines (for
    /// hand-written closed-class lists: "to" is a particle before it is
    /// a preposition, and never a noun first).
    pub fn add_ranked_tsv(&mut self, text: &str, origin: &str) -> Result<(), String> {
        self.add_lines(text, origin, true)
    }

    fn add_lines(&mut self, text: &str, origin: &str, ranked: bool) -> Result<(), String> {
        let lines = text.lines().count().max(1) as f64;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            match (cols.next(), cols.next(), cols.next()) {
                (Some(l), Some(f), Some(g)) if !l.is_empty() && !f.is_empty() => {
                    self.add(l, f, g);
                    if ranked {
                        let key = (l.to_string(), f.to_string(), g.to_string());
                        self.ranks.entry(key).or_insert(2.0 - n as f64 / lines);
                    }
                }
                _ => {
                    return Err(format!(
                        "{origin}:{}: want lemma TAB form TAB grammemes",
                        n + 1
                    ))
                }
            }
        }
        Ok(())
    }

    pub fn build(self) -> Lexicon {
        let mut lex = Lexicon {
            prefixes: self.prefixes.clone(),
            ..Lexicon::default()
        };
        let mut tags: Interner<String> = Interner::new();
        let mut suffixes: Interner<String> = Interner::new();
        suffixes.id(&String::new());
        let mut paradigms: Interner<Vec<FormIds>> = Interner::new();
        for (lemma, forms) in &self.lexemes {
            // Form 0 is the lemma (with the tag of its first listing, or of
            // the first form when the lemma is not itself listed).
            let listed = forms.iter().position(|(f, _)| f == lemma);
            let mut all: Vec<(&str, &str, bool)> = Vec::new();
            match listed {
                Some(i) => all.push((lemma, &forms[i].1, true)),
                None => all.push((lemma, &forms[0].1, false)),
            }
            all.extend(
                forms
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| Some(*i) != listed)
                    .map(|(_, (f, g))| (f.as_str(), g.as_str(), true)),
            );
            let split: Vec<(usize, &str)> = all
                .iter()
                .map(|(f, _, _)| {
                    self.prefixes
                        .iter()
                        .enumerate()
                        .skip(1)
                        .find(|(_, p)| f.starts_with(p.as_str()) && !lemma.starts_with(p.as_str()))
                        .map_or((0, *f), |(i, p)| (i, &f[p.len()..]))
                })
                .collect();
            let stem_len = split.iter().fold(lemma.len(), |n, (_, rest)| {
                n.min(common_prefix_len(lemma, rest))
            });
            let paradigm: Vec<FormIds> = split
                .iter()
                .zip(&all)
                .map(|((p, rest), (_, g, _))| {
                    [
                        suffixes.id(&rest[stem_len..].to_string()) as u16,
                        tags.id(&g.to_string()) as u16,
                        *p as u16,
                    ]
                })
                .collect();
            let para = paradigms.id(&paradigm);
            for (i, (form, grammemes, real)) in all.iter().enumerate() {
                if *real {
                    let entries = lex.words.entry(form.to_string()).or_default();
                    let e = entry(para, i);
                    if !entries.contains(&e) {
                        entries.push(e);
                    }
                    let key = (lemma.clone(), form.to_string(), grammemes.to_string());
                    if let Some(&rank) = self.ranks.get(&key) {
                        lex.ranks.insert((form.to_string(), e), rank);
                    }
                }
            }
        }
        lex.tags = tags.items.iter().map(|g| Tag::from_grammemes(g)).collect();
        lex.suffixes = suffixes.items;
        lex.paradigms = paradigms.items;
        lex
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dictionary::Dictionary;
    use crate::readings::Readings;

    #[test]
    fn forms_become_paradigms_that_rebuild_lemmas() {
        let mut b = FormsBuilder::new(&["най-"]);
        b.add_tsv(
            "министър\tминистър\tNOUN,sing,indef\nминистър\tминистърът\tNOUN,sing,def,nomn\n\
             министър\tминистри\tNOUN,plur,indef\nдобър\tнай-добър\tADJF,Supr\n",
            "test",
        )
        .expect("valid lines");
        let bytes = b.build().to_bytes();
        let dict = Dictionary::parse(&bytes).expect("lexicon");
        let mut r = Readings::new();
        assert!(dict.lookup("министри", &mut r));
        assert_eq!(
            r.first().map(|r| r.lemma.to_string()).as_deref(),
            Some("министър")
        );
        let mut r = Readings::new();
        assert!(dict.lookup("най-добър", &mut r));
        assert!(r.has_lemma("добър"));
        assert!(
            !dict.lookup("добър", &mut Readings::new()),
            "an unlisted lemma is no form"
        );
    }
}
