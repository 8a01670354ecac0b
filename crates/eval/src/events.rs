//! Event scoring exactly as events.md states it, over triples
//! ([`crate::triples`]).
//!
//! Per document:
//! - a predicted triple is correct (`tp`) when it matches a non-optional
//!   gold triple; it is ignored when it matches only optional gold triples;
//!   otherwise it is a false positive (`fp`);
//! - a non-optional gold triple is found (`tp_gold`) when some predicted
//!   triple matches it, else missed (`fn_`); optional gold triples are never
//!   counted.
//!
//! Counts are micro-averaged over documents; per language by the gold
//! document's language; per type by the predicted type for `tp`/`fp` and by
//! the gold type for `tp_gold`/`fn_`. A gold document without a prediction
//! is scored as predicted-empty and listed in `missing_docs`.

use std::collections::BTreeMap;
use std::fmt;

use dyad_core::{EventType, OutEvent, Record};
use serde::Serialize;

use crate::gold::{EventGold, GoldEvent};
use crate::matching::{match_docs, Coverage};
use crate::report::{render_table, Prf};
use crate::triples::{gold_triples, predicted_triples, triple_matches, GoldTriple, PredTriple};

/// Scores of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocEventScore {
    pub prf: Prf,
    pub by_type: BTreeMap<EventType, Prf>,
    /// Predicted triples that match no gold triple.
    pub false_positives: Vec<PredTriple>,
    /// Non-optional gold triples no prediction matched.
    pub misses: Vec<GoldTriple>,
    /// Predicted triples that matched only optional gold triples (not counted).
    pub optional_only: usize,
}

/// One document's line in an [`EventReport`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocEvents {
    pub doc: String,
    pub lang: String,
    /// Id of the matched prediction; `None` when the document had none.
    pub predicted_doc: Option<String>,
    #[serde(flatten)]
    pub score: DocEventScore,
}

/// Event scores over a gold set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EventReport {
    pub overall: Prf,
    pub by_lang: BTreeMap<String, Prf>,
    pub by_type: BTreeMap<EventType, Prf>,
    pub docs: Vec<DocEvents>,
    /// Gold documents without a prediction, predictions without gold.
    #[serde(flatten)]
    pub coverage: Coverage,
}

/// Scores one document's predicted events against its gold events.
pub fn score_doc_events(gold: &[GoldEvent], pred: &[OutEvent]) -> DocEventScore {
    let gold = gold_triples(gold);
    let pred = predicted_triples(pred);
    let mut score = DocEventScore::default();
    for p in &pred {
        let hits: Vec<&GoldTriple> = gold
            .iter()
            .filter(|g| triple_matches(&p.triple, g))
            .collect();
        let counts = score.by_type.entry(p.triple.kind).or_default();
        if hits.iter().any(|g| !g.optional) {
            counts.tp += 1;
        } else if !hits.is_empty() {
            score.optional_only += 1;
        } else {
            counts.fp += 1;
            score.false_positives.push(p.clone());
        }
    }
    for g in gold.iter().filter(|g| !g.optional) {
        let counts = score.by_type.entry(g.triple.kind).or_default();
        if pred.iter().any(|p| triple_matches(&p.triple, g)) {
            counts.tp_gold += 1;
        } else {
            counts.fn_ += 1;
            score.misses.push(g.clone());
        }
    }
    score.by_type.retain(|_, prf| *prf != Prf::default());
    for prf in score.by_type.values() {
        score.prf += prf;
    }
    score
}

