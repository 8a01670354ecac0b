//! Groups (staff, crews, pilots, unions, passengers: `kind: group`) and
//! located roles (courts, police, the authorities: `located: yes`) tied to
//! the state or company the text names with them.
//!
//! A group word becomes one mention spanning its phrase when the text ties
//! it to a state: a state's adjective before it ("бельгийские профсоюзы"),
//! a state, organisation or institution after it in the genitive or after
//! "на"/"of" ("профсоюзы Бельгии", "служителите на ЕС"), or a state named
//! as a place after it, right after a locative preposition or a short
//! "based in" clause ("пилоты в Германии", "экипажи Ryanair, базирующиеся
//! в Испании"). A company after it (or before it, where the language puts
//! it first: "Ryanair pilots") is the company the group works for, not its
//! state: it goes into the mention's `parts`, so it is no side of its own,
//! and the group keeps the state a place gives it, else none ("пилоты
//! Ryanair" has no country). A group tied to nothing is no mention.

use dyad_core::{Mention, MentionForm, Span};
use dyad_nlp::TokenKind;

use crate::link::{Item, Merger};
use crate::matcher::{is_transparent, Found};
use crate::parse::Kind;

/// At most this many words and commas of a "based in" clause between a
/// group and the locative preposition that places it.
const MAX_BASED: usize = 4;

/// What a group's phrase came to.
pub(crate) struct Merged {
    /// The group's mention, then one per further place of a list ("в
    /// Бельгии, Ирландии и Швеции").
    pub mentions: Vec<Mention>,
    /// How many of the plain mentions last pushed it takes in.
    pub popped: usize,
    /// The first item after the phrase.
    pub next: usize,
}

/// Who a name after a group word says it belongs to.
enum Owner {
    /// A state, organisation or institution: the group's code.
    Tie(Mention),
    /// The company it works for.
    Employer(Mention),
}

