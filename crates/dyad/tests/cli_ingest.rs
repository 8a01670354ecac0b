//! `dyad ingest` on real documents: ingesting twice leaves the counts
//! unchanged, a changed document's place points to its new text, and an ingest
//! killed with SIGKILL in the middle leaves a consistent store that a
//! second run completes to the same counts as an uninterrupted one.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dyad_store::{Counts, Store};

mod common;

use common::{dyad, ingest, SHARED};

fn counts(db: &Path) -> Counts {
    Store::open(db).unwrap().counts().unwrap()
}

/// Every file below `dir`, sorted.
fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// How many different texts the files below `dir` hold (the corpus
/// repeats a few byte for byte: one document each in the store).
fn distinct_texts(dir: &Path) -> i64 {
    let texts: std::collections::HashSet<Vec<u8>> = files_below(dir)
        .iter()
        .map(|f| std::fs::read(f).unwrap())
        .collect();
    texts.len() as i64
}

/// The first `n` slavicner documents, copied into a folder of their own.
fn corpus_sample(dir: &Path, n: usize) -> PathBuf {
    let src = PathBuf::from(format!("{SHARED}/corpus/slavicner"));
    let files = files_below(&src);
    let out = dir.join("docs");
    for f in files.iter().take(n) {
        let rel = f.strip_prefix(&src).unwrap();
        let to = out.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(f, &to).unwrap();
    }
    out
}

/// Whether a store's rows hang together: every row's document exists,
/// every event is in a story that counts it, no story is empty.
fn assert_consistent(db: &Path) {
    let store = Store::open(db).unwrap();
    let c = store.conn();
    let one = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    assert_eq!(
        one("SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents)"),
        0
    );
    assert_eq!(one("SELECT count(*) FROM events WHERE story_id IS NULL"), 0);
    // Every document is held by a place, and every place holds one.
    assert_eq!(
        one("SELECT count(*) FROM documents WHERE id NOT IN (SELECT doc_id FROM sources)"),
        0
    );
    assert_eq!(
        one("SELECT count(*) FROM sources WHERE doc_id NOT IN (SELECT id FROM documents)"),
        0
    );
    assert_eq!(
        one("SELECT count(*) FROM stories WHERE id NOT IN (SELECT story_id FROM events)"),
        0
    );
    assert_eq!(
        one("SELECT count(*) FROM stories WHERE num_articles < 1"),
        0
    );
    // A document with kept text has its blocks: no half-written document.
    assert_eq!(
        one(
            "SELECT count(*) FROM documents d WHERE error IS NULL AND length(text) > 0
             AND json_array_length(blocks) = 0"
        ),
        0
    );
}

#[test]
fn ingesting_twice_changes_nothing_and_a_changed_document_replaces_the_old() {
    let dir = tempfile::tempdir().unwrap();
    let docs = corpus_sample(dir.path(), 120);
    let db = dir.path().join("store.db");
    ingest(&db, &[docs.to_str().unwrap()]);
    let first = counts(&db);
    assert_eq!(first.sources, 120);
    assert_eq!(first.documents, distinct_texts(&docs));
    assert!(first.documents < 120, "the sample repeats texts: {first:?}");
    assert!(first.mentions > 1000 && first.events > 0, "{first:?}");
    let out = ingest(&db, &[docs.to_str().unwrap()]);
    assert_eq!(counts(&db), first);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("0 added, 120 unchanged, 0 new sources, 0 replaced, 0 retried"),
        "{said}"
    );
    assert_consistent(&db);

    // Change one document: it is re-coded and its place points to it; the
    // old text goes unless a twin still holds it.
    let victim = files_below(&docs)[0].clone();
    let mut text = std::fs::read_to_string(&victim).unwrap();
    text.push_str("\nПутин провел переговоры с Эрдоганом в Анкаре.\n");
    std::fs::write(&victim, text).unwrap();
    let out = ingest(&db, &[docs.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("0 added, 119 unchanged, 0 new sources, 1 replaced, 0 retried"),
        "{said}"
    );
    let after = counts(&db);
    assert_eq!(after.sources, 120);
    assert_eq!(after.documents, distinct_texts(&docs));
    assert_consistent(&db);
}

#[test]
fn a_killed_ingest_leaves_a_consistent_store_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let docs = corpus_sample(dir.path(), 1000);
    let whole = dir.path().join("whole.db");
    ingest(&whole, &["--threads", "1", docs.to_str().unwrap()]);

    let db = dir.path().join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["ingest", "--threads", "1", "--batch", "5", "--db"])
        .arg(&db)
        .arg(&docs)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some batches are committed and before it is done.
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let stored = Store::open(&db)
            .map(|s| s.counts().unwrap_or_default().documents)
            .unwrap_or(0);
        if stored >= 50 || started.elapsed() > Duration::from_secs(60) {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the ingest ended before it could be killed"
        );
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    let partial = counts(&db);
    assert!(
        partial.documents >= 50 && partial.documents < 400,
        "{partial:?}"
    );
    assert_consistent(&db);

    ingest(&db, &["--threads", "1", docs.to_str().unwrap()]);
    assert_consistent(&db);
    assert_eq!(counts(&db), counts(&whole));
}

