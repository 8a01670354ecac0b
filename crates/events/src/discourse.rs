//! The article's participants across sentences: a pronoun or a definite
//! description ("он", "компанията", "профспілка", "the ministry") stands
//! for the last actor named of its kind (`discourse.txt`), within a few
//! sentences. Each such word becomes a stand-in mention carrying that
//! actor's codes, so the coder gives it a role like any named side; the
//! link is kept for `dyad explain`.

use dyad_core::{Mention, MentionForm};
use dyad_nlp::{Token, TokenKind};

use crate::lexicon::{LangLexicon, Referent};
use crate::words::WordForm;

/// Sentences back a referring word may reach for its actor.
const REACH: usize = 4;
/// Sentences back "стороны" may reach for the parties named together.
const PARTIES_REACH: usize = 2;
/// Sentences back a company or project word may reach before it falls back
/// on the article's main company ("компания" far into a Ryanair story).
const COMPANY_REACH: usize = 12;

/// A stand-in mention and where it came from.
#[derive(Clone, Debug)]
pub(crate) struct Link {
    /// Index of the stand-in in the coder's mention pool.
    pub mention: usize,
    /// The mention it stands for.
    pub antecedent: usize,
    pub why: String,
}

/// A mention seen so far and the sentence it was in.
#[derive(Clone, Copy, Debug)]
struct Seen {
    mention: usize,
    sentence: usize,
}

/// What the article has named so far.
#[derive(Default)]
pub(crate) struct Discourse {
    seen: Vec<Seen>,
    /// Mentions per code of companies (sector BUS bodies), for the
    /// article's main company.
    companies: Vec<(usize, usize)>,
    /// Per sentence, its longest list of actors named together ("России,
    /// Китая, Пакистана и Ирана"): what "стороны" most likely means.
    lists: Vec<(usize, Vec<usize>)>,
}

/// Whether a mention may be what a word of class `r` stands for.
fn fits(r: Referent, m: &Mention) -> bool {
    if m.code().is_none() {
        return false;
    }
    let sector = m.sector.as_deref();
    match r {
        Referent::Person => m.kind == "person" || (m.form == MentionForm::Role && !m.place),
        Referent::Group => m.kind == "group",
        Referent::Company => m.kind == "body" && sector == Some("BUS"),
        Referent::Court => sector == Some("JUD") && m.kind != "person",
        Referent::Government => {
            sector == Some("GOV") && m.kind != "person" && m.kind != "group" && !m.place
        }
        Referent::State => m.kind == "state" && m.form != MentionForm::Adjective,
        Referent::Parties => m.form != MentionForm::Adjective && !m.place && m.kind != "group",
    }
}

/// The longest run of the sentence's actor mentions named as a list (at
/// most two tokens between neighbours, each a comma or a short lower-case
/// word: "и", "та", "and"), of two distinct codes or more, one mention per
/// code.
fn longest_list(pool: &[Mention], tokens: &[Token], inside: &[usize]) -> Option<Vec<usize>> {
    let token_of = |byte: usize| tokens.partition_point(|t| t.span.end <= byte);
    let joins = |a: &Mention, b: &Mention| {
        let (from, to) = (token_of(a.span.end), token_of(b.span.start));
        to >= from
            && to - from <= 2
            && tokens[from..to].iter().all(|t| match t.kind {
                TokenKind::Punct => t.norm == ",",
                TokenKind::Word => !t.upper_initial && t.norm.chars().count() <= 4,
                _ => false,
            })
    };
    let fit = |m: usize| fits(Referent::Parties, &pool[m]);
    let members: Vec<usize> = inside.iter().copied().filter(|&m| fit(m)).collect();
    let mut best: Vec<usize> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for &m in &members {
        if let Some(&last) = run.last() {
            if !joins(&pool[last], &pool[m]) {
                run.clear();
            }
        }
        run.push(m);
        if run.len() > best.len() {
            best = run.clone();
        }
    }
    let mut distinct: Vec<usize> = Vec::new();
    for m in best {
        if !distinct.iter().any(|&d| pool[d].code() == pool[m].code()) {
            distinct.push(m);
        }
    }
    (distinct.len() >= 2).then_some(distinct)
}

/// The word after `k` is a lower-case noun in the genitive: the
/// complement of the description at `k`.
fn has_complement(lex: &LangLexicon, tokens: &[Token], k: usize) -> bool {
    let Some(next) = tokens.get(k + 1) else {
        return false;
    };
    if next.kind != TokenKind::Word || next.upper_initial {
        return false;
    }
    dyad_morph::analyser(lex.lang).is_some_and(|a| {
        let r = a.analyse(&next.norm);
        r.first()
            .is_some_and(|x| x.tag.pos() == dyad_morph::Pos::Noun)
            && r.has_case(dyad_morph::Case::Gen)
    })
}

