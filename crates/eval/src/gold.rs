//! The gold files of `shared/eval/` as typed values, and the JSON Lines
//! reader shared with predictions.
//!
//! - `seeds.gold.jsonl`: [`SeedGold`] (title, article line numbers, events);
//! - `dev/events.gold.jsonl`: [`EventGold`] (events only; a seeds line also
//!   reads as an `EventGold`, its extra fields ignored);
//! - `entities.dev.jsonl`: [`EntityGold`] (mentions with character offsets).
//!
//! Malformed lines are errors naming the file and the 1-based line number;
//! blank lines are skipped.

use std::fmt;
use std::path::Path;

use dyad_core::{EventType, Record};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A gold event (events.md, "The gold and output record").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldEvent {
    #[serde(rename = "type")]
    pub kind: EventType,
    #[serde(default)]
    pub mode: Option<String>,
    pub actors: Vec<String>,
    #[serde(default)]
    pub recipients: Vec<String>,
    #[serde(default)]
    pub context: Vec<String>,
    #[serde(default)]
    pub date: Option<String>,
    /// Other types a reasonable coder could choose; predicting one matches.
    #[serde(default)]
    pub alt_types: Vec<EventType>,
    /// May be coded or not: neither counts for nor against.
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub evidence: String,
}

/// One line of an events gold file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventGold {
    pub doc: String,
    pub lang: String,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

/// One line of `seeds.gold.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeedGold {
    pub doc: String,
    pub lang: String,
    pub title: String,
    /// 1-based line numbers of the real article in the plain-text file.
    pub main_lines: Vec<usize>,
    /// Lines that may be kept or dropped without penalty.
    #[serde(default)]
    pub optional_lines: Vec<usize>,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

impl SeedGold {
    /// The events part of this line.
    pub fn to_event_gold(&self) -> EventGold {
        EventGold {
            doc: self.doc.clone(),
            lang: self.lang.clone(),
            events: self.events.clone(),
        }
    }
}

/// A gold entity mention; offsets count characters, end exclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(default)]
    pub lemma: String,
    /// PER, LOC, ORG, EVT, PRO.
    #[serde(rename = "type")]
    pub kind: String,
    /// Cross-lingual entity id.
    pub id: String,
    /// ISO alpha-3 country or organisation code; only coded mentions are scored.
    #[serde(default)]
    pub code: Option<String>,
}

impl GoldMention {
    /// The code when present and not blank.
    pub fn code(&self) -> Option<&str> {
        self.code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
    }
}

/// One line of `entities.dev.jsonl`; `doc` is relative to `shared/corpus`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityGold {
    pub doc: String,
    pub lang: String,
    #[serde(default)]
    pub mentions: Vec<GoldMention>,
}

/// What every gold document has: an id to match predictions by and a
/// language to group scores by.
pub trait GoldDoc {
    fn doc(&self) -> &str;
    fn lang(&self) -> &str;
}

macro_rules! gold_doc {
    ($($t:ty),*) => {$(
        impl GoldDoc for $t {
            fn doc(&self) -> &str {
                &self.doc
            }
            fn lang(&self) -> &str {
                &self.lang
            }
        }
    )*};
}
gold_doc!(EventGold, SeedGold, EntityGold);

/// Any of the three gold files, told apart by the fields of its first line.
#[derive(Debug, Clone, PartialEq)]
pub enum GoldSet {
    Seeds(Vec<SeedGold>),
    Events(Vec<EventGold>),
    Entities(Vec<EntityGold>),
}

impl GoldSet {
    /// Reads a gold file: lines with `main_lines` are seeds, lines with
    /// `mentions` entities, otherwise events.
    pub fn load(path: &Path) -> Result<GoldSet, GoldError> {
        let text = read(path)?;
        GoldSet::parse(&text, &path.display().to_string())
    }

    /// As [`GoldSet::load`], from text; `source` names it in errors.
    pub fn parse(text: &str, source: &str) -> Result<GoldSet, GoldError> {
        let first = text.lines().enumerate().find(|(_, l)| !l.trim().is_empty());
        let Some((index, first)) = first else {
            return Ok(GoldSet::Events(Vec::new()));
        };
        let value: serde_json::Value = serde_json::from_str(first)
            .map_err(|e| GoldError::at(source, index + 1, e.to_string()))?;
        if value.get("main_lines").is_some() {
            parse_jsonl(text, source).map(GoldSet::Seeds)
        } else if value.get("mentions").is_some() {
            parse_jsonl(text, source).map(GoldSet::Entities)
        } else {
            parse_jsonl(text, source).map(GoldSet::Events)
        }
    }

    /// `(doc, lang)` of every gold document, in file order.
    pub fn docs(&self) -> Vec<(&str, &str)> {
        fn pairs<T: GoldDoc>(items: &[T]) -> Vec<(&str, &str)> {
            items.iter().map(|g| (g.doc(), g.lang())).collect()
        }
        match self {
            GoldSet::Seeds(v) => pairs(v),
            GoldSet::Events(v) => pairs(v),
            GoldSet::Entities(v) => pairs(v),
        }
    }