#[test]
fn query_search_and_export_read_the_ingested_examples() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ex.db");
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    ingest(&db, &[examples]);
    let db = db.to_str().unwrap();

    // The Putin–Hollande agreement, by dyad, as JSON Lines.
    let out = dyad(&[
        "query", "--db", db, "--dyad", "RUS,FRA", "--type", "AGREE", "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["type"] == "AGREE"));
    assert!(rows.iter().any(|r| r["doc"] == "003_d514d4f6fa22152f.txt"));

    // The readable table, and search by an inflected form.
    let out = dyad(&["query", "--db", db, "--actor", "IRN"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("IRN") && table.contains("SANCTION"),
        "{table}"
    );
    let out = dyad(&["search", "--db", db, "переговорах"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("000_6a66f7ca3045d2d3.txt"));

    // Exports: CSV with its header, GraphML as XML.
    let out = dyad(&["export", "--db", db, "--format", "csv"]);
    assert!(out.status.success());
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.lines().next().unwrap().contains("actor1_code"), "{csv}");
    let out = dyad(&["export", "--db", db, "--format", "graphml"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("<graphml"));

    // Bad input: a clear message and a failure, no store created.
    let out = dyad(&["query", "--db", db, "--quad", "7"]);
    assert!(!out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    let missing = dir.path().join("missing.db");
    let out = dyad(&["query", "--db", missing.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such store"));
    assert!(!missing.exists());
}

/// Search ranks by relevance on real articles: among the Russian slavicner
/// articles and the seed pages, those whose title names Putin come first
/// for "переговоры Путин" (stored first are Brexit articles that mention
/// both words in passing).
#[test]
fn search_puts_the_articles_about_the_words_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ru.db");
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let ru = format!("{SHARED}/corpus/slavicner/ru");
    ingest(&db, &[&ru, examples]);
    let db = db.to_str().unwrap();
    let out = dyad(&["search", "--db", db, "--limit", "3", "переговоры", "Путин"]);
    let hits = String::from_utf8_lossy(&out.stdout);
    let titles: Vec<&str> = hits.lines().filter_map(|l| l.split('\t').nth(1)).collect();
    assert_eq!(titles.len(), 3, "{hits}");
    for title in &titles {
        assert!(
            title.contains("Путин"),
            "a hit without Putin in its title: {hits}"
        );
    }
    // Every hit holds both words, in any form.
    let all = dyad(&[
        "search",
        "--db",
        db,
        "--limit",
        "1000",
        "переговоры",
        "Путин",
    ]);
    let n = String::from_utf8_lossy(&all.stdout).lines().count();
    assert!(n > 10, "{n} hits");
}

/// `dyad query` says how much of the selection it shows and how to get the
/// rest, shows event and document ids, and takes `--limit all`.
#[test]
fn query_says_what_it_shows_of_how_many() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ex.db");
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    ingest(&db, &[examples]);
    let db = db.to_str().unwrap();
    let json = dyad(&["query", "--db", db, "--json", "--limit", "all"]);
    let total = String::from_utf8_lossy(&json.stdout).lines().count();
    assert!(total > 3, "{total} events");
    assert!(
        json.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );

    // Two of them: the table says so, and how to see the rest.
    let out = dyad(&["query", "--db", db, "--limit", "2"]);
    let table = String::from_utf8_lossy(&out.stdout);
    let last = table.lines().last().unwrap();
    assert_eq!(
        last,
        format!(
            "showing 1–2 of {total} events (--limit N or --limit all for more, --offset to page)"
        )
    );
    let header = table.lines().next().unwrap();
    assert!(
        header.trim_start().starts_with("event") && header.contains("doc"),
        "{header}"
    );
    // Each row starts with its event id and its document's row id.
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8_lossy(&json.stdout)
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    let row = table.lines().nth(2).unwrap();
    let ids: Vec<&str> = row.split_whitespace().take(2).collect();
    assert_eq!(
        ids,
        [first["id"].to_string(), first["doc_id"].to_string()],
        "{row}"
    );

    // Paging, and all of them.
    let out = dyad(&["query", "--db", db, "--limit", "2", "--offset", "2"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&format!("showing 3–4 of {total} events"))
    );
    let out = dyad(&["query", "--db", db, "--limit", "all"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert_eq!(table.lines().count(), total + 3, "{table}");
    assert_eq!(
        table.lines().last().unwrap(),
        format!("showing 1–{total} of {total} events")
    );

    // JSON Lines stay pure; a cut selection is said on stderr.
    let out = dyad(&["query", "--db", db, "--json", "--limit", "1"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(&format!("showing 1–1 of {total} events"))
    );

    // A limit that is neither a number nor `all` is refused.
    let out = dyad(&["query", "--db", db, "--limit", "lots"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("neither a number of events nor `all`"));
}
