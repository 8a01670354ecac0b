//! `Lemma`: a dictionary form rebuilt from the analysed word without
//! allocating: a head and a stem borrowed from the word, and an ending
//! borrowed from the built-in data.

use std::fmt;

/// A lemma as up to three concatenated pieces (`head + stem + ending`).
/// Compare it with `==` against a `&str`, print it, or `to_string()` it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Lemma<'a> {
    parts: [&'a str; 3],
}

impl<'a> Lemma<'a> {
    pub fn new(head: &'a str, stem: &'a str, ending: &'a str) -> Lemma<'a> {
        Lemma {
            parts: [head, stem, ending],
        }
    }

    /// A lemma that is a single string.
    pub fn whole(text: &'a str) -> Lemma<'a> {
        Lemma::new(text, "", "")
    }

    /// The pieces, in order.
    pub fn parts(&self) -> [&'a str; 3] {
        self.parts
    }

    pub fn len(&self) -> usize {
        self.parts.iter().map(|p| p.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The lemma's bytes in order, without joining the pieces.
    pub fn bytes(&self) -> impl Iterator<Item = u8> + 'a {
        let [a, b, c] = self.parts;
        a.bytes().chain(b.bytes()).chain(c.bytes())
    }

    pub fn starts_with(&self, prefix: &str) -> bool {
        self.len() >= prefix.len() && self.bytes().zip(prefix.bytes()).all(|(x, y)| x == y)
    }
}

impl PartialEq<str> for Lemma<'_> {
    fn eq(&self, other: &str) -> bool {
        self.len() == other.len() && self.bytes().eq(other.bytes())
    }
}

impl PartialEq<&str> for Lemma<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl PartialEq for Lemma<'_> {
    fn eq(&self, other: &Lemma<'_>) -> bool {
        self.len() == other.len() && self.bytes().eq(other.bytes())
    }
}

impl fmt::Display for Lemma<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.parts.iter().try_for_each(|p| f.write_str(p))
    }
}

#[cfg(test)]
mod tests {
    use super::Lemma;

    #[test]
    fn pieces_compare_as_one_string() {
        let l = Lemma::new("экс-", "президент", "");
        assert_eq!(l, "экс-президент");
        assert_ne!(l, "экс-президента");
        assert!(l.starts_with("экс-пре"));
        assert_eq!(l.to_string(), "экс-президент");
        assert_eq!(Lemma::new("", "стол", "а"), Lemma::whole("стола"));
    }
}
