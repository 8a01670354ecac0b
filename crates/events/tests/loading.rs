//! Loading lexicons: the built-in ones cover every language and type, a
//! directory of the same shape replaces them, and a malformed file stops
//! with its name and line.

use dyad_core::EventType;
use dyad_events::Lexicon;
use dyad_nlp::Lang;

#[test]
fn the_builtin_lexicons_cover_all_sixteen_types_in_four_languages() {
    let lexicon = Lexicon::builtin().unwrap();
    for lang in [Lang::Ru, Lang::Bg, Lang::Uk, Lang::En] {
        let l = lexicon.lang(lang).unwrap_or_else(|| panic!("{lang:?}"));
        for t in EventType::ALL {
            let n = l.triggers.iter().filter(|x| x.kind == t).count();
            assert!(n >= 5, "{lang:?} {}: {n} triggers", t.as_str());
        }
        assert!(
            l.contexts.len() >= 10,
            "{lang:?}: {} contexts",
            l.contexts.len()
        );
        // Russian and Ukrainian mark the subject by case.
        if matches!(lang, Lang::Ru | Lang::Uk) {
            assert!(!l.oblique_endings.is_empty());
        }
    }
    assert!(lexicon.lang(Lang::Mk).is_none());
    assert!(lexicon.score(EventType::Assault) < 0.0 && lexicon.score(EventType::Aid) > 0.0);
}

fn load_with(file: &str, text: &str) -> Result<Lexicon, String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("ru")).unwrap();
    std::fs::write(dir.path().join("ru").join(file), text).unwrap();
    Lexicon::load(dir.path()).map_err(|e| e.to_string())
}

#[test]
fn a_directory_of_my_own_replaces_the_builtin_lexicons() {
    let lexicon = load_with(
        "triggers.txt",
        "# my triggers\n[CONSULT]\nпровел* переговоры | mode=visit host=place\n",
    )
    .unwrap();
    let ru = lexicon.lang(Lang::Ru).unwrap();
    assert_eq!(ru.triggers.len(), 1);
    assert_eq!(ru.triggers[0].mode.as_deref(), Some("visit"));
    assert!(ru.triggers[0].host_place);
    assert!(lexicon.lang(Lang::Bg).is_none());
    // No types.txt in the directory: the built-in scores.
    assert_eq!(
        lexicon.score(EventType::Consult),
        Lexicon::builtin().unwrap().score(EventType::Consult)
    );
}

#[test]
fn malformed_files_are_errors_with_file_and_line() {
    let cases = [
        (
            "triggers.txt",
            "[CONSULT]\n\n[TALKS]\n",
            ":3:",
            "unknown PLOVER type",
        ),
        ("triggers.txt", "переговоры\n", ":1:", "before any [TYPE]"),
        (
            "triggers.txt",
            "[AGREE]\nдоговорил* | mood=happy\n",
            ":2:",
            "unknown property",
        ),
        (
            "triggers.txt",
            "[AGREE]\nд*\n",
            ":2:",
            "at least two letters",
        ),
        (
            "triggers.txt",
            "[AGREE]\nа б в г д\n",
            ":2:",
            "one to four words",
        ),
        (
            "triggers.txt",
            "[AGREE]\n!=не договорил*\n",
            ":2:",
            "the first not a `!` word",
        ),
        (
            "grammar.txt",
            "[partner]\n!с\n",
            ":2:",
            "belong in triggers only",
        ),
        ("grammar.txt", "[partners]\nс\n", ":1:", "unknown section"),
        (
            "grammar.txt",
            "[oblique]\nами\n",
            ":2:",
            "an ending is written",
        ),
        ("dates.txt", "[month]\n13 смарч\n", ":2:", "out of range"),
        (
            "dates.txt",
            "[month]\nянваря\n",
            ":2:",
            "starts with its number",
        ),
        ("context.txt", "[Military]\nармия\n", ":1:", "lower-case"),
    ];
    for (file, text, line, message) in cases {
        let err = load_with(file, text).unwrap_err();
        assert!(err.contains(&format!("ru/{file}{line}")), "{err}");
        assert!(err.contains(message), "{err}");
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("xx")).unwrap();
    std::fs::write(dir.path().join("xx/triggers.txt"), "[AGREE]\nda\n").unwrap();
    let err = Lexicon::load(dir.path()).unwrap_err().to_string();
    assert!(err.contains("not a language code"), "{err}");
    std::fs::remove_dir_all(dir.path().join("xx")).unwrap();
    std::fs::write(dir.path().join("types.txt"), "AGREE 4\n").unwrap();
    let err = Lexicon::load(dir.path()).unwrap_err().to_string();
    assert!(err.contains("no score for CONSULT"), "{err}");
    std::fs::create_dir(dir.path().join("bg")).unwrap();
    std::fs::write(dir.path().join("bg/triggers.txt"), [b'[', 0xff, b']']).unwrap();
    let err = Lexicon::load(dir.path()).unwrap_err().to_string();
    assert!(err.contains("not UTF-8"), "{err}");
    assert!(Lexicon::load(&dir.path().join("missing")).is_err());
}
