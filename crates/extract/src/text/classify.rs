//! Each line judged on its own features and its neighbours': running prose
//! (`Good`), something that may sit inside an article (`Neutral`: headings,
//! short lines, labels), or page furniture that ends an article (`Bad`:
//! timestamps, lines without letters, headline lists).

use super::lines::{far_repeats, Line};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Good,
    Neutral,
    Bad,
}

/// Lines apart within which two copies of a line count as one repeated
/// element (a title printed twice) rather than page-wide repetition.
pub const NEAR: usize = 2;

/// Is the line running prose: enough words, function words among them, and
/// sentence punctuation (or enough length that it must be a paragraph)?
pub fn is_prose(l: &Line) -> bool {
    let complete = l.sentence_end && !(l.ellipsis && l.chars < 250);
    // A complete sentence of six words or more is prose even without a
    // function word ("Байден набрал более 270 голосов выборщиков.").
    if complete && l.words >= 6 && l.capital_start {
        return true;
    }
    if l.words < 5 || l.stops == 0 || l.stop_ratio() < 0.08 {
        return false;
    }
    // A line holding a whole sentence and the start of another is prose
    // even when a scraper cut its tail ("… у Німеччині. Про це пише").
    complete || (l.inner_break && (l.chars >= 150 || l.words >= 12)) || l.chars >= 250
}

/// A headline followed directly (no blank line between) by a copy of
/// itself, often with metadata appended ("Title" / "Title 2 comments;
/// updated 01:40"): how lists of other stories are printed. Both lines of
/// such a pair are furniture.
fn teaser_pairs(text: &str, lines: &[Line]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    for i in 1..lines.len() {
        let (a, b) = (&lines[i - 1], &lines[i]);
        if b.number != a.number + 1 || a.words == 0 || b.words < a.words || is_prose(b) {
            continue;
        }
        if words_prefix(a.span.slice(text), b.span.slice(text)) {
            out[i - 1] = true;
            out[i] = true;
        }
    }
    out
}

/// Do the words of `a` begin `b` (case and punctuation aside)?
fn words_prefix(a: &str, b: &str) -> bool {
    let mut bw = b
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    a.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            bw.next()
                .is_some_and(|x| x.to_lowercase() == w.to_lowercase())
        })
}

/// Classify every line; also returns which lines repeat far away (a
/// repeated short line weighs double in a gap between paragraphs).
pub fn classify(text: &str, lines: &[Line]) -> (Vec<Class>, Vec<bool>) {
    let far = far_repeats(lines, NEAR);
    let pairs = teaser_pairs(text, lines);
    let classes = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if l.words == 0 || l.timestamp || pairs[i] {
                Class::Bad
            } else if is_prose(l) {
                Class::Good
            } else {
                Class::Neutral
            }
        })
        .collect();
    (classes, far)
}

#[cfg(test)]
mod tests {
    use super::super::lines::split_lines;
    use super::*;

    #[test]
    fn prose_headlines_and_furniture() {
        let text = "Трамп и социализм убивают Кубу\n\
                    Трамп и социализм убивают Кубу наша корреспонденция\n\
                    Пресс-служба Кремля пока не сообщала о таком контакте.\n\
                    Путин и Оланд договориха съвместни военни действия\n\
                    14 минут назад\n\
                    |\n\
                    Разработчик серии игр GTA, Rockstar Games, представил первый трейлер шестой части в декабре прошлого года,…";
        let lines = split_lines(text);
        let (c, _) = classify(text, &lines);
        assert_eq!(
            c,
            vec![
                Class::Bad,
                Class::Bad,
                Class::Good,
                Class::Neutral,
                Class::Bad,
                Class::Bad,
                Class::Neutral
            ]
        );
    }

    #[test]
    fn a_lead_that_repeats_its_title_stays_prose() {
        let text = "Путин прибыл в Баку\nПутин прибыл в Баку с рабочим визитом, сообщает пресс-служба Кремля.";
        let lines = split_lines(text);
        let (c, _) = classify(text, &lines);
        assert_eq!(c, vec![Class::Neutral, Class::Good]);
    }
}
