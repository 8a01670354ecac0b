//! Putting coded documents into the store: one document at a time inside
//! transactions of at most `batch` documents, so a killed ingest loses at
//! most the open batch and leaves a consistent database. A document is
//! its content (`content_hash`): content already stored is not stored
//! again, only the place it was read at (`sources`) is added; a place whose
//! content changed points to the new content, and the old content goes
//! (its rows cascade away, its stories are recounted) when no place points
//! to it any more. A document stored with an error is coded again the
//! next time it is read.

use std::collections::HashSet;
use std::path::Path;

use dyad_core::Record;
use rusqlite::{params, Connection, OptionalExtension};

use crate::sources::{self, Pointed, Source};
use crate::{neardup, schema, stories};

/// A document ready to store: its record and what the record does not
/// carry.
#[derive(Clone, Debug)]
pub struct StoredDoc {
    pub record: Record,
    /// The text the record's offsets point into.
    pub text: String,
    /// `content_hash` of the document as read: its identity in the store.
    pub hash: String,
    /// The stems of the kept text's words, in order, space-separated
    /// (search, SimHash).
    pub stems: String,
    /// The stems of the title's words, the same way (search ranks a match
    /// in the title higher).
    pub title_stems: String,
}

/// What storing a document did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// New content, read at a new place.
    Added,
    /// A known place now holds other content (new or already stored): it
    /// points to that, and the old content went if nothing else held it.
    Replaced,
    /// Content stored with an error, coded again and stored anew.
    Retried,
    /// Content already stored, read at a new place: a source was added.
    NewSource,
    /// The same content at the same place: nothing but its last sighting
    /// changed.
    Unchanged,
}

/// Row counts of a store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub documents: i64,
    /// The places documents were read at (at least one per document).
    pub sources: i64,
    /// Documents stored with an error (coded again when next read).
    pub errors: i64,
    pub duplicates: i64,
    pub mentions: i64,
    pub events: i64,
    pub stories: i64,
}

/// FNV-1a 128 of content, fed in parts, as 32 hex digits: stable across
/// runs and builds, and with 128 bits no two texts of any real collection
/// share one (it is the document's identity, not only a change check).
#[derive(Clone, Copy, Debug)]
pub struct ContentHasher(u128);

impl Default for ContentHasher {
    fn default() -> Self {
        ContentHasher(0x6c62_272e_07bb_0142_62b8_2175_6295_c58d)
    }
}

impl ContentHasher {
    pub fn feed(mut self, bytes: &[u8]) -> Self {
        // The FNV-128 prime is 2^88 + 0x13b.
        for &b in bytes {
            self.0 ^= u128::from(b);
            self.0 = (self.0 << 88).wrapping_add(self.0.wrapping_mul(0x13b));
        }
        self
    }

    pub fn finish(self) -> String {
        format!("{:032x}", self.0)
    }
}

/// [`ContentHasher`] of one byte string.
pub fn content_hash(bytes: &[u8]) -> String {
    ContentHasher::default().feed(bytes).finish()
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
             CREATE TEMP TABLE IF NOT EXISTS fts_pending (rowid INTEGER PRIMARY KEY, title TEXT NOT NULL, stems TEXT NOT NULL)",
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

    /// The content hashes of the documents stored without an error: read
    /// at any place, such content needs no coding (errored documents are
    /// coded again).
    pub fn done_hashes(&self) -> Result<HashSet<String>, String> {
        let mut stmt = self
            .conn
            .prepare("SELECT hash FROM documents WHERE error IS NULL")
            .map_err(|e| e.to_string())?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| e.to_string())?;
        rows.collect::<Result<_, _>>().map_err(|e| e.to_string())
    }

    /// Stores one coded document read at `source` (see the module docs);
    /// commits when the batch is full.
    pub fn put(
        &mut self,
        doc: &StoredDoc,
        source: &Source,
        ingested_at: &str,
    ) -> Result<Outcome, String> {
        self.write(|conn, hashes, touched| put_doc(conn, hashes, touched, doc, source, ingested_at))
            .map_err(|e| format!("{}: cannot store: {e}", source.key))
    }

    /// Records that content `hash`, stored without an error, was read at
    /// `source`, without coding it again. `None` (nothing written) when
    /// that content is not stored so (any more): it must be coded and
    /// given to [`Store::put`].
    pub fn put_known(
        &mut self,
        hash: &str,
        source: &Source,
        ingested_at: &str,
    ) -> Result<Option<Outcome>, String> {
        self.write(|conn, hashes, touched| match stored(conn, hash)? {
            Some((id, false)) => point_source(
                conn,
                hashes,
                touched,
                source,
                id,
                Content::Known,
                ingested_at,
            )
            .map(Some),
            _ => Ok(None),
        })
        .map_err(|e| format!("{}: cannot store: {e}", source.key))
    }

    /// Runs one document's writes inside the open batch.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&Connection, &mut neardup::HashIndex, &mut Vec<i64>) -> rusqlite::Result<T>,
    ) -> Result<T, String> {
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
        let outcome = f(&self.conn, hashes, &mut self.touched).map_err(|e| e.to_string())?;
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
                    "INSERT INTO doc_fts (rowid, title, stems) SELECT rowid, title, stems FROM temp.fts_pending;
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
        sources: n("SELECT count(*) FROM sources")?,
        errors: n("SELECT count(*) FROM documents WHERE error IS NOT NULL")?,
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

/// Whether the content is new to the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Content {
    New,
    Known,
    /// Stored with an error before, stored anew now.
    Retried,
}

