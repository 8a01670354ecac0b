//! Where documents were read. A source is a place: a file's canonical
//! absolute path (`PATH#N` for the N-th document of a WARC or JSON Lines
//! file), else the document's URL, else its id (standard input). Each
//! source points to the content last read there, so the same content read
//! at many places is one document with many sources, and a place whose
//! content changed points to the new content.

use rusqlite::{params, Connection, OptionalExtension};

/// A place a document was read, with what the record called it there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The place (the `sources.source` key).
    pub key: String,
    /// The record's `doc` id as read there.
    pub doc: String,
    pub url: Option<String>,
}

impl Source {
    /// The source of a document read at `origin` (`RawDoc::origin`), with
    /// its URL and record id.
    pub fn new(origin: Option<&str>, url: Option<&str>, doc: &str) -> Source {
        let key = origin.or(url).unwrap_or(doc).to_string();
        Source {
            key,
            doc: doc.to_string(),
            url: url.map(str::to_string),
        }
    }
}

/// What pointing a source to a document changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pointed {
    /// A place not seen before.
    New,
    /// The place already pointed to this document.
    Same,
    /// The place pointed to this other document.
    Moved(i64),
}

/// Points `source` to document `doc_id`, seen `at`.
pub(crate) fn point(
    conn: &Connection,
    source: &Source,
    doc_id: i64,
    at: &str,
) -> rusqlite::Result<Pointed> {
    let before: Option<(i64, i64)> = conn
        .prepare_cached("SELECT id, doc_id FROM sources WHERE source = ?1")?
        .query_row([&source.key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((row, old)) = before else {
        conn.prepare_cached(
            "INSERT INTO sources (source, doc_id, doc, url, first_seen, last_seen)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        )?
        .execute(params![source.key, doc_id, source.doc, source.url, at])?;
        return Ok(Pointed::New);
    };
    conn.prepare_cached(
        "UPDATE sources SET doc_id = ?2, doc = ?3, url = ?4, last_seen = ?5 WHERE id = ?1",
    )?
    .execute(params![row, doc_id, source.doc, source.url, at])?;
    Ok(if old == doc_id {
        Pointed::Same
    } else {
        Pointed::Moved(old)
    })
}

/// Whether no source points to document `doc_id` any more.
pub(crate) fn is_orphan(conn: &Connection, doc_id: i64) -> rusqlite::Result<bool> {
    let n: i64 = conn
        .prepare_cached("SELECT count(*) FROM sources WHERE doc_id = ?1")?
        .query_row([doc_id], |r| r.get(0))?;
    Ok(n == 0)
}

/// The sources of document `doc_id`, in the order they were first seen.
pub fn of_document(conn: &Connection, doc_id: i64) -> rusqlite::Result<Vec<Source>> {
    let mut stmt = conn.prepare_cached(
        "SELECT source, doc, url FROM sources WHERE doc_id = ?1 ORDER BY first_seen, id",
    )?;
    let rows = stmt.query_map([doc_id], |r| {
        Ok(Source {
            key: r.get(0)?,
            doc: r.get(1)?,
            url: r.get(2)?,
        })
    })?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_comes_first_then_the_url_then_the_id() {
        let s = Source::new(Some("/data/a.jsonl#3"), Some("https://x.ru/1"), "a.jsonl:3");
        assert_eq!(s.key, "/data/a.jsonl#3");
        assert_eq!(s.url.as_deref(), Some("https://x.ru/1"));
        assert_eq!(
            Source::new(None, Some("https://x.ru/1"), "-:1").key,
            "https://x.ru/1"
        );
        assert_eq!(Source::new(None, None, "-").key, "-");
    }
}
