//! Builds `lexicon.bin` for one language from its source dump (see
//! `data/morph/scripts/build.sh`, which runs this).
//!
//!   build_data pymorphy DUMP_DIR OUT.bin [--measure-stems] [--prior PRIOR.tsv] [--write-prior PRIOR.tsv] [--extra FORMS.tsv]
//!   build_data forms OUT.bin --prior PRIOR.tsv [--prefixes по-,най-] [--ranked CLOSED.tsv] FORMS.tsv...
//!
//! FORMS.tsv files have `lemma TAB form TAB grammemes` lines. Readings from
//! `--ranked` and `--extra` files (hand-written closed-class lists) come
//! first, in their lines' order. Readings of rare, archaic, slang or
//! dialect words (OpenCorpora Arch, Infr, Slng, Dist, alt) come last.

use dyad_morph::build::forms::FormsBuilder;
use dyad_morph::build::prior::Prior;
use dyad_morph::build::{pymorphy, Lexicon};
use dyad_morph::Tag;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// OpenCorpora grammemes of rare readings, ordered last.
const RARE: &[&str] = &["Arch", "Infr", "Slng", "Dist", "alt", "Erro"];

/// Where no corpus statistics say otherwise, a function-word reading
/// (preposition, conjunction, particle, pronoun) outranks the open-class
/// homographs of the same form (uk "з", "як", "та"; abbreviations like
/// "в" for volt last).
fn function_word(tag: Tag) -> f64 {
    use dyad_morph::{Flag, Pos};
    if tag.has(Flag::Abbreviation) {
        return -1.0;
    }
    match tag.pos() {
        Pos::Preposition | Pos::Conjunction | Pos::Particle | Pos::Pronoun => 1.0,
        _ => 0.0,
    }
}

fn option(args: &mut Vec<String>, name: &str) -> Option<String> {
    let i = args.iter().position(|a| a == name)?;
    args.remove(i);
    (i < args.len()).then(|| args.remove(i))
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn run() -> Result<(), String> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let prior = option(&mut args, "--prior")
        .map(|p| read(&p))
        .transpose()?
        .map(|t| Prior::from_tsv(&t));
    let write_prior = option(&mut args, "--write-prior");
    let prefixes = option(&mut args, "--prefixes").unwrap_or_default();
    let extra = option(&mut args, "--extra");
    let ranked = option(&mut args, "--ranked");
    let measure_stems = args.iter().any(|a| a == "--measure-stems");
    args.retain(|a| a != "--measure-stems");
    let (lex, out) = match args.first().map(String::as_str) {
        Some("pymorphy") if args.len() == 3 => {
            let dir = PathBuf::from(&args[1]);
            let (mut lex, gramtab) = pymorphy::load(&dir)?;
            let rare: Vec<bool> = gramtab
                .iter()
                .map(|t| t.split([',', ' ']).any(|g| RARE.contains(&g)))
                .collect();
            let probs = pymorphy::tag_probabilities(&dir)?;
            let by_tag: HashMap<&str, HashMap<Tag, f64>> = probs
                .iter()
                .map(|(w, tags)| {
                    let mut m: HashMap<Tag, f64> = HashMap::new();
                    for (t, p) in tags {
                        *m.entry(Tag::from_grammemes(t)).or_default() += p;
                    }
                    (w.as_str(), m)
                })
                .collect();
            let prior = match prior {
                Some(p) => p,
                None => Prior::learn(
                    by_tag
                        .values()
                        .flat_map(|m| m.iter().map(|(t, p)| (*t, *p))),
                ),
            };
            if let Some(path) = write_prior {
                std::fs::write(&path, prior.to_tsv()).map_err(|e| format!("{path}: {e}"))?;
            }
            if let Some(path) = extra {
                merge_extra(&mut lex, &read(&path)?, &path)?;
            }
            let ranks = std::mem::take(&mut lex.ranks);
            lex.order_entries(|form, e, tag_id, tag| {
                let observed = by_tag
                    .get(form)
                    .and_then(|m| m.get(&tag))
                    .copied()
                    .unwrap_or(0.0);
                let rarity = if rare.get(tag_id).copied().unwrap_or(false) {
                    -1e-2
                } else {
                    0.0
                };
                ranks.get(&(form.to_string(), e)).copied().unwrap_or(0.0)
                    + observed
                    + 1e-3 * (prior.score(tag) + function_word(tag))
                    + rarity
            });
            (lex, args[2].clone())
        }
        Some("forms") if args.len() >= 3 => {
            let prefixes: Vec<&str> = prefixes.split(',').filter(|p| !p.is_empty()).collect();
            let mut b = FormsBuilder::new(&prefixes);
            for path in &args[2..] {
                b.add_tsv(&read(path)?, path)?;
            }
            if let Some(path) = ranked {
                b.add_ranked_tsv(&read(&path)?, &path)?;
            }
            let mut lex = b.build();
            let prior = prior.ok_or("forms needs --prior")?;
            let ranks = std::mem::take(&mut lex.ranks);
            lex.order_entries(|form, e, _, tag| {
                ranks.get(&(form.to_string(), e)).copied().unwrap_or(0.0) + 1e-3 * prior.score(tag)
            });
            (lex, args[1].clone())
        }
        _ => return Err("usage: see the top of examples/build_data.rs".into()),
    };
    if measure_stems {
        measure_stem_scheme(&lex);
    }
    let bytes = lex.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!(
        "{}: {} forms, {} paradigms, {} tags, {} bytes",
        Path::new(&out).display(),
        lex.words.len(),
        lex.paradigms.len(),
        lex.tags.len(),
        bytes.len()
    );
    Ok(())
}

