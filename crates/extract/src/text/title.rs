//! Finding the title: the headline-like line that opens the article, just
//! before its first paragraph (or at the head of the prose run, after a
//! cookie notice or a rubric), not necessarily the first line of the page.

use super::classify::{Class, NEAR};
use super::lines::Line;
use super::segment::Segment;

/// Lines before the prose run that are searched for the title.
const LOOK_BACK: usize = 3;
/// Prose allowed before a title found inside the run (a cookie notice, a
/// one-line teaser): at most this many characters and this share of it.
const PROSE_BEFORE_TITLE: usize = 400;
const PROSE_SHARE_BEFORE_TITLE: f32 = 0.25;
/// Words a headline needs to be taken for the title over a later, nearer
/// one (a rubric like "Мировые новости" has fewer).
pub const FULL_TITLE_WORDS: usize = 4;

/// Does the line read like a headline: a few words, capitalised, not a
/// label, not a timestamp, not a heading that ends in a colon, not cut off
/// after a function word, not a bare name?
pub fn headline_like(l: &Line) -> bool {
    (2..=40).contains(&l.words)
        && !l.stop_end
        && !l.name_like()
        && l.chars <= 300
        && l.capital_start
        && !l.colon_end
        && !l.timestamp
        && l.label.is_none()
}

/// A prose line that can still be a title: a short question or exclamation.
fn question_title(l: &Line) -> bool {
    headline_like(l) && l.chars <= 200 && !l.inner_break && l.sentence_end && !l.ellipsis
}

/// The index of the title line for the run `seg`, if there is one: the
/// run's first line when it is a short question or exclamation, else the
/// earliest full headline among the few lines before the run (the nearest
/// headline of any length if none is full), else a headline inside the run
/// after a little prose (a cookie notice, a rubric) and before its
/// paragraphs.
pub fn find_title(
    text: &str,
    lines: &[Line],
    classes: &[Class],
    far: &[bool],
    seg: &Segment,
) -> Option<usize> {
    let ends_in_question = |l: &Line| {
        let t = l.span.slice(text).trim_end_matches(['"', '»', '”', ')']);
        t.ends_with('?') || t.ends_with('!')
    };
    let followed_by_prose = |i: usize| classes.get(i + 1) == Some(&Class::Good);
    let opening = &lines[seg.first];
    if seg.first < seg.last && question_title(opening) && ends_in_question(opening) {
        return Some(seg.first);
    }
    // Before the run there may be a rubric, the title, a deck and a photo
    // caption: the earliest full headline is the title, else the nearest
    // headline of any length.
    let window = seg.first.saturating_sub(LOOK_BACK)..seg.first;
    let headline = |i: &usize| {
        classes[*i] == Class::Neutral && headline_like(&lines[*i]) && lines[*i].script == seg.script
    };
    let full = window
        .clone()
        .filter(headline)
        .find(|&i| lines[i].words >= FULL_TITLE_WORDS && !far[i] && !lines[i].stop_end);
    if let Some(i) = full.or_else(|| window.rev().find(headline)) {
        return Some(i);
    }
    let mut prose_before = 0usize;
    for i in seg.first..seg.last {
        let l = &lines[i];
        if prose_before > PROSE_BEFORE_TITLE
            || prose_before as f32 > seg.score * PROSE_SHARE_BEFORE_TITLE
        {
            break;
        }
        if classes[i] == Class::Neutral && headline_like(l) && followed_by_prose(i) {
            return Some(i);
        }
        if classes[i] == Class::Good {
            prose_before += l.chars;
        }
    }
    None
}

/// Copies of the title printed next to it (page title and article heading):
/// returns the earliest copy, which becomes the title, and all copies. A
/// prose copy (a lead that repeats the title with a full stop) is not one.
pub fn title_copies(lines: &[Line], classes: &[Class], title: usize) -> (usize, Vec<usize>) {
    let key = lines[title].key;
    let near = |i: usize| lines[i].number.abs_diff(lines[title].number) <= NEAR * 2;
    let copies: Vec<usize> = (title.saturating_sub(NEAR)..(title + NEAR + 1).min(lines.len()))
        .filter(|&i| lines[i].key == key && near(i) && (i == title || classes[i] != Class::Good))
        .collect();
    (copies[0], copies)
}
