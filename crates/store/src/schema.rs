//! The database schema and opening a store: WAL journal (readers never
//! block the writer, a killed writer loses at most its open transaction),
//! foreign keys with cascading deletes (re-coding a document replaces its
//! rows), an application id and a schema version checked before anything
//! is written (`identify`), and reading on a read-only filesystem.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::identify::{identify, Found};

/// Bumped whenever the tables change; a store of another version is
/// refused with a clear message rather than misread. Version 2: documents
/// are told apart by their content, and `sources` keeps where each was
/// read.
pub const SCHEMA_VERSION: i64 = 2;

/// `PRAGMA application_id` of every dyad store: "dyad" in ASCII.
pub const APPLICATION_ID: u32 = 0x6479_6164;

pub const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS documents (
    id          INTEGER PRIMARY KEY,
    doc         TEXT NOT NULL,          -- the record's `doc` id where it was first read
    hash        TEXT NOT NULL UNIQUE,   -- its identity: `content_hash` of the content as read
    url         TEXT,
    source      TEXT,                   -- URL host, else the document's top folder
    lang        TEXT,
    title       TEXT,
    date        TEXT,                   -- publication date, YYYY-MM-DD
    text        TEXT NOT NULL,          -- the text offsets point into
    error       TEXT,
    blocks      TEXT NOT NULL DEFAULT '[]', -- JSON: the record's blocks (character offsets into text)
    mentions    TEXT NOT NULL DEFAULT '[]', -- JSON: the record's mentions; one column, not a row
                                        -- each, keeps ingest fast (about 15 per article)
    simhash     INTEGER,                -- 64-bit SimHash of the kept blocks' words
    dup_of      INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    ingested_at TEXT NOT NULL           -- RFC 3339, UTC
);
CREATE INDEX IF NOT EXISTS documents_dup_of ON documents(dup_of);
CREATE INDEX IF NOT EXISTS documents_doc ON documents(doc);

-- Where each document was read: one row per place, pointing to the
-- content last read there. The key is unique across arguments and runs.
-- Deferred, so that a document re-coded after an error can be deleted and
-- stored again under its id while its sources wait.
CREATE TABLE IF NOT EXISTS sources (
    id         INTEGER PRIMARY KEY,
    source     TEXT NOT NULL UNIQUE,    -- canonical absolute path (`#N`: the N-th document
                                        -- of a WARC or JSON Lines file), else URL, else id
    doc_id     INTEGER NOT NULL REFERENCES documents(id) DEFERRABLE INITIALLY DEFERRED,
    doc        TEXT NOT NULL,           -- the record's `doc` id as read there
    url        TEXT,
    first_seen TEXT NOT NULL,           -- RFC 3339, UTC
    last_seen  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sources_doc ON sources(doc_id);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);

