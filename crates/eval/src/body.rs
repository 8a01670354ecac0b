//! Scoring of an extracted article body against a gold body, as the public
//! scrapinghub article-extraction benchmark scores it (its `evaluate.py`).
//!
//! - **Tokens** are the maximal runs of word characters (`\w+` in Python's
//!   Unicode regex: letters, digits, underscore), case kept; everything else
//!   (punctuation, spaces, line breaks) only separates tokens. Rust's
//!   `char::is_alphanumeric` stands in for Python's `\w`; the two differ
//!   only on some combining marks, which Rust counts as letters.
//! - The units compared are **shingles**: every run of 4 consecutive tokens
//!   (a text with fewer than 4 tokens is one shorter shingle; an empty text
//!   has none). Shingles are counted as a multiset: a shingle found `p`
//!   times in the prediction and `g` times in the gold body adds
//!   `min(p, g)` true positives, `p - g` false positives when `p > g`, and
//!   `g - p` false negatives when `g > p`.
//! - Per document the three counts are **normalised to sum to 1**, so that a
//!   long article weighs no more than a short one.
//! - Over a corpus the benchmark **macro-averages**: precision is the mean
//!   of per-document precisions over the documents with any predicted
//!   shingle (tp + fp > 0), recall the mean of per-document recalls over
//!   the documents with any gold shingle (tp + fn > 0), and F1 the harmonic
//!   mean of those two means (not the mean of per-document F1s).

use std::collections::HashMap;

/// Shingle length (tokens) of the benchmark.
pub const SHINGLE_LEN: usize = 4;

/// The score of one document, or the average over a corpus (see
/// [`aggregate`]). Counts are normalised per document to sum to 1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BodyScore {
    pub true_pos: f64,
    pub false_pos: f64,
    pub false_neg: f64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl BodyScore {
    /// Whether the prediction had any shingle (the document then counts in
    /// the corpus precision).
    pub fn has_prediction(&self) -> bool {
        self.true_pos + self.false_pos > 0.0
    }

    /// Whether the gold body had any shingle (the document then counts in
    /// the corpus recall).
    pub fn has_gold(&self) -> bool {
        self.true_pos + self.false_neg > 0.0
    }
}

