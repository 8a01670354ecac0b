//! Plain-text main-text extraction.
//!
//! Scrapers save a news page as lines: the article's title and paragraphs
//! among navigation, other stories' headlines, "related" lists, timestamps
//! and comment widgets. Every line gets features (`lines`), a class from
//! them (`classify`: prose, neutral, furniture), prose lines are grouped
//! into runs (`segment`), the run with the most prose is the article, and
//! its title is the headline-like line that opens it (`title`). Nothing
//! here knows a site or a phrase of one: only lengths, punctuation, stop
//! words, script, repetition and position.

mod classify;
mod lexicon;
mod lines;
mod segment;
mod title;

use dyad_core::{Article, Block, BlockKind, Decoded, Span};

use classify::{classify, Class};
use lexicon::LabelKind;
use lines::{split_lines, Line};

/// Lines after the article that may still belong to it when they are a
/// byline or a caption.
const TRAILING_LABEL_LINES: usize = 2;
/// A page this short with no prose line is kept whole (a bare headline or
/// a one-line feed item) rather than dropped.
const SHORT_PAGE_LINES: usize = 3;

/// Find the article in a plain-text page.
pub fn extract_text(doc: Decoded) -> Article {
    let (blocks, dropped) = find_blocks(&doc.text);
    let title = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Title)
        .map(|b| b.span.slice(&doc.text).to_string());
    Article {
        id: doc.id,
        url: doc.url,
        text_in_record: doc.transcoded,
        text: doc.text,
        title,
        date: doc.date,
        blocks,
        dropped,
    }
}

/// The kept blocks of `text` and the spans of the lines dropped.
pub fn find_blocks(text: &str) -> (Vec<Block>, Vec<Span>) {
    let lines = split_lines(text);
    let (classes, far) = classify(text, &lines);
    let segs = segment::segments(&lines, &classes, &far);
    let titled = |s: &segment::Segment| {
        title::find_title(text, &lines, &classes, &far, s)
            .is_some_and(|t| lines[t].words >= title::FULL_TITLE_WORDS)
    };
    let kept: Vec<(usize, BlockKind)> = match segment::best(&segs, lines.len(), titled) {
        Some(best) => {
            let seg = segment::with_sections(&segs, best, &classes);
            article_lines(text, &lines, &classes, &far, &seg)
        }
        None => short_page(&lines, &classes),
    };
    let mut keep = vec![false; lines.len()];
    let blocks = kept
        .iter()
        .map(|&(i, kind)| {
            keep[i] = true;
            Block {
                span: lines[i].span,
                kind,
            }
        })
        .collect();
    let dropped = lines
        .iter()
        .zip(&keep)
        .filter(|(_, &k)| !k)
        .map(|(l, _)| l.span)
        .collect();
    (blocks, dropped)
}

/// The lines of the article around the prose run `seg`, with their kinds.
fn article_lines(
    text: &str,
    lines: &[Line],
    classes: &[Class],
    far: &[bool],
    seg: &segment::Segment,
) -> Vec<(usize, BlockKind)> {
    let mut out = Vec::new();
    let mut skip = Vec::new();
    let mut body_from = seg.first;
    if let Some(t) = title::find_title(text, lines, classes, far, seg) {
        let (first, copies) = title::title_copies(lines, classes, t);
        out.push((first, BlockKind::Title));
        skip = copies;
        body_from = body_from.max(t + 1);
    }
    let mut lead_done = false;
    let prose_lines = (body_from..=seg.last)
        .filter(|&i| classes[i] == Class::Good)
        .count();
    for i in body_from..=seg.last {
        if skip.contains(&i) {
            continue;
        }
        let kind = match lines[i].label {
            // Another story's headline inside the article.
            Some(LabelKind::Teaser) => continue,
            Some(LabelKind::Byline) => BlockKind::Byline,
            Some(LabelKind::Caption) => BlockKind::Caption,
            None if !lead_done && classes[i] == Class::Good && prose_lines > 1 => {
                lead_done = true;
                BlockKind::Lead
            }
            None => BlockKind::Body,
        };
        out.push((i, kind));
    }
    // A byline or caption right after the last paragraph.
    for i in (seg.last + 1)..(seg.last + 1 + TRAILING_LABEL_LINES).min(lines.len()) {
        match (lines[i].label, classes[i]) {
            (Some(LabelKind::Byline), c) if c != Class::Bad => out.push((i, BlockKind::Byline)),
            (Some(LabelKind::Caption), c) if c != Class::Bad => out.push((i, BlockKind::Caption)),
            _ => {}
        }
    }
    out
}

/// A page without prose: keep it when it is only a line or three, the
/// first as title when there are several.
fn short_page(lines: &[Line], classes: &[Class]) -> Vec<(usize, BlockKind)> {
    if lines.is_empty() || lines.len() > SHORT_PAGE_LINES || classes.contains(&Class::Bad) {
        return Vec::new();
    }
    (0..lines.len())
        .map(|i| {
            let kind = if i == 0 && lines.len() > 1 && title::headline_like(&lines[0]) {
                BlockKind::Title
            } else {
                BlockKind::Body
            };
            (i, kind)
        })
        .collect()
}

/// Line-by-line diagnosis: (line number, class, far repeated, in best run).
pub fn diagnose(text: &str) -> Vec<(usize, String)> {
    let lines = split_lines(text);
    let (classes, far) = classify(text, &lines);
    let segs = segment::segments(&lines, &classes, &far);
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let seg = segs.iter().position(|s| s.first <= i && i <= s.last);
            (
                l.number,
                format!(
                    "{:?}{} seg={:?}",
                    classes[i],
                    if far[i] { " far" } else { "" },
                    seg
                ),
            )
        })
        .collect()
}
