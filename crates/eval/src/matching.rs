//! Pairing predicted records with gold documents by id.
//!
//! Ids match when equal or when one is a `/`-boundary suffix of the other
//! (gold `slavicner/bg/x.txt` and predicted `bg/x.txt` or `x.txt`), because
//! `dyad code` names a document by its path relative to the directory it was
//! given. Each gold document takes at most one prediction and each prediction
//! serves at most one gold document; the longest match wins (an exact match
//! beats a suffix of the same length), ties go to the earlier gold document
//! and are reported as ambiguous.

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

/// The outcome of [`match_docs`]; indices point into the slices given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DocMatching {
    /// For each gold document, the index of its prediction.
    pub pred_of_gold: Vec<Option<usize>>,
    /// Gold documents without a prediction.
    pub missing: Vec<usize>,
    /// Predictions that matched no gold document.
    pub unmatched: Vec<usize>,
    /// Predictions that matched more than one gold document equally well
    /// (the earlier gold document got them).
    pub ambiguous: Vec<usize>,
}

/// Pairs predicted ids with gold ids (see the module docs).
pub fn match_docs<G: AsRef<str>, P: AsRef<str>>(gold: &[G], pred: &[P]) -> DocMatching {
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (gi, g) in gold.iter().enumerate() {
        by_name.entry(file_name(g.as_ref())).or_default().push(gi);
    }
    // (strength, exact, gold, pred): every pair of ids that match.
    let mut candidates: Vec<(usize, bool, usize, usize)> = Vec::new();
    for (pi, p) in pred.iter().enumerate() {
        let p = clean(p.as_ref());
        let Some(golds) = by_name.get(file_name(p)) else {
            continue;
        };
        for &gi in golds {
            let g = clean(gold[gi].as_ref());
            if let Some(strength) = match_strength(g, p) {
                candidates.push((strength, g == p, gi, pi));
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });

    let mut pred_of_gold = vec![None; gold.len()];
    let mut gold_of_pred: Vec<Option<(usize, bool)>> = vec![None; pred.len()];
    let mut ambiguous = Vec::new();
    for &(strength, exact, gi, pi) in &candidates {
        match gold_of_pred[pi] {
            // Another gold document wanted this prediction as much.
            Some(taken)
                if taken == (strength, exact)
                    && pred_of_gold[gi].is_none()
                    && !ambiguous.contains(&pi) =>
            {
                ambiguous.push(pi);
            }
            None if pred_of_gold[gi].is_none() => {
                pred_of_gold[gi] = Some(pi);
                gold_of_pred[pi] = Some((strength, exact));
            }
            _ => {}
        }
    }
    ambiguous.sort_unstable();
    DocMatching {
        missing: (0..gold.len())
            .filter(|&gi| pred_of_gold[gi].is_none())
            .collect(),
        unmatched: (0..pred.len())
            .filter(|&pi| gold_of_pred[pi].is_none())
            .collect(),
        pred_of_gold,
        ambiguous,
    }
}

/// The documents that did not pair up, by id, as every report lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Gold documents without a prediction (scored as predicted-empty).
    pub missing_docs: Vec<String>,
    /// Predictions that matched no gold document (not scored).
    pub unmatched_predictions: Vec<String>,
    /// Predictions whose id matched several gold documents equally well.
    pub ambiguous_predictions: Vec<String>,
}

impl Coverage {
    /// Names the indices of a [`DocMatching`] by the ids it was built from.
    pub fn new<G: AsRef<str>, P: AsRef<str>>(
        matching: &DocMatching,
        gold: &[G],
        pred: &[P],
    ) -> Self {
        let names = |indices: &[usize], ids: &dyn Fn(usize) -> String| {
            indices.iter().map(|&i| ids(i)).collect()
        };
        let gold_id = |i: usize| gold[i].as_ref().to_string();
        let pred_id = |i: usize| pred[i].as_ref().to_string();
        Coverage {
            missing_docs: names(&matching.missing, &gold_id),
            unmatched_predictions: names(&matching.unmatched, &pred_id),
            ambiguous_predictions: names(&matching.ambiguous, &pred_id),
        }
    }
}

