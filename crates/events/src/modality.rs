//! Whether a trigger reports an event that happened: negated, questioned
//! or hypothetical triggers are dropped; planned or promised ones change
//! type (events.md: a future CONSULT, SUPPORT, COOPERATE or AID is AGREE;
//! a promised sanction, strike, arrest or lawsuit is a THREATEN).

use dyad_core::EventType;

use crate::lexicon::Role;
use crate::sentence::SentenceView;
use crate::triggers::Found;

/// Tokens before the trigger a negation may stand in ("не встретился",
/// "не е изпратил поздравления").
const NEGATION_REACH: usize = 3;
/// Tokens before the trigger a future marker may stand in ("планирует в
/// ближайшее время провести").
const FUTURE_REACH: usize = 5;
/// Tokens after a request within which a trigger is the act requested
/// ("призвал ЕС ввести санкции против …").
const REQUESTED_REACH: usize = 8;

/// What modality does to a trigger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Modality {
    Asserted,
    /// Planned or promised: the type becomes this.
    Planned(EventType),
    Dropped(&'static str),
}

/// Whether a trigger is the act another trigger asks for: it follows a
/// REQUEST trigger closely, in its clause or the clause right after
/// ("призова САЩ да наложат санкции" is a request, not a sanction).
pub(crate) fn requested(view: &SentenceView<'_>, found: &Found, requests: &[&Found]) -> bool {
    let anchor = found.anchor();
    requests.iter().any(|r| {
        let end = r.last();
        end < anchor
            && anchor - end <= REQUESTED_REACH
            && view.clause[anchor] <= view.clause[end] + 1
    })
}

pub(crate) fn modality(
    text: &str,
    view: &SentenceView<'_>,
    found: &Found,
    kind: EventType,
) -> Modality {
    let anchor = found.anchor();
    let clause = view.clause[anchor];
    let same_clause = |k: &usize| view.clause[*k] == clause;
    let has = |k: usize, r: Role| view.marks[k] & r.bit() != 0;
    // ("не только", "не раз", "не менее" negate nothing: [not-negation])
    let negated = (anchor.saturating_sub(NEGATION_REACH)..anchor)
        .chain(anchor + 1..found.last())
        .filter(same_clause)
        .any(|k| has(k, Role::Negation) && !has(k, Role::Affirm));
    if negated {
        return Modality::Dropped("negated");
    }
    let n = view.tokens.len();
    if n > 0 && view.is_punct(text, n - 1, &['?']) {
        return Modality::Dropped("a question");
    }
    let clause_tokens = || (0..n).filter(same_clause);
    if clause_tokens().any(|k| has(k, Role::Question)) {
        return Modality::Dropped("a question");
    }
    // Unreal words govern what follows them in the clause ("would
    // have imposed"), not an act before them.
    // ("ввели бы санкции": a particle right after the verb counts too.)
    // ("рассматривают возможность": a plan, [future], not a hypothesis.)
    if clause_tokens().filter(|&k| k < found.last() + 3).any(|k| {
        has(k, Role::Unreal)
            && !has(k, Role::Future)
            // (after the trigger only a particle: "осудила возможность
            // санкций" is a condemnation)
            && !(k > found.last()
                && (view.clause_opens(k)
                    || has(k, Role::Clause)
                    || view.tokens[k].norm.chars().count() > 3))
    }) {
        return Modality::Dropped("hypothetical");
    }
    // Then a condition ([condition]): a trigger inside it is hypothetical ("if
    // Russia invades"); a conflict act it governs, before or after it, is
    // a threat ("if Russia invades, the US will impose sanctions", "примет
    // ответные меры в случае размещения ракет"; events.md: conditional
    // threats are THREATEN); what else follows it is hypothetical.
    let conflict = matches!(
        kind,
        EventType::Sanction
            | EventType::Assault
            | EventType::Coerce
            | EventType::Mobilize
            | EventType::Protest
            | EventType::Threaten
    );
    let comma_between = |a: usize, b: usize| (a + 1..b).any(|j| view.is_punct(text, j, &[',']));
    let next_clause = |k: &usize| view.clause[*k] == clause || view.clause[*k] == clause + 1;
    let condition = |k: usize| has(k, Role::Condition);
    // (an opening condition is a clause of its own: the one before counts)
    let governing = |k: &usize| view.clause[*k] == clause || view.clause[*k] + 1 == clause;
    if let Some(k) = (0..anchor).rev().filter(governing).find(|&k| condition(k)) {
        if !comma_between(k, anchor) || !conflict {
            return Modality::Dropped("a condition");
        }
        return conditional_threat(kind);
    }
    if conflict && (found.last() + 1..n).filter(next_clause).any(condition) {
        return conditional_threat(kind);
    }
    let planned = (anchor.saturating_sub(FUTURE_REACH)..anchor)
        .filter(same_clause)
        .any(|k| has(k, Role::Future));
    if !planned {
        return Modality::Asserted;
    }
    use EventType::*;
    match kind {
        Consult | Support | Cooperate | Aid => Modality::Planned(Agree),
        Sanction | Assault | Coerce | Mobilize | Protest | Accuse => Modality::Planned(Threaten),
        other => Modality::Planned(other),
    }
}

/// A conflict act under a condition: a threat of it.
fn conditional_threat(kind: EventType) -> Modality {
    if kind == EventType::Threaten {
        Modality::Asserted
    } else {
        Modality::Planned(EventType::Threaten)
    }
}
