//! A scraped page as lines, each with the features extraction judges by:
//! length, words, stop-word density, the language its stop words point to,
//! script, sentence punctuation, timestamps, labels and repetition.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use dyad_core::chars::{is_alnum, is_letter, is_number, is_upper, push_lower};
use dyad_core::Span;

use super::lexicon::{LabelKind, Lexicon, STOP_LANGS};

/// The alphabet most of a line's letters are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Cyrillic,
    Latin,
    Other,
    /// No letters at all.
    None,
}

/// One non-blank line of the page.
#[derive(Debug, Clone)]
pub struct Line {
    /// 0-based line number in the text.
    pub number: usize,
    /// The line's content without surrounding white space (bytes).
    pub span: Span,
    pub chars: usize,
    /// Tokens with at least one letter.
    pub words: usize,
    /// Words that start with a capital letter.
    pub capitalised: usize,
    /// Words that are stop words of some language.
    pub stops: usize,
    /// Per language of `STOP_LANGS`: stop words that belong to it alone.
    pub lang_hits: [u16; STOP_LANGS.len()],
    pub script: Script,
    /// Letters in Cyrillic, in Latin, in total.
    pub cyrillic: usize,
    pub latin: usize,
    pub letters: usize,
    /// Ends with . ! ? … (closing quotes and brackets may follow).
    pub sentence_end: bool,
    /// Ends with an ellipsis: a truncated teaser or title.
    pub ellipsis: bool,
    /// Has a sentence boundary inside (". " then an upper-case letter).
    pub inner_break: bool,
    /// Starts with an upper-case letter, a digit or an opening quote.
    pub capital_start: bool,
    /// Ends with a colon (a heading of what follows, a label).
    pub colon_end: bool,
    /// The last word is a function word: a line cut off mid-sentence.
    pub stop_end: bool,
    /// Made of numbers and time words only ("2 минуты назад", "31 юли").
    pub timestamp: bool,
    /// Opens with a byline or caption label ("фото:", "Автор материала:").
    pub label: Option<LabelKind>,
    /// Hash of the lower-cased words, for repetition.
    pub key: u64,
}

impl Line {
    pub fn stop_ratio(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stops as f32 / self.words as f32
        }
    }

    /// Two or three capitalised words and nothing else: a person's name
    /// (an author line), not a headline.
    pub fn name_like(&self) -> bool {
        (2..=3).contains(&self.words) && self.capitalised == self.words && self.stops == 0
    }

    /// The share of the line's letters written in `script`.
    pub fn share(&self, script: Script) -> f32 {
        let n = match script {
            Script::Cyrillic => self.cyrillic,
            Script::Latin => self.latin,
            Script::Other => self.letters - self.cyrillic - self.latin,
            Script::None => 0,
        };
        if self.letters == 0 {
            0.0
        } else {
            n as f32 / self.letters as f32
        }
    }

    /// The language index (into `STOP_LANGS`) the line's exclusive stop
    /// words point to, when they point to one only.
    pub fn clear_lang(&self) -> Option<usize> {
        let mut best = None;
        for (i, &h) in self.lang_hits.iter().enumerate() {
            if h == 0 {
                continue;
            }
            if best.is_some() {
                return None;
            }
            best = Some(i);
        }
        best.filter(|&i| self.lang_hits[i] >= 2)
    }
}

/// Characters that may close a sentence after its final punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '»' | '“' | '”' | '’' | ')' | ']' | '„' | '*'
    )
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '«' | '„' | '“' | '(' | '\'' | '‘')
}

fn is_word_char(c: char) -> bool {
    is_alnum(c) || c == '\u{301}'
}

/// Split `text` into its non-blank lines and compute their features.
pub fn split_lines(text: &str) -> Vec<Line> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    let mut start = 0;
    let mut word = String::new();
    for (number, raw) in text.split('\n').enumerate() {
        let line_start = start;
        start += raw.len() + 1;
        let trimmed_start = raw.len() - raw.trim_start_matches(is_blank).len();
        let content = raw.trim_matches(is_blank);
        if content.is_empty() {
            continue;
        }
        let s = line_start + trimmed_start;
        out.push(features(
            number,
            Span::new(s, s + content.len()),
            content,
            lex,
            &mut word,
        ));
    }
    out
}

/// White space, including the BOM and no-break spaces scrapers leave.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

