//! The event lexicons (`data/lexicon/`, format in its README): per
//! language, the triggers of each PLOVER type, the grammar words that give
//! sides their roles, calendar words and context words; and the score of
//! each type. Built-in copies are embedded at build time; a directory of
//! the same shape can replace them at run time.

use std::path::Path;

use dyad_core::{EventType, LoadError};
use dyad_nlp::Lang;

use crate::words::{Word, WordIndex};

include!(concat!(env!("OUT_DIR"), "/builtin_lexicon.rs"));

/// What a grammar word says about the words around it (`grammar.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Partner,
    Target,
    Addressee,
    Agent,
    Between,
    Place,
    And,
    Negation,
    Unreal,
    Question,
    Future,
    Clause,
    Speech,
    Oblique,
    Verb,
    Adjunct,
    Possessive,
    Source,
    Affirm,
    This,
    Condition,
}

impl Role {
    pub const ALL: [Role; 21] = [
        Role::Partner,
        Role::Target,
        Role::Addressee,
        Role::Agent,
        Role::Between,
        Role::Place,
        Role::And,
        Role::Negation,
        Role::Unreal,
        Role::Question,
        Role::Future,
        Role::Clause,
        Role::Speech,
        Role::Oblique,
        Role::Verb,
        Role::Adjunct,
        Role::Possessive,
        Role::Source,
        Role::Affirm,
        Role::This,
        Role::Condition,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Partner => "partner",
            Role::Target => "target",
            Role::Addressee => "addressee",
            Role::Agent => "agent",
            Role::Between => "between",
            Role::Place => "place",
            Role::And => "and",
            Role::Negation => "negation",
            Role::Unreal => "unreal",
            Role::Question => "question",
            Role::Future => "future",
            Role::Clause => "clause",
            Role::Speech => "speech",
            Role::Oblique => "oblique",
            Role::Verb => "verb",
            Role::Adjunct => "adjunct",
            Role::Possessive => "possessive",
            Role::Source => "source",
            Role::Affirm => "not-negation",
            Role::This => "this",
            Role::Condition => "condition",
        }
    }

    pub fn bit(self) -> u32 {
        1 << (self as u32)
    }

    fn from_name(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == s)
    }
}

/// What a referring word of `discourse.txt` stands for: the last actor
/// named of this kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Referent {
    /// A person (or an official named by a role): "он", "тя", "she".
    Person,
    /// Staff, crews, unions, passengers tied to a country: "профсоюз",
    /// "стачкуващите", "страйкарі".
    Group,
    /// A company or a company's project: "компания", "газопроводът".
    Company,
    /// A court: "суд", "съдът".
    Court,
    /// A government body: "министерство", "the ministry".
    Government,
    /// A state: "страна", "държавата".
    State,
    /// The parties named last, together: "стороны", "двете страни", "both
    /// sides".
    Parties,
}

impl Referent {
    pub const ALL: [Referent; 7] = [
        Referent::Person,
        Referent::Group,
        Referent::Company,
        Referent::Court,
        Referent::Government,
        Referent::State,
        Referent::Parties,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Referent::Person => "person",
            Referent::Group => "group",
            Referent::Company => "company",
            Referent::Court => "court",
            Referent::Government => "government",
            Referent::State => "state",
            Referent::Parties => "parties",
        }
    }

    fn from_name(s: &str) -> Option<Referent> {
        Referent::ALL.into_iter().find(|r| r.name() == s)
    }
}

/// One trigger of `triggers.txt`.
#[derive(Clone, Debug)]
pub struct Trigger {
    pub kind: EventType,
    /// The anchor, then the words that must follow it.
    pub words: Vec<Word>,
    pub mode: Option<String>,
    /// The grammatical subject undergoes or receives the event.
    pub subject_receives: bool,
    /// A visit whose host may be named as a place.
    pub host_place: bool,
    /// Only a side after a target or addressee word may receive it.
    pub recipient_marked: bool,
    /// A verdict said of the clause's subject ("Газпром маніпулює
    /// фактами", "the strike is unjustified"): whoever says it acts, the
    /// subject receives.
    pub speaker_acts: bool,
    /// A symmetric type given by one side to another (an offer, an
    /// invitation, a permit: "предложили ей убежище"): roles as for a
    /// directed type, the recipient in `recipients`.
    pub directed: bool,
    /// As written in the file, and where: for `dyad explain`.
    pub written: String,
    pub source: String,
}

