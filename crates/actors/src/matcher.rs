//! The compiled form of the dictionary for one document language: names
//! tokenized and stemmed exactly as documents are, stored as a trie over
//! interned stems, and the longest-match scan over a document's tokens.

use rustc_hash::FxHashMap as HashMap;

use dyad_core::{MentionForm, Span};
use dyad_nlp::{is_word_hyphen, normalize, stem_word, tokenize, Lang, Token, TokenKind};

use crate::parse::NameDef;

/// How the first word of a name must be written in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Case {
    Any,
    /// Capitalised: proper names ("Путин" but not "путин").
    Initial,
    /// All capitals: acronyms ("ЕС", "UN").
    AllCaps,
}

/// One name that ends at a trie node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub actor: u32,
    pub form: MentionForm,
    pub case: Case,
}

/// A name found in a document: token range (into `Analysed::tokens`), its
/// byte span, and every dictionary entry it may be.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub tokens: std::ops::Range<usize>,
    pub span: Span,
    pub entries: Vec<Entry>,
    /// Found inside a hyphenated word ("российско-украинских").
    pub part: bool,
    /// Index of the sentence it is in.
    pub sentence: usize,
}

#[derive(Default)]
pub(crate) struct Matcher {
    lang: Option<Lang>,
    vocab: HashMap<Box<str>, u32>,
    edges: HashMap<(u32, u32), u32>,
    entries: Vec<Vec<Entry>>,
    /// While building: the interned capitalised stem of each lower-case
    /// word of the names, as names share many words.
    capitalised: HashMap<Box<str>, u32>,
}

/// At most this many spelling variants of one name go into the trie.
const MAX_VARIANTS: usize = 64;

/// Quotes and dashes are not part of a name's identity: "Северный поток — 2"
/// and «Северный поток-2» are one name, ЧВК «Вагнер» and ЧВК Вагнер too.
pub(crate) fn is_transparent(tok: &Token) -> bool {
    tok.kind == TokenKind::Punct
        && tok.norm.chars().all(|c| {
            matches!(
                c,
                '"' | '\''
                    | '«'
                    | '»'
                    | '„'
                    | '“'
                    | '”'
                    | '‘'
                    | '’'
                    | '‹'
                    | '›'
                    | '-'
                    | '‐'
                    | '–'
                    | '—'
            )
        })
}

impl Matcher {
    pub fn new(lang: Option<Lang>) -> Self {
        Matcher {
            lang,
            entries: vec![Vec::new()],
            ..Default::default()
        }
    }

    /// Adds one name of actor `actor` as form `form`.
    pub fn add(&mut self, actor: u32, form: MentionForm, name: &NameDef) {
        let mut toks = Vec::new();
        tokenize(
            &name.text,
            Span::new(0, name.text.len()),
            self.lang,
            &mut toks,
        );
        toks.retain(|t| !is_transparent(t));
        let Some(first) = toks.first() else { return };
        let case = case_of(first.span.slice(&name.text), first);
        let mut paths: Vec<Vec<u32>> = vec![Vec::new()];
        for t in &toks {
            let alts = self.alternatives(t);
            let mut next = Vec::with_capacity(paths.len() * alts.len());
            for p in &paths {
                for a in &alts {
                    if next.len() >= MAX_VARIANTS {
                        break;
                    }
                    let mut q = p.clone();
                    q.push(*a);
                    next.push(q);
                }
            }
            paths = next;
        }
        for path in paths {
            let mut node = 0u32;
            for sid in path {
                let fresh = self.entries.len() as u32;
                node = *self.edges.entry((node, sid)).or_insert(fresh);
                if node == fresh {
                    self.entries.push(Vec::new());
                }
            }
            let at = &mut self.entries[node as usize];
            let entry = Entry { actor, form, case };
            match at.iter_mut().find(|e| e.actor == actor && e.form == form) {
                // The loosest spelling rule wins: a name listed both as
                // "Russian" and "russian" matches either.
                Some(e) => e.case = e.case.min(case),
                None => at.push(entry),
            }
        }
    }

