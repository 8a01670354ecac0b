//! The scorers on the real gold files of `shared/eval/`: each gold file,
//! turned into predictions, scores perfectly against itself; no prediction
//! scores zero recall; and targeted damage costs exactly what it should.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use dyad_core::{EventType, OutBlock, OutEvent, OutMention, Record};
use dyad_eval::{
    load_entities, load_events, load_seeds, score_events, score_lines, score_mentions, EntityGold,
    EventGold, GoldEvent, GoldSet, SeedGold,
};

fn shared(rel: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")).join(rel)
}

fn empty_record(doc: &str) -> Record {
    let mut r = Record::error(doc, None, "");
    r.error = None;
    r
}

fn out_event(e: &GoldEvent, kind: EventType) -> OutEvent {
    OutEvent {
        kind,
        alt_types: vec![],
        mode: e.mode.clone(),
        actors: e.actors.clone(),
        recipients: e.recipients.clone(),
        actor_ids: vec![],
        recipient_ids: vec![],
        context: e.context.clone(),
        date: e.date.clone(),
        quad: kind.quad(),
        score: 0.0,
        confidence: 1.0,
        sentence: None,
        evidence: e.evidence.clone(),
    }
}

/// Gold events as a prediction, with ids as `dyad code` would give them
/// for the directory one level up (`docs/x.txt` for gold `x.txt`).
fn events_as_predictions(
    gold: &[EventGold],
    pick: impl Fn(&GoldEvent) -> EventType,
) -> Vec<Record> {
    gold.iter()
        .map(|g| {
            let mut r = empty_record(&format!("docs/{}", g.doc));
            r.events = g.events.iter().map(|e| out_event(e, pick(e))).collect();
            r
        })
        .collect()
}

fn dev_events() -> Vec<EventGold> {
    load_events(&shared("eval/dev/events.gold.jsonl")).unwrap()
}

#[test]
fn event_gold_against_itself_is_perfect_overall_per_language_and_per_type() {
    for gold in [
        dev_events(),
        load_events(&shared("eval/seeds.gold.jsonl")).unwrap(),
    ] {
        let report = score_events(&gold, &events_as_predictions(&gold, |e| e.kind));
        assert!(report.overall.gold() > 0);
        assert_eq!(report.overall.f1(), 1.0, "{report}\n{}", report.listing());
        for (lang, prf) in &report.by_lang {
            assert_eq!((prf.precision(), prf.recall()), (1.0, 1.0), "{lang}");
        }
        for (kind, prf) in &report.by_type {
            assert_eq!(prf.f1(), 1.0, "{kind:?}");
        }
        assert!(report.coverage.missing_docs.is_empty());
        assert!(report.coverage.unmatched_predictions.is_empty());
        assert!(report.listing().is_empty());
    }
}

#[test]
fn the_dev_set_covers_three_languages_and_its_directed_events_have_recipients() {
    let report = score_events(&dev_events(), &[]);
    let langs: Vec<&str> = report.by_lang.keys().map(String::as_str).collect();
    assert_eq!(langs, ["bg", "ru", "uk"]);
    // Every gold document is listed as missing and recall is zero everywhere.
    assert_eq!(report.coverage.missing_docs.len(), dev_events().len());
    assert!(report.coverage.missing_docs.len() >= 200);
    assert_eq!(report.overall.recall(), 0.0);
    assert_eq!(report.overall.predicted(), 0);
    assert!(report
        .by_lang
        .values()
        .all(|p| p.recall() == 0.0 && p.gold() > 0));
}

#[test]
fn empty_records_for_every_document_score_zero_recall_without_missing_docs() {
    let gold = dev_events();
    let pred: Vec<Record> = gold.iter().map(|g| empty_record(&g.doc)).collect();
    let report = score_events(&gold, &pred);
    assert!(report.coverage.missing_docs.is_empty());
    assert_eq!(report.overall.recall(), 0.0);
    assert_eq!(report.overall.tp_gold, 0);
    assert_eq!(
        report.overall.fn_,
        report
            .docs
            .iter()
            .map(|d| d.score.misses.len())
            .sum::<usize>()
    );
}

#[test]
fn predicting_an_alternative_type_instead_of_the_gold_type_still_matches() {
    let gold = dev_events();
    let with_alts = gold
        .iter()
        .flat_map(|g| &g.events)
        .filter(|e| !e.alt_types.is_empty())
        .count();
    assert!(with_alts > 0);
    let pred = events_as_predictions(&gold, |e| e.alt_types.first().copied().unwrap_or(e.kind));
    // A directed alternative of a record naming only actors needs a
    // direction to be scored at all: predict each one, as events.md lets
    // either match.
    let pred: Vec<Record> = pred
        .into_iter()
        .map(|mut r| {
            r.events = r
                .events
                .into_iter()
                .flat_map(|e| {
                    if e.kind.is_symmetric() || !e.recipients.is_empty() {
                        return vec![e];
                    }
                    let mut out = Vec::new();
                    for a in &e.actors {
                        for b in e.actors.iter().filter(|b| *b != a) {
                            let mut one = e.clone();
                            one.actors = vec![a.clone()];
                            one.recipients = vec![b.clone()];
                            out.push(one);
                        }
                    }
                    out
                })
                .collect();
            r
        })
        .collect();
    let report = score_events(&gold, &pred);
    assert_eq!(report.overall.recall(), 1.0, "{}", report.listing());
    assert_eq!(report.overall.precision(), 1.0, "{}", report.listing());
}

