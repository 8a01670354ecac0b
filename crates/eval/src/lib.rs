//! dyad-eval owns scoring: predicted `dyad_core::Record`s against the gold
//! sets of `shared/eval/` — events by the rules of `shared/spec/events.md`,
//! actor mentions by code, main-text lines and titles, and HTML article
//! bodies (`body`). It reads gold and prediction files but never runs the
//! pipeline: the `dyad eval` command does that and hands the records here.
//!
//! Every report micro-averages [`report::Prf`] counts, prints as a plain
//! table (`Display`) and serialises to JSON.

pub mod body;
pub mod events;
pub mod gold;
pub mod lines;
pub mod matching;
pub mod mentions;
pub mod report;
pub mod titles;
pub mod triples;

pub use events::{score_doc_events, score_events, EventReport};
pub use gold::{
    load_entities, load_events, load_predictions, load_seeds, EntityGold, EventGold, GoldError,
    GoldEvent, GoldMention, GoldSet, SeedGold,
};
pub use lines::{score_doc_lines, score_lines, LineReport};
pub use matching::{match_docs, Coverage, DocMatching};
pub use mentions::{score_doc_mentions, score_mentions, MentionReport};
pub use report::{render_table, Prf};
pub use titles::TitleReport;
