//! Search ranks the best match first (bm25 over the stems, the title
//! weighted up), and the store's search table reads in the SQLite that
//! Debian and Python ship (3.40), not only in the bundled one.

use dyad_core::{OutBlock, Record};
use dyad_store::{content_hash, search, Source, Store, StoredDoc};

/// A stored document whose title and text are already stems.
fn doc(id: &str, title: &str, text: &str) -> StoredDoc {
    StoredDoc {
        record: Record {
            doc: id.into(),
            lang: Some("ru".into()),
            title: Some(title.into()),
            date: Some("2024-06-11".into()),
            url: None,
            text: None,
            blocks: vec![OutBlock {
                start: 0,
                end: text.chars().count(),
                kind: "body".into(),
            }],
            mentions: vec![],
            events: vec![],
            error: None,
        },
        text: format!("{title}\n\n{text}"),
        hash: content_hash(format!("{title}{text}").as_bytes()),
        stems: format!("{title} {text}"),
        title_stems: title.into(),
    }
}

/// Filler stems, different for each document so none is a reprint.
fn filler(seed: &str, n: usize) -> String {
    (0..n)
        .map(|i| format!("{seed}{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn store_of(docs: &[StoredDoc]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    for d in docs {
        let source = Source::new(
            Some(&format!("/data/{}", d.record.doc)),
            None,
            &d.record.doc,
        );
        store.put(d, &source, "2024-06-12T00:00:00Z").unwrap();
    }
    store.commit().unwrap();
    (dir, path)
}

fn ids(path: &std::path::Path, query: &str) -> Vec<String> {
    let conn = dyad_store::Connection::open(path).unwrap();
    search::search(&conn, query, 10)
        .unwrap()
        .into_iter()
        .map(|(_, doc, _)| doc)
        .collect()
}

#[test]
fn the_best_match_comes_first_whatever_the_storage_order() {
    // Stored first: a long text naming sanctions once in passing.
    let passing = doc(
        "passing",
        "погод прогноз",
        &format!("{} санкц {}", filler("a", 300), filler("b", 300)),
    );
    // A short text about sanctions throughout.
    let about = doc(
        "about",
        "совет обсуд",
        &format!("санкц {} санкц {} санкц", filler("c", 20), filler("d", 20)),
    );
    // Sanctions in the title, once in the text.
    let title = doc(
        "title",
        "нов санкц прот росс",
        &format!("{} санкц {}", filler("e", 60), filler("f", 60)),
    );
    let unrelated = doc("unrelated", "футбол", &filler("g", 50));
    let (_dir, path) = store_of(&[passing, about, title, unrelated]);
    assert_eq!(ids(&path, "санкции"), ["title", "about", "passing"]);
    // Every word must match; the title still lifts its document.
    assert_eq!(ids(&path, "санкции России"), ["title"]);
}

/// Runs `script` with `program`, which must be on the machine: the CI
/// machine is the same image as this one, so a missing tool is a failure.
fn run(program: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} must be installed to check the store: {e}"));
    assert!(
        out.status.success(),
        "{program} could not read the store: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn debian_and_python_sqlite_read_every_table_and_search() {
    let docs = [
        doc("one", "санкц", &filler("x", 40)),
        doc("two", "переговор", &format!("санкц {}", filler("y", 40))),
    ];
    let (_dir, path) = store_of(&docs);
    let db = path.to_str().unwrap();
    let conn = dyad_store::Connection::open(&path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'doc_fts_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    drop(conn);
    assert!(tables.iter().any(|t| t == "doc_fts"), "{tables:?}");
    let mut sql: String = tables
        .iter()
        .map(|t| format!("SELECT '{t}', count(*) FROM \"{t}\";\n"))
        .collect();
    sql.push_str("SELECT 'match', count(*) FROM doc_fts WHERE doc_fts MATCH 'санкц';\n");
    // The system sqlite3 (Debian 12: 3.40).
    let cli = run("sqlite3", &["-readonly", db, &sql]);
    assert!(cli.contains("match|2"), "{cli}");
    assert!(cli.contains("documents|2"), "{cli}");
    // Python's sqlite3 module.
    let py = format!(
        "import sqlite3, sys\n\
         c = sqlite3.connect('file:{db}?mode=ro', uri=True)\n\
         for stmt in sys.stdin.read().strip().split(';\\n'):\n\
         \x20   print('|'.join(map(str, c.execute(stmt.rstrip(';')).fetchone())))\n"
    );
    let out = std::process::Command::new("python3")
        .args(["-c", &py])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(sql.as_bytes())?;
            child.wait_with_output()
        })
        .expect("python3 must be installed to check the store");
    let py_out = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "Python's sqlite3 could not read the store: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(py_out.contains("match|2"), "{py_out}");
    for t in &tables {
        assert!(py_out.contains(&format!("{t}|")), "{t} unread: {py_out}");
    }
}