/// A grammar word or phrase.
#[derive(Clone, Debug)]
pub struct Phrase {
    pub role: Role,
    pub words: Vec<Word>,
}

/// Everything the coder knows about one language.
#[derive(Clone, Debug)]
pub struct LangLexicon {
    pub lang: Lang,
    pub triggers: Vec<Trigger>,
    /// Trigger indexes by their first word.
    pub anchors: WordIndex<u32>,
    pub phrases: Vec<Phrase>,
    /// Phrase indexes by their first word.
    pub phrase_index: WordIndex<u32>,
    /// Endings of nouns and adjectives in a case other than the
    /// nominative (`[oblique]`, written `-ами`): such a side is no subject.
    pub oblique_endings: Vec<String>,
    /// Endings of finite verbs, infinitives and participles (`[verb]`):
    /// a trigger word without one is a noun, whose doer may follow it.
    pub verb_endings: Vec<String>,
    pub months: WordIndex<i32>,
    pub weekdays: WordIndex<i32>,
    pub relative_days: WordIndex<i32>,
    /// Context codes in file order; `context_index` values index it.
    pub contexts: Vec<String>,
    pub context_index: WordIndex<u16>,
    /// Pronouns and definite descriptions (`discourse.txt`) by what they
    /// stand for.
    pub referring: WordIndex<Referent>,
    /// Lemmas written as the second or a later word of a trigger or a
    /// grammar phrase.
    pub later_lemmas: rustc_hash::FxHashSet<Box<str>>,
}

impl LangLexicon {
    /// Whether a word's normal form ends in an `[oblique]` ending, with at
    /// least two letters before it.
    pub fn is_oblique(&self, norm: &str) -> bool {
        self.oblique_endings.iter().any(|e| {
            norm.strip_suffix(e.as_str())
                .is_some_and(|stem| stem.chars().count() >= 2)
        })
    }

    /// Whether a trigger, grammar phrase or referring word is written as
    /// this lemma (only such lemmas are worth keeping for a sentence).
    pub fn has_lemma(&self, lemma: &str) -> bool {
        self.anchors.has_lemma(lemma)
            || self.phrase_index.has_lemma(lemma)
            || self.referring.has_lemma(lemma)
            || self.later_lemmas.contains(lemma)
    }

    /// Whether a trigger word is a noun: the language lists verb endings
    /// (`[verb]`) and the word has none of them.
    pub fn is_noun(&self, norm: &str) -> bool {
        !self.verb_endings.is_empty()
            && !self.verb_endings.iter().any(|e| norm.ends_with(e.as_str()))
    }

    fn new(lang: Lang) -> Self {
        LangLexicon {
            lang,
            triggers: Vec::new(),
            anchors: WordIndex::default(),
            phrases: Vec::new(),
            phrase_index: WordIndex::default(),
            oblique_endings: Vec::new(),
            verb_endings: Vec::new(),
            months: WordIndex::default(),
            weekdays: WordIndex::default(),
            relative_days: WordIndex::default(),
            contexts: Vec::new(),
            context_index: WordIndex::default(),
            referring: WordIndex::default(),
            later_lemmas: Default::default(),
        }
    }
}

/// The lexicons of every language, and the type scores.
#[derive(Clone, Debug)]
pub struct Lexicon {
    langs: Vec<LangLexicon>,
    scores: [f32; 16],
}

impl Lexicon {
    /// The lexicons built into the binary.
    pub fn builtin() -> Result<Self, LoadError> {
        Self::from_texts(BUILTIN.iter().map(|(p, t)| (p.to_string(), t.to_string())))
    }

