//! Hostile documents in a batch (reproducers of issue 14): a page whose
//! embedded player tripped the HTML extractor, text with no full stops,
//! tables nested thirty thousand deep. Each gets its own record, in
//! order, with its text or an error, and the per-document time limit
//! (`--doc-timeout`) turns an overrun into an error record. Speed on such
//! inputs is measured by `bench/hostile.sh`, not here.

use std::path::Path;

mod common;

use common::{dyad, records};

/// The page whose embedded player tripped dom_smoothie, kept with the
/// fuzzers' regressions.
const PLAYER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fuzz/regressions/extract_html/player_iframe.html"
);

/// A batch of hostile documents written into `dir`, in sorted order.
fn hostile_batch(dir: &Path) -> Vec<&'static str> {
    std::fs::copy(PLAYER, dir.join("a_player.html")).unwrap();
    let quotes = "«Россия обвинила Францию», — заявил Путин, ".repeat(5_000);
    std::fs::write(dir.join("b_quotes.txt"), quotes).unwrap();
    let chain = "Россия обвинила Германия обвинила Франция обвинила ".repeat(3_000);
    std::fs::write(dir.join("c_chain.txt"), chain).unwrap();
    let tables = format!(
        "<html><body>{}Переговоры в Москве завершились.",
        "<table><tr><td>".repeat(30_000)
    );
    std::fs::write(dir.join("d_tables.html"), tables).unwrap();
    vec![
        "a_player.html",
        "b_quotes.txt",
        "c_chain.txt",
        "d_tables.html",
    ]
}

#[test]
fn hostile_documents_each_get_their_record_and_the_players_page_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let names = hostile_batch(dir.path());
    let out = dyad(&["code", "--threads", "2", dir.path().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    let docs: Vec<&str> = recs.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    assert_eq!(docs, names);
    for r in &recs {
        assert!(r.get("error").is_none(), "{}: {}", r["doc"], r["error"]);
    }
    // The page with the player: its article came out, and was coded.
    let player = &recs[0];
    let text = player["text"].as_str().unwrap();
    assert!(
        text.contains("обмениваться разведывательными данными"),
        "{text}"
    );
    assert!(!player["events"].as_array().unwrap().is_empty(), "{player}");
    // The nested tables keep their text.
    assert!(recs[3]["text"]
        .as_str()
        .unwrap()
        .contains("Переговоры в Москве"));
}

#[test]
fn a_document_over_the_time_limit_is_an_error_record_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let names = hostile_batch(dir.path());
    // A limit no document can meet: every record is an overrun, in order.
    let out = dyad(&[
        "code",
        "--doc-timeout",
        "0.000000001",
        dir.path().to_str().unwrap(),
    ]);
    let recs = records(&out);
    let docs: Vec<&str> = recs.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    assert_eq!(docs, names);
    for r in &recs {
        let error = r["error"].as_str().unwrap_or_default();
        assert!(error.contains("--doc-timeout"), "{}: {error:?}", r["doc"]);
        assert!(r["events"].as_array().unwrap().is_empty());
    }
    // No limit at all (0) codes everything.
    let out = dyad(&["code", "--doc-timeout", "0", PLAYER]);
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert!(recs[0].get("error").is_none(), "{}", recs[0]);
}

#[test]
fn a_bad_time_limit_is_refused_with_a_clear_message() {
    for bad in ["soon", "-1", "NaN", "inf"] {
        let out = dyad(&["code", &format!("--doc-timeout={bad}"), PLAYER]);
        assert!(!out.status.success(), "{bad} accepted");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("number of seconds"), "{bad}: {stderr}");
        assert!(out.stdout.is_empty());
    }
}
