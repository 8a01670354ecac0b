//! Bulgarian light stemmer after J. Savoy (2007): collective plurals,
//! definite articles, (dyad:) past/aorist verb endings, plurals, final
//! vowels, -ен, the dropped ъ and (dyad:) a final -ат. The rules and
//! thresholds are data: `data/nlp/stem/bg.txt`.

use super::rules::{RuleSet, Word};
use std::sync::OnceLock;

const RULES_SRC: &str = include_str!("../../../../data/nlp/stem/bg.txt");

/// The sections of bg.txt after [collective], in the order they run.
const STEPS: [&str; 8] = [
    "article",
    "verb",
    "plural",
    "final_ya",
    "final_vowel",
    "en",
    "schwa",
    "at",
];

struct Stemmer {
    rules: RuleSet,
    collective: usize,
    steps: [usize; STEPS.len()],
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| {
        let rules = RuleSet::parse(RULES_SRC).expect("data/nlp/stem/bg.txt");
        Stemmer {
            collective: rules.index("collective"),
            steps: STEPS.map(|s| rules.index(s)),
            rules,
        }
    })
}

pub(super) fn stem(norm: &str) -> String {
    let mut word = Word::new(norm);
    if word.chars < 4 {
        return word.text;
    }
    let st = stemmer();
    if st.rules.apply_at(st.collective, &mut word) {
        return word.text;
    }
    for step in st.steps {
        st.rules.apply_at(step, &mut word);
    }
    word.text
}

#[cfg(test)]
mod tests {
    #[test]
    fn rule_file_has_every_step() {
        // Resolving the sections panics on a missing one.
        let st = super::stemmer();
        assert_eq!(st.steps.len(), super::STEPS.len());
        assert_eq!(super::stem("министрите"), "министр");
    }
}
