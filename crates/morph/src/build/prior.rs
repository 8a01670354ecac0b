//! A prior over coarse tags (part of speech and case), used to order the
//! readings of words the corpus statistics do not cover. Learnt from the
//! Russian P(tag | word) table and stored as `data/morph/prior.tsv`.

use crate::tag::{Pos, Tag};
use std::collections::HashMap;

/// Coarse key of a tag: part of speech and case.
pub fn key(tag: Tag) -> (u8, u8) {
    (tag.pos() as u8, tag.case().map_or(0, |c| c as u8))
}

#[derive(Default)]
pub struct Prior(HashMap<(u8, u8), f64>);

impl Prior {
    /// Sums probability mass per coarse tag and normalises to at most 1.
    pub fn learn(observations: impl Iterator<Item = (Tag, f64)>) -> Prior {
        let mut sums: HashMap<(u8, u8), f64> = HashMap::new();
        for (tag, p) in observations {
            *sums.entry(key(tag)).or_default() += p;
        }
        let max = sums
            .values()
            .copied()
            .fold(0.0, f64::max)
            .max(f64::MIN_POSITIVE);
        Prior(sums.into_iter().map(|(k, v)| (k, v / max)).collect())
    }

    /// The weight of the tag's part of speech and case; for a tag without
    /// case, the weight of its part of speech over all cases (Bulgarian
    /// and English nouns have none).
    pub fn score(&self, tag: Tag) -> f64 {
        match tag.case() {
            Some(_) => self.0.get(&key(tag)).copied().unwrap_or(0.0),
            None => self
                .0
                .iter()
                .filter(|((p, _), _)| *p == key(tag).0)
                .map(|(_, w)| w)
                .sum(),
        }
    }

    /// `pos TAB case TAB weight` lines, sorted.
    pub fn to_tsv(&self) -> String {
        let mut rows: Vec<_> = self.0.iter().collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = String::from(
            "# pos id\tcase id\tweight (learnt from ru p_t_given_w; see data/morph/README.md)\n",
        );
        for ((p, c), w) in rows {
            out.push_str(&format!("{p}\t{c}\t{w:.6}\n"));
        }
        out
    }

    /// Reads `to_tsv`'s lines; the part of speech may also be named
    /// (`Noun`), as in a hand-written prior.
    pub fn from_tsv(text: &str) -> Prior {
        let rows = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut c = l.split('\t');
                let pos = c.next()?;
                let pos = pos
                    .parse()
                    .ok()
                    .or_else(|| Pos::from_name(pos).map(|p| p as u8))?;
                Some(((pos, c.next()?.parse().ok()?), c.next()?.parse().ok()?))
            });
        Prior(rows.collect())
    }
}
