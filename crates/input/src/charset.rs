//! Charsets declared in or beside a document: an HTTP `Content-Type`
//! parameter, an HTML `<meta>` tag, an XML declaration.

use encoding_rs::Encoding;

/// How far into an HTML document `<meta>` declarations are looked for. The
/// HTML standard's prescan stops at 1024 bytes; real pages often declare
/// later, after scripts and styles, so the window is wider.
pub(crate) const META_SCAN: usize = 4096;

/// The `charset` parameter of a `Content-Type` value such as
/// `text/html; charset="windows-1251"`.
pub(crate) fn content_type_charset(value: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|param| {
        let (name, val) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let val = val.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!val.is_empty()).then(|| val.to_string())
    })
}

/// The encoding a label names, as the Encoding Standard maps labels
/// (`cp1251` → windows-1251, `latin1` → windows-1252, …).
pub(crate) fn for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// The charset declared inside the bytes: an XML declaration at the start,
/// else, for HTML, a `<meta charset>` or `<meta http-equiv=Content-Type>`.
pub(crate) fn declared_in(bytes: &[u8], html: bool) -> Option<&'static Encoding> {
    if let Some(enc) = xml_declaration(bytes) {
        return Some(enc);
    }
    if html {
        meta_charset(&bytes[..bytes.len().min(META_SCAN)])
    } else {
        None
    }
}

fn xml_declaration(bytes: &[u8]) -> Option<&'static Encoding> {
    let s = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if !s.starts_with(b"<?xml") {
        return None;
    }
    let end = memchr::memmem::find(&s[..s.len().min(512)], b"?>")?;
    let decl = &s[..end];
    let at = memchr::memmem::find(decl, b"encoding")?;
    let rest = skip_space(&decl[at + 8..]);
    let rest = skip_space(rest.strip_prefix(b"=")?);
    let value = attr_value(rest).0;
    std::str::from_utf8(value).ok().and_then(for_label)
}

/// Finds the first `<meta>` that declares a charset, skipping comments.
/// Labels naming UTF-16 mean UTF-8 here, as the HTML standard says (bytes
/// that reached this point are not UTF-16).
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &head[i..]) {
        let at = i + lt;
        let rest = &head[at..];
        if rest.starts_with(b"<!--") {
            match memchr::memmem::find(&rest[4..], b"-->") {
                Some(e) => {
                    i = at + 4 + e + 3;
                    continue;
                }
                None => return None,
            }
        }
        if rest.len() > 5
            && rest[1..5].eq_ignore_ascii_case(b"meta")
            && (rest[5].is_ascii_whitespace() || rest[5] == b'/')
        {
            let (enc, consumed) = meta_tag(&rest[5..]);
            if let Some(enc) = enc {
                return Some(
                    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        encoding_rs::UTF_8
                    } else {
                        enc
                    },
                );
            }
            i = at + 5 + consumed;
        } else {
            i = at + 1;
        }
    }
    None
}

/// Parses the attributes of one `<meta` tag; returns the charset it
/// declares and how many bytes the attributes took.
fn meta_tag(attrs: &[u8]) -> (Option<&'static Encoding>, usize) {
    let mut pos = 0;
    let mut charset = None;
    let mut http_equiv_ct = false;
    let mut content = None;
    loop {
        let rest = &attrs[pos..];
        let skipped = rest.len() - skip_space_and_slash(rest).len();
        pos += skipped;
        let rest = &attrs[pos..];
        if rest.is_empty() || rest[0] == b'>' {
            break;
        }
        let name_len = rest
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'=' || b == b'>' || b == b'/')
            .unwrap_or(rest.len())
            .max(1);
        let name = &rest[..name_len];
        pos += name_len;
        let after = skip_space(&attrs[pos..]);
        let value: &[u8] = if let Some(v) = after.strip_prefix(b"=") {
            let v = skip_space(v);
            let (value, used) = attr_value(v);
            pos = attrs.len() - v.len() + used;
            value
        } else {
            b""
        };
        if name.eq_ignore_ascii_case(b"charset") {
            charset = std::str::from_utf8(value).ok().and_then(for_label);
        } else if name.eq_ignore_ascii_case(b"http-equiv") {
            http_equiv_ct = value.eq_ignore_ascii_case(b"content-type");
        } else if name.eq_ignore_ascii_case(b"content") {
            content = Some(value);
        }
    }
    if charset.is_some() {
        return (charset, pos);
    }
    let from_content = if http_equiv_ct {
        content.and_then(charset_in_content)
    } else {
        None
    };
    (from_content, pos)
}

