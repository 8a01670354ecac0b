//! Who is actor and who is recipient of a trigger, from the sides of its
//! clause: the subject before the trigger (or, in a relative or reported
//! clause, the side it refers back to; or the speaker of the sentence),
//! the sides marked by grammar words (partner "с", target "против",
//! addressee "к", agent "от", between "между", place "в"), and the first
//! side after the trigger as its object.

use dyad_core::{EventType, Mention, MentionForm};
use dyad_nlp::TokenKind;

use crate::lexicon::{Role, Trigger};
use crate::sentence::{Group, SentenceView};
use crate::triggers::Found;

/// The sides chosen for one trigger: group indexes, and why.
#[derive(Clone, Debug, Default)]
pub(crate) struct Sides {
    pub actors: Vec<usize>,
    pub recipients: Vec<usize>,
    /// For a symmetric event with a subject: the sides it was held with,
    /// one bilateral event each ("встречи с лидерами Ирана, Турции и
    /// Армении").
    pub partners: Vec<usize>,
    pub why: Vec<String>,
    /// 0–1: how directly the grammar gave the sides.
    pub sure: f32,
    /// A recipient that is no side of the sentence (a strike's employer).
    pub employer: Option<dyad_core::Participant>,
    /// The sides a strike was placed in, its strikers (`strike_places`).
    pub strikers: Vec<usize>,
}

fn role_name(g: &Group) -> &'static str {
    g.marker.map_or("unmarked", |r| r.name())
}

struct Ctx<'v, 'a> {
    view: &'v SentenceView<'a>,
    /// The document's mentions.
    mentions: &'v [Mention],
    clause: u16,
    first: usize,
    last: usize,
    /// The trigger is a verb (its subject may follow it).
    verb: bool,
    /// The language marks case on nouns (a free side after a verb may be
    /// its subject).
    cased: bool,
    /// Sides from this token on belong to another event (a request's
    /// requested act).
    horizon: usize,
}

