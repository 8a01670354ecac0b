//! One sentence as the coder reads it: each token's word form and the
//! grammar words covering it, its clauses, and the sides (groups of
//! coordinated actor mentions) with the word that marks their role.

use dyad_core::Mention;
use dyad_nlp::{Token, TokenKind};

use dyad_morph::Case;

use crate::lexicon::{LangLexicon, Role};
use crate::morph::Morph;
use crate::triggers::Found;
use crate::words::WordForm;

/// Roles a grammar word can give to the side right after it, in the order
/// they win when one word has several (Bulgarian "на" may be listed twice).
pub(crate) const MARKERS: [Role; 6] = [
    Role::Target,
    Role::Partner,
    Role::Between,
    Role::Agent,
    Role::Addressee,
    Role::Place,
];

/// Coordinated actor mentions that act together ("Великобритания и
/// Евросоюз").
#[derive(Clone, Debug)]
pub(crate) struct Group {
    /// Indexes into the document's mentions, in text order.
    pub mentions: Vec<usize>,
    /// Token range in the sentence (end exclusive).
    pub start: usize,
    pub end: usize,
    /// The grammar word before the side, if it gives it a role.
    pub marker: Option<Role>,
    /// Named as a location ("в Москве").
    pub place: bool,
    pub clause: u16,
    /// The distinct codes of its mentions.
    pub codes: Vec<String>,
    /// Its first word is in a case other than the nominative (by the
    /// dictionary, else by an `[oblique]` ending): not a subject.
    pub oblique: bool,
    /// Its first word can only be instrumental, after no preposition: the
    /// doer of a passive ("наложенные Евросоюзом").
    pub instrumental: bool,
    /// Its first word is read as nominative by the dictionary (a
    /// language with cases; indeclinable words included).
    pub nominative: bool,
    /// It hangs on the common noun right before it ("главу США"): an
    /// attribute, not a subject of its own.
    pub modifier: bool,
    /// The subject of the sentence before, carried into one whose verb
    /// has none ("Ryanair отменила рейсы. Также заявила, что …"): no
    /// words of its own (`start == end == 0`).
    pub carried: bool,
    /// Carried from the sentence after, whose opening names who said this
    /// one ("Об этом заявил Лавров"): its speaker.
    pub from_next: bool,
}

/// Sides a sentence takes from its neighbours (pool mention indexes).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Carried {
    /// The subject that opened the sentence before.
    pub subject: Option<usize>,
    /// The speaker the sentence after names ("Об этом заявил …").
    pub speaker: Option<usize>,
}

pub(crate) struct SentenceView<'a> {
    pub tokens: &'a [Token],
    pub forms: Vec<WordForm<'a>>,
    /// Role bits of the grammar phrases covering each token.
    pub marks: Vec<u32>,
    /// Role bits of the grammar phrases ending at each token.
    pub ends: Vec<u32>,
    /// Clause number of each token.
    pub clause: Vec<u16>,
    /// Whether each clause opens with a subordinating word.
    pub subordinate: Vec<bool>,
    /// Clause 0 is a gerund's phrase opening the sentence: its doer is
    /// the subject of clause 1.
    pub gerund_opens: bool,
    /// The token belongs to an actor mention.
    pub in_mention: Vec<bool>,
    /// The token belongs to a trigger (`mark_groups`).
    pub in_trigger: Vec<bool>,
    /// Whether the dictionary reads the token as a noun (None: unknown).
    pub noun: Vec<Option<bool>>,
    /// The token is a passive participle ("наложенные", "накладені").
    pub passive: Vec<bool>,
    /// The token is an active participle ("критиковавшему").
    pub participle: Vec<bool>,
    /// The dictionary reads the token as an adjective ("ракетні удари").
    pub adjective: Vec<bool>,
    /// The language marks case on nouns (lists `[oblique]` endings).
    pub cased: bool,
    /// The dictionary reads the token as a finite verb, infinitive or
    /// gerund: no list of sides runs across it ("Авиокомпанията обвини и
    /// германските пилоти").
    pub verb: Vec<bool>,
    pub groups: Vec<Group>,
    /// The sentence's mentions (pool indexes), sides or not: groups with
    /// no state of their own ("пилоты Ryanair") are here, not in `groups`.
    pub inside: Vec<usize>,
}

