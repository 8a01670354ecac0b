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

/// How deep a page may nest its elements, as the sum of every element's
/// depth per byte of markup. The main-content extractor walks every
/// container's subtree, so its cost grows with that sum: a page that nests
/// its whole content hundreds of levels deep (tables in tables, thousands
/// of rows under the innermost) costs hundreds of times a flat one of the
/// same size. Real pages stay far below (the 181 pages of the scrapinghub
/// benchmark, counting as the scan does: at most 0.25, median 0.03).
pub const MAX_DEPTH_PER_BYTE: f64 = 1.0;

/// Small pages may nest this much whatever their size (a sum of depths).
const DEPTH_SUM_FLOOR: usize = 100_000;

/// `html` with opening tags past `max` nesting levels removed, and past a
/// lower level when the sum of the elements' depths would pass
/// `MAX_DEPTH_PER_BYTE`.
pub fn limit_nesting(html: &str, max: usize) -> Cow<'_, str> {
    let scan = scan(html, max);
    let budget = ((html.len() as f64 * MAX_DEPTH_PER_BYTE) as usize).max(DEPTH_SUM_FLOOR);
    let cuts = match depth_cap(&scan.depths, budget) {
        Some(cap) if cap < max => self::scan(html, cap).cuts,
        _ => scan.cuts,
    };
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

/// The deepest level at which the sum of the elements' depths stays within
/// `budget`, given how many elements open at each depth (`depths[d]`; the
/// last entry holds every element at or past it); `None` when the page
/// stays within it as it is.
fn depth_cap(depths: &[usize], budget: usize) -> Option<usize> {
    let max = depths.len().saturating_sub(1);
    let total: usize = depths.iter().sum();
    // Raising the cap from c to c + 1 adds one level to every element
    // deeper than c.
    let mut deeper = total;
    let mut cost = 0usize;
    for (c, &at) in depths.iter().enumerate().take(max) {
        deeper -= at;
        if cost + deeper > budget {
            return Some(c);
        }
        cost += deeper;
    }
    None
}

/// The sum of the page's element depths per byte, as the scan counts them
/// (one pass; for measuring pages against `MAX_DEPTH_PER_BYTE`).
pub fn depth_per_byte(html: &str, max: usize) -> f64 {
    let depths = scan(html, max).depths;
    let sum: usize = depths.iter().enumerate().map(|(d, n)| d * n).sum();
    sum as f64 / html.len().max(1) as f64
}

/// What one pass over the markup finds.
struct Scan {
    /// Byte ranges to cut out, in order.
    cuts: Vec<(usize, usize)>,
    /// How many elements open at each depth up to `max`.
    depths: Vec<usize>,
}

/// Finds the opening tags past `max` levels (and their closing tags), and
/// counts the elements opened at each depth.
fn scan(html: &str, max: usize) -> Scan {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut depths = vec![0usize; max.min(MAX_TRACKED_DEPTH) + 1];
    let last = depths.len() - 1;
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
        if !closing {
            depths[depth.min(last)] += 1;
        }
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
    Scan { cuts, depths }
}

/// Depths are counted one by one up to here (the parse limit callers use).
const MAX_TRACKED_DEPTH: usize = 4096;

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
    fn deep_nesting_over_a_large_subtree_is_flattened_to_the_budget() {
        // Tables in tables, 30,000 rows under the innermost: within the
        // level cap, but each of 512 tables would hold every row below.
        let html = format!("<html><body>{}text", "<table><tr><td>".repeat(30_000));
        let out = limit_nesting(&html, 512);
        let tables = out.matches("<table>").count();
        assert!((2..=8).contains(&tables), "{tables} tables kept");
        assert_eq!(out.matches("<tr><td>").count(), 30_000);
        assert!(out.ends_with("text"));
        let sum = depth_per_byte(&out, 512) * out.len() as f64;
        assert!(sum <= html.len() as f64 * MAX_DEPTH_PER_BYTE, "{sum}");
        // The same rows in one flat table pass untouched.
        let flat = format!("<html><body><table>{}</table>", "<tr><td>x".repeat(30_000));
        assert!(matches!(limit_nesting(&flat, 512), Cow::Borrowed(_)));
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
