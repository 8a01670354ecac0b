//! Finding the triggers of a sentence: each trigger's anchor word, then its
//! further words each within `MAX_GAP` tokens of the previous, not counting
//! the words of actor mentions; a trigger
//! never opens inside an actor mention ("Министерство обороны" is no
//! event), though its later words may lie in one ("выслала российских
//! дипломатов"); on overlapping matches the longer trigger wins.

use dyad_nlp::{Token, TokenKind};

use crate::lexicon::LangLexicon;
use crate::sentence::SentenceView;
use crate::words::{Word, WordForm};

/// Tokens allowed between two words of one trigger, besides those of actor
/// mentions.
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

/// Whether a whole trigger matches the sentence on stems, prefixes and
/// exact forms (no lemmas: no morphology yet), given which tokens lie in
/// actor mentions: sentences without one are not analysed further (their
/// morphology is the costly part of the coder).
pub(crate) fn any_trigger(lex: &LangLexicon, tokens: &[Token], in_mention: &[bool]) -> bool {
    if !tokens
        .iter()
        .any(|t| t.kind == TokenKind::Word && lex.anchors.has_stem_or_form(t))
    {
        return false;
    }
    let forms: Vec<WordForm<'_>> = tokens.iter().map(|t| WordForm::of(t, lex.lang)).collect();
    !matches_in(lex, &forms, in_mention).is_empty()
}

pub(crate) fn find(lex: &LangLexicon, view: &SentenceView<'_>) -> Vec<Found> {
    keep_longest(
        matches_in(lex, &view.forms, &view.in_mention),
        view.tokens.len(),
    )
}

/// Every trigger that matches, overlapping ones included.
fn matches_in(lex: &LangLexicon, forms: &[WordForm<'_>], in_mention: &[bool]) -> Vec<Found> {
    let n = forms.len();
    let mut all = Vec::new();
    for i in 0..n {
        if in_mention[i] {
            continue;
        }
        lex.anchors.for_each(&forms[i], |&t| {
            let trigger = &lex.triggers[t as usize];
            let mut positions = vec![i];
            for word in &trigger.words[1..] {
                let prev = *positions.last().unwrap();
                if let Word::Not(_) = word {
                    // The very next token must not be the word.
                    if prev + 1 < n && !word.matches(&forms[prev + 1]) {
                        return;
                    }
                    continue;
                }
                // (a later word may lie in a mention: "закрыла российские
                // консульства", "выслала российских дипломатов"; the words
                // of mentions between do not count: "меморандум между
                // Украиной и Польшей был подписан")
                let mut gap = 0;
                let mut next = None;
                for k in prev + 1..n {
                    if word.matches(&forms[k]) {
                        next = Some(k);
                        break;
                    }
                    if !in_mention[k] {
                        gap += 1;
                        if gap > MAX_GAP {
                            break;
                        }
                    }
                }
                match next {
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
    all
}

/// On overlapping matches the longer trigger wins.
fn keep_longest(mut all: Vec<Found>, n: usize) -> Vec<Found> {
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