#[test]
fn a_type_the_document_never_uses_finds_nothing() {
    let gold = dev_events();
    let pred: Vec<Record> = gold
        .iter()
        .map(|g| {
            // A type that is no gold type nor alternative anywhere in the document.
            let used: HashSet<EventType> = g
                .events
                .iter()
                .flat_map(|e| e.alt_types.iter().copied().chain([e.kind]))
                .collect();
            let unused = EventType::ALL
                .into_iter()
                .find(|t| !used.contains(t))
                .unwrap();
            let mut r = empty_record(&g.doc);
            r.events = g.events.iter().map(|e| out_event(e, unused)).collect();
            r
        })
        .collect();
    let report = score_events(&gold, &pred);
    assert_eq!(report.overall.tp_gold, 0);
    assert_eq!(report.overall.tp, 0);
    assert!(report.overall.fp > 0);
}

fn entities() -> Vec<EntityGold> {
    load_entities(&shared("eval/entities.dev.jsonl")).unwrap()
}

fn org_codes() -> HashSet<String> {
    std::fs::read_to_string(shared("spec/org_codes.tsv"))
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .map(str::to_string)
        .collect()
}

/// Coded gold mentions as predictions (organisation codes in `org`, others
/// in `country`), with ids relative to `corpus/slavicner`.
fn mentions_as_predictions(gold: &[EntityGold]) -> Vec<Record> {
    let orgs = org_codes();
    gold.iter()
        .map(|g| {
            let mut r = empty_record(g.doc.strip_prefix("slavicner/").unwrap());
            r.lang = Some(g.lang.clone());
            r.mentions = g
                .mentions
                .iter()
                .filter_map(|m| {
                    let code = m.code()?.to_string();
                    let is_org = orgs.contains(&code);
                    Some(OutMention {
                        start: m.start,
                        end: m.end,
                        text: m.text.clone(),
                        actor: m.id.clone(),
                        country: (!is_org).then(|| code.clone()),
                        org: is_org.then_some(code),
                        sector: None,
                        kind: None,
                        form: None,
                        place: false,
                        part_of: None,
                    })
                })
                .collect();
            r
        })
        .collect()
}

#[test]
fn entity_gold_against_itself_is_perfect_and_empty_has_zero_recall() {
    let gold = entities();
    assert_eq!(gold.len(), 2023);
    let pred = mentions_as_predictions(&gold);
    let report = score_mentions(&gold, &pred);
    assert!(report.coverage.missing_docs.is_empty(), "{report}");
    assert_eq!(
        report.overall.f1(),
        1.0,
        "{report}\n{}",
        report.confusion(10)
    );
    assert_eq!(report.by_lang.len(), 3);
    assert!(report.wrong_codes.is_empty() && report.missed_texts.is_empty());

    let none = score_mentions(&gold, &[]);
    assert_eq!(none.overall.recall(), 0.0);
    assert_eq!(none.overall.gold(), report.overall.gold());
    assert_eq!(none.coverage.missing_docs.len(), 2023);
}

#[test]
fn dropping_one_language_costs_exactly_its_coded_mentions() {
    let gold = entities();
    let mut coded: BTreeMap<&str, usize> = BTreeMap::new();
    for g in &gold {
        *coded.entry(g.lang.as_str()).or_default() +=
            g.mentions.iter().filter(|m| m.code.is_some()).count();
    }
    let pred: Vec<Record> = mentions_as_predictions(&gold)
        .into_iter()
        .filter(|r| r.lang.as_deref() != Some("bg"))
        .collect();
    let report = score_mentions(&gold, &pred);
    assert_eq!(report.by_lang["bg"].recall(), 0.0);
    assert_eq!(report.by_lang["ru"].recall(), 1.0);
    assert_eq!(report.by_lang["uk"].recall(), 1.0);
    let total: usize = coded.values().sum();
    let expected = (total - coded["bg"]) as f64 / total as f64;
    assert!((report.overall.recall() - expected).abs() < 1e-12);
    assert_eq!(report.overall.precision(), 1.0);
}

#[test]
fn a_systematically_wrong_code_tops_the_confusion_listing() {
    let gold = entities();
    let mut pred = mentions_as_predictions(&gold);
    let mut relabelled = 0;
    for m in pred.iter_mut().flat_map(|r| r.mentions.iter_mut()) {
        if m.country.as_deref() == Some("RUS") {
            m.country = Some("BLR".into());
            relabelled += 1;
        }
    }
    assert!(relabelled > 100);
    let report = score_mentions(&gold, &pred);
    assert_eq!(report.overall.fp, relabelled);
    assert_eq!(report.overall.fn_, relabelled);
    let top = &report.wrong_codes[0];
    assert_eq!(
        (
            top.gold_code.as_str(),
            top.predicted_code.as_deref(),
            top.count
        ),
        ("RUS", Some("BLR"), relabelled)
    );
    assert!(report.missed_texts.iter().all(|m| m.code == "RUS"));
    assert!(report.confusion(3).contains("RUS -> BLR"));
}

