//! The relations graph of the selected events: a node per country or
//! organisation code and an edge per pair of codes an event relates, with
//! the edge's event count per quad class, mean score and stories. Directed
//! (an edge per ordered pair: GraphML for Gephi) or undirected (an edge
//! per unordered pair: the dashboard's map of relations).

use std::collections::{BTreeMap, HashSet};

use rusqlite::Connection;
use serde::Serialize;

use crate::query::{for_each_event, EventFilter, EventRow};

/// A country or organisation in the graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub id: String,
    /// `country` or `org`.
    pub kind: &'static str,
    /// Selected events it takes part in.
    pub events: u64,
}

/// The relation of a pair of codes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub events: u64,
    /// Events with a direction (an actor acting on a recipient) and
    /// symmetric ones (CONSULT, AGREE, COOPERATE among the actors).
    pub directed_events: u64,
    pub symmetric_events: u64,
    pub q1: u64,
    pub q2: u64,
    pub q3: u64,
    pub q4: u64,
    pub mean_score: f64,
    /// Distinct stories; an event without one counts alone.
    pub stories: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// `country` or `org`.
pub fn kind_of(code: &str) -> &'static str {
    if dyad_core::is_org_code(code) {
        "org"
    } else {
        "country"
    }
}

#[derive(Default)]
struct EdgeAgg {
    events: u64,
    directed: u64,
    symmetric: u64,
    quads: [u64; 4],
    score_sum: f64,
    stories: HashSet<i64>,
    unstoried: u64,
}

impl EdgeAgg {
    fn add(&mut self, row: &EventRow, directed: bool) {
        self.events += 1;
        if directed {
            self.directed += 1;
        } else {
            self.symmetric += 1;
        }
        if let Some(q) = self.quads.get_mut(usize::from(row.quad).wrapping_sub(1)) {
            *q += 1;
        }
        self.score_sum += row.score;
        match row.story_id {
            Some(s) => {
                self.stories.insert(s);
            }
            None => self.unstoried += 1,
        }
    }

    fn into_edge(self, source: String, target: String) -> Edge {
        let mean = if self.events > 0 {
            self.score_sum / self.events as f64
        } else {
            0.0
        };
        Edge {
            source,
            target,
            events: self.events,
            directed_events: self.directed,
            symmetric_events: self.symmetric,
            q1: self.quads[0],
            q2: self.quads[1],
            q3: self.quads[2],
            q4: self.quads[3],
            mean_score: (mean * 100.0).round() / 100.0,
            stories: self.stories.len() as u64 + self.unstoried,
        }
    }
}

/// The graph of the events `filter` selects (every one unless it sets a
/// limit). Directed: an edge per ordered pair, and a symmetric event adds
/// to both directions (so the graph has no parallel edges; Gephi drops
/// those). Undirected: an edge per unordered pair (source before target
/// in code order), each event counted once. A pair of a code with itself
/// makes no edge; edges with fewer than `min_events` events are left out,
/// and so are the nodes left without an edge then (unless `min_events`
/// is at most 1, when every code of a selected event is a node). Nodes
/// and edges come in code order.
pub fn relations(
    conn: &Connection,
    filter: &EventFilter,
    directed: bool,
    min_events: u64,
) -> Result<Graph, String> {
    let mut nodes: BTreeMap<String, u64> = BTreeMap::new();
    let mut edges: BTreeMap<(String, String), EdgeAgg> = BTreeMap::new();
    for_each_event(conn, filter, filter.limit, |row| {
        let mut seen: HashSet<&str> = HashSet::new();
        for code in row.actors.iter().chain(&row.recipients) {
            if seen.insert(code) {
                *nodes.entry(code.clone()).or_default() += 1;
            }
        }
        let mut counted: HashSet<(&str, &str)> = HashSet::new();
        for pair in row.pairs() {
            let Some((r, _)) = pair.recipient else {
                continue;
            };
            let (a, _) = pair.actor;
            if a == r {
                continue;
            }
            let mut add = |from: &str, to: &str| {
                edges
                    .entry((from.to_string(), to.to_string()))
                    .or_default()
                    .add(&row, pair.directed);
            };
            if directed {
                add(a, r);
                if !pair.directed {
                    add(r, a);
                }
            } else {
                let key = if a < r { (a, r) } else { (r, a) };
                // An event relating the same two codes twice (both on
                // each side) counts once.
                if counted.insert(key) {
                    add(key.0, key.1);
                }
            }
        }
        Ok(())
    })?;
    let edges: Vec<Edge> = edges
        .into_iter()
        .filter(|(_, e)| e.events >= min_events)
        .map(|((s, t), e)| e.into_edge(s, t))
        .collect();
    let linked: HashSet<&str> = edges
        .iter()
        .flat_map(|e| [e.source.as_str(), e.target.as_str()])
        .collect();
    let nodes = nodes
        .into_iter()
        .filter(|(code, _)| min_events <= 1 || linked.contains(code.as_str()))
        .map(|(id, events)| Node {
            kind: kind_of(&id),
            id,
            events,
        })
        .collect();
    Ok(Graph { nodes, edges })
}
