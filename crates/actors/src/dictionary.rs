//! The loaded dictionary: actors from the built-in files, a directory or
//! the user's own files; connector words; and one matcher per document
//! language, compiled on first use.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::OnceLock;

use dyad_core::MentionForm;
use dyad_nlp::{tokenize, Lang, TokenKind};

use crate::date::Day;
use crate::matcher::Matcher;
use crate::parse::{parse_file, ActorDef, Kind, LoadError, NameDef, NameLang, Office};

include!(concat!(env!("OUT_DIR"), "/builtin_actors.rs"));

const CONNECTORS: &str = include_str!("../../../data/actors/connectors.tsv");

/// One actor of the dictionary.
#[derive(Clone, Debug)]
pub struct Actor {
    pub id: String,
    pub kind: Kind,
    pub country: Option<String>,
    pub org: Option<String>,
    pub sector: Option<String>,
    pub offices: Vec<Office>,
    pub requires_context: bool,
    /// A role or group a state named as a place right after it belongs to
    /// ("суд в Роттердаме", "пилоты в Германии").
    pub located: bool,
}

/// What an actor stands for at a given day: its code and sector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing<'a> {
    pub country: Option<&'a str>,
    pub org: Option<&'a str>,
    pub sector: Option<&'a str>,
    /// A person holds an office that day (or, without a date, has one).
    pub in_office: bool,
}

impl<'a> Standing<'a> {
    pub fn code(&self) -> Option<&'a str> {
        self.org.or(self.country)
    }
}

impl Actor {
    /// The office a person holds on `day`; without a day, the first (best
    /// known) one listed.
    pub fn office_at(&self, day: Option<Day>) -> Option<&Office> {
        match day {
            None => self.offices.first(),
            Some(d) => self.offices.iter().find(|o| o.from <= d && d <= o.to),
        }
    }

    /// Code and sector on `day`: a person's office decides while it
    /// lasts, else the person's nationality.
    pub fn standing(&self, day: Option<Day>) -> Standing<'_> {
        if let Some(o) = self.office_at(day) {
            return Standing {
                country: (!o.is_org).then_some(o.code.as_str()),
                org: o.is_org.then_some(o.code.as_str()),
                sector: Some(o.sector.as_str()),
                in_office: true,
            };
        }
        Standing {
            country: self.country.as_deref(),
            org: self.org.as_deref(),
            sector: self.sector.as_deref(),
            in_office: false,
        }
    }
}

/// Function words around mentions (`data/actors/connectors.tsv`): a
/// handful per language, looked up without allocating.
#[derive(Default, Debug)]
pub(crate) struct Connectors {
    of: Vec<(NameLang, Box<str>)>,
    at: Vec<(NameLang, Box<str>)>,
    and: Vec<(NameLang, Box<str>)>,
    /// Prepositions of origin: "пилоты из Бельгии".
    from: Vec<(NameLang, Box<str>)>,
    /// Prepositions of origin only before a genitive (Ukrainian "з
    /// Бельгії", not "з Німеччиною").
    from_genitive: Vec<(NameLang, Box<str>)>,
    /// Clitics that may stand between a state's adjective and its role
    /// ("руския си колега", "френският му колега").
    clitic: Vec<(NameLang, Box<str>)>,
    /// Words or word beginnings (`базирующ*`) of a clause saying where a
    /// group is based ("экипажи, базирующиеся в Испании").
    based: Vec<(NameLang, Box<str>, bool)>,
    /// Languages that put a company's name right before a group word
    /// ("Ryanair pilots").
    owner_first: Vec<NameLang>,
}

impl Connectors {
    fn parse(text: &str) -> Self {
        let mut c = Connectors::default();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut f = line.split('\t');
            let (Some(lang), Some(role), Some(word)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let Some(lang) = NameLang::parse(lang) else {
                continue;
            };
            let word: Box<str> = word.trim().into();
            match role {
                "of" => c.of.push((lang, word)),
                "at" => c.at.push((lang, word)),
                "and" => c.and.push((lang, word)),
                "from" => c.from.push((lang, word)),
                "from-genitive" => c.from_genitive.push((lang, word)),
                "clitic" => c.clitic.push((lang, word)),
                "based" => match word.strip_suffix('*') {
                    Some(prefix) => c.based.push((lang, prefix.into(), true)),
                    None => c.based.push((lang, word, false)),
                },
                "owner-first" => c.owner_first.push(lang),
                _ => {}
            }
        }
        c
    }

