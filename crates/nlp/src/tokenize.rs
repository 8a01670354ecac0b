//! Tokenization of one span of text: words (hyphenated words, words with
//! apostrophes, abbreviations and initials with their dots, acronyms),
//! numbers (decimal commas and points, dates), punctuation and symbols.
//! A hand-written scanner over chars: no regex, one pass, two allocations per
//! token (norm and stem).

use crate::abbrev::Abbreviations;
use crate::normalize::{
    is_apostrophe, is_combining_mark, is_invisible_in_word, is_word_hyphen, normalize_into,
};
use crate::stem::with_stem_word;
use crate::Lang;
use dyad_core::chars::{is_alnum, is_letter, is_lower, is_number, is_upper};
use dyad_core::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub span: Span,
    pub kind: TokenKind,
    /// Lowercase, ё → е, typographic apostrophes → ', soft hyphen removed.
    pub norm: String,
    /// See [`Token::stem`]; most stems are a prefix of `norm` and cost no
    /// string of their own.
    stem: Stem,
    /// The token starts with a capital letter in the text.
    pub upper_initial: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Stem {
    /// The first this many bytes of `norm`.
    Prefix(usize),
    Own(Box<str>),
}

impl Token {
    /// A token from its parts; `stem` is `stem_word(lang, norm,
    /// upper_initial)` for a word, `norm` otherwise.
    pub fn new(span: Span, kind: TokenKind, norm: String, stem: &str, upper_initial: bool) -> Self {
        let stem = stem_repr(&norm, stem);
        Token {
            span,
            kind,
            norm,
            stem,
            upper_initial,
        }
    }

    /// `stem_word(lang, norm, upper_initial)` for words of a language with a
    /// stemmer, else `norm`.
    pub fn stem(&self) -> &str {
        match &self.stem {
            Stem::Prefix(n) => &self.norm[..*n],
            Stem::Own(s) => s,
        }
    }
}

fn stem_repr(norm: &str, stem: &str) -> Stem {
    if norm.starts_with(stem) {
        Stem::Prefix(stem.len())
    } else {
        Stem::Own(stem.into())
    }
}

/// Sentence-ending punctuation; a run of these is one token ("?!", "...").
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‽')
}

/// Whitespace, control characters and invisible format characters (zero
/// width space, BOM, word joiner, bidirectional marks).
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

fn is_word_char(c: char) -> bool {
    is_alnum(c) || is_combining_mark(c) || is_invisible_in_word(c)
}

fn is_punct(c: char) -> bool {
    (c.is_ascii_punctuation() && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '|' | '~'))
        || matches!(c, '«' | '»' | '¡' | '¿' | '§' | '¶' | '·' | '‹' | '›')
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{2030}'..='\u{205E}').contains(&c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
}

/// Scans `text[..end]` char by char.
struct Scanner<'a> {
    text: &'a str,
    end: usize,
}

impl Scanner<'_> {
    fn at(&self, pos: usize) -> Option<char> {
        if pos >= self.end {
            return None;
        }
        self.text[pos..].chars().next()
    }

    /// After a dot at `pos`: the number of letters that follow and whether a
    /// dot follows them ("т.е." seen from the first dot: (1, true)).
    fn letters_then_dot(&self, pos: usize) -> (usize, bool) {
        let mut p = pos;
        let mut n = 0;
        while let Some(c) = self.at(p) {
            if !is_letter(c) {
                return (n, c == '.');
            }
            n += 1;
            p += c.len_utf8();
        }
        (n, false)
    }

    /// Scans a word or number starting at `start`; returns its end and
    /// whether it has a letter.
    fn word(&self, start: usize, abbrevs: &Abbreviations) -> (usize, bool) {
        let mut pos = start;
        let mut has_letter = false;
        let mut last = '\0';
        // Letters in the current dot-separated segment; whether the word has
        // inner dots between letters and all such segments are short.
        let mut seg_letters = 0usize;
        let mut dotted = false;
        let mut short_segments = true;
        loop {
            while let Some(c) = self.at(pos) {
                if !is_word_char(c) {
                    break;
                }
                if is_letter(c) {
                    has_letter = true;
                    seg_letters += 1;
                }
                if is_alnum(c) {
                    last = c;
                }
                pos += c.len_utf8();
            }
            let Some(c) = self.at(pos) else { break };
            let after = pos + c.len_utf8();
            let next = self.at(after);
            let joins = match (c, next) {
                (h, Some(n)) if is_word_hyphen(h) => is_alnum(n),
                (a, Some(n)) if is_apostrophe(a) => is_letter(last) && is_letter(n),
                (',', Some(n)) => is_number(last) && is_number(n),
                ('.', Some(n)) if is_number(last) => is_number(n),
                ('.', Some(n)) if is_letter(last) && is_letter(n) => {
                    let (n_letters, then_dot) = self.letters_then_dot(after);
                    if then_dot && n_letters <= 3 && seg_letters <= 3 {
                        // т.е. / U.S. / В.В. / т.нар.
                        true
                    } else if abbrevs.class_with_dot(&self.text[start..pos]).is_some() {
                        // "ул.Ленина", "млн.долларов": the abbreviation ends here.
                        false
                    } else {
                        // commonspace.eu; a capital after the dot starts a new word.
                        is_lower(n)
                    }
                }
                _ => false,
            };
            if !joins {
                break;
            }
            if c == '.' && is_letter(last) {
                dotted = true;
                short_segments &= seg_letters <= 3;
                seg_letters = 0;
            } else if !is_alnum(c) {
                seg_letters = 0;
            }
            pos = after;
        }
        // A trailing dot belongs to abbreviations, initials and dotted
        // acronyms.
        if self.at(pos) == Some('.') && has_letter {
            let word = &self.text[start..pos];
            let mut chars = word.chars();
            let single_capital =
                matches!((chars.next(), chars.next()), (Some(c), None) if is_upper(c));
            let dotted_acronym = dotted
                && short_segments
                && seg_letters <= 3
                && word.chars().all(|c| is_letter(c) || c == '.');
            if single_capital || dotted_acronym || abbrevs.class_with_dot(word).is_some() {
                pos += 1;
            }
        }
        (pos, has_letter)
    }
}