impl Ctx<'_, '_> {
    /// The sentence's own sides (a subject carried from the sentence
    /// before is asked for by `subject` alone).
    fn groups(&self) -> impl Iterator<Item = (usize, &Group)> {
        self.view
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.carried && g.start < self.horizon)
    }

    fn in_clause(&self) -> impl Iterator<Item = (usize, &Group)> {
        self.groups().filter(move |(_, g)| g.clause == self.clause)
    }

    /// The trigger's clause and, when the trigger ends its clause, the
    /// relative clause right after it ("встреч, которые он провел с …").
    fn with_relative(&self) -> impl Iterator<Item = (usize, &Group)> {
        let v = self.view;
        let next = self.clause + 1;
        let start = v.clause.iter().position(|&c| c == next);
        let follows = start
            .is_some_and(|s| v.subordinate.get(next as usize) == Some(&true) && s <= self.last + 2);
        self.groups()
            .filter(move |(_, g)| g.clause == self.clause || (follows && g.clause == next))
    }

    fn is_free(g: &Group) -> bool {
        g.marker.is_none() && !g.place
    }

    /// The subject: the nearest unmarked side before the trigger in its
    /// clause; else the side a subordinate clause refers back to; else the
    /// speaker the sentence quotes.
    fn subject(&self) -> Option<(usize, &'static str, f32)> {
        // "Осудив действия Израиля, Турция …": the gerund's doer is the
        // main clause's subject.
        if self.view.gerund_opens && self.clause == 0 {
            let main = self
                .groups()
                .find(|(_, g)| g.clause == 1 && Self::is_free(g) && !g.oblique);
            if let Some((i, _)) = main {
                return Some((i, "the subject of the clause the gerund belongs to", 0.25));
            }
        }
        // The nearest side before the trigger in the nominative ("Трамп
        // поддерживает решение Англии …", not "Англии").
        let before = || {
            self.in_clause()
                .filter(|(_, g)| g.end <= self.first && Self::is_free(g))
        };
        // "Трампу, критиковавшему «Северный поток — 2»": an active
        // participle's doer is the noun it agrees with, whatever its case,
        // right before it.
        if self.view.participle[self.first] {
            let near = self
                .groups()
                .filter(|(_, g)| g.end <= self.first && g.end + 2 >= self.first && !g.place)
                .last();
            if let Some((i, _)) = near {
                return Some((i, "the noun the participle belongs to", 0.25));
            }
        }
        if let Some((i, _)) = before()
            .filter(|(_, g)| {
                !g.oblique && !g.modifier && !self.follows_trigger(g) && !self.follows_verb(g)
            })
            .last()
        {
            return Some((i, "the subject before the trigger", 0.3));
        }
        // "Нового главу США поздравил президент Путин", "Против проекта
        // выступают Польша и Украина": a verb whose clause has no
        // nominative before it takes the nominative right after it.
        let clause_start = self.view.clause.iter().position(|&c| c == self.clause)?;
        // A relative clause with nothing before its verb refers back first
        // ("відповів Трампу, який розкритикував …").
        let relative = self.clause > 0
            && self.view.subordinate[self.clause as usize]
            && !before().any(|_| true);
        if !relative {
            if let Some(i) = self.subject_after() {
                return Some((i, SUBJECT_AFTER, 0.2));
            }
        }
        if self.clause > 0 && self.view.subordinate[self.clause as usize] {
            // The side right before the comma ("Шойгу, который прибыл"),
            // else the subject of the sentence ("Гренелл разослал письма,
            // в которых призвал").
            let eligible = |g: &Group| !g.place && g.marker != Some(Role::Target);
            let adjacent = self
                .groups()
                .find(|(_, g)| g.end <= clause_start && g.end + 3 > clause_start && eligible(g));
            let main = || {
                self.groups()
                    .find(|(_, g)| g.end <= clause_start && Self::is_free(g))
            };
            if let Some((i, _)) = adjacent {
                return Some((i, "the side the clause refers back to", 0.2));
            }
            if let Some((i, _)) = main() {
                return Some((i, "the subject of the sentence the clause belongs to", 0.1));
            }
        }
        let speech = Role::Speech.bit();
        // (past a request's horizon too: "«Мы призываем Россию вывести
        // войска», заявил Гутерриш")
        let speaker = self
            .view
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| !g.carried)
            .find(|(_, g)| {
                Self::is_free(g)
                    && (g.start.saturating_sub(3)..g.start)
                        .any(|k| self.view.marks[k] & speech != 0)
            });
        if let Some((i, _)) = speaker {
            return Some((i, "the speaker the sentence quotes", 0.15));
        }
        // "«…». Об этом заявил Лавров": the speaker the next sentence names,
        // for a verb with no side before it.
        if let Some(i) = self.next_speaker() {
            if !before().any(|_| true) && self.verb {
                return Some((i, "the speaker the next sentence names", 0.1));
            }
        }
        // "В Берлине возмутились", "У Брюсселі хочуть", "В МИД заявили":
        // a seat of government or an institution named as a place before a
        // verb without a subject speaks for it (a state named so does
        // not: "в Сирии атаковали"; a state's office does: "В МИД России
        // обвинили", "В Министерстве иностранных дел России осудили").
        let seat = self.in_clause().filter(|(_, g)| {
            g.end <= self.first
                && g.place
                && g.mentions.iter().all(|&m| {
                    let m = &self.mentions[m];
                    matches!(m.form, MentionForm::Capital | MentionForm::Role) || m.kind != "state"
                })
        });
        if let Some((i, _)) = seat.last() {
            return Some((
                i,
                "a capital or institution standing for its government",
                0.1,
            ));
        }
        if let Some((i, _)) = before().last() {
            return Some((
                i,
                "the side before the trigger (not in the nominative)",
                0.1,
            ));
        }
        // A main-clause verb with no side before it: the subject of the
        // sentence before ("Ryanair отменила рейсы. Также заявила, что …").
        let carried = self
            .view
            .groups
            .iter()
            .position(|g| g.carried && !g.from_next);
        match carried {
            Some(i)
                if self.verb
                    && self.clause == 0
                    && !self.in_clause().any(|(_, g)| {
                        Self::is_free(g) && (g.end <= self.first || (self.cased && !g.oblique))
                    }) =>
            {
                Some((i, "the subject of the sentence before, carried", 0.05))
            }
            _ => None,
        }
    }

    /// The free side right after the trigger's last word, or after a
    /// possessive word there ("критика Вашингтона", "ударите на Русия",
    /// "the strikes of Russia").
    fn side_after_noun(&self) -> Option<usize> {
        let v = self.view;
        let words: Vec<usize> = (self.last + 1..v.tokens.len())
            .filter(|&k| v.tokens[k].kind == TokenKind::Word)
            .take(2)
            .collect();
        let possessive = Role::Possessive.bit();
        let starts: Vec<usize> = match words.as_slice() {
            [a, b, ..] if v.marks[*a] & possessive != 0 => vec![*a, *b],
            [a, ..] => vec![*a],
            [] => vec![],
        };
        // ("the strike by pilots": a "by"/"от" phrase right after it too)
        self.in_clause()
            .find(|(_, g)| {
                starts.contains(&g.start) && (Self::is_free(g) || g.marker == Some(Role::Agent))
            })
            .map(|(i, _)| i)
    }

    /// The side right after another trigger's noun in the clause, not
    /// among `skip`.
    fn doer_of_other_event(&self, skip: &[usize]) -> Option<usize> {
        let v = self.view;
        (0..v.tokens.len())
            .filter(|&k| v.clause[k] == self.clause && (k < self.first || k > self.last))
            .filter(|&k| v.in_trigger[k] && v.noun[k] == Some(true))
            .find_map(|k| {
                let next =
                    (k + 1..v.tokens.len()).find(|&j| v.tokens[j].kind == TokenKind::Word)?;
                // (over "by"/"от": "the strike by pilots")
                let next = if v.marks[next] & Role::Agent.bit() != 0 {
                    (next + 1..v.tokens.len()).find(|&j| v.tokens[j].kind == TokenKind::Word)?
                } else {
                    next
                };
                self.in_clause()
                    .find(|(i, g)| g.start == next && !g.place && !skip.contains(i))
                    .map(|(i, _)| i)
            })
    }

    /// The subject after a verb: the first free side after the trigger in
    /// its clause, within reach, whose first word the dictionary reads as
    /// nominative (in a language with cases) and that hangs on no noun.
    fn subject_after(&self) -> Option<usize> {
        if !self.verb {
            return None;
        }
        self.in_clause()
            .find(|(_, g)| g.start > self.last && Self::is_free(g))
            .filter(|(_, g)| {
                g.nominative
                    && !g.modifier
                    && self.words_between(self.last, g.start) <= OBJECT_REACH
            })
            .map(|(i, _)| i)
    }

    /// The speaker the sentence after names ("Об этом заявил Лавров").
    fn next_speaker(&self) -> Option<usize> {
        self.view.groups.iter().position(|g| g.from_next)
    }

    /// Who says the sentence, for a verdict on `not`: the side right after
    /// a [speech] word ("— заявили в Ryanair", "заявил Лавров"), else the
    /// subject of the speech word's clause, else an institution named as
    /// a place before it ("У НАК заявили"); the speech word nearest the
    /// trigger first.
    fn speaker(&self, not: usize) -> Option<(usize, &'static str)> {
        let v = self.view;
        let speech = Role::Speech.bit();
        let mut words: Vec<usize> = (0..v.tokens.len())
            .filter(|&k| v.marks[k] & speech != 0 && (k == 0 || v.marks[k - 1] & speech == 0))
            .filter(|&k| k < self.first || k > self.last)
            .collect();
        words.sort_by_key(|&k| k.abs_diff(self.first));
        for k in words {
            let clause = v.clause[k];
            // Right after the verb, over punctuation, a title or "от"
            // ("— заявиха от Нафтогаз", "заявил глава МИД Лавров"); not a
            // side further on ("вважають страйк пілотів").
            let after = self.groups().find(|(i, g)| {
                *i != not
                    && g.start > k
                    && g.start <= k + 4
                    && (k + 1..g.start).all(|j| {
                        v.tokens[j].kind != TokenKind::Word
                            || v.marks[j] & (Role::Agent.bit() | Role::Place.bit() | speech) != 0
                    })
                    && (Self::is_free(g) || g.place || g.marker == Some(Role::Agent))
            });
            if let Some((i, _)) = after {
                return Some((i, "the speaker named after a verb of saying"));
            }
            // Its clause, or the one before when the verb opens its own
            // after a quote ("У НАК «Нафтогаз України» заявили").
            let before = self
                .groups()
                .filter(|(i, g)| *i != not && g.clause + 1 >= clause && g.end <= k)
                .collect::<Vec<_>>();
            if let Some((i, _)) = before
                .iter()
                .rev()
                .find(|(_, g)| Self::is_free(g) && !g.oblique)
            {
                return Some((*i, "the subject of the verb of saying"));
            }
            // "Речник компанії заявив": the one whose spokesman speaks.
            if let Some((i, _)) = before
                .iter()
                .rev()
                .find(|(_, g)| Self::is_free(g) && g.modifier)
            {
                return Some((*i, "the one whose representative speaks"));
            }
            if let Some((i, _)) = before.iter().rev().find(|(_, g)| g.place) {
                return Some((*i, "the institution that says it, named as a place"));
            }
        }
        None
    }

    /// A noun trigger is an event of its own, not what the clause's
    /// subject does, when no side precedes it in its clause ("визит
    /// Путина в Баку") or another trigger governs it ("отверг критику
    /// Вашингтона").
    fn noun_stands_alone(&self) -> bool {
        let before = self
            .in_clause()
            .any(|(_, g)| g.end <= self.first && Self::is_free(g));
        !before || self.governed() || self.after_adjunct()
    }

    /// Another trigger governs the noun: it stands right before it, over
    /// at most three plain words ("отверг критику Вашингтона", "осъди
    /// ракетните удари на Русия").
    fn governed(&self) -> bool {
        let v = self.view;
        let mut k = self.first;
        let mut skipped = 0;
        while k > 0 && skipped <= 3 {
            k -= 1;
            if v.in_trigger[k] {
                return true;
            }
            let t = &v.tokens[k];
            if t.kind != TokenKind::Word || t.upper_initial || v.marks[k] != 0 || v.in_mention[k] {
                return false;
            }
            skipped += 1;
        }
        false
    }

    /// The trigger is a noun in an adverbial phrase ("отменила рейсы из-за
    /// забастовки пилотов", "на фоне санкций"): it is no act of the
    /// clause's subject, only of a side right after it.
    fn after_adjunct(&self) -> bool {
        let adjunct = Role::Adjunct.bit();
        let v = self.view;
        // Over the noun's modifiers, a date among them ("в преддверии
        // намеченной на 28 сентября забастовки").
        let mut k = self.first;
        let mut skipped = 0;
        while k > 0 && skipped <= 5 {
            k -= 1;
            if v.ends[k] & adjunct != 0 {
                return true;
            }
            let t = &v.tokens[k];
            let modifier = match t.kind {
                TokenKind::Word => {
                    !t.upper_initial
                        && !v.in_mention[k]
                        && !v.in_trigger[k]
                        && !v.verb[k]
                        && v.marks[k] & !(Role::Place.bit() | Role::Future.bit()) == 0
                }
                TokenKind::Number => true,
                _ => false,
            };
            if !modifier {
                return false;
            }
            skipped += 1;
        }
        false
    }

    /// Word tokens strictly between two token positions.
    fn words_between(&self, from: usize, to: usize) -> usize {
        (from + 1..to)
            .filter(|&k| self.view.tokens[k].kind == TokenKind::Word)
            .count()
    }

    /// The side stands right after another trigger: that one's object
    /// ("призвал США … и отверг": США is no subject of "отверг").
    fn follows_trigger(&self, g: &Group) -> bool {
        g.start > 0 && g.start < self.first && self.view.in_trigger[g.start - 1]
    }

    /// The side stands right after a verb (over a dative "на"/"to"): that
    /// verb's object ("sent Ukraine a new package of aid", "предоставиха
    /// на Украйна … помощ"), no subject.
    fn follows_verb(&self, g: &Group) -> bool {
        let v = self.view;
        let mut k = g.start;
        let mut over = 0;
        while k > 0 && over <= 1 {
            k -= 1;
            if v.verb[k] {
                return true;
            }
            if v.marks[k] & Role::Possessive.bit() == 0 {
                return false;
            }
            over += 1;
        }
        false
    }

    /// The first unmarked side after the trigger in its clause, skipping
    /// `skip`, that starts within `OBJECT_REACH` tokens of the trigger or
    /// of a skipped side after it ("обвинил Россию", not "обвинил Запад в
    /// попытках испортить отношения внутри СНГ").
    fn object(&self, skip: &[usize]) -> Option<usize> {
        let mut reach = self.last;
        for &i in skip {
            let g = &self.view.groups[i];
            if g.start > self.first {
                reach = reach.max(g.end);
            }
        }
        self.in_clause()
            .find(|(i, g)| g.start > self.first && Self::is_free(g) && !skip.contains(i))
            .filter(|(_, g)| g.start <= reach || self.words_between(reach, g.start) <= OBJECT_REACH)
            .map(|(i, _)| i)
    }

    fn marked(&self, roles: &[Role], skip: &[usize]) -> Option<usize> {
        let candidates = || {
            self.in_clause()
                .filter(|(i, g)| g.marker.is_some_and(|m| roles.contains(&m)) && !skip.contains(i))
        };
        // Before the trigger only a partner or agent may stand ("с
        // Путиным встретился"); a target or addressee follows it.
        let fronted =
            |g: &Group| matches!(g.marker, Some(Role::Partner | Role::Agent | Role::Between));
        candidates()
            .find(|(_, g)| g.start > self.first)
            .or_else(|| candidates().filter(|(_, g)| fronted(g)).last())
            .map(|(i, _)| i)
    }
}

