//! Events reduced to the triples events.md scores: (type, actor code,
//! recipient code), one per actor × recipient pair.
//!
//! - Directed types: each actor × recipient, in that order. A directed event
//!   without recipients yields no triple (it has no direction to score).
//! - Symmetric types (`EventType::is_symmetric`: CONSULT, AGREE, COOPERATE):
//!   unordered pairs. With no recipients, every unordered pair among the
//!   distinct actors; otherwise each actor × recipient as an unordered pair.
//!   Stored with the smaller code first.
//! - A pair whose two sides have the same code is out of scope (purely
//!   domestic) and dropped; blank codes are ignored.
//!
//! Matching: a predicted triple matches a gold triple when its type is the
//! gold type or one of the gold `alt_types`, and its pair equals the gold
//! pair:
//! - in either order when the predicted type is symmetric, or when both are
//!   the same symmetric type;
//! - for a directed alternative of a symmetric gold event, in either order
//!   when the gold record names only `actors` (it gives no direction), else
//!   from its actor to its recipient (events.md, "Scoring").

use std::collections::BTreeSet;
use std::fmt;

use dyad_core::{EventType, OutEvent};
use serde::Serialize;

use crate::gold::GoldEvent;

/// One scored unit: a type and a pair of sides.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Triple {
    #[serde(rename = "type")]
    pub kind: EventType,
    pub actor: String,
    pub recipient: String,
}

impl Triple {
    /// Whether the pair may be read in either order for this type alone.
    pub fn is_symmetric(&self) -> bool {
        self.kind.is_symmetric()
    }
}

impl fmt::Display for Triple {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let arrow = if self.is_symmetric() { "<->" } else { "->" };
        write!(
            f,
            "{} {} {arrow} {}",
            self.kind.as_str(),
            self.actor,
            self.recipient
        )
    }
}

/// A gold triple with what its event said about scoring it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldTriple {
    #[serde(flatten)]
    pub triple: Triple,
    pub alt_types: Vec<EventType>,
    pub optional: bool,
    pub evidence: String,
    /// The actor → recipient directions the gold records gave this pair;
    /// empty when a record named only actors (any direction goes).
    #[serde(skip)]
    pub directions: Vec<(String, String)>,
    /// Some record of this triple named only `actors`.
    #[serde(skip)]
    pub actor_only: bool,
}

/// A predicted triple and the evidence of the first event that gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PredTriple {
    #[serde(flatten)]
    pub triple: Triple,
    pub evidence: String,
}

/// The pairs of codes one event stands for (see the module docs).
pub fn event_pairs(
    kind: EventType,
    actors: &[String],
    recipients: &[String],
) -> Vec<(String, String)> {
    let actors = distinct_codes(actors);
    let recipients = distinct_codes(recipients);
    let mut pairs = BTreeSet::new();
    if kind.is_symmetric() && recipients.is_empty() {
        for (i, a) in actors.iter().enumerate() {
            for b in &actors[i + 1..] {
                pairs.insert(ordered(a, b));
            }
        }
    } else {
        for a in &actors {
            for r in &recipients {
                if a == r {
                    continue;
                }
                let pair = if kind.is_symmetric() {
                    ordered(a, r)
                } else {
                    (a.to_string(), r.to_string())
                };
                pairs.insert(pair);
            }
        }
    }
    pairs.into_iter().collect()
}

/// The scored triples of one event (see `event_pairs`).
fn event_triples(
    kind: EventType,
    actors: &[String],
    recipients: &[String],
) -> impl Iterator<Item = Triple> {
    event_pairs(kind, actors, recipients)
        .into_iter()
        .map(move |(actor, recipient)| Triple {
            kind,
            actor,
            recipient,
        })
}

/// The distinct triples of a document's predicted events, in a stable
/// order; a triple given by several events keeps the first one's evidence.
pub fn predicted_triples(events: &[OutEvent]) -> Vec<PredTriple> {
    let mut out: Vec<PredTriple> = Vec::new();
    let mut seen = BTreeSet::new();
    for e in events {
        for triple in event_triples(e.kind, &e.actors, &e.recipients) {
            if seen.insert(triple.clone()) {
                out.push(PredTriple {
                    triple,
                    evidence: e.evidence.clone(),
                });
            }
        }
    }
    out
}

