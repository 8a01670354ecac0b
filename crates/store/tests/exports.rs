//! Every export read back by a parser of its format: CSV with the `csv`
//! crate, GraphML as XML with `roxmltree`, JSON Lines with serde_json and
//! (with `--features parquet`) Parquet with the parquet crate, on a store
//! filled with plain SQL.

use dyad_store::export::{self, CSV_COLUMNS};
use dyad_store::query::{events, EventFilter, EventRow};
use dyad_store::schema::open_in_memory;
use rusqlite::{params, Connection};

mod common;

use common::{codes, ids, insert_doc, insert_parties};

fn add_doc(conn: &Connection, doc: &str, lang: &str, date: &str, url: &str, text: &str) -> i64 {
    insert_doc(conn, doc, lang, Some(date), url, text.lines().next(), text)
}

fn add_story(
    conn: &Connection,
    kind: &str,
    actors: &str,
    recipients: &str,
    quad: u8,
    articles: i64,
    sources: i64,
) -> i64 {
    conn.execute(
        "INSERT INTO stories (type, actors, recipients, quad, score, first_date, last_date, \
         first_seen, last_seen, num_articles, num_sources) \
         VALUES (?1, ?2, ?3, ?4, 0, NULL, NULL, NULL, NULL, ?5, ?6)",
        params![kind, actors, recipients, quad, articles, sources],
    )
    .unwrap();
    conn.last_insert_rowid()
}

#[allow(clippy::too_many_arguments)]
fn add_event(
    conn: &Connection,
    doc_id: i64,
    story: Option<i64>,
    kind: &str,
    quad: u8,
    score: f64,
    actors: &[(&str, &str)],
    recipients: &[(&str, &str)],
    evidence: &str,
) -> i64 {
    conn.execute(
        "INSERT INTO events (doc_id, story_id, type, mode, quad, score, confidence, actors, \
         recipients, actor_ids, recipient_ids, context, date, evidence) \
         VALUES (?1, ?2, ?3, NULL, ?4, ?5, 0.9, ?6, ?7, ?8, ?9, 'diplomatic', NULL, ?10)",
        params![
            doc_id,
            story,
            kind,
            quad,
            score,
            codes(actors),
            codes(recipients),
            ids(actors),
            ids(recipients),
            evidence
        ],
    )
    .unwrap();
    let id = conn.last_insert_rowid();
    insert_parties(conn, id, actors, recipients);
    id
}

/// Six events of five articles: a symmetric CONSULT told by two outlets
/// (one story), an EU sanction, a two-actor accusation, an assault and a
/// protest without recipient. Evidence carries commas, quotes and a line
/// break, as real sentences do.
fn store() -> Connection {
    let conn = open_in_memory().unwrap();
    let ria = add_doc(&conn, "ru/ria.txt", "ru", "2022-03-01", "https://ria.ru/20220301/1.html",
        "Путин и Эрдоган провели переговоры\n\nПутин и Эрдоган, как сообщили в Кремле, провели переговоры.");
    let tass = add_doc(&conn, "ru/tass.txt", "ru", "2022-03-01", "https://tass.ru/politika/2",
        "Путин и Эрдоган обсудили Украину\n\nПутин и Эрдоган, как сообщили в Кремле, провели переговоры по телефону.");
    let bta = add_doc(
        &conn,
        "bg/bta.txt",
        "bg",
        "2022-03-02",
        "https://www.bta.bg/bg/news/3?a=1,2",
        "ЕС наложи санкции на Русия\n\nЕС прие т.нар. \"шести пакет\" санкции срещу Русия.",
    );
    let reuters = add_doc(
        &conn,
        "en/reuters.txt",
        "en",
        "2022-03-10",
        "https://www.reuters.com/world/4",
        "US and UK accuse Russia\n\nThe United States and Britain accused Russia,\nofficials said.",
    );
    let ukr = add_doc(
        &conn,
        "uk/ukrinform.txt",
        "uk",
        "2022-03-05",
        "https://www.ukrinform.ua/5",
        "Росія обстріляла Харків\n\nРосійські війська обстріляли Харків. У Києві пройшов мітинг.",
    );
    let consult = add_story(&conn, "CONSULT", "RUS TUR", "", 1, 2, 2);
    let sanction = add_story(&conn, "SANCTION", "EU", "RUS", 3, 1, 1);
    let assault = add_story(&conn, "ASSAULT", "RUS", "UKR", 4, 1, 1);
    let pair = [("RUS", "PUTIN_VLADIMIR"), ("TUR", "ERDOGAN_RECEP")];
    add_event(
        &conn,
        ria,
        Some(consult),
        "CONSULT",
        1,
        1.0,
        &pair,
        &[],
        "Путин и Эрдоган, как сообщили в Кремле, провели переговоры",
    );
    add_event(
        &conn,
        tass,
        Some(consult),
        "CONSULT",
        1,
        1.0,
        &pair,
        &[],
        "Путин и Эрдоган, как сообщили в Кремле, провели переговоры по телефону",
    );
    add_event(
        &conn,
        bta,
        Some(sanction),
        "SANCTION",
        3,
        -4.0,
        &[("EU", "EU")],
        &[("RUS", "RUS")],
        "ЕС прие т.нар. \"шести пакет\" санкции срещу Русия",
    );
    add_event(
        &conn,
        reuters,
        None,
        "ACCUSE",
        3,
        -2.0,
        &[("USA", "USA"), ("GBR", "GBR")],
        &[("RUS", "RUS")],
        "The United States and Britain accused Russia,\nofficials said",
    );
    add_event(
        &conn,
        ukr,
        Some(assault),
        "ASSAULT",
        4,
        -10.0,
        &[("RUS", "RUS_ARMY")],
        &[("UKR", "KHARKIV")],
        "Російські війська обстріляли Харків",
    );
    add_event(
        &conn,
        ukr,
        None,
        "PROTEST",
        4,
        -6.5,
        &[("UKR", "UKR")],
        &[],
        "У Києві пройшов мітинг",
    );
    conn
}