/// How `Ctx::subject` names a subject that follows its verb.
const SUBJECT_AFTER: &str = "the subject after the verb";

/// Tokens between a trigger and its object at most ("предупредил в
/// понедельник Тегеран").
const OBJECT_REACH: usize = 4;
/// Tokens between a trigger and the place it happened at most ("нанесла
/// удары по целям в Сирии").
const PLACE_REACH: usize = 6;

/// Types whose recipient may be a territory named as a place ("удары в
/// Сирии", "оружие в Россию").
fn place_may_receive(kind: EventType) -> bool {
    matches!(
        kind,
        EventType::Assault | EventType::Aid | EventType::Mobilize | EventType::Coerce
    )
}

pub(crate) fn assign(
    view: &SentenceView<'_>,
    mentions: &[Mention],
    found: &Found,
    trigger: &Trigger,
    kind: EventType,
    noun: bool,
    horizon: usize,
) -> Result<Sides, String> {
    let ctx = Ctx {
        view,
        mentions,
        clause: view.clause[found.anchor()],
        first: found.anchor(),
        last: found.last(),
        verb: !noun,
        cased: view.cased,
        horizon,
    };
    let mut sides = Sides {
        sure: 0.4,
        ..Sides::default()
    };
    let visit = trigger.mode.as_deref() == Some("visit");
    if trigger.speaker_acts {
        claim(&ctx, noun, &mut sides);
    } else if trigger.recipient_marked {
        if let Some((i, how, sure)) = ctx.subject() {
            sides.actors.push(i);
            sides.why.push(format!("actor {i}: {how}"));
            sides.sure += sure;
        }
        if let Some(i) = ctx.marked(&[Role::Target, Role::Addressee], &sides.actors) {
            sides.recipients.push(i);
            sides.why.push(format!(
                "recipient {i}: marked {}",
                role_name(&view.groups[i])
            ));
        }
    } else if kind.is_symmetric() && !visit && !trigger.directed {
        symmetric(&ctx, &mut sides);
    } else if trigger.subject_receives {
        receiving(&ctx, kind, &mut sides);
    } else if view.passive[found.anchor()] {
        passive(&ctx, &mut sides);
    } else if noun
        && kind == EventType::Protest
        && ctx.side_after_noun().is_some_and(|g| {
            view.groups[g]
                .mentions
                .iter()
                .any(|&m| mentions[m].kind == "group")
        })
        && genitive_doer(&ctx, &mut sides)
    {
        // "Ryanair назвала страйк пілотів у Німеччині …": the strike of
        // the staff named after it, whoever speaks of it.
    } else if noun && participle_agent(&ctx, &mut sides) {
        // "страйк, оголошений на середу німецькою профспілкою пілотів".
    } else if noun && prenominal_doer(&ctx, &mut sides) {
        // "Russia's missile strikes on Ukrainian cities", "американские
        // санкции против России".
    } else if noun && ctx.after_adjunct() {
        // (no doer after it: none, though a strike may still take its
        // places, `strike_places`)
        if !genitive_doer(&ctx, &mut sides) {
            sides
                .why
                .push("a noun in an adverbial phrase with no doer after it".into());
        }
    } else if !(noun && ctx.noun_stands_alone() && genitive_doer(&ctx, &mut sides)) {
        directed(&ctx, kind, visit || trigger.host_place, &mut sides);
    }
    Ok(sides)
}

