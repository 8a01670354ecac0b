//! What the binary's test files share: where `shared/` is, running the
//! `dyad` binary, reading its JSON Lines, and the seed pages through the
//! pipeline. Each test file uses some of it.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dyad::pipeline::Pipeline;
use dyad_core::Record;
use dyad_input::{documents, InputOptions};
use serde_json::Value;

pub const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

/// The `dyad` binary run with `args`.
pub fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("dyad runs")
}

/// `dyad ingest --db DB ARGS…`, which must succeed.
pub fn ingest(db: &Path, args: &[impl AsRef<OsStr>]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("dyad runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The JSON Lines a run printed.
pub fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// The four seed pages of `examples/` through the built-in pipeline.
pub fn seed_records() -> Vec<Record> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 4);
    let pipeline = Pipeline::builtin().unwrap();
    documents(&paths, &InputOptions::default())
        .map(|raw| pipeline.process(raw))
        .collect()
}
