//! The record `dyad code` prints for each document (shared/spec/output.md).
//! Offsets here count characters, not bytes.

use serde::{Deserialize, Serialize};

use crate::doc::{Article, Span};
use crate::event::Event;
use crate::mention::Mention;
use crate::offsets::CharMap;
use crate::plover::EventType;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutBlock {
    pub start: usize,
    pub end: usize,
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub actor: String,
    pub country: Option<String>,
    pub org: Option<String>,
    pub sector: Option<String>,
    /// The dictionary kind of the actor (state, org, body, person, place).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// How the text names it: name, short, adjective, people, capital, role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// Named as a location ("в Москве"), not as someone who acts.
    #[serde(default)]
    pub place: bool,
    /// A name inside a group's phrase (the company of "пилоты Ryanair"):
    /// the index in `mentions` of that group's mention. Such a mention is
    /// recognised but is not a side of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<usize>,
}

impl OutMention {
    /// The record form of a mention: character offsets and its text.
    pub fn from_mention(m: &Mention, text: &str, map: &CharMap<'_>) -> Self {
        OutMention {
            start: map.to_char(m.span.start),
            end: map.to_char(m.span.end),
            text: m.span.slice(text).to_string(),
            actor: m.actor.clone(),
            country: m.country.clone(),
            org: m.org.clone(),
            sector: m.sector.clone(),
            kind: Some(m.kind.to_string()),
            form: Some(m.form.as_str().to_string()),
            place: m.place,
            part_of: None,
        }
    }