impl Discourse {
    /// The distinct states and organisations of the last earlier sentence
    /// within reach that named two or more of them: one mention each.
    fn last_parties(&self, pool: &[Mention], sentence: usize) -> Option<Vec<usize>> {
        if let Some((_, list)) = self
            .lists
            .iter()
            .rev()
            .find(|(s, _)| *s < sentence && sentence - s <= PARTIES_REACH)
        {
            return Some(list.clone());
        }
        let mut i = self.seen.len();
        while i > 0 {
            let s = self.seen[i - 1].sentence;
            if s >= sentence || sentence - s > PARTIES_REACH {
                if s >= sentence {
                    i -= 1;
                    continue;
                }
                return None;
            }
            let start = self.seen[..i].partition_point(|x| x.sentence < s);
            let mut members: Vec<usize> = Vec::new();
            for x in &self.seen[start..i] {
                let m = &pool[x.mention];
                if fits(Referent::Parties, m)
                    && !members.iter().any(|&y| pool[y].code() == m.code())
                {
                    members.push(x.mention);
                }
            }
            if members.len() >= 2 {
                return Some(members);
            }
            i = start;
        }
        None
    }

    /// The group mentions of the sentence that named `a`, distinct codes,
    /// `a` among them.
    fn same_sentence_groups(&self, pool: &[Mention], a: usize) -> Vec<usize> {
        let Some(sentence) = self
            .seen
            .iter()
            .find(|s| s.mention == a)
            .map(|s| s.sentence)
        else {
            return vec![a];
        };
        let mut out: Vec<usize> = Vec::new();
        for s in self.seen.iter().filter(|s| s.sentence == sentence) {
            let m = &pool[s.mention];
            if fits(Referent::Group, m) && !out.iter().any(|&o| pool[o].code() == m.code()) {
                out.push(s.mention);
            }
        }
        if out.is_empty() {
            out.push(a);
        }
        out
    }

    /// Remembers the states a strike was placed in as its strikers, for
    /// "бастующие", "the strikers" later on.
    pub fn add_strikers(&mut self, pool: &mut Vec<Mention>, places: &[usize], sentence: usize) {
        for &m in places {
            let mut striker = pool[m].clone();
            striker.kind = "group";
            striker.place = false;
            striker.parts.clear();
            pool.push(striker);
            self.seen.push(Seen {
                mention: pool.len() - 1,
                sentence,
            });
        }
    }

    /// The last group (staff, crews, unions) named so far.
    pub fn last_group(&self, pool: &[Mention]) -> Option<usize> {
        self.seen
            .iter()
            .rev()
            .find(|s| fits(Referent::Group, &pool[s.mention]))
            .map(|s| s.mention)
    }

    /// Records the mentions of a finished sentence (stand-ins included),
    /// and the names inside its groups ("Ryanair" in "пилоты Ryanair"),
    /// which join the pool as antecedents, never as sides.
    pub fn add(
        &mut self,
        pool: &mut Vec<Mention>,
        tokens: &[Token],
        inside: &[usize],
        sentence: usize,
    ) {
        if let Some(list) = longest_list(pool, tokens, inside) {
            self.lists.push((sentence, list));
        }
        let mut all: Vec<usize> = Vec::with_capacity(inside.len());
        for &m in inside {
            if !pool[m].parts.is_empty() {
                let parts = pool[m].parts.clone();
                for p in parts {
                    pool.push(p);
                    all.push(pool.len() - 1);
                }
            }
            all.push(m);
        }
        for m in all {
            self.seen.push(Seen {
                mention: m,
                sentence,
            });
            if fits(Referent::Company, &pool[m]) {
                let code = pool[m].code().unwrap_or("");
                match self
                    .companies
                    .iter_mut()
                    .find(|(c, _)| pool[*c].code() == Some(code))
                {
                    Some(entry) => entry.1 += 1,
                    None => self.companies.push((m, 1)),
                }
            }
        }
    }

