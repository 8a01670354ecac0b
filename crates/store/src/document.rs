//! One stored document as a reader sees it: its whole text cut into runs
//! that say, for each piece, whether it was kept as the article (and as
//! which block) or dropped as boilerplate, which actor mention it is, and
//! which events' sentences and evidence phrases cover it, so a viewer can
//! grey out what was dropped and highlight mentions and evidence without
//! counting characters itself.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::query::{for_each_event, CharSpan, EventFilter, EventRow};

/// A kept block as stored (character offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredBlock {
    pub start: usize,
    pub end: usize,
    pub kind: String,
}

/// A piece of the text whose marks are the same throughout.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    pub text: String,
    /// The kind of the kept block it lies in; `None`: dropped boilerplate.
    pub kept: Option<String>,
    /// Index into the document's mentions.
    pub mention: Option<usize>,
    /// Indices into the document's events whose sentence covers it.
    pub sentences: Vec<usize>,
    /// Indices into the document's events whose evidence phrase covers it.
    pub evidence: Vec<usize>,
}

/// A document event: the [`EventRow`] and where its evidence phrase lies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocEvent {
    #[serde(flatten)]
    pub row: EventRow,
    /// The evidence phrase's characters in the text, when it is found in
    /// the sentence.
    pub evidence_span: Option<CharSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentView {
    pub id: i64,
    pub doc: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub lang: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    /// The row id of the document this one reprints.
    pub dup_of: Option<i64>,
    pub ingested_at: String,
    pub error: Option<String>,
    /// The text's length in characters.
    pub chars: usize,
    pub blocks: Vec<StoredBlock>,
    /// The record's mentions as stored (`start`, `end`, `text`, `actor`,
    /// `country`, `org`, `sector`).
    pub mentions: Vec<Value>,
    pub events: Vec<DocEvent>,
    pub segments: Vec<Segment>,
}

/// Document `id` (its row id), or `None` when there is none.
pub fn document(conn: &Connection, id: i64) -> Result<Option<DocumentView>, String> {
    let err = |e: rusqlite::Error| format!("document {id}: {e}");
    let row = conn
        .query_row(
            "SELECT doc, url, title, lang, date, source, dup_of, ingested_at, error, text, blocks, \
             mentions FROM documents WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    (
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                    ),
                    r.get::<_, Option<i64>>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, String>(9)?,
                    r.get::<_, String>(10)?,
                    r.get::<_, String>(11)?,
                ))
            },
        )
        .optional()
        .map_err(err)?;
    let Some((
        (doc, url, title, lang, date, source),
        dup_of,
        ingested_at,
        error,
        text,
        blocks,
        mentions,
    )) = row
    else {
        return Ok(None);
    };
    let blocks: Vec<StoredBlock> = serde_json::from_str(&blocks)
        .map_err(|e| format!("document {id}: its stored blocks do not parse: {e}"))?;
    let mentions: Vec<Value> = serde_json::from_str(&mentions)
        .map_err(|e| format!("document {id}: its stored mentions do not parse: {e}"))?;
    let mut events: Vec<DocEvent> = Vec::new();
    let filter = EventFilter {
        doc_id: Some(id),
        ..EventFilter::default()
    };
    for_each_event(conn, &filter, None, |row| {
        events.push(DocEvent {
            evidence_span: evidence_span(&row),
            row,
        });
        Ok(())
    })?;
    let segments = segments(&text, &blocks, &mentions, &events);
    Ok(Some(DocumentView {
        id,
        doc,
        url,
        title,
        lang,
        date,
        source,
        dup_of,
        ingested_at,
        error,
        chars: text.chars().count(),
        blocks,
        mentions,
        events,
        segments,
    }))
}

/// Where the evidence phrase lies: its first occurrence in the sentence.
fn evidence_span(row: &EventRow) -> Option<CharSpan> {
    let sentence = row.sentence.as_deref()?;
    let span = row.sentence_span?;
    if row.evidence.is_empty() {
        return None;
    }
    let at = sentence.find(&row.evidence)?;
    let start = span.start + sentence[..at].chars().count();
    Some(CharSpan {
        start,
        end: start + row.evidence.chars().count(),
    })
}

/// The start and end of a stored mention, when it has them.
fn mention_span(m: &Value) -> Option<(usize, usize)> {
    let n = |k: &str| m.get(k)?.as_u64().and_then(|v| usize::try_from(v).ok());
    Some((n("start")?, n("end")?))
}

