//! Sentence splitting over the tokens of one block.
//!
//! A sentence ends:
//! - at a run of `. ! ? …` (with any closing quotes or brackets glued to
//!   it: `?»`, `."»`, `.)`) followed by whitespace and a sentence start: a
//!   capital letter or digit, possibly after opening quotes, brackets or a
//!   dash (`» — спросил он` continues the sentence, `. — Да` does not);
//! - after an abbreviation that can close a sentence (class `post`, or `num`
//!   after a number: "… убили их в 2011 г. Верховный суд …") followed by a
//!   sentence start; but not when a `num` abbreviation ends a short date
//!   phrase opening the sentence ("У 2017 р. Росія скоротила …": at most
//!   `DATE_PHRASE_TOKENS` tokens before it); never after a `pre`
//!   abbreviation (ул., Mr., т.е.) or initials (В., В.В., U.S.);
//! - at a stop glued to a lower-case word and a capitalised one ("году.В
//!   Москве"), a scraper's lost space;
//! - at a blank line, and at a line break unless the next line goes on in
//!   lower case (a wrapped line);
//! - at the end of the block (sentences never cross blocks);
//! - and, so that no stage downstream pays more than linearly for text
//!   without stops (a scraped list, a hostile page), after at most
//!   `MAX_SENTENCE_TOKENS` tokens: at the last comma, semicolon, colon or
//!   dash of the second half of that run, else right there.

use crate::abbrev::{AbbrevClass, Abbreviations};
use crate::tokenize::{is_terminal, Token, TokenKind};
use crate::Lang;
use dyad_core::chars::{is_lower, is_upper};
use dyad_core::Span;
use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range from the first token's start to the last token's end.
    pub span: Span,
    /// Range into `Analysed::tokens`.
    pub tokens: Range<usize>,
    /// Index into the block spans given to `analyse`.
    pub block: usize,
}

fn first_char(text: &str, t: &Token) -> char {
    t.span.slice(text).chars().next().unwrap_or(' ')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '»' | '”' | '“' | '"' | '\'' | '’' | ')' | ']' | '}' | '›'
    )
}

fn is_opening(c: char) -> bool {
    matches!(c, '«' | '„' | '“' | '"' | '\'' | '‘' | '(' | '[' | '‹') || is_dash(c)
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '-' | '‒' | '―')
}

/// Whether `t` is a number, or a Roman numeral (centuries: "XX в.").
fn is_number_like(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Number
        || (t.kind == TokenKind::Word
            && t.span.len() <= 6
            && t.span
                .slice(text)
                .chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')))
}

/// Initials and dotted capitals: В. / В.В. / U.S.
fn is_initials(word: &str) -> bool {
    let mut saw = false;
    for part in word.split_terminator('.') {
        let mut cs = part.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if is_upper(c) => saw = true,
            _ => return false,
        }
    }
    saw
}

/// A sentence whose first tokens are only a date ("Ще у травні 2014 р.")
/// goes on after the abbreviation.
const DATE_PHRASE_TOKENS: usize = 4;

/// The longest sentence, in tokens; news sentences stay far below it.
pub const MAX_SENTENCE_TOKENS: usize = 160;

struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    range: Range<usize>,
    abbrevs: &'a Abbreviations,
}

