//! Byte offsets to character (Unicode scalar value) offsets.

/// Maps byte offsets of one text to character offsets in O(log n) per
/// lookup after one O(n) pass, sampling every 64th character.
pub struct CharMap<'a> {
    text: &'a str,
    /// `marks[i]` is the byte offset of character `i * STEP`.
    marks: Vec<usize>,
}

const STEP: usize = 64;

impl<'a> CharMap<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / STEP + 1);
        for (i, (b, _)) in text.char_indices().enumerate() {
            if i % STEP == 0 {
                marks.push(b);
            }
        }
        CharMap { text, marks }
    }

    /// The character offset of byte offset `byte`, which must be a char
    /// boundary or `text.len()`. Offsets past the end clamp to the end.
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        // Last mark at or before `byte`.
        let idx = match self.marks.binary_search(&byte) {
            Ok(i) => return i * STEP,
            Err(0) => return 0,
            Err(i) => i - 1,
        };
        let from = self.marks[idx];
        idx * STEP + self.text[from..byte].chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_cyrillic_and_ascii() {
        let text = "Путин и Оланд: talks. ".repeat(40);
        let map = CharMap::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.to_char(bi), ci);
        }
        assert_eq!(map.to_char(text.len()), text.chars().count());
    }

    #[test]
    fn empty_text() {
        let map = CharMap::new("");
        assert_eq!(map.to_char(0), 0);
        assert_eq!(map.to_char(10), 0);
    }
}
