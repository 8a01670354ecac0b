//! Linking the names found in one document to actors: context decides
//! between actors that share a name, a surname goes to the person named in
//! full in the same text, roles merge with the state and person they
//! belong to (and an institution named again alone means the one named
//! before), groups tie to their state or company (`group.rs`), and states
//! named after a locative preposition are places.

use std::collections::{HashMap, HashSet};

use dyad_core::{Mention, MentionForm, Span};
use dyad_nlp::{Analysed, Lang, Token};

use crate::date::Day;
use crate::dictionary::{name_langs, Actor, Dictionary};
use crate::matcher::{is_transparent, Entry, Found};
use crate::parse::{Kind, NameLang};

/// A found name with its reading decided: the role it may be, and the
/// actor it names.
pub(crate) struct Item {
    pub found: Found,
    /// A role or group word it may be.
    pub role: Option<u32>,
    pub actor: Option<Entry>,
}

impl Dictionary {
    /// The actor mentions in the analysed blocks of `text`, in text order.
    /// `day` is the document's date (`date::document_day`), when known.
    pub fn link(&self, text: &str, analysed: &Analysed, day: Option<Day>) -> Vec<Mention> {
        let mut found = Vec::new();
        self.matcher(analysed.lang).scan(
            text,
            &analysed.tokens,
            analysed.sentences.iter().map(|s| s.tokens.clone()),
            &mut found,
        );
        if found.is_empty() {
            return Vec::new();
        }
        found.sort_by_key(|f| (f.span.start, f.span.end));
        let doc = DocContext::new(self, &found, day);
        let items: Vec<Item> = found
            .into_iter()
            .map(|f| {
                let role = f
                    .entries
                    .iter()
                    .find(|e| e.form == MentionForm::Role)
                    .map(|e| e.actor);
                let actor = doc.choose(self, &f.entries);
                Item {
                    found: f,
                    role,
                    actor,
                }
            })
            .filter(|it| it.role.is_some() || it.actor.is_some())
            .collect();
        let lang = name_langs(analysed.lang)[0];
        Merger {
            dict: self,
            text,
            doc_lang: analysed.lang,
            tokens: &analysed.tokens,
            starts: analysed.sentences.iter().map(|s| s.tokens.start).collect(),
            lang,
            day,
        }
        .merge(&items)
    }
}

/// What the whole document says that helps to pick between readings.
struct DocContext<'d> {
    /// Mentions per state or organisation code, from names that can only
    /// mean one code.
    counts: HashMap<&'d str, usize>,
    /// People named in full somewhere in the document.
    introduced: HashSet<u32>,
    day: Option<Day>,
}

impl<'d> DocContext<'d> {
    fn new(dict: &'d Dictionary, found: &[Found], day: Option<Day>) -> Self {
        let mut counts: HashMap<&'d str, usize> = HashMap::new();
        let mut introduced = HashSet::new();
        for f in found {
            let mut code: Option<&'d str> = None;
            let mut single = true;
            for e in f.entries.iter().filter(|e| e.form != MentionForm::Role) {
                let a = &dict.actors[e.actor as usize];
                if a.kind == Kind::Person && e.form == MentionForm::Name {
                    introduced.insert(e.actor);
                }
                let c = a.standing(day).code();
                if a.requires_context || c.is_none() || (code.is_some() && code != c) {
                    single = false;
                }
                code = code.or(c);
            }
            if let (true, Some(c)) = (single, code) {
                *counts.entry(c).or_default() += 1;
            }
        }
        DocContext {
            counts,
            introduced,
            day,
        }
    }

    fn count(&self, a: &Actor) -> usize {
        a.standing(self.day)
            .code()
            .and_then(|c| self.counts.get(c))
            .copied()
            .unwrap_or(0)
    }

