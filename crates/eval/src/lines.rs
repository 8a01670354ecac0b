//! Main-text extraction scored by lines of the plain-text document.
//!
//! Lines are split on `\n` (a trailing `\r` stays with its line) and
//! numbered from 1. A line is predicted-kept when any block (character
//! offsets, end exclusive) overlaps its non-whitespace content. Lines that
//! are blank or whitespace-only are ignored on both sides, as are gold line
//! numbers past the end of the text (listed in `ignored_gold_lines`).
//!
//! `tp` = kept main lines, `fp` = kept lines that are neither main nor
//! optional, `fn_` = main lines not kept; so P = kept ∩ main / (kept −
//! optional) and R = kept ∩ main / main, micro-averaged over lines.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use dyad_core::{OutBlock, Record};
use serde::Serialize;

use crate::gold::SeedGold;
use crate::matching::{match_docs, Coverage};
use crate::report::{render_table, Prf};
use crate::titles::{TitleReport, WrongTitle};

/// A line with content: its 1-based number and the character range from its
/// first to just past its last non-whitespace character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentLine {
    pub number: usize,
    pub start: usize,
    pub end: usize,
}

/// The lines of `text` that are not blank, and the total number of lines.
pub fn content_lines(text: &str) -> (Vec<ContentLine>, usize) {
    let mut out = Vec::new();
    let mut number = 1;
    let mut first: Option<usize> = None;
    let mut last_end = 0;
    let mut push = |number: usize, first: Option<usize>, last_end: usize| {
        if let Some(start) = first {
            out.push(ContentLine {
                number,
                start,
                end: last_end,
            });
        }
    };
    for (i, c) in text.chars().enumerate() {
        if c == '\n' {
            push(number, first.take(), last_end);
            number += 1;
        } else if !c.is_whitespace() {
            first.get_or_insert(i);
            last_end = i + 1;
        }
    }
    push(number, first, last_end);
    (out, number)
}

/// Numbers of the content lines some block overlaps.
pub fn kept_lines(lines: &[ContentLine], blocks: &[OutBlock]) -> BTreeSet<usize> {
    let mut spans: Vec<(usize, usize)> = blocks
        .iter()
        .filter(|b| b.start < b.end)
        .map(|b| (b.start, b.end))
        .collect();
    spans.sort_unstable();
    // max_end[i]: the furthest end among the first i + 1 spans by start.
    let max_end: Vec<usize> = spans
        .iter()
        .scan(0, |m, &(_, end)| {
            *m = end.max(*m);
            Some(*m)
        })
        .collect();
    lines
        .iter()
        .filter(|line| {
            let starting_before_end = spans.partition_point(|&(start, _)| start < line.end);
            starting_before_end > 0 && max_end[starting_before_end - 1] > line.start
        })
        .map(|line| line.number)
        .collect()
}

/// Line scores of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DocLineScore {
    pub prf: Prf,
    /// Kept lines that are neither main nor optional.
    pub extra_lines: Vec<usize>,
    /// Main lines not kept.
    pub missed_lines: Vec<usize>,
    /// Gold line numbers that are blank or past the end of the text.
    pub ignored_gold_lines: Vec<usize>,
}

/// Scores the blocks of one document against its gold line numbers.
pub fn score_doc_lines(
    text: &str,
    blocks: &[OutBlock],
    main: &[usize],
    optional: &[usize],
) -> DocLineScore {
    let (lines, _) = content_lines(text);
    let content: BTreeSet<usize> = lines.iter().map(|l| l.number).collect();
    let kept = kept_lines(&lines, blocks);
    let main: BTreeSet<usize> = main.iter().copied().collect();
    let optional: BTreeSet<usize> = optional.iter().copied().collect();
    let mut score = DocLineScore {
        ignored_gold_lines: main
            .union(&optional)
            .filter(|n| !content.contains(n))
            .copied()
            .collect(),
        ..DocLineScore::default()
    };
    for &n in main.iter().filter(|n| content.contains(n)) {
        if kept.contains(&n) {
            score.prf.tp += 1;
            score.prf.tp_gold += 1;
        } else {
            score.prf.fn_ += 1;
            score.missed_lines.push(n);
        }
    }
    for &n in kept
        .iter()
        .filter(|n| !main.contains(n) && !optional.contains(n))
    {
        score.prf.fp += 1;
        score.extra_lines.push(n);
    }
    score
}

/// One document's line in a [`LineReport`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocLines {
    pub doc: String,
    pub lang: String,
    pub predicted_doc: Option<String>,
    /// Whether a text was available; without one, every main line is missed.
    pub has_text: bool,
    #[serde(flatten)]
    pub score: DocLineScore,
}

