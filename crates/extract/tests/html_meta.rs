//! Title and publication date from page metadata, in the documented order
//! of trust, on small pages written for the purpose.

use dyad_core::{Article, BlockKind, Decoded, PayloadKind};
use dyad_extract::html::extract_html;

const BODY: &str = "<p>The two foreign ministers met in Vienna on Tuesday to discuss the \
    exchange of prisoners and the reopening of border crossings, officials said.</p>\
    <p>Both sides described the meeting as constructive and agreed to meet again \
    next month in Geneva, according to a joint statement issued after the talks.</p>\
    <p>Observers said the meeting was the first at this level in more than two years \
    and could pave the way for a broader settlement of the conflict.</p>";

fn run(html: &str, date: Option<&str>) -> Article {
    extract_html(Decoded {
        date: date.map(str::to_string),
        ..Decoded::utf8("meta", PayloadKind::Html, html.to_string())
    })
}

fn page(head: &str, article_top: &str) -> String {
    format!(
        "<html><head>{head}</head><body><nav><a href=/>Home</a></nav>\
         <article>{article_top}{BODY}</article></body></html>"
    )
}

const JSON_LD: &str = r#"<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Ministers agree to meet again in Geneva",
 "datePublished":"2021-03-04T09:30:00+01:00"}</script>"#;

const META_TAGS: &str = r#"<meta property="og:title" content="OG: ministers meet">
<meta name="twitter:title" content="Twitter: ministers meet">
<meta property="article:published_time" content="2021-03-05T10:00:00Z">
<meta name="DC.date.issued" content="2021-03-06">"#;

#[test]
fn json_ld_is_trusted_first() {
    let a = run(
        &page(
            &format!("<title>Page title | Site</title>{META_TAGS}{JSON_LD}"),
            "<h1>H1 headline</h1><time datetime=\"2021-03-07\">7 March</time>",
        ),
        Some("2020-01-01"),
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Ministers agree to meet again in Geneva")
    );
    assert_eq!(a.date.as_deref(), Some("2021-03-04"));
}

#[test]
fn meta_tags_come_next() {
    let a = run(
        &page(
            &format!("<title>Page title | Site</title>{META_TAGS}"),
            "<h1>H1 headline</h1><time datetime=\"2021-03-07\">7 March</time>",
        ),
        None,
    );
    assert_eq!(a.title.as_deref(), Some("OG: ministers meet"));
    assert_eq!(a.date.as_deref(), Some("2021-03-05"));

    // Names are matched case-insensitively; twitter:title stands in for
    // og:title, DC.date.issued for article:published_time.
    let a = run(
        &page(
            "<meta name=\"TWITTER:TITLE\" content=\"Twitter: ministers meet\">\
             <meta name=\"dc.date.issued\" content=\"2021/03/06\">",
            "",
        ),
        None,
    );
    assert_eq!(a.title.as_deref(), Some("Twitter: ministers meet"));
    assert_eq!(a.date.as_deref(), Some("2021-03-06"));
}

#[test]
fn itemprop_and_time_elements_give_the_date() {
    let a = run(
        &page(
            "",
            "<span itemprop=\"datePublished\" content=\"2021-03-08T08:00\">8 March</span>",
        ),
        None,
    );
    assert_eq!(a.date.as_deref(), Some("2021-03-08"));
    let a = run(
        &page("", "<time datetime=\"2021-03-07T12:00:00Z\">7 March</time>"),
        None,
    );
    assert_eq!(a.date.as_deref(), Some("2021-03-07"));
}

#[test]
fn the_supplied_date_is_the_last_resort() {
    let a = run(&page("", ""), Some("2020-01-02T03:04:05Z"));
    assert_eq!(a.date.as_deref(), Some("2020-01-02"));
    // A page date that cannot be read does not hide the supplied one.
    let a = run(
        &page("<meta name=\"date\" content=\"last Tuesday\">", ""),
        Some("2020-01-02"),
    );
    assert_eq!(a.date.as_deref(), Some("2020-01-02"));
    let a = run(&page("", ""), None);
    assert_eq!(a.date, None);
}

#[test]
fn h1_of_the_article_then_page_title_without_site_name() {
    let a = run(
        &page(
            "<title>Page title | Site</title>",
            "<h1>Ministers to meet again</h1>",
        ),
        None,
    );
    assert_eq!(a.title.as_deref(), Some("Ministers to meet again"));

    for (title, site, want) in [
        (
            "Ministers meet in Vienna | Daily News",
            "",
            "Ministers meet in Vienna",
        ),
        (
            "Ministers meet in Vienna - Daily News",
            "",
            "Ministers meet in Vienna",
        ),
        (
            "Ministers meet in Vienna — Daily News",
            "",
            "Ministers meet in Vienna",
        ),
        (
            "Daily News | Ministers meet in Vienna",
            "<meta property=\"og:site_name\" content=\"Daily News\">",
            "Ministers meet in Vienna",
        ),
        (
            "Министрите се срещнаха във Виена",
            "",
            "Министрите се срещнаха във Виена",
        ),
    ] {
        let a = run(&page(&format!("<title>{title}</title>{site}"), ""), None);
        assert_eq!(a.title.as_deref(), Some(want), "{title}");
    }
}

#[test]
fn the_text_opens_with_the_title_block_then_body_paragraphs() {
    let a = run(
        &page(JSON_LD, "<h1>Ministers agree to meet again in Geneva</h1>"),
        None,
    );
    let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Title,
            BlockKind::Body,
            BlockKind::Body,
            BlockKind::Body
        ]
    );
    assert!(a
        .text
        .starts_with("Ministers agree to meet again in Geneva\n\nThe two"));
    assert_eq!(a.text.matches("\n\n").count(), 3);
    assert!(a.text_in_record);
    assert!(!a.text.contains("Home"));
}