    /// The lexicons of `dir` (`types.txt` and one directory per language
    /// code); the built-in type scores when it has no `types.txt`.
    pub fn load(dir: &Path) -> Result<Self, LoadError> {
        let mut texts = Vec::new();
        let types = dir.join("types.txt");
        if types.is_file() {
            texts.push(("types.txt".to_string(), dyad_core::read_text_file(&types)?));
        } else if let Some((p, t)) = BUILTIN.iter().find(|(p, _)| *p == "types.txt") {
            texts.push((p.to_string(), t.to_string()));
        }
        let entries = std::fs::read_dir(dir).map_err(|e| {
            LoadError::new(dir.display().to_string(), 0, format!("cannot read: {e}"))
        })?;
        let mut subdirs: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        subdirs.sort();
        for sub in subdirs {
            let name = sub
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            for (path, text) in dyad_core::read_text_dir(&sub)? {
                let file = Path::new(&path)
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .to_string();
                texts.push((format!("{name}/{file}"), text));
            }
        }
        let mut lexicon = Self::from_texts(texts)?;
        // Messages should name the user's files, not relative paths.
        for l in &mut lexicon.langs {
            for t in &mut l.triggers {
                t.source = format!("{}/{}", dir.display(), t.source);
            }
        }
        Ok(lexicon)
    }

    /// The lexicons from (path, contents) pairs: `types.txt`, and
    /// `<lang>/<name>.txt` where the name says the kind (`grammar`,
    /// `dates`, `context`, `discourse`; any other name holds triggers).
    pub fn from_texts(
        texts: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, LoadError> {
        let mut lexicon = Lexicon {
            langs: Vec::new(),
            scores: [0.0; 16],
        };
        let mut scored = [false; 16];
        for (path, text) in texts {
            if path == "types.txt" {
                parse_types(&path, &text, &mut lexicon.scores, &mut scored)?;
                continue;
            }
            let Some((dir, file)) = path.split_once('/') else {
                return Err(LoadError::new(
                    &path,
                    0,
                    "expected LANG/FILE.txt or types.txt",
                ));
            };
            let Some(lang) = Lang::from_code(dir).filter(|l| dir == l.code()) else {
                return Err(LoadError::new(
                    &path,
                    0,
                    format!("`{dir}` is not a language code (ru, bg, uk, en, …)"),
                ));
            };
            let l = lexicon.lang_mut(lang);
            match file.trim_end_matches(".txt") {
                "grammar" => parse_grammar(&path, &text, l)?,
                "dates" => parse_dates(&path, &text, l)?,
                "context" => parse_context(&path, &text, l)?,
                "discourse" => parse_discourse(&path, &text, l)?,
                _ => parse_triggers(&path, &text, l)?,
            }
        }
        if let Some(t) = EventType::ALL.iter().find(|t| !scored[**t as usize]) {
            return Err(LoadError::new(
                "types.txt",
                0,
                format!("no score for {}", t.as_str()),
            ));
        }
        Ok(lexicon)
    }

    fn lang_mut(&mut self, lang: Lang) -> &mut LangLexicon {
        if let Some(i) = self.langs.iter().position(|l| l.lang == lang) {
            return &mut self.langs[i];
        }
        self.langs.push(LangLexicon::new(lang));
        self.langs.last_mut().unwrap()
    }

    /// The lexicon of `lang`, if there is one.
    pub fn lang(&self, lang: Lang) -> Option<&LangLexicon> {
        self.langs.iter().find(|l| l.lang == lang)
    }

    /// The intensity score of a type (`types.txt`).
    pub fn score(&self, kind: EventType) -> f32 {
        self.scores[kind as usize]
    }
}

/// The lines of a file that carry content: (line number, text without its
/// comment), trimmed.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.split('#').next().unwrap_or("").trim();
        (!line.is_empty()).then_some((i + 1, line))
    })
}

/// `[name]` → `name`.
fn section(line: &str) -> Option<&str> {
    line.strip_prefix('[')?.strip_suffix(']').map(str::trim)
}

/// Words of a grammar, date or context line: no `!` words there.
fn plain_words(lang: Lang, text: &str, file: &str, line: usize) -> Result<Vec<Word>, LoadError> {
    let ws = words(lang, text, file, line)?;
    if ws.iter().any(|w| matches!(w, Word::Not(_))) {
        return Err(LoadError::new(
            file,
            line,
            "`!` words belong in triggers only",
        ));
    }
    Ok(ws)
}

fn words(lang: Lang, text: &str, file: &str, line: usize) -> Result<Vec<Word>, LoadError> {
    text.split_whitespace()
        .map(|w| Word::parse(lang, w).map_err(|m| LoadError::new(file, line, m)))
        .collect()
}