impl<'a> SentenceView<'a> {
    /// `mentions` are the document's mentions and the stand-ins of its
    /// referring words (`discourse`); `inside` the indexes of those within
    /// this sentence, in text order.
    pub fn new(
        text: &str,
        tokens: &'a [Token],
        morph: &'a Morph<'_>,
        lex: &LangLexicon,
        mentions: &[Mention],
        inside: &[usize],
        carried: Carried,
    ) -> Self {
        let n = tokens.len();
        let forms: Vec<WordForm<'a>> = tokens
            .iter()
            .zip(&morph.lemmas)
            .map(|(t, l)| WordForm::with_lemmas(t, lex.lang, l))
            .collect();
        let mut marks = vec![0u32; n];
        let mut ends = vec![0u32; n];
        let mut starts = vec![0u32; n];
        for i in 0..n {
            lex.phrase_index.for_each(&forms[i], |&p| {
                let phrase = &lex.phrases[p as usize];
                let len = phrase.words.len();
                if i + len > n {
                    return;
                }
                if phrase.words[1..]
                    .iter()
                    .zip(&forms[i + 1..i + len])
                    .all(|(w, f)| w.matches(f))
                {
                    let bit = phrase.role.bit();
                    for m in &mut marks[i..i + len] {
                        *m |= bit;
                    }
                    ends[i + len - 1] |= bit;
                    starts[i] |= bit;
                }
            });
        }
        // "Осудив действия Израиля, Турция отозвала посла": a gerund opening
        // the sentence is a clause of its own, done by the main clause's
        // subject.
        let gerund_opens = n > 0 && morph.is_gerund(0);
        let (clause, subordinate) = clauses(text, tokens, &starts, gerund_opens);
        let mut in_mention = vec![false; n];
        let mut spans: Vec<(usize, usize, usize)> = Vec::with_capacity(inside.len());
        for &m in inside {
            let span = mentions[m].span;
            let first = tokens.partition_point(|t| t.span.end <= span.start);
            let last = tokens.partition_point(|t| t.span.start < span.end);
            if first < last {
                in_mention[first..last].iter_mut().for_each(|b| *b = true);
                spans.push((m, first, last));
            }
        }
        let mut view = SentenceView {
            tokens,
            forms,
            marks,
            ends,
            clause,
            subordinate,
            gerund_opens,
            in_mention,
            in_trigger: vec![false; n],
            noun: (0..n).map(|k| morph.is_noun(k)).collect(),
            passive: (0..n).map(|k| morph.is_passive(k)).collect(),
            participle: (0..n).map(|k| morph.is_active_participle(k)).collect(),
            // (a word the dictionary lacks is a verb by its ending)
            verb: (0..n)
                .map(|k| {
                    morph.is_verb(k)
                        || (morph.known_pos(k).is_none()
                            && tokens[k].kind == TokenKind::Word
                            && !tokens[k].upper_initial
                            && !lex.verb_endings.is_empty()
                            && !lex.is_noun(&tokens[k].norm))
                })
                .collect(),
            cased: !lex.oblique_endings.is_empty(),
            adjective: (0..n).map(|k| morph.is_adjective(k)).collect(),
            groups: Vec::new(),
            inside: inside.to_vec(),
        };
        view.groups = view.group(text, lex, mentions, &spans);
        for g in &mut view.groups {
            let head = &view.tokens[g.start];
            let cases = morph.cases(g.start);
            // Only languages with noun cases ([oblique] endings listed)
            // read them; Bulgarian keeps its cases in pronouns.
            g.oblique = head.kind == TokenKind::Word
                && !lex.oblique_endings.is_empty()
                && if cases.is_empty() {
                    lex.is_oblique(&head.norm)
                } else {
                    !cases.contains(Case::Nom)
                };
            let cased = !lex.oblique_endings.is_empty();
            g.instrumental = cased && morph.only_instrumental(g.start);
            // (only the nominative: "Польша", "Путин"; not "Союз",
            // "США", whose nominative is also their accusative; in a list,
            // any item: "Вильнюс и Рига")
            g.nominative = cased
                && g.mentions.iter().any(|&m| {
                    let Some(&(_, first, _)) = spans.iter().find(|(x, _, _)| *x == m) else {
                        return false;
                    };
                    let cases = morph.cases(first);
                    cases.contains(Case::Nom) && !cases.contains(Case::Acc)
                });
            // A common noun right before the side, nothing between.
            let k = g.start.wrapping_sub(1);
            g.modifier = cased
                && g.start > 0
                && view.tokens[k].kind == TokenKind::Word
                && !view.tokens[k].upper_initial
                && !view.in_mention[k]
                && view.marks[k] == 0
                && morph.is_noun(k) == Some(true)
                && text[view.tokens[k].span.end..head.span.start]
                    .trim()
                    .is_empty();
        }
        // A news outlet named as the source of the report ("…, предаде
        // БТА", "по данным ТАСС", "УНІАН, 14 листопада …") is no side.
        let sources: Vec<bool> = view
            .groups
            .iter()
            .map(|g| view.is_source(text, g, mentions))
            .collect();
        let mut keep = sources.iter().map(|s| !s);
        view.groups.retain(|_| keep.next().unwrap_or(true));
        for (m, from_next) in [(carried.subject, false), (carried.speaker, true)] {
            let Some(m) = m else { continue };
            if let Some(code) = mentions[m].code() {
                view.groups.insert(
                    0,
                    Group {
                        mentions: vec![m],
                        start: 0,
                        end: 0,
                        marker: None,
                        place: false,
                        clause: 0,
                        codes: vec![code.to_string()],
                        oblique: false,
                        instrumental: false,
                        nominative: true,
                        modifier: false,
                        carried: true,
                        from_next,
                    },
                );
            }
        }
        view
    }

