//! Filling a store with plain SQL for the query and export tests: a
//! document row, and an event's sides as codes, ids and party rows.
#![allow(dead_code)]

use rusqlite::{params, Connection};

/// One side of an event: (code, dictionary id) of each member.
pub type Side<'a> = &'a [(&'a str, &'a str)];

/// The side's codes, space-separated, as `events.actors` holds them.
pub fn codes(side: Side<'_>) -> String {
    side.iter().map(|p| p.0).collect::<Vec<_>>().join(" ")
}

/// The side's dictionary ids, space-separated.
pub fn ids(side: Side<'_>) -> String {
    side.iter().map(|p| p.1).collect::<Vec<_>>().join(" ")
}

/// A document row (its source is the URL's host); returns its id.
pub fn insert_doc(
    conn: &Connection,
    doc: &str,
    lang: &str,
    date: Option<&str>,
    url: &str,
    title: Option<&str>,
    text: &str,
) -> i64 {
    conn.execute(
        "INSERT INTO documents (doc, hash, url, source, lang, title, date, text, ingested_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '2024-05-01T10:00:00Z')",
        params![
            doc,
            // The content is the identity: the id keeps test texts apart.
            dyad_store::content_hash(format!("{doc}\n{text}").as_bytes()),
            url,
            url.split('/').nth(2),
            lang,
            title,
            date,
            text
        ],
    )
    .unwrap();
    conn.last_insert_rowid()
}

/// The `event_parties` rows of event `id`.
pub fn insert_parties(conn: &Connection, id: i64, actors: Side<'_>, recipients: Side<'_>) {
    for (side, members) in [("a", actors), ("r", recipients)] {
        for (code, actor_id) in members {
            conn.execute(
                "INSERT INTO event_parties (event_id, side, code, actor_id) VALUES (?1, ?2, ?3, ?4)",
                params![id, side, code, actor_id],
            )
            .unwrap();
        }
    }
}
