//! Cutting an HTML fragment (the extracted article) into paragraphs: every
//! block-level element and every `<br>` ends one, text inside
//! `<figcaption>` / `<caption>` / `class="…caption…"` is a caption.

use dom_query::{Document, NodeRef};

use super::text::collapse_whitespace;
use dyad_core::BlockKind;

/// One paragraph of extracted text.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub text: String,
    pub kind: BlockKind,
    /// Share of the paragraph's characters inside links (0 to 1).
    pub link_share: f32,
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "button", "select", "option",
    "textarea", "iframe", "object", "embed", "canvas", "audio", "video", "head",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tfoot",
    "tr",
    "ul",
];

enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave { caption: bool },
    LeaveLink,
}

struct Builder {
    buf: String,
    /// Non-space characters of `buf` that were link text.
    link_chars: usize,
    caption_depth: usize,
    link_depth: usize,
    out: Vec<Para>,
}

impl Builder {
    fn flush(&mut self) {
        let text = collapse_whitespace(&self.buf);
        let total = visible_chars(&self.buf);
        let link_share = if total == 0 {
            0.0
        } else {
            (self.link_chars as f32 / total as f32).min(1.0)
        };
        self.buf.clear();
        self.link_chars = 0;
        if !text.is_empty() {
            let kind = if self.caption_depth > 0 {
                BlockKind::Caption
            } else {
                BlockKind::Body
            };
            self.out.push(Para {
                text,
                kind,
                link_share,
            });
        }
    }
}

fn visible_chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// The paragraphs of an HTML fragment, in document order.
pub fn paragraphs(html: &str) -> Vec<Para> {
    let doc = Document::fragment(html);
    let mut b = Builder {
        buf: String::new(),
        link_chars: 0,
        caption_depth: 0,
        link_depth: 0,
        out: Vec::new(),
    };
    // Iterative walk: deeply nested junk must not exhaust the stack.
    let mut stack = vec![Step::Enter(doc.root())];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave { caption } => {
                b.flush();
                if caption {
                    b.caption_depth -= 1;
                }
            }
            Step::LeaveLink => b.link_depth -= 1,
            Step::Enter(node) => {
                if node.is_text() {
                    let text = node.text();
                    b.buf.push_str(&text);
                    if b.link_depth > 0 {
                        b.link_chars += visible_chars(&text);
                    }
                    continue;
                }
                let name = node.node_name();
                let name = name.as_deref().unwrap_or("");
                if SKIPPED.contains(&name) {
                    continue;
                }
                if matches!(name, "br" | "hr") {
                    b.flush();
                    continue;
                }
                if BLOCKS.contains(&name) {
                    b.flush();
                    let caption = matches!(name, "figcaption" | "caption")
                        || node.class().is_some_and(|c| c.contains("caption"));
                    if caption {
                        b.caption_depth += 1;
                    }
                    stack.push(Step::Leave { caption });
                } else if name == "a" {
                    b.link_depth += 1;
                    stack.push(Step::LeaveLink);
                }
                let first = stack.len();
                stack.extend(node.children_it(false).map(Step::Enter));
                stack[first..].reverse();
            }
        }
    }
    b.flush();
    b.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_share_measures_link_text() {
        let got = paragraphs(
            "<p><a href=/a>Share</a> <a href=/b>Tweet</a></p>\
             <p>Text with <a href=/c>a link</a> inside it.</p><p>No links.</p>",
        );
        assert_eq!(got[0].link_share, 1.0);
        assert!(got[1].link_share > 0.2 && got[1].link_share < 0.4);
        assert_eq!(got[2].link_share, 0.0);
    }

    fn texts(html: &str) -> Vec<(String, BlockKind)> {
        paragraphs(html)
            .into_iter()
            .map(|p| (p.text, p.kind))
            .collect()
    }

    #[test]
    fn blocks_and_breaks_end_paragraphs_inline_markup_does_not() {
        let got = texts(
            "<div><p>First <b>bold</b> para&nbsp;graph.</p>Loose text<br>after break\
             <h2>Heading</h2><ul><li>one</li><li>two</li></ul></div>",
        );
        let want: Vec<(String, BlockKind)> = [
            "First bold para graph.",
            "Loose text",
            "after break",
            "Heading",
            "one",
            "two",
        ]
        .iter()
        .map(|s| (s.to_string(), BlockKind::Body))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn captions_are_marked_and_scripts_skipped() {
        let got = texts(
            "<p>Body text.</p><figure><img src=x><figcaption>Photo: \
             Reuters</figcaption></figure><script>var x=1;</script>\
             <div class=\"image-caption\">Another caption</div><p>More.</p>",
        );
        assert_eq!(
            got,
            vec![
                ("Body text.".into(), BlockKind::Body),
                ("Photo: Reuters".into(), BlockKind::Caption),
                ("Another caption".into(), BlockKind::Caption),
                ("More.".into(), BlockKind::Body),
            ]
        );
    }

    #[test]
    fn table_cells_are_paragraphs() {
        let got = texts("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>");
        assert_eq!(
            got.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
    }
}