/// The stored document of content `hash`: its id and whether it carries
/// an error.
fn stored(conn: &Connection, hash: &str) -> rusqlite::Result<Option<(i64, bool)>> {
    conn.prepare_cached("SELECT id, error IS NOT NULL FROM documents WHERE hash = ?1")?
        .query_row([hash], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()
}

fn put_doc(
    conn: &Connection,
    hashes: &mut neardup::HashIndex,
    touched: &mut Vec<i64>,
    doc: &StoredDoc,
    source: &Source,
    ingested_at: &str,
) -> rusqlite::Result<Outcome> {
    let (id, content) = match stored(conn, &doc.hash)? {
        // Coded meanwhile (the same content read twice in one run):
        // this coding is not needed.
        Some((id, false)) => (id, Content::Known),
        Some((id, true)) => {
            // Its sources keep pointing to `id` (the foreign key is
            // deferred), which the new coding takes again.
            touched.extend(delete_doc(conn, hashes, id)?);
            insert_doc(conn, hashes, touched, doc, Some(id), ingested_at)?;
            (id, Content::Retried)
        }
        None => (
            insert_doc(conn, hashes, touched, doc, None, ingested_at)?,
            Content::New,
        ),
    };
    point_source(conn, hashes, touched, source, id, content, ingested_at)
}

/// Points `source` to document `id` and drops the content it pointed to
/// before if no other place holds it.
fn point_source(
    conn: &Connection,
    hashes: &mut neardup::HashIndex,
    touched: &mut Vec<i64>,
    source: &Source,
    id: i64,
    content: Content,
    ingested_at: &str,
) -> rusqlite::Result<Outcome> {
    let pointed = sources::point(conn, source, id, ingested_at)?;
    if let Pointed::Moved(old) = pointed {
        if sources::is_orphan(conn, old)? {
            touched.extend(delete_doc(conn, hashes, old)?);
        }
    }
    Ok(match (content, pointed) {
        (_, Pointed::Moved(_)) => Outcome::Replaced,
        (Content::Retried, _) => Outcome::Retried,
        (Content::New, _) => Outcome::Added,
        (Content::Known, Pointed::New) => Outcome::NewSource,
        (Content::Known, Pointed::Same) => Outcome::Unchanged,
    })
}

/// Inserts a coded document with its events, search row and reprint
/// link (under `id` when given); returns its id.
fn insert_doc(
    conn: &Connection,
    hashes: &mut neardup::HashIndex,
    touched: &mut Vec<i64>,
    doc: &StoredDoc,
    id: Option<i64>,
    ingested_at: &str,
) -> rusqlite::Result<i64> {
    let r = &doc.record;
    // The original this is a reprint of, looked up before the document
    // itself is stored (0 is no document's id).
    let simhash = neardup::simhash(doc.stems.split(' ').filter(|w| !w.is_empty()));
    let original = match simhash {
        Some(h) => neardup::find_original(conn, hashes, id.unwrap_or(0), h)?,
        None => None,
    };
    conn.prepare_cached(
        "INSERT INTO documents (id, doc, hash, url, source, lang, title, date, text, blocks, mentions,
                                error, simhash, dup_of, ingested_at)
         VALUES (?15, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
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
        ingested_at,
        id
    ])?;
    let id = conn.last_insert_rowid();
    let events = insert_parts(conn, id, doc)?;
    if let Some(h) = simhash {
        hashes.insert(id, h);
    }
    if !doc.stems.is_empty() {
        conn.prepare_cached(
            "INSERT INTO temp.fts_pending (rowid, title, stems) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, doc.title_stems, doc.stems])?;
    }
    for e in events {
        touched.push(stories::attach(conn, e)?);
    }
    Ok(id)
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
        // The FNV-1a 128 offset basis, and the published hash of "a".
        assert_eq!(content_hash(b""), "6c62272e07bb014262b821756295c58d");
        assert_eq!(content_hash(b"a"), "d228cb696f1a8caf78912b704e4a8964");
        assert_eq!(
            ContentHasher::default().feed(b"ab").feed(b"c").finish(),
            content_hash(b"abc")
        );
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