/// A noun trigger followed by a passive participle ("страйк, оголошений
/// на середу … німецькою профспілкою пілотів", "the strike called by the
/// German pilots' union"): the participle's agent is the noun's doer, the
/// clause's subject (or a marked target) its recipient. False, with
/// `sides` untouched, otherwise.
fn participle_agent(ctx: &Ctx<'_, '_>, sides: &mut Sides) -> bool {
    let v = ctx.view;
    let end = (ctx.last + 4).min(v.tokens.len());
    let Some(p) = (ctx.last + 1..end).find(|&k| v.passive[k]) else {
        return false;
    };
    if (ctx.last + 1..p).any(|k| v.tokens[k].kind == TokenKind::Word) {
        return false;
    }
    let Some((doer, _)) = ctx.in_clause().find(|(_, g)| {
        g.start > p && g.marker == Some(Role::Agent) && ctx.words_between(p, g.start) <= 8
    }) else {
        return false;
    };
    sides.actors.push(doer);
    sides.why.push(format!(
        "actor {doer}: the agent of the participle after the noun"
    ));
    sides.sure += 0.3;
    let skip = [doer];
    if let Some(i) = ctx
        .marked(&[Role::Target, Role::Addressee], &skip)
        .filter(|&m| v.groups[m].start > doer)
    {
        sides.recipients.push(i);
        sides
            .why
            .push(format!("recipient {i}: marked {}", role_name(&v.groups[i])));
    } else if let Some((i, how, _)) = ctx.subject().filter(|(i, _, _)| *i != doer) {
        sides.recipients.push(i);
        sides.why.push(format!("recipient {i}: {how}"));
    }
    true
}

