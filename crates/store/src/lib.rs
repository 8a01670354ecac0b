//! dyad-store owns the SQLite store of coded documents: its schema and
//! telling a dyad store from any other file before writing (`identify`),
//! ingest (a document is its content, stored once with every place it was
//! read at (`sources`); bounded transactions, safe to kill and re-run;
//! errored documents retried), near-duplicate detection (SimHash over word shingles), stories
//! (events from different articles that report the same happening),
//! full-text search over stems, queries and exports, and the views the
//! dashboard reads (stats, actor tallies, a dyad's timeline, the relations
//! graph, one document cut into marked runs).

pub mod document;
pub mod export;
pub mod graph;
pub mod identify;
pub mod ingest;
pub mod neardup;
pub mod query;
pub mod schema;
pub mod search;
pub mod sources;
pub mod stats;
pub mod stories;
pub mod tallies;
pub mod timeline;

pub use ingest::{
    content_hash, counts, source_of, ContentHasher, Counts, Outcome, Store, StoredDoc,
    DEFAULT_BATCH,
};
pub use rusqlite::Connection;
pub use sources::Source;
