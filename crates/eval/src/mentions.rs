//! Actor-linking scores: predicted mentions against gold entity mentions
//! (design.md: a gold mention with a code counts as found when a predicted
//! mention overlaps it with the same code).
//!
//! Only gold mentions with a `code` count. A predicted mention's code is its
//! `org` when set, else its `country`. Character ranges overlap when they
//! intersect (end exclusive, so an empty range overlaps nothing).
//! - Recall: coded gold mentions overlapped by at least one predicted mention
//!   with the gold code (`tp_gold`), over coded gold mentions.
//! - Precision: among predicted mentions that overlap at least one coded gold
//!   mention, those whose code equals the code of one of the gold mentions
//!   they overlap (`tp`); the others, a missing code included, are `fp`.
//!   Predicted mentions overlapping no coded gold mention are not scored
//!   (counted in `unscored_predictions`).

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use dyad_core::{OutMention, Record};
use serde::Serialize;

use crate::gold::{EntityGold, GoldMention};
use crate::matching::{match_docs, Coverage};
use crate::report::{render_table, Prf};

/// The code a predicted mention is scored by: `org`, else `country`.
pub fn predicted_code(m: &OutMention) -> Option<&str> {
    fn clean(code: &Option<String>) -> Option<&str> {
        code.as_deref().map(str::trim).filter(|c| !c.is_empty())
    }
    clean(&m.org).or_else(|| clean(&m.country))
}

/// A predicted mention overlapping a coded gold mention with another code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrongCode {
    pub gold_code: String,
    /// `None` when the predicted mention had neither `org` nor `country`.
    pub predicted_code: Option<String>,
    pub gold_text: String,
}

/// Scores of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocMentionScore {
    pub prf: Prf,
    pub wrong_codes: Vec<WrongCode>,
    /// `(text, code)` of coded gold mentions not found.
    pub missed: Vec<(String, String)>,
    /// Predicted mentions that overlap no coded gold mention.
    pub unscored: usize,
}

/// How often one wrong code was given for one gold code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeConfusion {
    pub gold_code: String,
    pub predicted_code: Option<String>,
    pub count: usize,
    /// The most frequent gold text behind it.
    pub example: String,
}

/// How often one gold text (with its code) was missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissedText {
    pub text: String,
    pub code: String,
    pub count: usize,
}

/// Mention scores over a gold set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MentionReport {
    pub overall: Prf,
    pub by_lang: BTreeMap<String, Prf>,
    /// Most frequent wrong codes first.
    pub wrong_codes: Vec<CodeConfusion>,
    /// Most frequently missed gold texts first.
    pub missed_texts: Vec<MissedText>,
    pub unscored_predictions: usize,
    pub documents: usize,
    #[serde(flatten)]
    pub coverage: Coverage,
}

fn overlaps(a_start: usize, a_end: usize, b_start: usize, b_end: usize) -> bool {
    a_start < b_end && b_start < a_end
}

/// Scores one document's predicted mentions against its gold mentions.
pub fn score_doc_mentions(gold: &[GoldMention], pred: &[OutMention]) -> DocMentionScore {
    let coded: Vec<(&GoldMention, &str)> =
        gold.iter().filter_map(|g| Some((g, g.code()?))).collect();
    let mut score = DocMentionScore::default();
    for p in pred {
        let code = predicted_code(p);
        let mut touched = coded
            .iter()
            .filter(|(g, _)| overlaps(p.start, p.end, g.start, g.end))
            .peekable();
        let Some(&(first, first_code)) = touched.peek().copied() else {
            score.unscored += 1;
            continue;
        };
        if touched.any(|&(_, c)| Some(c) == code) {
            score.prf.tp += 1;
        } else {
            score.prf.fp += 1;
            score.wrong_codes.push(WrongCode {
                gold_code: first_code.to_string(),
                predicted_code: code.map(str::to_string),
                gold_text: first.text.clone(),
            });
        }
    }
    for &(g, code) in &coded {
        let found = pred
            .iter()
            .any(|p| overlaps(p.start, p.end, g.start, g.end) && predicted_code(p) == Some(code));
        if found {
            score.prf.tp_gold += 1;
        } else {
            score.prf.fn_ += 1;
            score.missed.push((g.text.clone(), code.to_string()));
        }
    }
    score
}

