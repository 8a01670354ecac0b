//! dyad-eval owns scoring: events (events.md), actor mentions, main-text
//! lines and HTML article bodies against gold sets.

pub mod body;
