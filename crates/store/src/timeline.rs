//! A dyad's relation over time: the events between two actors counted per
//! day, week (from its Monday) or month, by quad class (verbal and
//! material cooperation, verbal and material conflict), with their mean
//! score.

use std::collections::BTreeMap;

use dyad_core::calendar::{civil, days_from_civil, iso_weekday, parse_day};
use rusqlite::Connection;
use serde::Serialize;

use crate::query::{for_each_event, EventFilter};

/// The length of a timeline's periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bucket {
    Day,
    Week,
    Month,
}

impl Bucket {
    pub fn parse(s: &str) -> Option<Bucket> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" => Some(Bucket::Day),
            "week" => Some(Bucket::Week),
            "month" => Some(Bucket::Month),
            _ => None,
        }
    }

    /// The first day of the period that holds `day` (`YYYY-MM-DD`, or a
    /// longer timestamp that starts with one); `None` when it is no date.
    pub fn period(self, day: &str) -> Option<String> {
        let (y, m, d) = parse_day(day.get(..10)?)?;
        let (y, m, d) = match self {
            Bucket::Day => (y, m, d),
            Bucket::Month => (y, m, 1),
            Bucket::Week => {
                let days = days_from_civil(y, m, d);
                civil(days - i64::from(iso_weekday(days)) + 1)
            }
        };
        Some(format!("{y:04}-{m:02}-{d:02}"))
    }
}

/// The events of one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    /// Its first day, `YYYY-MM-DD`.
    pub period: String,
    pub events: u64,
    pub q1: u64,
    pub q2: u64,
    pub q3: u64,
    pub q4: u64,
    pub mean_score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub bucket: Bucket,
    /// Selected events without a day (neither their own nor their
    /// document's date).
    pub undated: u64,
    /// Periods with at least one event, in order.
    pub series: Vec<Period>,
}

/// The selected events (the filter's limit and offset are ignored) per
/// period.
pub fn timeline(
    conn: &Connection,
    filter: &EventFilter,
    bucket: Bucket,
) -> Result<Timeline, String> {
    let mut periods: BTreeMap<String, ([u64; 4], u64, f64)> = BTreeMap::new();
    let mut undated = 0;
    for_each_event(conn, &filter.unpaged(), None, |row| {
        let Some(period) = row.date.as_deref().and_then(|d| bucket.period(d)) else {
            undated += 1;
            return Ok(());
        };
        let p = periods.entry(period).or_default();
        if let Some(q) = p.0.get_mut(usize::from(row.quad).wrapping_sub(1)) {
            *q += 1;
        }
        p.1 += 1;
        p.2 += row.score;
        Ok(())
    })?;
    let series = periods
        .into_iter()
        .map(|(period, (q, events, sum))| Period {
            period,
            events,
            q1: q[0],
            q2: q[1],
            q3: q[2],
            q4: q[3],
            mean_score: (sum / events as f64 * 100.0).round() / 100.0,
        })
        .collect();
    Ok(Timeline {
        bucket,
        undated,
        series,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_start_on_their_first_day() {
        // 2015-11-26 was a Thursday.
        assert_eq!(
            Bucket::Week.period("2015-11-26").as_deref(),
            Some("2015-11-23")
        );
        assert_eq!(
            Bucket::Week.period("2015-11-23").as_deref(),
            Some("2015-11-23")
        );
        // A week that starts in the year before.
        assert_eq!(
            Bucket::Week.period("2021-01-01").as_deref(),
            Some("2020-12-28")
        );
        assert_eq!(
            Bucket::Month.period("2024-02-29T10:00:00Z").as_deref(),
            Some("2024-02-01")
        );
        assert_eq!(
            Bucket::Day.period("2024-02-29").as_deref(),
            Some("2024-02-29")
        );
        for bad in ["", "2024-02-30", "2024/02/01", "вчера", "2024-1-1"] {
            assert_eq!(Bucket::Week.period(bad), None, "{bad}");
        }
        assert_eq!(Bucket::parse(" Week "), Some(Bucket::Week));
        assert_eq!(Bucket::parse("year"), None);
    }
}