fn parse_types(
    file: &str,
    text: &str,
    scores: &mut [f32; 16],
    scored: &mut [bool; 16],
) -> Result<(), LoadError> {
    for (n, line) in content_lines(text) {
        let mut parts = line.split_whitespace();
        let (Some(name), Some(score), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(LoadError::new(file, n, "expected: TYPE score"));
        };
        let kind = EventType::parse(name)
            .ok_or_else(|| LoadError::new(file, n, format!("unknown PLOVER type `{name}`")))?;
        let value: f32 = score
            .parse()
            .ok()
            .filter(|v: &f32| (-10.0..=10.0).contains(v))
            .ok_or_else(|| LoadError::new(file, n, "the score must be a number from -10 to 10"))?;
        scores[kind as usize] = value;
        scored[kind as usize] = true;
    }
    Ok(())
}

fn parse_triggers(file: &str, text: &str, l: &mut LangLexicon) -> Result<(), LoadError> {
    let mut kind = None;
    for (n, line) in content_lines(text) {
        if let Some(name) = section(line) {
            kind = Some(EventType::parse(name).ok_or_else(|| {
                LoadError::new(file, n, format!("unknown PLOVER type `[{name}]`"))
            })?);
            continue;
        }
        let Some(kind) = kind else {
            return Err(LoadError::new(file, n, "a trigger before any [TYPE] line"));
        };
        let (pattern, props) = line.split_once('|').unwrap_or((line, ""));
        let ws = words(l.lang, pattern, file, n)?;
        if ws.is_empty() || ws.len() > 5 {
            return Err(LoadError::new(file, n, "a trigger has one to four words"));
        }
        if matches!(ws[0], Word::Not(_))
            || ws.iter().filter(|w| !matches!(w, Word::Not(_))).count() > 4
        {
            return Err(LoadError::new(
                file,
                n,
                "a trigger has one to four words, the first not a `!` word",
            ));
        }
        let mut trigger = Trigger {
            kind,
            words: ws,
            mode: None,
            subject_receives: false,
            host_place: false,
            recipient_marked: false,
            speaker_acts: false,
            directed: false,
            written: pattern.trim().to_string(),
            source: format!("{file}:{n}"),
        };
        for prop in props.split_whitespace() {
            match prop.split_once('=') {
                Some(("mode", m)) if !m.is_empty() => trigger.mode = Some(m.to_string()),
                Some(("subject", "recipient")) => trigger.subject_receives = true,
                Some(("host", "place")) => trigger.host_place = true,
                Some(("recipient", "marked")) => trigger.recipient_marked = true,
                Some(("actor", "speaker")) => trigger.speaker_acts = true,
                Some(("roles", "directed")) => trigger.directed = true,
                _ => {
                    return Err(LoadError::new(
                        file,
                        n,
                        format!(
                            "unknown property `{prop}` (mode=NAME, subject=recipient, host=place, recipient=marked, actor=speaker, roles=directed)"
                        ),
                    ))
                }
            }
        }
        let index = l.triggers.len() as u32;
        l.anchors.insert(&trigger.words[0], index);
        note_later_lemmas(&trigger.words, &mut l.later_lemmas);
        l.triggers.push(trigger);
    }
    Ok(())
}

/// Keeps the lemmas of an entry's words after its first.
fn note_later_lemmas(words: &[Word], set: &mut rustc_hash::FxHashSet<Box<str>>) {
    for w in words.iter().skip(1) {
        let w = match w {
            Word::Not(inner) => inner,
            w => w,
        };
        if let Word::Stem(_, Some(lemma)) = w {
            set.insert(lemma.clone());
        }
    }
}

/// `discourse.txt`: a `[class]` line (person, group, company, court,
/// government, state), then one referring word per line.
fn parse_discourse(file: &str, text: &str, l: &mut LangLexicon) -> Result<(), LoadError> {
    let mut class = None;
    for (n, line) in content_lines(text) {
        if let Some(name) = section(line) {
            class = Some(Referent::from_name(name).ok_or_else(|| {
                let known: Vec<_> = Referent::ALL.iter().map(|r| r.name()).collect();
                LoadError::new(
                    file,
                    n,
                    format!("unknown section `[{name}]` (known: {})", known.join(", ")),
                )
            })?);
            continue;
        }
        let Some(class) = class else {
            return Err(LoadError::new(file, n, "a word before any [section] line"));
        };
        let ws = plain_words(l.lang, line, file, n)?;
        let [word] = ws.as_slice() else {
            return Err(LoadError::new(file, n, "one referring word per line"));
        };
        l.referring.insert(word, class);
    }
    Ok(())
}

