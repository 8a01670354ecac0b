//! The word lists plain-text extraction reads, compiled in from `data/`:
//! stop words per language, timestamp vocabulary, byline/caption labels.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Languages whose stop words tell a line's language apart.
pub const STOP_LANGS: [&str; 4] = ["ru", "bg", "uk", "en"];

const STOPWORDS: [&str; 4] = [
    include_str!("../../../../data/stopwords/ru.txt"),
    include_str!("../../../../data/stopwords/bg.txt"),
    include_str!("../../../../data/stopwords/uk.txt"),
    include_str!("../../../../data/stopwords/en.txt"),
];
const TIME_WORDS: &str = include_str!("../../../../data/extract/time_words.txt");
const LABELS: &str = include_str!("../../../../data/extract/labels.txt");

/// What a label word opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    Byline,
    Caption,
    /// "Читайте також: …", "Read more: …": another story's headline.
    Teaser,
}

pub struct Lexicon {
    /// word → bit set of the languages (index in `STOP_LANGS`) it is a stop word of.
    stop: HashMap<String, u8>,
    time: HashSet<String>,
    labels: HashMap<String, LabelKind>,
}

/// Words of a data file: whitespace-separated, `#` starts a comment line.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
}

impl Lexicon {
    fn load() -> Self {
        let mut stop: HashMap<String, u8> = HashMap::new();
        for (i, list) in STOPWORDS.iter().enumerate() {
            for w in words(list) {
                *stop.entry(w.to_lowercase()).or_default() |= 1 << i;
            }
        }
        let time = words(TIME_WORDS).map(str::to_lowercase).collect();
        let mut labels = HashMap::new();
        for line in LABELS.lines().filter(|l| !l.trim_start().starts_with('#')) {
            let mut it = line.split_whitespace();
            let kind = match it.next() {
                Some("byline") => LabelKind::Byline,
                Some("caption") => LabelKind::Caption,
                Some("teaser") => LabelKind::Teaser,
                _ => continue,
            };
            for w in it {
                labels.insert(w.to_lowercase(), kind);
            }
        }
        Lexicon { stop, time, labels }
    }

    /// The shared, lazily built lexicon.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::load)
    }

    /// Bit set of languages `lower` is a stop word of (0 when none).
    pub fn stop_langs(&self, lower: &str) -> u8 {
        self.stop.get(lower).copied().unwrap_or(0)
    }

    pub fn is_time_word(&self, lower: &str) -> bool {
        self.time.contains(lower)
    }

    pub fn label(&self, lower: &str) -> Option<LabelKind> {
        self.labels.get(lower).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_with_languages_apart() {
        let lex = Lexicon::get();
        assert_ne!(lex.stop_langs("что") & 1, 0, "что is Russian");
        assert_eq!(lex.stop_langs("что") & 0b110, 0, "что is neither bg nor uk");
        assert_ne!(lex.stop_langs("че") & 2, 0, "че is Bulgarian");
        assert_ne!(lex.stop_langs("що") & 4, 0, "що is Ukrainian");
        assert_ne!(lex.stop_langs("the") & 8, 0);
        assert_eq!(lex.stop_langs("путин"), 0);
        assert!(lex.is_time_word("минуты"));
        assert!(lex.is_time_word("ago"));
        assert_eq!(lex.label("фото"), Some(LabelKind::Caption));
        assert_eq!(lex.label("автор"), Some(LabelKind::Byline));
        assert_eq!(lex.label("#"), None);
    }
}