    /// Whether a side is a news outlet (sector MED) in the place of the
    /// report's source: right after a verb of saying or a [source] phrase
    /// (over at most two lower-case words: "агентство"), or opening the
    /// sentence before a comma (a dateline).
    fn is_source(&self, text: &str, g: &Group, mentions: &[Mention]) -> bool {
        let media = g
            .mentions
            .iter()
            .all(|&m| mentions[m].sector.as_deref() == Some("MED"));
        if !media {
            return false;
        }
        if g.start == 0 && g.end < self.tokens.len() && self.is_punct(text, g.end, &[',']) {
            return true;
        }
        let said = Role::Speech.bit() | Role::Source.bit();
        let mut k = g.start;
        let mut skipped = 0;
        while k > 0 && skipped <= 2 {
            k -= 1;
            if self.marks[k] & said != 0 {
                return true;
            }
            let t = &self.tokens[k];
            let quote = self.is_punct(text, k, &['«', '„', '"', '“']);
            if !(quote || (t.kind == TokenKind::Word && !t.upper_initial)) {
                return false;
            }
            skipped += 1;
        }
        false
    }

    /// Whether token `k` opens a clause of its own (the clause number
    /// changes there).
    pub fn clause_opens(&self, k: usize) -> bool {
        k > 0 && self.clause[k] != self.clause[k - 1]
    }

    fn has(&self, i: usize, role: Role) -> bool {
        self.marks[i] & role.bit() != 0
    }

    pub fn is_punct(&self, text: &str, i: usize, chars: &[char]) -> bool {
        let t = &self.tokens[i];
        t.kind == TokenKind::Punct
            && t.span
                .slice(text)
                .chars()
                .next()
                .is_some_and(|c| chars.contains(&c))
    }

