//! HTML extraction never panics, whatever the page: empty, binary junk,
//! unclosed or absurdly nested tags, pages of several megabytes, pages
//! without body text.

use dyad_core::{Article, Decoded, PayloadKind};
use dyad_extract::html::extract_html;

fn run(html: String) -> Article {
    extract_html(Decoded::utf8("t", PayloadKind::Html, html))
}

/// Blocks lie on char boundaries inside the text, in order, without overlap.
fn assert_well_formed(a: &Article) {
    let mut last = 0;
    for b in &a.blocks {
        assert!(b.span.start >= last && b.span.end <= a.text.len());
        assert!(a.text.is_char_boundary(b.span.start) && a.text.is_char_boundary(b.span.end));
        assert!(!b.span.slice(&a.text).trim().is_empty());
        last = b.span.end;
    }
}

#[test]
fn empty_page_gives_no_blocks() {
    let a = run(String::new());
    assert!(a.blocks.is_empty());
    assert!(a.text.is_empty());
    assert!(a.text_in_record);
}

#[test]
fn binary_junk_does_not_panic() {
    // Deterministic pseudo-random bytes decoded lossily, as a transcoder
    // would hand them over, with some markup characters mixed in.
    let mut x: u32 = 0x9e37_79b9;
    let bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 11) as u8
        })
        .collect();
    let junk = String::from_utf8_lossy(&bytes).into_owned();
    let a = run(junk.clone());
    assert_well_formed(&a);
    let a = run(format!("<html><body><p>{junk}</p><div>{junk}</div>"));
    assert_well_formed(&a);
}

#[test]
fn unclosed_and_stray_tags_still_yield_the_text() {
    let para = "The delegations met in Geneva on Tuesday and agreed to resume \
                the talks on prisoner exchanges next month, officials said. ";
    let html = format!(
        "<html><head><title>Talks | Example</title><body><div><article><p>{p}<p>{p}<b><i>{p}\
         </span></td><p>{p}<div><table><tr><td>{p}",
        p = para.repeat(3)
    );
    let a = run(html);
    assert_well_formed(&a);
    assert!(a.kept_text().contains("prisoner exchanges next month"));
}

#[test]
fn deeply_nested_tags_do_not_overflow_the_stack() {
    let depth = 20_000;
    let para =
        "<p>Ministers said the agreement would take effect next year after ratification.</p>";
    let html = format!(
        "<html><body>{}{}{}</body></html>",
        "<div>".repeat(depth),
        para.repeat(20),
        "</div>".repeat(depth)
    );
    // A thread with a modest stack, as worker threads have.
    let a = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || run(html))
        .unwrap()
        .join()
        .expect("extraction panicked");
    assert_well_formed(&a);
}

#[test]
fn a_five_megabyte_page_is_handled() {
    let mut html = String::from("<html><head><title>Big page</title></head><body>");
    let mut i = 0;
    while html.len() < 5 << 20 {
        html.push_str(&format!(
            "<div class=\"item\"><a href=\"/n/{i}\">Link {i}</a><p>Paragraph {i} of a \
             very long page, with enough words to look like prose to an extractor.</p></div>"
        ));
        i += 1;
    }
    html.push_str("</body></html>");
    let a = run(html);
    assert_well_formed(&a);
    assert!(!a.blocks.is_empty());
}

#[test]
fn a_page_without_body_text_gives_no_blocks() {
    let html = "<html><head><title>Home | Example</title>\
                <meta property=\"og:title\" content=\"Home\"></head><body>\
                <nav><a href=/a>News</a> <a href=/b>Sport</a></nav>\
                <img src=a.jpg><script>var text = 'not text';</script></body></html>";
    let a = run(html.to_string());
    assert!(a.blocks.is_empty(), "{:?}", a.kept_text());
    assert_eq!(a.title.as_deref(), Some("Home"));
}

/// dom_smoothie 0.19 panics on a video player whose attribute (or an
/// object's fallback text) holds non-ASCII text before the video host's
/// name; the page's article must come out all the same.
#[test]
fn embedded_players_with_non_ascii_attributes_keep_the_article() {
    let para = "Делегации встретились в Женеве во вторник и договорились возобновить \
                переговоры об обмене пленными в следующем месяце, сообщили чиновники. ";
    let players = [
        r#"<iframe title="Видео на youtube.com" src="https://www.youtube.com/embed/x"></iframe>"#,
        r#"<embed title="Ролик: www.youtube.com" src="https://www.youtube.com/v/x">"#,
        r#"<object data="Видео//vimeo.com/1"><param name="movie" value="x"></object>"#,
        r#"<object data="x.swf">Смотрите на youtube.com</object>"#,
        r#"<iframe src="https://player.vimeo.com/video/1?название=видео-vimeo.com"></iframe>"#,
    ];
    for player in players {
        let html = format!(
            "<html><head><title>Переговоры</title></head><body><article>\
             <p>{p}</p>{player}<p>{p}</p><p>{p}</p></article></body></html>",
            p = para.repeat(2)
        );
        let a = run(html);
        assert_well_formed(&a);
        assert!(
            a.text.contains("обмене пленными"),
            "{player}: the article was lost: {:?}",
            a.text
        );
    }
}
