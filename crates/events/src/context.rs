//! Context codes (military, energy, …) from the words of a sentence
//! (`context.txt`), and the article's dominant context, which every event
//! of the article also gets.

use std::borrow::Cow;

use dyad_nlp::{Token, TokenKind};

use crate::lexicon::LangLexicon;
use crate::words::WordForm;

/// Hits an article needs on one context before all its events get it.
const ARTICLE_MIN_HITS: u32 = 3;

/// The contexts a sentence's words signal, as bits over
/// `LangLexicon::contexts` (the first 64). Words are taken with the stems
/// the analyser gave them.
pub(crate) fn sentence_mask(lex: &LangLexicon, tokens: &[Token]) -> u64 {
    let mut mask = 0u64;
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let form = WordForm {
            norm: &t.norm,
            stem: Cow::Borrowed(t.stem()),
            lemmas: &[],
        };
        lex.context_index.for_each(&form, |&c| {
            if c < 64 {
                mask |= 1 << c;
            }
        });
    }
    mask
}

/// Per-context counts of the sentences that signal it.
#[derive(Default)]
pub(crate) struct ArticleContext {
    counts: Vec<u32>,
}

impl ArticleContext {
    pub fn add(&mut self, mask: u64) {
        for bit in 0..64 {
            if mask & (1 << bit) != 0 {
                if self.counts.len() <= bit {
                    self.counts.resize(bit + 1, 0);
                }
                self.counts[bit] += 1;
            }
        }
    }

    /// The bit of the article's most signalled context, if it has enough.
    pub fn dominant(&self) -> u64 {
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| c >= ARTICLE_MIN_HITS)
            .max_by_key(|(i, &c)| (c, std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| 1 << i)
    }
}

/// The codes of a mask, in the file's order.
pub(crate) fn codes(lex: &LangLexicon, mask: u64) -> Vec<String> {
    lex.contexts
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 64 && mask & (1 << i) != 0)
        .map(|(_, c)| c.clone())
        .collect()
}