    /// The stems a dictionary token may take in a text, interned: its own,
    /// and for a word written in lower case also its stem when capitalised
    /// (an adjective opening a sentence or a headline: "Российские"). A
    /// word written capitalised only meets capitalised words, whose stems
    /// keep more of the word (Штатов is not the common noun штат).
    fn alternatives(&mut self, t: &Token) -> Vec<u32> {
        let mut ids = vec![self.intern(t.stem())];
        if let (TokenKind::Word, Some(l), false) = (t.kind, self.lang, t.upper_initial) {
            let other = match self.capitalised.get(t.norm.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.intern(&stem_word(l, &t.norm, true));
                    self.capitalised.insert(t.norm.as_str().into(), id);
                    id
                }
            };
            if other != ids[0] {
                ids.push(other);
            }
        }
        ids
    }

    /// Drops what only building needed.
    pub fn finish(mut self) -> Self {
        self.capitalised = Default::default();
        self
    }

    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.vocab.get(s) {
            return id;
        }
        let n = self.vocab.len() as u32;
        self.vocab.insert(s.into(), n);
        n
    }

    /// Longest matches, left to right, in every sentence of `tokens`
    /// (`sentences` are token ranges). Quotes and dashes are skipped.
    pub fn scan(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: impl Iterator<Item = std::ops::Range<usize>>,
        out: &mut Vec<Found>,
    ) {
        let mut pos: Vec<usize> = Vec::new();
        for (sentence, range) in sentences.enumerate() {
            dyad_core::deadline::check();
            pos.clear();
            pos.extend(range.filter(|&i| !is_transparent(&tokens[i])));
            let mut p = 0;
            while p < pos.len() {
                match self.longest(text, tokens, &pos[p..]) {
                    Some((len, entries)) => {
                        let (a, b) = (pos[p], pos[p + len - 1]);
                        out.push(Found {
                            tokens: a..b + 1,
                            span: Span::new(tokens[a].span.start, tokens[b].span.end),
                            entries,
                            part: false,
                            sentence,
                        });
                        p += len;
                    }
                    None => {
                        self.scan_parts(text, &tokens[pos[p]], pos[p], sentence, out);
                        p += 1;
                    }
                }
            }
        }
    }

    fn longest(&self, text: &str, tokens: &[Token], pos: &[usize]) -> Option<(usize, Vec<Entry>)> {
        let mut node = 0u32;
        let mut best = None;
        let first = &tokens[pos[0]];
        for (n, &i) in pos.iter().enumerate() {
            let Some(&sid) = self.vocab.get(tokens[i].stem()) else {
                break;
            };
            let Some(&next) = self.edges.get(&(node, sid)) else {
                break;
            };
            node = next;
            let here = &self.entries[node as usize];
            if here.is_empty() {
                continue;
            }
            let ok: Vec<Entry> = here
                .iter()
                .copied()
                .filter(|e| case_ok(e.case, first, text))
                .collect();
            if !ok.is_empty() {
                best = Some((n + 1, ok));
            }
        }
        best
    }

    /// A hyphenated word that is no name as a whole may hold names as its
    /// parts: "российско-украинских", "ирано-иракская", "ЕС-Турция".
    fn scan_parts(
        &self,
        text: &str,
        tok: &Token,
        index: usize,
        sentence: usize,
        out: &mut Vec<Found>,
    ) {
        if tok.kind != TokenKind::Word {
            return;
        }
        let raw = tok.span.slice(text);
        // The hyphens the tokenizer joins words with.
        if !raw.contains(is_word_hyphen) {
            return;
        }
        let mut start = 0;
        let ends = raw
            .char_indices()
            .filter(|&(_, c)| is_word_hyphen(c))
            .chain(std::iter::once((raw.len(), ' ')));
        for (end, sep) in ends {
            let part = &raw[start..end];
            let span = Span::new(tok.span.start + start, tok.span.start + end);
            start = end + sep.len_utf8();
            let Some(first) = part.chars().next() else {
                continue;
            };
            let norm = normalize(part);
            let upper = first.is_uppercase();
            let stem = match self.lang {
                Some(l) => stem_word(l, &norm, upper),
                None => norm.clone(),
            };
            let Some(&sid) = self.vocab.get(stem.as_str()) else {
                continue;
            };
            let Some(&node) = self.edges.get(&(0, sid)) else {
                continue;
            };
            let part_tok = Token::new(span, TokenKind::Word, norm, &stem, upper);
            let entries: Vec<Entry> = self.entries[node as usize]
                .iter()
                .copied()
                .filter(|e| case_ok(e.case, &part_tok, text))
                .collect();
            if !entries.is_empty() {
                out.push(Found {
                    tokens: index..index + 1,
                    span,
                    entries,
                    part: true,
                    sentence,
                });
            }
        }
    }
}

fn case_of(raw: &str, tok: &Token) -> Case {
    if raw.chars().filter(|c| c.is_alphabetic()).count() >= 2 && all_caps(raw) {
        Case::AllCaps
    } else if tok.upper_initial {
        Case::Initial
    } else {
        Case::Any
    }
}

fn case_ok(case: Case, tok: &Token, text: &str) -> bool {
    match case {
        Case::Any => true,
        Case::Initial => tok.upper_initial,
        Case::AllCaps => all_caps(tok.span.slice(text)),
    }
}

/// Every letter of `s` is a capital.
fn all_caps(s: &str) -> bool {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}