    pub fn is_of(&self, lang: NameLang, word: &str) -> bool {
        self.of.iter().any(|(l, w)| *l == lang && &**w == word)
    }

    pub fn is_at(&self, lang: NameLang, word: &str) -> bool {
        self.at.iter().any(|(l, w)| *l == lang && &**w == word)
    }

    pub fn is_and(&self, lang: NameLang, word: &str) -> bool {
        self.and.iter().any(|(l, w)| *l == lang && &**w == word)
    }

    pub fn is_from(&self, lang: NameLang, word: &str) -> bool {
        self.from.iter().any(|(l, w)| *l == lang && &**w == word)
    }

    pub fn is_from_genitive(&self, lang: NameLang, word: &str) -> bool {
        self.from_genitive
            .iter()
            .any(|(l, w)| *l == lang && &**w == word)
    }

    pub fn is_clitic(&self, lang: NameLang, word: &str) -> bool {
        self.clitic.iter().any(|(l, w)| *l == lang && &**w == word)
    }

    pub fn is_based(&self, lang: NameLang, word: &str) -> bool {
        self.based.iter().any(|(l, w, prefix)| {
            *l == lang
                && if *prefix {
                    word.starts_with(&**w)
                } else {
                    &**w == word
                }
        })
    }

    pub fn owner_first(&self, lang: NameLang) -> bool {
        self.owner_first.contains(&lang)
    }
}

/// The languages whose names are tried on a document: its own (or the
/// closest one the dictionary writes) first, and English, whose
/// Latin-script names of organisations and companies also appear in
/// Cyrillic text.
pub(crate) fn name_langs(lang: Option<Lang>) -> &'static [NameLang] {
    match lang {
        Some(Lang::Ru) => &[NameLang::Ru, NameLang::En],
        Some(Lang::Uk) => &[NameLang::Uk, NameLang::En],
        Some(Lang::Bg) | Some(Lang::Mk) | Some(Lang::Sr) => &[NameLang::Bg, NameLang::En],
        Some(Lang::Be) => &[NameLang::Ru, NameLang::Uk, NameLang::En],
        Some(Lang::En) | None => &[NameLang::En],
    }
}

const LANG_SLOTS: usize = 8;

fn slot(lang: Option<Lang>) -> usize {
    match lang {
        None => 0,
        Some(Lang::Ru) => 1,
        Some(Lang::Bg) => 2,
        Some(Lang::Uk) => 3,
        Some(Lang::Mk) => 4,
        Some(Lang::Sr) => 5,
        Some(Lang::Be) => 6,
        Some(Lang::En) => 7,
    }
}

/// The actor dictionary.
pub struct Dictionary {
    pub(crate) actors: Vec<Actor>,
    pub(crate) names: Vec<(u32, NameDef)>,
    pub(crate) connectors: Connectors,
    matchers: [OnceLock<Matcher>; LANG_SLOTS],
}

/// Where the dictionary files come from.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// Read every `*.txt` here instead of the built-in files.
    pub dir: Option<PathBuf>,
    /// More files, read after the others.
    pub files: Vec<PathBuf>,
}

impl Dictionary {
    /// The built-in dictionary (the `data/actors` files the binary was built with).
    pub fn builtin() -> Result<Self, LoadError> {
        Self::from_texts(BUILTIN.iter().map(|(n, t)| (n.to_string(), t.to_string())))
    }

    /// The dictionary from `sources`: a directory's files or the built-in
    /// ones, then the extra files.
    pub fn load(sources: &Sources) -> Result<Self, LoadError> {
        let mut texts: Vec<(String, String)> = match &sources.dir {
            Some(dir) => dyad_core::read_text_dir(dir)?,
            None => BUILTIN
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect(),
        };
        for f in &sources.files {
            texts.push((f.display().to_string(), dyad_core::read_text_file(f)?));
        }
        Self::from_texts(texts)
    }