fn seeds() -> Vec<SeedGold> {
    load_seeds(&shared("eval/seeds.gold.jsonl")).unwrap()
}

fn seed_text(g: &SeedGold) -> Option<String> {
    std::fs::read_to_string(shared("seeds").join(&g.doc)).ok()
}

/// Blocks covering the given 1-based lines of `text` in full (character
/// offsets, the line's `\r` included).
fn blocks_for_lines(text: &str, lines: &[usize]) -> Vec<OutBlock> {
    let mut start = 0;
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let len = line.chars().count();
        if lines.contains(&(i + 1)) {
            out.push(OutBlock {
                start,
                end: start + len,
                kind: "body".into(),
            });
        }
        start += len + 1;
    }
    out
}

fn seed_predictions(gold: &[SeedGold], with_optional: bool) -> Vec<Record> {
    gold.iter()
        .map(|g| {
            let text = seed_text(g).unwrap();
            let mut lines = g.main_lines.clone();
            if with_optional {
                lines.extend(&g.optional_lines);
            }
            let mut r = empty_record(&format!("seeds/{}", g.doc));
            r.blocks = blocks_for_lines(&text, &lines);
            r.title = Some(format!("  {} ", g.title));
            r
        })
        .collect()
}

#[test]
fn seed_lines_against_themselves_are_perfect_with_or_without_optional_lines() {
    let gold = seeds();
    for with_optional in [false, true] {
        let report = score_lines(&gold, &seed_predictions(&gold, with_optional), &seed_text);
        assert!(report.docs.iter().all(|d| d.has_text));
        assert_eq!(report.overall.f1(), 1.0, "{report}\n{}", report.listing());
        assert_eq!(
            report.overall.gold(),
            gold.iter().map(|g| g.main_lines.len()).sum::<usize>()
        );
        assert_eq!((report.titles.correct, report.titles.total), (4, 4));
    }
}

#[test]
fn keeping_every_line_of_a_seed_page_costs_precision_not_recall() {
    let gold = seeds();
    let pred: Vec<Record> = gold
        .iter()
        .map(|g| {
            let text = seed_text(g).unwrap();
            let mut r = empty_record(&g.doc);
            r.blocks = vec![OutBlock {
                start: 0,
                end: text.chars().count(),
                kind: "body".into(),
            }];
            r
        })
        .collect();
    let report = score_lines(&gold, &pred, &seed_text);
    assert_eq!(report.overall.recall(), 1.0);
    // Precision: main lines over the non-blank lines that are not optional.
    let (mut main, mut scored) = (0, 0);
    for g in &gold {
        let text = seed_text(g).unwrap();
        for (i, line) in text.split('\n').enumerate() {
            if !line.trim().is_empty() && !g.optional_lines.contains(&(i + 1)) {
                scored += 1;
                main += usize::from(g.main_lines.contains(&(i + 1)));
            }
        }
    }
    assert!(scored > main, "the seed pages have boilerplate lines");
    assert_eq!(report.overall.precision(), main as f64 / scored as f64);
    assert_eq!(report.titles.correct, 0);
    assert_eq!(report.titles.wrong.len(), 4);
}

#[test]
fn crlf_text_in_the_record_scores_like_the_file() {
    let gold = seeds();
    let pred: Vec<Record> = gold
        .iter()
        .map(|g| {
            let text = seed_text(g).unwrap().replace('\n', "\r\n");
            let mut r = empty_record(&g.doc);
            r.blocks = blocks_for_lines(&text, &g.main_lines);
            // Shave the "\r" off every block: it is whitespace, the line is still kept.
            for b in &mut r.blocks {
                b.end -= 1;
            }
            r.text = Some(text);
            r
        })
        .collect();
    let no_file = |_: &SeedGold| None;
    let report = score_lines(&gold, &pred, &no_file);
    assert_eq!(report.overall.f1(), 1.0, "{}", report.listing());
}

#[test]
fn no_prediction_for_the_seeds_has_zero_recall() {
    let gold = seeds();
    let report = score_lines(&gold, &[], &seed_text);
    assert_eq!(report.overall.recall(), 0.0);
    assert_eq!(report.coverage.missing_docs.len(), 4);
    assert_eq!(report.titles.correct, 0);
}

#[test]
fn gold_files_are_told_apart_by_content() {
    assert!(
        matches!(GoldSet::load(&shared("eval/seeds.gold.jsonl")), Ok(GoldSet::Seeds(v)) if v.len() == 4)
    );
    assert!(
        matches!(GoldSet::load(&shared("eval/dev/events.gold.jsonl")), Ok(GoldSet::Events(v)) if v.len() == dev_events().len() && v.len() >= 200)
    );
    let set = GoldSet::load(&shared("eval/entities.dev.jsonl")).unwrap();
    assert_eq!(set.docs().len(), 2023);
    assert!(set.events().is_none());
}
