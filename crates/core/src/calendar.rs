//! Proleptic Gregorian calendar arithmetic on day counts since
//! 1970-01-01: enough for resolving "вчера" against a document's date and
//! for stamping records, without a date library.

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// (year, month, day) of a real calendar day written exactly `YYYY-MM-DD`.
pub fn parse_day(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    let y: i32 = s[..4].parse().ok()?;
    let m: u32 = s[5..7].parse().ok()?;
    let d: u32 = s[8..].parse().ok()?;
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let mut days = 0i64;
    // Whole years from 1970, then whole months, then days: plain and
    // obviously right; documents are within a few decades of 1970.
    if y >= 1970 {
        for yy in 1970..y {
            days += if is_leap(yy) { 366 } else { 365 };
        }
    } else {
        for yy in y..1970 {
            days -= if is_leap(yy) { 366 } else { 365 };
        }
    }
    for mm in 1..m {
        days += days_in_month(y, mm) as i64;
    }
    days + d as i64 - 1
}

/// The date `days` after 1970-01-01.
pub fn civil(mut days: i64) -> (i32, u32, u32) {
    let mut y = 1970;
    loop {
        let len = if is_leap(y) { 366 } else { 365 };
        if days < 0 {
            y -= 1;
            days += if is_leap(y) { 366 } else { 365 };
        } else if days >= len {
            days -= len;
            y += 1;
        } else {
            break;
        }
    }
    let mut m = 1;
    while days >= days_in_month(y, m) as i64 {
        days -= days_in_month(y, m) as i64;
        m += 1;
    }
    (y, m, days as u32 + 1)
}

/// ISO weekday (1 Monday … 7 Sunday) of a day count; 1970-01-01 was a
/// Thursday.
pub fn iso_weekday(days: i64) -> u32 {
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// The UTC time `secs` seconds after the epoch as RFC 3339
/// (`2026-11-23T02:45:03Z`).
pub fn rfc3339(secs: u64) -> String {
    let (y, m, d) = civil((secs / 86_400) as i64);
    let rest = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_timestamps_read_as_dates() {
        for (y, m, d) in [(1970, 1, 1), (2016, 2, 29), (1999, 12, 31), (2024, 3, 1)] {
            assert_eq!(civil(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(iso_weekday(days_from_civil(2016, 8, 14)), 7);
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_479_081_600 + 3_661), "2016-11-14T01:01:01Z");
    }
}
