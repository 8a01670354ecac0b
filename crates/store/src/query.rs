//! Reading events back from a store: a filter (actor, dyad, type, quad
//! class, date range, language, text), the rows it selects with their
//! document and story counts, and a plain-text table of them.
//!
//! Actor and dyad filters go through `event_parties` and accept either a
//! dictionary id (`PUTIN_VLADIMIR`) or a country/organisation code (`RUS`,
//! `EU`). A symmetric event (CONSULT, AGREE or COOPERATE whose sides are
//! all listed as actors, no recipients) has no direction: it relates each
//! pair of its actors both ways, so it matches a directed dyad in either
//! order.

use dyad_core::EventType;
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::Serialize;

/// Rows returned by [`events`] when the filter sets no limit.
pub const DEFAULT_LIMIT: usize = 100;

/// Which events to read; every field is optional and they combine with AND.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// A dictionary id or a country/organisation code, on either side.
    pub actor: Option<String>,
    /// Two actors (ids or codes) on opposite sides of an event (or both
    /// among the actors of a symmetric event).
    pub dyad: Option<(String, String)>,
    /// With `dyad`: only events where the first acts on the second
    /// (symmetric events count both ways); otherwise either direction.
    pub directed: bool,
    /// A PLOVER type name (`SANCTION`; any case).
    pub kind: Option<String>,
    /// Quad class, 1–4.
    pub quad: Option<u8>,
    /// First and last day, inclusive, `YYYY-MM-DD`, on the event's date,
    /// else its document's date; an event with neither is left out.
    pub from: Option<String>,
    pub to: Option<String>,
    /// The document's language code (ru, bg, uk, en, …).
    pub lang: Option<String>,
    /// Words the event's document must contain, in any inflected form.
    pub text: Option<String>,
    /// Only the events of this document (its row id).
    pub doc_id: Option<i64>,
    /// At most this many rows: [`DEFAULT_LIMIT`] for [`events`] when
    /// `None`, every row for the exports.
    pub limit: Option<usize>,
    /// Rows skipped first (paging).
    pub offset: usize,
}

/// A range of characters (Unicode scalar values), end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CharSpan {
    pub start: usize,
    pub end: usize,
}

impl EventFilter {
    /// The same selection without paging: every event it selects.
    pub fn unpaged(&self) -> EventFilter {
        EventFilter {
            limit: None,
            offset: 0,
            ..self.clone()
        }
    }
}

/// One stored event with its document and story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub id: i64,
    /// The document's row id (`dyad serve`'s `/api/documents/{id}`).
    pub doc_id: i64,
    pub doc: String,
    /// The event's date, else its document's date.
    pub date: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
    pub quad: u8,
    pub score: f64,
    pub confidence: f64,
    /// Country/organisation codes.
    pub actors: Vec<String>,
    pub recipients: Vec<String>,
    /// Dictionary ids behind the codes.
    pub actor_ids: Vec<String>,
    pub recipient_ids: Vec<String>,
    pub context: Vec<String>,
    pub evidence: String,
    /// The sentence that says so, and its character offsets in the
    /// document's text.
    pub sentence: Option<String>,
    pub sentence_span: Option<CharSpan>,
    /// A CONSULT, AGREE or COOPERATE among `actors` with no direction.
    pub symmetric: bool,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub title: Option<String>,
    pub story_id: Option<i64>,
    /// Distinct articles and sources of the event's story (reprints
    /// counted once); `None` while the event has no story.
    pub num_articles: Option<i64>,
    pub num_sources: Option<i64>,
}

impl EventRow {
    /// Symmetric: a CONSULT, AGREE or COOPERATE between its actors, with
    /// no recipient side.
    pub fn is_symmetric(&self) -> bool {
        symmetric(&self.kind, &self.recipients)
    }