/// A noun trigger with an adjective or a possessive of a state right
/// before it names its doer ("Russia's strikes", "американские санкции
/// против России"); the recipient is a marked target or addressee after
/// it, else the side after it. False, with `sides` untouched, otherwise.
fn prenominal_doer(ctx: &Ctx<'_, '_>, sides: &mut Sides) -> bool {
    let v = ctx.view;
    let Some((doer, _)) = ctx.in_clause().find(|(_, g)| {
        let possessive = v.tokens[g.end - 1].norm.ends_with("'s");
        g.end == ctx.first
            && g.end > g.start
            && g.marker.is_none()
            && (possessive
                || g.mentions
                    .iter()
                    .all(|&m| ctx.mentions[m].form == MentionForm::Adjective))
    }) else {
        return false;
    };
    let skip = [doer];
    let recipient = ctx
        .marked(&[Role::Target, Role::Addressee], &skip)
        .filter(|&m| v.groups[m].start > ctx.last)
        .or_else(|| ctx.object(&skip));
    let Some(r) = recipient else { return false };
    sides.actors.push(doer);
    sides.why.push(format!(
        "actor {doer}: the adjective or possessive before the noun"
    ));
    sides.recipients.push(r);
    sides
        .why
        .push(format!("recipient {r}: {}", role_name(&v.groups[r])));
    sides.sure += 0.3;
    true
}

