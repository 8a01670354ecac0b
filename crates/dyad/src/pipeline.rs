//! One document through the stages: decode → extract → language → record.

use std::panic::{catch_unwind, AssertUnwindSafe};

use dyad_core::{Article, RawDoc, Record};

/// The record of one raw document. Never panics: a document that cannot be
/// read, or one that trips a bug in a stage, yields a record with `error`.
pub fn process(raw: RawDoc) -> Record {
    let id = raw.id.clone();
    let url = raw.url.clone();
    match catch_unwind(AssertUnwindSafe(|| run_stages(raw))) {
        Ok(record) => record,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".to_string());
            Record::error(id, url, format!("internal error while processing: {what}"))
        }
    }
}

fn run_stages(raw: RawDoc) -> Record {
    let id = raw.id.clone();
    let url = raw.url.clone();
    let decoded = match dyad_input::decode(raw) {
        Ok(d) => d,
        Err(e) => return Record::error(id, url, e.0),
    };
    let article = dyad_extract::extract(decoded);
    let lang = language(&article);
    Record::from_article(&article, lang)
}

/// The language of the kept article text: its first blocks, enough of them
/// for the detector's sample (`dyad_nlp::SAMPLE_BYTES`), which it cuts.
pub fn language(article: &Article) -> Option<&'static str> {
    let mut sample = String::new();
    for block in &article.blocks {
        if sample.len() >= dyad_nlp::SAMPLE_BYTES {
            break;
        }
        if !sample.is_empty() {
            sample.push('\n');
        }
        sample.push_str(block.span.slice(&article.text));
    }
    dyad_nlp::detect_language(&sample).map(|l| l.code())
}
