//! Whitespace and invisible-character clean-up of text taken from HTML.

/// Characters pages put in text that are not part of it: soft hyphen,
/// zero-width space / joiners, word joiner, byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// Runs of whitespace (including no-break spaces) become one space,
/// invisible characters go, ends are trimmed.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_spaces_and_drops_invisible_characters() {
        assert_eq!(
            collapse_whitespace("  Путин\u{a0}и\n\t Оланд\u{ad}ом \u{200b} "),
            "Путин и Оландом"
        );
        assert_eq!(collapse_whitespace(" \n "), "");
    }
}