    /// The dictionary from (file name, contents) pairs, in order.
    pub fn from_texts(
        texts: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, LoadError> {
        let orgs = dyad_core::org_codes();
        let mut defs: Vec<ActorDef> = Vec::new();
        for (name, text) in texts {
            defs.extend(parse_file(&name, &text, orgs)?);
        }
        let mut seen: HashMap<&str, &ActorDef> = HashMap::new();
        for d in &defs {
            if let Some(first) = seen.insert(&d.id, d) {
                return Err(LoadError {
                    file: d.file.clone(),
                    line: d.line,
                    message: format!(
                        "duplicate id [{}] (first at {}:{})",
                        d.id, first.file, first.line
                    ),
                });
            }
        }
        let mut actors = Vec::with_capacity(defs.len());
        let mut names = Vec::new();
        for (i, d) in defs.into_iter().enumerate() {
            let i = i as u32;
            let blocked: HashSet<(NameLang, String)> = d
                .names
                .iter()
                .filter(|n| n.blocked)
                .map(|n| (n.lang, dyad_nlp::normalize(&n.text)))
                .collect();
            for n in &d.names {
                if n.blocked {
                    continue;
                }
                let is_short = n.form == MentionForm::Short;
                if is_short && blocked.contains(&(n.lang, dyad_nlp::normalize(&n.text))) {
                    continue;
                }
                names.push((i, n.clone()));
                if d.kind == Kind::Person && n.form == MentionForm::Name {
                    if let Some(last) = surname(&n.text) {
                        if !blocked.contains(&(n.lang, dyad_nlp::normalize(&last))) {
                            names.push((
                                i,
                                NameDef {
                                    lang: n.lang,
                                    form: MentionForm::Short,
                                    text: last,
                                    blocked: false,
                                },
                            ));
                        }
                    }
                }
            }
            actors.push(Actor {
                id: d.id,
                kind: d.kind,
                country: d.country,
                org: d.org,
                sector: d.sector,
                offices: d.offices,
                requires_context: d.requires_context,
                located: d.located || d.kind == Kind::Group,
            });
        }
        Ok(Dictionary {
            actors,
            names,
            connectors: Connectors::parse(CONNECTORS),
            matchers: Default::default(),
        })
    }

    pub fn len(&self) -> usize {
        self.actors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The matcher for documents in `lang`, compiled on first use.
    pub(crate) fn matcher(&self, lang: Option<Lang>) -> &Matcher {
        self.matchers[slot(lang)].get_or_init(|| {
            let langs = name_langs(lang);
            let mut m = Matcher::new(lang);
            let own = langs[0];
            for (actor, name) in &self.names {
                let kind = self.actors[*actor as usize].kind;
                // Latin-script names in Cyrillic text are companies,
                // organisations and projects (Ryanair, Nord Stream 2 AG),
                // hardly ever people: English personal names stay with
                // English documents.
                let foreign_person =
                    kind == Kind::Person && name.lang == NameLang::En && own != NameLang::En;
                if langs.contains(&name.lang) && !foreign_person {
                    let form = if matches!(kind, Kind::Role | Kind::Group) {
                        MentionForm::Role
                    } else {
                        name.form
                    };
                    m.add(*actor, form, name);
                }
            }
            m.finish()
        })
    }
}

/// The last word of a multi-word personal name, used alone as a surname.
fn surname(name: &str) -> Option<String> {
    let mut toks = Vec::new();
    tokenize(name, dyad_core::Span::new(0, name.len()), None, &mut toks);
    let words: Vec<_> = toks.iter().filter(|t| t.kind == TokenKind::Word).collect();
    if words.len() < 2 {
        return None;
    }
    let last = words.last()?;
    let text = last.span.slice(name);
    // A single letter or an initial is no surname.
    (text.chars().filter(|c| c.is_alphabetic()).count() >= 3).then(|| text.to_string())
}
