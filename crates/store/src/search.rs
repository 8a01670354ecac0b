//! Full-text search over the stems of stored articles. SQLite FTS5 does not
//! stem, so ingest indexes each document's words as stems (`doc_fts`), and a
//! query is turned into the stems its words could have: the language of a
//! query is not known, so each word is stemmed by every analysed language
//! (ru, bg, uk, en) and its variants are OR-ed; words are AND-ed. Every
//! variant is quoted, so FTS5 operators typed by the user (AND, NOT, `*`,
//! `-`, quotes, parentheses) are searched as text, never parsed.

use dyad_core::Span;
use dyad_nlp::{Lang, TokenKind};
use rusqlite::{params, Connection};
use serde::Serialize;

/// The languages whose stemmers a query word goes through.
const QUERY_LANGS: [Lang; 4] = [Lang::Ru, Lang::Bg, Lang::Uk, Lang::En];

/// The FTS5 MATCH expression for a user's query, or `None` when the query
/// has no word (only numbers, punctuation or spaces).
pub fn match_expr(query: &str) -> Option<String> {
    let mut tokens = Vec::new();
    dyad_nlp::tokenize(query, Span::new(0, query.len()), None, &mut tokens);
    let mut groups: Vec<String> = Vec::new();
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let norm = &token.norm;
        let mut variants: Vec<String> = Vec::with_capacity(QUERY_LANGS.len());
        for lang in QUERY_LANGS {
            let stem = dyad_nlp::stem(lang, norm);
            if !stem.is_empty() && !variants.contains(&stem) {
                variants.push(stem);
            }
        }
        if variants.is_empty() {
            continue;
        }
        let quoted: Vec<String> = variants.iter().map(|v| quote(v)).collect();
        let group = if quoted.len() == 1 {
            quoted.into_iter().next().unwrap_or_default()
        } else {
            format!("({})", quoted.join(" OR "))
        };
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    (!groups.is_empty()).then(|| groups.join(" AND "))
}

/// An FTS5 string literal: double quotes around, inner quotes doubled.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A document found by [`search_page`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// The document's row id.
    pub id: i64,
    pub doc: String,
    pub title: Option<String>,
    pub lang: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// Its coded events.
    pub events: i64,
}

/// How much more a word counts in the title than in the text, in bm25.
pub const TITLE_WEIGHT: f64 = 4.0;

/// The documents whose text matches every word of `query` (in any
/// inflected form), best match first (bm25 over the stems: words that are
/// rare in the store and frequent in the document count most, a match in
/// the title `TITLE_WEIGHT` times a match in the text, long texts less),
/// at most `limit` after skipping `offset`. A query with no word finds
/// nothing.
pub fn search_page(
    conn: &Connection,
    query: &str,
    limit: usize,
    offset: usize,
) -> rusqlite::Result<Vec<SearchHit>> {
    let Some(expr) = match_expr(query) else {
        return Ok(Vec::new());
    };
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let offset = i64::try_from(offset).unwrap_or(i64::MAX);
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.doc, d.title, d.lang, d.date, d.url, \
                (SELECT count(*) FROM events e WHERE e.doc_id = d.id) \
         FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid \
         WHERE doc_fts MATCH ?1 ORDER BY bm25(doc_fts, ?4, 1.0), d.id LIMIT ?2 OFFSET ?3",
    )?;
    let rows = stmt.query_map(params![expr, limit, offset, TITLE_WEIGHT], |r| {
        Ok(SearchHit {
            id: r.get(0)?,
            doc: r.get(1)?,
            title: r.get(2)?,
            lang: r.get(3)?,
            date: r.get(4)?,
            url: r.get(5)?,
            events: r.get(6)?,
        })
    })?;
    rows.collect()
}

/// [`search_page`]'s first `limit` hits as (row id, document id, title).
pub fn search(
    conn: &Connection,
    query: &str,
    limit: usize,
) -> rusqlite::Result<Vec<(i64, String, Option<String>)>> {
    Ok(search_page(conn, query, limit, 0)?
        .into_iter()
        .map(|h| (h.id, h.doc, h.title))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_anded_and_their_stems_ored() {
        let expr = match_expr("переговоры Путина").unwrap();
        assert!(expr.contains(" AND "), "{expr}");
        assert!(expr.contains("\"переговор"), "{expr}");
        assert!(expr.contains("\"путин"), "{expr}");
    }

    #[test]
    fn a_query_without_words_has_no_expression() {
        assert_eq!(match_expr(""), None);
        assert_eq!(match_expr("  -- * \"\" 2024 "), None);
    }

    #[test]
    fn quotes_in_a_word_are_doubled() {
        assert_eq!(quote("a\"b"), "\"a\"\"b\"");
    }
}