    /// Mentions joined by commas or [and] words become one side.
    fn group(
        &self,
        text: &str,
        lex: &LangLexicon,
        mentions: &[Mention],
        spans: &[(usize, usize, usize)],
    ) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        for &(m, first, last) in spans {
            if mentions[m].code().is_none() {
                continue;
            }
            if let Some(g) = groups.last_mut() {
                // Stand-ins of one plural word ("стороны") share its span
                // and are one side.
                if first == g.start && last == g.end {
                    g.mentions.push(m);
                    continue;
                }
                let between = g.end..first;
                // "Britain and the European Union": a list, with at most
                // a couple of plain words ("the", "его") besides.
                let joiner = |i: usize| self.has(i, Role::And) || self.is_punct(text, i, &[',']);
                // A word that is no verb and opens no trigger ("Germany
                // and blamed German pilots", "Ryanair пригрозила
                // увольнениями своим сотрудникам").
                let inert = |i: usize| {
                    let t = &self.tokens[i];
                    t.kind == TokenKind::Word
                        && self.marks[i] == 0
                        && !self.verb[i]
                        && !{
                            let mut hit = false;
                            lex.anchors.for_each(&self.forms[i], |_| hit = true);
                            hit
                        }
                };
                let plain = |i: usize| inert(i) && !self.tokens[i].upper_initial;
                // An unknown name right after a titled mention ("министр
                // инфраструктуры Украины Александр Кубраков, министр …")
                // belongs to it, not between the list's items.
                // (the role may be unknown, its state named: "министърът
                // на инфраструктурата на Украйна Александър Кубраков")
                let titled = g
                    .mentions
                    .last()
                    .is_some_and(|&p| mentions[p].kind != "person");
                let named = between
                    .clone()
                    .take_while(|_| titled)
                    .take_while(|&i| {
                        let t = &self.tokens[i];
                        // (a name is Titlecase: "SE", "AG" after a
                        // company are no first name)
                        let word = t.span.slice(text);
                        t.kind == TokenKind::Word
                            && t.upper_initial
                            && word.chars().skip(1).any(char::is_lowercase)
                            && self.marks[i] == 0
                            && !self.verb[i]
                    })
                    .count()
                    .min(3);
                let gap = between.start + named..between.end;
                let listed = gap.clone().any(joiner)
                    && (named == 0 || gap.clone().all(joiner))
                    && gap.clone().filter(|&i| !joiner(i)).count() <= 1
                    && gap.clone().all(|i| joiner(i) || plain(i));
                // "Путин и френският му колега Оланд": words between two
                // mentions of one actor's country describe it.
                let same_code = g
                    .mentions
                    .iter()
                    .any(|&p| mentions[p].code() == mentions[m].code());
                // ("президентом Ирана Эбрагимом Раиси": an unknown first
                // name between the role and the surname).
                let described = same_code && between.clone().all(inert);
                let joins = first >= g.end
                    && gap.len() <= 3
                    && (listed || described)
                    && self.clause[first] == g.clause;
                if joins {
                    g.mentions.push(m);
                    g.end = g.end.max(last);
                    continue;
                }
            }
            groups.push(Group {
                mentions: vec![m],
                start: first,
                end: last,
                marker: None,
                place: mentions[m].place,
                clause: self.clause[first],
                codes: Vec::new(),
                oblique: false,
                instrumental: false,
                nominative: false,
                modifier: false,
                carried: false,
                from_next: false,
            });
        }
        for g in &mut groups {
            for &m in &g.mentions {
                if let Some(c) = mentions[m].code() {
                    if !g.codes.iter().any(|x| x == c) {
                        g.codes.push(c.to_string());
                    }
                }
            }
        }
        groups
    }

    /// Gives each side the role word before it, now that the triggers are
    /// known (a trigger word is never skipped on the way back: in "срещу
    /// критиките на ЕК" the Commission is the critic, not the target).
    pub fn mark_groups(&mut self, text: &str, mentions: &[Mention], found: &[Found]) {
        for f in found {
            for &k in &f.tokens {
                self.in_trigger[k] = true;
            }
        }
        for i in 0..self.groups.len() {
            if self.groups[i].carried {
                continue;
            }
            let mut marker = self.marker_before(text, self.groups[i].start);
            let g = &mut self.groups[i];
            // People are not places, whatever precedes them.
            let person = g.mentions.iter().all(|&m| mentions[m].kind == "person");
            if marker == Some(Role::Place) && person {
                marker = None;
            }
            // An instrumental after no preposition is the doer of a
            // passive ("наложенные Евросоюзом"), never its subject or
            // object.
            if marker.is_none() && g.instrumental {
                marker = Some(Role::Agent);
            }
            g.marker = marker;
            if marker == Some(Role::Place) {
                g.place = true;
            }
        }
    }

    /// The role word right before token `start`, over at most two plain
    /// lower-case words ("с лидерами Ирана", "против трех иранских …").
    /// A place word counts only right before the side ("в Баку", "в
    /// руската столица"), never over skipped words ("В четверг Путин").
    fn marker_before(&self, text: &str, start: usize) -> Option<Role> {
        let mut skipped = 0;
        let mut k = start;
        while k > 0 {
            k -= 1;
            if let Some(role) = MARKERS
                .into_iter()
                .find(|r| self.ends[k] & r.bit() != 0 && (skipped == 0 || *r != Role::Place))
            {
                return Some(role);
            }
            let t = &self.tokens[k];
            if self.is_punct(text, k, &['«', '„', '"', '“', '\'', '‘', '(']) {
                continue;
            }
            // (a possessive "на"/"of" is passed over: "по цели на …")
            let plain = t.kind == TokenKind::Word
                && !self.in_trigger[k]
                && !t.upper_initial
                && self.marks[k] & !Role::Possessive.bit() == 0
                && !self.in_mention[k]
                && !t.span.slice(text).is_empty();
            if !plain || skipped == 2 {
                return None;
            }
            skipped += 1;
        }
        None
    }
}

