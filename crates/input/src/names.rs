//! What a file's name says about how to read it (`data/input/extensions.tsv`).

use std::sync::OnceLock;

/// The kind a file name's extension announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    Text,
    Html,
    Warc,
    Jsonl,
    /// Not a news document (stylesheets, scripts, data files).
    Skip,
}

/// What a file name tells: whether it ends in `.gz`, and the kind of its
/// extension (after the `.gz`), if the table knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameHint {
    pub gz: bool,
    pub kind: Option<NameKind>,
}

const TABLE: &str = include_str!("../../../data/input/extensions.tsv");

fn table() -> &'static [(String, NameKind)] {
    static CELL: OnceLock<Vec<(String, NameKind)>> = OnceLock::new();
    CELL.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (ext, kind) = l.split_once('\t')?;
                let kind = match kind.trim() {
                    "text" => NameKind::Text,
                    "html" => NameKind::Html,
                    "warc" => NameKind::Warc,
                    "jsonl" => NameKind::Jsonl,
                    "skip" => NameKind::Skip,
                    _ => return None,
                };
                Some((ext.trim().to_ascii_lowercase(), kind))
            })
            .collect()
    })
}

/// Classifies a file name such as `page.html.gz` or `crawl.WARC`.
pub(crate) fn hint(file_name: &str) -> NameHint {
    let lower = file_name.to_ascii_lowercase();
    let (gz, stem) = match lower.strip_suffix(".gz") {
        Some(s) => (true, s),
        None => (false, lower.as_str()),
    };
    let kind = stem.rsplit_once('.').and_then(|(base, ext)| {
        if base.is_empty() {
            return None;
        }
        table().iter().find(|(e, _)| e == ext).map(|&(_, k)| k)
    });
    NameHint { gz, kind }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_and_gz() {
        assert_eq!(
            hint("a.html.gz"),
            NameHint {
                gz: true,
                kind: Some(NameKind::Html)
            }
        );
        assert_eq!(hint("CRAWL.WARC.GZ").kind, Some(NameKind::Warc));
        assert_eq!(hint("x.jsonl").kind, Some(NameKind::Jsonl));
        assert_eq!(hint("x.TXT").kind, Some(NameKind::Text));
        assert_eq!(hint("style.css").kind, Some(NameKind::Skip));
        assert_eq!(hint("README").kind, None);
        assert_eq!(hint("data.bin").kind, None);
        assert_eq!(hint(".txt").kind, None);
        assert!(!hint("a.txt").gz);
    }
}