/// The distinct triples of a document's gold events. A triple coded by
/// several events is one gold triple: non-optional if any of them is, with
/// the union of their `alt_types`.
pub fn gold_triples(events: &[GoldEvent]) -> Vec<GoldTriple> {
    let mut out: Vec<GoldTriple> = Vec::new();
    for e in events {
        let actor_only = distinct_codes(&e.recipients).is_empty();
        for triple in event_triples(e.kind, &e.actors, &e.recipients) {
            // The direction the record gave the (possibly reordered) pair.
            let direction = (!actor_only).then(|| {
                if e.actors.iter().any(|a| a.trim() == triple.actor) {
                    (triple.actor.clone(), triple.recipient.clone())
                } else {
                    (triple.recipient.clone(), triple.actor.clone())
                }
            });
            let index = match out.iter().position(|g| g.triple == triple) {
                Some(i) => {
                    let existing = &mut out[i];
                    existing.optional &= e.optional;
                    for alt in &e.alt_types {
                        if !existing.alt_types.contains(alt) {
                            existing.alt_types.push(*alt);
                        }
                    }
                    i
                }
                None => {
                    out.push(GoldTriple {
                        triple,
                        alt_types: e.alt_types.clone(),
                        optional: e.optional,
                        evidence: e.evidence.clone(),
                        directions: Vec::new(),
                        actor_only: false,
                    });
                    out.len() - 1
                }
            };
            let g = &mut out[index];
            g.actor_only |= actor_only;
            if let Some(d) = direction {
                if !g.directions.contains(&d) {
                    g.directions.push(d);
                }
            }
        }
    }
    out
}

/// Whether a predicted triple matches a gold triple (see the module docs).
pub fn triple_matches(pred: &Triple, gold: &GoldTriple) -> bool {
    let g = &gold.triple;
    let type_ok = pred.kind == g.kind || gold.alt_types.contains(&pred.kind);
    if !type_ok {
        return false;
    }
    let same = pred.actor == g.actor && pred.recipient == g.recipient;
    let swapped = pred.actor == g.recipient && pred.recipient == g.actor;
    if !(same || swapped) {
        return false;
    }
    if pred.kind.is_symmetric() || (g.kind.is_symmetric() && pred.kind == g.kind) {
        return true;
    }
    if !g.kind.is_symmetric() {
        return same;
    }
    // A directed alternative of a symmetric gold event: any direction when
    // a record gave none, else the one it gave.
    gold.actor_only
        || gold
            .directions
            .iter()
            .any(|(a, r)| *a == pred.actor && *r == pred.recipient)
}