/// One line per non-empty list, with the first few ids.
impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (label, docs) in [
            ("gold documents without a prediction", &self.missing_docs),
            (
                "predictions matching no gold document",
                &self.unmatched_predictions,
            ),
            (
                "predictions matching several gold documents",
                &self.ambiguous_predictions,
            ),
        ] {
            if !docs.is_empty() {
                let shown: Vec<&str> = docs.iter().take(5).map(String::as_str).collect();
                let more = if docs.len() > 5 { ", …" } else { "" };
                writeln!(f, "{label}: {} ({}{more})", docs.len(), shown.join(", "))?;
            }
        }
        Ok(())
    }
}

/// Length of the shared id when `a` and `b` are equal or one is a
/// `/`-boundary suffix of the other.
fn match_strength(a: &str, b: &str) -> Option<usize> {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() || !long.ends_with(short) {
        return None;
    }
    let head = &long[..long.len() - short.len()];
    (head.is_empty() || head.ends_with('/')).then_some(short.len())
}

fn clean(id: &str) -> &str {
    let id = id.trim();
    id.strip_prefix("./").unwrap_or(id)
}

fn file_name(id: &str) -> &str {
    let id = clean(id);
    id.rsplit('/').next().unwrap_or(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_match_only_at_slash_boundaries() {
        assert_eq!(match_strength("slavicner/bg/x.txt", "bg/x.txt"), Some(8));
        assert_eq!(match_strength("x.txt", "slavicner/bg/x.txt"), Some(5));
        assert_eq!(match_strength("a.txt", "a.txt"), Some(5));
        assert_eq!(match_strength("slavicner/bg/ax.txt", "x.txt"), None);
        assert_eq!(match_strength("bg/x.txt", "ru/x.txt"), None);
        assert_eq!(match_strength("", "x"), None);
    }

    #[test]
    fn predicted_paths_relative_to_any_directory_find_their_gold() {
        let gold = [
            "slavicner/bg/a.txt",
            "slavicner/ru/b.txt",
            "slavicner/uk/c.txt",
        ];
        let pred = [
            "ru/b.txt",
            "a.txt",
            "./other/corpus/slavicner/uk/c.txt",
            "d.txt",
        ];
        let m = match_docs(&gold, &pred);
        assert_eq!(m.pred_of_gold, vec![Some(1), Some(0), Some(2)]);
        assert!(m.missing.is_empty());
        assert_eq!(m.unmatched, vec![3]);
        assert!(m.ambiguous.is_empty());
    }

    #[test]
    fn the_longest_match_wins_and_missing_gold_is_listed() {
        let gold = [
            "slavicner/bg/x.txt",
            "slavicner/ru/x.txt",
            "slavicner/uk/y.txt",
        ];
        // "x.txt" could be either; "ru/x.txt" is the better match for the ru doc.
        let pred = ["x.txt", "ru/x.txt"];
        let m = match_docs(&gold, &pred);
        assert_eq!(m.pred_of_gold, vec![Some(0), Some(1), None]);
        assert_eq!(m.missing, vec![2]);
        assert!(m.unmatched.is_empty());
        assert!(m.ambiguous.is_empty());
    }

    #[test]
    fn exact_ids_beat_suffixes_and_ties_are_reported() {
        let m = match_docs(&["x.txt"], &["a/x.txt", "x.txt"]);
        assert_eq!(m.pred_of_gold, vec![Some(1)]);
        assert_eq!(m.unmatched, vec![0]);

        let m = match_docs(&["bg/x.txt", "ru/x.txt"], &["x.txt"]);
        assert_eq!(m.pred_of_gold, vec![Some(0), None]);
        assert_eq!(m.ambiguous, vec![0]);
        assert_eq!(m.missing, vec![1]);
    }

    #[test]
    fn a_duplicate_prediction_is_used_once() {
        let m = match_docs(&["a.txt"], &["a.txt", "a.txt"]);
        assert_eq!(m.pred_of_gold, vec![Some(0)]);
        assert_eq!(m.unmatched, vec![1]);
    }
}
