//! Opening `--db`: another application's SQLite file is refused and left
//! byte for byte as it was (no dyad tables, no WAL switch, no -wal or
//! -shm file); an empty file becomes a store; a store reopens.

use std::path::Path;

use dyad_store::{schema, Store};
use rusqlite::Connection;

fn bytes_and_siblings(path: &Path) -> (Vec<u8>, Vec<String>) {
    let mut names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    (std::fs::read(path).unwrap(), names)
}

/// A notes application's database: one table, one row, `journal_mode`
/// as given.
fn notes_db(path: &Path, journal: &str) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA journal_mode={journal};
         CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
         INSERT INTO notes (body) VALUES ('buy milk');"
    ))
    .unwrap();
}

#[test]
fn another_applications_database_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    notes_db(&path, "DELETE");
    let before = bytes_and_siblings(&path);
    for err in [
        Store::open(&path).err().unwrap(),
        schema::open_read_only(&path).unwrap_err(),
    ] {
        assert!(
            err.contains("notes.db") && err.contains("not a dyad store") && err.contains("notes"),
            "{err}"
        );
    }
    assert_eq!(bytes_and_siblings(&path), before);
}

#[test]
fn a_database_in_wal_mode_or_of_another_application_id_is_refused_unopened() {
    let dir = tempfile::tempdir().unwrap();
    let wal = dir.path().join("wal.db");
    notes_db(&wal, "WAL");
    let other = dir.path().join("other.db");
    notes_db(&other, "DELETE");
    Connection::open(&other)
        .unwrap()
        .execute_batch("PRAGMA application_id = 42")
        .unwrap();
    let before = (bytes_and_siblings(&wal), bytes_and_siblings(&other));
    let err = Store::open(&wal).err().unwrap();
    assert!(err.contains("WAL mode"), "{err}");
    let err = Store::open(&other).err().unwrap();
    assert!(err.contains("application id 0x2a"), "{err}");
    assert_eq!(
        (bytes_and_siblings(&wal), bytes_and_siblings(&other)),
        before
    );
}

#[test]
fn an_empty_file_becomes_a_store_marked_as_dyads_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    std::fs::write(&path, b"").unwrap();
    drop(Store::open(&path).unwrap());
    // The marks are in the file's own header, not only in its log.
    let header = std::fs::read(&path).unwrap();
    assert_eq!(&header[68..72], &schema::APPLICATION_ID.to_be_bytes());
    assert_eq!(
        i64::from(u32::from_be_bytes(header[60..64].try_into().unwrap())),
        schema::SCHEMA_VERSION
    );
    Store::open(&path).unwrap();
    schema::open_read_only(&path).unwrap();
}

#[test]
fn a_store_of_another_schema_version_is_refused_with_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    drop(Store::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 7")
        .unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(
        err.contains("version 7") && err.contains("version 2"),
        "{err}"
    );
}
