//! Title and publication date of a page from its metadata, each taken from
//! the most trusted source that has it.
//!
//! Title: JSON-LD `headline`; `og:title` / `twitter:title`; the `<h1>` of
//! the article; `<title>` with a trailing site name removed.
//!
//! Date: JSON-LD `datePublished`; the meta tags `article:published_time`,
//! `og:published_time`, `date`, `pubdate`, `DC.date.issued`, or any
//! element with `itemprop="datePublished"`; a `<time datetime>` inside the
//! article; finally the date supplied with the document.

use std::collections::HashMap;

use dom_query::Document;

use super::date::normalise_date;
use super::jsonld;
use super::text::collapse_whitespace;

/// Metadata found in a page.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// Meta-tag keys that carry the publication date, most trusted first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "date",
    "pubdate",
    "dc.date.issued",
];

/// Read title and date from the page; `fallback_date` is used when the page
/// declares none that can be read.
pub fn read_meta(doc: &Document, fallback_date: Option<&str>) -> PageMeta {
    let scripts: Vec<String> = doc
        .select("script[type='application/ld+json']")
        .iter()
        .map(|s| s.text().to_string())
        .collect();
    let ld = jsonld::read_scripts(scripts.iter().map(String::as_str));
    let tags = meta_tags(doc);

    let title = ld
        .headline
        .as_deref()
        .and_then(clean_title)
        .or_else(|| tag_title(&tags))
        .or_else(|| article_h1(doc))
        .or_else(|| page_title(doc, &tags));

    let date = ld
        .date_published
        .as_deref()
        .and_then(normalise_date)
        .or_else(|| {
            DATE_KEYS
                .iter()
                .find_map(|k| tags.get(*k).and_then(|v| normalise_date(v)))
        })
        .or_else(|| itemprop_date(doc))
        .or_else(|| article_time(doc))
        .or_else(|| fallback_date.and_then(normalise_date))
        .or_else(|| fallback_date.map(str::to_string));

    PageMeta { title, date }
}

/// `<meta>` contents keyed by lower-cased `property`, `name` or `itemprop`;
/// the first tag of each key wins.
fn meta_tags(doc: &Document) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for m in doc.select("meta").iter() {
        let Some(content) = m.attr("content") else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        for key_attr in ["property", "name", "itemprop"] {
            if let Some(key) = m.attr(key_attr) {
                out.entry(key.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.to_string());
            }
        }
    }
    out
}

fn tag_title(tags: &HashMap<String, String>) -> Option<String> {
    ["og:title", "twitter:title"]
        .iter()
        .find_map(|k| tags.get(*k).and_then(|t| clean_title(t)))
}

fn article_h1(doc: &Document) -> Option<String> {
    let h1 = doc.select("article h1, main h1, [itemprop='articleBody'] h1");
    let h1 = if h1.is_empty() {
        // A page with a single <h1> uses it for its article.
        let all = doc.select("h1");
        if all.length() != 1 {
            return None;
        }
        all
    } else {
        h1
    };
    h1.iter().find_map(|h| clean_title(&h.text()))
}

fn page_title(doc: &Document, tags: &HashMap<String, String>) -> Option<String> {
    let raw = doc.select("title").iter().next()?.text();
    let title = clean_title(&raw)?;
    let site = tags.get("og:site_name").map(String::as_str);
    Some(strip_site_name(&title, site))
}

/// Whitespace-collapsed, HTML entities that were escaped twice resolved;
/// `None` if empty.
fn clean_title(raw: &str) -> Option<String> {
    let t = collapse_whitespace(raw);
    let t = if t.contains('&') && t.contains(';') {
        collapse_whitespace(&Document::fragment(t.as_str()).text())
    } else {
        t
    };
    (!t.is_empty()).then_some(t)
}

/// Separators between an article title and the site name in `<title>`.
const SITE_SEPARATORS: &[&str] = &[" | ", " — ", " – ", " - ", " :: ", " · ", " • "];

/// Remove a trailing (or, when it is the known site name, leading) site
/// name from a page title: "Talks resume | Example News" → "Talks resume".
pub fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let site = site.map(|s| s.trim().to_lowercase());
    for sep in SITE_SEPARATORS {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            let tail_is_site = match &site {
                Some(s) => tail.trim().to_lowercase() == *s,
                None => false,
            };
            // Without a known site name, a short tail after a longer head
            // is taken for one.
            let looks_like_site = tail.split_whitespace().count() <= 4
                && head.split_whitespace().count() >= 2
                && tail.chars().count() < head.chars().count();
            if tail_is_site || looks_like_site {
                return head.trim().to_string();
            }
        }
        if let (Some(s), Some(pos)) = (&site, title.find(sep)) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if head.trim().to_lowercase() == *s && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn itemprop_date(doc: &Document) -> Option<String> {
    doc.select("[itemprop='datePublished']")
        .iter()
        .find_map(|e| {
            e.attr("content")
                .or_else(|| e.attr("datetime"))
                .and_then(|v| normalise_date(&v))
                .or_else(|| normalise_date(&e.text()))
        })
}

fn article_time(doc: &Document) -> Option<String> {
    doc.select("article time[datetime], main time[datetime], time[pubdate]")
        .iter()
        .find_map(|t| t.attr("datetime").and_then(|v| normalise_date(&v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_come_off_the_end_of_page_titles() {
        assert_eq!(
            strip_site_name("Talks resume in Minsk | Example News", None),
            "Talks resume in Minsk"
        );
        assert_eq!(
            strip_site_name("Talks resume in Minsk — Example", Some("Example")),
            "Talks resume in Minsk"
        );
        assert_eq!(
            strip_site_name("Example - Talks resume in Minsk", Some("example")),
            "Talks resume in Minsk"
        );
        // A dash inside the headline is not a site separator.
        assert_eq!(
            strip_site_name("Kyiv - Moscow talks resume after three long years", None),
            "Kyiv - Moscow talks resume after three long years"
        );
        assert_eq!(strip_site_name("Headline", None), "Headline");
    }
}
