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
/// extractor is not caught here: the pipeline turns it into the
/// document's `error`, so a page never loses its text silently.
pub fn extract_body(doc: Document) -> Body {
    defuse_embeds(&doc);
    readability(doc)
}

/// The elements dom_smoothie 0.19 searches for video hosts.
const EMBEDS: &str = "iframe, embed, object";

/// dom_smoothie 0.19 looks for a video host in every attribute of an
/// `iframe`, `embed` or `object` (and in an `object`'s inner HTML) and
/// slices the value two and six bytes before the host's name
/// (`matching.rs`, `is_video_url`): a non-ASCII letter there (`title="Видео
/// на youtube.com"`) panics. Those values are player URLs and titles,
/// never article text, so non-ASCII in them is percent-encoded (a URL's
/// canonical form anyway), and an `object`'s fallback content is dropped
/// when it holds any (a browser shows it only when the plugin fails).
fn defuse_embeds(doc: &Document) {
    for node in doc.select(EMBEDS).nodes() {
        for attr in node.attrs() {
            if !attr.value.is_ascii() {
                node.set_attr(&attr.name.local, &percent_encode_non_ascii(&attr.value));
            }
        }
        if node.has_name("object") && !node.inner_html().is_ascii() {
            node.remove_children();
        }
    }
}

/// `s` with every byte of its non-ASCII characters as `%XX`.
fn percent_encode_non_ascii(s: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
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