/// Main-text line scores and title accuracy over a seeds-style gold set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LineReport {
    pub overall: Prf,
    pub by_lang: BTreeMap<String, Prf>,
    pub docs: Vec<DocLines>,
    pub titles: TitleReport,
    #[serde(flatten)]
    pub coverage: Coverage,
}

/// Scores predicted blocks and titles against line gold. The text a
/// record's offsets point into is the record's own `text` when present,
/// else `doc_text(gold)` (the CLI reads the gold document's file). A
/// document with no text at all counts every gold main line as missed.
pub fn score_lines(
    gold: &[SeedGold],
    pred: &[Record],
    doc_text: &dyn Fn(&SeedGold) -> Option<String>,
) -> LineReport {
    let gold_ids: Vec<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let pred_ids: Vec<&str> = pred.iter().map(|r| r.doc.as_str()).collect();
    let matching = match_docs(&gold_ids, &pred_ids);
    let mut report = LineReport::default();
    let mut titles = Vec::new();
    for (g, pred_index) in gold.iter().zip(&matching.pred_of_gold) {
        let record = pred_index.map(|i| &pred[i]);
        let text = record.and_then(|r| r.text.clone()).or_else(|| doc_text(g));
        let blocks = record.map(|r| r.blocks.as_slice()).unwrap_or(&[]);
        let score = match &text {
            Some(text) => score_doc_lines(text, blocks, &g.main_lines, &g.optional_lines),
            None => {
                let missed: BTreeSet<usize> = g.main_lines.iter().copied().collect();
                DocLineScore {
                    prf: Prf {
                        fn_: missed.len(),
                        ..Prf::default()
                    },
                    missed_lines: missed.into_iter().collect(),
                    ..DocLineScore::default()
                }
            }
        };
        report.overall += &score.prf;
        *report.by_lang.entry(g.lang.clone()).or_default() += &score.prf;
        titles.push((g, record.and_then(|r| r.title.as_deref())));
        report.docs.push(DocLines {
            doc: g.doc.clone(),
            lang: g.lang.clone(),
            predicted_doc: record.map(|r| r.doc.clone()),
            has_text: text.is_some(),
            score,
        });
    }
    report.titles = TitleReport::new(
        titles
            .iter()
            .map(|(g, p)| (g.doc.as_str(), g.title.as_str(), *p)),
    );
    report.coverage = Coverage::new(&matching, &gold_ids, &pred_ids);
    report
}

impl LineReport {
    /// Per-document extra and missed lines and wrong titles, for `--verbose`.
    pub fn listing(&self) -> String {
        let mut out = String::new();
        for d in &self.docs {
            let s = &d.score;
            if s.extra_lines.is_empty()
                && s.missed_lines.is_empty()
                && s.ignored_gold_lines.is_empty()
                && d.has_text
            {
                continue;
            }
            out.push_str(&format!(
                "{} [{}]{}\n",
                d.doc,
                d.lang,
                if d.has_text { "" } else { " (no text)" }
            ));
            for (label, lines) in [
                ("extra", &s.extra_lines),
                ("missed", &s.missed_lines),
                ("ignored gold", &s.ignored_gold_lines),
            ] {
                if !lines.is_empty() {
                    let numbers: Vec<String> = lines.iter().map(usize::to_string).collect();
                    out.push_str(&format!("  {label} lines: {}\n", numbers.join(" ")));
                }
            }
        }
        for WrongTitle {
            doc,
            gold,
            predicted,
        } in &self.titles.wrong
        {
            out.push_str(&format!(
                "{doc}: title «{}», gold «{gold}»\n",
                predicted.as_deref().unwrap_or("(none)")
            ));
        }
        out
    }
}

