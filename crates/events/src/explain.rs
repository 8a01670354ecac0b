//! What `dyad explain` shows: for each sentence, its sides (actor mentions
//! grouped, with the word that marks their role), the triggers that fired
//! and, for each, the event it gave and why, or why it gave none.

use std::fmt::Write;

use dyad_core::{Event, Mention, Span};

use crate::discourse::Link;
use crate::lexicon::Trigger;
use crate::roles::Sides;
use crate::sentence::SentenceView;
use crate::triggers::Found;

#[derive(Clone, Debug, Default)]
pub struct Explanation {
    /// Why nothing was coded at all, when that is the case.
    pub note: Option<String>,
    pub sentences: Vec<SentenceTrace>,
}

#[derive(Clone, Debug)]
pub struct SentenceTrace {
    pub span: Span,
    /// Index of the block the sentence is in.
    pub block: usize,
    /// One line per side.
    pub sides: Vec<String>,
    /// One line per trigger and its outcome.
    pub triggers: Vec<String>,
    /// Why the sentence's triggers were not tried, when they were not.
    pub note: Option<String>,
}

impl SentenceTrace {
    pub(crate) fn new(
        span: Span,
        block: usize,
        view: &SentenceView<'_>,
        mentions: &[Mention],
        links: &[Link],
        text: &str,
    ) -> Self {
        let sides = view
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let members: Vec<String> = g
                    .mentions
                    .iter()
                    .map(|&i| {
                        let m = &mentions[i];
                        let link = links
                            .iter()
                            .find(|l| l.mention == i)
                            .map(|l| {
                                format!(
                                    " = «{}», {}",
                                    mentions[l.antecedent].span.slice(text),
                                    l.why
                                )
                            })
                            .unwrap_or_default();
                        format!(
                            "«{}» {} [{}]{link}",
                            m.span.slice(text),
                            m.code().unwrap_or("-"),
                            m.actor
                        )
                    })
                    .collect();
                let mut role = g.marker.map_or("unmarked".to_string(), |r| {
                    format!("after a {} word", r.name())
                });
                if g.from_next {
                    role = "the speaker the next sentence names".into();
                } else if g.carried {
                    role = "the subject of the sentence before, for a verb without one".into();
                }
                if g.place && g.marker.is_none() {
                    role.push_str(", a place");
                }
                format!(
                    "side {i}: {} ({role}, clause {})",
                    members.join(" + "),
                    g.clause
                )
            })
            .collect();
        SentenceTrace {
            span,
            block,
            sides,
            triggers: Vec::new(),
            note: None,
        }
    }

    pub(crate) fn add_trigger(
        &mut self,
        text: &str,
        view: &SentenceView<'_>,
        found: &Found,
        trigger: &Trigger,
        outcome: &Result<(Vec<Event>, Sides), String>,
    ) {
        let words: Vec<&str> = found
            .tokens
            .iter()
            .map(|&k| view.tokens[k].span.slice(text))
            .collect();
        let mut line = format!(
            "trigger «{}» = {} `{}` ({})",
            words.join(" … "),
            trigger.kind.as_str(),
            trigger.written,
            trigger.source
        );
        match outcome {
            Ok((events, sides)) => {
                let codes = |ps: &[dyad_core::Participant]| {
                    ps.iter()
                        .map(|p| p.code.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                };
                for e in events {
                    let _ = write!(
                        line,
                        "\n      → {} [{}] → [{}]{} confidence {:.2}",
                        e.kind.as_str(),
                        codes(&e.actors),
                        codes(&e.recipients),
                        e.mode
                            .as_deref()
                            .map(|m| format!(" mode {m}"))
                            .unwrap_or_default(),
                        e.confidence,
                    );
                }
                let _ = write!(line, "\n        because {}", sides.why.join("; "));
            }
            Err(why) => {
                let _ = write!(line, "\n      → no event: {why}");
            }
        }
        self.triggers.push(line);
    }
}

impl Explanation {
    /// The explanation as text, with each sentence quoted.
    pub fn render(&self, text: &str) -> String {
        let mut out = String::new();
        if let Some(note) = &self.note {
            let _ = writeln!(out, "{note}");
        }
        for (i, s) in self.sentences.iter().enumerate() {
            if s.sides.is_empty() && s.triggers.is_empty() {
                continue;
            }
            let sentence: String = s
                .span
                .slice(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let _ = writeln!(out, "\n[{i}] (block {}) {sentence}", s.block);
            for line in s.sides.iter().chain(&s.triggers).chain(&s.note) {
                let _ = writeln!(out, "    {line}");
            }
        }
        out
    }
}