/// Appends the tokens of `span` of `text` to `out`, stemmed for `lang`
/// (stem = norm when `lang` is `None` or has no stemmer). A span that is out
/// of range or not on character boundaries is clamped.
pub fn tokenize(text: &str, span: Span, lang: Option<Lang>, out: &mut Vec<Token>) {
    let span = clamp_span(text, span);
    let abbrevs = Abbreviations::for_lang(lang);
    let sc = Scanner {
        text,
        end: span.end,
    };
    let mut pos = span.start;
    while let Some(c) = sc.at(pos) {
        // Soft hyphens and joiners only matter inside a word.
        if is_space(c) || is_invisible_in_word(c) {
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        let kind = if is_alnum(c) {
            let (end, has_letter) = sc.word(start, abbrevs);
            pos = end;
            if has_letter {
                TokenKind::Word
            } else {
                TokenKind::Number
            }
        } else if is_terminal(c) {
            while let Some(t) = sc.at(pos).filter(|&t| is_terminal(t)) {
                pos += t.len_utf8();
            }
            TokenKind::Punct
        } else if is_word_hyphen(c) || c == '—' || c == '–' {
            while sc.at(pos) == Some(c) {
                pos += c.len_utf8();
            }
            TokenKind::Punct
        } else {
            pos += c.len_utf8();
            if is_punct(c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            }
        };
        out.push(make_token(text, Span::new(start, pos), kind, lang));
    }
}

fn make_token(text: &str, span: Span, kind: TokenKind, lang: Option<Lang>) -> Token {
    let raw = span.slice(text);
    let mut norm = String::with_capacity(raw.len());
    normalize_into(raw, &mut norm);
    let upper_initial = raw.chars().next().is_some_and(is_upper);
    let stem = match (kind, lang) {
        (TokenKind::Word, Some(l)) => {
            with_stem_word(l, &norm, upper_initial, |s| stem_repr(&norm, s))
        }
        _ => Stem::Prefix(norm.len()),
    };
    Token {
        span,
        kind,
        norm,
        stem,
        upper_initial,
    }
}

/// `span` limited to `text` and moved onto character boundaries (start
/// forward, end backward; empty if they cross).
pub(crate) fn clamp_span(text: &str, span: Span) -> Span {
    let mut start = span.start.min(text.len());
    let mut end = span.end.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span {
        start,
        end: end.max(start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str, lang: Option<Lang>) -> Vec<Token> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), lang, &mut out);
        out
    }

    fn texts(text: &str, lang: Lang) -> Vec<&str> {
        toks(text, Some(lang))
            .iter()
            .map(|t| t.span.slice(text))
            .collect()
    }

    #[test]
    fn hyphenated_words_stay_whole() {
        assert_eq!(
            texts("Премьер-министр прибыл в Ростов-на-Дону.", Lang::Ru),
            ["Премьер-министр", "прибыл", "в", "Ростов-на-Дону", "."]
        );
        assert_eq!(
            texts("вице-президент, COVID-19 и «Северный поток-2»", Lang::Ru),
            [
                "вице-президент",
                ",",
                "COVID-19",
                "и",
                "«",
                "Северный",
                "поток-2",
                "»"
            ]
        );
        // A spaced hyphen or a dash is punctuation.
        assert_eq!(
            texts("Москва - Киев — Минск–Вильнюс", Lang::Ru),
            ["Москва", "-", "Киев", "—", "Минск", "–", "Вильнюс"]
        );
        // A hyphen at the end of a word does not join the next one.
        assert_eq!(texts("по- и", Lang::Ru), ["по", "-", "и"]);
    }

    #[test]
    fn apostrophes_inside_ukrainian_words() {
        let t = toks("М'ясо, об’єкт і зʼїзд 'цитата'", Some(Lang::Uk));
        let norms: Vec<_> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            ["м'ясо", ",", "об'єкт", "і", "з'їзд", "'", "цитата", "'"]
        );
    }

    #[test]
    fn abbreviations_keep_their_dots() {
        assert_eq!(
            texts(
                "в 2022 г. и т.е. т.н. гр. ул. млн. др. напр. и т.д. т.к.",
                Lang::Ru
            ),
            [
                "в",
                "2022",
                "г.",
                "и",
                "т.е.",
                "т.н.",
                "гр.",
                "ул.",
                "млн.",
                "др.",
                "напр.",
                "и",
                "т.д.",
                "т.к."
            ]
        );
        assert_eq!(
            texts("т.нар. ген. Петров, др. и т.н.", Lang::Bg),
            ["т.нар.", "ген.", "Петров", ",", "др.", "и", "т.н."]
        );
        assert_eq!(
            texts("у 2022 р. м. Київ", Lang::Uk),
            ["у", "2022", "р.", "м.", "Київ"]
        );
        assert_eq!(
            texts("Mr. Smith of the U.S., e.g. here.", Lang::En),
            ["Mr.", "Smith", "of", "the", "U.S.", ",", "e.g.", "here", "."]
        );
        // Without a space after the abbreviation.
        assert_eq!(texts("ул.Ленина", Lang::Ru), ["ул.", "Ленина"]);
        // Bidirectional marks and stray soft hyphens are not tokens.
        assert_eq!(texts("Путин\u{200E} \u{00AD} и", Lang::Ru), ["Путин", "и"]);
        // An ordinary word keeps its full stop apart.
        assert_eq!(texts("Пришёл Путин.", Lang::Ru), ["Пришёл", "Путин", "."]);
    }

    #[test]
    fn initials() {
        assert_eq!(texts("В. Путин", Lang::Ru), ["В.", "Путин"]);
        assert_eq!(texts("В.В. Путин", Lang::Ru), ["В.В.", "Путин"]);
        assert_eq!(texts("В.В.Путин", Lang::Ru), ["В.В.", "Путин"]);
        assert_eq!(texts("А.Меркел", Lang::Bg), ["А.", "Меркел"]);
    }

    #[test]
    fn numbers_and_dates() {
        let t = toks("1,5 млрд, 3.75%, 14.08.2022, 10 000 и $5", Some(Lang::Ru));
        let got: Vec<_> = t.iter().map(|t| (t.norm.as_str(), t.kind)).collect();
        use TokenKind::*;
        assert_eq!(
            got,
            [
                ("1,5", Number),
                ("млрд", Word),
                (",", Punct),
                ("3.75", Number),
                ("%", Punct),
                (",", Punct),
                ("14.08.2022", Number),
                (",", Punct),
                ("10", Number),
                ("000", Number),
                ("и", Word),
                ("$", Symbol),
                ("5", Number),
            ]
        );
        // A full stop after a number stays apart.
        assert_eq!(
            texts("составил 5. Затем", Lang::Ru),
            ["составил", "5", ".", "Затем"]
        );
    }

    #[test]
    fn acronyms_and_domains() {
        assert_eq!(
            texts("США, ЕС и НАТО (commonspace.eu).", Lang::Ru),
            [
                "США",
                ",",
                "ЕС",
                "и",
                "НАТО",
                "(",
                "commonspace.eu",
                ")",
                "."
            ]
        );
        let t = toks("США", Some(Lang::Ru));
        assert!(t[0].upper_initial);
        assert_eq!(t[0].kind, TokenKind::Word);
    }

    #[test]
    fn quotes_and_terminal_runs() {
        assert_eq!(
            texts("„Ислямска държава“ – \"да\"?! Не...", Lang::Bg),
            [
                "„",
                "Ислямска",
                "държава",
                "“",
                "–",
                "\"",
                "да",
                "\"",
                "?!",
                "Не",
                "..."
            ]
        );
    }

    #[test]
    fn norms_and_stems() {
        let t = toks("Путиным, Премьер-министра Ёлкина", Some(Lang::Ru));
        assert_eq!(t[0].norm, "путиным");
        assert_eq!(t[0].stem(), "путин");
        assert!(t[0].upper_initial);
        assert_eq!(t[1].stem(), ",");
        assert_eq!(t[2].norm, "премьер-министра");
        assert_eq!(t[2].stem(), "премьер-министр");
        assert_eq!(t[3].norm, "елкина");
        // No language: stem = norm.
        let t = toks("Путиным", None);
        assert_eq!(t[0].stem(), "путиным");
        // Soft hyphen inside a word.
        let t = toks("прези\u{00AD}дента", Some(Lang::Ru));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].norm, "президента");
    }

    #[test]
    fn spans_are_clamped() {
        let text = "Путин";
        let mut out = Vec::new();
        tokenize(text, Span::new(1, 100), Some(Lang::Ru), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].span, Span::new(2, text.len()));
        out.clear();
        tokenize(text, Span { start: 9, end: 3 }, None, &mut out);
        assert!(out.is_empty());
    }
}
