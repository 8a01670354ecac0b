//! A small suffix-rule engine: the light stemmers' rules live in
//! `data/nlp/stem/<lang>.txt` (grammar in `data/nlp/stem/README.md`); the
//! per-language modules only decide which sections run in which order.

/// One suffix rule of a section.
#[derive(Debug)]
struct Rule {
    /// Literal part of the suffix (without a trailing `?`).
    literal: String,
    /// The suffix ends with `?`: one more character of any kind.
    wildcard: bool,
    /// Characters the suffix covers (the wildcard counts as one).
    chars: usize,
    /// `>N`: the word must be longer than N characters; `None` uses the
    /// section's `min_stem`.
    longer_than: Option<usize>,
    replacement: String,
}

/// A named step: the first matching rule (in file order) applies.
#[derive(Debug)]
pub(crate) struct Section {
    name: String,
    min_stem: usize,
    needs_vowel: bool,
    rules: Vec<Rule>,
}

/// All sections of one language's rule file.
#[derive(Debug)]
pub(crate) struct RuleSet {
    vowels: Vec<char>,
    sections: Vec<Section>,
}

/// A word being stemmed: the text and its length in characters.
pub(crate) struct Word {
    pub text: String,
    pub chars: usize,
}

impl Word {
    pub fn new(text: &str) -> Self {
        Word::from_string(text.to_string())
    }

    pub fn from_string(text: String) -> Self {
        let chars = text.chars().count();
        Word { text, chars }
    }
}

impl RuleSet {
    /// Parses a rule file; errors name the offending line.
    pub fn parse(src: &str) -> Result<RuleSet, String> {
        let mut set = RuleSet {
            vowels: Vec::new(),
            sections: Vec::new(),
        };
        for (no, raw) in src.lines().enumerate() {
            let line = raw.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let err = |what: &str| format!("line {}: {what}: {raw:?}", no + 1);
            if let Some(rest) = line.strip_prefix("@vowels") {
                set.vowels = rest.trim().chars().collect();
            } else if let Some(head) = line.strip_prefix('[') {
                let head = head.strip_suffix(']').ok_or_else(|| err("unclosed ["))?;
                let mut parts = head.split_whitespace();
                let name = parts.next().ok_or_else(|| err("section without name"))?;
                let mut section = Section {
                    name: name.to_string(),
                    min_stem: 1,
                    needs_vowel: false,
                    rules: Vec::new(),
                };
                for opt in parts {
                    if let Some(n) = opt.strip_prefix("min_stem=") {
                        section.min_stem = n.parse().map_err(|_| err("bad min_stem"))?;
                    } else if opt == "vowel" {
                        section.needs_vowel = true;
                    } else {
                        return Err(err("unknown section option"));
                    }
                }
                set.sections.push(section);
            } else {
                let section = set
                    .sections
                    .last_mut()
                    .ok_or_else(|| err("rule before any section"))?;
                let mut cols = line.split('\t');
                let suffix = cols.next().unwrap_or("").trim();
                if suffix.is_empty() {
                    return Err(err("empty suffix"));
                }
                let cond = cols.next().unwrap_or("-").trim();
                let replacement = cols.next().unwrap_or("").trim().to_string();
                let longer_than = match cond {
                    "-" | "" => None,
                    c => Some(
                        c.strip_prefix('>')
                            .and_then(|n| n.parse().ok())
                            .ok_or_else(|| err("condition must be >N or -"))?,
                    ),
                };
                let (literal, wildcard) = match suffix.strip_suffix('?') {
                    Some(lit) => (lit.to_string(), true),
                    None => (suffix.to_string(), false),
                };
                if replacement.contains('?') && !wildcard {
                    return Err(err("? in replacement needs ? in suffix"));
                }
                section.rules.push(Rule {
                    chars: literal.chars().count() + usize::from(wildcard),
                    literal,
                    wildcard,
                    longer_than,
                    replacement,
                });
            }
        }
        Ok(set)
    }

