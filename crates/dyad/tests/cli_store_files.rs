//! What `--db` may name (issue 14, defect 6): another application's
//! SQLite file is refused by `dyad ingest` and `dyad query` and left byte
//! for byte as it was, with no journal or WAL file beside it; a store on a
//! filesystem its reader cannot write is read all the same.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};

use dyad_store::Connection;

mod common;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .unwrap()
}

/// The file's bytes and the names in its folder.
fn snapshot(path: &Path) -> (Vec<u8>, Vec<String>) {
    let mut names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    (std::fs::read(path).unwrap(), names)
}

#[test]
fn another_applications_database_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.db");
    Connection::open(&notes)
        .unwrap()
        .execute_batch(
            "PRAGMA journal_mode=DELETE;
             CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
             INSERT INTO notes (body) VALUES ('buy milk');",
        )
        .unwrap();
    let before = snapshot(&notes);
    let db = notes.to_str().unwrap();
    for args in [
        vec!["ingest", "--db", db, EXAMPLES],
        vec!["query", "--db", db],
        vec!["search", "--db", db, "Путин"],
    ] {
        let out = dyad(&args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}: {said}");
        assert!(
            said.contains("notes.db: not a dyad store (a SQLite database with tables notes)")
                && said.contains("left it unchanged"),
            "{args:?}: {said}"
        );
        assert_eq!(snapshot(&notes), before, "{args:?} changed the file");
    }
    let body: String = Connection::open(&notes)
        .unwrap()
        .query_row("SELECT body FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(body, "buy milk");
}

/// Whether these tests run as root (who writes to read-only folders):
/// the owner of a file just written.
fn running_as_root(dir: &Path) -> bool {
    let probe = dir.join("uid-probe");
    std::fs::write(&probe, b"").unwrap();
    let root = std::fs::metadata(&probe).unwrap().uid() == 0;
    std::fs::remove_file(&probe).unwrap();
    root
}

/// `program` run by someone a mode without `w` stops: the caller, or
/// nobody (`setpriv`, util-linux) when the caller is root.
fn as_reader(root: bool, program: &str, args: &[&str]) -> Output {
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
            program,
        ]);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args)
        .output()
        .expect("the reader's command runs (setpriv is needed when tests run as root)")
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_store_in_a_read_only_folder_is_queried() {
    let dir = tempfile::tempdir().unwrap();
    let root = running_as_root(dir.path());
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let db = ro.join("ex.db");
    let out = dyad(&["ingest", "--db", db.to_str().unwrap(), EXAMPLES]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let args = ["query", "--db", db.to_str().unwrap(), "--json"];
    let writable = dyad(&args);
    assert!(writable.status.success());
    assert!(!writable.stdout.is_empty());
    let names = || -> Vec<String> {
        std::fs::read_dir(&ro)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names(), ["ex.db"], "no -wal or -shm left behind");

    set_mode(&db, 0o444);
    set_mode(&ro, 0o555);
    set_mode(dir.path(), 0o755);
    // The reader really cannot create the -shm file SQLite wants.
    let shm = format!("{}-shm", db.display());
    let touch = as_reader(root, "touch", &[&shm]);
    let read_only = as_reader(root, env!("CARGO_BIN_EXE_dyad"), &args);
    set_mode(&ro, 0o755);
    set_mode(&db, 0o644);
    assert!(
        !touch.status.success(),
        "the folder is writable to the reader"
    );
    assert!(
        read_only.status.success(),
        "{}",
        String::from_utf8_lossy(&read_only.stderr)
    );
    assert_eq!(read_only.stdout, writable.stdout);
    assert_eq!(names(), ["ex.db"]);
}