fn all(conn: &Connection) -> Vec<EventRow> {
    events(
        conn,
        &EventFilter {
            limit: Some(1000),
            ..Default::default()
        },
    )
    .unwrap()
}

fn csv_records(bytes: &[u8]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader.records().map(|r| r.unwrap()).collect();
    (header, rows)
}

#[test]
fn csv_parses_back_to_one_row_per_pair_with_the_stored_values() {
    let conn = store();
    let rows = all(&conn);
    let mut out = Vec::new();
    let n = export::csv(&conn, &EventFilter::default(), &mut out).unwrap();
    let (header, records) = csv_records(&out);
    assert_eq!(header, CSV_COLUMNS);
    // Two symmetric CONSULTs, the sanction, two accusers, the assault, the
    // protest alone.
    assert_eq!(n, 7);
    assert_eq!(records.len(), 7);
    let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
    for rec in &records {
        assert_eq!(rec.len(), CSV_COLUMNS.len());
        let id: i64 = rec[col("event_id")].parse().unwrap();
        let ev = rows.iter().find(|r| r.id == id).unwrap();
        assert_eq!(&rec[col("date")], ev.date.as_deref().unwrap());
        assert_eq!(&rec[col("event_code")], ev.kind);
        assert_eq!(rec[col("quad_class")].parse::<u8>().unwrap(), ev.quad);
        assert_eq!(rec[col("score")].parse::<f64>().unwrap(), ev.score);
        assert_eq!(&rec[col("evidence")], ev.evidence);
        assert_eq!(&rec[col("doc")], ev.doc);
        assert_eq!(Some(&rec[col("source_url")]), ev.url.as_deref());
        let a = &rec[col("actor1_code")];
        let a_at = ev.actors.iter().position(|c| c == a).unwrap();
        assert_eq!(&rec[col("actor1_name")], ev.actor_ids[a_at]);
        assert_eq!(
            rec[col("num_articles")].parse::<i64>().ok(),
            ev.num_articles
        );
    }
    let by_code = |code: &str| {
        records
            .iter()
            .find(|r| &r[col("event_code")] == code)
            .unwrap()
    };
    let consult = by_code("CONSULT");
    assert_eq!(
        (
            &consult[col("actor1_code")],
            &consult[col("actor2_code")],
            &consult[col("directed")]
        ),
        ("RUS", "TUR", "0")
    );
    assert_eq!(&consult[col("actor2_name")], "ERDOGAN_RECEP");
    assert_eq!(
        (&consult[col("num_articles")], &consult[col("num_sources")]),
        ("2", "2")
    );
    let sanction = by_code("SANCTION");
    assert_eq!(&sanction[col("actor1_country")], "", "EU is no country");
    assert_eq!(&sanction[col("actor2_country")], "RUS");
    assert_eq!(&sanction[col("directed")], "1");
    assert!(sanction[col("evidence")].contains("\"шести пакет\""));
    assert_eq!(
        &sanction[col("source_url")],
        "https://www.bta.bg/bg/news/3?a=1,2"
    );
    let accusers: Vec<&str> = records
        .iter()
        .filter(|r| &r[col("event_code")] == "ACCUSE")
        .map(|r| &r[col("actor1_code")])
        .collect();
    assert_eq!(accusers, ["USA", "GBR"]);
    let protest = by_code("PROTEST");
    assert_eq!(&protest[col("actor2_code")], "");
    assert_eq!(&protest[col("num_articles")], "", "no story yet");
}

