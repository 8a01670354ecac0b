//! Readings for words the dictionary cannot know by their shape: numbers,
//! punctuation, and Latin-script words inside Cyrillic text.

use crate::lemma::Lemma;
use crate::readings::{Reading, Readings};
use crate::tag::{Flag, Pos, Tag};

/// What a word looks like, for the words no dictionary lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Digits, possibly with separators or a suffix (2022, 1,5, 10-летие).
    Number,
    /// No letters and no digits.
    Punct,
    /// Letters, all of them Latin.
    Latin,
    Word,
}

pub fn shape(word: &str) -> Shape {
    let mut letters = 0;
    let mut latin = 0;
    let mut digits = 0;
    for c in word.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if c.is_alphabetic() {
            letters += 1;
            if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
                latin += 1;
            }
        }
    }
    match () {
        _ if digits > 0 && word.starts_with(|c: char| c.is_ascii_digit()) => Shape::Number,
        _ if letters == 0 && digits == 0 => Shape::Punct,
        _ if letters > 0 && latin == letters => Shape::Latin,
        _ => Shape::Word,
    }
}

/// The one reading a shape gives, if it gives one: numbers are numerals,
/// punctuation is punctuation, Latin words in a Cyrillic language are
/// indeclinable nouns with no case claim. The lemma is the word itself.
pub fn shape_reading<'a>(
    word: &'a str,
    shape: Shape,
    cyrillic_language: bool,
    out: &mut Readings<'a>,
) -> bool {
    let pos = match shape {
        Shape::Number => Pos::Numeral,
        Shape::Punct => Pos::Punct,
        Shape::Latin if cyrillic_language => Pos::Noun,
        _ => return false,
    };
    let mut tag = Tag::default().with_pos(pos).with_flag(Flag::Guessed);
    if pos == Pos::Noun {
        tag = tag.with_flag(Flag::Indeclinable);
    }
    out.push(Reading {
        lemma: Lemma::whole(word),
        tag,
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("2022"), Shape::Number);
        assert_eq!(shape("10-летие"), Shape::Number);
        assert_eq!(shape("ryanair"), Shape::Latin);
        assert_eq!(shape("«"), Shape::Punct);
        assert_eq!(shape("москва"), Shape::Word);
        assert_eq!(shape("covid-19"), Shape::Latin);
    }
}