/// The word tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Shingles of `text` with their counts.
fn shingles<'a>(toks: &'a [&'a str]) -> HashMap<&'a [&'a str], usize> {
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    if toks.len() < SHINGLE_LEN {
        out.insert(toks, 1);
        return out;
    }
    for w in toks.windows(SHINGLE_LEN) {
        *out.entry(w).or_insert(0) += 1;
    }
    out
}

/// Score one predicted body against its gold body.
pub fn score_body(pred: &str, gold: &str) -> BodyScore {
    let pred_toks = tokens(pred);
    let gold_toks = tokens(gold);
    let pred_sh = shingles(&pred_toks);
    let gold_sh = shingles(&gold_toks);
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for (key, &p) in &pred_sh {
        let g = gold_sh.get(key).copied().unwrap_or(0);
        tp += p.min(g);
        fp += p.saturating_sub(g);
    }
    for (key, &g) in &gold_sh {
        let p = pred_sh.get(key).copied().unwrap_or(0);
        fneg += g.saturating_sub(p);
    }
    from_counts(tp as f64, fp as f64, fneg as f64)
}

fn from_counts(tp: f64, fp: f64, fneg: f64) -> BodyScore {
    let sum = tp + fp + fneg;
    let (tp, fp, fneg) = if sum > 0.0 {
        (tp / sum, fp / sum, fneg / sum)
    } else {
        (tp, fp, fneg)
    };
    let precision = ratio(tp, fp, fneg, fp);
    let recall = ratio(tp, fp, fneg, fneg);
    BodyScore {
        true_pos: tp,
        false_pos: fp,
        false_neg: fneg,
        precision,
        recall,
        f1: harmonic(precision, recall),
    }
}

/// `tp / (tp + err)`, with the benchmark's conventions: 1 when nothing was
/// wrong at all (fp = fn = 0), 0 when there is nothing to divide.
fn ratio(tp: f64, fp: f64, fneg: f64, err: f64) -> f64 {
    if fp == 0.0 && fneg == 0.0 {
        1.0
    } else if tp == 0.0 && err == 0.0 {
        0.0
    } else {
        tp / (tp + err)
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Corpus score: macro-averaged precision and recall, F1 of the averages.
pub fn aggregate(scores: &[BodyScore]) -> BodyScore {
    let mean = |vals: Vec<f64>| {
        if vals.is_empty() {
            0.0
        } else {
            vals.iter().sum::<f64>() / vals.len() as f64
        }
    };
    let precision = mean(
        scores
            .iter()
            .filter(|s| s.has_prediction())
            .map(|s| s.precision)
            .collect(),
    );
    let recall = mean(
        scores
            .iter()
            .filter(|s| s.has_gold())
            .map(|s| s.recall)
            .collect(),
    );
    let n = scores.len().max(1) as f64;
    BodyScore {
        true_pos: scores.iter().map(|s| s.true_pos).sum::<f64>() / n,
        false_pos: scores.iter().map(|s| s.false_pos).sum::<f64>() / n,
        false_neg: scores.iter().map(|s| s.false_neg).sum::<f64>() / n,
        precision,
        recall,
        f1: harmonic(precision, recall),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn tokens_are_word_runs_in_any_script() {
        assert_eq!(
            tokens("Путин и Оланд: talks, 2019-11-19; snake_case."),
            vec![
                "Путин",
                "и",
                "Оланд",
                "talks",
                "2019",
                "11",
                "19",
                "snake_case"
            ]
        );
        assert!(tokens(" \n—…!? ").is_empty());
        assert_eq!(tokens("Ще бъде"), vec!["Ще", "бъде"]);
    }

    #[test]
    fn identical_bodies_score_one_whatever_the_spacing() {
        let gold = "The minister met his counterpart in Sofia on Monday.\n\nTalks went on.";
        let pred = "The minister met his counterpart in Sofia on Monday. Talks went on.";
        let s = score_body(pred, gold);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
    }

    #[test]
    fn extra_text_costs_precision_and_missing_text_costs_recall() {
        let gold = "one two three four five six";
        // Gold shingles: 3. Prediction adds two words: 5 shingles, 3 right.
        let s = score_body("one two three four five six seven eight", gold);
        assert!(close(s.recall, 1.0));
        assert!(close(s.precision, 3.0 / 5.0));
        assert!(close(s.true_pos + s.false_pos + s.false_neg, 1.0));
        // Prediction keeps only the first five words: 2 of 3 shingles.
        let s = score_body("one two three four five", gold);
        assert!(close(s.precision, 1.0));
        assert!(close(s.recall, 2.0 / 3.0));
        assert!(close(s.f1, 2.0 * (2.0 / 3.0) / (1.0 + 2.0 / 3.0)));
    }

    #[test]
    fn case_matters_and_repeats_count_as_a_multiset() {
        let s = score_body("One two three four", "one two three four");
        assert_eq!(s.precision, 0.0);
        // Gold says it once, the prediction twice: of the 5 predicted
        // shingles of "a b c d a b c d" only one is matched in the gold.
        let gold = "a b c d";
        let s = score_body("a b c d a b c d", gold);
        assert!(close(s.recall, 1.0));
        assert!(close(s.precision, 1.0 / 5.0));
    }

    #[test]
    fn short_and_empty_texts_follow_the_benchmark_conventions() {
        // Fewer than four tokens: one shingle of them all.
        assert_eq!(score_body("two words", "two words").f1, 1.0);
        assert_eq!(score_body("two words", "two other").f1, 0.0);
        // Empty prediction: recall 0, precision undefined (not averaged).
        let s = score_body("", "some gold text here");
        assert_eq!(s.recall, 0.0);
        assert!(!s.has_prediction() && s.has_gold());
        // Both empty: counts in neither average.
        let s = score_body("", "");
        assert!(!s.has_prediction() && !s.has_gold());
    }

    #[test]
    fn aggregate_macro_averages_and_skips_undefined_sides() {
        let a = score_body("one two three four five six", "one two three four five six");
        let b = score_body("one two three four five", "one two three four five six");
        let c = score_body("", "one two three four five six");
        let all = aggregate(&[a, b, c]);
        // Precision over a and b only (c predicted nothing).
        assert!(close(all.precision, 1.0));
        // Recall over all three: (1 + 2/3 + 0) / 3.
        assert!(close(all.recall, (1.0 + 2.0 / 3.0) / 3.0));
        assert!(close(
            all.f1,
            2.0 * all.precision * all.recall / (all.precision + all.recall)
        ));
        assert_eq!(aggregate(&[]).f1, 0.0);
    }
}