/// Scores predicted records against an entities gold set (module docs).
pub fn score_mentions(gold: &[EntityGold], pred: &[Record]) -> MentionReport {
    let gold_ids: Vec<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let pred_ids: Vec<&str> = pred.iter().map(|r| r.doc.as_str()).collect();
    let matching = match_docs(&gold_ids, &pred_ids);
    let mut report = MentionReport {
        documents: gold.len(),
        ..MentionReport::default()
    };
    let mut confusions: HashMap<(String, Option<String>), HashMap<String, usize>> = HashMap::new();
    let mut missed: HashMap<(String, String), usize> = HashMap::new();
    for (g, pred_index) in gold.iter().zip(&matching.pred_of_gold) {
        let mentions = pred_index
            .map(|i| pred[i].mentions.as_slice())
            .unwrap_or(&[]);
        let score = score_doc_mentions(&g.mentions, mentions);
        report.overall += &score.prf;
        *report.by_lang.entry(g.lang.clone()).or_default() += &score.prf;
        report.unscored_predictions += score.unscored;
        for w in score.wrong_codes {
            *confusions
                .entry((w.gold_code, w.predicted_code))
                .or_default()
                .entry(w.gold_text)
                .or_default() += 1;
        }
        for key in score.missed {
            *missed.entry(key).or_default() += 1;
        }
    }
    report.wrong_codes = confusions
        .into_iter()
        .map(|((gold_code, predicted_code), texts)| {
            let count = texts.values().sum();
            let example = texts
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(t, _)| t)
                .unwrap_or_default();
            CodeConfusion {
                gold_code,
                predicted_code,
                count,
                example,
            }
        })
        .collect();
    report.wrong_codes.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| (&a.gold_code, &a.predicted_code).cmp(&(&b.gold_code, &b.predicted_code)))
    });
    report.missed_texts = missed
        .into_iter()
        .map(|((text, code), count)| MissedText { text, code, count })
        .collect();
    report.missed_texts.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| (&a.text, &a.code).cmp(&(&b.text, &b.code)))
    });
    report.coverage = Coverage::new(&matching, &gold_ids, &pred_ids);
    report
}

impl MentionReport {
    /// The `top` most frequent wrong codes and missed gold texts.
    pub fn confusion(&self, top: usize) -> String {
        let mut out = String::from("wrong codes (gold -> predicted, count, example):\n");
        for c in self.wrong_codes.iter().take(top) {
            let predicted = c.predicted_code.as_deref().unwrap_or("(none)");
            out.push_str(&format!(
                "  {} -> {}  {}  «{}»\n",
                c.gold_code, predicted, c.count, c.example
            ));
        }
        out.push_str("missed gold mentions (text, code, count):\n");
        for m in self.missed_texts.iter().take(top) {
            out.push_str(&format!("  «{}» {}  {}\n", m.text, m.code, m.count));
        }
        out
    }
}

