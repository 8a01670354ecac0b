//! The actors of the selected events, most active first: per country or
//! organisation code, the events it takes part in (as actor, as
//! recipient) and the dictionary ids (people, institutions) behind it.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::Connection;
use serde::Serialize;

use crate::graph::kind_of;
use crate::query::{for_each_event, EventFilter};

/// How many of a code's dictionary ids [`actors`] lists.
pub const IDS_PER_ACTOR: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorTally {
    pub code: String,
    /// `country` or `org`.
    pub kind: &'static str,
    pub events: u64,
    /// Events where it is on the acting side (every side of a symmetric
    /// event) and on the receiving side.
    pub as_actor: u64,
    pub as_recipient: u64,
    /// Its most frequent dictionary ids, with their events.
    pub ids: Vec<IdTally>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IdTally {
    pub id: String,
    pub events: u64,
}

#[derive(Default)]
struct Counter {
    events: u64,
    as_actor: u64,
    as_recipient: u64,
    ids: HashMap<String, u64>,
}

/// Every code of the events `filter` selects (its limit and offset are
/// ignored), by events descending then code; at most `limit` of them.
pub fn actors(
    conn: &Connection,
    filter: &EventFilter,
    limit: usize,
) -> Result<Vec<ActorTally>, String> {
    let mut by_code: BTreeMap<String, Counter> = BTreeMap::new();
    for_each_event(conn, &filter.unpaged(), None, |row| {
        // Each code of the event: whether it acts, whether it receives.
        let mut sides: HashMap<&str, (bool, bool)> = HashMap::new();
        let mut ids_seen: HashSet<(&str, &str)> = HashSet::new();
        for (codes, ids, acting) in [
            (&row.actors, &row.actor_ids, true),
            (&row.recipients, &row.recipient_ids, false),
        ] {
            for (i, code) in codes.iter().enumerate() {
                let side = sides.entry(code).or_default();
                if acting {
                    side.0 = true;
                } else {
                    side.1 = true;
                }
                if let Some(id) = ids.get(i) {
                    if ids_seen.insert((code, id)) {
                        *by_code
                            .entry(code.clone())
                            .or_default()
                            .ids
                            .entry(id.clone())
                            .or_default() += 1;
                    }
                }
            }
        }
        for (code, (acting, receiving)) in sides {
            let counter = by_code.entry(code.to_string()).or_default();
            counter.events += 1;
            counter.as_actor += u64::from(acting);
            counter.as_recipient += u64::from(receiving);
        }
        Ok(())
    })?;
    let mut out: Vec<ActorTally> = by_code
        .into_iter()
        .map(|(code, c)| {
            let mut ids: Vec<IdTally> = c
                .ids
                .into_iter()
                .map(|(id, events)| IdTally { id, events })
                .collect();
            ids.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.id.cmp(&b.id)));
            ids.truncate(IDS_PER_ACTOR);
            ActorTally {
                kind: kind_of(&code),
                code,
                events: c.events,
                as_actor: c.as_actor,
                as_recipient: c.as_recipient,
                ids,
            }
        })
        .collect();
    out.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.code.cmp(&b.code)));
    out.truncate(limit);
    Ok(out)
}