    /// The country/organisation pairs the event relates: each actor ×
    /// recipient (directed), or each unordered pair of actors of a
    /// symmetric event (`directed` false, in record order); an event
    /// without a partner gives each actor alone. Pairs of a code with
    /// itself are kept (domestic events).
    pub fn pairs(&self) -> Vec<Pair<'_>> {
        let mut out = Vec::new();
        let symmetric = self.is_symmetric();
        if self.recipients.is_empty() && !(symmetric && self.actors.len() > 1) {
            for i in 0..self.actors.len() {
                out.push(Pair {
                    actor: side_member(&self.actors, &self.actor_ids, i),
                    recipient: None,
                    directed: !symmetric,
                });
            }
        } else if symmetric {
            for i in 0..self.actors.len() {
                for j in i + 1..self.actors.len() {
                    out.push(Pair {
                        actor: side_member(&self.actors, &self.actor_ids, i),
                        recipient: Some(side_member(&self.actors, &self.actor_ids, j)),
                        directed: false,
                    });
                }
            }
        } else {
            for i in 0..self.actors.len() {
                for j in 0..self.recipients.len() {
                    out.push(Pair {
                        actor: side_member(&self.actors, &self.actor_ids, i),
                        recipient: Some(side_member(&self.recipients, &self.recipient_ids, j)),
                        directed: true,
                    });
                }
            }
        }
        out
    }
}

fn symmetric(kind: &str, recipients: &[String]) -> bool {
    recipients.is_empty() && EventType::parse(kind).is_some_and(EventType::is_symmetric)
}

/// (code, id) of member `i` of a side.
fn side_member<'a>(codes: &'a [String], ids: &'a [String], i: usize) -> (&'a str, &'a str) {
    (codes[i].as_str(), ids.get(i).map_or("", String::as_str))
}

/// One pair of an event (see [`EventRow::pairs`]): (code, dictionary id)
/// of each side; the id is empty when the store has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair<'a> {
    pub actor: (&'a str, &'a str),
    pub recipient: Option<(&'a str, &'a str)>,
    pub directed: bool,
}

/// The events selected by `filter`, ordered by date (undated last) then id,
/// at most `filter.limit` (default [`DEFAULT_LIMIT`]) after skipping
/// `filter.offset`. Invalid filter values are an error that names them.
pub fn events(conn: &Connection, filter: &EventFilter) -> Result<Vec<EventRow>, String> {
    let mut out = Vec::new();
    let limit = Some(filter.limit.unwrap_or(DEFAULT_LIMIT));
    for_each_event(conn, filter, limit, |row| {
        out.push(row);
        Ok(())
    })?;
    Ok(out)
}

/// Calls `f` with each event selected by `filter` in [`events`] order, at
/// most `limit` (every one when `None`); returns how many.
pub(crate) fn for_each_event(
    conn: &Connection,
    filter: &EventFilter,
    limit: Option<usize>,
    mut f: impl FnMut(EventRow) -> Result<(), String>,
) -> Result<usize, String> {
    let (sql, params) = build_sql(filter, limit)?;
    let mut stmt = conn.prepare(&sql).map_err(|e| format!("query: {e}"))?;
    let mut rows = stmt
        .query(rusqlite::params_from_iter(params))
        .map_err(|e| format!("query: {e}"))?;
    let mut n = 0;
    while let Some(r) = rows.next().map_err(|e| format!("query: {e}"))? {
        let row = read_row(r).map_err(|e| format!("query: {e}"))?;
        f(row)?;
        n += 1;
    }
    Ok(n)
}

/// The columns [`read_row`] reads. SQLite's `substr` counts characters,
/// as the sentence offsets do.
const COLUMNS: &str = "e.id, d.doc, COALESCE(e.date, d.date) AS day, e.type, e.mode, e.quad, \
     e.score, e.confidence, e.actors, e.recipients, e.actor_ids, e.recipient_ids, e.context, \
     e.evidence, d.url, d.lang, d.title, e.story_id, s.num_articles, s.num_sources, e.doc_id, \
     e.sent_start, e.sent_end, \
     CASE WHEN e.sent_end > e.sent_start \
          THEN substr(d.text, e.sent_start + 1, e.sent_end - e.sent_start) END";
const FROM: &str =
    "FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN stories s ON s.id = e.story_id";