    /// The actor a name stands for here, if any: names that need context
    /// get none without it; among several, a person named in full in the
    /// document wins, then one in office at the document's date, then (for
    /// states, bodies and places) the code the document talks about most,
    /// then the first listed.
    fn choose(&self, dict: &Dictionary, entries: &[Entry]) -> Option<Entry> {
        entries
            .iter()
            .filter(|e| e.form != MentionForm::Role)
            .filter(|e| {
                let a = &dict.actors[e.actor as usize];
                !a.requires_context || self.count(a) > 0
            })
            .max_by_key(|e| {
                let a = &dict.actors[e.actor as usize];
                let person = a.kind == Kind::Person;
                (
                    person && self.introduced.contains(&e.actor),
                    person && self.day.is_some() && a.office_at(self.day).is_some(),
                    // A surname's owner is not decided by how often the
                    // text names their country: the data lists the best
                    // known first.
                    if person { 0 } else { self.count(a) },
                    std::cmp::Reverse(e.actor),
                    // One actor's name and demonym can share a stem (bg
                    // Гърция, гърци): the name reading wins.
                    form_rank(e.form),
                )
            })
            .copied()
    }
}

/// How strongly a form names its actor, for readings that tie.
fn form_rank(form: MentionForm) -> u8 {
    match form {
        MentionForm::Name => 5,
        MentionForm::Short => 4,
        MentionForm::Capital => 3,
        MentionForm::Adjective => 2,
        MentionForm::People => 1,
        MentionForm::Role => 0,
    }
}

pub(crate) struct Merger<'a> {
    pub dict: &'a Dictionary,
    pub text: &'a str,
    pub doc_lang: Option<Lang>,
    pub tokens: &'a [Token],
    /// First token of each sentence.
    pub starts: Vec<usize>,
    pub lang: NameLang,
    pub day: Option<Day>,
}

