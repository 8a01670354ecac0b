//! The coder: for each sentence of the kept blocks with actors of at least
//! two countries or organisations, its triggers, their modality and sides,
//! then one event per (type, actor side, recipient side) for the article,
//! the one with the surest evidence kept.

use dyad_core::{Event, EventType, Mention, Participant, Span};
use dyad_nlp::{Analysed, Token};

use crate::context::{self, ArticleContext};
use crate::dates::{self, Day};
use crate::discourse::Discourse;
use crate::explain::{Explanation, SentenceTrace};
use crate::lexicon::{LangLexicon, Lexicon, Role, Trigger};
use crate::modality::{modality, requested, Modality};
use crate::morph::Morph;
use crate::roles::{assign, Sides};
use crate::sentence::{Carried, Group, SentenceView};
use crate::triggers::{self, Found};

/// Codes PLOVER events between; the lexicons it was built with.
pub struct Coder {
    lexicon: Lexicon,
}

/// A coded event before the article-level merge, with the contexts of its
/// sentence as bits.
struct Candidate {
    event: Event,
    context: u64,
}

impl Coder {
    pub fn new(lexicon: Lexicon) -> Self {
        Coder { lexicon }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The events of an article: `text` and its analysis (kept blocks
    /// only), its actor mentions, and its date when known.
    pub fn code(
        &self,
        text: &str,
        analysed: &Analysed,
        mentions: &[Mention],
        day: Option<Day>,
    ) -> Vec<Event> {
        self.run(text, analysed, mentions, day, None)
    }

    /// [`Coder::code`], and for each sentence what the coder saw and
    /// decided.
    pub fn explain(
        &self,
        text: &str,
        analysed: &Analysed,
        mentions: &[Mention],
        day: Option<Day>,
    ) -> (Vec<Event>, Explanation) {
        let mut explanation = Explanation::default();
        let events = self.run(text, analysed, mentions, day, Some(&mut explanation));
        (events, explanation)
    }

    fn run(
        &self,
        text: &str,
        analysed: &Analysed,
        mentions: &[Mention],
        day: Option<Day>,
        mut trace: Option<&mut Explanation>,
    ) -> Vec<Event> {
        let Some(lex) = analysed.lang.and_then(|l| self.lexicon.lang(l)) else {
            if let Some(t) = trace {
                t.note = Some("no event lexicon for this document's language".into());
            }
            return Vec::new();
        };
        let mut order: Vec<usize> = (0..mentions.len()).collect();
        order.sort_by_key(|&i| mentions[i].span.start);
        let topic = main_actor(mentions, |_| true);
        let company = main_actor(mentions, |m| {
            m.kind == "body" && m.sector.as_deref() == Some("BUS")
        });
        let mut next = 0;
        let mut article = ArticleContext::default();
        let mut candidates = Vec::new();
        // The document's mentions, then the stand-ins of referring words.
        let mut pool: Vec<Mention> = mentions.to_vec();
        let mut discourse = Discourse::default();
        let mut links = Vec::new();
        let mut subject: Option<usize> = None;
        for (si, s) in analysed.sentences.iter().enumerate() {
            dyad_core::deadline::check();
            let tokens = analysed.sentence_tokens(s);
            let mask = context::sentence_mask(lex, tokens);
            article.add(mask);
            while next < order.len() && mentions[order[next]].span.start < s.span.start {
                next += 1;
            }
            let mut end = next;
            while end < order.len() && mentions[order[end]].span.start < s.span.end {
                end += 1;
            }
            let mut inside: Vec<usize> = order[next..end].to_vec();
            next = end;
            let first_link = links.len();
            discourse.resolve(lex, tokens, si, &mut pool, &mut inside, &mut links);
            discourse.add(&mut pool, tokens, &inside, si);
            // Events need two countries or organisations: among the
            // sentence's sides, named or stood for, or one of them and the
            // article's main actor.
            // The subject this sentence may pass on: a mention opening it.
            let prev_subject = std::mem::replace(
                &mut subject,
                inside.first().copied().filter(|&m| {
                    opens(tokens, &pool[m]) && !pool[m].place && pool[m].code().is_some()
                }),
            );
            // The speaker a next sentence ("Об этом заявил …") names.
            let next_speaker = analysed
                .sentences
                .get(si + 1)
                .and_then(|n| lead_speaker(lex, analysed.sentence_tokens(n), &pool, &order));
            let mut codes = inside
                .iter()
                .chain(&prev_subject)
                .chain(&next_speaker)
                .flat_map(|&i| std::iter::once(&pool[i]).chain(&pool[i].parts))
                .filter_map(|m| m.code());
            let first_code = codes.next();
            let two_sides = codes.any(|c| Some(c) != first_code)
                || first_code.is_some_and(|c| {
                    [&topic, &company]
                        .into_iter()
                        .flatten()
                        .any(|t| t.code != c)
                });
            if trace.is_none()
                && !(two_sides
                    && triggers::any_trigger(lex, tokens, &in_mention(tokens, &pool, &inside)))
            {
                continue;
            }
            let mut strikers_here: Vec<usize> = Vec::new();
            let mentions = pool.as_slice();
            let heads: Vec<usize> = inside
                .iter()
                .map(|&m| tokens.partition_point(|t| t.span.end <= mentions[m].span.start))
                .collect();
            let morph = Morph::of(
                lex.lang,
                tokens,
                |k| heads.contains(&k),
                |l| lex.has_lemma(l),
            );
            let mut view = SentenceView::new(
                text,
                tokens,
                &morph,
                lex,
                mentions,
                &inside,
                Carried {
                    subject: prev_subject,
                    speaker: next_speaker,
                },
            );
            let found_all = triggers::find(lex, &view);
            view.mark_groups(text, mentions, &found_all);
            let mut st = trace.is_some().then(|| {
                SentenceTrace::new(s.span, s.block, &view, mentions, &links[first_link..], text)
            });
            if !two_sides {
                if let Some(st) = st.as_mut() {
                    st.note = Some(
                        "not coded: fewer than two sides, and no main actor of another country"
                            .into(),
                    );
                }
            } else {
                // The sentence's date expressions, read once for all its
                // triggers.
                let date_exprs = if found_all.is_empty() {
                    Vec::new()
                } else {
                    dates::find(lex, &view)
                };
                // The clauses that name a strike, and who struck last.
                let protests: Vec<u16> = found_all
                    .iter()
                    .filter(|f| lex.triggers[f.trigger as usize].kind == EventType::Protest)
                    .map(|f| view.clause[f.anchor()])
                    .collect();
                let strikers = discourse.last_group(mentions).and_then(|m| {
                    Some(Participant {
                        code: mentions[m].code()?.to_string(),
                        id: mentions[m].actor.clone(),
                    })
                });
                // Acts a request asks for and nouns a talk is about are
                // no events of their own.
                let kind_of = |f: &Found| lex.triggers[f.trigger as usize].kind;
                let of_kind = |kind: EventType| -> Vec<&Found> {
                    found_all.iter().filter(|f| kind_of(f) == kind).collect()
                };
                let (requests, consults) =
                    (of_kind(EventType::Request), of_kind(EventType::Consult));
                let (asked, topics): (Vec<bool>, Vec<bool>) = found_all
                    .iter()
                    .map(|f| {
                        (
                            kind_of(f) != EventType::Request && requested(&view, f, &requests),
                            kind_of(f) != EventType::Consult && discussed(&view, lex, f, &consults),
                        )
                    })
                    .unzip();
                // A request's sides lie before the act it asks for
                // ("призывает ЕС принять санкции против Шрёдера": not
                // Schröder).
                let asked_at: Vec<usize> = found_all
                    .iter()
                    .zip(&asked)
                    .filter(|(_, &a)| a)
                    .map(|(f, _)| f.anchor())
                    .collect();
                for ((found, asked), talked_of) in found_all.iter().zip(asked).zip(topics) {
                    let horizon = if lex.triggers[found.trigger as usize].kind == EventType::Request
                    {
                        asked_at
                            .iter()
                            .copied()
                            .find(|&a| a > found.last())
                            .unwrap_or(usize::MAX)
                    } else {
                        usize::MAX
                    };
                    let outcome = if asked {
                        Err("not coded: the act a request asks for".to_string())
                    } else if talked_of {
                        Err("not coded: what a talk is about".to_string())
                    } else {
                        self.code_trigger(
                            text,
                            lex,
                            &view,
                            &date_exprs,
                            found,
                            mentions,
                            day,
                            s.span,
                            horizon,
                            &Fallbacks {
                                topic: topic.as_ref(),
                                company: company.as_ref(),
                                strikers: strikers.as_ref(),
                                protests: &protests,
                            },
                        )
                    };
                    if let Some(st) = st.as_mut() {
                        st.add_trigger(
                            text,
                            &view,
                            found,
                            &lex.triggers[found.trigger as usize],
                            &outcome,
                        );
                    }
                    if let Ok((events, sides)) = outcome {
                        // Who struck, for "бастующие" in later sentences.
                        if !sides.strikers.is_empty() {
                            let places: Vec<usize> = sides
                                .strikers
                                .iter()
                                .flat_map(|&g| view.groups[g].mentions.clone())
                                .collect();
                            strikers_here.extend(places);
                        }
                        candidates.extend(events.into_iter().map(|event| Candidate {
                            event,
                            context: mask,
                        }));
                    }
                }
            }
            if let (Some(t), Some(st)) = (trace.as_deref_mut(), st) {
                t.sentences.push(st);
            }
            discourse.add_strikers(&mut pool, &strikers_here, si);
        }
        let dominant = article.dominant();
        for c in &mut candidates {
            c.event.context = context::codes(lex, c.context | dominant);
        }
        merge(candidates.into_iter().map(|c| c.event).collect())
    }

    /// The event of one trigger, or why there is none.
    #[allow(clippy::too_many_arguments)]
    fn code_trigger(
        &self,
        text: &str,
        lex: &LangLexicon,
        view: &SentenceView<'_>,
        date_exprs: &[(usize, dates::Expr)],
        found: &Found,
        mentions: &[Mention],
        day: Option<Day>,
        sentence: Span,
        horizon: usize,
        fallback: &Fallbacks<'_>,
    ) -> Result<(Vec<Event>, Sides), String> {
        let (topic, company) = (fallback.topic, fallback.company);
        let trigger: &Trigger = &lex.triggers[found.trigger as usize];
        let (kind, mode, planned) = match modality(text, view, found, trigger.kind) {
            Modality::Dropped(why) => return Err(format!("not coded: {why}")),
            Modality::Asserted => (trigger.kind, trigger.mode.clone(), false),
            Modality::Planned(k) if k == trigger.kind => (k, trigger.mode.clone(), true),
            Modality::Planned(k) => (k, None, true),
        };
        // A noun phrase ("ракетні удари"): no word of it is a verb or
        // participle by the dictionary, or, for words it lacks, by their
        // ending.
        let nounish = |k: usize| match view.noun[k] {
            Some(n) => n,
            None => lex.is_noun(&view.tokens[k].norm),
        };
        let noun = found.tokens.iter().any(|&k| nounish(k))
            && found
                .tokens
                .iter()
                .all(|&k| nounish(k) || view.adjective[k]);
        let mut sides = assign(view, mentions, found, trigger, kind, noun, horizon)?;
        if trigger.kind == EventType::Protest {
            strike_places(view, mentions, found, company, &mut sides);
        }
        // A news outlet is interviewed, not consulted ("Обсуждая с RT").
        if kind == EventType::Consult {
            let media = |g: &usize| {
                view.groups[*g]
                    .mentions
                    .iter()
                    .all(|&m| mentions[m].sector.as_deref() == Some("MED"))
            };
            sides.partners.retain(|g| !media(g));
            sides.actors.retain(|g| !media(g));
        }
        let side =
            |groups: &[usize]| participants(groups.iter().map(|&g| &view.groups[g]), mentions);
        let mut actors = side(&sides.actors);
        let mut recipients = match sides.employer.take() {
            Some(employer) => {
                // The employer's own state does not strike against it.
                actors.retain(|a| a.code != employer.code);
                vec![employer]
            }
            None => side(&sides.recipients),
        };
        recipients.retain(|r| !actors.iter().any(|a| a.code == r.code));
        let mut partners = side(&sides.partners);
        partners.retain(|r| !actors.iter().any(|a| a.code == r.code));
        let symmetric = kind.is_symmetric() && sides.recipients.is_empty() && !trigger.directed;
        // The staff of several states named as one group ("пилоты в
        // Бельгии, Ирландии и Швеции") act together, not with each other.
        let one_group = sides.actors.len() == 1
            && view.groups[sides.actors[0]]
                .mentions
                .iter()
                .all(|&m| mentions[m].kind == "group");
        if !symmetric && recipients.is_empty() && !actors.is_empty() {
            // A group's own employer ("пилоты Ryanair в Германии …
            // требуют") receives what it does when nothing else does.
            for &g in &sides.actors {
                for &m in &view.groups[g].mentions {
                    for p in &mentions[m].parts {
                        let employer = p.kind == "body" && p.sector.as_deref() == Some("BUS");
                        if let Some(code) = p.code().filter(|_| employer) {
                            if !actors.iter().chain(&recipients).any(|a| a.code == code) {
                                recipients.push(Participant {
                                    code: code.to_string(),
                                    id: p.actor.clone(),
                                });
                                sides
                                    .why
                                    .push(format!("recipient: {code}, the group's employer"));
                            }
                        }
                    }
                }
            }
            // "Spanish cabin crew at Ryanair walked out": a company named
            // in the clause employs the staff that act.
            let staff = sides.actors.iter().any(|&g| {
                view.groups[g]
                    .mentions
                    .iter()
                    .any(|&m| mentions[m].kind == "group")
            });
            // (or in the clause of the staff a relative clause refers back
            // to: "Ryanair пригрозила сотрудникам из Швеции, которые
            // объявили о забастовках")
            let clause = view.clause[found.anchor()];
            let staff_clauses: Vec<u16> = sides
                .actors
                .iter()
                .map(|&g| view.groups[g].clause)
                .collect();
            if staff && recipients.is_empty() {
                let company = view
                    .groups
                    .iter()
                    .filter(|g| {
                        (g.clause == clause || staff_clauses.contains(&g.clause)) && !g.carried
                    })
                    .flat_map(|g| g.mentions.iter().map(|&m| &mentions[m]))
                    .find(|m| m.kind == "body" && m.sector.as_deref() == Some("BUS"));
                let code = company.and_then(|c| c.code());
                if let (Some(c), Some(code)) = (company, code) {
                    // (a strike of the staff in several states, the
                    // company's own among them: the others strike against
                    // it)
                    let strike =
                        kind == EventType::Protest && actors.iter().any(|a| a.code != code);
                    if strike || !actors.iter().any(|a| a.code == code) {
                        actors.retain(|a| a.code != code);
                        sides
                            .why
                            .push(format!("recipient: {code}, the company the staff work for"));
                        recipients.push(Participant {
                            code: code.to_string(),
                            id: c.actor.clone(),
                        });
                    }
                }
            }
        }
        let striker = fallback.strikers.filter(|s| {
            trigger.speaker_acts
                && !actors.is_empty()
                && recipients.is_empty()
                && fallback.protests.contains(&view.clause[found.anchor()])
                && !actors.iter().any(|a| a.code == s.code)
        });
        if symmetric {
            if actors.len() + partners.len() < 2 || (one_group && partners.is_empty()) {
                return Err(format!(
                    "{}: fewer than two sides ({})",
                    kind.as_str(),
                    sides.why.join("; ")
                ));
            }
        } else if let Some(s) = striker {
            // "Подібні страйки не мають виправдання": a verdict on a
            // strike is one on the strikers named before.
            sides
                .why
                .push(format!("recipient: {}, who struck, named before", s.code));
            recipients.push(s.clone());
        } else if !actors.is_empty()
            && recipients.is_empty()
            && !trigger.subject_receives
            && (takes_topic(kind) || trigger.directed)
        {
            // "Сооружение газопровода одобрила также Финляндия": what the
            // article is about receives a stance that names no one else; a
            // strike is against the article's main company.
            let topic = if kind == EventType::Protest {
                company
            } else {
                topic
            };
            match topic.filter(|t| !actors.iter().any(|a| a.code == t.code)) {
                Some(t) => {
                    recipients.push(t.clone());
                    sides
                        .why
                        .push(format!("recipient: {} , the article's main actor", t.code));
                    sides.sure -= 0.15;
                }
                None => {
                    return Err(format!(
                        "{}: no recipient of another country ({})",
                        kind.as_str(),
                        sides.why.join("; ")
                    ))
                }
            }
        } else if actors.is_empty() || recipients.is_empty() {
            return Err(format!(
                "{}: no {} ({})",
                kind.as_str(),
                if actors.is_empty() {
                    "actor"
                } else {
                    "recipient of another country"
                },
                if sides.why.is_empty() {
                    "no side in the clause".to_string()
                } else {
                    sides.why.join("; ")
                }
            ));
        }
        let used = sides
            .actors
            .iter()
            .chain(&sides.recipients)
            .chain(&sides.partners)
            .map(|&g| &view.groups[g]);
        let evidence = evidence_span(view, found, used);
        let date = nearest_date(date_exprs, view, found).and_then(|e| dates::resolve(e, day));
        let mut confidence = sides.sure + 0.05 * (trigger.words.len() as f32 - 1.0);
        if planned {
            confidence *= 0.8;
        }
        let event = Event {
            kind,
            alt_types: if kind == trigger.kind {
                Vec::new()
            } else {
                vec![trigger.kind]
            },
            mode,
            actors,
            recipients,
            context: Vec::new(),
            date,
            score: self.lexicon.score(kind),
            confidence: (confidence.clamp(0.1, 0.95) * 100.0).round() / 100.0,
            sentence,
            evidence,
        };
        if partners.is_empty() {
            return Ok((vec![event], sides));
        }
        if event.actors.len() > 1 {
            // "Six countries' unions negotiated with Ryanair": one side
            // with the other, pairs across them only (events.md).
            let mut e = event;
            e.recipients = partners;
            return Ok((vec![e], sides));
        }
        // One bilateral event per partner of the subject.
        let events = partners
            .into_iter()
            .map(|p| {
                let mut e = event.clone();
                e.actors.push(p);
                e
            })
            .collect();
        Ok((events, sides))
    }
}

/// A strike no group is named for (“пилоты Ryanair провели забастовки в
/// пяти странах (Ирландия, Германия …)”, “в Испании, Италии … стачка
/// работников авиакомпании”): the states named as its places struck, against
/// the employer of the group it names, else the article's main company.
fn strike_places(
    view: &SentenceView<'_>,
    mentions: &[Mention],
    found: &Found,
    company: Option<&Participant>,
    sides: &mut Sides,
) {
    let is_group = |g: &usize| {
        view.groups[*g]
            .mentions
            .iter()
            .any(|&m| mentions[m].kind == "group")
    };
    if sides.actors.iter().any(is_group) {
        return;
    }
    let clause = view.clause[found.anchor()];
    let places: Vec<usize> = (0..view.groups.len())
        .filter(|&i| {
            let g = &view.groups[i];
            g.clause == clause
                && (g.place || g.start > found.last())
                && g.mentions.iter().all(|&m| mentions[m].kind == "state")
        })
        .collect();
    if places.is_empty() {
        return;
    }
    // The employer: a company inside a group of the clause ("пилоты
    // Ryanair"), a company named in it, else the article's.
    let in_clause = |m: &Mention| {
        let k = view
            .tokens
            .partition_point(|t| t.span.end <= m.span.start)
            .min(view.tokens.len().saturating_sub(1));
        view.clause.get(k) == Some(&clause)
    };
    let employer = view
        .inside
        .iter()
        .map(|&m| &mentions[m])
        .filter(|m| in_clause(m))
        .flat_map(|m| std::iter::once(m).chain(&m.parts))
        .find(|m| m.kind == "body" && m.sector.as_deref() == Some("BUS") && m.code().is_some())
        .map(|m| Participant {
            code: m.code().unwrap_or_default().to_string(),
            id: m.actor.clone(),
        })
        .or_else(|| company.cloned());
    let Some(employer) = employer else { return };
    sides.strikers = places.clone();
    sides.actors = places;
    sides.recipients.clear();
    sides.why.push(format!(
        "actors: the states the strike took place in; recipient: {}, the employer",
        employer.code
    ));
    sides.employer = Some(employer);
}

/// Who a sentence opening with "this" and a verb of saying names as the
/// speaker of the sentence before ("Об этом заявил глава МИД Лавров",
/// "Про це повідомив …", "Това заяви …"): the first actor mention within
/// four tokens after the verb, among the document's `order`ed mentions.
fn lead_speaker(
    lex: &LangLexicon,
    tokens: &[Token],
    mentions: &[Mention],
    order: &[usize],
) -> Option<usize> {
    let head = &tokens[..tokens.len().min(4)];
    let mut this = false;
    let mut speech = None;
    for (k, t) in head.iter().enumerate() {
        let form = crate::words::WordForm::of(t, lex.lang);
        lex.phrase_index
            .for_each(&form, |&p| match lex.phrases[p as usize].role {
                Role::This => this = true,
                Role::Speech if speech.is_none() => speech = Some(k),
                _ => {}
            });
    }
    let k = speech.filter(|_| this)?;
    let after = tokens.get(k + 1)?.span.start;
    let limit = tokens.get((k + 5).min(tokens.len() - 1))?.span.end;
    order.iter().copied().find(|&m| {
        let s = mentions[m].span.start;
        s >= after && s < limit && mentions[m].code().is_some()
    })
}

/// Which tokens of a sentence lie in its mentions.
fn in_mention(tokens: &[Token], pool: &[Mention], inside: &[usize]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    for &m in inside {
        let span = pool[m].span;
        let first = tokens.partition_point(|t| t.span.end <= span.start);
        let last = tokens.partition_point(|t| t.span.start < span.end);
        for b in out.iter_mut().take(last).skip(first) {
            *b = true;
        }
    }
    out
}

/// Whether a mention opens its sentence (at most two tokens before it):
/// the subject a next sentence without one may carry on with.
fn opens(tokens: &[Token], m: &Mention) -> bool {
    tokens
        .iter()
        .take_while(|t| t.span.end <= m.span.start)
        .count()
        <= 2
}

/// Sides a trigger may fall back on when its sentence names too few.
struct Fallbacks<'p> {
    /// The article's main actor.
    topic: Option<&'p Participant>,
    /// The article's main company.
    company: Option<&'p Participant>,
    /// The last group (staff, crews, unions) the article named.
    strikers: Option<&'p Participant>,
    /// The clauses of the sentence that name a strike.
    protests: &'p [u16],
}

/// Types whose recipient may be the article's main actor when the
/// sentence names none: stances towards something (support, criticism,
/// rejection, demands, threats); strikes, whose recipient may be the
/// article's main company.
fn takes_topic(kind: EventType) -> bool {
    use EventType::*;
    matches!(
        kind,
        Support | Accuse | Reject | Request | Threaten | Concede | Protest
    )
}

/// Mentions an actor needs, and the share of all mentions, to be what an
/// article is about.
const TOPIC_MIN_MENTIONS: usize = 4;
const TOPIC_MIN_SHARE: f32 = 0.4;

/// The article's main actor among the mentions `keep` accepts: the code
/// most of them name, when it clearly leads.
fn main_actor(mentions: &[Mention], keep: impl Fn(&Mention) -> bool) -> Option<Participant> {
    let mut counts: Vec<(&str, usize, &str)> = Vec::new();
    for m in mentions.iter().filter(|m| !m.place && keep(m)) {
        let Some(code) = m.code() else { continue };
        match counts.iter_mut().find(|(c, _, _)| *c == code) {
            Some(entry) => entry.1 += 1,
            None => counts.push((code, 1, &m.actor)),
        }
    }
    let total: usize = counts.iter().map(|c| c.1).sum();
    let &(code, n, id) = counts.iter().max_by_key(|c| c.1)?;
    (n >= TOPIC_MIN_MENTIONS && n as f32 >= TOPIC_MIN_SHARE * total as f32).then(|| Participant {
        code: code.to_string(),
        id: id.to_string(),
    })
}

/// The distinct codes of some sides, each with the id of its first
/// mention that is more than the bare state.
fn participants<'g>(
    groups: impl Iterator<Item = &'g Group>,
    mentions: &[Mention],
) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::new();
    for g in groups {
        for &m in &g.mentions {
            let Some(code) = mentions[m].code() else {
                continue;
            };
            match out.iter_mut().find(|p| p.code == code) {
                None => out.push(Participant {
                    code: code.to_string(),
                    id: mentions[m].actor.clone(),
                }),
                // "РФ Путин": the person, not the state, is who acts.
                Some(p) if p.id == p.code && mentions[m].kind != "state" => {
                    p.id = mentions[m].actor.clone();
                }
                Some(_) => {}
            }
        }
    }
    out
}

