//! HTML extraction on the scrapinghub article-extraction benchmark
//! (shared/corpus/scrapinghub: 181 real pages with gold article bodies),
//! scored as the benchmark scores (dyad-eval's body scorer).

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

use dyad_core::{Article, BlockKind, Decoded, PayloadKind};
use dyad_eval::body::{aggregate, score_body};
use dyad_extract::html::{
    depth_per_byte, extract_html, limit_nesting, MAX_DEPTH_PER_BYTE, MAX_NESTING,
};

fn corpus() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/scrapinghub"
    ))
}

/// Gold bodies by page id.
fn gold() -> HashMap<String, String> {
    let raw = std::fs::read_to_string(corpus().join("ground-truth.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    v.as_object()
        .unwrap()
        .iter()
        .map(|(id, item)| {
            let body = item["articleBody"].as_str().unwrap_or("").to_string();
            (id.clone(), body)
        })
        .collect()
}

/// The page's HTML (the benchmark ships it gzipped, UTF-8).
fn html(id: &str) -> String {
    let f = std::fs::File::open(corpus().join("html").join(format!("{id}.html.gz"))).unwrap();
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(f)
        .read_to_end(&mut bytes)
        .unwrap();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn extract(id: &str, html: String) -> Article {
    extract_html(Decoded::utf8(id.to_string(), PayloadKind::Html, html))
}

/// The article body as the benchmark means it: body and lead blocks.
fn body(a: &Article) -> String {
    a.blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Body | BlockKind::Lead))
        .map(|b| b.span.slice(&a.text))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A handful of pages from different sites: the longest paragraph of the
/// gold body is in the extracted body, and the text of the page's
/// navigation links (two words or more) is not a body block.
#[test]
fn real_pages_keep_the_body_and_drop_the_navigation() {
    let gold = gold();
    let ids = [
        "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34",
        "0d46122928b6f468cc4bbc694051d0dbae5702bc75a16dab82a99b58daf150a0",
        "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f",
        "23aaecd14171f96cfd201a8a46666097e286ad71f74f29347a78c5ecba50da1e",
        "2c46804d9db4a85e8f8d31128ce0e11d02f25c7120c2faa5ec0664c604a47717",
        "3c6d3381ef52ca26be2fbde19c1b0fe17d85682b726dfecf5e300c1ca34546b1",
    ];
    for id in ids {
        let page = html(id);
        let nav: Vec<String> = dom_query::Document::from(page.as_str())
            .select("nav a, header a, footer a")
            .iter()
            .map(|a| squash(&a.text()))
            .filter(|t| t.split(' ').count() >= 2)
            .collect();
        let a = extract(id, page);
        let got = squash(&body(&a));
        let want = gold[id]
            .split('\n')
            .max_by_key(|p| p.len())
            .map(squash)
            .unwrap();
        assert!(got.contains(&want), "{id}: gold paragraph missing: {want}");
        // Title and byline may repeat a header link (the author's page).
        for b in a
            .blocks
            .iter()
            .filter(|b| !matches!(b.kind, BlockKind::Title | BlockKind::Byline))
        {
            let block = squash(b.span.slice(&a.text));
            assert!(
                !nav.contains(&block) || squash(&gold[id]).contains(&block),
                "{id}: navigation text kept as a block: {block}"
            );
        }
        assert!(
            !nav.is_empty(),
            "{id}: page has no navigation links to test"
        );
    }
}

/// The benchmark itself: F1 ≥ 0.90 over all 181 pages (measured: 0.960).
#[test]
fn benchmark_f1_is_at_least_0_90() {
    let gold = gold();
    let mut ids: Vec<&String> = gold.keys().collect();
    ids.sort();
    let scores: Vec<_> = ids
        .iter()
        .map(|id| score_body(&body(&extract(id, html(id))), &gold[*id]))
        .collect();
    let all = aggregate(&scores);
    eprintln!(
        "scrapinghub: P={:.3} R={:.3} F1={:.3} over {} pages",
        all.precision,
        all.recall,
        all.f1,
        scores.len()
    );
    assert_eq!(scores.len(), 181);
    assert!(all.f1 >= 0.90, "F1 {:.3}", all.f1);
}

/// Real pages nest far less deeply than the guard allows: it changes none.
#[test]
fn the_nesting_guard_leaves_real_pages_alone() {
    for id in gold().keys() {
        let page = html(id);
        assert_eq!(limit_nesting(&page, MAX_NESTING), page.as_str(), "{id}");
    }
}

/// The depth budget leaves room: the sum of real pages' element depths
/// per byte stays well under `MAX_DEPTH_PER_BYTE`.
#[test]
fn real_pages_nest_well_within_the_depth_budget() {
    let mut per_byte: Vec<f64> = gold()
        .keys()
        .map(|id| depth_per_byte(&html(id), MAX_NESTING))
        .collect();
    per_byte.sort_by(f64::total_cmp);
    let (median, deepest) = (per_byte[per_byte.len() / 2], per_byte[per_byte.len() - 1]);
    eprintln!("depth sum per byte: median {median:.3}, deepest page {deepest:.3}");
    assert!(
        deepest * 3.0 <= MAX_DEPTH_PER_BYTE,
        "deepest page {deepest:.3}"
    );
}