    /// The event gold, when this file has events (seeds or events).
    pub fn events(&self) -> Option<Vec<EventGold>> {
        match self {
            GoldSet::Seeds(v) => Some(v.iter().map(SeedGold::to_event_gold).collect()),
            GoldSet::Events(v) => Some(v.clone()),
            GoldSet::Entities(_) => None,
        }
    }
}

/// A gold or prediction file could not be read or a line did not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldError {
    /// The file (or the name the text was given).
    pub source: String,
    /// 1-based line number; 0 when the whole file failed (I/O).
    pub line: usize,
    pub message: String,
}

impl GoldError {
    fn at(source: &str, line: usize, message: String) -> Self {
        GoldError {
            source: source.to_string(),
            line,
            message,
        }
    }
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.source, self.message)
        } else {
            write!(f, "{}:{}: {}", self.source, self.line, self.message)
        }
    }
}

impl std::error::Error for GoldError {}

/// Parses JSON Lines into `T`, skipping blank lines.
pub fn parse_jsonl<T: DeserializeOwned>(text: &str, source: &str) -> Result<Vec<T>, GoldError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let item = serde_json::from_str(line)
            .map_err(|e| GoldError::at(source, index + 1, e.to_string()))?;
        out.push(item);
    }
    Ok(out)
}

/// Reads a JSON Lines file into `T`.
pub fn load_jsonl<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>, GoldError> {
    parse_jsonl(&read(path)?, &path.display().to_string())
}

/// `seeds.gold.jsonl`.
pub fn load_seeds(path: &Path) -> Result<Vec<SeedGold>, GoldError> {
    load_jsonl(path)
}

/// An events gold file (`dev/events.gold.jsonl`, or the seeds file).
pub fn load_events(path: &Path) -> Result<Vec<EventGold>, GoldError> {
    load_jsonl(path)
}

/// `entities.dev.jsonl`.
pub fn load_entities(path: &Path) -> Result<Vec<EntityGold>, GoldError> {
    load_jsonl(path)
}

/// A predictions file: `dyad code` output, one [`Record`] per line.
pub fn load_predictions(path: &Path) -> Result<Vec<Record>, GoldError> {
    load_jsonl(path)
}

fn read(path: &Path) -> Result<String, GoldError> {
    std::fs::read_to_string(path)
        .map_err(|e| GoldError::at(&path.display().to_string(), 0, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_line_and_skip_blank_lines() {
        let text = concat!(
            r#"{"doc": "a.txt", "lang": "bg", "events": []}"#,
            "\n\n",
            r#"{"doc": "b.txt", "lang": "bg", "events": [{"type": "MEET", "actors": ["BGR"]}]}"#,
            "\n"
        );
        let err = parse_jsonl::<EventGold>(text, "dev.jsonl").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.to_string().starts_with("dev.jsonl:3: "), "{err}");
        assert!(err.message.contains("MEET"), "{}", err.message);

        let ok = parse_jsonl::<EventGold>(&text.replace("MEET", "CONSULT"), "x").unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[1].events[0].kind, EventType::Consult);
        assert!(!ok[1].events[0].optional);
        assert!(ok[1].events[0].recipients.is_empty());
    }

    #[test]
    fn truncated_json_and_missing_fields_are_errors() {
        let err = parse_jsonl::<EntityGold>(r#"{"doc": "x", "lang": "ru", "mentions": [{"#, "e")
            .unwrap_err();
        assert_eq!(err.line, 1);
        let err = parse_jsonl::<SeedGold>(r#"{"doc": "x", "lang": "ru", "title": "t"}"#, "s")
            .unwrap_err();
        assert!(err.message.contains("main_lines"), "{}", err.message);
    }

    #[test]
    fn missing_file_is_an_error_not_a_panic() {
        let err = load_events(Path::new("/nonexistent/dyad/gold.jsonl")).unwrap_err();
        assert_eq!(err.line, 0);
        assert!(err.to_string().contains("/nonexistent/dyad/gold.jsonl"));
    }

    #[test]
    fn the_kind_of_file_is_told_by_its_first_line() {
        let seeds = r#"{"doc": "a", "lang": "ru", "title": "T", "main_lines": [1], "events": []}"#;
        assert!(matches!(GoldSet::parse(seeds, "s"), Ok(GoldSet::Seeds(v)) if v.len() == 1));
        let ents = r#"{"doc": "a", "lang": "ru", "mentions": [{"start": 0, "end": 2, "text": "ЕС", "lemma": "ЕС", "type": "ORG", "id": "ORG-EU", "code": "EU"}]}"#;
        match GoldSet::parse(ents, "e").unwrap() {
            GoldSet::Entities(v) => assert_eq!(v[0].mentions[0].code(), Some("EU")),
            other => panic!("{other:?}"),
        }
        let events = r#"{"doc": "a", "lang": "uk", "events": []}"#;
        let set = GoldSet::parse(events, "v").unwrap();
        assert_eq!(set.docs(), vec![("a", "uk")]);
        assert!(set.events().is_some());
    }

    #[test]
    fn blank_codes_count_as_no_code() {
        let m: GoldMention = serde_json::from_str(
            r#"{"start": 0, "end": 1, "text": "x", "type": "PER", "id": "PER-X", "code": " "}"#,
        )
        .unwrap();
        assert_eq!(m.code(), None);
    }
}
