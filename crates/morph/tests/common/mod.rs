//! Shared by the integration tests: a sentence through the project's own
//! tokenizer, analysed and disambiguated.

use dyad_core::Span;
use dyad_morph::{analyser, disambiguate, Readings};
use dyad_nlp::{tokenize, Lang, TokenKind};

/// The words of `text` (normalised) with their readings after the context
/// step. A capitalised word that is not the first of the text is analysed
/// as capitalised.
pub fn analyse_sentence(lang: Lang, text: &str) -> Vec<(String, Readings<'static>)> {
    let a = analyser(lang).expect("built-in language");
    let mut tokens = Vec::new();
    tokenize(text, Span::new(0, text.len()), Some(lang), &mut tokens);
    tokens.retain(|t| t.kind == TokenKind::Word);
    // Readings borrow the words; leak them so the test can keep both.
    let words: Vec<&'static str> = tokens.iter().map(|t| &*t.norm.clone().leak()).collect();
    let mut readings: Vec<Readings<'static>> = tokens
        .iter()
        .zip(&words)
        .enumerate()
        .map(|(i, (t, w))| a.analyse_cased(w, i > 0 && t.upper_initial))
        .collect();
    disambiguate(lang, &words, &mut readings);
    words.iter().map(|w| w.to_string()).zip(readings).collect()
}

/// The readings of `word` in an analysed sentence.
pub fn readings_of<'s>(
    sentence: &'s [(String, Readings<'static>)],
    word: &str,
) -> &'s Readings<'static> {
    &sentence
        .iter()
        .find(|(w, _)| w == word)
        .unwrap_or_else(|| panic!("{word} not in the sentence"))
        .1
}