/// Adds hand-written lexemes (`lemma TAB form TAB grammemes`) to a
/// pymorphy lexicon as one-form paradigms of their own.
fn merge_extra(lex: &mut Lexicon, text: &str, origin: &str) -> Result<(), String> {
    let mut b = FormsBuilder::new(&[]);
    b.add_ranked_tsv(text, origin)?;
    let more = b.build();
    let (tag_base, suffix_base, para_base) =
        (lex.tags.len(), lex.suffixes.len(), lex.paradigms.len());
    lex.tags.extend(more.tags);
    lex.suffixes.extend(more.suffixes);
    for p in more.paradigms {
        lex.paradigms.push(
            p.iter()
                .map(|[s, t, _]| {
                    [
                        (*s as usize + suffix_base) as u16,
                        (*t as usize + tag_base) as u16,
                        0,
                    ]
                })
                .collect(),
        );
    }
    for (form, entries) in more.words {
        let list = lex.words.entry(form.clone()).or_default();
        for e in entries {
            let (p, i) = dyad_morph::build::split_entry(e);
            let moved = dyad_morph::build::entry(p + para_base, i);
            list.push(moved);
            if let Some(&rank) = more.ranks.get(&(form.clone(), e)) {
                lex.ranks.insert((form.clone(), moved), rank);
            }
        }
    }
    Ok(())
}

/// Prints the size the other layout would take: an FST from stems to the
/// set of paradigms each stem takes (a word is then looked up once per
/// possible suffix split), against the whole-form FST used.
fn measure_stem_scheme(lex: &Lexicon) {
    use std::collections::{BTreeMap, BTreeSet};
    let mut stems: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for (form, entries) in &lex.words {
        for &e in entries {
            let (p, _) = dyad_morph::build::split_entry(e);
            let [suffix, _, prefix] = lex.form(e);
            let (pre, suf) = (
                &lex.prefixes[prefix as usize],
                &lex.suffixes[suffix as usize],
            );
            if let Some(stem) = form
                .strip_prefix(pre.as_str())
                .and_then(|f| f.strip_suffix(suf.as_str()))
            {
                stems.entry(stem.to_string()).or_default().insert(p as u32);
            }
        }
    }
    let mut sets: HashMap<Vec<u32>, u64> = HashMap::new();
    let mut set_bytes = 0usize;
    let mut fst = fst::MapBuilder::memory();
    for (stem, paras) in &stems {
        let v: Vec<u32> = paras.iter().copied().collect();
        let n = sets.len() as u64;
        let id = *sets.entry(v.clone()).or_insert_with(|| {
            set_bytes += 4 * v.len() + 4;
            n
        });
        fst.insert(stem, id).expect("sorted stems");
    }
    let fst_bytes = fst.into_inner().expect("fst").len();
    let max_suffix = lex
        .suffixes
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0);
    eprintln!(
        "stem scheme: {} stems, {} paradigm sets; stem FST {fst_bytes} bytes + sets {set_bytes} bytes; up to {} lookups per word",
        stems.len(),
        sets.len(),
        max_suffix + 1
    );
}

fn main() {
    if let Err(e) = run() {
        eprintln!("build_data: {e}");
        std::process::exit(1);
    }
}
