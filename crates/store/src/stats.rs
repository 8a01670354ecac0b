//! What a store holds, at a glance: its row counts, the span of days its
//! events cover, and its documents per language and events per type.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;

use crate::ingest::{counts, Counts};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    #[serde(flatten)]
    pub counts: Counts,
    /// The first and last event day (the event's date, else its
    /// document's), `YYYY-MM-DD`; `None` when no event has a day.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Documents per language code (documents without one under `""`).
    pub languages: BTreeMap<String, i64>,
    /// Events per PLOVER type.
    pub types: BTreeMap<String, i64>,
}

pub fn stats(conn: &Connection) -> Result<Stats, String> {
    let err = |e: rusqlite::Error| format!("stats: {e}");
    let (first_date, last_date) = conn
        .query_row(
            "SELECT min(day), max(day) FROM (SELECT date(substr(COALESCE(e.date, d.date), 1, 10)) AS day \
             FROM events e JOIN documents d ON d.id = e.doc_id) WHERE day IS NOT NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(err)?;
    Ok(Stats {
        counts: counts(conn)?,
        first_date,
        last_date,
        languages: tally(
            conn,
            "SELECT coalesce(lang, ''), count(*) FROM documents GROUP BY 1",
        )
        .map_err(err)?,
        types: tally(conn, "SELECT type, count(*) FROM events GROUP BY 1").map_err(err)?,
    })
}

fn tally(conn: &Connection, sql: &str) -> rusqlite::Result<BTreeMap<String, i64>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}
