//! HTML main-text extraction and metadata (placeholder until the measured
//! extractor lands).

use dyad_core::{Article, Decoded};

pub fn extract_html(doc: Decoded) -> Article {
    Article {
        id: doc.id,
        url: doc.url,
        text: String::new(),
        text_in_record: true,
        title: None,
        date: doc.date,
        blocks: Vec::new(),
        dropped: Vec::new(),
    }
}
