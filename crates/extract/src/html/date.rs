//! Normalising the publication dates pages declare to `YYYY-MM-DD`.
//!
//! Metadata dates are machine-written, so only numeric forms are read:
//! ISO 8601 / RFC 3339 (`2019-11-19`, `2019-11-19T08:00:00+02:00`),
//! `YYYY/MM/DD`, `YYYY.MM.DD`, compact `YYYYMMDD` and day-first
//! `DD.MM.YYYY` / `DD/MM/YYYY`. Anything else yields `None`.

/// The `YYYY-MM-DD` form of a declared date, if it is one we can read.
pub fn normalise_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    let groups = digit_groups(s);
    let (y, m, d) = match groups.as_slice() {
        // Compact 20191119 (possibly followed by a time).
        [first, ..] if first.len() == 8 => {
            let (y, rest) = first.split_at(4);
            let (m, d) = rest.split_at(2);
            (y, m, d)
        }
        [y, m, d, ..] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => (*y, *m, *d),
        [d, m, y, ..] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => (*y, *m, *d),
        _ => return None,
    };
    if !starts_with_date_separator(s, &groups) {
        return None;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1900..=2199).contains(&y) || !(1..=12).contains(&m) || !(1..=days_in(y, m)).contains(&d) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The first three runs of ASCII digits of `s`.
fn digit_groups(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .take(3)
        .collect()
}

/// The date must open the string and its parts be joined by one of
/// `-`, `/`, `.` (not, say, "3 of 12 in 2019").
fn starts_with_date_separator(s: &str, groups: &[&str]) -> bool {
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if groups.first().is_some_and(|g| g.len() == 8) {
        return true;
    }
    let sep_after = |g: &str| {
        let start = g.as_ptr() as usize - s.as_ptr() as usize + g.len();
        s[start..].chars().next()
    };
    let first = sep_after(groups[0]);
    let second = sep_after(groups[1]);
    matches!(first, Some('-' | '/' | '.')) && first == second
}

fn days_in(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_numeric_forms_metadata_uses() {
        let n = |s| normalise_date(s);
        assert_eq!(n("2019-11-19"), Some("2019-11-19".into()));
        assert_eq!(n(" 2019-11-19T08:15:00+02:00 "), Some("2019-11-19".into()));
        assert_eq!(n("2019-11-19T08:15:00.000Z"), Some("2019-11-19".into()));
        assert_eq!(n("2019/1/9 10:00"), Some("2019-01-09".into()));
        assert_eq!(n("20191119"), Some("2019-11-19".into()));
        assert_eq!(n("19.11.2019"), Some("2019-11-19".into()));
        assert_eq!(n("05/03/2020"), Some("2020-03-05".into()));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        let n = |s| normalise_date(s);
        assert_eq!(n(""), None);
        assert_eq!(n("yesterday"), None);
        assert_eq!(n("2019-13-01"), None);
        assert_eq!(n("2019-02-30"), None);
        assert_eq!(n("2019-11"), None);
        assert_eq!(n("page 3 of 12 2019"), None);
        assert_eq!(n("2019-11/19"), None);
        assert_eq!(n("0001-01-01"), None);
        assert_eq!(n("2020-02-29"), Some("2020-02-29".into()));
    }
}
