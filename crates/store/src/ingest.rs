//! Putting coded documents into the store: one document at a time inside
//! transactions of at most `batch` documents, so a killed ingest loses at
//! most the open batch and leaves a consistent database; a document whose
//! content hash is already stored under its id is skipped, a changed one
//! replaces the old (its rows cascade away, its stories are recounted).

use std::collections::HashMap;
use std::path::Path;

use dyad_core::Record;
use rusqlite::{params, Connection, OptionalExtension};

use crate::{neardup, schema, stories};

/// A document ready to store: its record and what the record does not
/// carry.
#[derive(Clone, Debug)]
pub struct StoredDoc {
    pub record: Record,
    /// The text the record's offsets point into.
    pub text: String,
    /// `content_hash` of the document as read.
    pub hash: String,
    /// The stems of the kept text's words, in order, space-separated
    /// (search, SimHash).
    pub stems: String,
}

/// What storing a document did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Added,
    /// The id was stored with other content: re-coded and replaced.
    Replaced,
    /// The same content is stored under this id: nothing to do.
    Unchanged,
}

/// Row counts of a store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub documents: i64,
    pub duplicates: i64,
    pub mentions: i64,
    pub events: i64,
    pub stories: i64,
}

/// FNV-1a 64 of a document's bytes, as 16 hex digits: stable across runs
/// and builds.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The store, with an ingest batch possibly open.
pub struct Store {
    conn: Connection,
    batch: usize,
    pending: usize,
    /// The stored documents' SimHashes, for finding reprints: read on the
    /// first `put`, so stores opened only to read never load them.
    hashes: Option<neardup::HashIndex>,
    /// Stories the open batch changed: recounted once, before it commits.
    touched: Vec<i64>,
}

/// Documents per transaction by default.
pub const DEFAULT_BATCH: usize = 200;

impl Store {
    pub fn open(path: &Path) -> Result<Self, String> {
        Store::from_conn(schema::open(path)?)
    }

    pub fn in_memory() -> Result<Self, String> {
        Store::from_conn(schema::open_in_memory()?)
    }

    fn from_conn(conn: Connection) -> Result<Self, String> {
        // Ingest, stories and near-duplicates use a few dozen statements:
        // keep them all prepared (the default cache holds 16).
        conn.set_prepared_statement_cache_capacity(64);
        // Search rows wait here and enter the index in one statement per
        // batch: FTS5 flushes its terms at every statement that writes it.
        // A 64 MB page cache keeps the indexes being written in memory; a
        // WAL of up to 10,000 pages (40 MB) before it is copied into the
        // database halves the writes of a long ingest.
        conn.execute_batch(
            "PRAGMA cache_size = -65536;
             PRAGMA wal_autocheckpoint = 10000;
             CREATE TEMP TABLE IF NOT EXISTS fts_pending (rowid INTEGER PRIMARY KEY, stems TEXT NOT NULL)",
        )
        .map_err(|e| e.to_string())?;
        Ok(Store {
            conn,
            batch: DEFAULT_BATCH,
            pending: 0,
            hashes: None,
            touched: Vec::new(),
        })
    }

    /// Documents per transaction (at least 1).
    pub fn set_batch(&mut self, batch: usize) {
        self.batch = batch.max(1);
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Every stored document id with its content hash, to skip unchanged
    /// documents before coding them.
    pub fn known_hashes(&self) -> Result<HashMap<String, String>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc, hash FROM documents")
            .map_err(|e| e.to_string())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| e.to_string())?;
        rows.collect::<Result<_, _>>().map_err(|e| e.to_string())
    }

    /// Stores one document (see the module docs); commits when the batch
    /// is full.
    pub fn put(&mut self, doc: &StoredDoc, ingested_at: &str) -> Result<Outcome, String> {
        let hashes = match self.hashes.take() {
            Some(h) => h,
            None => neardup::HashIndex::load(&self.conn)
                .map_err(|e| format!("cannot read the stored SimHashes: {e}"))?,
        };
        let hashes = self.hashes.insert(hashes);
        if self.pending == 0 {
            self.conn
                .execute_batch("BEGIN IMMEDIATE")
                .map_err(|e| format!("cannot start a transaction: {e}"))?;
        }
        let outcome = put_doc(&self.conn, hashes, &mut self.touched, doc, ingested_at)
            .map_err(|e| format!("{}: cannot store: {e}", doc.record.doc))?;
        self.pending += 1;
        if self.pending >= self.batch {
            self.commit()?;
        }
        Ok(outcome)
    }

    /// Commits the open batch, if any.
    pub fn commit(&mut self) -> Result<(), String> {
        if self.pending > 0 {
            self.pending = 0;
            self.touched.sort_unstable();
            self.touched.dedup();
            stories::refresh(&self.conn, &self.touched)
                .map_err(|e| format!("cannot count the stories: {e}"))?;
            self.touched.clear();
            self.conn
                .execute_batch(
                    "INSERT INTO doc_fts (rowid, stems) SELECT rowid, stems FROM temp.fts_pending;
                     DELETE FROM temp.fts_pending;
                     COMMIT",
                )
                .map_err(|e| format!("cannot commit: {e}"))?;
        }
        Ok(())
    }

    pub fn counts(&self) -> Result<Counts, String> {
        counts(&self.conn)
    }
}

