//! The four seed pages: the kept lines must be exactly the article's (the
//! gold `main_lines`, give or take `optional_lines`) and the title the gold
//! title. The seeds are the project's founding examples of scraped pages.

use std::collections::BTreeSet;

use dyad_core::{BlockKind, Decoded, PayloadKind};
use dyad_extract::extract;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

struct Gold {
    doc: String,
    title: String,
    main: BTreeSet<usize>,
    optional: BTreeSet<usize>,
}

fn gold() -> Vec<Gold> {
    let text = std::fs::read_to_string(format!("{SHARED}/eval/seeds.gold.jsonl")).unwrap();
    text.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let set = |k: &str| {
                v[k].as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n.as_u64().unwrap() as usize)
                    .collect()
            };
            Gold {
                doc: v["doc"].as_str().unwrap().to_string(),
                title: v["title"].as_str().unwrap().to_string(),
                main: set("main_lines"),
                optional: set("optional_lines"),
            }
        })
        .collect()
}

/// 1-based numbers of the lines a block covers.
fn kept_lines(text: &str, starts: &[(usize, usize)]) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    let mut off = 0;
    for (i, line) in text.split('\n').enumerate() {
        let (s, e) = (off, off + line.len());
        off = e + 1;
        if starts.iter().any(|&(a, b)| a < e && s < b) {
            out.insert(i + 1);
        }
    }
    out
}

#[test]
fn seeds_keep_exactly_the_article_lines_and_the_gold_title() {
    let golds = gold();
    assert_eq!(golds.len(), 4);
    for g in golds {
        let text = std::fs::read_to_string(format!("{SHARED}/seeds/{}", g.doc)).unwrap();
        let article = extract(Decoded::utf8(
            g.doc.clone(),
            PayloadKind::Text,
            text.clone(),
        ));
        let spans: Vec<_> = article
            .blocks
            .iter()
            .map(|b| (b.span.start, b.span.end))
            .collect();
        let kept = kept_lines(&text, &spans);
        let missed: Vec<_> = g.main.difference(&kept).collect();
        let extra: Vec<_> = kept
            .iter()
            .filter(|n| !g.main.contains(n) && !g.optional.contains(n))
            .collect();
        assert!(
            missed.is_empty(),
            "{}: article lines dropped: {missed:?}",
            g.doc
        );
        assert!(
            extra.is_empty(),
            "{}: boilerplate lines kept: {extra:?}",
            g.doc
        );
        assert_eq!(
            article.title.as_deref(),
            Some(g.title.as_str()),
            "{}",
            g.doc
        );
        assert_eq!(article.blocks[0].kind, BlockKind::Title, "{}", g.doc);
        assert!(
            !article.text_in_record,
            "plain UTF-8 text is the text as read"
        );
    }
}
