//! Stories: the events of different documents that report the same
//! happening (same type, same actor and recipient codes, days within
//! [`WINDOW_DAYS`]) grouped into one, with the number of articles and of
//! distinct sources that report it, as GDELT counts NumArticles and
//! NumSources, but a reprint and its original count as one article.
//!
//! An event's day is its own date, else its document's date, else the day
//! its document was ingested. Symmetric types (CONSULT, AGREE, COOPERATE)
//! are keyed on the unordered set of both sides' codes, so "Russia and
//! Turkey met" and "Russia met Turkey" join the same story.

use dyad_core::EventType;
use rusqlite::{params, Connection, OptionalExtension};

/// A story spans at most this many days: an event joins a story when the
/// story's first and last days both lie within this many days of its own.
pub const WINDOW_DAYS: i64 = 3;

/// The day of event `e` of document `d`, `YYYY-MM-DD` (NULL when no date
/// parses).
const EVENT_DAY: &str = "coalesce(date(e.date), date(d.date), date(d.ingested_at))";

/// What a story is keyed on.
#[derive(Debug, PartialEq, Eq)]
struct StoryKey {
    kind: String,
    actors: String,
    recipients: String,
}

/// An event as [`attach`] needs it.
struct EventRow {
    key: StoryKey,
    quad: i64,
    score: f64,
    day: Option<String>,
}

/// Puts event `event_id` (stored with its document) into its story: the
/// story of the same type and sides whose days all lie within
/// [`WINDOW_DAYS`] of the event's day (the nearest, when several do), else
/// a new story. Sets `events.story_id`, widens the story's date span and
/// returns the story id; the counts are left to [`refresh`].
pub fn attach(conn: &Connection, event_id: i64) -> rusqlite::Result<i64> {
    let event = read_event(conn, event_id)?;
    let story = match find_story(conn, &event.key, event.day.as_deref())? {
        Some(id) => id,
        None => create_story(conn, &event)?,
    };
    if let Some(day) = &event.day {
        conn.prepare_cached(
            "UPDATE stories SET first_date = min(coalesce(first_date, ?2), ?2),
                                last_date = max(coalesce(last_date, ?2), ?2)
             WHERE id = ?1",
        )?
        .execute(params![story, day])?;
    }
    conn.prepare_cached("UPDATE events SET story_id = ?1 WHERE id = ?2")?
        .execute(params![story, event_id])?;
    Ok(story)
}

/// Recounts stories `story_ids` from their events: articles (a reprint and
/// its original once), sources (a document without a source counts as its
/// own), first and last day, first and last time seen (ingested), quad and
/// mean score. Stories left without events are deleted.
pub fn refresh(conn: &Connection, story_ids: &[i64]) -> rusqlite::Result<()> {
    let mut count = conn.prepare_cached("SELECT count(*) FROM events WHERE story_id = ?1")?;
    let mut delete = conn.prepare_cached("DELETE FROM stories WHERE id = ?1")?;
    let mut update = conn.prepare_cached(&format!(
        "UPDATE stories SET (num_articles, num_sources, first_date, last_date,
                             first_seen, last_seen, quad, score) =
           (SELECT count(DISTINCT coalesce(d.dup_of, d.id)),
                   count(DISTINCT coalesce(d.source, '#' || coalesce(d.dup_of, d.id))),
                   min({EVENT_DAY}), max({EVENT_DAY}),
                   min(d.ingested_at), max(d.ingested_at),
                   max(e.quad), avg(e.score)
            FROM events e JOIN documents d ON d.id = e.doc_id
            WHERE e.story_id = ?1)
         WHERE id = ?1"
    ))?;
    for &id in story_ids {
        let events: i64 = count.query_row([id], |r| r.get(0))?;
        if events == 0 {
            delete.execute([id])?;
        } else {
            update.execute([id])?;
        }
    }
    Ok(())
}

fn read_event(conn: &Connection, event_id: i64) -> rusqlite::Result<EventRow> {
    let sql = format!(
        "SELECT e.type, e.actors, e.recipients, e.quad, e.score, {EVENT_DAY}
         FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.id = ?1"
    );
    conn.prepare_cached(&sql)?.query_row([event_id], |r| {
        let kind: String = r.get(0)?;
        let actors: String = r.get(1)?;
        let recipients: String = r.get(2)?;
        Ok(EventRow {
            key: story_key(kind, &actors, &recipients),
            quad: r.get(3)?,
            score: r.get(4)?,
            day: r.get(5)?,
        })
    })
}

/// The key of an event of type `kind` with these sides (space-separated
/// codes): each side's codes sorted and distinct; for a symmetric type
/// both sides together as actors and no recipients.
fn story_key(kind: String, actors: &str, recipients: &str) -> StoryKey {
    let symmetric = EventType::parse(&kind).is_some_and(EventType::is_symmetric);
    let codes = |sides: &[&str]| {
        let mut all: Vec<&str> = sides.iter().flat_map(|s| s.split_whitespace()).collect();
        all.sort_unstable();
        all.dedup();
        all.join(" ")
    };
    if symmetric {
        StoryKey {
            kind,
            actors: codes(&[actors, recipients]),
            recipients: String::new(),
        }
    } else {
        StoryKey {
            kind,
            actors: codes(&[actors]),
            recipients: codes(&[recipients]),
        }
    }
}

/// The story of this key whose days lie within [`WINDOW_DAYS`] of `day`,
/// the one centred nearest to it when several do (a dateless event joins a
/// dateless story).
fn find_story(
    conn: &Connection,
    key: &StoryKey,
    day: Option<&str>,
) -> rusqlite::Result<Option<i64>> {
    // Two statements rather than a test of the parameter in SQL: SQLite
    // re-prepares a statement whose plan depends on a bound value.
    let Some(day) = day else {
        return conn
            .prepare_cached(
                "SELECT id FROM stories
                 WHERE type = ?1 AND actors = ?2 AND recipients = ?3 AND first_date IS NULL
                 ORDER BY id LIMIT 1",
            )?
            .query_row(params![key.kind, key.actors, key.recipients], |r| r.get(0))
            .optional();
    };
    conn.prepare_cached(
        "SELECT id FROM stories
         WHERE type = ?1 AND actors = ?2 AND recipients = ?3
           AND julianday(first_date) >= julianday(?4) - ?5
           AND julianday(last_date) <= julianday(?4) + ?5
         ORDER BY abs(julianday(first_date) + julianday(last_date) - 2 * julianday(?4)), id
         LIMIT 1",
    )?
    .query_row(
        params![key.kind, key.actors, key.recipients, day, WINDOW_DAYS],
        |r| r.get(0),
    )
    .optional()
}

fn create_story(conn: &Connection, event: &EventRow) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO stories (type, actors, recipients, quad, score, first_date, last_date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )?
    .execute(params![
        event.key.kind,
        event.key.actors,
        event.key.recipients,
        event.quad,
        event.score,
        event.day
    ])?;
    Ok(conn.last_insert_rowid())
}
