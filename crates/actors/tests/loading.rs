//! Loading dictionaries: the shipped files, a user's own files, and the
//! errors a malformed file gives.

use std::io::Write;

use dyad_actors::{Dictionary, Kind, Sources};

#[test]
fn the_builtin_dictionary_loads_and_covers_every_kind() {
    let d = Dictionary::builtin().unwrap();
    assert!(d.len() > 100, "{} actors", d.len());
    for kind in [
        Kind::State,
        Kind::Org,
        Kind::Body,
        Kind::Person,
        Kind::Role,
        Kind::Group,
    ] {
        assert!(d.actors().iter().any(|a| a.kind == kind), "no {kind:?}");
    }
}

#[test]
fn a_users_file_adds_actors_without_a_rebuild() {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    writeln!(
        f,
        "# My actors\n[ACME_CORP]\nkind: body\ncountry: BGR\nsector: BUS\nbg: Акме Корп"
    )
    .unwrap();
    let d = Dictionary::load(&Sources {
        dir: None,
        files: vec![f.path().to_path_buf()],
    })
    .unwrap();
    assert_eq!(
        d.actor("ACME_CORP").unwrap().country.as_deref(),
        Some("BGR")
    );
    assert!(d.actor("RUS").is_some(), "the built-in actors stay");
}

#[test]
fn a_malformed_file_names_its_file_and_line() {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    writeln!(
        f,
        "[GOOD]\nkind: state\ncountry: AAA\nen: Good\n\n[BAD]\nkind: state\ncountry: Bad\n"
    )
    .unwrap();
    let e = Dictionary::load(&Sources {
        dir: None,
        files: vec![f.path().to_path_buf()],
    })
    .err()
    .unwrap();
    let msg = e.to_string();
    assert!(
        msg.starts_with(&format!("{}:8: ", f.path().display())),
        "{msg}"
    );
}

#[test]
fn a_duplicate_id_names_both_places() {
    let text = "[X]\nkind: state\ncountry: AAA\nen: A\n".to_string();
    let e = Dictionary::from_texts([
        ("a.txt".to_string(), text.clone()),
        ("b.txt".to_string(), text),
    ])
    .err()
    .unwrap();
    assert_eq!(
        e.to_string(),
        "b.txt:1: duplicate id [X] (first at a.txt:1)"
    );
}

#[test]
fn a_missing_or_binary_file_is_an_error_not_a_panic() {
    let missing = Dictionary::load(&Sources {
        dir: None,
        files: vec!["/no/such/actors.txt".into()],
    });
    assert!(missing.err().unwrap().to_string().contains("cannot read"));
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(b"[A]\nkind: state\n\xff\xfe\x00").unwrap();
    let e = Dictionary::load(&Sources {
        dir: None,
        files: vec![f.path().to_path_buf()],
    })
    .err()
    .unwrap();
    assert!(e.to_string().contains(":3: not UTF-8"), "{e}");
}