#[test]
fn csv_follows_the_filter_and_is_not_limited_by_default() {
    let conn = store();
    let mut out = Vec::new();
    let f = EventFilter {
        actor: Some("TUR".into()),
        ..Default::default()
    };
    assert_eq!(export::csv(&conn, &f, &mut out).unwrap(), 2);
    let (_, records) = csv_records(&out);
    assert!(records.iter().all(|r| &r[8] == "CONSULT"));
    let doc: i64 = conn
        .query_row("SELECT id FROM documents LIMIT 1", [], |r| r.get(0))
        .unwrap();
    for _ in 0..150 {
        add_event(
            &conn,
            doc,
            None,
            "PROTEST",
            4,
            -6.5,
            &[("UKR", "UKR")],
            &[],
            "мітинг",
        );
    }
    let mut out = Vec::new();
    assert_eq!(
        export::csv(&conn, &EventFilter::default(), &mut out).unwrap(),
        157
    );
    let mut out = Vec::new();
    let f = EventFilter {
        limit: Some(5),
        ..Default::default()
    };
    assert_eq!(export::csv(&conn, &f, &mut out).unwrap(), 5);
    let err = export::csv(
        &conn,
        &EventFilter {
            quad: Some(9),
            ..Default::default()
        },
        &mut Vec::new(),
    );
    assert!(err.unwrap_err().contains('9'));
}

#[test]
fn jsonl_lines_parse_back_to_the_query_rows() {
    let conn = store();
    let rows = all(&conn);
    let mut out = Vec::new();
    let n = export::jsonl(&conn, &EventFilter::default(), &mut out).unwrap();
    assert_eq!(n, rows.len());
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        6,
        "one line per event, line breaks in evidence escaped"
    );
    for (line, row) in lines.iter().zip(&rows) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v, serde_json::to_value(row).unwrap());
        for key in [
            "type",
            "actors",
            "recipients",
            "actor_ids",
            "recipient_ids",
            "context",
            "date",
            "quad",
            "score",
            "confidence",
            "evidence",
            "doc",
            "url",
            "num_articles",
            "num_sources",
        ] {
            assert!(v.get(key).is_some(), "{key} missing in {line}");
        }
    }
    let accuse: serde_json::Value =
        serde_json::from_str(lines.iter().find(|l| l.contains("ACCUSE")).unwrap()).unwrap();
    assert_eq!(accuse["actors"], serde_json::json!(["USA", "GBR"]));
    assert_eq!(
        accuse["evidence"],
        "The United States and Britain accused Russia,\nofficials said"
    );
    assert!(accuse["num_articles"].is_null());
    assert_eq!(accuse["context"], serde_json::json!(["diplomatic"]));
}

fn graph(conn: &Connection, f: &EventFilter) -> (String, (usize, usize)) {
    let mut out = Vec::new();
    let counts = export::graphml(conn, f, &mut out).unwrap();
    (String::from_utf8(out).unwrap(), counts)
}

