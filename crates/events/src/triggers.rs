//! Finding the triggers of a sentence: each trigger's anchor word, then its
//! further words each within `MAX_GAP` tokens of the previous; a trigger
//! never opens inside an actor mention ("Министерство обороны" is no
//! event), though its later words may lie in one ("выслала российских
//! дипломатов"); on overlapping matches the longer trigger wins.

use dyad_nlp::{Token, TokenKind};

use crate::lexicon::LangLexicon;
use crate::sentence::SentenceView;
use crate::words::{Word, WordForm};

/// Tokens allowed between two words of one trigger.
const MAX_GAP: usize = 3;

/// A trigger found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    /// Index into `LangLexicon::triggers`.
    pub trigger: u32,
    /// Token positions of its words in the sentence, in order.
    pub tokens: Vec<usize>,
}

impl Found {
    pub fn anchor(&self) -> usize {
        self.tokens[0]
    }

    pub fn last(&self) -> usize {
        *self.tokens.last().unwrap_or(&0)
    }
}

/// Whether any word of the sentence can open a trigger by its stem, its
/// prefix or its exact form: sentences without one are not analysed
/// further (their morphology is the costly part of the coder).
pub(crate) fn any_anchor(lex: &LangLexicon, tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        if t.kind != TokenKind::Word {
            return false;
        }
        let mut hit = false;
        lex.anchors
            .for_each(&WordForm::of(t, lex.lang), |_| hit = true);
        hit
    })
}

pub(crate) fn find(lex: &LangLexicon, view: &SentenceView<'_>) -> Vec<Found> {
    let n = view.tokens.len();
    let mut all = Vec::new();
    for i in 0..n {
        if view.in_mention[i] {
            continue;
        }
        lex.anchors.for_each(&view.forms[i], |&t| {
            let trigger = &lex.triggers[t as usize];
            let mut positions = vec![i];
            for word in &trigger.words[1..] {
                let prev = *positions.last().unwrap();
                if let Word::Not(_) = word {
                    // The very next token must not be the word.
                    if prev + 1 < n && !word.matches(&view.forms[prev + 1]) {
                        return;
                    }
                    continue;
                }
                let end = (prev + 2 + MAX_GAP).min(n);
                // (a later word may lie in a mention: "закрыла российские
                // консульства", "выслала российских дипломатов")
                match (prev + 1..end).find(|&k| word.matches(&view.forms[k])) {
                    Some(k) => positions.push(k),
                    None => return,
                }
            }
            all.push(Found {
                trigger: t,
                tokens: positions,
            });
        });
    }
    // Longer triggers first, then text order, then file order.
    all.sort_by_key(|f| (std::cmp::Reverse(f.tokens.len()), f.anchor(), f.trigger));
    let mut used = vec![false; n];
    let mut kept = Vec::new();
    for f in all {
        if f.tokens.iter().any(|&k| used[k]) {
            continue;
        }
        for &k in &f.tokens {
            used[k] = true;
        }
        kept.push(f);
    }
    kept.sort_by_key(|f| f.anchor());
    kept
}
