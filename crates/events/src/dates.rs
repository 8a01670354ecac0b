//! The date of an event from its sentence: a day and month ("14 августа",
//! "на 26 ноември", "November 26"), with a year when given, a numeric date
//! (14.08.2016), a weekday ("в воскресенье") or a relative day ("вчера"),
//! resolved against the document's date. Without a year or a document
//! date to anchor it, the date is unknown.

use dyad_nlp::TokenKind;

use dyad_core::calendar::{civil, days_from_civil, days_in_month, iso_weekday};

use crate::lexicon::LangLexicon;
use crate::sentence::SentenceView;

/// A day as `yyyymmdd`, like `dyad_actors::Day`.
pub type Day = u32;

/// A date expression found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expr {
    /// Day, month and, when written, year.
    Calendar {
        day: u32,
        month: u32,
        year: Option<i32>,
    },
    /// ISO weekday, 1 Monday … 7 Sunday.
    Weekday(u32),
    /// Days from the document's date.
    Relative(i32),
}

/// Every date expression of the sentence with its token position.
pub(crate) fn find(lex: &LangLexicon, view: &SentenceView<'_>) -> Vec<(usize, Expr)> {
    let n = view.tokens.len();
    let number = |i: usize| -> Option<u32> {
        let t = view.tokens.get(i)?;
        (t.kind == TokenKind::Number
            && t.norm.len() <= 4
            && t.norm.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.norm.parse().ok())
        .flatten()
    };
    let year_at = |i: usize| {
        number(i)
            .filter(|y| (1900..=2100).contains(y))
            .map(|y| y as i32)
    };
    let first = |index: &crate::words::WordIndex<i32>, i: usize| -> Option<i32> {
        let mut v = None;
        index.for_each(&view.forms[i], |&x| {
            v.get_or_insert(x);
        });
        v
    };
    let mut out = Vec::new();
    for i in 0..n {
        if let Some(day) = number(i).filter(|d| (1..=31).contains(d)) {
            if i + 1 < n {
                if let Some(month) = first(&lex.months, i + 1) {
                    out.push((
                        i,
                        Expr::Calendar {
                            day,
                            month: month as u32,
                            year: year_at(i + 2),
                        },
                    ));
                    continue;
                }
            }
        }
        if let Some(e) = numeric_date(&view.tokens[i].norm) {
            out.push((i, e));
            continue;
        }
        if view.tokens[i].kind != TokenKind::Word {
            continue;
        }
        if let Some(month) = first(&lex.months, i) {
            // "November 26, 2015"; a day number before the month was
            // taken above.
            if let Some(day) = number(i + 1).filter(|d| (1..=31).contains(d)) {
                let year = year_at(i + 2).or_else(|| year_at(i + 3));
                out.push((
                    i,
                    Expr::Calendar {
                        day,
                        month: month as u32,
                        year,
                    },
                ));
            }
        } else if let Some(w) = first(&lex.weekdays, i) {
            out.push((i, Expr::Weekday(w as u32)));
        } else if let Some(r) = first(&lex.relative_days, i) {
            out.push((i, Expr::Relative(r)));
        }
    }
    out
}

/// `dd.mm.yyyy` as one number token.
fn numeric_date(norm: &str) -> Option<Expr> {
    let mut parts = norm.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() > 2 || m.len() != 2 || y.len() != 4 {
        return None;
    }
    let (day, month, year) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    ((1..=31).contains(&day) && (1..=12).contains(&month)).then_some(Expr::Calendar {
        day,
        month,
        year: Some(year),
    })
}

/// The date an expression names, as `YYYY-MM-DD`, given the document's
/// day; `None` when it cannot be known.
pub(crate) fn resolve(expr: Expr, doc: Option<Day>) -> Option<String> {
    let doc = doc.map(|d| ((d / 10_000) as i32, d / 100 % 100, d % 100));
    let (y, m, d) = match expr {
        Expr::Calendar { day, month, year } => {
            let year = match (year, doc) {
                (Some(y), _) => y,
                // A month well after the document's is last year's.
                (None, Some((dy, dm, _))) if month > dm + 1 => dy - 1,
                (None, Some((dy, _, _))) => dy,
                (None, None) => return None,
            };
            (year, month, day)
        }
        Expr::Relative(offset) => {
            let (dy, dm, dd) = doc?;
            civil(days_from_civil(dy, dm, dd) + offset as i64)
        }
        Expr::Weekday(w) => {
            let (dy, dm, dd) = doc?;
            let days = days_from_civil(dy, dm, dd);
            let back = (iso_weekday(days) as i64 - w as i64).rem_euclid(7);
            civil(days - back)
        }
    };
    (d >= 1 && d <= days_in_month(y, m)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_resolve_against_the_document_date() {
        let doc = Some(20160815);
        let cal = |day, month, year| Expr::Calendar { day, month, year };
        assert_eq!(
            resolve(cal(14, 8, None), doc).as_deref(),
            Some("2016-08-14")
        );
        assert_eq!(resolve(cal(14, 8, None), None), None);
        assert_eq!(
            resolve(cal(19, 6, Some(2017)), None).as_deref(),
            Some("2017-06-19")
        );
        // December seen from August is last December.
        assert_eq!(
            resolve(cal(3, 12, None), doc).as_deref(),
            Some("2015-12-03")
        );
        assert_eq!(resolve(cal(31, 2, Some(2016)), None), None);
        assert_eq!(
            resolve(Expr::Relative(-1), Some(20160301)).as_deref(),
            Some("2016-02-29")
        );
        assert_eq!(
            resolve(Expr::Weekday(7), doc).as_deref(),
            Some("2016-08-14")
        );
        assert_eq!(
            resolve(Expr::Weekday(1), doc).as_deref(),
            Some("2016-08-15")
        );
        assert_eq!(resolve(Expr::Weekday(1), None), None);
        assert_eq!(numeric_date("14.08.2016"), Some(cal(14, 8, Some(2016))));
        assert_eq!(numeric_date("3.14"), None);
    }
}