/// A noun trigger followed right away by a side names its doer ("критику
/// Вашингтона в адрес проекта", "визит Путина в Баку"): that side acts;
/// the recipient is a marked target, addressee or host, else the subject.
/// False, with `sides` untouched, when no side follows the noun.
fn genitive_doer(ctx: &Ctx<'_, '_>, sides: &mut Sides) -> bool {
    let v = ctx.view;
    let Some(doer) = ctx.side_after_noun() else {
        return false;
    };
    sides.actors.push(doer);
    sides
        .why
        .push(format!("actor {doer}: the side right after the noun"));
    sides.sure += 0.2;
    let skip = [doer];
    let marked = ctx
        .marked(&[Role::Target, Role::Addressee], &skip)
        .filter(|&m| v.groups[m].start > doer)
        .or_else(|| {
            ctx.in_clause()
                .find(|(i, g)| g.place && g.start > v.groups[doer].start && *i != doer)
                .map(|(i, _)| i)
        });
    // "удары России по Украине", "ударите на Русия по украински
    // градове": a side further on, unmarked, is what the act is aimed at.
    let further = || {
        ctx.in_clause()
            .find(|(i, g)| {
                *i != doer
                    && g.start >= v.groups[doer].end
                    && Ctx::is_free(g)
                    && ctx.words_between(v.groups[doer].end.saturating_sub(1), g.start) <= 2
            })
            .map(|(i, _)| i)
    };
    if let Some(i) = marked {
        sides.recipients.push(i);
        sides
            .why
            .push(format!("recipient {i}: marked {}", role_name(&v.groups[i])));
        sides.sure += 0.2;
    } else if let Some(i) = further() {
        sides.recipients.push(i);
        sides
            .why
            .push(format!("recipient {i}: the side after the doer"));
        sides.sure += 0.1;
    } else if let Some((i, how, _)) = ctx.subject().filter(|(i, _, _)| *i != doer) {
        sides.recipients.push(i);
        sides.why.push(format!("recipient {i}: {how}"));
    }
    true
}

/// A verdict on its subject ("У НАК заявили, що Газпром маніпулює
/// фактами"): the subject (or the side right after a noun: "втручання
/// Росії") receives it, the speaker of the sentence gives it.
fn claim(ctx: &Ctx<'_, '_>, noun: bool, sides: &mut Sides) {
    let v = ctx.view;
    // What is said follows the verb of saying in its clause ("Ryanair
    // said the strike by pilots in Germany was unjustified").
    let speech = Role::Speech.bit();
    let said_from = (0..ctx.first)
        .rev()
        .find(|&k| v.clause[k] == ctx.clause && v.marks[k] & speech != 0)
        .map_or(0, |k| k + 1);
    let after_noun = noun.then(|| ctx.side_after_noun()).flatten();
    let subject = after_noun
        .or_else(|| {
            ctx.in_clause()
                .filter(|(_, g)| {
                    g.start >= said_from && g.end <= ctx.first && Ctx::is_free(g) && !g.oblique
                })
                .last()
                .map(|(i, _)| i)
        })
        .or_else(|| {
            ctx.doer_of_other_event(&[])
                .filter(|&i| v.groups[i].start >= said_from && v.groups[i].end <= ctx.first)
        });
    if let Some(said_of) = subject {
        sides.recipients.push(said_of);
        sides
            .why
            .push(format!("recipient {said_of}: what the verdict is said of"));
    }
    let not = subject.unwrap_or(usize::MAX);
    if let Some((i, how)) = ctx.speaker(not) {
        sides.actors.push(i);
        sides.why.push(format!("actor {i}: {how}"));
        sides.sure += 0.3;
    } else if let Some(i) = ctx.next_speaker().filter(|&i| i != not) {
        sides.actors.push(i);
        sides
            .why
            .push(format!("actor {i}: the speaker the next sentence names"));
        sides.sure += 0.2;
    }
}

fn symmetric(ctx: &Ctx<'_, '_>, sides: &mut Sides) {
    if let Some((i, how, sure)) = ctx.subject() {
        sides.actors.push(i);
        sides.why.push(format!("side {i}: {how}"));
        sides.sure += sure;
    }
    // Reach runs on from each side after the trigger ("среща на шефа ѝ
    // Алексей Милер с посланика на Франция").
    let mut chain = ctx.last;
    for (i, g) in ctx.with_relative() {
        // An adjective alone names no partner: "с ирландската граница".
        let adjective = g
            .mentions
            .iter()
            .all(|&m| ctx.mentions[m].form == MentionForm::Adjective);
        // A partner far after the trigger belongs to another noun
        // ("согласовал позицию по будущим переговорам с Евросоюзом").
        // ("консультации по Афганистану в «московском формате» с участием
        // России, Китая …": a list after "между"/"с участием" at any reach)
        let reach = if g.marker == Some(Role::Between) && g.clause == ctx.clause {
            2 * OBJECT_REACH
        } else {
            OBJECT_REACH
        };
        let near = g.start <= ctx.first || ctx.words_between(chain, g.start) <= reach;
        if g.start > ctx.first && near {
            chain = chain.max(g.end.saturating_sub(1));
        }
        if matches!(g.marker, Some(Role::Partner | Role::Between))
            && !adjective
            && near
            && !sides.actors.contains(&i)
        {
            sides.partners.push(i);
            sides.why.push(format!("side {i}: marked {}", role_name(g)));
            sides.sure += 0.2;
        }
    }
    if sides.actors.is_empty()
        || sides
            .partners
            .iter()
            .any(|&i| ctx.view.groups[i].marker == Some(Role::Between))
    {
        // "переговоры между Москвой и Киевом": one event of all of them.
        sides.actors.append(&mut sides.partners);
    }
    if distinct_codes(ctx, &sides.actors) + distinct_codes(ctx, &sides.partners) < 2 {
        if let Some(i) = ctx.object(&sides.actors) {
            sides.actors.push(i);
            sides
                .why
                .push(format!("side {i}: the first side after the trigger"));
        }
    }
}