fn parse_grammar(file: &str, text: &str, l: &mut LangLexicon) -> Result<(), LoadError> {
    let mut role = None;
    for (n, line) in content_lines(text) {
        if let Some(name) = section(line) {
            if name == "pronoun" {
                return Err(LoadError::new(
                    file,
                    n,
                    "pronouns moved to discourse.txt, section [person]",
                ));
            }
            role = Some(Role::from_name(name).ok_or_else(|| {
                let known: Vec<_> = Role::ALL.iter().map(|r| r.name()).collect();
                LoadError::new(
                    file,
                    n,
                    format!("unknown section `[{name}]` (known: {})", known.join(", ")),
                )
            })?);
            continue;
        }
        let Some(role) = role else {
            return Err(LoadError::new(file, n, "a word before any [section] line"));
        };
        if matches!(role, Role::Oblique | Role::Verb) {
            for ending in line.split_whitespace() {
                let Some(e) = ending.strip_prefix('-').filter(|e| !e.is_empty()) else {
                    return Err(LoadError::new(
                        file,
                        n,
                        format!("`{ending}`: an ending is written -ами"),
                    ));
                };
                let list = if role == Role::Oblique {
                    &mut l.oblique_endings
                } else {
                    &mut l.verb_endings
                };
                list.push(dyad_nlp::normalize(e));
            }
            continue;
        }
        let ws = plain_words(l.lang, line, file, n)?;
        let index = l.phrases.len() as u32;
        l.phrase_index.insert(&ws[0], index);
        note_later_lemmas(&ws, &mut l.later_lemmas);
        l.phrases.push(Phrase { role, words: ws });
    }
    Ok(())
}

fn parse_dates(file: &str, text: &str, l: &mut LangLexicon) -> Result<(), LoadError> {
    let mut current: Option<&str> = None;
    for (n, line) in content_lines(text) {
        if let Some(name) = section(line) {
            if !matches!(name, "month" | "weekday" | "relative") {
                return Err(LoadError::new(
                    file,
                    n,
                    format!("unknown section `[{name}]` (month, weekday, relative)"),
                ));
            }
            current = Some(match name {
                "month" => "month",
                "weekday" => "weekday",
                _ => "relative",
            });
            continue;
        }
        let Some(kind) = current else {
            return Err(LoadError::new(file, n, "a line before any [section] line"));
        };
        let (number, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let value: i32 = number
            .parse()
            .map_err(|_| LoadError::new(file, n, "a line starts with its number"))?;
        let (index, range) = match kind {
            "month" => (&mut l.months, 1..=12),
            "weekday" => (&mut l.weekdays, 1..=7),
            _ => (&mut l.relative_days, -7..=7),
        };
        if !range.contains(&value) {
            return Err(LoadError::new(
                file,
                n,
                format!("{value} is out of range for [{kind}] ({range:?})"),
            ));
        }
        let ws = plain_words(l.lang, rest, file, n)?;
        if ws.is_empty() {
            return Err(LoadError::new(file, n, "no words after the number"));
        }
        for w in &ws {
            index.insert(w, value);
        }
    }
    Ok(())
}

fn parse_context(file: &str, text: &str, l: &mut LangLexicon) -> Result<(), LoadError> {
    let mut current = None;
    for (n, line) in content_lines(text) {
        if let Some(name) = section(line) {
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                return Err(LoadError::new(
                    file,
                    n,
                    format!("`[{name}]`: a context code is lower-case ASCII"),
                ));
            }
            let i = match l.contexts.iter().position(|c| c == name) {
                Some(i) => i,
                None => {
                    l.contexts.push(name.to_string());
                    l.contexts.len() - 1
                }
            };
            current = Some(i as u16);
            continue;
        }
        let Some(code) = current else {
            return Err(LoadError::new(file, n, "a word before any [code] line"));
        };
        for w in plain_words(l.lang, line, file, n)? {
            l.context_index.insert(&w, code);
        }
    }
    Ok(())
}
