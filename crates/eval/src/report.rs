//! Precision / recall / F1 counts and the plain-text table every scorer
//! prints.
//!
//! Counts are kept on both sides because the scoring rules are set-based:
//! one predicted item may match several gold items (an `AGREE` gold event
//! with `CONSULT` among its alternatives and a plain `CONSULT` gold event on
//! the same pair are both found by one predicted `CONSULT`), so the number
//! of correct predictions and the number of gold items found can differ.
//!
//! Empty denominators: precision with nothing predicted is 1.0 (no false
//! claims were made), recall with no gold items is 1.0 (nothing was there
//! to find), and F1 is 0.0 when both precision and recall are 0.0. A system
//! that predicts nothing on documents with gold therefore gets P = 1, R = 0,
//! F1 = 0; the table prints `-` for a figure whose denominator is 0.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// Counts behind one precision / recall / F1 figure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    /// Predicted items that are correct (precision numerator).
    pub tp: usize,
    /// Predicted items that are wrong.
    pub fp: usize,
    /// Gold items not found.
    pub fn_: usize,
    /// Gold items found (recall numerator). Equals `tp` when matching is
    /// one-to-one.
    pub tp_gold: usize,
}

impl Prf {
    /// Scored predictions: `tp + fp`.
    pub fn predicted(&self) -> usize {
        self.tp + self.fp
    }

    /// Gold items: `tp_gold + fn_`.
    pub fn gold(&self) -> usize {
        self.tp_gold + self.fn_
    }

    /// `tp / (tp + fp)`; 1.0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted())
    }

    /// `tp_gold / (tp_gold + fn_)`; 1.0 when there is no gold item.
    pub fn recall(&self) -> f64 {
        ratio(self.tp_gold, self.gold())
    }

    /// Harmonic mean of precision and recall; 0.0 when both are 0.0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another set of counts to this one (micro-averaging).
    pub fn add(&mut self, other: &Prf) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.tp_gold += other.tp_gold;
    }
}

impl std::ops::AddAssign<&Prf> for Prf {
    fn add_assign(&mut self, other: &Prf) {
        self.add(other);
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// Serialised as the counts plus the three figures, so JSON consumers need
/// not recompute them: `{"tp","fp","fn","tp_gold","precision","recall","f1"}`.
impl Serialize for Prf {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Prf", 7)?;
        s.serialize_field("tp", &self.tp)?;
        s.serialize_field("fp", &self.fp)?;
        s.serialize_field("fn", &self.fn_)?;
        s.serialize_field("tp_gold", &self.tp_gold)?;
        s.serialize_field("precision", &self.precision())?;
        s.serialize_field("recall", &self.recall())?;
        s.serialize_field("f1", &self.f1())?;
        s.end()
    }
}

/// A plain-text table: one row per label (language, type, "all"), columns
/// `n` (gold items), `pred` (scored predictions), `P`, `R`, `F1`.
pub fn render_table<'a>(label: &str, rows: impl IntoIterator<Item = (&'a str, &'a Prf)>) -> String {
    let rows: Vec<(&str, &Prf)> = rows.into_iter().collect();
    let width = rows
        .iter()
        .map(|(name, _)| name.chars().count())
        .chain(std::iter::once(label.chars().count()))
        .max()
        .unwrap_or(0);
    let mut out = format!(
        "{label:<width$}  {:>7}  {:>7}  {:>6}  {:>6}  {:>6}\n",
        "n", "pred", "P", "R", "F1"
    );
    for (name, prf) in rows {
        let p = figure(prf.precision(), prf.predicted());
        let r = figure(prf.recall(), prf.gold());
        let f = if prf.predicted() == 0 && prf.gold() == 0 {
            "-".to_string()
        } else {
            format!("{:.3}", prf.f1())
        };
        out.push_str(&format!(
            "{name:<width$}  {:>7}  {:>7}  {p:>6}  {r:>6}  {f:>6}\n",
            prf.gold(),
            prf.predicted()
        ));
    }
    out
}

fn figure(value: f64, denominator: usize) -> String {
    if denominator == 0 {
        "-".to_string()
    } else {
        format!("{value:.3}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_follow_the_counts() {
        let prf = Prf {
            tp: 3,
            fp: 1,
            fn_: 2,
            tp_gold: 4,
        };
        assert_eq!(prf.precision(), 0.75);
        assert!((prf.recall() - 4.0 / 6.0).abs() < 1e-12);
        let f1 = 2.0 * 0.75 * (4.0 / 6.0) / (0.75 + 4.0 / 6.0);
        assert!((prf.f1() - f1).abs() < 1e-12);
    }

    #[test]
    fn empty_denominators_are_vacuously_perfect_but_f1_needs_both() {
        let nothing = Prf::default();
        assert_eq!((nothing.precision(), nothing.recall()), (1.0, 1.0));
        assert_eq!(nothing.f1(), 1.0);
        let silent = Prf {
            fn_: 5,
            ..Prf::default()
        };
        assert_eq!(silent.precision(), 1.0);
        assert_eq!(silent.recall(), 0.0);
        assert_eq!(silent.f1(), 0.0);
        let all_wrong = Prf {
            fp: 2,
            fn_: 2,
            ..Prf::default()
        };
        assert_eq!(all_wrong.f1(), 0.0);
    }

    #[test]
    fn adding_is_micro_averaging() {
        let mut total = Prf {
            tp: 1,
            fp: 0,
            fn_: 0,
            tp_gold: 1,
        };
        total += &Prf {
            tp: 0,
            fp: 3,
            fn_: 1,
            tp_gold: 0,
        };
        assert_eq!(total.precision(), 0.25);
        assert_eq!(total.recall(), 0.5);
    }

    #[test]
    fn json_carries_counts_and_figures() {
        let prf = Prf {
            tp: 1,
            fp: 1,
            fn_: 0,
            tp_gold: 1,
        };
        let json = serde_json::to_value(prf).unwrap();
        assert_eq!(json["fn"], 0);
        assert_eq!(json["precision"], 0.5);
        assert_eq!(json["recall"], 1.0);
    }

    #[test]
    fn table_has_a_row_per_label_and_dashes_for_empty_denominators() {
        let good = Prf {
            tp: 2,
            fp: 0,
            fn_: 2,
            tp_gold: 2,
        };
        let none = Prf {
            fn_: 3,
            ..Prf::default()
        };
        let table = render_table("lang", [("bg", &good), ("ru", &none)]);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("lang"));
        let bg: Vec<&str> = lines[1].split_whitespace().collect();
        assert_eq!(bg, ["bg", "4", "2", "1.000", "0.500", "0.667"]);
        let ru: Vec<&str> = lines[2].split_whitespace().collect();
        assert_eq!(ru, ["ru", "3", "0", "-", "0.000", "0.000"]);
    }
}