/// How many countries or organisations some sides hold.
fn distinct_codes(ctx: &Ctx<'_, '_>, groups: &[usize]) -> usize {
    let mut codes: Vec<&str> = groups
        .iter()
        .flat_map(|&g| ctx.view.groups[g].codes.iter().map(String::as_str))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes.len()
}

/// A passive participle ("санкции, наложенные Евросоюзом на Россию",
/// "Росія була звинувачена Україною"): the instrumental or "от" side
/// does it; a marked target, else the subject, receives it.
fn passive(ctx: &Ctx<'_, '_>, sides: &mut Sides) {
    if let Some(i) = ctx.marked(&[Role::Agent], &[]) {
        sides.actors.push(i);
        sides
            .why
            .push(format!("actor {i}: the doer of the passive"));
        sides.sure += 0.3;
    }
    if let Some(i) = ctx.marked(&[Role::Target, Role::Addressee], &sides.actors) {
        sides.recipients.push(i);
        sides.why.push(format!(
            "recipient {i}: marked {}",
            role_name(&ctx.view.groups[i])
        ));
        sides.sure += 0.2;
    } else if let Some((i, how, sure)) = ctx.subject().filter(|(i, _, _)| !sides.actors.contains(i))
    {
        sides.recipients.push(i);
        sides
            .why
            .push(format!("recipient {i}: {how} (the passive's subject)"));
        sides.sure += sure;
    }
}

fn receiving(ctx: &Ctx<'_, '_>, kind: EventType, sides: &mut Sides) {
    if let Some((i, how, sure)) = ctx.subject() {
        sides.recipients.push(i);
        sides.why.push(format!(
            "recipient {i}: {how} (the trigger's subject receives)"
        ));
        sides.sure += sure;
    }
    if let Some(i) = ctx.marked(&[Role::Agent], &sides.recipients) {
        sides.actors.push(i);
        sides.why.push(format!("actor {i}: marked agent"));
        sides.sure += 0.3;
    } else if let Some(i) = ctx.object(&sides.recipients) {
        sides.actors.push(i);
        sides
            .why
            .push(format!("actor {i}: the first side after the trigger"));
    } else if let Some((i, _)) = ctx
        .in_clause()
        .find(|(i, g)| g.place && !sides.recipients.contains(i))
    {
        // "в Германии компания получила разрешения": the state where it
        // was received gave it.
        sides.actors.push(i);
        sides
            .why
            .push(format!("actor {i}: the state where it was received"));
    }
    if sides.recipients.is_empty() && place_may_receive(kind) {
        if let Some(i) = ctx.marked(&[Role::Place], &sides.actors) {
            sides.recipients.push(i);
            sides
                .why
                .push(format!("recipient {i}: the place it happened"));
        }
    }
}

