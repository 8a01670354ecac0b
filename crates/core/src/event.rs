//! A coded event inside an article (byte spans), as the event coder hands
//! it to the record writer.

use crate::doc::Span;
use crate::plover::EventType;

/// One side's member: the code scoring uses and the dictionary id behind it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Participant {
    /// Organisation code, else ISO 3166-1 alpha-3 country.
    pub code: String,
    /// The actor's dictionary id.
    pub id: String,
}

/// One PLOVER event (events.md).
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub kind: EventType,
    /// Other types the event may also be read as: an announced strike or
    /// a promised sanction is THREATEN, its own type the alternative.
    pub alt_types: Vec<EventType>,
    pub mode: Option<String>,
    /// Who does it; both sides of a symmetric event.
    pub actors: Vec<Participant>,
    /// To whom; empty for symmetric events.
    pub recipients: Vec<Participant>,
    pub context: Vec<String>,
    /// `YYYY-MM-DD` when the sentence dates the event.
    pub date: Option<String>,
    /// Intensity from -10 (most hostile) to +10 (most cooperative).
    pub score: f32,
    /// 0–1: how sure the coder is of the type and both sides.
    pub confidence: f32,
    /// The sentence the event comes from.
    pub sentence: Span,
    /// The phrase inside it that says so.
    pub evidence: Span,
}
