//! Origins: where each document was read, unique across the arguments
//! (two folders holding `x.html` give two origins, though one id), the
//! same for one file reached by two paths, and numbered inside WARC and
//! JSON Lines files.

mod common;

use std::fs;
use std::path::PathBuf;

use common::write;
use dyad_core::RawDoc;
use dyad_input::{documents, documents_from_reader, InputOptions};

fn read_all(args: &[PathBuf]) -> Vec<RawDoc> {
    documents(args, &InputOptions::default()).collect()
}

fn origins(docs: &[RawDoc]) -> Vec<String> {
    docs.iter()
        .map(|d| d.origin.clone().unwrap_or_default())
        .collect()
}

#[test]
fn the_same_name_in_two_folders_has_one_id_and_two_origins() {
    let tmp = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(tmp.path()).unwrap();
    write(&root, "a/x.html", b"<p>one</p>");
    write(&root, "b/x.html", b"<p>two</p>");
    let docs = read_all(&[root.join("a"), root.join("b")]);
    assert_eq!(docs[0].id, docs[1].id);
    assert_eq!(
        origins(&docs),
        [
            root.join("a/x.html").display().to_string(),
            root.join("b/x.html").display().to_string()
        ]
    );
}

#[test]
fn one_file_reached_by_two_paths_has_one_origin() {
    let tmp = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(tmp.path()).unwrap();
    let file = write(&root, "docs/sub/x.txt", b"Putin met Erdogan.");
    std::os::unix::fs::symlink(root.join("docs"), root.join("link")).unwrap();
    let via_link = read_all(&[root.join("link")]);
    let via_dots = read_all(&[root.join("docs/sub/../../docs")]);
    let as_file = read_all(&[root.join("link/sub/x.txt")]);
    let want = vec![file.display().to_string()];
    assert_eq!(origins(&via_link), want);
    assert_eq!(origins(&via_dots), want);
    assert_eq!(origins(&as_file), want);
    // The output id is still relative to the argument.
    assert_eq!(via_link[0].id, "sub/x.txt");
}

#[test]
fn records_of_a_container_are_numbered_and_standard_input_has_none() {
    let tmp = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(tmp.path()).unwrap();
    let lines = b"{\"id\": \"a\", \"text\": \"one\"}\n\n{\"text\": \"two\"}\nnot json\n";
    let path = write(&root, "feed.jsonl", lines);
    let docs = read_all(std::slice::from_ref(&path));
    let base = path.display().to_string();
    assert_eq!(
        origins(&docs),
        [
            format!("{base}#1"),
            format!("{base}#2"),
            format!("{base}#3")
        ]
    );
    // A missing file still has the place it was looked for.
    let missing = read_all(&[root.join("gone.txt")]);
    assert_eq!(
        origins(&missing),
        [root.join("gone.txt").display().to_string()]
    );
    let piped: Vec<RawDoc> =
        documents_from_reader("-", &lines[..], &InputOptions::default()).collect();
    assert!(piped.iter().all(|d| d.origin.is_none()));
}
