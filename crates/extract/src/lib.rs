//! dyad-extract owns main-text extraction: from a decoded page (scraped
//! plain text or HTML) to an `Article` with its kept blocks, title and date.
//!
//! - `text`: plain text as scrapers save it (one block per line), where the
//!   article must be told apart from navigation, teasers and widgets.
//! - `html`: HTML pages, main text and metadata (title, publication date).

pub mod html;
pub mod text;

use dyad_core::{Article, Decoded, PayloadKind};

/// Extract the article of one decoded document.
pub fn extract(doc: Decoded) -> Article {
    match doc.kind {
        PayloadKind::Text => text::extract_text(doc),
        PayloadKind::Html => html::extract_html(doc),
    }
}