fn features(number: usize, span: Span, content: &str, lex: &Lexicon, word: &mut String) -> Line {
    let mut chars = 0usize;
    let (mut cyr, mut lat, mut other) = (0usize, 0usize, 0usize);
    let mut words = 0usize;
    let mut capitalised = 0usize;
    let mut stops = 0usize;
    let mut lang_hits = [0u16; STOP_LANGS.len()];
    let mut all_time = true;
    let mut has_digit = false;
    let mut hasher = DefaultHasher::new();
    let mut first_word: Option<String> = None;
    let mut last_is_stop = false;
    let mut prev_char = ' ';
    let mut prev_prev = ' ';
    let mut inner_break = false;

    let mut flush = |word: &mut String, has_letter: bool| {
        if word.is_empty() {
            return;
        }
        word.hash(&mut hasher);
        if has_letter {
            words += 1;
            let langs = lex.stop_langs(word);
            last_is_stop = langs != 0;
            if langs != 0 {
                stops += 1;
                if langs.count_ones() == 1 {
                    lang_hits[langs.trailing_zeros() as usize] += 1;
                }
            }
            if first_word.is_none() {
                first_word = Some(word.clone());
            }
        }
        if !lex.is_time_word(word) && has_letter {
            all_time = false;
        }
        word.clear();
    };

    let mut has_letter = false;
    for c in content.chars() {
        if is_upper(c) && word.is_empty() {
            capitalised += 1;
        }
        chars += 1;
        if is_letter(c) {
            match c {
                '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}' => cyr += 1,
                'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => lat += 1,
                _ => other += 1,
            }
        }
        if is_word_char(c) || ((c == '-' || c == '\'' || c == '’') && !word.is_empty()) {
            if is_number(c) {
                has_digit = true;
            }
            if is_letter(c) {
                has_letter = true;
            }
            push_lower(c, word);
        } else if (c == '.' || c == ':') && !word.is_empty() && !has_letter {
            // Keep clock times and dates (01:40, 27.02.2018) one token.
            word.push(c);
        } else {
            // A trailing hyphen or apostrophe is not part of the word.
            while word.ends_with(['-', '\'', '’']) {
                word.pop();
            }
            flush(word, has_letter);
            has_letter = false;
        }
        // ". " or "? " followed by an upper-case letter: a sentence break.
        if is_upper(c) && prev_char == ' ' && matches!(prev_prev, '.' | '!' | '?' | '…') {
            inner_break = true;
        }
        prev_prev = prev_char;
        prev_char = c;
    }
    while word.ends_with(['-', '\'', '’']) {
        word.pop();
    }
    flush(word, has_letter);

    let tail = content.trim_end_matches(is_closer);
    let last = tail.chars().next_back();
    let ellipsis = tail.ends_with('…') || tail.ends_with("...");
    let sentence_end = matches!(last, Some('.' | '!' | '?' | '…'));
    let first = content.chars().next();
    let capital_start = first.is_some_and(|c| is_upper(c) || is_number(c) || is_opener(c));
    let letters = cyr + lat + other;
    let script = if letters == 0 {
        Script::None
    } else if cyr * 2 > letters {
        Script::Cyrillic
    } else if lat * 2 > letters {
        Script::Latin
    } else {
        Script::Other
    };
    let label = first_word
        .as_deref()
        .and_then(|w| lex.label(w))
        .filter(|_| {
            // A label opens a short line or is followed by a colon / dash.
            let after = content
                .char_indices()
                .find(|&(_, c)| !is_word_char(c))
                .map(|(i, _)| content[i..].trim_start())
                .unwrap_or("");
            // ("Читайте також: …": the colon may follow a second word.)
            let colon_soon = content
                .split_once(':')
                .is_some_and(|(head, _)| head.split_whitespace().count() <= 3);
            after.starts_with([':', '—', '–', '-']) || colon_soon || words <= 6
        });
    Line {
        number,
        span,
        chars,
        words,
        capitalised,
        stops,
        lang_hits,
        script,
        cyrillic: cyr,
        latin: lat,
        letters,
        sentence_end,
        ellipsis,
        inner_break,
        capital_start,
        colon_end: last == Some(':'),
        stop_end: last_is_stop && !sentence_end,
        timestamp: has_digit && all_time && words <= 6,
        label,
        key: hasher.finish(),
    }
}

/// How often each line's word sequence occurs in the page, and whether a
/// copy stands away from it (more than `near` lines apart).
pub fn far_repeats(lines: &[Line], near: usize) -> Vec<bool> {
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if l.words > 0 {
            seen.entry(l.key).or_default().push(i);
        }
    }
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            seen.get(&l.key)
                .is_some_and(|pos| pos.iter().any(|&j| j.abs_diff(i) > near))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Line {
        split_lines(text).remove(0)
    }

    #[test]
    fn prose_line_features() {
        let l = one("Пресс-служба Кремля пока не сообщала о таком контакте.");
        assert_eq!(l.words, 8);
        assert!(l.stops >= 3, "{l:?}");
        assert!(l.sentence_end && !l.ellipsis && l.capital_start);
        assert_eq!(l.script, Script::Cyrillic);
        assert_eq!(l.clear_lang(), Some(0), "пока/таком point to Russian");
    }

    #[test]
    fn timestamps_and_labels() {
        assert!(one("2 минуты назад").timestamp);
        assert!(one("преди 3 часа").timestamp);
        assert!(one("5 хвилин тому").timestamp);
        assert!(one("27.02.2018 16:06").timestamp);
        assert!(!one("Кац отметил 2 раза").timestamp);
        assert!(!one("Минуты назад").timestamp, "no number");
        assert_eq!(
            one("фото: Президент Азербайджана").label,
            Some(LabelKind::Caption)
        );
        assert_eq!(one("Автор материала:").label, Some(LabelKind::Byline));
        assert!(one("Автор материала:").colon_end);
        assert_eq!(
            one("Автор статьи утверждает, что переговоры прошли успешно и стороны договорились.")
                .label,
            None
        );
    }

    #[test]
    fn ellipsis_and_scripts() {
        let l = one("Reuters: Тереза Мей заяви, че споразумението за прехода след Брекзит щ...");
        assert!(l.ellipsis && l.sentence_end);
        assert_eq!(l.script, Script::Cyrillic);
        assert_eq!(one("Related articles").script, Script::Latin);
        assert_eq!(one("|").script, Script::None);
        assert_eq!(one("|").words, 0);
    }

    #[test]
    fn spans_skip_blank_lines_bom_and_carriage_returns() {
        let text = "\u{feff}Заглавие\r\n\r\n  Текст.  \r\n";
        let lines = split_lines(text);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].span.slice(text), "Заглавие");
        assert_eq!(lines[1].span.slice(text), "Текст.");
        assert_eq!(lines[1].number, 2);
    }

    #[test]
    fn repeats_far_apart_only() {
        let text = "А б в\nА б в\nг\nд\nе\nА б в\nж з\nж з";
        let lines = split_lines(text);
        let far = far_repeats(&lines, 2);
        assert!(far[0] && far[1] && far[5]);
        assert!(!far[6] && !far[7], "adjacent copies are not far");
    }
}