/// Cuts `text` wherever a block, mention, sentence or evidence phrase
/// starts or ends (offsets in characters; ones past the end are clipped).
pub fn segments(
    text: &str,
    blocks: &[StoredBlock],
    mentions: &[Value],
    events: &[DocEvent],
) -> Vec<Segment> {
    let len = text.chars().count();
    let mut cuts: Vec<usize> = vec![0, len];
    let mentions: Vec<Option<(usize, usize)>> = mentions.iter().map(mention_span).collect();
    for b in blocks {
        cuts.extend([b.start, b.end]);
    }
    for &(s, e) in mentions.iter().flatten() {
        cuts.extend([s, e]);
    }
    for e in events {
        for span in [e.row.sentence_span, e.evidence_span].into_iter().flatten() {
            cuts.extend([span.start, span.end]);
        }
    }
    for c in &mut cuts {
        *c = (*c).min(len);
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Byte offset of each cut, in one pass over the text.
    let mut bytes = Vec::with_capacity(cuts.len());
    let mut chars = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let mut at = 0;
    for &cut in &cuts {
        let b = chars.nth(cut - at).unwrap_or(text.len());
        at = cut + 1;
        bytes.push(b);
    }
    let inside = |s: usize, e: usize, start: usize| s <= start && start < e;
    let mut out: Vec<Segment> = Vec::with_capacity(cuts.len());
    for i in 0..cuts.len().saturating_sub(1) {
        let start = cuts[i];
        let segment = Segment {
            text: text[bytes[i]..bytes[i + 1]].to_string(),
            kept: blocks
                .iter()
                .find(|b| inside(b.start, b.end, start))
                .map(|b| b.kind.clone()),
            mention: mentions
                .iter()
                .position(|m| m.is_some_and(|(s, e)| inside(s, e, start))),
            sentences: (0..events.len())
                .filter(|&j| {
                    events[j]
                        .row
                        .sentence_span
                        .is_some_and(|s| inside(s.start, s.end, start))
                })
                .collect(),
            evidence: (0..events.len())
                .filter(|&j| {
                    events[j]
                        .evidence_span
                        .is_some_and(|s| inside(s.start, s.end, start))
                })
                .collect(),
        };
        match out.last_mut() {
            Some(last) if same_marks(last, &segment) => last.text.push_str(&segment.text),
            _ => out.push(segment),
        }
    }
    out
}

fn same_marks(a: &Segment, b: &Segment) -> bool {
    a.kept == b.kept
        && a.mention == b.mention
        && a.sentences == b.sentences
        && a.evidence == b.evidence
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn event(sentence: (usize, usize), text: &str, evidence: &str) -> DocEvent {
        let row = EventRow {
            id: 1,
            doc_id: 1,
            doc: "d".into(),
            date: None,
            kind: "CONSULT".into(),
            mode: None,
            quad: 1,
            score: 1.0,
            confidence: 0.9,
            actors: vec!["RUS".into(), "TUR".into()],
            recipients: vec![],
            actor_ids: vec![],
            recipient_ids: vec![],
            context: vec![],
            evidence: evidence.into(),
            sentence: Some(text.into()),
            sentence_span: Some(CharSpan {
                start: sentence.0,
                end: sentence.1,
            }),
            symmetric: true,
            url: None,
            lang: None,
            title: None,
            story_id: None,
            num_articles: None,
            num_sources: None,
        };
        DocEvent {
            evidence_span: evidence_span(&row),
            row,
        }
    }

    #[test]
    fn runs_follow_character_offsets_through_cyrillic_and_emoji() {
        let text = "Меню | Главная\nПутин 😀 встретился с Эрдоганом в Сочи.\nКомментарии (3)";
        let line: String = text.chars().skip(15).take(38).collect();
        assert_eq!(line, "Путин 😀 встретился с Эрдоганом в Сочи.");
        let blocks = vec![StoredBlock {
            start: 15,
            end: 53,
            kind: "body".into(),
        }];
        let mentions = vec![
            json!({"start": 15, "end": 20, "text": "Путин", "actor": "PUTIN_VLADIMIR"}),
            json!({"start": 36, "end": 45, "text": "Эрдоганом", "actor": "ERDOGAN_RECEP"}),
        ];
        let events = vec![event((15, 53), &line, "встретился с Эрдоганом")];
        assert_eq!(
            events[0].evidence_span,
            Some(CharSpan { start: 23, end: 45 })
        );
        let runs = segments(text, &blocks, &mentions, &events);
        let joined: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(joined, text);
        let texts: Vec<&str> = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Меню | Главная\n",
                "Путин",
                " 😀 ",
                "встретился с ",
                "Эрдоганом",
                " в Сочи.",
                "\nКомментарии (3)"
            ]
        );
        assert_eq!(runs[0].kept, None);
        assert_eq!(runs[1].kept.as_deref(), Some("body"));
        assert_eq!(runs[1].mention, Some(0));
        assert_eq!(runs[4].mention, Some(1));
        assert_eq!(runs[4].evidence, [0]);
        assert_eq!(runs[2].evidence, Vec::<usize>::new());
        assert!(runs[1..6].iter().all(|r| r.sentences == [0]));
        assert_eq!(runs[6].kept, None);
    }

    #[test]
    fn offsets_past_the_end_are_clipped_and_missing_evidence_is_not_marked() {
        let text = "Кратко.";
        let blocks = vec![StoredBlock {
            start: 0,
            end: 99,
            kind: "body".into(),
        }];
        let events = vec![event((0, 7), "Кратко.", "не в тексте")];
        assert_eq!(events[0].evidence_span, None);
        let runs = segments(text, &blocks, &[json!({"start": 3})], &events);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].text, text);
        assert_eq!(runs[0].mention, None);
        assert!(runs[0].evidence.is_empty());
    }
}