fn distinct_codes(codes: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn ordered(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn pairs(kind: EventType, actors: &[&str], recipients: &[&str]) -> Vec<(String, String)> {
        event_pairs(kind, &codes(actors), &codes(recipients))
    }

    fn p(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    fn gold(kind: EventType, actor: &str, recipient: &str, alts: &[EventType]) -> GoldTriple {
        GoldTriple {
            triple: Triple {
                kind,
                actor: actor.into(),
                recipient: recipient.into(),
            },
            alt_types: alts.to_vec(),
            optional: false,
            evidence: String::new(),
            directions: Vec::new(),
            actor_only: true,
        }
    }

    fn pred(kind: EventType, actor: &str, recipient: &str) -> Triple {
        Triple {
            kind,
            actor: actor.into(),
            recipient: recipient.into(),
        }
    }

    #[test]
    fn directed_events_give_actor_by_recipient_pairs() {
        let got = pairs(EventType::Sanction, &["USA", "GBR"], &["RUS", "BLR"]);
        assert_eq!(
            got,
            vec![
                p("GBR", "BLR"),
                p("GBR", "RUS"),
                p("USA", "BLR"),
                p("USA", "RUS")
            ]
        );
        assert!(pairs(EventType::Assault, &["ARM", "AZE"], &[]).is_empty());
    }

    #[test]
    fn symmetric_events_without_recipients_pair_all_distinct_actors() {
        let got = pairs(EventType::Consult, &["RUS", "IRN", "TUR", "RUS"], &[]);
        assert_eq!(got, vec![p("IRN", "RUS"), p("IRN", "TUR"), p("RUS", "TUR")]);
        assert!(pairs(EventType::Agree, &["FRA"], &[]).is_empty());
    }

    #[test]
    fn symmetric_events_with_recipients_pair_only_across_sides_unordered() {
        let got = pairs(EventType::Consult, &["USA", "GBR"], &["RUS"]);
        assert_eq!(got, vec![p("GBR", "RUS"), p("RUS", "USA")]);
    }

    #[test]
    fn domestic_pairs_and_blank_codes_are_dropped() {
        assert!(pairs(EventType::Accuse, &["RUS"], &["RUS"]).is_empty());
        assert_eq!(
            pairs(EventType::Accuse, &["RUS", " "], &["RUS", "UKR"]),
            vec![p("RUS", "UKR")]
        );
        assert!(pairs(EventType::Cooperate, &["BGR", "BGR"], &[]).is_empty());
    }

    #[test]
    fn directed_types_match_only_in_order() {
        let g = gold(EventType::Accuse, "RUS", "UKR", &[]);
        assert!(triple_matches(&pred(EventType::Accuse, "RUS", "UKR"), &g));
        assert!(!triple_matches(&pred(EventType::Accuse, "UKR", "RUS"), &g));
        assert!(!triple_matches(
            &pred(EventType::Threaten, "RUS", "UKR"),
            &g
        ));
    }

    #[test]
    fn alt_types_match_and_symmetry_of_either_side_unorders_the_pair() {
        // Gold AGREE FRA–RUS, alternatively CONSULT.
        let g = gold(EventType::Agree, "FRA", "RUS", &[EventType::Consult]);
        assert!(triple_matches(&pred(EventType::Consult, "RUS", "FRA"), &g));
        assert!(!triple_matches(&pred(EventType::Support, "FRA", "RUS"), &g));
        // Gold AID RUS→AZE, alternatively COOPERATE: a symmetric prediction
        // matches in either order, a directed alternative would not.
        let g = gold(
            EventType::Aid,
            "RUS",
            "AZE",
            &[EventType::Cooperate, EventType::Accuse],
        );
        assert!(triple_matches(
            &pred(EventType::Cooperate, "AZE", "RUS"),
            &g
        ));
        assert!(triple_matches(&pred(EventType::Accuse, "RUS", "AZE"), &g));
        assert!(!triple_matches(&pred(EventType::Accuse, "AZE", "RUS"), &g));
        // Gold symmetric with a directed alternative, on a record naming
        // only actors: either order.
        let g = gold(EventType::Agree, "DEU", "RUS", &[EventType::Support]);
        assert!(triple_matches(&pred(EventType::Support, "RUS", "DEU"), &g));
        assert!(triple_matches(&pred(EventType::Support, "DEU", "RUS"), &g));
    }

    #[test]
    fn a_directed_alternative_keeps_the_direction_a_gold_record_gave() {
        let ev = |actors: &[&str], recipients: &[&str]| GoldEvent {
            kind: EventType::Agree,
            mode: None,
            actors: codes(actors),
            recipients: codes(recipients),
            context: vec![],
            date: None,
            alt_types: vec![EventType::Support],
            optional: false,
            evidence: "e".into(),
        };
        // "Finland granted Russia's project a permit": AGREE FIN, RUS with
        // the direction FIN → RUS for the SUPPORT alternative.
        let directed = gold_triples(&[ev(&["FIN"], &["RUS"])]);
        assert_eq!(directed.len(), 1);
        assert!(triple_matches(
            &pred(EventType::Support, "FIN", "RUS"),
            &directed[0]
        ));
        assert!(!triple_matches(
            &pred(EventType::Support, "RUS", "FIN"),
            &directed[0]
        ));
        // The symmetric type itself matches in either order.
        assert!(triple_matches(
            &pred(EventType::Agree, "RUS", "FIN"),
            &directed[0]
        ));
        // The same pair, reversed recipients-first ("RUS" < "FIN" is
        // false, so the stored pair is reordered): the direction survives.
        let reversed = gold_triples(&[ev(&["RUS"], &["FIN"])]);
        assert!(triple_matches(
            &pred(EventType::Support, "RUS", "FIN"),
            &reversed[0]
        ));
        assert!(!triple_matches(
            &pred(EventType::Support, "FIN", "RUS"),
            &reversed[0]
        ));
        // Named only as actors: no direction, either goes.
        let undirected = gold_triples(&[ev(&["FIN", "RUS"], &[])]);
        assert!(triple_matches(
            &pred(EventType::Support, "RUS", "FIN"),
            &undirected[0]
        ));
        assert!(triple_matches(
            &pred(EventType::Support, "FIN", "RUS"),
            &undirected[0]
        ));
    }

    #[test]
    fn duplicate_gold_triples_merge_optional_and_alternatives() {
        let ev = |optional: bool, alts: Vec<EventType>| GoldEvent {
            kind: EventType::Consult,
            mode: None,
            actors: codes(&["SYR"]),
            recipients: codes(&["RUS"]),
            context: vec![],
            date: None,
            alt_types: alts,
            optional,
            evidence: "e".into(),
        };
        let mut reversed = ev(true, vec![EventType::Cooperate]);
        reversed.actors = codes(&["RUS"]);
        reversed.recipients = codes(&["SYR"]);
        let got = gold_triples(&[
            ev(true, vec![EventType::Agree]),
            reversed,
            ev(false, vec![]),
        ]);
        assert_eq!(got.len(), 1);
        assert!(!got[0].optional);
        assert_eq!(
            got[0].alt_types,
            vec![EventType::Agree, EventType::Cooperate]
        );
        assert_eq!(got[0].triple.to_string(), "CONSULT RUS <-> SYR");
    }
}