    /// The stand-ins of one sentence's referring words: appended to `pool`,
    /// their indexes merged into `inside` (kept in text order), their links
    /// pushed to `links`.
    #[allow(clippy::too_many_arguments)]
    pub fn resolve(
        &self,
        lex: &LangLexicon,
        tokens: &[Token],
        sentence: usize,
        pool: &mut Vec<Mention>,
        inside: &mut Vec<usize>,
        links: &mut Vec<Link>,
    ) {
        if lex.referring.is_empty() {
            return;
        }
        let spans: Vec<(usize, usize)> = inside
            .iter()
            .map(|&m| {
                let s = pool[m].span;
                (
                    tokens.partition_point(|t| t.span.end <= s.start),
                    tokens.partition_point(|t| t.span.start < s.end),
                )
            })
            .collect();
        let in_mention = |k: usize| spans.iter().any(|&(a, b)| a <= k && k < b);
        // A mention right before or after the word names the actor itself
        // ("компания Ryanair", "германският синдикат").
        let named_nearby = |k: usize| {
            spans.iter().any(|&(a, b)| {
                (b <= k && k - b < 1)
                    || a == k + 1
                    || (a == k + 2 && tokens[k + 1].kind == TokenKind::Punct)
            })
        };
        let mut added = Vec::new();
        let mut resolved_parties: Vec<usize> = Vec::new();
        for (k, t) in tokens.iter().enumerate() {
            // Referring words are common words: a capital only opens a
            // sentence.
            if t.kind != TokenKind::Word
                || (t.upper_initial && k > 0)
                || !lex.referring.has_stem_or_form(t)
                || in_mention(k)
            {
                continue;
            }
            let form = WordForm::of(t, lex.lang);
            let mut class = None;
            lex.referring.for_each(&form, |&r| {
                class.get_or_insert(r);
            });
            let Some(class) = class else { continue };
            if class != Referent::Person && named_nearby(k) {
                continue;
            }
            // "проект резолюции", "компания-перевозчик": a description
            // with its own complement names something else.
            if class == Referent::Company && has_complement(lex, tokens, k) {
                continue;
            }
            if class == Referent::Parties && resolved_parties.contains(&(k.wrapping_sub(1))) {
                // "Both sides": one reference.
                resolved_parties.push(k);
                continue;
            }
            if class == Referent::Parties {
                // "Стороны договорились": the states last named together,
                // for the word opening its sentence or clause only.
                // ("Стороны", "Обе стороны", "The two sides")
                let opens = k == 0
                    || tokens[k - 1].kind == TokenKind::Punct
                    || (k <= 2
                        && (0..k).all(|j| tokens[j].kind == TokenKind::Word && !in_mention(j)));
                if !opens {
                    continue;
                }
                let Some(members) = self.last_parties(pool, sentence) else {
                    continue;
                };
                resolved_parties.push(k);
                for a in members {
                    let mut stand_in = pool[a].clone();
                    stand_in.span = t.span;
                    stand_in.parts.clear();
                    let index = pool.len();
                    pool.push(stand_in);
                    links.push(Link {
                        mention: index,
                        antecedent: a,
                        why: "one of the parties named last".to_string(),
                    });
                    added.push(index);
                }
                continue;
            }
            // Earlier in this sentence, then back through the article.
            let here = inside
                .iter()
                .zip(&spans)
                .filter(|(_, &(_, b))| b <= k)
                .map(|(&m, _)| m)
                .rfind(|&m| fits(class, &pool[m]));
            let reach = if class == Referent::Company {
                COMPANY_REACH
            } else {
                REACH
            };
            let (antecedent, how) = match here {
                Some(m) => (Some(m), "named before it in the sentence".to_string()),
                None => match self
                    .seen
                    .iter()
                    .rev()
                    .take_while(|s| sentence - s.sentence <= reach)
                    .find(|s| fits(class, &pool[s.mention]))
                {
                    Some(s) => (
                        Some(s.mention),
                        format!("{} sentence(s) back", sentence - s.sentence),
                    ),
                    None if class == Referent::Company => (
                        self.companies.iter().max_by_key(|c| c.1).map(|c| c.0),
                        "the article's main company".to_string(),
                    ),
                    None => (None, String::new()),
                },
            };
            let Some(a) = antecedent else { continue };
            // Staff of several states named together ("бортпроводники в
            // Бельгии, Германии и Италии") are one group: all of them.
            let members = if class == Referent::Group {
                self.same_sentence_groups(pool, a)
            } else {
                vec![a]
            };
            for a in members {
                let mut stand_in = pool[a].clone();
                stand_in.span = t.span;
                stand_in.place = false;
                let index = pool.len();
                pool.push(stand_in);
                links.push(Link {
                    mention: index,
                    antecedent: a,
                    why: format!("the last {} named, {how}", class.name()),
                });
                added.push(index);
            }
        }
        if !added.is_empty() {
            inside.extend(added);
            inside.sort_by_key(|&m| pool[m].span.start);
        }
    }
}
