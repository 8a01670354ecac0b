//! Replays every input under `fuzz/regressions/<target>/` (minimised
//! reproducers of what the fuzzers and the issue-14 probe found) through
//! the invariants of `dyad::selfcheck`, on the stable toolchain: the CI
//! smoke run of the fuzz harness.

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

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let inputs = regressions(target);
    for (path, data) in &inputs {
        let outcome = std::panic::catch_unwind(|| check(data));
        assert!(
            outcome.is_ok(),
            "{target}: {} breaks an invariant",
            path.display()
        );
    }
    inputs.len()
}

#[test]
fn every_kept_input_keeps_its_targets_invariants() {
    let counts = [
        replay("decode", selfcheck::decode),
        replay("extract_text", selfcheck::extract_text),
        replay("extract_html", selfcheck::extract_html),
        replay("warc", selfcheck::warc),
        replay("jsonl", selfcheck::jsonl),
        replay("one_document", selfcheck::one_document),
    ];
    assert!(counts.iter().sum::<usize>() >= 4, "{counts:?}");
}
