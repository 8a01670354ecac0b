//! Ukrainian light stemmer: one inflection ending of nouns, adjectives and
//! present-tense verbs is stripped, keeping a stem of three or more
//! characters with a vowel; a reflexive -ся/-сь marks a verb, which then
//! loses its tense or infinitive ending and thematic vowel instead. The
//! fleeting е of -ець and the і/о, ї/є alternation of the last syllable are
//! levelled (рік/року, Київ/Києва). Rules: `data/nlp/stem/uk.txt`.

use super::rules::{RuleSet, Word};
use std::sync::OnceLock;

const RULES_SRC: &str = include_str!("../../../../data/nlp/stem/uk.txt");

struct Stemmer {
    rules: RuleSet,
    reflexive: usize,
    verb: usize,
    verb_vowel: usize,
    inflection: usize,
    inflection_name: usize,
    tail: usize,
    fleeting: usize,
    alternation: usize,
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| {
        let rules = RuleSet::parse(RULES_SRC).expect("data/nlp/stem/uk.txt");
        Stemmer {
            reflexive: rules.index("reflexive"),
            verb: rules.index("verb"),
            verb_vowel: rules.index("verb_vowel"),
            inflection: rules.index("inflection"),
            inflection_name: rules.index("inflection_name"),
            tail: rules.index("tail"),
            fleeting: rules.index("fleeting"),
            alternation: rules.index("alternation"),
            rules,
        }
    })
}

/// The stem of `norm`; a capitalised word (a name) keeps the plural endings
/// that are more often part of a name (`[inflection_name]`).
pub(super) fn stem(norm: &str, capitalised: bool) -> String {
    let mut word = Word::new(norm);
    let st = stemmer();
    let rules = &st.rules;
    if word.chars < 4 {
        // Too short to have an ending, but рік/дім alternate (року, дому).
        rules.apply_at(st.alternation, &mut word);
        return word.text;
    }
    if rules.apply_at(st.reflexive, &mut word) {
        rules.apply_at(st.verb, &mut word);
        rules.apply_at(st.verb_vowel, &mut word);
    } else if capitalised {
        rules.apply_at(st.inflection_name, &mut word);
    } else {
        rules.apply_at(st.inflection, &mut word);
    }
    rules.apply_at(st.tail, &mut word);
    rules.apply_at(st.fleeting, &mut word);
    rules.apply_at(st.alternation, &mut word);
    word.text
}

#[cfg(test)]
mod tests {
    #[test]
    fn rule_file_has_every_section() {
        // Resolving the sections panics on a missing one.
        super::stemmer();
        assert_eq!(super::stem("санкціями", false), "санкц");
        assert_eq!(super::stem("Карабах", true), "Карабах");
    }
}
