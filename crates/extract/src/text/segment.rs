//! Runs of prose lines that can be one article: prose lines in one script
//! and language, bridged over at most `MAX_GAP` short lines, broken by page
//! furniture or a change of language. The article is the run with the most
//! prose, the earlier and the titled preferred.

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
    pub script: Script,
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
    let mut cur: Option<(Segment, Option<usize>)> = None;
    let mut gap = 0usize;
    for (i, l) in lines.iter().enumerate() {
        match classes[i] {
            Class::Good => {
                let weight = if far[i] { 0.5 } else { 1.0 };
                match cur.as_mut() {
                    Some((seg, lang)) if gap <= MAX_GAP && !foreign(l, seg.script, *lang) => {
                        seg.last = i;
                        seg.score += l.chars as f32 * weight;
                        if lang.is_none() {
                            *lang = l.clear_lang();
                        }
                    }
                    _ => {
                        if let Some((seg, _)) = cur.take() {
                            out.push(seg);
                        }
                        let seg = Segment {
                            first: i,
                            last: i,
                            score: l.chars as f32 * weight,
                            script: l.script,
                        };
                        cur = Some((seg, l.clear_lang()));
                    }
                }
                gap = 0;
            }
            Class::Neutral => {
                gap += if far[i] { 2 } else { 1 };
                let breaks = match &cur {
                    Some((seg, lang)) => gap > MAX_GAP || foreign(l, seg.script, *lang),
                    None => false,
                };
                if breaks {
                    out.extend(cur.take().map(|(s, _)| s));
                }
            }
            Class::Bad => out.extend(cur.take().map(|(s, _)| s)),
        }
    }
    out.extend(cur.map(|(s, _)| s));
    out
}

/// How much a run at the very end of the page is worth against the same run
/// at its top: articles come before the teasers and comments that follow.
const END_OF_PAGE_WEIGHT: f32 = 0.5;
/// How much more a run is worth when a full headline opens it.
const TITLED_WEIGHT: f32 = 1.25;

/// The article's run: the most prose, weighted by position on the page and
/// by whether a headline opens it (`titled`); the earliest on a tie.
pub fn best(
    segments: &[Segment],
    total_lines: usize,
    titled: impl Fn(&Segment) -> bool,
) -> Option<Segment> {
    let weight = |s: &Segment| {
        let at = s.first as f32 / total_lines.max(1) as f32;
        let title = if titled(s) { TITLED_WEIGHT } else { 1.0 };
        s.score * (1.0 - (1.0 - END_OF_PAGE_WEIGHT) * at) * title
    };
    let mut best: Option<(Segment, f32)> = None;
    for s in segments {
        let w = weight(s);
        if best.is_none_or(|(_, bw)| w > bw) {
            best = Some((*s, w));
        }
    }
    best.map(|(s, _)| s)
}