/// `text/html; charset=koi8-r` → KOI8-R.
fn charset_in_content(content: &[u8]) -> Option<&'static Encoding> {
    let lower = content.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset")?;
    let rest = skip_space(&content[at + 7..]);
    let rest = skip_space(rest.strip_prefix(b"=")?);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| b.is_ascii_whitespace() || matches!(b, b';' | b'"' | b'\''))
        .unwrap_or(rest.len());
    std::str::from_utf8(&rest[..end]).ok().and_then(for_label)
}

/// A quoted or unquoted attribute value at the start of `s`, and the bytes
/// it took (quotes included).
fn attr_value(s: &[u8]) -> (&[u8], usize) {
    match s.first() {
        Some(&q @ (b'"' | b'\'')) => match memchr::memchr(q, &s[1..]) {
            Some(e) => (&s[1..1 + e], e + 2),
            None => (&s[1..], s.len()),
        },
        _ => {
            let e = s
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'>')
                .unwrap_or(s.len());
            (&s[..e], e)
        }
    }
}

fn skip_space(s: &[u8]) -> &[u8] {
    let n = s
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(s.len());
    &s[n..]
}

fn skip_space_and_slash(s: &[u8]) -> &[u8] {
    let n = s
        .iter()
        .position(|&b| !(b.is_ascii_whitespace() || b == b'/'))
        .unwrap_or(s.len());
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{KOI8_R, UTF_8, WINDOWS_1251};

    #[test]
    fn http_content_type_parameter() {
        assert_eq!(
            content_type_charset("text/html; charset=windows-1251").as_deref(),
            Some("windows-1251")
        );
        assert_eq!(
            content_type_charset("text/html;Charset=\"KOI8-R\"").as_deref(),
            Some("KOI8-R")
        );
        assert_eq!(content_type_charset("text/html"), None);
        assert_eq!(content_type_charset("text/html; charset="), None);
    }

    #[test]
    fn meta_charset_forms() {
        let html5 = b"<!doctype html><html><head><meta charset=\"windows-1251\"><title>";
        assert_eq!(declared_in(html5, true), Some(WINDOWS_1251));
        let html4 =
            b"<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=koi8-r\">";
        assert_eq!(declared_in(html4, true), Some(KOI8_R));
        let unquoted = b"<head><meta name=x content=y><meta charset=cp1251></head>";
        assert_eq!(declared_in(unquoted, true), Some(WINDOWS_1251));
        let commented = b"<head><!-- <meta charset=koi8-r> --><meta charset=utf-8>";
        assert_eq!(declared_in(commented, true), Some(UTF_8));
        let no_equiv = b"<meta content=\"text/html; charset=koi8-r\">";
        assert_eq!(declared_in(no_equiv, true), None);
        let utf16 = b"<meta charset=utf-16>";
        assert_eq!(declared_in(utf16, true), Some(UTF_8));
        assert_eq!(declared_in(b"<meta charset=no-such-charset>", true), None);
        assert_eq!(declared_in(html5, false), None);
    }

    #[test]
    fn meta_after_the_window_is_not_seen() {
        let mut page = b"<html><head><script>".to_vec();
        page.extend(std::iter::repeat_n(b'x', META_SCAN));
        page.extend_from_slice(b"</script><meta charset=koi8-r>");
        assert_eq!(declared_in(&page, true), None);
    }

    #[test]
    fn xml_declaration() {
        let xml = b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss>";
        assert_eq!(declared_in(xml, false), Some(WINDOWS_1251));
        assert_eq!(declared_in(b"<?xml version='1.0'?><a/>", false), None);
    }

    #[test]
    fn truncated_tags_do_not_panic() {
        for s in [
            &b"<meta"[..],
            b"<meta ",
            b"<meta charset",
            b"<meta charset=",
            b"<meta charset=\"",
            b"<meta http-equiv=content-type content=\"text/html; charset",
            b"<!--",
            b"<?xml encoding",
            b"<?xml encoding=?>",
        ] {
            let _ = declared_in(s, true);
        }
    }
}