impl Merger<'_> {
    fn merge(&self, items: &[Item]) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::with_capacity(items.len());
        // Indices into `items` of the plain mentions last pushed to `out`,
        // in order (emptied when anything else is pushed).
        let mut run: Vec<usize> = Vec::new();
        // The state or organisation each role was last attached to: an
        // institution's role named again alone ("МИД Великобритании … МИД
        // заявил") means it. Not so for people at large (граждани,
        // компании): those are anyone's.
        let mut attached: HashMap<u32, u32> = HashMap::new();
        let mut i = 0;
        while i < items.len() {
            let it = &items[i];
            let group = it
                .role
                .is_some_and(|r| self.dict.actors[r as usize].kind == Kind::Group);
            if let (Some(role), false, true) = (it.role, it.found.part, group) {
                if let Some(g) = self.merge_group(items, i, role, &run) {
                    out.truncate(out.len() - g.popped);
                    out.extend(g.mentions);
                    run.clear();
                    i = g.next;
                    continue;
                }
            } else if let (Some(role), false) = (it.role, it.found.part) {
                if let Some((m, next, holder)) =
                    self.merge_role(items, i, role, run.last().copied())
                {
                    if m.span.start < it.found.span.start {
                        out.pop();
                    }
                    if let Some(h) = holder {
                        attached.insert(role, h);
                    }
                    out.push(m);
                    run.clear();
                    i = next;
                    continue;
                }
                if let Some((m, next)) = self.located_role(items, i, role) {
                    out.push(m);
                    run.clear();
                    i = next;
                    continue;
                }
                let institution = matches!(
                    self.dict.actors[role as usize].sector.as_deref(),
                    Some("GOV" | "MIL" | "LEG" | "JUD" | "COP" | "SPY")
                );
                if let (None, Some(&h), true) = (it.actor, attached.get(&role), institution) {
                    out.push(self.role_mention(it.found.span, role, h, None));
                    run.clear();
                    i += 1;
                    continue;
                }
            }
            if let Some(e) = it.actor {
                // A place of no state ("Латинская Америка") only keeps its
                // words from being read as another name.
                if self.dict.actors[e.actor as usize]
                    .standing(self.day)
                    .code()
                    .is_some()
                {
                    let mut m = self.plain(&it.found, e);
                    if self.dict.actors[e.actor as usize].kind == Kind::Body {
                        if let Some((end, seat)) = self.seat_inside(&it.found) {
                            m.span.end = end;
                            m.parts = vec![seat];
                        }
                    }
                    out.push(m);
                    run.push(i);
                }
            }
            i += 1;
        }
        out
    }

    /// A role with the state or organisation it belongs to (an adjective
    /// before it, a name after it) and the person who holds it (a name
    /// after that): one mention. `None` when the role stands alone.
    pub(crate) fn merge_role(
        &self,
        items: &[Item],
        i: usize,
        role: u32,
        last_plain: Option<usize>,
    ) -> Option<(Mention, usize, Option<u32>)> {
        let it = &items[i];
        let mut span = it.found.span;
        let mut holder: Option<u32> = None;
        if let Some(p) = last_plain.filter(|&p| p + 1 == i) {
            let prev = &items[p];
            let e = prev.actor?;
            // (a clitic may stand between: "руския си колега")
            let over_clitic = prev.found.sentence == it.found.sentence
                && it.found.tokens.start == prev.found.tokens.end + 1
                && self
                    .dict
                    .connectors
                    .is_clitic(self.lang, &self.tokens[prev.found.tokens.end].norm);
            if e.form == MentionForm::Adjective
                && !prev.found.part
                && self.is_holder(e.actor)
                && (self.adjacent(&prev.found, &it.found, false) || over_clitic)
            {
                holder = Some(e.actor);
                span.start = prev.found.span.start;
            }
        }
        let mut j = i + 1;
        let mut last = &it.found;
        // A located role's place may be a capital: "полиция Москвы".
        let located = self.dict.actors[role as usize].located;
        if holder.is_none() {
            if let Some(next) = items.get(j) {
                if let Some(e) = next.actor {
                    if (matches!(e.form, MentionForm::Name | MentionForm::Short)
                        || (located && e.form == MentionForm::Capital))
                        && !next.found.part
                        && self.is_holder(e.actor)
                        && self.adjacent(&it.found, &next.found, true)
                    {
                        holder = Some(e.actor);
                        span.end = next.found.span.end;
                        last = &next.found;
                        j += 1;
                    }
                }
            }
        }
        let mut person: Option<u32> = None;
        if let Some(next) = items.get(j) {
            if let Some(e) = next.actor {
                let a = &self.dict.actors[e.actor as usize];
                // A person whose state differs from the role's ("the US
                // president" next to another country's leader in a list)
                // stays a mention of their own.
                let same_side = holder.is_none_or(|h| {
                    self.dict.actors[h as usize].standing(self.day).code()
                        == a.standing(self.day).code()
                });
                if a.kind == Kind::Person
                    && !next.found.part
                    && same_side
                    && self.adjacent(last, &next.found, false)
                {
                    person = Some(e.actor);
                    span.end = next.found.span.end;
                    j += 1;
                }
            }
        }
        let who = person.or(holder)?;
        let standing = self.dict.actors[who as usize].standing(self.day);
        // A person in office brings their own sector; else the role's.
        let own_sector = match person {
            Some(_) if standing.in_office => standing.sector,
            _ => None,
        };
        Some((self.role_mention(span, role, who, own_sector), j, holder))
    }

    /// The mention of actor `who` through `role`: its codes at the date;
    /// its sector `sector`, else the role's, else its own.
    pub(crate) fn role_mention(
        &self,
        span: Span,
        role: u32,
        who: u32,
        sector: Option<&str>,
    ) -> Mention {
        let a = &self.dict.actors[who as usize];
        let standing = a.standing(self.day);
        let sector = sector
            .or(self.dict.actors[role as usize].sector.as_deref())
            .or(standing.sector);
        Mention {
            span,
            actor: a.id.clone(),
            country: standing.country.map(str::to_string),
            org: standing.org.map(str::to_string),
            sector: sector.map(str::to_string),
            kind: a.kind.as_str(),
            form: MentionForm::Role,
            place: false,
            parts: Vec::new(),
        }
    }

    /// A state, organisation or body a role can belong to.
    pub(crate) fn is_holder(&self, actor: u32) -> bool {
        matches!(
            self.dict.actors[actor as usize].kind,
            Kind::State | Kind::Org | Kind::Body
        )
    }

    /// Nothing but quotes and dashes (and, with `of`, the language's
    /// possessive words) between `a` and `b`, in one sentence.
    pub(crate) fn adjacent(&self, a: &Found, b: &Found, of: bool) -> bool {
        if a.sentence != b.sentence || b.tokens.start < a.tokens.end {
            return false;
        }
        let between = &self.tokens[a.tokens.end..b.tokens.start];
        between.len() <= 3
            && between.iter().all(|t| {
                is_transparent(t) || (of && self.dict.connectors.is_of(self.lang, &t.norm))
            })
    }

    pub(crate) fn plain(&self, f: &Found, e: Entry) -> Mention {
        let a = &self.dict.actors[e.actor as usize];
        let standing = a.standing(self.day);
        let sector = match e.form {
            MentionForm::People => standing.sector.or(Some("CVL")),
            MentionForm::Adjective => None,
            _ => standing.sector,
        };
        Mention {
            span: f.span,
            actor: a.id.clone(),
            country: standing.country.map(str::to_string),
            org: standing.org.map(str::to_string),
            sector: sector.map(str::to_string),
            kind: a.kind.as_str(),
            form: e.form,
            place: a.kind == Kind::Place || self.after_locative(f, a, e.form),
            parts: Vec::new(),
        }
    }

    /// The seat an institution's name ends with: one state or capital
    /// after a locative preposition ("суд в Люксембурге" of the EU's
    /// court, "Верховный суд в Исламабаде"). It is recognised and kept as
    /// the name's part, a place, no side of its own; the mention ends
    /// before the preposition, as a mention covers what gives its code.
    fn seat_inside(&self, f: &Found) -> Option<(usize, Mention)> {
        let inner = f
            .tokens
            .clone()
            .skip(1)
            .find(|&k| self.dict.connectors.is_at(self.lang, &self.tokens[k].norm));
        let at = inner.filter(|&k| k + 1 < f.tokens.end)?;
        let mut found = Vec::new();
        self.dict.matcher(self.doc_lang).scan(
            self.text,
            self.tokens,
            std::iter::once(at + 1..f.tokens.end),
            &mut found,
        );
        let [mut p] = <[Found; 1]>::try_from(found).ok()?;
        if p.tokens.start != at + 1 || p.tokens.end != f.tokens.end {
            return None;
        }
        p.sentence = f.sentence;
        let e = p.entries.iter().copied().find(|e| {
            self.dict.actors[e.actor as usize].kind == Kind::State
                && matches!(
                    e.form,
                    MentionForm::Name | MentionForm::Short | MentionForm::Capital
                )
        })?;
        let mut m = self.plain(&p, e);
        m.place = true;
        Some((self.tokens[at - 1].span.end, m))
    }

    /// "в Москве", "у Києві", "in Brussels": a state, capital or
    /// organisation right after a locative preposition is a place.
    fn after_locative(&self, f: &Found, a: &Actor, form: MentionForm) -> bool {
        if f.part
            || !matches!(a.kind, Kind::State | Kind::Org)
            || !matches!(
                form,
                MentionForm::Name | MentionForm::Short | MentionForm::Capital
            )
        {
            return false;
        }
        let first = self.starts[f.sentence];
        f.tokens.start > first
            && self
                .dict
                .connectors
                .is_at(self.lang, &self.tokens[f.tokens.start - 1].norm)
    }
}
