//! Telling a dyad store from any other file before anything is written to
//! it: the 100-byte SQLite header is read as plain bytes (its
//! `application_id` marks dyad stores, its `user_version` is the schema
//! version), so another application's database given as `--db` is refused
//! with nothing changed, not even its journal mode.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::schema::{APPLICATION_ID, SCHEMA_VERSION};

/// What is at a store's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// No file, or an empty one: a store may be created there.
    Nothing,
    /// A dyad store of this version.
    Store,
}

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

fn be32(header: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
}

/// What `path` holds; an error (naming the file and saying that it was
/// left unchanged) for anything but nothing or a dyad store of this
/// version.
pub fn identify(path: &Path) -> Result<Found, String> {
    let shown = path.display();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(e) => return Err(format!("{shown}: cannot open: {e}")),
    };
    if meta.is_dir() {
        return Err(format!("{shown}: is a directory, not a dyad store"));
    }
    if meta.len() == 0 {
        return Ok(Found::Nothing);
    }
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path)
        .and_then(|f| f.take(100).read_to_end(&mut header))
        .map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let refused = |what: &str| {
        Err(format!(
            "{shown}: not a dyad store ({what}); dyad left it unchanged: give --db a new file or a store dyad made"
        ))
    };
    if header.len() < 100 || !header.starts_with(MAGIC) {
        return refused("not a SQLite database");
    }
    let application_id = be32(&header, 68);
    let version = i64::from(be32(&header, 60));
    if application_id == APPLICATION_ID {
        if version == SCHEMA_VERSION {
            return Ok(Found::Store);
        }
        return Err(format!(
            "{shown}: store schema version {version}, this dyad reads version {SCHEMA_VERSION}; dyad left it unchanged"
        ));
    }
    if application_id != 0 {
        return refused(&format!(
            "a SQLite database of application id {application_id:#x}"
        ));
    }
    // Bytes 18 and 19 are 2 in WAL mode: opening such a file, even
    // read-only, may create its -wal and -shm files, so it is not opened.
    if header[18] == 2 {
        if version == 1 {
            return Err(format!(
                "{shown}: not a store of this dyad; if an older dyad made it (schema 1, which told documents apart by their path relative to the argument), ingest again into a new store (`dyad ingest PATH... --db NEW.db`); dyad left it unchanged"
            ));
        }
        return refused("a SQLite database in WAL mode");
    }
    match tables(path) {
        Ok(t) if t.is_empty() => Ok(Found::Nothing),
        Ok(t) => refused(&format!("a SQLite database with tables {}", t.join(", "))),
        Err(e) => refused(&format!("a SQLite database dyad cannot read: {e}")),
    }
}

/// The tables of a database in rollback-journal mode, read without
/// writing anything.
fn tables(path: &Path) -> rusqlite::Result<Vec<String>> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let mut stmt =
        conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?;
    let names = stmt.query_map([], |r| r.get(0))?;
    names.collect()
}
