//! The database schema and opening a store: WAL journal (readers never
//! block the writer, a killed writer loses at most its open transaction),
//! foreign keys with cascading deletes (re-coding a document replaces its
//! rows), and a schema version checked on open.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

/// Bumped whenever the tables change; a store of another version is
/// refused with a clear message rather than misread.
pub const SCHEMA_VERSION: i64 = 1;

pub const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS documents (
    id          INTEGER PRIMARY KEY,
    doc         TEXT NOT NULL UNIQUE,   -- the record's `doc` id
    hash        TEXT NOT NULL,          -- FNV-1a 64 of the text as read, hex
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


-- Full-text search over the stems of the kept text (rowid = documents.id);
-- `detail=none`: words are matched, not phrases. Stems are already lower
-- case and normalised and separated by spaces, so the plain `ascii`
-- tokenizer (non-ASCII letters are word characters) splits them as well as
-- `unicode61` would, for a fraction of the cost.
CREATE VIRTUAL TABLE IF NOT EXISTS doc_fts USING fts5(stems, content='', contentless_delete=1, detail=none,
    tokenize='ascii');
"#;

/// Opens (creating when missing) the store at `path`.
pub fn open(path: &Path) -> Result<Connection, String> {
    let conn =
        Connection::open(path).map_err(|e| format!("{}: cannot open: {e}", path.display()))?;
    prepare(&conn).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(conn)
}

/// An in-memory store (tests).
pub fn open_in_memory() -> Result<Connection, String> {
    let conn = Connection::open_in_memory().map_err(|e| e.to_string())?;
    prepare(&conn)?;
    Ok(conn)
}

/// An existing store opened read-only (`dyad serve`): refused with a
/// clear message when the file is missing or not a dyad store of this
/// version. Waits on a writer's lock as [`open`] does.
pub fn open_read_only(path: &Path) -> Result<Connection, String> {
    must_exist(path)?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| format!("{}: cannot open: {e}", path.display()))?;
    match stored_version(&conn).map_err(|e| format!("{}: {e}", path.display()))? {
        0 => Err(format!(
            "{}: not a dyad store (no tables of dyad's)",
            path.display()
        )),
        _ => {
            wait_on_writers(&conn)?;
            Ok(conn)
        }
    }
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

/// The store's schema version: 0 for a new (empty) database, else
/// [`SCHEMA_VERSION`]; any other version is an error.
fn stored_version(conn: &Connection) -> Result<i64, String> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| format!("not a dyad store: {e}"))?;
    if version != 0 && version != SCHEMA_VERSION {
        return Err(format!(
            "store schema version {version}, this dyad reads version {SCHEMA_VERSION}"
        ));
    }
    Ok(version)
}

/// Another process may be writing (an ingest while a query runs): wait
/// for its transaction instead of failing at once.
fn wait_on_writers(conn: &Connection) -> Result<(), String> {
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .map_err(|e| e.to_string())
}

fn prepare(conn: &Connection) -> Result<(), String> {
    let version = stored_version(conn)?;
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
    if version == SCHEMA_VERSION {
        // An existing store: opening it writes nothing.
        return Ok(());
    }
    conn.execute_batch("PRAGMA journal_mode=WAL;")
        .map_err(|e| e.to_string())?;
    conn.execute_batch(SCHEMA)
        .map_err(|e| format!("cannot create the tables: {e}"))?;
    conn.execute_batch(&format!("PRAGMA user_version={SCHEMA_VERSION}"))
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