#[test]
fn graphml_parses_as_xml_with_country_nodes_and_weighted_edges() {
    let conn = store();
    let (xml, (n_nodes, n_edges)) = graph(&conn, &EventFilter::default());
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://graphml.graphdrawing.org/xmlns")
    );
    let keys: Vec<&str> = root
        .children()
        .filter(|n| n.has_tag_name("key"))
        .map(|n| n.attribute("id").unwrap())
        .collect();
    let g = root.children().find(|n| n.has_tag_name("graph")).unwrap();
    assert_eq!(g.attribute("edgedefault"), Some("directed"));
    let data = |n: roxmltree::Node<'_, '_>, key: &str| -> String {
        assert!(keys.contains(&key), "undeclared key {key}");
        n.children()
            .find(|d| d.has_tag_name("data") && d.attribute("key") == Some(key))
            .and_then(|d| d.text())
            .unwrap_or_else(|| panic!("no {key}"))
            .to_string()
    };
    let nodes: Vec<roxmltree::Node<'_, '_>> =
        g.children().filter(|n| n.has_tag_name("node")).collect();
    let ids: Vec<&str> = nodes.iter().map(|n| n.attribute("id").unwrap()).collect();
    assert_eq!(ids, ["EU", "GBR", "RUS", "TUR", "UKR", "USA"]);
    assert_eq!(n_nodes, 6);
    let node = |id: &str| {
        *nodes
            .iter()
            .find(|n| n.attribute("id") == Some(id))
            .unwrap()
    };
    assert_eq!(data(node("EU"), "kind"), "org");
    assert_eq!(data(node("RUS"), "kind"), "country");
    assert_eq!(data(node("RUS"), "events"), "5");
    assert_eq!(data(node("UKR"), "events"), "2");
    let edges: Vec<roxmltree::Node<'_, '_>> =
        g.children().filter(|n| n.has_tag_name("edge")).collect();
    assert_eq!(edges.len(), n_edges);
    let pairs: Vec<(&str, &str)> = edges
        .iter()
        .map(|e| {
            (
                e.attribute("source").unwrap(),
                e.attribute("target").unwrap(),
            )
        })
        .collect();
    // The symmetric CONSULT gives both directions; the protest no edge.
    assert_eq!(
        pairs,
        [
            ("EU", "RUS"),
            ("GBR", "RUS"),
            ("RUS", "TUR"),
            ("RUS", "UKR"),
            ("TUR", "RUS"),
            ("USA", "RUS")
        ]
    );
    for e in &edges {
        assert!(ids.contains(&e.attribute("source").unwrap()));
        assert!(ids.contains(&e.attribute("target").unwrap()));
    }
    let edge = |s: &str, t: &str| {
        *edges
            .iter()
            .find(|e| e.attribute("source") == Some(s) && e.attribute("target") == Some(t))
            .unwrap()
    };
    let consult = edge("TUR", "RUS");
    assert_eq!(data(consult, "weight").parse::<f64>().unwrap(), 2.0);
    assert_eq!(data(consult, "symmetric_events"), "2");
    assert_eq!(data(consult, "directed_events"), "0");
    assert_eq!(data(consult, "q1"), "2");
    assert_eq!(data(consult, "q3"), "0");
    assert_eq!(data(consult, "stories"), "1", "two reprints, one story");
    let sanction = edge("EU", "RUS");
    assert_eq!(data(sanction, "weight").parse::<f64>().unwrap(), 1.0);
    assert_eq!(data(sanction, "q3"), "1");
    assert_eq!(data(sanction, "mean_score").parse::<f64>().unwrap(), -4.0);
    assert_eq!(data(edge("RUS", "UKR"), "q4"), "1");
}

#[test]
fn graphml_follows_the_filter_and_adds_up_scores() {
    let conn = store();
    let doc: i64 = conn
        .query_row("SELECT id FROM documents WHERE lang = 'uk'", [], |r| {
            r.get(0)
        })
        .unwrap();
    add_event(
        &conn,
        doc,
        None,
        "COERCE",
        4,
        -7.0,
        &[("RUS", "RUS")],
        &[("UKR", "UKR")],
        "затримали",
    );
    let f = EventFilter {
        quad: Some(4),
        ..Default::default()
    };
    let (xml, (nodes, edges)) = graph(&conn, &f);
    assert_eq!((nodes, edges), (2, 1));
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let edge = doc.descendants().find(|n| n.has_tag_name("edge")).unwrap();
    let value = |key: &str| {
        edge.children()
            .find(|d| d.attribute("key") == Some(key))
            .and_then(|d| d.text())
            .unwrap()
            .parse::<f64>()
            .unwrap()
    };
    assert_eq!(value("weight"), 2.0);
    assert_eq!(value("mean_score"), -8.5);
    assert_eq!(value("stories"), 2.0, "one story and one event without");
    let (xml, counts) = graph(
        &conn,
        &EventFilter {
            kind: Some("AID".into()),
            ..Default::default()
        },
    );
    assert_eq!(counts, (0, 0));
    assert!(roxmltree::Document::parse(&xml).is_ok());
}

#[cfg(feature = "parquet")]
mod parquet_export {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::{Field, Row};

