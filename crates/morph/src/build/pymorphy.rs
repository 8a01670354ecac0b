//! Reads the plain dump of a pymorphy3 dictionary made by
//! `data/morph/scripts/dump_pymorphy.py` into a `Lexicon`.

use super::{entry, Lexicon};
use crate::tag::Tag;
use std::collections::HashMap;
use std::path::Path;

fn read(dir: &Path, name: &str) -> Result<String, String> {
    std::fs::read_to_string(dir.join(name))
        .map_err(|e| format!("{}: {e}", dir.join(name).display()))
}

fn json<T: for<'de> serde::Deserialize<'de>>(dir: &Path, name: &str) -> Result<T, String> {
    serde_json::from_str(&read(dir, name)?).map_err(|e| format!("{name}: {e}"))
}

/// The lexicon and the OpenCorpora tag string of each tag id.
pub fn load(dir: &Path) -> Result<(Lexicon, Vec<String>), String> {
    let gramtab: Vec<String> = json(dir, "gramtab.json")?;
    let paradigms: Vec<[Vec<u16>; 3]> = json(dir, "paradigms.json")?;
    let mut lex = Lexicon {
        tags: gramtab.iter().map(|t| Tag::from_grammemes(t)).collect(),
        suffixes: json(dir, "suffixes.json")?,
        prefixes: json(dir, "prefixes.json")?,
        paradigms: paradigms
            .iter()
            .map(|[s, t, p]| (0..s.len()).map(|i| [s[i], t[i], p[i]]).collect())
            .collect(),
        ..Lexicon::default()
    };
    for line in read(dir, "words.tsv")?.lines() {
        let (form, entries) = line
            .split_once('\t')
            .ok_or_else(|| format!("words.tsv: bad line {line:?}"))?;
        let entries = entries
            .split(' ')
            .map(|pi| {
                let (p, i) = pi.split_once(':')?;
                Some(entry(p.parse().ok()?, i.parse().ok()?))
            })
            .collect::<Option<Vec<u32>>>()
            .ok_or_else(|| format!("words.tsv: bad entries {line:?}"))?;
        lex.words.insert(form.to_string(), entries);
    }
    Ok((lex, gramtab))
}

/// P(tag | word) from `p_t_given_w.tsv` (word → tag string → probability),
/// empty when the dump has none.
pub fn tag_probabilities(dir: &Path) -> Result<HashMap<String, HashMap<String, f64>>, String> {
    let mut out: HashMap<String, HashMap<String, f64>> = HashMap::new();
    let Ok(text) = read(dir, "p_t_given_w.tsv") else {
        return Ok(out);
    };
    for line in text.lines() {
        let mut cols = line.split('\t');
        let (Some(word), Some(tag), Some(p)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(format!("p_t_given_w.tsv: bad line {line:?}"));
        };
        let p: f64 = p
            .parse()
            .map_err(|_| format!("p_t_given_w.tsv: bad number {line:?}"))?;
        *out.entry(word.to_string())
            .or_default()
            .entry(tag.to_string())
            .or_default() += p / 1e6;
    }
    Ok(out)
}
