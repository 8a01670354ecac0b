//! Title accuracy: the predicted title equals the gold title after trimming
//! and collapsing runs of whitespace to one space. A missing predicted
//! title is wrong. Accuracy over no documents is 1.0.

use std::fmt;

use serde::Serialize;

/// A title that did not match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrongTitle {
    pub doc: String,
    pub gold: String,
    pub predicted: Option<String>,
}

/// Correct titles over all gold documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TitleReport {
    pub correct: usize,
    pub total: usize,
    pub accuracy: f64,
    pub wrong: Vec<WrongTitle>,
}

/// Trims and collapses whitespace.
pub fn normalize_title(title: &str) -> String {
    title.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a predicted title counts as the gold one.
pub fn title_matches(gold: &str, predicted: Option<&str>) -> bool {
    predicted.is_some_and(|p| normalize_title(p) == normalize_title(gold))
}

impl TitleReport {
    /// From `(doc, gold title, predicted title)` triples.
    pub fn new<'a>(items: impl IntoIterator<Item = (&'a str, &'a str, Option<&'a str>)>) -> Self {
        let mut report = TitleReport::default();
        for (doc, gold, predicted) in items {
            report.total += 1;
            if title_matches(gold, predicted) {
                report.correct += 1;
            } else {
                report.wrong.push(WrongTitle {
                    doc: doc.to_string(),
                    gold: gold.to_string(),
                    predicted: predicted.map(str::to_string),
                });
            }
        }
        report.accuracy = if report.total == 0 {
            1.0
        } else {
            report.correct as f64 / report.total as f64
        };
        report
    }
}

impl fmt::Display for TitleReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "titles: {}/{} correct ({:.3})",
            self.correct, self.total, self.accuracy
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_differences_do_not_matter_but_words_do() {
        let gold = "Путин и Раиси обсудили укрепление сотрудничества";
        assert!(title_matches(
            gold,
            Some("  Путин и\u{a0}Раиси\tобсудили укрепление\n сотрудничества ")
        ));
        assert!(!title_matches(
            gold,
            Some("Путин и Раиси обсудили укрепление сотрудничества — Кремль")
        ));
        assert!(!title_matches(
            gold,
            Some("путин и раиси обсудили укрепление сотрудничества")
        ));
        assert!(!title_matches(gold, None));
    }

    #[test]
    fn report_counts_and_lists_wrong_titles() {
        let r = TitleReport::new([
            ("a", "Заглавие", Some("Заглавие")),
            ("b", "Заголовок", None),
        ]);
        assert_eq!((r.correct, r.total), (1, 2));
        assert_eq!(r.accuracy, 0.5);
        assert_eq!(r.wrong[0].doc, "b");
        assert_eq!(r.to_string(), "titles: 1/2 correct (0.500)");
        assert_eq!(TitleReport::new([]).accuracy, 1.0);
    }
}
