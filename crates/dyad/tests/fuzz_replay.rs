//! Replays every input under `fuzz/regressions/<target>/` (minimised
//! reproducers of what the fuzzers and the issue-14 probe found) through
//! the invariants of `dyad::selfcheck`, on the stable toolchain: the CI
//! smoke run of the fuzz harness. An input kept for one of the targets
//! that read a single document goes through all four of them.

use std::path::PathBuf;

use dyad::selfcheck;

fn regressions(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let data = std::fs::read(&p).unwrap();
            (p, data)
        })
        .collect()
}

/// A target's invariants over one input's bytes.
type Check = fn(&[u8]);

/// The targets that read one document's bytes, each with its check.
const DOCUMENT_TARGETS: [(&str, Check); 4] = [
    ("decode", selfcheck::decode),
    ("extract_text", selfcheck::extract_text),
    ("extract_html", selfcheck::extract_html),
    ("one_document", selfcheck::one_document),
];

/// Runs `inputs` (kept for `kept_for`) through `check` of `target`.
fn replay(kept_for: &str, inputs: &[(PathBuf, Vec<u8>)], target: &str, check: Check) {
    for (path, data) in inputs {
        let outcome = std::panic::catch_unwind(|| check(data));
        assert!(
            outcome.is_ok(),
            "{target}: {} (kept for {kept_for}) breaks an invariant",
            path.display()
        );
    }
}

#[test]
fn every_kept_input_keeps_its_targets_invariants() {
    let mut count = 0;
    // A document kept for one document target goes through all of them,
    // so each reproducer is committed once.
    for (kept_for, _) in DOCUMENT_TARGETS {
        let inputs = regressions(kept_for);
        for (target, check) in DOCUMENT_TARGETS {
            replay(kept_for, &inputs, target, check);
        }
        count += inputs.len();
    }
    for (target, check) in [
        ("warc", selfcheck::warc as Check),
        ("jsonl", selfcheck::jsonl),
    ] {
        let inputs = regressions(target);
        replay(target, &inputs, target, check);
        count += inputs.len();
    }
    assert!(count >= 4, "{count} kept inputs");
}
