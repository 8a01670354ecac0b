//! The languages dyad reports and their identification with `lingua`.

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use std::sync::OnceLock;

/// A language dyad can report. Ru, Bg, Uk and En are analysed fully; Mk, Sr
/// and Be are recognised (so they are not mistaken for the others) but get
/// no stemmer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Ru,
    Bg,
    Uk,
    Mk,
    Sr,
    Be,
    En,
}

impl Lang {
    pub const ALL: [Lang; 7] = [
        Lang::Ru,
        Lang::Bg,
        Lang::Uk,
        Lang::Mk,
        Lang::Sr,
        Lang::Be,
        Lang::En,
    ];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Bg => "bg",
            Lang::Uk => "uk",
            Lang::Mk => "mk",
            Lang::Sr => "sr",
            Lang::Be => "be",
            Lang::En => "en",
        }
    }

    /// The language of an ISO 639-1 code (any case).
    pub fn from_code(s: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s.trim()))
    }

    fn from_lingua(l: Language) -> Option<Lang> {
        Some(match l {
            Language::Russian => Lang::Ru,
            Language::Bulgarian => Lang::Bg,
            Language::Ukrainian => Lang::Uk,
            Language::Macedonian => Lang::Mk,
            Language::Serbian => Lang::Sr,
            Language::Belarusian => Lang::Be,
            Language::English => Lang::En,
            #[allow(unreachable_patterns)]
            _ => return None,
        })
    }
}

/// How much of the text the detector reads (bytes, before backing off to a
/// word boundary), so that detection cost stays flat. 600 bytes (about 330
/// Cyrillic letters) still classify all 2,023 slavicner texts as their
/// folders say and the scrapinghub pages as 1,024 did, at about three
/// quarters of the CPU time of the whole pipeline; 400 bytes lost two
/// Bulgarian texts to Russian.
pub const SAMPLE_BYTES: usize = 600;

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        LanguageDetectorBuilder::from_languages(&[
            Language::Russian,
            Language::Bulgarian,
            Language::Ukrainian,
            Language::Macedonian,
            Language::Serbian,
            Language::Belarusian,
            Language::English,
        ])
        .build()
    })
}

/// The start of `text` the detector reads: about `SAMPLE_BYTES`, cut at a
/// word boundary when one is near, else at a character boundary.
pub fn language_sample(text: &str) -> &str {
    let t = text.trim_start();
    if t.len() <= SAMPLE_BYTES {
        return t;
    }
    let mut cut = SAMPLE_BYTES;
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(ws) = t[..cut].rfind(char::is_whitespace) {
        if ws > cut / 2 {
            cut = ws;
        }
    }
    &t[..cut]
}

/// The language of an (extracted) text, read from about its first 600 bytes:
/// by its letters when they settle it ([`crate::letters`]), else by lingua
/// (high-accuracy mode, the seven languages of [`Lang`]); `None` when the
/// text has no letters or the detector cannot decide.
pub fn detect_language(text: &str) -> Option<Lang> {
    let sample = language_sample(text);
    if !sample.chars().any(dyad_core::chars::is_letter) {
        return None;
    }
    let sample = crate::normalize::unmix_scripts(sample);
    if let Some(lang) = crate::letters::decide(&sample) {
        return Some(lang);
    }
    detect_statistically(&sample)
}

/// lingua's answer alone (what [`detect_language`] falls back to).
pub fn detect_statistically(sample: &str) -> Option<Lang> {
    detector()
        .detect_language_of(sample)
        .and_then(Lang::from_lingua)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_look_alikes_in_cyrillic_words_do_not_make_a_text_english() {
        // A Bulgarian news sentence typed with Latin a, o, e, C and A.
        let text = "Избрaният президент нa CAЩ Джo Бaйдън oбяви, чe щe възстaнoви члeнствoтo нa стрaнaтa в Свeтoвнaтa здрaвнa oргaнизaция и Пaрижкoтo спoрaзумeниe зa климaтa.";
        assert_eq!(detect_language(text), Some(Lang::Bg));
        assert_eq!(
            crate::normalize::unmix_scripts("CAЩ и USA").as_ref(),
            "САЩ и USA"
        );
    }

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("UK"), Some(Lang::Uk));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn sample_is_capped_at_a_word_boundary() {
        let text = "слово ".repeat(500);
        let s = language_sample(&text);
        assert!(s.len() <= SAMPLE_BYTES && s.len() > SAMPLE_BYTES / 2);
        assert!(s.ends_with("слово"));
        // One long word: cut at a char boundary.
        let long = "ж".repeat(2000);
        assert_eq!(language_sample(&long).len(), SAMPLE_BYTES);
    }

    #[test]
    fn nothing_to_detect() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("  \n\t "), None);
        assert_eq!(detect_language("12 345, 67.8 — 9%"), None);
    }
}