impl fmt::Display for MentionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rows: Vec<(&str, &Prf)> =
            self.by_lang.iter().map(|(l, p)| (l.as_str(), p)).collect();
        rows.push(("all", &self.overall));
        writeln!(f, "mentions ({} documents)", self.documents)?;
        f.write_str(&render_table("lang", rows))?;
        writeln!(
            f,
            "predicted mentions overlapping no coded gold mention (not scored): {}",
            self.unscored_predictions
        )?;
        write!(f, "{}", self.coverage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(start: usize, end: usize, text: &str, code: Option<&str>) -> GoldMention {
        GoldMention {
            start,
            end,
            text: text.into(),
            lemma: text.into(),
            kind: "LOC".into(),
            id: format!("GPE-{text}"),
            code: code.map(str::to_string),
        }
    }

    fn pred(start: usize, end: usize, country: Option<&str>, org: Option<&str>) -> OutMention {
        OutMention {
            start,
            end,
            text: String::new(),
            actor: "X".into(),
            country: country.map(str::to_string),
            org: org.map(str::to_string),
            sector: None,
            kind: None,
            form: None,
            place: false,
            part_of: None,
        }
    }

    #[test]
    fn org_code_wins_over_country() {
        assert_eq!(
            predicted_code(&pred(0, 1, Some("BEL"), Some("EU"))),
            Some("EU")
        );
        assert_eq!(predicted_code(&pred(0, 1, Some("RUS"), None)), Some("RUS"));
        assert_eq!(predicted_code(&pred(0, 1, Some(""), Some(" "))), None);
    }

    #[test]
    fn overlap_with_the_same_code_finds_the_gold_mention() {
        // "президентом России Владимиром Путиным": gold "Владимиром Путиным" RUS.
        let g = [gold(20, 38, "Владимиром Путиным", Some("RUS"))];
        let s = score_doc_mentions(&g, &[pred(31, 38, Some("RUS"), None)]);
        assert_eq!((s.prf.tp, s.prf.fp, s.prf.tp_gold, s.prf.fn_), (1, 0, 1, 0));
        // Touching end-to-start is not overlap.
        let s = score_doc_mentions(&g, &[pred(38, 45, Some("RUS"), None)]);
        assert_eq!((s.prf.tp, s.prf.fp, s.prf.fn_, s.unscored), (0, 0, 1, 1));
    }

    #[test]
    fn uncoded_gold_mentions_do_not_count_on_either_side() {
        let g = [
            gold(0, 9, "Асия Биби", None),
            gold(10, 17, "Франция", Some("FRA")),
        ];
        let s = score_doc_mentions(&g, &[pred(0, 9, Some("PAK"), None)]);
        assert_eq!(s.prf.predicted(), 0);
        assert_eq!(s.unscored, 1);
        assert_eq!((s.prf.tp_gold, s.prf.fn_), (0, 1));
        assert_eq!(s.missed, vec![("Франция".to_string(), "FRA".to_string())]);
    }

    #[test]
    fn a_wrong_or_missing_code_is_a_false_positive_and_a_miss() {
        let g = [gold(0, 2, "ЕС", Some("EU"))];
        let s = score_doc_mentions(&g, &[pred(0, 2, Some("BEL"), None), pred(0, 2, None, None)]);
        assert_eq!((s.prf.tp, s.prf.fp, s.prf.fn_), (0, 2, 1));
        assert_eq!(s.wrong_codes[0].predicted_code.as_deref(), Some("BEL"));
        assert_eq!(s.wrong_codes[1].predicted_code, None);
    }

    #[test]
    fn one_prediction_spanning_two_gold_mentions_is_right_if_it_has_either_code() {
        let g = [
            gold(0, 6, "Москва", Some("RUS")),
            gold(7, 11, "Киев", Some("UKR")),
        ];
        let s = score_doc_mentions(&g, &[pred(0, 11, Some("UKR"), None)]);
        assert_eq!((s.prf.tp, s.prf.fp, s.prf.tp_gold, s.prf.fn_), (1, 0, 1, 1));
    }

    #[test]
    fn report_groups_by_language_and_ranks_confusions() {
        let gold_docs = vec![
            EntityGold {
                doc: "slavicner/bg/a.txt".into(),
                lang: "bg".into(),
                mentions: vec![gold(0, 2, "ЕС", Some("EU")), gold(5, 7, "ЕС", Some("EU"))],
            },
            EntityGold {
                doc: "slavicner/ru/b.txt".into(),
                lang: "ru".into(),
                mentions: vec![gold(0, 6, "Россия", Some("RUS"))],
            },
        ];
        let mut rec = Record::error("bg/a.txt", None, "x");
        rec.error = None;
        rec.mentions = vec![pred(0, 2, Some("BEL"), None), pred(5, 7, Some("BEL"), None)];
        let r = score_mentions(&gold_docs, &[rec]);
        assert_eq!(r.coverage.missing_docs, vec!["slavicner/ru/b.txt"]);
        assert_eq!(r.by_lang["bg"].precision(), 0.0);
        assert_eq!(r.by_lang["ru"].gold(), 1);
        assert_eq!(r.overall.gold(), 3);
        assert_eq!(r.wrong_codes.len(), 1);
        assert_eq!(r.wrong_codes[0].count, 2);
        assert_eq!(r.wrong_codes[0].example, "ЕС");
        assert_eq!(r.missed_texts[0].text, "ЕС");
        assert_eq!(r.missed_texts[0].count, 2);
        assert!(
            r.confusion(5).contains("EU -> BEL  2"),
            "{}",
            r.confusion(5)
        );
    }
}
