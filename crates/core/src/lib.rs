//! dyad-core owns the types that flow between the pipeline stages
//! (`RawDoc` → `Decoded` → `Article` → `Record`), the output record of
//! `dyad code` (see `shared/spec/output.md`), the PLOVER enums, and the
//! byte-to-character offset mapping used when records are written, and
//! the per-document time limit every stage checks (`deadline`).
//!
//! Every other crate depends on this one; it depends on nothing of ours.

pub mod calendar;
pub mod chars;
pub mod data_files;
pub mod deadline;
pub mod doc;
pub mod event;
pub mod mention;
pub mod offsets;
pub mod orgs;
pub mod plover;
pub mod record;

pub use data_files::{read_text_dir, read_text_file, LoadError};
pub use doc::{Article, Block, BlockKind, Decoded, DocError, Payload, PayloadKind, RawDoc, Span};
pub use event::{Event, Participant};
pub use mention::{Mention, MentionForm};
pub use offsets::CharMap;
pub use orgs::{is_org_code, org_codes};
pub use plover::{EventType, Quad};
pub use record::{OutBlock, OutEvent, OutMention, OutSpan, Record};
