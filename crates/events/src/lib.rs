//! dyad-events owns the event stage: the trigger lexicons of
//! `data/lexicon/` (format in its README) and the coder that turns the
//! actor mentions of each sentence into PLOVER events: triggers matched on
//! stems, sides given their roles by grammar words and word order,
//! negation, questions, hypotheticals and plans, dates and context codes,
//! and one event per (type, actor side, recipient side) per article.
//! `Coder::explain` tells, sentence by sentence, why.

mod coder;
mod context;
mod dates;
mod discourse;
mod explain;
mod lexicon;
mod modality;
mod morph;
mod roles;
mod sentence;
mod triggers;
mod words;

pub use coder::Coder;
pub use dates::Day;
pub use explain::{Explanation, SentenceTrace};
pub use lexicon::{LangLexicon, Lexicon, Referent, Role, Trigger};
pub use words::Word;
