//! Actors by name: `dyad actors` looks the dictionary up by any name form
//! in any language, and `--actor`/`--dyad` take names, with an error and
//! the nearest names for a value nothing matches.

use std::path::Path;

mod common;

use common::dyad;

fn stdout(args: &[&str]) -> String {
    let out = dyad(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn actors_are_found_by_any_name_form_with_their_offices() {
    for query in ["путин", "Путину", "Putin", "Путін", "putin_vladimir"] {
        let out = stdout(&["actors", query]);
        let first = out.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("PUTIN_VLADIMIR  person  RUS  Vladimir Putin"),
            "{query}: {out}"
        );
        assert!(
            out.contains("President (RUS GOV), 2000-05-07 – 2008-05-07"),
            "{out}"
        );
    }
    let out = stdout(&["actors", "--json", "Erdogan"]);
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(v["id"], "ERDOGAN_RECEP_TAYYIP");
    assert_eq!(v["code"], "TUR");
    assert_eq!(v["kind"], "person");
    assert!(v["offices"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["title"] == "President" && o["to"].is_null()));
    // A code gives its state or organisation.
    assert!(stdout(&["actors", "fra"]).starts_with("FRA  state  FRA  France"));
}

#[test]
fn an_unknown_name_fails_with_the_nearest_ones() {
    let out = dyad(&["actors", "Putn"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nearest: PUTIN_VLADIMIR (Vladimir Putin)"),
        "{err}"
    );
}

fn ingest_examples(db: &Path) {
    common::ingest(
        db,
        &[concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples")],
    );
}

#[test]
fn query_filters_take_names_and_refuse_unknown_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ex.db");
    ingest_examples(&db);
    let db = db.to_str().unwrap();
    let by_id = stdout(&["query", "--db", db, "--json", "--actor", "PUTIN_VLADIMIR"]);
    assert!(!by_id.is_empty());
    for name in ["Putin", "Путину", "путин"] {
        assert_eq!(
            stdout(&["query", "--db", db, "--json", "--actor", name]),
            by_id,
            "{name}"
        );
    }
    let by_codes = stdout(&["query", "--db", db, "--json", "--dyad", "RUS,FRA"]);
    assert!(!by_codes.is_empty());
    assert_eq!(
        stdout(&["query", "--db", db, "--json", "--dyad", "Россия,Франции"]),
        by_codes
    );
    // The table names the actors beside their codes; JSON adds the names.
    let table = stdout(&["query", "--db", db, "--actor", "Putin"]);
    assert!(table.contains("Vladimir Putin (RUS)"), "{table}");
    let line = by_id.lines().next().unwrap();
    let row: serde_json::Value = serde_json::from_str(line).unwrap();
    let ids = row["actor_ids"].as_array().unwrap();
    let names = row["actor_names"].as_array().unwrap();
    assert_eq!(ids.len(), names.len());
    let i = ids.iter().position(|id| id == "PUTIN_VLADIMIR").unwrap();
    assert_eq!(names[i], "Vladimir Putin");
    // Nothing matches: an error naming the nearest, never an empty answer.
    for args in [
        ["--actor", "XXX"],
        ["--dyad", "RUS,XXX"],
        ["--actor", "Putn"],
    ] {
        let out = dyad(&["query", "--db", db, args[0], args[1]]);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("unknown actor") && err.contains("nearest"),
            "{args:?}: {err}"
        );
        assert!(out.stdout.is_empty());
    }
}
