//! What the sentence tests share: coding a text through the real
//! tokenizer, the built-in actor dictionary and lexicons, and matching and
//! describing the events.

use dyad_actors::Dictionary;
use dyad_core::{Event, EventType, Participant, Span};
use dyad_events::Coder;
use dyad_nlp::Lang;

/// The events of `text`, one document with no date.
pub fn code(coder: &Coder, dict: &Dictionary, lang: Lang, text: &str) -> Vec<Event> {
    let analysed = dyad_nlp::analyse(text, &[Span::new(0, text.len())], Some(lang));
    let mentions = dict.link(text, &analysed, None);
    coder.code(text, &analysed, &mentions, None)
}

fn has(side: &[Participant], code: &str) -> bool {
    side.iter().any(|p| p.code == code)
}

/// Whether an event is of `kind` from `a` to `r` (either way round, on
/// either side, for a symmetric type).
pub fn matches(e: &Event, kind: EventType, a: &str, r: &str) -> bool {
    if e.kind != kind {
        return false;
    }
    if kind.is_symmetric() {
        let all: Vec<Participant> = e.actors.iter().chain(&e.recipients).cloned().collect();
        has(&all, a) && has(&all, r)
    } else {
        has(&e.actors, a) && has(&e.recipients, r)
    }
}

/// The events as `TYPE [actors]→[recipients]; …`.
pub fn describe(events: &[Event]) -> String {
    let codes = |s: &[Participant]| {
        s.iter()
            .map(|p| p.code.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    events
        .iter()
        .map(|e| {
            format!(
                "{} [{}]→[{}]",
                e.kind.as_str(),
                codes(&e.actors),
                codes(&e.recipients)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}
