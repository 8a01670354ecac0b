//! dyad-store owns the SQLite store of coded documents: its schema, ingest
//! (idempotent by content hash, bounded transactions, safe to kill and
//! re-run), near-duplicate detection (SimHash over word shingles), stories
//! (events from different articles that report the same happening),
//! full-text search over stems, queries and exports.

pub mod export;
pub mod ingest;
pub mod neardup;
pub mod query;
pub mod schema;
pub mod search;
pub mod stories;

pub use ingest::{content_hash, source_of, Counts, Outcome, Store, StoredDoc, DEFAULT_BATCH};