    /// The record form of `mentions` with their parts beside them, in text
    /// order; a part is marked `part_of` with the index of its mention.
    pub fn all_from(mentions: &[Mention], text: &str, map: &CharMap<'_>) -> Vec<Self> {
        let mut out = Vec::with_capacity(mentions.len());
        for m in mentions {
            if m.parts.is_empty() {
                out.push(Self::from_mention(m, text, map));
                continue;
            }
            let before = m
                .parts
                .iter()
                .filter(|p| p.span.start < m.span.start)
                .count();
            let at = out.len() + before;
            let mut parts: Vec<&Mention> = m.parts.iter().collect();
            parts.sort_by_key(|p| p.span.start);
            for (k, p) in parts.into_iter().enumerate() {
                if k == before {
                    out.push(Self::from_mention(m, text, map));
                }
                out.push(OutMention {
                    part_of: Some(at),
                    ..Self::from_mention(p, text, map)
                });
            }
            if before == m.parts.len() {
                out.push(Self::from_mention(m, text, map));
            }
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OutSpan {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutEvent {
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Other types the event may be read as (events.md `alt_types`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt_types: Vec<EventType>,
    pub mode: Option<String>,
    pub actors: Vec<String>,
    pub recipients: Vec<String>,
    #[serde(default)]
    pub actor_ids: Vec<String>,
    #[serde(default)]
    pub recipient_ids: Vec<String>,
    #[serde(default)]
    pub context: Vec<String>,
    pub date: Option<String>,
    pub quad: u8,
    pub score: f32,
    pub confidence: f32,
    pub sentence: Option<OutSpan>,
    pub evidence: String,
}

impl OutEvent {
    /// The record form of an event: codes and ids of both sides,
    /// character offsets, the evidence text.
    pub fn from_event(e: &Event, text: &str, map: &CharMap<'_>) -> Self {
        let codes =
            |side: &[crate::event::Participant]| side.iter().map(|p| p.code.clone()).collect();
        let ids = |side: &[crate::event::Participant]| side.iter().map(|p| p.id.clone()).collect();
        OutEvent {
            kind: e.kind,
            alt_types: e.alt_types.clone(),
            mode: e.mode.clone(),
            actors: codes(&e.actors),
            recipients: codes(&e.recipients),
            actor_ids: ids(&e.actors),
            recipient_ids: ids(&e.recipients),
            context: e.context.clone(),
            date: e.date.clone(),
            quad: e.kind.quad(),
            score: e.score,
            confidence: e.confidence,
            sentence: Some(Record::char_span(map, e.sentence)),
            evidence: e.evidence.slice(text).to_string(),
        }
    }
}

/// One line of `dyad code` output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub doc: String,
    pub lang: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The text offsets point into, when it is not the input as read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default)]
    pub blocks: Vec<OutBlock>,
    #[serde(default)]
    pub mentions: Vec<OutMention>,
    #[serde(default)]
    pub events: Vec<OutEvent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Record {
    /// The record of a document that could not be read.
    pub fn error(doc: impl Into<String>, url: Option<String>, error: impl Into<String>) -> Self {
        Record {
            doc: doc.into(),
            lang: None,
            title: None,
            date: None,
            url,
            text: None,
            blocks: Vec::new(),
            mentions: Vec::new(),
            events: Vec::new(),
            error: Some(error.into()),
        }
    }

    /// The record of an article, its actor mentions and its events:
    /// blocks, mentions and events with character offsets, title, date,
    /// language.
    pub fn from_article(
        article: &Article,
        lang: Option<&str>,
        mentions: &[Mention],
        events: &[Event],
    ) -> Self {
        let map = CharMap::new(&article.text);
        let blocks = article
            .blocks
            .iter()
            .map(|b| OutBlock {
                start: map.to_char(b.span.start),
                end: map.to_char(b.span.end),
                kind: b.kind.as_str().to_string(),
            })
            .collect();
        Record {
            doc: article.id.clone(),
            lang: lang.map(str::to_string),
            title: article.title.clone(),
            date: article.date.clone(),
            url: article.url.clone(),
            text: article.text_in_record.then(|| article.text.clone()),
            blocks,
            mentions: OutMention::all_from(mentions, &article.text, &map),
            events: events
                .iter()
                .map(|e| OutEvent::from_event(e, &article.text, &map))
                .collect(),
            error: None,
        }
    }

    /// Character span of a byte span of the article's text.
    pub fn char_span(map: &CharMap<'_>, span: Span) -> OutSpan {
        OutSpan {
            start: map.to_char(span.start),
            end: map.to_char(span.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, BlockKind};

    #[test]
    fn record_counts_characters_and_keeps_the_contract_fields() {
        let text = "Заглавие\n\nТекст на статията.".to_string();
        let body_start = text.find("Текст").unwrap();
        let article = Article {
            id: "a.txt".into(),
            url: None,
            text: text.clone(),
            text_in_record: false,
            title: Some("Заглавие".into()),
            date: None,
            blocks: vec![
                Block {
                    span: Span::new(0, "Заглавие".len()),
                    kind: BlockKind::Title,
                },
                Block {
                    span: Span::new(body_start, text.len()),
                    kind: BlockKind::Body,
                },
            ],
            dropped: vec![],
        };
        let rec = Record::from_article(&article, Some("bg"), &[], &[]);
        let json = serde_json::to_value(&rec).unwrap();
        assert_eq!(json["blocks"][0]["end"], 8);
        assert_eq!(json["blocks"][1]["start"], 10);
        assert_eq!(json["blocks"][1]["end"], text.chars().count());
        for key in [
            "doc", "lang", "title", "date", "blocks", "mentions", "events",
        ] {
            assert!(json.get(key).is_some(), "missing {key}");
        }
        assert!(json.get("error").is_none());
        assert!(json.get("text").is_none());
        let back: Record = serde_json::from_value(json).unwrap();
        assert_eq!(back, rec);
    }

    fn mention(text: &str, what: &str, code: Option<&str>, parts: Vec<Mention>) -> Mention {
        let start = text.find(what).unwrap();
        Mention {
            span: Span::new(start, start + what.len()),
            actor: what.into(),
            country: code.map(str::to_string),
            org: None,
            sector: None,
            kind: "group",
            form: crate::MentionForm::Role,
            place: false,
            parts,
        }
    }

    #[test]
    fn parts_follow_text_order_and_point_to_their_mention() {
        let text = "Ryanair pilots in Spain and Iberia crews.";
        let m = mention(
            text,
            "pilots in Spain",
            Some("ESP"),
            vec![mention(text, "Ryanair", Some("IRL"), vec![])],
        );
        let n = mention(
            text,
            "crews",
            None,
            vec![mention(text, "Iberia", Some("ESP"), vec![])],
        );
        let map = CharMap::new(text);
        let out = OutMention::all_from(&[m, n], text, &map);
        let got: Vec<(&str, Option<usize>)> =
            out.iter().map(|o| (o.text.as_str(), o.part_of)).collect();
        assert_eq!(
            got,
            [
                ("Ryanair", Some(1)),
                ("pilots in Spain", None),
                ("Iberia", Some(3)),
                ("crews", None),
            ]
        );
        // A plain mention's record has no `part_of` key at all.
        let json = serde_json::to_value(&out[1]).unwrap();
        assert!(json.get("part_of").is_none());
        assert_eq!(serde_json::to_value(&out[0]).unwrap()["part_of"], 1);
    }
}
