//! dyad-morph: morphological analysis for Russian, Ukrainian, Bulgarian and
//! English. This crate owns the compact built-in dictionaries
//! (`data/morph/<lang>/lexicon.bin`, built by `data/morph/scripts/build.sh`
//! from OpenCorpora-format pymorphy3 dictionaries, UniMorph and WordNet),
//! the word analyser (dictionary, shape rules, hyphenated compounds, an
//! ending guesser learnt from the dictionary) and a small context step that
//! narrows readings by prepositions and adjective–noun agreement (and, for
//! English, orders them by the previous word).
//!
//! ```
//! use dyad_morph::{analyser, disambiguate, Case, Pos};
//! use dyad_nlp::Lang;
//!
//! let ru = analyser(Lang::Ru).expect("Russian is built in");
//! let r = ru.analyse("обвинил");
//! assert!(r.has_lemma("обвинить") && r.has_pos(Pos::Verb));
//!
//! let words = ["переговоры", "с", "путиным"];
//! let mut readings: Vec<_> = words.iter().map(|w| ru.analyse(w)).collect();
//! disambiguate(Lang::Ru, &words, &mut readings);
//! assert_eq!(readings[2].first().and_then(|r| r.tag.case()), Some(Case::Ins));
//! ```
//!
//! Words are expected in the tokenizer's normal form (`dyad_nlp`: lower
//! case, ё → е, apostrophes as '). Data loads lazily, once per process and
//! language, from bytes compiled into the binary; nothing is read from disk.
//! Pass `capitalised` to `Analyser::analyse_cased` for a capital letter
//! inside a sentence (not for its first word): names are then preferred and
//! unknown words guessed by the endings of names.
//!
//! Cost: a per-thread memo (word → analysis set, at most 50,000 words per
//! language, then emptied) saves the FST walk for repeated words; a word
//! the memo has not seen costs one small allocation for its key. `Readings`
//! keeps up to 8 readings inline. See `data/morph/README.md` for the data,
//! its licences, accuracy on UD treebanks and speed.

mod analyser;
pub mod context;
mod dictionary;
mod format;
mod lemma;
mod readings;
mod shapes;
mod tag;

#[cfg(feature = "build")]
pub mod build;

pub use analyser::Analyser;
pub use dictionary::Dictionary;
pub use lemma::Lemma;
pub use readings::{Reading, Readings};
pub use tag::{Case, CaseSet, Flag, Gender, Number, Pos, Tag, Tense};

use dyad_nlp::Lang;
use std::sync::OnceLock;

macro_rules! language {
    ($lang:expr, $dir:literal) => {{
        static CELL: OnceLock<Option<Analyser>> = OnceLock::new();
        CELL.get_or_init(|| {
            Analyser::new(
                $lang,
                include_bytes!(concat!("../../../data/morph/", $dir, "/lexicon.bin")),
                include_str!(concat!("../../../data/morph/", $dir, "/prepositions.txt")),
                include_str!(concat!("../../../data/morph/", $dir, "/next_word.txt")),
            )
        })
        .as_ref()
    }};
}

/// The analyser of `lang`, loaded on first use; `None` for languages
/// without data (Macedonian, Serbian, Belarusian).
pub fn analyser(lang: Lang) -> Option<&'static Analyser> {
    match lang {
        Lang::Ru => language!(Lang::Ru, "ru"),
        Lang::Uk => language!(Lang::Uk, "uk"),
        Lang::Bg => language!(Lang::Bg, "bg"),
        Lang::En => language!(Lang::En, "en"),
        Lang::Mk | Lang::Sr | Lang::Be => None,
    }
}

/// Narrows the readings of a sentence's words (`words[i]` normalised, its
/// readings in `readings[i]`) by context: parts of speech the previous word
/// makes likely (moved first), cases after prepositions, then
/// adjective–noun agreement. Readings are only reordered or removed, never
/// added (prepositions do take the case they govern), and a word always
/// keeps at least one.
pub fn disambiguate(lang: Lang, words: &[&str], readings: &mut [Readings<'_>]) {
    let Some(a) = analyser(lang) else { return };
    context::apply_next_word(&a.next_word, words, readings);
    context::apply_government(&a.government, words, readings);
    context::apply_agreement(readings);
}