/// How many events `filter` selects, ignoring its limit and offset.
pub fn count_events(conn: &Connection, filter: &EventFilter) -> Result<usize, String> {
    let (conds, params) = build_where(filter)?;
    let sql = format!("SELECT count(*) {FROM}{conds}");
    let n: i64 = conn
        .query_row(&sql, rusqlite::params_from_iter(params), |r| r.get(0))
        .map_err(|e| format!("query: {e}"))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Whether party `p` is `?n` (by code or dictionary id).
fn party_is(p: &str, n: usize) -> String {
    format!("({p}.code = ?{n} OR {p}.actor_id = ?{n})")
}

fn build_sql(filter: &EventFilter, limit: Option<usize>) -> Result<(String, Vec<Value>), String> {
    let (conds, params) = build_where(filter)?;
    let limit = limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
    let offset = i64::try_from(filter.offset).unwrap_or(i64::MAX);
    let sql = format!(
        "SELECT {COLUMNS} {FROM}{conds} ORDER BY day IS NULL, day, e.id LIMIT {limit} OFFSET {offset}"
    );
    Ok((sql, params))
}

/// The WHERE clause of `filter` (empty, or starting with a space) and its
/// parameters.
pub(crate) fn build_where(filter: &EventFilter) -> Result<(String, Vec<Value>), String> {
    let mut conds: Vec<String> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    if let Some(actor) = &filter.actor {
        let n = param(party(actor, "actor")?, &mut params);
        conds.push(format!(
            "e.id IN (SELECT p.event_id FROM event_parties p WHERE {})",
            party_is("p", n)
        ));
    }
    if let Some((a, b)) = &filter.dyad {
        let na = param(party(a, "dyad")?, &mut params);
        let nb = param(party(b, "dyad")?, &mut params);
        let symmetric = format!(
            "(pa.side = 'a' AND pb.side = 'a' AND pa.rowid <> pb.rowid AND e.recipients = '' \
             AND e.type IN ({}))",
            symmetric_types()
        );
        let sides = if filter.directed {
            "(pa.side = 'a' AND pb.side = 'r')"
        } else {
            "(pa.side <> pb.side)"
        };
        conds.push(format!(
            "EXISTS (SELECT 1 FROM event_parties pa JOIN event_parties pb ON pb.event_id = pa.event_id \
             WHERE pa.event_id = e.id AND {} AND {} AND ({sides} OR {symmetric}))",
            party_is("pa", na),
            party_is("pb", nb)
        ));
    }
    if let Some(kind) = &filter.kind {
        let name = kind.trim().to_ascii_uppercase();
        let t = EventType::parse(&name).ok_or_else(|| {
            let names: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
            format!("unknown event type '{kind}': one of {}", names.join(", "))
        })?;
        let n = param(t.as_str().to_string(), &mut params);
        conds.push(format!("e.type = ?{n}"));
    }
    if let Some(q) = filter.quad {
        if !(1..=4).contains(&q) {
            return Err(format!("quad class {q} is not 1, 2, 3 or 4"));
        }
        conds.push(format!("e.quad = {q}"));
    }
    let from = filter
        .from
        .as_deref()
        .map(|d| check_date(d, "from"))
        .transpose()?;
    let to = filter
        .to
        .as_deref()
        .map(|d| check_date(d, "to"))
        .transpose()?;
    if let (Some(f), Some(t)) = (&from, &to) {
        if f > t {
            return Err(format!("the date range ends ({t}) before it starts ({f})"));
        }
    }
    if let Some(f) = from {
        let n = param(f, &mut params);
        conds.push(format!("substr(COALESCE(e.date, d.date), 1, 10) >= ?{n}"));
    }
    if let Some(t) = to {
        let n = param(t, &mut params);
        conds.push(format!("substr(COALESCE(e.date, d.date), 1, 10) <= ?{n}"));
    }
    if let Some(lang) = &filter.lang {
        let l = dyad_nlp::Lang::from_code(lang)
            .ok_or_else(|| format!("unknown language '{lang}': ru, bg, uk, en, mk, sr or be"))?;
        let n = param(l.code().to_string(), &mut params);
        conds.push(format!("d.lang = ?{n}"));
    }
    if let Some(text) = &filter.text {
        let expr = crate::search::match_expr(text)
            .ok_or_else(|| format!("the text filter '{text}' has no word to search for"))?;
        let n = param(expr, &mut params);
        conds.push(format!(
            "e.doc_id IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?{n})"
        ));
    }
    if let Some(id) = filter.doc_id {
        params.push(Value::Integer(id));
        conds.push(format!("e.doc_id = ?{}", params.len()));
    }
    let clause = if conds.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conds.join(" AND "))
    };
    Ok((clause, params))
}