    /// The section called `name`; rule files are embedded at compile time
    /// and their section names are checked by the tests.
    pub fn section(&self, name: &str) -> &Section {
        self.sections
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("stemmer rules lack section [{name}]"))
    }

    /// Whether section `name` lists exactly `suffix` (a literal rule).
    pub fn lists(&self, name: &str, suffix: &str) -> bool {
        self.section(name)
            .rules
            .iter()
            .any(|r| !r.wildcard && r.literal == suffix)
    }

    /// Applies section `name` to `word`; true when a rule applied.
    #[cfg(test)]
    pub fn apply(&self, name: &str, word: &mut Word) -> bool {
        self.section(name).apply(word, &self.vowels)
    }

    /// The index of section `name`, for [`RuleSet::apply_at`]; panics when
    /// the section is missing (rule files are embedded and tested).
    pub fn index(&self, name: &str) -> usize {
        self.sections
            .iter()
            .position(|s| s.name == name)
            .unwrap_or_else(|| panic!("stemmer rules lack section [{name}]"))
    }

    /// Applies the section at `index` to `word`; true when a rule applied.
    pub fn apply_at(&self, index: usize, word: &mut Word) -> bool {
        self.sections[index].apply(word, &self.vowels)
    }
}

/// A letter that is not a vowel of the rule file, nor й, ь, ъ.
fn is_consonant(c: char, vowels: &[char]) -> bool {
    dyad_core::chars::is_letter(c) && !vowels.contains(&c) && !matches!(c, 'й' | 'ь' | 'ъ')
}

impl Section {
    fn apply(&self, word: &mut Word, vowels: &[char]) -> bool {
        let last_byte = word.text.as_bytes().last().copied();
        for rule in &self.rules {
            if rule.chars > word.chars {
                continue;
            }
            // Cheap reject on the last byte before comparing the suffix.
            if !rule.wildcard && rule.literal.as_bytes().last().copied() != last_byte {
                continue;
            }
            // The wildcard, if any, is the last character: a consonant.
            let (body, wild) = if rule.wildcard {
                match word.text.char_indices().next_back() {
                    Some((i, c)) if is_consonant(c, vowels) => (&word.text[..i], Some(c)),
                    _ => continue,
                }
            } else {
                (word.text.as_str(), None)
            };
            if !body.ends_with(rule.literal.as_str()) {
                continue;
            }
            let stem_chars = word.chars - rule.chars;
            let allowed = match rule.longer_than {
                Some(n) => word.chars > n,
                None => stem_chars >= self.min_stem,
            };
            if !allowed {
                continue;
            }
            let cut = body.len() - rule.literal.len();
            if self.needs_vowel && !word.text[..cut].chars().any(|c| vowels.contains(&c)) {
                continue;
            }
            word.text.truncate(cut);
            for c in rule.replacement.chars() {
                match (c, wild) {
                    ('?', Some(w)) => word.text.push(w),
                    _ => word.text.push(c),
                }
            }
            word.chars = stem_chars + rule.replacement.chars().count();
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = "# test\n@vowels\tаеиоуъ\n[a]\nия\t>5\nта\t>4\n[b min_stem=3 vowel]\nове\t-\nи\t-\n[c]\nъ?\t>5\t?\n";

    fn run(section: &str, w: &str) -> String {
        let set = RuleSet::parse(RULES).unwrap();
        let mut word = Word::new(w);
        set.apply(section, &mut word);
        assert_eq!(word.chars, word.text.chars().count());
        word.text
    }

    #[test]
    fn thresholds_are_word_lengths() {
        assert_eq!(run("a", "италия"), "итал");
        assert_eq!(run("a", "русия"), "русия");
        assert_eq!(run("a", "жената"), "жена");
        assert_eq!(run("a", "тата"), "тата");
    }

    #[test]
    fn min_stem_and_vowel() {
        assert_eq!(run("b", "градове"), "град");
        assert_eq!(run("b", "крави"), "крав");
        // "сш" would be left: too short.
        assert_eq!(run("b", "сши"), "сши");
        // "бргв" has no vowel.
        assert_eq!(run("b", "бргвове"), "бргвове");
        assert_eq!(run("b", "бргви"), "бргви");
    }

    #[test]
    fn wildcard_keeps_the_character() {
        assert_eq!(run("c", "министър"), "министр");
        assert_eq!(run("c", "петър"), "петър");
        // The wildcard stands for a consonant only.
        assert_eq!(run("c", "министъа"), "министъа");
    }

    #[test]
    fn bad_files_are_rejected() {
        assert!(RuleSet::parse("и\t>2\n").is_err());
        assert!(RuleSet::parse("[a]\nи\t2\n").is_err());
        assert!(RuleSet::parse("[a]\nи\t>2\t?\n").is_err());
        assert!(RuleSet::parse("[a bogus]\n").is_err());
    }
}
