//! `dyad bench` as users run it: the default corpus, the table, the JSON
//! figures and how they relate (never the speeds themselves), usage
//! errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod common;

use common::{dyad, records, SHARED};

const STAGES: [&str; 7] = [
    "decode", "extract", "language", "analyse", "actors", "events", "output",
];

/// `dyad` with `args`, run from `dir`.
fn dyad_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("dyad runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A checkout beside a `shared/corpus/slavicner` holding the first two
/// documents of each language directory of the real one: the checkout
/// directory, the sample directory and its total size in bytes.
fn checkout_beside_sample(root: &Path) -> (PathBuf, PathBuf, u64) {
    let corpus = Path::new(SHARED).join("corpus/slavicner");
    let sample = root.join("shared/corpus/slavicner");
    let mut bytes = 0;
    let mut langs: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    for lang in langs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&lang)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        let to = sample.join(lang.file_name().unwrap());
        std::fs::create_dir_all(&to).unwrap();
        for f in files.iter().take(2) {
            bytes += std::fs::copy(f, to.join(f.file_name().unwrap())).unwrap();
        }
    }
    let checkout = root.join("main");
    std::fs::create_dir_all(&checkout).unwrap();
    (checkout, sample, bytes)
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("{v} is a number"))
}

#[test]
fn json_figures_cover_the_default_corpus_and_agree_with_each_other_and_dyad_code() {
    let root = tempfile::tempdir().unwrap();
    let (checkout, sample, bytes) = checkout_beside_sample(root.path());
    let out = dyad_in(
        &checkout,
        &[
            "bench",
            "--runs",
            "2",
            "--copies",
            "3",
            "--threads",
            "1,2",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let f: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let docs = 6;
    assert_eq!(f["docs"], docs);
    assert_eq!(f["bytes"], bytes);
    assert_eq!(f["copies"], 3);
    assert_eq!(f["runs"], 2);
    assert_eq!(f["paths"][0], "../shared/corpus/slavicner");

    // The stages saw every document, and coded what `dyad code` codes.
    let s = &f["stages"];
    assert_eq!(s["docs"], docs);
    assert_eq!(s["failed"], 0);
    let coded = records(&dyad(&["code", sample.to_str().unwrap()]));
    assert_eq!(coded.len(), docs);
    let count =
        |key: &str| -> usize { coded.iter().map(|r| r[key].as_array().unwrap().len()).sum() };
    assert_eq!(s["mentions"], count("mentions"));
    assert_eq!(s["events"], count("events"));
    let stages = s["stages"].as_array().unwrap();
    let names: Vec<&str> = stages.iter().map(|x| x["name"].as_str().unwrap()).collect();
    assert_eq!(names, STAGES);
    let mut shares = 0.0;
    let mut total = 0.0;
    for stage in stages {
        assert_eq!(stage["docs"], docs, "{stage}");
        assert_eq!(stage["run_seconds"].as_array().unwrap().len(), 2);
        for key in ["seconds", "docs_per_second", "mb_per_second", "share"] {
            assert!(num(&stage[key]) > 0.0, "{key} of {stage}");
        }
        shares += num(&stage["share"]);
        total += num(&stage["seconds"]);
    }
    assert!((shares - 1.0).abs() < 1e-6, "shares add up to {shares}");
    assert!((total - num(&s["seconds"])).abs() < 1e-9);

    // End to end: every copy of every document, on each thread count.
    let e2e = f["e2e"].as_array().unwrap();
    let threads: Vec<u64> = e2e.iter().map(|e| e["threads"].as_u64().unwrap()).collect();
    assert_eq!(threads, [1, 2]);
    for e in e2e {
        assert_eq!(e["docs"], docs * 3);
        assert_eq!(e["bytes"], bytes * 3);
        assert_eq!(e["run_wall_seconds"].as_array().unwrap().len(), 2);
        for key in [
            "wall_seconds",
            "docs_per_second",
            "mb_per_second",
            "speedup",
        ] {
            assert!(num(&e[key]) > 0.0, "{key} of {e}");
        }
        assert!(num(&e["cpu_seconds"]) >= 0.0);
    }
    assert_eq!(num(&e2e[0]["speedup"]), 1.0);

    let m = &f["memory"];
    assert!(num(&m["peak_kib"]) > 0.0);
    assert_eq!(m["docs"], docs * 3);
}

#[test]
fn the_table_names_every_stage_and_each_thread_count() {
    let seeds = format!("{SHARED}/seeds");
    let out = dyad(&["bench", &seeds, "--runs", "1", "--threads", "2,1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = table
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    for stage in STAGES.iter().chain(&["all"]) {
        assert!(
            rows.iter()
                .any(|r| r.first() == Some(stage) && r.len() == 6),
            "no row for {stage} in\n{table}"
        );
    }
    assert!(table.starts_with("corpus: 4 documents"), "{table}");
    let thread_rows: Vec<&str> = rows
        .iter()
        .filter(|r| r.len() == 6 && r[0].parse::<usize>().is_ok())
        .map(|r| r[0])
        .collect();
    assert_eq!(thread_rows, ["2", "1"], "{table}");
    assert!(table.contains("peak memory:"), "{table}");
}

#[test]
fn stages_only_and_e2e_only_leave_the_other_out() {
    let seeds = format!("{SHARED}/seeds");
    for (flag, kept, left) in [
        ("--stages-only", "stages", "e2e"),
        ("--e2e-only", "e2e", "stages"),
    ] {
        let out = dyad(&[
            "bench",
            &seeds,
            "--runs",
            "1",
            "--threads",
            "1",
            flag,
            "--json",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let f: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(!f[kept].is_null(), "{flag}: {f}");
        assert!(f[left].is_null(), "{flag}: {f}");
    }
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let seeds = format!("{SHARED}/seeds");
    let empty = tempfile::tempdir().unwrap();
    let empty_dir = empty.path().to_str().unwrap();
    let missing = format!("{SHARED}/no-such-corpus");
    let cases: [(&[&str], &str); 4] = [
        (&["bench", &seeds, "--runs", "0"], "--runs"),
        (&["bench", &seeds, "--copies", "0"], "--copies"),
        (&["bench", &missing], "no-such-corpus"),
        (&["bench", empty_dir], "no documents"),
    ];
    for (args, says) in cases {
        let out = dyad(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    // No path, and no ../shared/corpus/slavicner from here.
    let out = dyad_in(empty.path(), &["bench"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("give a corpus path"),
        "{}",
        stderr(&out)
    );
}
