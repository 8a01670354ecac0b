//! Runs of prose lines that can be one article: prose lines in one script
//! and language, bridged over at most `MAX_GAP` short lines, broken by page
//! furniture or a change of language. The article is the run with the most
//! prose, the earlier and the titled preferred, with the neighbouring runs
//! that are further sections of it.

use super::classify::Class;
use super::lines::{Line, Script};

/// Short lines (subheadings, a label) that may stand between two paragraphs
/// of one article; a line repeated elsewhere on the page counts twice.
/// More than this is a new part of the page.
pub const MAX_GAP: usize = 2;

/// Below this share of the run's script, a line is in another language.
const FOREIGN_SHARE: f32 = 0.2;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    /// Indices into the line list: the first and last prose line.
    pub first: usize,
    pub last: usize,
    /// Characters of prose in the run (lines repeated elsewhere count half).
    pub score: f32,
    /// Prose lines in the run.
    pub prose_lines: usize,
    pub script: Script,
    /// The language (index into the stop-word languages) its stop words
    /// point to, when they do.
    pub lang: Option<usize>,
}

/// Does `l` belong to another language than a run written in `script`
/// whose stop words point to `lang`?
/// A line in another script with a name of ours in it ("Вакцина
/// BioNTech/Pfizer") is not foreign; one with (almost) none of our letters
/// is.
fn foreign(l: &Line, script: Script, lang: Option<usize>) -> bool {
    if l.words >= 2 && l.share(script) < FOREIGN_SHARE {
        return true;
    }
    matches!((lang, l.clear_lang()), (Some(a), Some(b)) if a != b)
}

/// All runs of the page, in order.
pub fn segments(lines: &[Line], classes: &[Class], far: &[bool]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut cur: Option<Segment> = None;
    let mut gap = 0usize;
    for (i, l) in lines.iter().enumerate() {
        match classes[i] {
            Class::Good => {
                let weight = if far[i] { 0.5 } else { 1.0 };
                match cur.as_mut() {
                    Some(seg) if gap <= MAX_GAP && !foreign(l, seg.script, seg.lang) => {
                        seg.last = i;
                        seg.score += l.chars as f32 * weight;
                        seg.prose_lines += 1;
                        if seg.lang.is_none() {
                            seg.lang = l.clear_lang();
                        }
                    }
                    _ => {
                        out.extend(cur.take());
                        cur = Some(Segment {
                            first: i,
                            last: i,
                            score: l.chars as f32 * weight,
                            prose_lines: 1,
                            script: l.script,
                            lang: l.clear_lang(),
                        });
                    }
                }
                gap = 0;
            }
            Class::Neutral => {
                gap += if far[i] { 2 } else { 1 };
                let breaks = match &cur {
                    Some(seg) => gap > MAX_GAP || foreign(l, seg.script, seg.lang),
                    None => false,
                };
                if breaks {
                    out.extend(cur.take());
                }
            }
            Class::Bad => out.extend(cur.take()),
        }
    }
    out.extend(cur);
    out
}

/// Short lines that may separate two sections of one article (a name, a
/// photo credit, an account, a subheading), when no furniture is among
/// them.
const SECTION_GAP: usize = 5;
/// What a run needs to count as a section of the article next to it rather
/// than a stray teaser: prose lines and characters.
const SECTION_LINES: usize = 2;
const SECTION_CHARS: f32 = 200.0;

/// Can `absorbed`, one of two neighbouring runs `earlier` and `later`, join
/// the other as a further section of the same article?
fn joinable(earlier: &Segment, later: &Segment, absorbed: &Segment, classes: &[Class]) -> bool {
    let between = &classes[earlier.last + 1..later.first];
    absorbed.prose_lines >= SECTION_LINES
        && absorbed.score >= SECTION_CHARS
        && earlier.script == later.script
        && !matches!((earlier.lang, later.lang), (Some(a), Some(b)) if a != b)
        && between.len() <= SECTION_GAP
        && !between.contains(&Class::Bad)
}

/// The article's run `segments[best]` with the sections next to it that
/// belong to it (an interview split by each speaker's name and photo).
pub fn with_sections(segments: &[Segment], best: usize, classes: &[Class]) -> Segment {
    let mut seg = segments[best];
    let join = |seg: &mut Segment, other: &Segment| {
        seg.first = seg.first.min(other.first);
        seg.last = seg.last.max(other.last);
        seg.score += other.score;
        seg.prose_lines += other.prose_lines;
        seg.lang = seg.lang.or(other.lang);
    };
    for next in &segments[best + 1..] {
        if !joinable(&seg, next, next, classes) {
            break;
        }
        join(&mut seg, next);
    }
    for prev in segments[..best].iter().rev() {
        if !joinable(prev, &seg, prev, classes) {
            break;
        }
        join(&mut seg, prev);
    }
    seg
}

/// How much a run at the very end of the page is worth against the same run
/// at its top: articles come before the teasers and comments that follow.
const END_OF_PAGE_WEIGHT: f32 = 0.5;
/// How much more a run is worth when a full headline opens it.
const TITLED_WEIGHT: f32 = 1.25;

/// The index of the article's run: the most prose, weighted by position on
/// the page and by whether a headline opens it (`titled`); the earliest on
/// a tie.
pub fn best(
    segments: &[Segment],
    total_lines: usize,
    titled: impl Fn(&Segment) -> bool,
) -> Option<usize> {
    let weight = |s: &Segment| {
        let at = s.first as f32 / total_lines.max(1) as f32;
        let title = if titled(s) { TITLED_WEIGHT } else { 1.0 };
        s.score * (1.0 - (1.0 - END_OF_PAGE_WEIGHT) * at) * title
    };
    let mut best: Option<(usize, f32)> = None;
    for (i, s) in segments.iter().enumerate() {
        let w = weight(s);
        if best.is_none_or(|(_, bw)| w > bw) {
            best = Some((i, w));
        }
    }
    best.map(|(i, _)| i)
}