impl Merger<'_> {
    /// The group word of item `i` with what ties it, or `None` when nothing
    /// does. `run` are the items whose plain mentions were last pushed.
    pub(crate) fn merge_group(
        &self,
        items: &[Item],
        i: usize,
        group: u32,
        run: &[usize],
    ) -> Option<Merged> {
        let head = &items[i].found;
        // The group's own words, from the first to the last ("профсоюзы
        // пилотов").
        let mut words = head.span;
        let mut tie: Option<Mention> = None;
        let mut employer: Option<Mention> = None;
        // An institution of the tie's own state named after the group.
        let mut named: Option<Mention> = None;
        let mut popped = 0;
        // Before it: a state's adjective ("германските пилоти") and, where
        // the language names the owner first, the company ("Ryanair
        // pilots", "Spanish Ryanair pilots") or the state or institution
        // ("US pilots", "EU staff").
        let mut after = head;
        let mut first = i;
        for &p in run.iter().rev().take(2) {
            let prev = &items[p];
            let Some(e) = prev.actor else { break };
            if p + 1 != first || prev.found.part || !self.adjacent(&prev.found, after, false) {
                break;
            }
            let named = matches!(e.form, MentionForm::Name | MentionForm::Short)
                && self.dict.connectors.owner_first(self.lang);
            if tie.is_none() && e.form == MentionForm::Adjective && self.is_state(e.actor) {
                tie = Some(self.plain(&prev.found, e));
            } else if employer.is_none() && named && self.is_company(e.actor) {
                employer = Some(self.plain(&prev.found, e));
            } else if tie.is_none() && employer.is_none() && named && self.is_holder(e.actor) {
                tie = Some(self.plain(&prev.found, e));
            } else {
                break;
            }
            after = &prev.found;
            first = p;
            popped += 1;
        }
        // More group words after it: "профсоюзы пилотов", "синдикатът на
        // пилотите", and coordinated ones: "бортпроводников и пилотов из
        // Бельгии".
        let mut j = i + 1;
        let mut last: &Found = head;
        while let Some(n) = items.get(j) {
            let is_group = n
                .role
                .is_some_and(|r| self.dict.actors[r as usize].kind == Kind::Group);
            if !is_group
                || n.actor.is_some()
                || n.found.part
                || !(self.adjacent(last, &n.found, true) || self.coordinated(last, &n.found))
            {
                break;
            }
            last = &n.found;
            words.end = n.found.span.end;
            j += 1;
        }
        // Then whose it is: "профсоюзы Бельгии", "пилоты Ryanair".
        if employer.is_none() {
            if let Some((owner, next)) = self.owner_after(items, j, last) {
                let taken = match owner {
                    Owner::Employer(m) => {
                        employer = Some(m);
                        true
                    }
                    Owner::Tie(m) if tie.is_none() => {
                        tie = Some(m);
                        true
                    }
                    // "немецкий профсоюз Verdi": the union the tied group
                    // is, named after it.
                    Owner::Tie(m)
                        if matches!(m.kind, "org" | "body")
                            && m.code().is_some()
                            && m.code() == tie.as_ref().and_then(|t| t.code()) =>
                    {
                        named = Some(m);
                        true
                    }
                    Owner::Tie(_) => false,
                };
                if taken {
                    last = &items[next - 1].found;
                    j = next;
                }
            }
        }
        // Or where it is: "пилоты (Ryanair) в Германии", and every state
        // of a list after the first.
        let mut listed: Vec<Mention> = Vec::new();
        if tie.is_none() {
            if let Some(places) = self.places_after(items, j, last, true) {
                let at = &items[places[0]];
                tie = Some(self.plain(&at.found, at.actor?));
                for &p in &places[1..] {
                    let m = self.plain(&items[p].found, items[p].actor?);
                    listed.push(self.group_mention(m.span, group, Some(&m), Vec::new()));
                }
                j = places[places.len() - 1] + 1;
            }
        }
        if tie.is_none() && employer.is_none() {
            return None;
        }
        // The mention covers the group's words and what ties them to their
        // state; the company it works for lies inside only when it stands
        // between them ("пилоты Ryanair в Испании", not "Немецкие пилоты
        // Ryanair" nor the bare "пилоты Ryanair"), and is always a part.
        let span = tie.iter().chain(&named).fold(words, |s, t| {
            Span::new(s.start.min(t.span.start), s.end.max(t.span.end))
        });
        // Named institutions inside the phrase stay listed as its parts;
        // states and adjectives are what its country says.
        let parts: Vec<Mention> = employer
            .into_iter()
            .chain(named)
            .chain(
                tie.iter()
                    .filter(|t| matches!(t.kind, "org" | "body") && t.form != MentionForm::Role)
                    .cloned(),
            )
            .collect();
        let mut mentions = vec![self.group_mention(span, group, tie.as_ref(), parts)];
        mentions.extend(listed);
        Some(Merged {
            mentions,
            popped,
            next: j,
        })
    }

    /// A located role without a state of its own, placed by a state after
    /// a locative preposition: "суд в Роттердаме", "власти в Испании".
    pub(crate) fn located_role(
        &self,
        items: &[Item],
        i: usize,
        role: u32,
    ) -> Option<(Mention, usize)> {
        if !self.dict.actors[role as usize].located {
            return None;
        }
        let it = &items[i];
        let places = self.places_after(items, i + 1, &it.found, false)?;
        let at = &items[places[0]];
        let span = Span::new(it.found.span.start, at.found.span.end);
        let state = at.actor?.actor;
        Some((self.role_mention(span, role, state, None), places[0] + 1))
    }

    /// The group mention of `group` over `span`, with the codes of `tie`
    /// (and its sector, when it is an institution: "сотрудники ФСБ").
    fn group_mention(
        &self,
        span: Span,
        group: u32,
        tie: Option<&Mention>,
        parts: Vec<Mention>,
    ) -> Mention {
        let a = &self.dict.actors[group as usize];
        let own = tie
            .filter(|t| matches!(t.kind, "org" | "body") && t.form != MentionForm::Adjective)
            .and_then(|t| t.sector.clone());
        Mention {
            span,
            actor: a.id.clone(),
            country: tie.and_then(|t| t.country.clone()),
            org: tie.and_then(|t| t.org.clone()),
            sector: own.or_else(|| a.sector.clone()),
            kind: Kind::Group.as_str(),
            form: MentionForm::Role,
            place: false,
            parts,
        }
    }

    /// The owner named right after a group (item `j`, after `last`, "на"
    /// and "of" allowed between): a company, plain ("пилоты Ryanair") or
    /// with its business role ("пилоты авиакомпании Ryanair", "пилоты
    /// ирландской авиакомпании"), is its employer; a state, capital,
    /// organisation, institution or official is its tie.
    fn owner_after(&self, items: &[Item], j: usize, last: &Found) -> Option<(Owner, usize)> {
        let n = items.get(j)?;
        if n.found.part || !self.adjacent(last, &n.found, true) {
            return None;
        }
        // A role merged with its holder; an adjective may open it.
        let role_at = match (n.role, n.actor) {
            (Some(r), _) if self.dict.actors[r as usize].kind == Kind::Role => Some((j, r, None)),
            (None, Some(e)) if e.form == MentionForm::Adjective => items
                .get(j + 1)
                .and_then(|m| Some((j + 1, m.role?, Some(j))))
                .filter(|&(k, r, _)| {
                    self.dict.actors[r as usize].kind == Kind::Role
                        && !items[k].found.part
                        && self.adjacent(&n.found, &items[k].found, false)
                }),
            _ => None,
        };
        if let Some((k, role, adjective)) = role_at {
            if let Some((m, mut next, holder)) = self.merge_role(items, k, role, adjective) {
                let business = self.dict.actors[role as usize].sector.as_deref() == Some("BUS");
                if !business {
                    // A company's management or press service ("пасажирам
                    // керівництво Ryanair") is no owner of a group: it is
                    // its own side.
                    if holder.is_some_and(|h| self.is_company(h)) {
                        return None;
                    }
                    return Some((Owner::Tie(m), next));
                }
                // "ирландской авиакомпании Ryanair": the company named.
                let mut employer = m;
                if let Some(c) = items.get(next) {
                    if let Some(e) = c.actor.filter(|e| self.is_company(e.actor)) {
                        if !c.found.part && self.adjacent(&items[next - 1].found, &c.found, false) {
                            employer = self.plain(&c.found, e);
                            next += 1;
                        }
                    }
                }
                return Some((Owner::Employer(employer), next));
            }
        }
        let e = n.actor?;
        if !matches!(
            e.form,
            MentionForm::Name | MentionForm::Short | MentionForm::Capital
        ) {
            return None;
        }
        let m = self.plain(&n.found, e);
        if self.is_company(e.actor) {
            Some((Owner::Employer(m), j + 1))
        } else if self.is_holder(e.actor) {
            Some((Owner::Tie(m), j + 1))
        } else {
            None
        }
    }

    /// The states named as places right after `last` (item `j` on): a
    /// locative preposition right before the first, and before that
    /// nothing but commas, quotes, dashes and the words of a "based in"
    /// clause. For a `group`, a preposition of origin too ("пилоты из
    /// Бельгии"), and every further state joined to the first by commas
    /// and "and" words ("в Бельгии, Ирландии и Швеции"). Item indices.
    fn places_after(
        &self,
        items: &[Item],
        j: usize,
        last: &Found,
        group: bool,
    ) -> Option<Vec<usize>> {
        let n = items.get(j)?;
        if !self.is_place_of_state(n) || n.found.sentence != last.sentence {
            return None;
        }
        let prep = n.found.tokens.start.checked_sub(1)?;
        if prep < last.tokens.end {
            return None;
        }
        let word = &self.tokens[prep].norm;
        let connectors = &self.dict.connectors;
        let origin = group
            && (connectors.is_from(self.lang, word)
                || (connectors.is_from_genitive(self.lang, word) && self.genitive(n)));
        if !(connectors.is_at(self.lang, word) || origin) {
            return None;
        }
        let between = &self.tokens[last.tokens.end..prep];
        let clause = between.len() <= MAX_BASED
            && between.iter().all(|t| {
                is_transparent(t)
                    || (t.kind == TokenKind::Punct && t.norm == ",")
                    || (t.kind == TokenKind::Word
                        && self.dict.connectors.is_based(self.lang, &t.norm))
            });
        if !clause {
            return None;
        }
        let mut places = vec![j];
        if !group {
            return Some(places);
        }
        // "в Бельгии, Ирландии и (во) Франции", "из Бельгии и из Франции".
        let connectors = &self.dict.connectors;
        let joiner = |t: &dyad_nlp::Token| {
            (t.kind == TokenKind::Punct && t.norm == ",")
                || connectors.is_and(self.lang, &t.norm)
                || connectors.is_at(self.lang, &t.norm)
                || connectors.is_from(self.lang, &t.norm)
                || connectors.is_from_genitive(self.lang, &t.norm)
        };
        while let Some(m) = items.get(places[places.len() - 1] + 1) {
            let prev = &items[places[places.len() - 1]].found;
            if !self.is_place_of_state(m) || m.found.sentence != prev.sentence {
                break;
            }
            let between = &self.tokens[prev.tokens.end..m.found.tokens.start];
            if between.is_empty() || between.len() > 3 || !between.iter().all(joiner) {
                break;
            }
            places.push(places[places.len() - 1] + 1);
        }
        Some(places)
    }

    /// A state named by its name or capital, whole (not inside a
    /// hyphenated word).
    fn is_place_of_state(&self, it: &Item) -> bool {
        !it.found.part
            && it.role.is_none()
            && it.actor.is_some_and(|e| {
                self.is_state(e.actor)
                    && matches!(
                        e.form,
                        MentionForm::Name | MentionForm::Short | MentionForm::Capital
                    )
            })
    }

    /// `b` follows `a` after one "and" word ("бортпроводники и пилоты").
    fn coordinated(&self, a: &Found, b: &Found) -> bool {
        a.sentence == b.sentence
            && b.tokens.start == a.tokens.end + 1
            && self
                .dict
                .connectors
                .is_and(self.lang, &self.tokens[a.tokens.end].norm)
    }

    /// The first word of item `it` can only be a genitive, not an
    /// instrumental ("Бельгії", not "Німеччиною").
    fn genitive(&self, it: &Item) -> bool {
        let Some(lang) = self.doc_lang else {
            return false;
        };
        let Some(analyser) = dyad_morph::analyser(lang) else {
            return false;
        };
        let word = &self.tokens[it.found.tokens.start].norm;
        let readings = analyser.analyse(word);
        readings.has_case(dyad_morph::Case::Gen) && !readings.has_case(dyad_morph::Case::Ins)
    }

    fn is_state(&self, actor: u32) -> bool {
        self.dict.actors[actor as usize].kind == Kind::State
    }

    /// A company: an institution of the business sector (Ryanair).
    fn is_company(&self, actor: u32) -> bool {
        let a = &self.dict.actors[actor as usize];
        a.kind == Kind::Body && a.sector.as_deref() == Some("BUS")
    }
}