/// Scores predicted records against an events gold set (see module docs).
pub fn score_events(gold: &[EventGold], pred: &[Record]) -> EventReport {
    let gold_ids: Vec<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let pred_ids: Vec<&str> = pred.iter().map(|r| r.doc.as_str()).collect();
    let matching = match_docs(&gold_ids, &pred_ids);
    let mut report = EventReport::default();
    for (g, pred_index) in gold.iter().zip(&matching.pred_of_gold) {
        let record = pred_index.map(|i| &pred[i]);
        let events = record.map(|r| r.events.as_slice()).unwrap_or(&[]);
        let score = score_doc_events(&g.events, events);
        report.overall += &score.prf;
        *report.by_lang.entry(g.lang.clone()).or_default() += &score.prf;
        for (kind, prf) in &score.by_type {
            *report.by_type.entry(*kind).or_default() += prf;
        }
        report.docs.push(DocEvents {
            doc: g.doc.clone(),
            lang: g.lang.clone(),
            predicted_doc: record.map(|r| r.doc.clone()),
            score,
        });
    }
    report.coverage = Coverage::new(&matching, &gold_ids, &pred_ids);
    report
}

impl EventReport {
    /// The report over the documents `keep` accepts only, its totals summed
    /// from their per-document scores (a split of a gold set, such as the
    /// dev set's check documents and the rest).
    pub fn subset(&self, keep: impl Fn(&str) -> bool) -> EventReport {
        let mut out = EventReport::default();
        for d in self.docs.iter().filter(|d| keep(&d.doc)) {
            out.overall += &d.score.prf;
            *out.by_lang.entry(d.lang.clone()).or_default() += &d.score.prf;
            for (kind, prf) in &d.score.by_type {
                *out.by_type.entry(*kind).or_default() += prf;
            }
            out.docs.push(d.clone());
        }
        out.coverage.missing_docs = self
            .coverage
            .missing_docs
            .iter()
            .filter(|d| keep(d))
            .cloned()
            .collect();
        out
    }

    /// The totals without the per-document lines (and so without any
    /// document's evidence): what a held-out split may show.
    pub fn without_docs(&self) -> EventReport {
        EventReport {
            docs: Vec::new(),
            ..self.clone()
        }
    }

    /// Per-document false positives and misses, for `--verbose`.
    pub fn listing(&self) -> String {
        let mut out = String::new();
        for d in &self.docs {
            let s = &d.score;
            if s.false_positives.is_empty() && s.misses.is_empty() {
                continue;
            }
            out.push_str(&format!("{} [{}]\n", d.doc, d.lang));
            for fp in &s.false_positives {
                out.push_str(&format!("  FP   {}  «{}»\n", fp.triple, fp.evidence));
            }
            for miss in &s.misses {
                out.push_str(&format!("  MISS {}  «{}»\n", miss.triple, miss.evidence));
            }
        }
        out
    }
}

