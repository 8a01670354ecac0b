//! Over the hand-coded dev set (276 real articles), the evidence of every
//! gold event must lie in the kept article text: extraction must not drop
//! what the event coder needs.

use dyad_core::{Decoded, PayloadKind};
use dyad_extract::extract;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

#[test]
fn gold_evidence_of_dev_events_is_kept() {
    let gold = std::fs::read_to_string(format!("{SHARED}/eval/dev/events.gold.jsonl")).unwrap();
    let mut total = 0;
    let mut lost = Vec::new();
    for line in gold.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = v["doc"].as_str().unwrap();
        let text = std::fs::read_to_string(format!("{SHARED}/eval/dev/docs/{doc}")).unwrap();
        let article = extract(Decoded::utf8(
            doc.to_string(),
            PayloadKind::Text,
            text.clone(),
        ));
        let kept: String = article.kept_text();
        for ev in v["events"].as_array().unwrap() {
            let evidence = ev["evidence"].as_str().unwrap();
            // Evidence phrases may elide words; check each quoted piece.
            let found = evidence
                .split(['…', '|'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .all(|p| kept.contains(p) || !text.contains(p));
            total += 1;
            if !found {
                lost.push(format!("{doc}: {evidence}"));
            }
        }
    }
    assert!(total >= 500, "dev set has {total} events");
    assert!(
        lost.is_empty(),
        "evidence dropped by extraction:\n{}",
        lost.join("\n")
    );
}