/// Clause numbers: a new clause opens at `;`, and at a [clause] or
/// [speech] word right after a comma, dash, colon or quote.
fn clauses(
    text: &str,
    tokens: &[Token],
    starts: &[u32],
    gerund_opens: bool,
) -> (Vec<u16>, Vec<bool>) {
    let opener = Role::Clause.bit() | Role::Speech.bit();
    let mut clause = Vec::with_capacity(tokens.len());
    let mut subordinate = vec![false];
    let mut current = 0u16;
    // "По словам премьера Польши, Германия …", "Если Россия нападет, …":
    // an attribution or a condition opening the sentence is a clause of
    // its own up to its first comma.
    let opening = Role::Speech.bit() | Role::Condition.bit();
    let mut attribution = gerund_opens || starts.first().is_some_and(|&s| s & opening != 0);
    for (i, t) in tokens.iter().enumerate() {
        let c = t.span.slice(text).chars().next().unwrap_or(' ');
        if attribution && t.kind == TokenKind::Punct && c == ',' {
            attribution = false;
            clause.push(current);
            current += 1;
            subordinate.push(false);
            continue;
        }
        if t.kind == TokenKind::Punct && c == ';' {
            current += 1;
            subordinate.push(false);
        } else if i > 0 && starts[i] & opener != 0 {
            let punct_at = |k: usize| {
                let c = tokens[k].span.slice(text).chars().next().unwrap_or(' ');
                matches!(c, ',' | '—' | '–' | ':' | '»' | '"' | '“' | '”' | '(')
            };
            // ", който" or, after a preposition, ", в който".
            let after_punct = punct_at(i - 1)
                || (i > 1
                    && tokens[i - 1].kind == TokenKind::Word
                    && tokens[i - 1].norm.chars().count() <= 3
                    && punct_at(i - 2));
            if after_punct {
                current += 1;
                subordinate.push(starts[i] & Role::Clause.bit() != 0);
            }
        }
        clause.push(current);
    }
    (clause, subordinate)
}
