//! Headline and publication date from JSON-LD (`<script
//! type="application/ld+json">`), schema.org's Article family.

use serde_json::Value;

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct JsonLdArticle {
    pub headline: Option<String>,
    pub date_published: Option<String>,
}

/// Merge every JSON-LD script of the page, first found wins per field.
/// Objects whose `@type` names an article (…Article, BlogPosting,
/// Report) are preferred over any other object carrying the same fields.
pub fn read_scripts<'a>(scripts: impl IntoIterator<Item = &'a str>) -> JsonLdArticle {
    let mut preferred = JsonLdArticle::default();
    let mut other = JsonLdArticle::default();
    for script in scripts {
        let Some(value) = parse_lenient(script) else {
            continue;
        };
        let mut stack = vec![(&value, 0usize)];
        while let Some((v, depth)) = stack.pop() {
            // Nesting deeper than this is not schema.org metadata.
            if depth > 16 {
                continue;
            }
            match v {
                Value::Array(items) => {
                    stack.extend(items.iter().rev().map(|i| (i, depth + 1)));
                }
                Value::Object(map) => {
                    let target = if is_article_type(map.get("@type")) {
                        &mut preferred
                    } else {
                        &mut other
                    };
                    if target.headline.is_none() {
                        target.headline = string_field(map.get("headline"));
                    }
                    if target.date_published.is_none() {
                        target.date_published = string_field(map.get("datePublished"));
                    }
                    for key in [
                        "@graph",
                        "mainEntity",
                        "mainEntityOfPage",
                        "itemListElement",
                    ] {
                        if let Some(inner) = map.get(key) {
                            stack.push((inner, depth + 1));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    JsonLdArticle {
        headline: preferred.headline.or(other.headline),
        date_published: preferred.date_published.or(other.date_published),
    }
}

/// Parse a script body; pages often leave raw line breaks or tabs inside
/// strings, which strict JSON forbids, so those become spaces on a retry.
fn parse_lenient(script: &str) -> Option<Value> {
    let body = script
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_end_matches(';');
    if body.is_empty() {
        return None;
    }
    serde_json::from_str(body).ok().or_else(|| {
        let cleaned: String = body
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

fn is_article_type(t: Option<&Value>) -> bool {
    let named = |s: &str| {
        let s = s.rsplit('/').next().unwrap_or(s);
        s.ends_with("Article") || s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting"
    };
    match t {
        Some(Value::String(s)) => named(s),
        Some(Value::Array(items)) => items.iter().any(|i| i.as_str().is_some_and(named)),
        _ => false,
    }
}

fn string_field(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.as_str(),
        Value::Array(items) => items.iter().find_map(Value::as_str)?,
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_article_inside_a_graph_before_other_objects() {
        let script = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","headline":"Site front page","datePublished":"2001-01-01"},
            {"@type":["NewsArticle"],"headline":"Talks resume in Minsk",
             "datePublished":"2019-11-19T08:00:00Z"}]}"#;
        let got = read_scripts([script]);
        assert_eq!(got.headline.as_deref(), Some("Talks resume in Minsk"));
        assert_eq!(got.date_published.as_deref(), Some("2019-11-19T08:00:00Z"));
    }

    #[test]
    fn tolerates_raw_newlines_broken_scripts_and_non_article_types() {
        let broken = "{not json";
        let with_newline = "{\"@type\":\"Organization\",\"headline\":\"Line one\nline two\"}";
        let got = read_scripts([broken, with_newline]);
        assert_eq!(got.headline.as_deref(), Some("Line one line two"));
        assert_eq!(got.date_published, None);
        assert_eq!(read_scripts(["", "[]", "42"]), JsonLdArticle::default());
    }
}
