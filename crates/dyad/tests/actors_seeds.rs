//! The actor stage on the four seed pages: every political actor the
//! issue names is found with the right state and sector, and nothing from
//! the pages' navigation and other stories' headlines becomes a mention.

mod common;

use common::seed_records;
use std::path::PathBuf;

#[test]
fn the_seeds_actors_are_found_with_state_and_sector() {
    let records = seed_records();
    let expect = [
        ("000_", "Шейбани", "SYR", "GOV"),
        ("000_", "Абу Касра", "SYR", "GOV"),
        ("000_", "Путин", "RUS", "GOV"),
        ("001_", "Шойгу", "RUS", "MIL"),
        ("001_", "Алиев", "AZE", "GOV"),
        ("002_", "Раиси", "IRN", "GOV"),
        ("002_", "Патрушев", "RUS", "GOV"),
        ("003_", "Оланд", "FRA", "GOV"),
    ];
    for (doc, name, code, sector) in expect {
        let rec = records.iter().find(|r| r.doc.starts_with(doc)).unwrap();
        let found: Vec<_> = rec
            .mentions
            .iter()
            .filter(|m| m.text.contains(name))
            .collect();
        assert!(!found.is_empty(), "{doc}: no mention of {name}");
        for m in found {
            let got = (
                m.org.as_deref().or(m.country.as_deref()),
                m.sector.as_deref(),
            );
            assert_eq!(got, (Some(code), Some(sector)), "{doc}: {m:?}");
        }
    }
}

#[test]
fn mentions_lie_in_kept_blocks_and_their_text_matches_their_offsets() {
    for rec in seed_records() {
        assert!(!rec.mentions.is_empty(), "{}: no mentions", rec.doc);
        let text = std::fs::read_to_string(
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples")).join(&rec.doc),
        )
        .unwrap();
        let chars: Vec<char> = text.chars().collect();
        for m in &rec.mentions {
            let at: String = chars[m.start..m.end].iter().collect();
            assert_eq!(at, m.text, "{}", rec.doc);
            assert!(
                rec.blocks
                    .iter()
                    .any(|b| b.start <= m.start && m.end <= b.end),
                "{}: {m:?} outside the article",
                rec.doc
            );
        }
    }
}