impl Splitter<'_> {
    fn gap(&self, i: usize) -> &str {
        &self.text[self.tokens[i].span.end..self.tokens[i + 1].span.start]
    }

    /// Whether a sentence starts at token `k`: skipping opening quotes,
    /// brackets and dashes, the first word is capitalised or a number.
    fn starts_sentence(&self, k: usize) -> bool {
        for t in &self.tokens[k..self.range.end] {
            let c = first_char(self.text, t);
            match t.kind {
                TokenKind::Word => return !is_lower(c),
                TokenKind::Number => return true,
                TokenKind::Punct if is_opening(c) => continue,
                _ => return true,
            }
        }
        true
    }

    /// A stop glued to both words around it, "году.В Москве",
    /// "реформ.Вернул": a lower-case word of three letters or more, the
    /// stop, and a capitalised word that goes on in lower case (or a
    /// one-letter word before a space). Domains ("rbc.ru"), dotted
    /// capitals ("ТАСС.Тест") and abbreviations ("т.Д.") stay whole.
    fn glued_stop(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if t.kind != TokenKind::Punct
            || !t.span.slice(self.text).chars().all(is_terminal)
            || i == self.range.start
            || i + 1 >= self.range.end
            || !self.gap(i - 1).is_empty()
        {
            return false;
        }
        let before = &self.tokens[i - 1];
        let word = before.span.slice(self.text);
        let lower_end = word.chars().last().is_some_and(is_lower);
        if before.kind != TokenKind::Word || word.chars().count() < 3 || !lower_end {
            return false;
        }
        let next = &self.tokens[i + 1];
        let mut cs = next.span.slice(self.text).chars();
        let capital = next.kind == TokenKind::Word && cs.next().is_some_and(is_upper);
        let goes_on = match cs.next() {
            Some(c) => is_lower(c),
            None => i + 2 >= self.range.end || !self.gap(i + 1).is_empty(),
        };
        capital && goes_on
    }

    /// Whether the sentence that began at token `first` ends between tokens
    /// `i` and `i + 1`.
    fn breaks_after(&self, first: usize, i: usize) -> bool {
        let gap = self.gap(i);
        if gap.is_empty() {
            return self.glued_stop(i);
        }
        let newlines = gap.bytes().filter(|&b| b == b'\n').count();
        if newlines >= 2 {
            return true;
        }
        if newlines == 1 {
            let next = &self.tokens[i + 1];
            let continues = next.kind == TokenKind::Word && is_lower(first_char(self.text, next));
            if !continues {
                return true;
            }
        }
        // Walk back over closing quotes/brackets glued to what precedes.
        let mut j = i;
        while j > self.range.start
            && self.tokens[j].kind == TokenKind::Punct
            && is_closing(first_char(self.text, &self.tokens[j]))
            && self.gap(j - 1).is_empty()
        {
            j -= 1;
        }
        let t = &self.tokens[j];
        let word = t.span.slice(self.text);
        match t.kind {
            TokenKind::Punct if word.chars().all(is_terminal) => self.starts_sentence(i + 1),
            TokenKind::Word if word.ends_with('.') => {
                if is_initials(word) {
                    return false;
                }
                match self.abbrevs.class(&t.norm) {
                    Some(AbbrevClass::Pre) => false,
                    Some(AbbrevClass::Num) => {
                        j > self.range.start
                            && is_number_like(self.text, &self.tokens[j - 1])
                            && j - first > DATE_PHRASE_TOKENS
                            && self.starts_sentence(i + 1)
                    }
                    Some(AbbrevClass::Post) | None => self.starts_sentence(i + 1),
                }
            }
            _ => false,
        }
    }
}

