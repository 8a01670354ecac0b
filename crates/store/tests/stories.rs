//! Stories on an in-memory store filled as ingest fills it: documents,
//! their events, `attach` for each event, then `refresh`.

use dyad_store::schema;
use dyad_store::stories::{attach, refresh, WINDOW_DAYS};
use rusqlite::{params, Connection};

/// A document: its id, source, publication date (maybe none) and the
/// original it reprints.
struct Doc<'a> {
    doc: &'a str,
    source: &'a str,
    date: Option<&'a str>,
    dup_of: Option<i64>,
}

fn add_doc(conn: &Connection, d: &Doc<'_>) -> i64 {
    let ingested = format!("{}T08:00:00Z", d.date.unwrap_or("2024-06-30"));
    conn.execute(
        "INSERT INTO documents (doc, hash, source, date, text, dup_of, ingested_at)
         VALUES (?1, ?1, ?2, ?3, '', ?4, ?5)",
        params![d.doc, d.source, d.date, d.dup_of, ingested],
    )
    .expect("document");
    conn.last_insert_rowid()
}

/// Adds an event of `kind` (codes space-separated) to document `doc_id`
/// and attaches it; returns its story.
fn add_event(
    conn: &Connection,
    doc_id: i64,
    kind: &str,
    actors: &str,
    recipients: &str,
    date: Option<&str>,
) -> i64 {
    conn.execute(
        "INSERT INTO events (doc_id, type, quad, score, confidence, actors, recipients,
                             actor_ids, recipient_ids, context, date, evidence)
         VALUES (?1, ?2, 1, 4.0, 0.9, ?3, ?4, '', '', '', ?5, 'переговоры')",
        params![doc_id, kind, actors, recipients, date],
    )
    .expect("event");
    let story = attach(conn, conn.last_insert_rowid()).expect("attach");
    refresh(conn, &[story]).expect("refresh");
    story
}

#[derive(Debug, PartialEq)]
struct Story {
    articles: i64,
    sources: i64,
    first_date: Option<String>,
    last_date: Option<String>,
    first_seen: Option<String>,
    last_seen: Option<String>,
}

fn story(conn: &Connection, id: i64) -> Option<Story> {
    conn.query_row(
        "SELECT num_articles, num_sources, first_date, last_date, first_seen, last_seen
         FROM stories WHERE id = ?1",
        [id],
        |r| {
            Ok(Story {
                articles: r.get(0)?,
                sources: r.get(1)?,
                first_date: r.get(2)?,
                last_date: r.get(3)?,
                first_seen: r.get(4)?,
                last_seen: r.get(5)?,
            })
        },
    )
    .ok()
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).expect("count")
}

/// Two articles from two outlets and a reprint of the first by a third
/// outlet, all reporting Russia and Turkey consulting, told three ways.
fn consult_story(conn: &Connection) -> ([i64; 3], i64) {
    let tass = add_doc(
        conn,
        &Doc {
            doc: "tass/1",
            source: "tass.ru",
            date: Some("2024-03-01"),
            dup_of: None,
        },
    );
    let ria = add_doc(
        conn,
        &Doc {
            doc: "ria/1",
            source: "ria.ru",
            date: Some("2024-03-02"),
            dup_of: None,
        },
    );
    let reprint = add_doc(
        conn,
        &Doc {
            doc: "regnum/1",
            source: "regnum.ru",
            date: Some("2024-03-02"),
            dup_of: Some(tass),
        },
    );
    let s1 = add_event(conn, tass, "CONSULT", "RUS TUR", "", None);
    let s2 = add_event(conn, ria, "CONSULT", "TUR", "RUS", Some("2024-03-02"));
    let s3 = add_event(conn, reprint, "CONSULT", "TUR RUS", "", None);
    assert_eq!((s1, s1), (s2, s3));
    ([tass, ria, reprint], s1)
}