    fn strings(f: &Field) -> Vec<String> {
        match f {
            Field::ListInternal(list) => list
                .elements()
                .iter()
                .map(|e| match e {
                    Field::Str(s) => s.clone(),
                    other => panic!("not a string: {other:?}"),
                })
                .collect(),
            other => panic!("not a list: {other:?}"),
        }
    }

    fn get<'a>(row: &'a Row, name: &str) -> &'a Field {
        row.get_column_iter()
            .find(|(n, _)| n.as_str() == name)
            .map(|(_, f)| f)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    fn read(path: &std::path::Path) -> (usize, Vec<Row>) {
        let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
        let groups = reader.metadata().num_row_groups();
        let rows = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        (groups, rows)
    }

    #[test]
    fn parquet_reads_back_with_the_parquet_crate() {
        let conn = store();
        let expected = all(&conn);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.parquet");
        let n = export::parquet(&conn, &EventFilter::default(), &path).unwrap();
        assert_eq!(n, 6);
        let (groups, rows) = read(&path);
        assert_eq!(groups, 1);
        assert_eq!(rows.len(), 6);
        for (row, ev) in rows.iter().zip(&expected) {
            assert_eq!(get(row, "id"), &Field::Long(ev.id));
            assert_eq!(get(row, "doc"), &Field::Str(ev.doc.clone()));
            assert_eq!(get(row, "type"), &Field::Str(ev.kind.clone()));
            assert_eq!(get(row, "date"), &Field::Str(ev.date.clone().unwrap()));
            assert_eq!(get(row, "mode"), &Field::Null);
            assert_eq!(get(row, "quad"), &Field::Int(i32::from(ev.quad)));
            assert_eq!(get(row, "score"), &Field::Double(ev.score));
            assert_eq!(strings(get(row, "actors")), ev.actors);
            assert_eq!(strings(get(row, "recipients")), ev.recipients);
            assert_eq!(strings(get(row, "actor_ids")), ev.actor_ids);
            assert_eq!(strings(get(row, "recipient_ids")), ev.recipient_ids);
            assert_eq!(strings(get(row, "context")), ev.context);
            assert_eq!(get(row, "evidence"), &Field::Str(ev.evidence.clone()));
            assert_eq!(get(row, "url"), &Field::Str(ev.url.clone().unwrap()));
            let count = |v: Option<i64>| v.map_or(Field::Null, Field::Long);
            assert_eq!(get(row, "num_articles"), &count(ev.num_articles));
            assert_eq!(get(row, "num_sources"), &count(ev.num_sources));
            assert_eq!(get(row, "story_id"), &count(ev.story_id));
        }
    }

    #[test]
    fn parquet_splits_many_events_into_row_groups() {
        let conn = store();
        conn.execute_batch(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 70000) \
             INSERT INTO events (doc_id, story_id, type, mode, quad, score, confidence, actors, \
             recipients, actor_ids, recipient_ids, context, date, evidence) \
             SELECT doc_id, story_id, type, mode, quad, score, confidence, actors, recipients, \
             actor_ids, recipient_ids, context, date, evidence || ' #' || x \
             FROM events, n WHERE events.type = 'SANCTION'",
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("many.parquet");
        let n = export::parquet(&conn, &EventFilter::default(), &path).unwrap();
        assert_eq!(n, 70_006);
        let (groups, rows) = read(&path);
        assert_eq!(groups, 2);
        assert_eq!(rows.len(), 70_006);
        let last = rows
            .iter()
            .find(|r| matches!(get(r, "evidence"), Field::Str(s) if s.ends_with(" #70000")))
            .unwrap();
        assert_eq!(strings(get(last, "actors")), ["EU"]);
        assert_eq!(strings(get(last, "recipients")), ["RUS"]);
        assert_eq!(strings(get(&rows[70_005], "actors")), ["USA", "GBR"]);
        let ids: std::collections::HashSet<i64> = rows
            .iter()
            .map(|r| match get(r, "id") {
                Field::Long(v) => *v,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(ids.len(), 70_006);
    }

    #[test]
    fn parquet_reports_a_path_it_cannot_write() {
        let conn = store();
        let err = export::parquet(
            &conn,
            &EventFilter::default(),
            std::path::Path::new("/nonexistent/dir/x.parquet"),
        )
        .unwrap_err();
        assert!(err.contains("/nonexistent/dir/x.parquet"), "{err}");
    }
}