/// Splits `tokens[range]` (the tokens of one block, in order) into sentences
/// appended to `out`, each tagged with `block`.
pub fn split_sentences(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    block: usize,
    lang: Option<Lang>,
    out: &mut Vec<Sentence>,
) {
    if range.is_empty() || range.end > tokens.len() {
        return;
    }
    let sp = Splitter {
        text,
        tokens,
        range: range.clone(),
        abbrevs: Abbreviations::for_lang(lang),
    };
    let mut first = range.start;
    // The last soft break (comma, semicolon, colon, dash) of the sentence.
    let mut soft: Option<usize> = None;
    for i in range.clone() {
        let t = &tokens[i];
        if t.kind == TokenKind::Punct && matches!(first_char(text, t), ',' | ';' | ':' | '—' | '–')
        {
            soft = Some(i);
        }
        let end = if i + 1 == range.end || sp.breaks_after(first, i) {
            Some(i)
        } else if i + 1 - first >= MAX_SENTENCE_TOKENS {
            Some(
                soft.filter(|&k| k >= first + MAX_SENTENCE_TOKENS / 2)
                    .unwrap_or(i),
            )
        } else {
            None
        };
        if let Some(end) = end {
            out.push(Sentence {
                span: Span::new(tokens[first].span.start, tokens[end].span.end),
                tokens: first..end + 1,
                block,
            });
            first = end + 1;
            soft = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn split(text: &str, lang: Lang) -> Vec<&str> {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), Some(lang), &mut tokens);
        let mut out = Vec::new();
        split_sentences(text, &tokens, 0..tokens.len(), 0, Some(lang), &mut out);
        out.iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn a_stop_without_its_space_still_ends_a_sentence() {
        assert_eq!(
            split(
                "Переговоры прошли в 2018 году.В Москве заявили, что реформ.Вернул нет.",
                Lang::Ru
            ),
            [
                "Переговоры прошли в 2018 году.",
                "В Москве заявили, что реформ.",
                "Вернул нет."
            ]
        );
        assert_eq!(
            split("Сайт rbc.ru и ТАСС.Тест и т.Д. Отметим.", Lang::Ru),
            ["Сайт rbc.ru и ТАСС.Тест и т.Д.", "Отметим."]
        );
        assert_eq!(
            split(
                "Страйк почнеться у середу.Профспілка вимагає більше.",
                Lang::Uk
            ),
            ["Страйк почнеться у середу.", "Профспілка вимагає більше."]
        );
    }

    #[test]
    fn a_run_without_stops_is_cut_at_a_comma_within_the_cap() {
        let clause = "«Россия обвинила Францию», — заявил Путин, ";
        let text = clause.repeat(200);
        let pieces = split(&text, Lang::Ru);
        assert!(pieces.len() > 10, "{} pieces", pieces.len());
        let mut tokens = Vec::new();
        for piece in &pieces {
            tokens.clear();
            tokenize(
                piece,
                Span::new(0, piece.len()),
                Some(Lang::Ru),
                &mut tokens,
            );
            assert!(
                tokens.len() <= MAX_SENTENCE_TOKENS,
                "{} tokens",
                tokens.len()
            );
        }
        // Every piece but the last ends at a soft break, not inside a word.
        for piece in &pieces[..pieces.len() - 1] {
            assert!(
                piece.ends_with(',') || piece.ends_with('—'),
                "cut mid-clause: …{}",
                &piece[piece.len().saturating_sub(30)..]
            );
        }
        // Nothing is lost or repeated.
        assert_eq!(pieces.concat().replace(' ', ""), text.replace(' ', ""));
        // A long run with no punctuation at all is cut at the cap.
        let words = "слово ".repeat(500);
        let pieces = split(&words, Lang::Ru);
        assert_eq!(pieces.len(), 4);
        assert_eq!(pieces[0].split(' ').count(), MAX_SENTENCE_TOKENS);
    }

    #[test]
    fn plain_ends() {
        assert_eq!(
            split(
                "Путин прибыл. Переговоры начались! Что дальше?! Посмотрим… А потом",
                Lang::Ru
            ),
            [
                "Путин прибыл.",
                "Переговоры начались!",
                "Что дальше?!",
                "Посмотрим…",
                "А потом"
            ]
        );
        // Lower case after the stop: no sentence start.
        assert_eq!(
            split("Он сказал… и ушёл.", Lang::Ru),
            ["Он сказал… и ушёл."]
        );
        // Digits and opening quotes start sentences.
        assert_eq!(
            split(
                "Так. 2022 год был трудным. «Мы готовы», — сказал он.",
                Lang::Ru
            ),
            ["Так.", "2022 год был трудным.", "«Мы готовы», — сказал он."]
        );
    }

    #[test]
    fn quotes_and_direct_speech() {
        // Closing quote after the stop belongs to the sentence.
        assert_eq!(
            split("Он заявил: «Это конец.» Затем ушёл.", Lang::Ru),
            ["Он заявил: «Это конец.»", "Затем ушёл."]
        );
        assert_eq!(
            split("„Изпълнихме задачата.“ Така каза той.", Lang::Bg),
            ["„Изпълнихме задачата.“", "Така каза той."]
        );
        // Question in quotes followed by the author's words: one sentence.
        assert_eq!(
            split("«Кто виноват?» — спросил он. — Никто.", Lang::Ru),
            ["«Кто виноват?» — спросил он.", "— Никто."]
        );
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            split(
                "Встречу провёл В.В. Путин. В Москве её ждали. Пришёл и А. Иванов.",
                Lang::Ru
            ),
            [
                "Встречу провёл В.В. Путин.",
                "В Москве её ждали.",
                "Пришёл и А. Иванов."
            ]
        );
        // г. after a year closes the sentence when a capital follows …
        assert_eq!(
            split(
                "Переговоры завершились только в 2022 г. Президент молчал.",
                Lang::Ru
            ),
            [
                "Переговоры завершились только в 2022 г.",
                "Президент молчал."
            ]
        );
        // … unless it ends a date phrase opening the sentence.
        assert_eq!(
            split(
                "У 2017 р. Росія скоротила поставки. Ще у травні 2014 р. Росія підписала контракт.",
                Lang::Uk
            ),
            [
                "У 2017 р. Росія скоротила поставки.",
                "Ще у травні 2014 р. Росія підписала контракт."
            ]
        );
        // … but not before a lower-case word, nor as "город".
        assert_eq!(
            split(
                "В 2022 г. в Москве прошёл саммит. Он жил в г. Москве.",
                Lang::Ru
            ),
            ["В 2022 г. в Москве прошёл саммит.", "Он жил в г. Москве."]
        );
        // Pre abbreviations never close a sentence.
        assert_eq!(
            split("Он живёт на ул. Ленина, т.е. в центре.", Lang::Ru),
            ["Он живёт на ул. Ленина, т.е. в центре."]
        );
        // Post abbreviations close it before a capital.
        assert_eq!(
            split(
                "Ущерб составил 5 млн. Власти молчат. Были танки, самолёты и т.д. Итог ясен.",
                Lang::Ru
            ),
            [
                "Ущерб составил 5 млн.",
                "Власти молчат.",
                "Были танки, самолёты и т.д.",
                "Итог ясен."
            ]
        );
        assert_eq!(
            split(
                "Срещата с ген. Петров е през 2023 г. Тя ще е в София.",
                Lang::Bg
            ),
            ["Срещата с ген. Петров е през 2023 г.", "Тя ще е в София."]
        );
        assert_eq!(
            split(
                "Усе це сталося у 2014 р. Тоді м. Київ жив інакше.",
                Lang::Uk
            ),
            ["Усе це сталося у 2014 р.", "Тоді м. Київ жив інакше."]
        );
        assert_eq!(
            split(
                "Mr. Smith met U.S. officials at 5 p.m. They talked.",
                Lang::En
            ),
            ["Mr. Smith met U.S. officials at 5 p.m.", "They talked."]
        );
    }

    #[test]
    fn line_breaks() {
        assert_eq!(
            split(
                "Заголовок без точки\nПервая фраза текста.\n\nвторой абзац.",
                Lang::Ru
            ),
            [
                "Заголовок без точки",
                "Первая фраза текста.",
                "второй абзац."
            ]
        );
        // A wrapped line goes on in lower case.
        assert_eq!(
            split("Переговоры\nпродолжатся завтра.", Lang::Ru),
            ["Переговоры\nпродолжатся завтра."]
        );
    }

    #[test]
    fn empty_input() {
        assert!(split("", Lang::Ru).is_empty());
        assert!(split("   \n ", Lang::Ru).is_empty());
    }
}