#[test]
fn two_articles_and_a_reprint_make_one_story_and_a_month_later_another() {
    let conn = schema::open_in_memory().expect("store");
    let (_, s) = consult_story(&conn);
    assert_eq!(
        story(&conn, s),
        Some(Story {
            articles: 2,
            sources: 3,
            first_date: Some("2024-03-01".into()),
            last_date: Some("2024-03-02".into()),
            first_seen: Some("2024-03-01T08:00:00Z".into()),
            last_seen: Some("2024-03-02T08:00:00Z".into()),
        })
    );
    let (actors, recipients): (String, String) = conn
        .query_row(
            "SELECT actors, recipients FROM stories WHERE id = ?1",
            [s],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("story");
    assert_eq!((actors.as_str(), recipients.as_str()), ("RUS TUR", ""));
    let later = add_doc(
        &conn,
        &Doc {
            doc: "tass/2",
            source: "tass.ru",
            date: Some("2024-04-02"),
            dup_of: None,
        },
    );
    let s4 = add_event(&conn, later, "CONSULT", "RUS TUR", "", None);
    assert_ne!(s4, s);
    assert_eq!(story(&conn, s).map(|s| s.articles), Some(2));
    assert_eq!(
        story(&conn, s4).map(|s| (s.articles, s.sources)),
        Some((1, 1))
    );
}

#[test]
fn different_types_or_sides_never_merge() {
    let conn = schema::open_in_memory().expect("store");
    let doc = add_doc(
        &conn,
        &Doc {
            doc: "a",
            source: "tass.ru",
            date: Some("2024-03-01"),
            dup_of: None,
        },
    );
    let events = [
        ("CONSULT", "RUS TUR", ""),
        ("AGREE", "RUS TUR", ""),
        ("CONSULT", "IRN RUS", ""),
        ("ACCUSE", "RUS", "UKR"),
        ("ACCUSE", "UKR", "RUS"),
        ("ACCUSE", "RUS", "POL UKR"),
    ];
    let mut stories: Vec<i64> = events
        .iter()
        .map(|(t, a, r)| add_event(&conn, doc, t, a, r, None))
        .collect();
    stories.sort_unstable();
    stories.dedup();
    assert_eq!(stories.len(), events.len());
    // The same sides again, in another order, join their stories.
    assert_eq!(
        add_event(&conn, doc, "ACCUSE", "RUS", "UKR POL", None),
        stories[5]
    );
    assert_eq!(
        add_event(&conn, doc, "CONSULT", "TUR", "RUS", None),
        stories[0]
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM stories"),
        events.len() as i64
    );
}

#[test]
fn a_story_spans_at_most_the_window_and_dates_fall_back_to_the_document() {
    let conn = schema::open_in_memory().expect("store");
    let day = |d: u32| format!("2024-03-{d:02}");
    let doc = |name: &str, date: Option<&str>| {
        add_doc(
            &conn,
            &Doc {
                doc: name,
                source: name,
                date,
                dup_of: None,
            },
        )
    };
    let first = add_event(
        &conn,
        doc("a", Some(&day(1))),
        "SANCTION",
        "USA",
        "RUS",
        None,
    );
    // Dated by the event itself, three days later: still the same story.
    let d = day(1 + WINDOW_DAYS as u32);
    assert_eq!(
        add_event(
            &conn,
            doc("b", Some(&day(20))),
            "SANCTION",
            "USA",
            "RUS",
            Some(&d)
        ),
        first
    );
    // One day more is beyond the window from the story's first day.
    let d = day(2 + WINDOW_DAYS as u32);
    let second = add_event(&conn, doc("c", Some(&d)), "SANCTION", "USA", "RUS", None);
    assert_ne!(second, first);
    // No date at all: the day of ingest (here 2024-06-30).
    let undated = add_event(&conn, doc("d", None), "SANCTION", "USA", "RUS", None);
    assert_eq!(
        story(&conn, undated).and_then(|s| s.first_date).as_deref(),
        Some("2024-06-30")
    );
    assert_eq!(
        story(&conn, first).map(|s| (s.first_date, s.last_date)),
        Some((Some(day(1)), Some(day(4))))
    );
}

#[test]
fn refresh_after_deleting_documents_recounts_and_drops_empty_stories() {
    let conn = schema::open_in_memory().expect("store");
    let ([tass, ria, reprint], s) = consult_story(&conn);
    conn.execute("DELETE FROM documents WHERE id = ?1", [ria])
        .expect("delete");
    refresh(&conn, &[s]).expect("refresh");
    let left = story(&conn, s).expect("story");
    assert_eq!((left.articles, left.sources), (1, 2));
    assert_eq!(left.last_date.as_deref(), Some("2024-03-02"));
    // The original goes: its reprint (dup_of now NULL) is the one article.
    conn.execute("DELETE FROM documents WHERE id = ?1", [tass])
        .expect("delete");
    refresh(&conn, &[s]).expect("refresh");
    assert_eq!(
        story(&conn, s).map(|s| (s.articles, s.sources)),
        Some((1, 1))
    );
    conn.execute("DELETE FROM documents WHERE id = ?1", [reprint])
        .expect("delete");
    refresh(&conn, &[s]).expect("refresh");
    assert_eq!(story(&conn, s), None);
    assert_eq!(count(&conn, "SELECT count(*) FROM stories"), 0);
}

#[test]
fn attaching_a_missing_event_is_an_error_not_a_panic() {
    let conn = schema::open_in_memory().expect("store");
    assert!(attach(&conn, 42).is_err());
    refresh(&conn, &[42]).expect("refreshing a missing story does nothing");
}