/// Row counts of the store behind `conn`.
pub fn counts(conn: &Connection) -> Result<Counts, String> {
    let n = |sql: &str| -> Result<i64, String> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(|e| e.to_string())
    };
    Ok(Counts {
        documents: n("SELECT count(*) FROM documents")?,
        duplicates: n("SELECT count(*) FROM documents WHERE dup_of IS NOT NULL")?,
        mentions: n("SELECT coalesce(sum(json_array_length(mentions)), 0) FROM documents")?,
        events: n("SELECT count(*) FROM events")?,
        stories: n("SELECT count(*) FROM stories")?,
    })
}

impl Drop for Store {
    fn drop(&mut self) {
        let _ = self.commit();
    }
}

/// Where a document comes from, for counting sources: its URL's host,
/// else the first folder of its id.
pub fn source_of(doc: &str, url: Option<&str>) -> Option<String> {
    if let Some(url) = url {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit('@').next().unwrap_or(host);
        let host = host
            .split(':')
            .next()
            .unwrap_or(host)
            .trim_start_matches("www.");
        if !host.is_empty() {
            return Some(host.to_ascii_lowercase());
        }
    }
    doc.split_once('/').map(|(dir, _)| dir.to_string())
}

fn put_doc(
    conn: &Connection,
    hashes: &mut neardup::HashIndex,
    touched: &mut Vec<i64>,
    doc: &StoredDoc,
    ingested_at: &str,
) -> rusqlite::Result<Outcome> {
    let r = &doc.record;
    let existing: Option<(i64, String)> = conn
        .prepare_cached("SELECT id, hash FROM documents WHERE doc = ?1")?
        .query_row([&r.doc], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let outcome = match existing {
        Some((_, hash)) if hash == doc.hash => return Ok(Outcome::Unchanged),
        Some((id, _)) => {
            touched.extend(delete_doc(conn, hashes, id)?);
            Outcome::Replaced
        }
        None => Outcome::Added,
    };
    // The original this is a reprint of, looked up before the document
    // itself is stored (0 is no document's id).
    let simhash = neardup::simhash(doc.stems.split(' ').filter(|w| !w.is_empty()));
    let original = match simhash {
        Some(h) => neardup::find_original(conn, hashes, 0, h)?,
        None => None,
    };
    conn.prepare_cached(
        "INSERT INTO documents (doc, hash, url, source, lang, title, date, text, blocks, mentions,
                                error, simhash, dup_of, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        r.doc,
        doc.hash,
        r.url,
        source_of(&r.doc, r.url.as_deref()),
        r.lang,
        r.title,
        r.date,
        doc.text,
        json(&r.blocks),
        json(&r.mentions),
        r.error,
        simhash.map(|h| h as i64),
        original,
        ingested_at
    ])?;
    let id = conn.last_insert_rowid();
    let events = insert_parts(conn, id, doc)?;
    if let Some(h) = simhash {
        hashes.insert(id, h);
    }
    if !doc.stems.is_empty() {
        conn.prepare_cached("INSERT INTO temp.fts_pending (rowid, stems) VALUES (?1, ?2)")?
            .execute(params![id, doc.stems])?;
    }
    for e in events {
        touched.push(stories::attach(conn, e)?);
    }
    Ok(outcome)
}