/// Tables: overall and per language, then per type, then coverage notes.
impl fmt::Display for EventReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rows: Vec<(&str, &Prf)> =
            self.by_lang.iter().map(|(l, p)| (l.as_str(), p)).collect();
        rows.push(("all", &self.overall));
        writeln!(f, "events ({} documents)", self.docs.len())?;
        f.write_str(&render_table("lang", rows))?;
        writeln!(f)?;
        f.write_str(&render_table(
            "type",
            self.by_type.iter().map(|(t, p)| (t.as_str(), p)),
        ))?;
        write!(f, "{}", self.coverage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn gold_event(kind: EventType, actors: &[&str], recipients: &[&str]) -> GoldEvent {
        GoldEvent {
            kind,
            mode: None,
            actors: codes(actors),
            recipients: codes(recipients),
            context: vec![],
            date: None,
            alt_types: vec![],
            optional: false,
            evidence: format!("{} gold", kind.as_str()),
        }
    }

    fn out_event(kind: EventType, actors: &[&str], recipients: &[&str]) -> OutEvent {
        OutEvent {
            kind,
            alt_types: vec![],
            mode: None,
            actors: codes(actors),
            recipients: codes(recipients),
            actor_ids: vec![],
            recipient_ids: vec![],
            context: vec![],
            date: None,
            quad: kind.quad(),
            score: 0.0,
            confidence: 1.0,
            sentence: None,
            evidence: format!("{} predicted", kind.as_str()),
        }
    }

    fn record(doc: &str, events: Vec<OutEvent>) -> Record {
        let mut r = Record::error(doc, None, "x");
        r.error = None;
        r.events = events;
        r
    }

    #[test]
    fn a_subset_sums_only_its_documents() {
        let gold = vec![
            EventGold {
                doc: "a.txt".into(),
                lang: "ru".into(),
                events: vec![gold_event(EventType::Accuse, &["RUS"], &["UKR"])],
            },
            EventGold {
                doc: "b.txt".into(),
                lang: "bg".into(),
                events: vec![gold_event(EventType::Request, &["EU"], &["BGR"])],
            },
        ];
        let pred = [record(
            "a.txt",
            vec![out_event(EventType::Accuse, &["RUS"], &["UKR"])],
        )];
        let all = score_events(&gold, &pred);
        assert_eq!((all.overall.tp, all.overall.fn_), (1, 1));
        let a = all.subset(|d| d == "a.txt");
        assert_eq!(a.overall.f1(), 1.0);
        assert_eq!(a.docs.len(), 1);
        assert!(a.coverage.missing_docs.is_empty());
        let b = all.subset(|d| d == "b.txt");
        assert_eq!((b.overall.tp, b.overall.fn_), (0, 1));
        assert_eq!(b.by_lang.keys().collect::<Vec<_>>(), ["bg"]);
        assert_eq!(b.coverage.missing_docs, ["b.txt"]);
    }

    #[test]
    fn symmetric_gold_with_three_actors_needs_three_pairs() {
        let gold = [gold_event(EventType::Consult, &["RUS", "IRN", "TUR"], &[])];
        let pred = [out_event(EventType::Consult, &["TUR", "RUS"], &[])];
        let s = score_doc_events(&gold, &pred);
        assert_eq!((s.prf.tp, s.prf.fp, s.prf.tp_gold, s.prf.fn_), (1, 0, 1, 2));
        assert_eq!(s.misses.len(), 2);
    }

    #[test]
    fn visit_coded_with_recipient_matches_a_symmetric_prediction_either_way() {
        let gold = [gold_event(EventType::Consult, &["SYR"], &["RUS"])];
        let pred = [out_event(EventType::Consult, &["RUS", "SYR"], &[])];
        let s = score_doc_events(&gold, &pred);
        assert_eq!(s.prf.f1(), 1.0);
    }

    #[test]
    fn reversed_direction_is_both_a_false_positive_and_a_miss() {
        let gold = [gold_event(EventType::Accuse, &["RUS"], &["UKR"])];
        let pred = [out_event(EventType::Accuse, &["UKR"], &["RUS"])];
        let s = score_doc_events(&gold, &pred);
        assert_eq!((s.prf.tp, s.prf.fp, s.prf.fn_), (0, 1, 1));
        assert_eq!(s.false_positives[0].triple.to_string(), "ACCUSE UKR -> RUS");
        assert_eq!(s.misses[0].evidence, "ACCUSE gold");
    }

    #[test]
    fn alt_types_count_for_the_predicted_type_in_precision_and_gold_type_in_recall() {
        let mut g = gold_event(EventType::Agree, &["FRA"], &["RUS"]);
        g.alt_types = vec![EventType::Consult];
        let s = score_doc_events(&[g], &[out_event(EventType::Consult, &["RUS", "FRA"], &[])]);
        assert_eq!(s.prf.f1(), 1.0);
        assert_eq!(s.by_type[&EventType::Consult].tp, 1);
        assert_eq!(s.by_type[&EventType::Agree].tp_gold, 1);
        assert_eq!(s.by_type[&EventType::Consult].tp_gold, 0);
    }

    #[test]
    fn optional_gold_neither_counts_for_nor_against() {
        let mut opt = gold_event(EventType::Sanction, &["UKR"], &["RUS"]);
        opt.optional = true;
        let gold = [gold_event(EventType::Coerce, &["UKR"], &["RUS"]), opt];
        // Predicting the optional one changes nothing.
        let with = score_doc_events(
            &gold,
            &[
                out_event(EventType::Coerce, &["UKR"], &["RUS"]),
                out_event(EventType::Sanction, &["UKR"], &["RUS"]),
            ],
        );
        assert_eq!(
            (with.prf.tp, with.prf.fp, with.prf.tp_gold, with.prf.fn_),
            (1, 0, 1, 0)
        );
        assert_eq!(with.optional_only, 1);
        // Leaving it out does not hurt recall.
        let without = score_doc_events(&gold, &[out_event(EventType::Coerce, &["UKR"], &["RUS"])]);
        assert_eq!(without.prf, with.prf);
    }

    #[test]
    fn domestic_events_are_out_of_scope_on_both_sides() {
        let gold = [
            gold_event(EventType::Protest, &["BGR"], &["BGR"]),
            gold_event(EventType::Request, &["EU"], &["BGR"]),
        ];
        let pred = [
            out_event(EventType::Accuse, &["RUS"], &["RUS"]),
            out_event(EventType::Request, &["EU"], &["BGR", "EU"]),
        ];
        let s = score_doc_events(&gold, &pred);
        assert_eq!((s.prf.tp, s.prf.fp, s.prf.tp_gold, s.prf.fn_), (1, 0, 1, 0));
    }

    #[test]
    fn the_same_event_told_twice_is_one_triple() {
        let gold = [gold_event(EventType::Threaten, &["USA"], &["RUS"])];
        let twice = [
            out_event(EventType::Threaten, &["USA"], &["RUS"]),
            out_event(EventType::Threaten, &["USA"], &["RUS"]),
        ];
        assert_eq!(score_doc_events(&gold, &twice).prf.predicted(), 1);
    }

    #[test]
    fn documents_pair_by_suffix_and_missing_ones_lose_recall() {
        let gold = vec![
            EventGold {
                doc: "dev/docs/a.txt".into(),
                lang: "bg".into(),
                events: vec![gold_event(EventType::Support, &["BGR"], &["UKR"])],
            },
            EventGold {
                doc: "dev/docs/b.txt".into(),
                lang: "ru".into(),
                events: vec![gold_event(EventType::Reject, &["RUS"], &["EU"])],
            },
        ];
        let pred = vec![
            record(
                "a.txt",
                vec![
                    out_event(EventType::Support, &["BGR"], &["UKR"]),
                    out_event(EventType::Aid, &["BGR"], &["UKR"]),
                ],
            ),
            record(
                "c.txt",
                vec![out_event(EventType::Reject, &["RUS"], &["EU"])],
            ),
        ];
        let r = score_events(&gold, &pred);
        assert_eq!(r.coverage.missing_docs, vec!["dev/docs/b.txt"]);
        assert_eq!(r.coverage.unmatched_predictions, vec!["c.txt"]);
        assert_eq!(
            (r.overall.tp, r.overall.fp, r.overall.tp_gold, r.overall.fn_),
            (1, 1, 1, 1)
        );
        assert_eq!(r.by_lang["bg"].recall(), 1.0);
        assert_eq!(r.by_lang["ru"].recall(), 0.0);
        assert_eq!(r.by_type[&EventType::Aid].fp, 1);
        assert_eq!(r.docs[0].predicted_doc.as_deref(), Some("a.txt"));
        let listing = r.listing();
        assert!(listing.contains("FP   AID BGR -> UKR"), "{listing}");
        assert!(listing.contains("MISS REJECT RUS -> EU"), "{listing}");
        let table = r.to_string();
        assert!(
            table.contains("gold documents without a prediction: 1"),
            "{table}"
        );
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["by_type"]["AID"]["fp"], 1);
        assert_eq!(json["docs"][0]["false_positives"][0]["type"], "AID");
    }
}
