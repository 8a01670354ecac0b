//! A guard against absurdly nested markup. Parsing and scoring a DOM get
//! quadratic in its depth (20,000 nested `<div>`s take half a minute), so
//! before parsing, opening tags beyond `max` levels are dropped, together
//! with their closing tags; the text stays. Real pages nest a few dozen
//! levels deep and pass through untouched (and uncopied).
//!
//! The scan is a rough tokenizer: it skips comments, declarations and the
//! content of raw-text elements (`script`, `style`, …), does not count void
//! elements or self-closing tags, nor elements whose end tag HTML lets a
//! page omit (`p`, `li`, `td`, …), since a parser closes those itself.

use std::borrow::Cow;

/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements a parser closes implicitly (omitted end tags are the norm).
const AUTO_CLOSED: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rp", "rt",
];

/// Elements whose content is not markup.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// `html` with opening tags past `max` nesting levels removed.
pub fn limit_nesting(html: &str, max: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut dropped = 0usize;
    // Byte ranges to cut out, in order.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + off;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"!") || rest.starts_with(b"?") {
            i = find(bytes, start, b">").map_or(bytes.len(), |e| e + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = find(bytes, name_start + name_len, b">").map_or(bytes.len(), |e| e + 1);
        i = end;
        if VOID.contains(&name.as_str()) || AUTO_CLOSED.contains(&name.as_str()) {
            continue;
        }
        if closing {
            if dropped > 0 {
                dropped -= 1;
                cuts.push((start, end));
            } else {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if bytes[..end].ends_with(b"/>") {
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            // Skip to the end tag; the element does not change the depth.
            let close = format!("</{name}");
            i = find_ascii_ci(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if depth >= max {
            dropped += 1;
            cuts.push((start, end));
        } else {
            depth += 1;
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (s, e) in cuts {
        out.push_str(&html[from..s]);
        from = e;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markup_passes_untouched() {
        let html = "<!DOCTYPE html><html><head><script>if (a<b) {x='<div>'}</script>\
                    <!-- <div><div> --></head><body><div><p>one<p>two<br><img src=x>\
                    <ul><li>a<li>b</ul></div></body></html>";
        assert!(matches!(limit_nesting(html, 5), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_limit_are_cut_text_is_kept() {
        let html = format!("{}text{}", "<div>".repeat(10), "</div>".repeat(10));
        let out = limit_nesting(&html, 3);
        assert_eq!(
            out,
            format!("{}text{}", "<div>".repeat(3), "</div>".repeat(3))
        );
        let out = limit_nesting("<b><i><u>x</u>y</i>z</b>", 2);
        assert_eq!(out, "<b><i>xy</i>z</b>");
    }

    #[test]
    fn junk_does_not_panic() {
        for s in [
            "<",
            "</",
            "<a",
            "<!--",
            "<script>",
            "<1>",
            "<é>",
            "a < b > c",
            "</>",
        ] {
            let _ = limit_nesting(s, 1);
        }
    }
}
