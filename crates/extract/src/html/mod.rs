//! HTML main-text extraction and metadata.
//!
//! The page is parsed once (after `nesting` has cut absurd tag nesting);
//! `meta` reads title and date from it, then
//! `body` extracts the article and cuts it into paragraphs. The article's
//! text is the title (its own block), the byline if one was found, then
//! the body paragraphs and captions, separated by blank lines.

mod blocks;
mod body;
mod date;
mod jsonld;
mod meta;
mod nesting;
mod text;

pub use blocks::{paragraphs, Para};
pub use date::normalise_date;
pub use meta::strip_site_name;
pub use nesting::{depth_per_byte, limit_nesting, MAX_DEPTH_PER_BYTE};

/// Deepest tag nesting parsed (browsers cap the DOM depth about here too).
pub const MAX_NESTING: usize = 512;

use dyad_core::{Article, Block, BlockKind, Decoded, Span};

/// Extract the article of an HTML page. Never panics; a page without body
/// text gives an article with no blocks.
pub fn extract_html(doc: Decoded) -> Article {
    let html = limit_nesting(&doc.text, MAX_NESTING);
    let page = dom_query::Document::from(html.as_ref());
    dyad_core::deadline::check();
    let meta = meta::read_meta(&page, doc.date.as_deref());
    let body = body::extract_body(page);
    dyad_core::deadline::check();

    let mut builder = TextBuilder::default();
    // Readability often keeps the headline in the content: it is the title
    // block, not a body paragraph.
    let same_as_title = |p: &blocks::Para| {
        meta.title
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case(&p.text))
    };
    let paras: Vec<&blocks::Para> = body.paras.iter().skip_while(|p| same_as_title(p)).collect();
    if !paras.is_empty() {
        if let Some(title) = &meta.title {
            builder.push(title, BlockKind::Title);
        }
        if let Some(byline) = &body.byline {
            builder.push(byline, BlockKind::Byline);
        }
        for p in paras {
            builder.push(&p.text, p.kind);
        }
    }

    Article {
        id: doc.id,
        url: doc.url,
        text: builder.text,
        text_in_record: true,
        title: meta.title,
        date: meta.date,
        blocks: builder.blocks,
        dropped: Vec::new(),
    }
}

/// Joins blocks with blank lines and records their spans.
#[derive(Default)]
struct TextBuilder {
    text: String,
    blocks: Vec<Block>,
}

impl TextBuilder {
    fn push(&mut self, s: &str, kind: BlockKind) {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(s);
        self.blocks.push(Block {
            span: Span::new(start, self.text.len()),
            kind,
        });
    }
}