CREATE TABLE IF NOT EXISTS stories (
    id           INTEGER PRIMARY KEY,
    type         TEXT NOT NULL,
    actors       TEXT NOT NULL,         -- sorted codes, space-separated
    recipients   TEXT NOT NULL,         -- sorted codes, space-separated ('' when symmetric)
    quad         INTEGER NOT NULL,
    score        REAL NOT NULL,
    first_date   TEXT,                  -- the earliest event date (else document date)
    last_date    TEXT,
    first_seen   TEXT,                  -- ingested_at of its first and last document
    last_seen    TEXT,
    num_articles INTEGER NOT NULL DEFAULT 0,  -- distinct articles, reprints counted once
    num_sources  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS stories_key ON stories(type, actors, recipients);

CREATE TABLE IF NOT EXISTS events (
    id            INTEGER PRIMARY KEY,
    doc_id        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    story_id      INTEGER REFERENCES stories(id) ON DELETE SET NULL,
    type          TEXT NOT NULL,
    mode          TEXT,
    quad          INTEGER NOT NULL,
    score         REAL NOT NULL,
    confidence    REAL NOT NULL,
    actors        TEXT NOT NULL,        -- codes in record order, space-separated
    recipients    TEXT NOT NULL,
    actor_ids     TEXT NOT NULL,
    recipient_ids TEXT NOT NULL,
    context       TEXT NOT NULL,
    date          TEXT,
    sent_start    INTEGER,
    sent_end      INTEGER,
    evidence      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_story ON events(story_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_date ON events(date);

-- One row per side member of an event, for filters by actor and dyad.
CREATE TABLE IF NOT EXISTS event_parties (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    side     TEXT NOT NULL,             -- 'a' actor, 'r' recipient
    code     TEXT NOT NULL,
    actor_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_parties_code ON event_parties(code, side);
CREATE INDEX IF NOT EXISTS event_parties_event ON event_parties(event_id);


-- Full-text search over the stems of the title and of the kept text
-- (rowid = documents.id), ranked by bm25 with the title weighted up
-- (`search`). A plain FTS5 table with the default detail: every option it
-- uses is older than SQLite 3.9, so the SQLite that Debian and Python ship
-- reads it (the contentless-delete option needs 3.43). Stems are already
-- lower case and normalised and separated by spaces, so the plain `ascii`
-- tokenizer (non-ASCII letters are word characters) splits them as well as
-- `unicode61` would, for a fraction of the cost.
CREATE VIRTUAL TABLE IF NOT EXISTS doc_fts USING fts5(title, stems, tokenize='ascii');
"#;

/// Opens (creating when missing or empty) the store at `path`. Anything
/// else there (another application's database, an older store) is refused
/// before a byte of it is written.
pub fn open(path: &Path) -> Result<Connection, String> {
    let found = identify(path)?;
    let conn =
        Connection::open(path).map_err(|e| format!("{}: cannot open: {e}", path.display()))?;
    prepare(&conn, found).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(conn)
}

/// An in-memory store (tests).
pub fn open_in_memory() -> Result<Connection, String> {
    let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
    prepare(&conn, Found::Nothing)?;
    Ok(conn)
}

/// An existing store opened read-only (`dyad query`, `dyad serve`):
/// refused with a clear message when the file is missing or not a dyad
/// store of this version. Waits on a writer's lock as [`open`] does. On a
/// read-only filesystem, where SQLite cannot create the `-shm` file a WAL
/// database is read with, a store without a pending write-ahead log is
/// read as immutable.
pub fn open_read_only(path: &Path) -> Result<Connection, String> {
    must_exist(path)?;
    if identify(path)? != Found::Store {
        return Err(format!(
            "{}: not a dyad store (an empty file)",
            path.display()
        ));
    }
    let shown = path.display();
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| format!("{shown}: cannot open: {e}"))?;
    wait_on_writers(&conn)?;
    let Err(e) = readable(&conn) else {
        return Ok(conn);
    };
    if pending_log(path) {
        return Err(format!(
            "{shown}: cannot read: {e} (its write-ahead log {shown}-wal needs a -shm file beside it; if the directory is read-only, copy the store, -wal included, to a writable one)"
        ));
    }
    let conn = open_immutable(path).map_err(|e2| format!("{shown}: cannot read: {e}; {e2}"))?;
    readable(&conn).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    Ok(conn)
}

/// An existing store opened to be read by one command (`dyad query`,
/// `search`, `export`): read-write when it can be, so that closing it
/// folds its write-ahead log back and leaves no `-wal` or `-shm` file
/// (a read-only connection cannot), else as [`open_read_only`]. Refused as
/// that one refuses; nothing is written either way.
pub fn open_for_reading(path: &Path) -> Result<Connection, String> {
    must_exist(path)?;
    if identify(path)? == Found::Store {
        let writable = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        );
        if let Ok(conn) = writable {
            if wait_on_writers(&conn).is_ok() && readable(&conn).is_ok() {
                return Ok(conn);
            }
        }
    }
    open_read_only(path)
}

/// Whether the store can be read: the first read is where SQLite opens
/// (or fails to create) the WAL index.
fn readable(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
}

/// Whether `path` has a write-ahead log with commits not yet copied into
/// the database: reading it as immutable would miss them.
fn pending_log(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

/// The store read as a file nobody changes (`immutable=1`): no locks, no
/// `-shm`, so it reads on a read-only filesystem.
fn open_immutable(path: &Path) -> rusqlite::Result<Connection> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for &b in absolute.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI,
    )
}

/// Reading never creates a store: `path` must be a file.
pub fn must_exist(path: &Path) -> Result<(), String> {
    if path.is_file() {
        return Ok(());
    }
    Err(format!(
        "{}: no such store (run `dyad ingest PATH --db {}` first)",
        path.display(),
        path.display()
    ))
}

/// Another process may be writing (an ingest while a query runs): wait
/// for its transaction instead of failing at once.
fn wait_on_writers(conn: &Connection) -> Result<(), String> {
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .map_err(|e| e.to_string())
}

fn prepare(conn: &Connection, found: Found) -> Result<(), String> {
    // Plans stay as prepared: without this, SQLite re-prepares a cached
    // statement whenever a bound value might change its plan (the bundled
    // build has STAT4), which costs ingest several percent.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )
    .map_err(|e| e.to_string())?;
    wait_on_writers(conn)?;
    conn.execute_batch("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")
        .map_err(|e| e.to_string())?;
    if found == Found::Store {
        // An existing store: opening it writes nothing.
        return Ok(());
    }
    // The tables, the application id and the version are written in one
    // transaction before WAL is switched on, so the file's own header
    // marks it as a dyad store from the first moment (`identify` reads
    // the header, not the log).
    conn.execute_batch(&format!(
        "BEGIN;
         {SCHEMA}
         PRAGMA application_id={APPLICATION_ID};
         PRAGMA user_version={SCHEMA_VERSION};
         COMMIT;"
    ))
    .map_err(|e| format!("cannot create the tables: {e}"))?;
    conn.execute_batch("PRAGMA journal_mode=WAL;")
        .map_err(|e| e.to_string())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_store_has_every_table_and_fts5_with_its_version() {
        let conn = open_in_memory().unwrap();
        for table in ["documents", "stories", "events", "event_parties", "doc_fts"] {
            let n: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE name = ?1",
                    [table],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(n, 1, "{table}");
        }
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        conn.execute(
            "INSERT INTO doc_fts(rowid, stems) VALUES (1, 'путин переговор')",
            [],
        )
        .unwrap();
        let hit: i64 = conn
            .query_row(
                "SELECT rowid FROM doc_fts WHERE doc_fts MATCH 'переговор'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hit, 1);
    }

    #[test]
    fn a_file_that_is_not_a_store_is_refused_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(
            &path,
            b"this is not sqlite at all, just text that goes on and on",
        )
        .unwrap();
        let err = open(&path).unwrap_err();
        assert!(err.contains("notes.db"), "{err}");
    }
}