/// A dyad written `A,B` (two actors, ids or codes).
pub fn parse_dyad(s: &str) -> Result<(String, String), String> {
    s.split_once(',')
        .map(|(a, b)| (a.trim(), b.trim()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty() && !b.contains(','))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .ok_or_else(|| format!("dyad '{s}': expected two actors as A,B"))
}

/// Checks every value of `filter` (type, quad class, dates, language,
/// text, actors) without reading the store: the error [`events`] would
/// give.
pub fn check_filter(filter: &EventFilter) -> Result<(), String> {
    build_where(filter).map(|_| ())
}

/// Adds a text parameter; returns its number.
fn param(v: String, params: &mut Vec<Value>) -> usize {
    params.push(Value::Text(v));
    params.len()
}

fn symmetric_types() -> String {
    let names: Vec<String> = EventType::ALL
        .iter()
        .filter(|t| t.is_symmetric())
        .map(|t| format!("'{}'", t.as_str()))
        .collect();
    names.join(", ")
}

/// An actor given on the command line: trimmed, ids and codes are upper
/// case in the store.
fn party(s: &str, what: &str) -> Result<String, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err(format!(
            "empty {what}: give a dictionary id or a country/organisation code"
        ));
    }
    Ok(s.to_ascii_uppercase())
}

/// `s` if it is a real calendar day written `YYYY-MM-DD`.
fn check_date(s: &str, which: &str) -> Result<String, String> {
    let s = s.trim();
    dyad_core::calendar::parse_day(s)
        .map(|_| s.to_string())
        .ok_or_else(|| format!("bad {which} date '{s}': expected a day as YYYY-MM-DD"))
}

fn codes(s: String) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRow> {
    let quad: i64 = r.get(5)?;
    let kind: String = r.get(3)?;
    let recipients = codes(r.get(9)?);
    let start: Option<i64> = r.get(21)?;
    let end: Option<i64> = r.get(22)?;
    let sentence_span = match (start, end) {
        (Some(s), Some(e)) if e > s && s >= 0 => Some(CharSpan {
            start: usize::try_from(s).unwrap_or(0),
            end: usize::try_from(e).unwrap_or(0),
        }),
        _ => None,
    };
    Ok(EventRow {
        id: r.get(0)?,
        doc_id: r.get(20)?,
        doc: r.get(1)?,
        date: r.get(2)?,
        symmetric: symmetric(&kind, &recipients),
        kind,
        mode: r.get(4)?,
        quad: u8::try_from(quad).unwrap_or(0),
        score: r.get(6)?,
        confidence: r.get(7)?,
        actors: codes(r.get(8)?),
        recipients,
        actor_ids: codes(r.get(10)?),
        recipient_ids: codes(r.get(11)?),
        context: codes(r.get(12)?),
        evidence: r.get(13)?,
        sentence: r.get(23)?,
        sentence_span,
        url: r.get(14)?,
        lang: r.get(15)?,
        title: r.get(16)?,
        story_id: r.get(17)?,
        num_articles: r.get(18)?,
        num_sources: r.get(19)?,
    })
}

/// Column widths of the table, in characters.
const W_ID: usize = 6;
const W_DATE: usize = 10;
const W_TYPE: usize = 9;
const W_PARTIES: usize = 22;
/// The sides' column when it shows names next to the codes.
const W_NAMED_PARTIES: usize = 46;
const W_SCORE: usize = 5;
const W_ARTICLES: usize = 4;
const W_EVIDENCE: usize = 64;

/// A fixed-width table of `rows`: event id, document id (the row ids of
/// `/api/documents/{id}` and the exports), date, type, actors → recipients
/// (↔ for a symmetric event), score, articles of its story, evidence cut
/// to fit. Widths count characters, so Cyrillic lines up like Latin.
pub fn render_table(rows: &[EventRow]) -> String {
    render_table_with(rows, &|_| None)
}

