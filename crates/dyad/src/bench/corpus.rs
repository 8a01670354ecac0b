//! The benchmark corpus: every document of the paths read into memory
//! once, and a lazily made stream of K copies of it with unique ids.

use std::path::PathBuf;

use dyad_core::{Payload, RawDoc};
use dyad_input::InputOptions;

pub struct Corpus {
    pub docs: Vec<RawDoc>,
    /// Input bytes of all documents (payloads as read).
    pub bytes: u64,
    /// Documents that came with an error instead of bytes.
    pub unreadable: usize,
}

impl Corpus {
    /// Every document under `paths`, in `dyad code`'s order.
    pub fn read(paths: &[PathBuf]) -> Corpus {
        let docs: Vec<RawDoc> = dyad_input::documents(paths, &InputOptions::default()).collect();
        let bytes = docs.iter().map(|d| payload_len(d) as u64).sum();
        let unreadable = docs
            .iter()
            .filter(|d| matches!(d.payload, Payload::Error(_)))
            .count();
        Corpus {
            docs,
            bytes,
            unreadable,
        }
    }

    /// The documents `copies` times over, each made when it is asked for;
    /// with more than one copy, copy i of a document has the id
    /// `c{i}/{id}`.
    pub fn stream(&self, copies: usize) -> impl Iterator<Item = RawDoc> + Send + '_ {
        (0..copies).flat_map(move |i| {
            self.docs.iter().map(move |d| {
                let mut doc = d.clone();
                if copies > 1 {
                    doc.id = format!("c{i}/{}", d.id);
                }
                doc
            })
        })
    }
}

/// The input bytes of one document.
pub fn payload_len(doc: &RawDoc) -> usize {
    match &doc.payload {
        Payload::Bytes { bytes, .. } => bytes.len(),
        Payload::Str { text, .. } => text.len(),
        Payload::Error(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::PayloadKind;

    fn corpus() -> Corpus {
        let docs = ["a", "b"]
            .iter()
            .map(|id| RawDoc {
                id: id.to_string(),
                origin: None,
                url: None,
                date: None,
                payload: Payload::Str {
                    text: format!("text of {id}"),
                    kind: PayloadKind::Text,
                },
            })
            .collect();
        Corpus {
            docs,
            bytes: 18,
            unreadable: 0,
        }
    }

    #[test]
    fn copies_repeat_the_corpus_in_order_with_unique_ids() {
        let ids: Vec<String> = corpus().stream(3).map(|d| d.id).collect();
        assert_eq!(ids, ["c0/a", "c0/b", "c1/a", "c1/b", "c2/a", "c2/b"]);
    }

    #[test]
    fn one_copy_keeps_the_ids_as_read() {
        let ids: Vec<String> = corpus().stream(1).map(|d| d.id).collect();
        assert_eq!(ids, ["a", "b"]);
    }
}
