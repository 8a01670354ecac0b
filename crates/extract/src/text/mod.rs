//! Plain-text main-text extraction (placeholder).

use dyad_core::{Article, Decoded};

pub fn extract_text(doc: Decoded) -> Article {
    Article {
        id: doc.id,
        url: doc.url,
        text_in_record: doc.transcoded,
        text: doc.text,
        title: None,
        date: doc.date,
        blocks: Vec::new(),
        dropped: Vec::new(),
    }
}
