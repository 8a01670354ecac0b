//! The article body of a page: `dom_smoothie` (a port of Mozilla's
//! Readability) picks the main content, `blocks` cuts it into paragraphs.
//! Chosen by measurement on the scrapinghub benchmark, see
//! `bench/html-extractors`.

use dom_query::Document;

use super::blocks::{paragraphs, Para};
use super::text::collapse_whitespace;

/// The extracted body of one page.
#[derive(Debug, Default)]
pub struct Body {
    pub paras: Vec<Para>,
    /// The author line the extractor found, if any.
    pub byline: Option<String>,
}

/// Longest author line kept (longer ones are page text, not a byline).
const MAX_BYLINE_CHARS: usize = 120;

/// Paragraphs mostly made of links (share buttons, "related" lists, tag
/// clouds) are dropped; 0.7 measured best on the benchmark (0.6–0.9 are
/// within 0.001 of each other).
const MAX_LINK_SHARE: f32 = 0.7;

/// Extract the main content of a parsed page (the document is consumed:
/// the extractor prunes it in place). A panic inside the third-party
/// extractor on some hostile page costs that page its body, not the run.
pub fn extract_body(doc: Document) -> Body {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| readability(doc))).unwrap_or_default()
}

fn readability(doc: Document) -> Body {
    let Ok(mut reader) = dom_smoothie::Readability::with_document(doc, None, None) else {
        return Body::default();
    };
    let Ok(article) = reader.parse() else {
        return Body::default();
    };
    let byline = article
        .byline
        .as_deref()
        .map(collapse_whitespace)
        .filter(|b| !b.is_empty() && b.chars().count() <= MAX_BYLINE_CHARS && !b.contains("://"));
    let paras = paragraphs(&article.content)
        .into_iter()
        .filter(|p| p.link_share < MAX_LINK_SHARE)
        .collect();
    Body { paras, byline }
}