/// From the first to the last word of the trigger and its sides.
fn evidence_span<'g>(
    view: &SentenceView<'_>,
    found: &Found,
    groups: impl Iterator<Item = &'g Group>,
) -> Span {
    let mut first = found.anchor();
    let mut last = found.last();
    for g in groups {
        first = first.min(g.start);
        last = last.max(g.end.saturating_sub(1));
    }
    Span::new(view.tokens[first].span.start, view.tokens[last].span.end)
}

/// The date expression nearest the trigger, preferring its clause.
fn nearest_date(
    date_exprs: &[(usize, dates::Expr)],
    view: &SentenceView<'_>,
    found: &Found,
) -> Option<dates::Expr> {
    let anchor = found.anchor();
    let clause = view.clause[anchor];
    date_exprs
        .iter()
        .min_by_key(|(i, _)| (view.clause[*i] != clause, i.abs_diff(anchor)))
        .map(|&(_, e)| e)
}

/// One event per (type, actor codes, recipient codes): the most confident,
/// earliest on ties, with the mode, date and contexts the others add.
fn merge(events: Vec<Event>) -> Vec<Event> {
    let key = |e: &Event| {
        let mut a: Vec<&str> = e.actors.iter().map(|p| p.code.as_str()).collect();
        let mut r: Vec<&str> = e.recipients.iter().map(|p| p.code.as_str()).collect();
        a.sort_unstable();
        r.sort_unstable();
        (e.kind, a.join(" "), r.join(" "))
    };
    let mut out: Vec<Event> = Vec::new();
    let mut keys: Vec<(EventType, String, String)> = Vec::new();
    for e in events {
        let k = key(&e);
        match keys.iter().position(|x| *x == k) {
            None => {
                keys.push(k);
                out.push(e);
            }
            Some(i) => {
                let kept = &mut out[i];
                let (mut best, other) = if e.confidence > kept.confidence {
                    (e, kept.clone())
                } else {
                    (kept.clone(), e)
                };
                best.mode = best.mode.or(other.mode);
                best.date = best.date.or(other.date);
                for c in other.context {
                    if !best.context.contains(&c) {
                        best.context.push(c);
                    }
                }
                *kept = best;
            }
        }
    }
    out
}

/// Tokens after a talk within which a noun trigger is its topic.
const TOPIC_REACH: usize = 4;

/// Whether a noun trigger is what a talk right before it is about
/// ("обсудили поставки оружия Украине", "discussed aid to Ukraine",
/// "переговоры о санкциях"): it follows a CONSULT trigger closely in its
/// clause, with no verb between.
fn discussed(
    view: &SentenceView<'_>,
    lex: &LangLexicon,
    found: &Found,
    consults: &[&Found],
) -> bool {
    let anchor = found.anchor();
    let noun = match view.noun[anchor] {
        Some(n) => n,
        None => lex.is_noun(&view.tokens[anchor].norm),
    };
    noun && consults.iter().any(|c| {
        let end = c.last();
        end < anchor
            && anchor - end <= TOPIC_REACH
            && view.clause[anchor] == view.clause[end]
            && !(end + 1..anchor).any(|k| view.verb[k])
    })
}