fn directed(ctx: &Ctx<'_, '_>, kind: EventType, host_place: bool, sides: &mut Sides) {
    let subject = ctx.subject();
    if let Some((i, SUBJECT_AFTER, sure)) = subject {
        // Inverted order: the object stands before the verb.
        sides.actors.push(i);
        sides.why.push(format!("actor {i}: {SUBJECT_AFTER}"));
        sides.sure += sure;
        let marked = ctx.marked(&[Role::Target, Role::Addressee], &sides.actors);
        let fronted = ctx
            .in_clause()
            .filter(|(_, g)| g.end <= ctx.first && Ctx::is_free(g))
            .last()
            .map(|(j, _)| j);
        if let Some(j) = marked.or(fronted) {
            sides.recipients.push(j);
            sides
                .why
                .push(format!("recipient {j}: the object before the verb"));
            sides.sure += 0.1;
        }
        return;
    }
    if let Some((i, how, sure)) = subject {
        sides.actors.push(i);
        sides.why.push(format!("actor {i}: {how}"));
        sides.sure += sure;
    }
    let targets: &[Role] = if host_place {
        &[Role::Target, Role::Addressee, Role::Partner]
    } else {
        &[Role::Target, Role::Addressee]
    };
    // A visit's host named as a place comes first ("прибыл в Баку"); a
    // marked target or addressee unless an unmarked object stands nearer
    // ("призвал США не вмешиваться … в адрес проекта").
    let host = host_place
        .then(|| {
            ctx.in_clause().find(|(i, g)| {
                g.place
                    && g.start > ctx.first
                    && g.start <= ctx.last + PLACE_REACH
                    && !sides.actors.contains(i)
            })
        })
        .flatten()
        .map(|(i, _)| i);
    let object = ctx.object(&sides.actors);
    let marked = ctx
        .marked(targets, &sides.actors)
        .filter(|&m| match object {
            Some(o) if !sides.actors.is_empty() => {
                ctx.view.groups[m].start < ctx.view.groups[o].start
            }
            _ => true,
        });
    if let (Some(i), false) = (host, sides.actors.is_empty()) {
        sides.recipients.push(i);
        sides
            .why
            .push(format!("recipient {i}: the host, named as a place"));
        sides.sure += 0.2;
    } else if let Some(i) = marked {
        sides.recipients.push(i);
        sides.why.push(format!(
            "recipient {i}: marked {}",
            role_name(&ctx.view.groups[i])
        ));
        sides.sure += 0.3;
        if sides.actors.is_empty() {
            // "санкции ЕС против России": the doer follows the noun.
            if let Some(j) = ctx.object(&sides.recipients) {
                sides.actors.push(j);
                sides.why.push(format!(
                    "actor {j}: the first unmarked side after the trigger"
                ));
            }
        }
    } else if let Some(i) = ctx.object(&sides.actors) {
        if sides.actors.is_empty() {
            // No subject: an unmarked side after a noun is its doer
            // ("визит Путина в Баку"), the next one its recipient.
            sides.actors.push(i);
            sides
                .why
                .push(format!("actor {i}: the first side after the trigger"));
            if let Some(j) = ctx.object(&sides.actors) {
                sides.recipients.push(j);
                sides
                    .why
                    .push(format!("recipient {j}: the next side after it"));
            }
        } else {
            sides.recipients.push(i);
            sides
                .why
                .push(format!("recipient {i}: the object after the trigger"));
            sides.sure += 0.2;
        }
    }
    if sides.recipients.is_empty() && !sides.actors.is_empty() {
        // "solidarity with Ukraine", "withdrew from Syria", "asked help
        // from Russia": any other marked side after the trigger.
        if let Some((i, g)) = ctx.in_clause().find(|(i, g)| {
            g.start > ctx.first
                && !g.place
                && matches!(g.marker, Some(Role::Partner | Role::Agent))
                && !sides.actors.contains(i)
        }) {
            sides.recipients.push(i);
            sides.why.push(format!(
                "recipient {i}: the side after a {} word",
                role_name(g)
            ));
        }
    }
    if sides.actors.is_empty() && !sides.recipients.is_empty() {
        // "Санкции были введены Евросоюзом против России": the doer of a
        // passive clause is its agent.
        if let Some(i) = ctx.marked(&[Role::Agent], &sides.recipients) {
            sides.actors.push(i);
            sides
                .why
                .push(format!("actor {i}: the agent of the clause"));
        }
    }
    if sides.recipients.is_empty() && !sides.actors.is_empty() {
        // "The United States sent Ukraine a new package of aid": the
        // object of the verb before a noun trigger receives it.
        if let Some((i, _)) = ctx.in_clause().find(|(i, g)| {
            g.end <= ctx.first
                && ctx.first - g.end <= 5
                && Ctx::is_free(g)
                && ctx.follows_verb(g)
                && !ctx.follows_trigger(g)
                && !sides.actors.contains(i)
        }) {
            sides.recipients.push(i);
            sides.why.push(format!(
                "recipient {i}: the object of the verb before the noun"
            ));
        }
    }
    if sides.recipients.is_empty() && !sides.actors.is_empty() {
        // "В Ryanair забастовку пилотов считают необоснованной": a stance
        // on another event of the clause is a stance on its doer, the side
        // right after that event's noun.
        if let Some(i) = ctx.doer_of_other_event(&sides.actors) {
            sides.recipients.push(i);
            sides
                .why
                .push(format!("recipient {i}: the doer of the act it judges"));
        }
    }
    if sides.recipients.is_empty() && (host_place || place_may_receive(kind)) {
        if let Some(i) = ctx
            .in_clause()
            .find(|(i, g)| {
                // A place, or for attacks and deliveries an unmarked side a
                // little further ("атаковала позиции … на севере Сирии").
                (g.place || (place_may_receive(kind) && Ctx::is_free(g)))
                    && g.start > ctx.first
                    && g.start <= ctx.last + PLACE_REACH
                    && !sides.actors.contains(i)
            })
            .map(|(i, _)| i)
        {
            sides.recipients.push(i);
            let what = if host_place {
                "the host, named as a place"
            } else {
                "the place it happened"
            };
            sides.why.push(format!("recipient {i}: {what}"));
            sides.sure += 0.1;
        }
    }
}
