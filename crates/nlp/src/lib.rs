//! dyad-nlp owns language identification, sentence splitting,
//! tokenization and stemming for Russian, Bulgarian, Ukrainian and English.
//!
//! [`detect_language`] reads the first 600 bytes of an extracted text with
//! lingua; [`analyse`] turns the kept blocks of a text into tokens (byte
//! spans, normal forms, stems) and sentences that never cross a block.
//! Word lists (abbreviations, stemmer rules, look-alike letters) are data
//! under `data/nlp/`, embedded at compile time.

mod abbrev;
mod lang;
mod letters;
mod normalize;
mod sentences;
mod stem;
mod tokenize;

pub use lang::{detect_language, detect_statistically, language_sample, Lang, SAMPLE_BYTES};
pub use letters::decide as decide_by_letters;
pub use normalize::{is_word_hyphen, normalize};
pub use sentences::{split_sentences, Sentence, MAX_SENTENCE_TOKENS};
pub use stem::{has_stemmer, stem, stem_word};
pub use tokenize::{tokenize, Token, TokenKind};

use dyad_core::Span;

/// The tokens and sentences of a text's blocks.
#[derive(Clone, Debug, Default)]
pub struct Analysed {
    pub lang: Option<Lang>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl Analysed {
    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.clone()]
    }
}

/// Tokenizes and sentence-splits the given block spans of `text` (byte
/// ranges, in text order); sentences never cross a block. Words are stemmed
/// for `lang` (stem = norm when `lang` is `None` or has no stemmer).
pub fn analyse(text: &str, blocks: &[Span], lang: Option<Lang>) -> Analysed {
    // About one token per 7 bytes of Cyrillic text; sized on the blocks
    // analysed, not the whole page.
    let kept: usize = blocks.iter().map(|b| b.end.saturating_sub(b.start)).sum();
    let mut tokens = Vec::with_capacity(kept / 7);
    let mut sentences = Vec::with_capacity(kept / 100);
    for (block, span) in blocks.iter().enumerate() {
        dyad_core::deadline::check();
        let first = tokens.len();
        tokenize(text, *span, lang, &mut tokens);
        split_sentences(
            text,
            &tokens,
            first..tokens.len(),
            block,
            lang,
            &mut sentences,
        );
    }
    Analysed {
        lang,
        tokens,
        sentences,
    }
}
