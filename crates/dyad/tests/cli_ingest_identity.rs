//! Which documents `dyad ingest` keeps (issue 14, defects 2 and 1): a
//! document is its content, stored once with every place it was read at.
//! Two folders holding `x.txt` with different texts give two documents,
//! stable across runs; one folder reached by another path (a symlink,
//! `dir/../dir`) adds nothing; a copy elsewhere adds sources, not
//! documents; a document stored with an error is coded again next time.

use std::path::{Path, PathBuf};

use dyad_store::{Counts, Store};

mod common;

use common::SHARED;

/// What `dyad ingest` said on stderr (it must succeed).
fn ingest(db: &Path, args: &[&Path]) -> String {
    String::from_utf8_lossy(&common::ingest(db, args).stderr).into_owned()
}

fn counts(db: &Path) -> Counts {
    Store::open(db).unwrap().counts().unwrap()
}

/// Each stored document's record id and content hash, in id order.
fn documents(db: &Path) -> Vec<(String, String)> {
    let store = Store::open(db).unwrap();
    let mut stmt = store
        .conn()
        .prepare("SELECT doc, hash FROM documents ORDER BY id")
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

fn corpus(rel: &str) -> Vec<u8> {
    std::fs::read(format!("{SHARED}/corpus/slavicner/{rel}")).unwrap()
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn the_same_file_name_in_two_folders_is_two_documents_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    write(
        &a.join("x.txt"),
        &corpus("ru/brexit__brexit_ru.txt_file_1146.txt"),
    );
    write(
        &b.join("x.txt"),
        &corpus("bg/asia_bibi__asia_bibi_bg_3005.txt.txt"),
    );
    let db = dir.path().join("store.db");
    let said = ingest(&db, &[&a, &b]);
    assert!(said.contains("2 added, 0 unchanged"), "{said}");
    let first = documents(&db);
    assert_eq!(first.len(), 2);
    assert!(first.iter().all(|(doc, _)| doc == "x.txt"));
    for _ in 0..2 {
        let said = ingest(&db, &[&a, &b]);
        assert!(
            said.contains("0 added, 2 unchanged, 0 new sources, 0 replaced"),
            "{said}"
        );
        assert_eq!(documents(&db), first, "no flip between runs");
    }
}

#[test]
fn one_folder_by_other_paths_is_counted_once_and_a_copy_adds_sources() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    let names = [
        "ru/brexit__brexit_ru.txt_file_1146.txt",
        "bg/asia_bibi__asia_bibi_bg_3005.txt.txt",
        "uk/nord_stream__nord_stream_uk.txt_file_59.txt",
    ];
    for name in names {
        write(&docs.join(name), &corpus(name));
    }
    let db = dir.path().join("store.db");
    ingest(&db, &[&docs]);
    let once = counts(&db);
    assert_eq!((once.documents, once.sources), (3, 3), "{once:?}");

    // The same files: through a symlink, and through `docs/ru/../../docs`.
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&docs, &link).unwrap();
    let dots: PathBuf = docs.join("ru/../../docs");
    for other in [&link, &dots] {
        let said = ingest(&db, &[other]);
        assert!(
            said.contains("0 added, 3 unchanged, 0 new sources"),
            "{said}"
        );
        assert_eq!(counts(&db), once);
    }

    // A copy elsewhere: the same documents, each with a second source.
    let copy = dir.path().join("copy");
    for name in names {
        write(&copy.join(name), &corpus(name));
    }
    let said = ingest(&db, &[&copy]);
    assert!(
        said.contains("0 added, 0 unchanged, 3 new sources"),
        "{said}"
    );
    let c = counts(&db);
    assert_eq!(
        (c.documents, c.sources, c.events),
        (3, 6, once.events),
        "{c:?}"
    );
    let store = Store::open(&db).unwrap();
    let places: Vec<String> = {
        let mut stmt = store
            .conn()
            .prepare("SELECT source FROM sources ORDER BY source")
            .unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    };
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let mut want: Vec<String> = ["copy", "docs"]
        .iter()
        .flat_map(|d| names.map(|n| root.join(d).join(n).display().to_string()))
        .collect();
    want.sort();
    assert_eq!(places, want);

    // The original file changes: it points to its new text, and the old
    // text stays, held by the copy.
    let mut text = corpus(names[0]);
    text.extend_from_slice("\nПутин провел переговоры с Эрдоганом в Анкаре.\n".as_bytes());
    write(&docs.join(names[0]), &text);
    let said = ingest(&db, &[&docs]);
    assert!(
        said.contains("0 added, 2 unchanged, 0 new sources, 1 replaced"),
        "{said}"
    );
    let c = counts(&db);
    assert_eq!((c.documents, c.sources), (4, 6), "{c:?}");
}

#[test]
fn a_document_stored_with_an_error_is_read_again_by_the_next_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    write(
        &docs.join("good.txt"),
        &corpus("ru/brexit__brexit_ru.txt_file_1146.txt"),
    );
    // Not text in any charset: decoding refuses it (an error record
    // with a content hash), and an empty file (an error before decoding).
    let mut garbled = b"\xff\xfe".to_vec();
    garbled.extend(std::iter::repeat_n(*b"\x01\x00", 200).flatten());
    write(&docs.join("garbled.txt"), &garbled);
    write(&docs.join("empty.txt"), b"");
    let db = dir.path().join("store.db");
    let said = ingest(&db, &[&docs]);
    assert!(said.contains("3 added"), "{said}");
    let c = counts(&db);
    assert_eq!((c.documents, c.errors), (3, 2), "{c:?}");

    let said = ingest(&db, &[&docs]);
    assert!(
        said.contains("0 added, 1 unchanged, 0 new sources, 0 replaced, 2 retried, 2 errors"),
        "{said}"
    );
    assert_eq!(counts(&db), c);

    // Fixed, the empty file is coded and its error goes.
    write(
        &docs.join("empty.txt"),
        &corpus("bg/asia_bibi__asia_bibi_bg_3005.txt.txt"),
    );
    let said = ingest(&db, &[&docs]);
    assert!(said.contains("1 replaced, 1 retried, 1 errors"), "{said}");
    let c = counts(&db);
    assert_eq!((c.documents, c.sources, c.errors), (3, 3, 1), "{c:?}");
}