/// Deletes a document and its rows, and links its reprints to another
/// original if one is stored; returns the stories to recount.
fn delete_doc(
    conn: &Connection,
    hashes: &mut neardup::HashIndex,
    id: i64,
) -> rusqlite::Result<Vec<i64>> {
    let ids = |sql: &str, arg: i64| -> rusqlite::Result<Vec<i64>> {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map([arg], |row| row.get(0))?;
        rows.collect()
    };
    let mut stories = ids(
        "SELECT DISTINCT story_id FROM events WHERE doc_id = ?1 AND story_id IS NOT NULL",
        id,
    )?;
    let reprints = ids("SELECT id FROM documents WHERE dup_of = ?1 ORDER BY id", id)?;
    hashes.remove(id);
    conn.prepare_cached("DELETE FROM doc_fts WHERE rowid = ?1")?
        .execute([id])?;
    conn.prepare_cached("DELETE FROM temp.fts_pending WHERE rowid = ?1")?
        .execute([id])?;
    conn.prepare_cached("DELETE FROM documents WHERE id = ?1")?
        .execute([id])?;
    for r in reprints {
        let h: Option<i64> =
            conn.query_row("SELECT simhash FROM documents WHERE id = ?1", [r], |row| {
                row.get(0)
            })?;
        // In id order: the first reprint left becomes the original of
        // the later ones.
        let original = match h {
            Some(h) => neardup::find_original(conn, hashes, r, h as u64)?.filter(|&o| o < r),
            None => None,
        };
        conn.execute(
            "UPDATE documents SET dup_of = ?1 WHERE id = ?2",
            params![original, r],
        )?;
        stories.extend(ids(
            "SELECT DISTINCT story_id FROM events WHERE doc_id = ?1 AND story_id IS NOT NULL",
            r,
        )?);
    }
    Ok(stories)
}

/// A record's list as a JSON column.
fn json<T: serde::Serialize>(items: &[T]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_string())
}

/// An f32 of the record as the f64 it was written as ("0.7", not
/// 0.699999988).
fn two_places(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

/// Events and their parties; returns the event ids.
fn insert_parts(conn: &Connection, id: i64, doc: &StoredDoc) -> rusqlite::Result<Vec<i64>> {
    let r = &doc.record;
    let mut events = conn.prepare_cached(
        "INSERT INTO events (doc_id, type, mode, quad, score, confidence, actors, recipients,
                             actor_ids, recipient_ids, context, date, sent_start, sent_end, evidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    let mut parties = conn.prepare_cached(
        "INSERT INTO event_parties (event_id, side, code, actor_id) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut ids = Vec::with_capacity(r.events.len());
    for e in &r.events {
        events.execute(params![
            id,
            e.kind.as_str(),
            e.mode,
            i64::from(e.quad),
            two_places(e.score),
            two_places(e.confidence),
            e.actors.join(" "),
            e.recipients.join(" "),
            e.actor_ids.join(" "),
            e.recipient_ids.join(" "),
            e.context.join(" "),
            e.date,
            e.sentence.map(|s| s.start as i64),
            e.sentence.map(|s| s.end as i64),
            e.evidence
        ])?;
        let event = conn.last_insert_rowid();
        ids.push(event);
        for (side, codes, ids) in [
            ("a", &e.actors, &e.actor_ids),
            ("r", &e.recipients, &e.recipient_ids),
        ] {
            for (i, code) in codes.iter().enumerate() {
                let actor = ids.get(i).unwrap_or(code);
                parties.execute(params![event, side, code, actor])?;
            }
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hashes_are_stable_and_sources_come_from_urls_or_folders() {
        assert_eq!(content_hash(b""), "cbf29ce484222325");
        assert_eq!(
            content_hash("Путин".as_bytes()),
            content_hash("Путин".as_bytes())
        );
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert_eq!(
            source_of("x", Some("https://www.Reuters.com/world/article?id=1")).as_deref(),
            Some("reuters.com")
        );
        assert_eq!(source_of("tass/2024/a.txt", None).as_deref(), Some("tass"));
        assert_eq!(source_of("a.txt", None), None);
    }
}