impl fmt::Display for LineReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rows: Vec<(&str, &Prf)> =
            self.by_lang.iter().map(|(l, p)| (l.as_str(), p)).collect();
        rows.push(("all", &self.overall));
        writeln!(f, "main-text lines ({} documents)", self.docs.len())?;
        f.write_str(&render_table("lang", rows))?;
        writeln!(f, "{}", self.titles)?;
        write!(f, "{}", self.coverage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(start: usize, end: usize) -> OutBlock {
        OutBlock {
            start,
            end,
            kind: "body".into(),
        }
    }

    /// Character span of `needle` in `text`.
    fn span_of(text: &str, needle: &str) -> (usize, usize) {
        let byte = text.find(needle).unwrap();
        let start = text[..byte].chars().count();
        (start, start + needle.chars().count())
    }

    #[test]
    fn lines_count_characters_and_keep_carriage_returns() {
        let text = "Заглавие\r\n\r\n  Текст на статията.  \r\nМеню";
        let (lines, total) = content_lines(text);
        assert_eq!(total, 4);
        let numbers: Vec<usize> = lines.iter().map(|l| l.number).collect();
        assert_eq!(numbers, vec![1, 3, 4]);
        assert_eq!((lines[0].start, lines[0].end), (0, 8));
        assert_eq!(
            (lines[1].start, lines[1].end),
            span_of(text, "Текст на статията.")
        );
        assert_eq!(lines[2].start, span_of(text, "Меню").0);
    }

    #[test]
    fn a_block_over_only_the_whitespace_of_a_line_does_not_keep_it() {
        let text = "Заглавие\r\n  Текст.  \r\nМеню";
        let (lines, _) = content_lines(text);
        let (body_start, body_end) = span_of(text, "Текст.");
        // The leading spaces and the trailing "  \r" of line 2 only.
        let kept = kept_lines(
            &lines,
            &[
                block(body_start - 2, body_start),
                block(body_end, body_end + 3),
            ],
        );
        assert!(kept.is_empty(), "{kept:?}");
        // One character of content is enough; a block may span several lines.
        let kept = kept_lines(&lines, &[block(body_end - 1, body_end + 5)]);
        assert_eq!(kept.into_iter().collect::<Vec<_>>(), vec![2, 3]);
        // Ending right where "Меню" starts (end exclusive) does not reach it.
        let kept = kept_lines(&lines, &[block(body_end - 1, body_end + 4)]);
        assert_eq!(kept.into_iter().collect::<Vec<_>>(), vec![2]);
        // Reversed or empty blocks keep nothing and do not panic.
        assert!(kept_lines(&lines, &[block(5, 2), block(3, 3)]).is_empty());
    }

    #[test]
    fn nested_and_unsorted_blocks_are_handled() {
        let text = "a\nb\nc\nd";
        let (lines, _) = content_lines(text);
        // A long block first in start order, a short one inside it, one at the end.
        let kept = kept_lines(&lines, &[block(6, 7), block(2, 3), block(0, 5)]);
        assert_eq!(kept.into_iter().collect::<Vec<_>>(), vec![1, 2, 3, 4]);
        let kept = kept_lines(&lines, &[block(2, 3)]);
        assert_eq!(kept.into_iter().collect::<Vec<_>>(), vec![2]);
    }

    #[test]
    fn optional_lines_neither_count_for_nor_against_and_blank_gold_is_ignored() {
        let text = "Меню\n\nЗаглавие\n\nТекст.\n\nСвързани статии\nРеклама";
        let (lines, _) = content_lines(text);
        let all: Vec<OutBlock> = lines.iter().map(|l| block(l.start, l.end)).collect();
        // main 3, 5 (and blank 4, past-the-end 99); optional 7.
        let s = score_doc_lines(text, &all, &[3, 4, 5, 99], &[7]);
        assert_eq!((s.prf.tp, s.prf.fp, s.prf.fn_), (2, 2, 0));
        assert_eq!(s.extra_lines, vec![1, 8]);
        assert_eq!(s.ignored_gold_lines, vec![4, 99]);
        let (t, _) = span_of(text, "Заглавие");
        let s = score_doc_lines(text, &[block(t, t + 3)], &[3, 5], &[7]);
        assert_eq!((s.prf.tp, s.prf.fp, s.prf.fn_), (1, 0, 1));
        assert_eq!(s.missed_lines, vec![5]);
    }

    #[test]
    fn record_text_takes_precedence_and_missing_text_misses_everything() {
        let gold = vec![
            SeedGold {
                doc: "a.txt".into(),
                lang: "bg".into(),
                title: "Заглавие".into(),
                main_lines: vec![2],
                optional_lines: vec![],
                events: vec![],
            },
            SeedGold {
                doc: "b.txt".into(),
                lang: "ru".into(),
                title: "Заголовок".into(),
                main_lines: vec![1, 2],
                optional_lines: vec![],
                events: vec![],
            },
        ];
        let mut rec = Record::error("a.txt", None, "x");
        rec.error = None;
        rec.text = Some("Меню\nЗаглавие".into());
        rec.blocks = vec![block(5, 13)];
        rec.title = Some(" Заглавие ".into());
        let file_text = |_: &SeedGold| None;
        let r = score_lines(&gold, &[rec], &file_text);
        assert_eq!(r.by_lang["bg"].f1(), 1.0);
        assert_eq!((r.by_lang["ru"].fn_, r.by_lang["ru"].tp), (2, 0));
        assert!(!r.docs[1].has_text);
        assert_eq!((r.titles.correct, r.titles.total), (1, 2));
        assert!(
            r.listing().contains("b.txt [ru] (no text)"),
            "{}",
            r.listing()
        );
    }
}
