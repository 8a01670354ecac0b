//! Dates as comparable day numbers (`yyyymmdd`), from the dictionary's
//! office lines and from documents' dates.

/// A day as `yyyymmdd`; comparisons order days.
pub type Day = u32;

/// The first day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date covers.
pub fn first_day(s: &str) -> Option<Day> {
    let (y, m, d) = parts(s)?;
    Some(y * 10_000 + m.unwrap_or(1) * 100 + d.unwrap_or(1))
}

/// The last day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date covers.
pub fn last_day(s: &str) -> Option<Day> {
    let (y, m, d) = parts(s)?;
    Some(y * 10_000 + m.unwrap_or(12) * 100 + d.unwrap_or(31))
}

/// The day of a document's date: its leading `YYYY-MM-DD` (ISO 8601 with or
/// without a time), `YYYY-MM` or `YYYY`; `None` when it has none.
pub fn document_day(date: &str) -> Option<Day> {
    let date = date.trim();
    let head: String = date
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    let head = head.trim_end_matches('-');
    first_day(head)
}

fn parts(s: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
    let mut it = s.split('-');
    let y = it.next().filter(|y| y.len() == 4)?.parse::<u32>().ok()?;
    let m = match it.next() {
        Some(m) if m.len() == 2 => Some(m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
        Some(_) => return None,
        None => None,
    };
    let d = match it.next() {
        Some(d) if d.len() == 2 && m.is_some() => {
            Some(d.parse::<u32>().ok().filter(|d| (1..=31).contains(d))?)
        }
        Some(_) => return None,
        None => None,
    };
    if it.next().is_some() {
        return None;
    }
    Some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_cover_their_whole_period() {
        assert_eq!(first_day("2012"), Some(20120101));
        assert_eq!(last_day("2012"), Some(20121231));
        assert_eq!(first_day("2012-05"), Some(20120501));
        assert_eq!(last_day("2012-05-07"), Some(20120507));
        assert_eq!(first_day("2012-13"), None);
        assert_eq!(first_day("12-05-2012"), None);
        assert_eq!(first_day(""), None);
    }

    #[test]
    fn document_dates_may_carry_a_time() {
        assert_eq!(document_day("2019-03-05T10:00:00Z"), Some(20190305));
        assert_eq!(document_day(" 2019-03-05 "), Some(20190305));
        assert_eq!(document_day("2019"), Some(20190101));
        assert_eq!(document_day("yesterday"), None);
    }
}
