//! Language identification on real text: the slavicner corpus (ru, bg, uk),
//! the seeds, and the English lines of seed 001.

use dyad_nlp::{detect_language, Lang};
use std::path::{Path, PathBuf};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
}

fn seed(prefix: &str) -> String {
    let dir = Path::new(SHARED).join("seeds");
    let path = sorted_files(&dir)
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}*"));
    // The seeds are scraped pages: a few bytes may not be valid UTF-8.
    String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
}

#[test]
fn slavicner_first_200_documents_per_language() {
    for lang in [Lang::Ru, Lang::Bg, Lang::Uk] {
        let dir = Path::new(SHARED).join("corpus/slavicner").join(lang.code());
        let files = sorted_files(&dir);
        let mut right = 0;
        let mut wrong = Vec::new();
        let mut total = 0;
        for path in files.iter().take(200) {
            let text = std::fs::read_to_string(path).unwrap();
            total += 1;
            match detect_language(&text) {
                Some(l) if l == lang => right += 1,
                other => wrong.push((path.file_name().unwrap().to_owned(), other)),
            }
        }
        assert_eq!(total, 200, "{lang:?}: corpus has fewer than 200 documents");
        let accuracy = right as f64 / total as f64;
        assert!(
            accuracy >= 0.97,
            "{lang:?}: {right}/{total} right; wrong: {wrong:?}"
        );
    }
}

#[test]
fn seeds() {
    for (prefix, lang) in [
        ("000_", Lang::Ru),
        ("001_", Lang::Ru),
        ("002_", Lang::Ru),
        ("003_", Lang::Bg),
    ] {
        assert_eq!(detect_language(&seed(prefix)), Some(lang), "seed {prefix}");
    }
}

#[test]
fn english_lines_of_seed_001() {
    let text = seed("001_");
    let lines: Vec<&str> = text
        .lines()
        .skip(13)
        .filter(|l| l.chars().count() >= 60)
        .collect();
    assert!(lines.len() >= 5, "expected English lines in seed 001");
    for line in &lines {
        assert_eq!(detect_language(line), Some(Lang::En), "{line}");
    }
    assert_eq!(detect_language(&lines.join("\n")), Some(Lang::En));
}

#[test]
fn short_texts_in_each_language() {
    for (text, lang) in [
        (
            "Президент России провёл переговоры с премьер-министром Индии в Кремле.",
            Lang::Ru,
        ),
        (
            "Президентът на България се срещна с министъра на външните работи.",
            Lang::Bg,
        ),
        (
            "Президент України провів переговори з прем'єр-міністром Польщі.",
            Lang::Uk,
        ),
        (
            "The president of Ukraine met the prime minister of Poland in Kyiv.",
            Lang::En,
        ),
        (
            "Претседателот на Македонија се сретна со министерот за надворешни работи.",
            Lang::Mk,
        ),
        (
            "Председник Србије састао се са министром спољних послова у Београду.",
            Lang::Sr,
        ),
        (
            "Прэзідэнт Беларусі сустрэўся з міністрам замежных спраў у Мінску.",
            Lang::Be,
        ),
    ] {
        assert_eq!(detect_language(text), Some(lang), "{text}");
    }
}

/// Letters settle most texts before lingua runs (that is what makes
/// language id cheap), and whenever they do, lingua alone agrees.
#[test]
fn letters_settle_most_texts_as_lingua_would() {
    for lang in [Lang::Ru, Lang::Bg, Lang::Uk] {
        let dir = Path::new(SHARED).join("corpus/slavicner").join(lang.code());
        let mut settled = 0;
        let files = sorted_files(&dir);
        for path in files.iter().take(100) {
            let text = std::fs::read_to_string(path).unwrap();
            let sample = dyad_nlp::language_sample(&text);
            if let Some(by_letters) = dyad_nlp::decide_by_letters(sample) {
                settled += 1;
                assert_eq!(
                    Some(by_letters),
                    dyad_nlp::detect_statistically(sample),
                    "{}",
                    path.display()
                );
            }
        }
        assert!(
            settled >= 85,
            "{lang:?}: letters settled only {settled} of 100"
        );
    }
}
