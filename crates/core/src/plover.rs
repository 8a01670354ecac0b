//! The PLOVER event ontology (16 types, quad classes), as events.md gives it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Sanction,
    Protest,
    Mobilize,
    Coerce,
    Assault,
}

/// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
/// 4 material conflict.
pub type Quad = u8;

impl EventType {
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Sanction,
        EventType::Protest,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Sanction => "SANCTION",
            EventType::Protest => "PROTEST",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        EventType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn quad(self) -> Quad {
        use EventType::*;
        match self {
            Agree | Consult | Support | Concede => 1,
            Cooperate | Aid | Retreat => 2,
            Request | Accuse | Reject | Threaten | Sanction => 3,
            Protest | Mobilize | Coerce | Assault => 4,
        }
    }

    /// Types scored as unordered pairs of sides (events.md, Scoring).
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            EventType::Consult | EventType::Agree | EventType::Cooperate
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_quads_follow_the_table() {
        for t in EventType::ALL {
            assert_eq!(EventType::parse(t.as_str()), Some(t));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
        assert_eq!(EventType::Consult.quad(), 1);
        assert_eq!(EventType::Aid.quad(), 2);
        assert_eq!(EventType::Sanction.quad(), 3);
        assert_eq!(EventType::Assault.quad(), 4);
        assert_eq!(EventType::parse("consult"), None);
    }
}
