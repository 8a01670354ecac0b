//! Character classes with fast paths for ASCII and Cyrillic: the standard
//! `char::is_alphabetic` and `to_lowercase` go through Unicode tables for
//! every non-ASCII character, which dominated tokenization time.

/// The basic Cyrillic block, U+0400–U+04FF.
#[inline]
pub fn is_cyrillic_block(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// A letter (Unicode Alphabetic).
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if is_cyrillic_block(c) {
        // The block's only non-letters: ҂ and the combining marks U+0483–U+0489.
        !('\u{0482}'..='\u{0489}').contains(&c)
    } else {
        c.is_alphabetic()
    }
}

/// A digit or other numeric character.
#[inline]
pub fn is_number(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        !is_cyrillic_block(c) && c.is_numeric()
    }
}

#[inline]
pub fn is_alnum(c: char) -> bool {
    is_letter(c) || is_number(c)
}

/// An upper-case letter.
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else if ('\u{0400}'..='\u{042F}').contains(&c) {
        true
    } else if ('\u{0430}'..='\u{045F}').contains(&c) {
        false
    } else {
        c.is_uppercase()
    }
}

/// A lower-case letter.
#[inline]
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else if ('\u{0430}'..='\u{045F}').contains(&c) {
        true
    } else if ('\u{0400}'..='\u{042F}').contains(&c) {
        false
    } else {
        c.is_lowercase()
    }
}

/// Appends the lower case of `c` to `out`.
#[inline]
pub fn push_lower(c: char, out: &mut String) {
    let lower = match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        c if c.is_ascii() => c,
        // А–Я → а–я, Ѐ–Џ → ѐ–џ
        '\u{0410}'..='\u{042F}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{0400}'..='\u{040F}' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        '\u{0430}'..='\u{045F}' => c,
        c => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(lower);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_agree_with_std() {
        let ranges = [
            '\u{0000}'..='\u{04FF}',
            '\u{1E00}'..='\u{1EFF}',
            '\u{2000}'..='\u{206F}',
        ];
        for c in ranges.into_iter().flatten() {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_number(c), c.is_numeric(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
            let mut ours = String::new();
            push_lower(c, &mut ours);
            assert_eq!(ours, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }
}
