//! Measures HTML main-text extractors on the scrapinghub article-extraction
//! benchmark (181 pages with gold `articleBody`), scored with dyad-eval's
//! body scorer (the benchmark's own 4-token shingle scoring).
//!
//! Usage: `cargo run --release -- [CANDIDATE] [--per-doc]`
//! Without CANDIDATE every candidate runs; `--per-doc` prints each page's
//! precision/recall/F1 (worst first) to find where a candidate fails;
//! `--dump=ID_PREFIX` prints a page's extracted and gold text.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dyad_core::{BlockKind, Decoded, PayloadKind};
use dyad_eval::body::{aggregate, score_body, BodyScore};

struct Page {
    id: String,
    url: Option<String>,
    html: String,
    gold: String,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/scrapinghub")
}

/// Decode page bytes: a BOM, else a `<meta charset>` in the first 2 KB,
/// else UTF-8 if valid, else chardetng's guess.
fn decode(bytes: &[u8]) -> String {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode(bytes).0.into_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    if let Some(pos) = head.find("charset=") {
        let rest = head[pos + 8..].trim_start_matches(['"', '\'']);
        let label: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if let Some(enc) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            return enc.decode(bytes).0.into_owned();
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Allow)
        .decode(bytes)
        .0
        .into_owned()
}

fn load() -> Vec<Page> {
    let dir = corpus_dir();
    let gt: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("ground-truth.json")).expect("ground-truth.json"),
    )
    .expect("ground truth is JSON");
    let gt = gt.as_object().expect("ground truth is an object");
    let mut pages = Vec::new();
    for (id, item) in gt {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let file = std::fs::File::open(&path).expect("page file");
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .expect("gzip");
        pages.push(Page {
            id: id.clone(),
            url: item["url"].as_str().map(str::to_string),
            html: decode(&bytes),
            gold: item["articleBody"].as_str().unwrap_or("").to_string(),
        });
    }
    pages
}

type Extractor = fn(&Page) -> String;

fn rs_trafilatura(p: &Page) -> String {
    let opts = rs_trafilatura::Options {
        url: p.url.clone(),
        ..Default::default()
    };
    rs_trafilatura::extract_with_options(&p.html, &opts)
        .map(|r| r.content_text)
        .unwrap_or_default()
}

fn dom_smoothie_with(p: &Page, mode: dom_smoothie::TextMode) -> String {
    let cfg = dom_smoothie::Config {
        text_mode: mode,
        ..Default::default()
    };
    let Ok(mut r) = dom_smoothie::Readability::new(p.html.as_str(), p.url.as_deref(), Some(cfg))
    else {
        return String::new();
    };
    r.parse()
        .map(|a| a.text_content.to_string())
        .unwrap_or_default()
}

fn dom_smoothie_raw(p: &Page) -> String {
    dom_smoothie_with(p, dom_smoothie::TextMode::Raw)
}

fn dom_smoothie_formatted(p: &Page) -> String {
    dom_smoothie_with(p, dom_smoothie::TextMode::Formatted)
}

fn dyad_article(p: &Page) -> dyad_core::Article {
    dyad_extract::html::extract_html(Decoded {
        id: p.id.clone(),
        url: p.url.clone(),
        date: None,
        kind: PayloadKind::Html,
        text: p.html.clone(),
        charset: "UTF-8",
        transcoded: false,
    })
}

fn join_blocks(art: &dyad_core::Article, keep: impl Fn(BlockKind) -> bool) -> String {
    let mut out = String::new();
    for b in art.blocks.iter().filter(|b| keep(b.kind)) {
        out.push_str(b.span.slice(&art.text));
        out.push_str("\n\n");
    }
    out
}

/// dyad's article body: its body (and lead) blocks; the title, byline and
/// caption blocks are not part of an `articleBody`.
fn dyad(p: &Page) -> String {
    let art = dyad_article(p);
    join_blocks(&art, |k| matches!(k, BlockKind::Body | BlockKind::Lead))
}

/// Every block but the title, to show what classifying captions and
/// bylines is worth.
fn dyad_all_blocks(p: &Page) -> String {
    let art = dyad_article(p);
    join_blocks(&art, |k| k != BlockKind::Title)
}

const CANDIDATES: &[(&str, Extractor)] = &[
    ("rs-trafilatura", rs_trafilatura),
    ("dom_smoothie", dom_smoothie_raw),
    ("dom_smoothie-fmt", dom_smoothie_formatted),
    ("dyad", dyad),
    ("dyad-all-blocks", dyad_all_blocks),
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let per_doc = args.iter().any(|a| a == "--per-doc");
    let dump = args.iter().find_map(|a| a.strip_prefix("--dump="));
    let only: Vec<&str> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(String::as_str)
        .collect();
    let pages = load();
    println!("{} pages", pages.len());
    println!(
        "{:<18} {:>9} {:>9} {:>9} {:>10}",
        "candidate", "precision", "recall", "F1", "pages/s"
    );
    for (name, run) in CANDIDATES {
        if !only.is_empty() && !only.contains(name) {
            continue;
        }
        let mut scores = Vec::with_capacity(pages.len());
        let mut per: BTreeMap<String, BodyScore> = BTreeMap::new();
        let mut spent = Duration::ZERO;
        for p in &pages {
            let t = Instant::now();
            let text = run(p);
            spent += t.elapsed();
            let s = score_body(&text, &p.gold);
            if dump.is_some_and(|d| p.id.starts_with(d)) {
                println!("=== {name} {}\n{text}\n=== gold\n{}\n===", p.id, p.gold);
            }
            per.insert(p.id.clone(), s);
            scores.push(s);
        }
        let all = aggregate(&scores);
        println!(
            "{:<18} {:>9.3} {:>9.3} {:>9.3} {:>10.1}",
            name,
            all.precision,
            all.recall,
            all.f1,
            pages.len() as f64 / spent.as_secs_f64()
        );
        if per_doc {
            let mut rows: Vec<_> = per.into_iter().collect();
            rows.sort_by(|a, b| a.1.f1.total_cmp(&b.1.f1));
            for (id, s) in rows {
                println!(
                    "  {:.3} P={:.3} R={:.3} {}",
                    s.f1,
                    s.precision,
                    s.recall,
                    &id[..12]
                );
            }
        }
    }
}