/// What names an actor in a table: its readable name by dictionary id.
pub type Namer<'a> = dyn Fn(&str) -> Option<String> + 'a;

/// One side of an event: its members' codes, each after its readable
/// name ("Vladimir Putin (RUS)") when `name` knows the actor behind it.
fn side(codes: &[String], ids: &[String], name: &Namer<'_>) -> Vec<String> {
    codes
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let id = ids.get(i).unwrap_or(code);
            match name(id) {
                Some(n) if n != *code => format!("{n} ({code})"),
                _ => code.clone(),
            }
        })
        .collect()
}

/// [`render_table`] with the sides named by `name` (the command line
/// passes the actor dictionary's English names), in a wider column.
pub fn render_table_with(rows: &[EventRow], name: &Namer<'_>) -> String {
    let named = rows
        .iter()
        .flat_map(|r| r.actor_ids.iter().chain(&r.recipient_ids))
        .any(|id| name(id).is_some());
    let w_parties = if named { W_NAMED_PARTIES } else { W_PARTIES };
    let w_evidence = W_EVIDENCE + W_PARTIES - w_parties;
    let mut out = String::new();
    out.push_str(&format!("{:>W_ID$}  {:>W_ID$}  ", "event", "doc"));
    out.push_str(&cell("date", W_DATE));
    out.push_str("  ");
    out.push_str(&cell("type", W_TYPE));
    out.push_str("  ");
    out.push_str(&cell("actors → recipients", w_parties));
    out.push_str(&format!(
        "  {:>W_SCORE$}  {:>W_ARTICLES$}  ",
        "score", "arts"
    ));
    out.push_str("evidence\n");
    let rule =
        2 * (W_ID + 2) + W_DATE + W_TYPE + w_parties + W_SCORE + W_ARTICLES + 5 * 2 + w_evidence;
    out.push_str(&"─".repeat(rule));
    out.push('\n');
    for row in rows {
        let actors = side(&row.actors, &row.actor_ids, name);
        let recipients = side(&row.recipients, &row.recipient_ids, name);
        let parties = if row.is_symmetric() {
            actors.join(" ↔ ")
        } else if recipients.is_empty() {
            actors.join(",")
        } else {
            format!("{} → {}", actors.join(","), recipients.join(","))
        };
        let score = format!("{:>w$.1}", row.score, w = W_SCORE);
        let articles = row
            .num_articles
            .map_or_else(|| "-".to_string(), |n| n.to_string());
        let evidence: String = row
            .evidence
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        out.push_str(&format!("{:>W_ID$}  {:>W_ID$}  ", row.id, row.doc_id));
        out.push_str(&cell(row.date.as_deref().unwrap_or("-"), W_DATE));
        out.push_str("  ");
        out.push_str(&cell(&row.kind, W_TYPE));
        out.push_str("  ");
        out.push_str(&cell(&parties, w_parties));
        out.push_str("  ");
        out.push_str(&cell(&score, W_SCORE));
        out.push_str("  ");
        out.push_str(&format!("{articles:>W_ARTICLES$}"));
        out.push_str("  ");
        out.push_str(fit(&evidence, w_evidence).trim_end());
        out.push('\n');
    }
    out
}

/// `s` cut to `width` characters (ending in … when cut).
fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `s` cut or padded with spaces to exactly `width` characters.
fn cell(s: &str, width: usize) -> String {
    let mut out = fit(s, width);
    let n = out.chars().count();
    out.extend(std::iter::repeat_n(' ', width - n));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real_days() {
        assert!(check_date("2024-02-29", "from").is_ok());
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-1-01",
            "24-01-01",
            "2024/01/01",
            "2024-01-0x",
            "2024-01-01T00",
        ] {
            let err = check_date(bad, "from").unwrap_err();
            assert!(err.contains(bad) && err.contains("from"), "{err}");
        }
    }

    #[test]
    fn cells_count_characters() {
        assert_eq!(cell("Санкции", 10).chars().count(), 10);
        assert_eq!(cell("переговорах с президентом", 10), "переговор…");
    }
}
