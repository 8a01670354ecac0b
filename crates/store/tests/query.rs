//! Queries over a store filled with plain SQL: every filter, paging,
//! directed and undirected dyads, the errors; and full-text search over
//! stems of real ru/bg/uk articles from the slavicner corpus.

use dyad_core::Span;
use dyad_nlp::{Lang, TokenKind};
use dyad_store::query::{events, render_table, render_table_with, EventFilter, EventRow};
use dyad_store::schema::open_in_memory;
use dyad_store::search::{match_expr, search};
use rusqlite::{params, Connection};

mod common;

use common::{codes, ids, insert_doc, insert_parties};

/// The stems ingest indexes for a text: `stem(lang, normalize(word))` of
/// every word token, space-joined.
fn stems(text: &str, lang: Lang) -> String {
    let mut tokens = Vec::new();
    dyad_nlp::tokenize(text, Span::new(0, text.len()), Some(lang), &mut tokens);
    tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| dyad_nlp::stem(lang, &dyad_nlp::normalize(t.span.slice(text))))
        .collect::<Vec<_>>()
        .join(" ")
}

struct Doc<'a> {
    doc: &'a str,
    lang: &'a str,
    date: Option<&'a str>,
    url: &'a str,
    title: &'a str,
    text: &'a str,
}

fn add_doc(conn: &Connection, d: &Doc<'_>) -> i64 {
    let id = insert_doc(conn, d.doc, d.lang, d.date, d.url, Some(d.title), d.text);
    let lang = Lang::from_code(d.lang).unwrap();
    conn.execute(
        "INSERT INTO doc_fts (rowid, stems) VALUES (?1, ?2)",
        params![id, stems(d.text, lang)],
    )
    .unwrap();
    id
}

struct Ev<'a> {
    kind: &'a str,
    quad: u8,
    score: f64,
    actors: &'a [(&'a str, &'a str)],
    recipients: &'a [(&'a str, &'a str)],
    date: Option<&'a str>,
    evidence: &'a str,
}

fn add_event(conn: &Connection, doc_id: i64, e: &Ev<'_>) -> i64 {
    conn.execute(
        "INSERT INTO events (doc_id, type, mode, quad, score, confidence, actors, recipients, \
         actor_ids, recipient_ids, context, date, evidence) \
         VALUES (?1, ?2, NULL, ?3, ?4, 0.8, ?5, ?6, ?7, ?8, '', ?9, ?10)",
        params![
            doc_id,
            e.kind,
            e.quad,
            e.score,
            codes(e.actors),
            codes(e.recipients),
            ids(e.actors),
            ids(e.recipients),
            e.date,
            e.evidence
        ],
    )
    .unwrap();
    let id = conn.last_insert_rowid();
    insert_parties(conn, id, e.actors, e.recipients);
    id
}

/// Seven events of six short articles written for these tests.
fn store() -> Connection {
    let conn = open_in_memory().unwrap();
    let d1 = add_doc(
        &conn,
        &Doc {
            doc: "ru/ria_1.txt",
            lang: "ru",
            date: Some("2022-03-01"),
            url: "https://ria.ru/20220301/1.html",
            title: "Путин и Эрдоган провели переговоры",
            text:
                "Путин и Эрдоган провели переговоры\n\nПрезиденты России и Турции Владимир Путин и \
                   Реджеп Тайип Эрдоган провели телефонные переговоры. На переговорах обсуждалась \
                   ситуация на Украине.",
        },
    );
    let d2 = add_doc(
        &conn,
        &Doc {
            doc: "bg/bta_2.txt",
            lang: "bg",
            date: Some("2022-03-02"),
            url: "https://www.bta.bg/bg/news/2",
            title: "ЕС наложи нови санкции на Русия",
            text: "ЕС наложи нови санкции на Русия\n\nЕвропейският съюз одобри нов пакет санкции \
                   срещу Русия. Санкциите засягат банки и износа на технологии.",
        },
    );
    let d3 = add_doc(
        &conn,
        &Doc {
            doc: "uk/ukrinform_3.txt",
            lang: "uk",
            date: Some("2022-03-05"),
            url: "https://www.ukrinform.ua/3",
            title: "Росія і Білорусь обстріляли Харків",
            text: "Російські війська обстріляли Харків з території Білорусі. Внаслідок обстрілів \
                   загинули мирні жителі.",
        },
    );
    let d4 = add_doc(
        &conn,
        &Doc {
            doc: "en/reuters_4.txt",
            lang: "en",
            date: Some("2022-03-10"),
            url: "https://www.reuters.com/world/4",
            title: "US accuses Russia of war crimes",
            text: "The United States accused Russia of war crimes in Ukraine, Secretary of State \
                   Antony Blinken said on Thursday.",
        },
    );
    let d5 = add_doc(
        &conn,
        &Doc {
            doc: "ru/tass_5.txt",
            lang: "ru",
            date: Some("2022-03-15"),
            url: "https://tass.ru/5",
            title: "Министры Сирии прибыли в Москву",
            text: "Министр иностранных дел Сирии прибыл с визитом в Москву, где провёл переговоры \
                   с Сергеем Лавровым. Визит состоялся 20 февраля.",
        },
    );
    let d6 = add_doc(
        &conn,
        &Doc {
            doc: "bg/dnevnik_6.txt",
            lang: "bg",
            date: None,
            url: "https://www.dnevnik.bg/6",
            title: "Германия изпраща помощ на Украйна",
            text: "Германия изпраща хуманитарна помощ на Украйна, съобщи правителството в Берлин.",
        },
    );
    add_event(
        &conn,
        d1,
        &Ev {
            kind: "CONSULT",
            quad: 1,
            score: 1.0,
            actors: &[("RUS", "PUTIN_VLADIMIR"), ("TUR", "ERDOGAN_RECEP")],
            recipients: &[],
            date: None,
            evidence: "Владимир Путин и Реджеп Тайип Эрдоган провели телефонные переговоры",
        },
    );
    add_event(
        &conn,
        d2,
        &Ev {
            kind: "SANCTION",
            quad: 3,
            score: -4.0,
            actors: &[("EU", "EU")],
            recipients: &[("RUS", "RUS")],
            date: None,
            evidence: "Европейският съюз одобри нов пакет санкции срещу Русия",
        },
    );
    add_event(
        &conn,
        d3,
        &Ev {
            kind: "ASSAULT",
            quad: 4,
            score: -10.0,
            actors: &[("RUS", "RUS_ARMY"), ("BLR", "BLR")],
            recipients: &[("UKR", "KHARKIV")],
            date: None,
            evidence: "Російські війська обстріляли Харків з території Білорусі",
        },
    );
    add_event(
        &conn,
        d4,
        &Ev {
            kind: "ACCUSE",
            quad: 3,
            score: -2.0,
            actors: &[("USA", "BLINKEN_ANTONY")],
            recipients: &[("RUS", "RUS")],
            date: None,
            evidence: "The United States accused Russia of war crimes in Ukraine",
        },
    );
    add_event(
        &conn,
        d5,
        &Ev {
            kind: "CONSULT",
            quad: 1,
            score: 1.0,
            actors: &[("SYR", "SYR_MFA")],
            recipients: &[("RUS", "LAVROV_SERGEY")],
            date: Some("2022-02-20"),
            evidence: "Министр иностранных дел Сирии прибыл с визитом в Москву",
        },
    );
    add_event(
        &conn,
        d6,
        &Ev {
            kind: "AID",
            quad: 2,
            score: 7.0,
            actors: &[("DEU", "DEU")],
            recipients: &[("UKR", "UKR")],
            date: None,
            evidence: "Германия изпраща хуманитарна помощ на Украйна",
        },
    );
    add_event(
        &conn,
        d1,
        &Ev {
            kind: "CONSULT",
            quad: 1,
            score: 1.0,
            actors: &[("RUS", "PUTIN_VLADIMIR")],
            recipients: &[("TUR", "ERDOGAN_RECEP")],
            date: Some("2022-03-01"),
            evidence: "Президенты России и Турции провели телефонные переговоры",
        },
    );
    conn
}

fn run(conn: &Connection, f: EventFilter) -> Vec<EventRow> {
    events(conn, &f).unwrap_or_else(|e| panic!("{f:?}: {e}"))
}

fn evidence_of(rows: &[EventRow]) -> Vec<&str> {
    rows.iter().map(|r| r.evidence.as_str()).collect()
}

fn kinds(rows: &[EventRow]) -> Vec<&str> {
    rows.iter().map(|r| r.kind.as_str()).collect()
}

#[test]
fn no_filter_lists_every_event_by_date_then_id_undated_last() {
    let conn = store();
    let rows = run(&conn, EventFilter::default());
    assert_eq!(rows.len(), 7);
    let dates: Vec<Option<&str>> = rows.iter().map(|r| r.date.as_deref()).collect();
    assert_eq!(
        dates,
        [
            Some("2022-02-20"),
            Some("2022-03-01"),
            Some("2022-03-01"),
            Some("2022-03-02"),
            Some("2022-03-05"),
            Some("2022-03-10"),
            None
        ]
    );
    assert!(rows[1].id < rows[2].id);
    // The event's own date wins over its document's (2022-03-15).
    assert_eq!(rows[0].doc, "ru/tass_5.txt");
    assert_eq!(rows[0].recipient_ids, ["LAVROV_SERGEY"]);
    assert_eq!(rows[4].actors, ["RUS", "BLR"]);
    assert_eq!(rows[6].kind, "AID");
    assert_eq!(rows[6].lang.as_deref(), Some("bg"));
}

#[test]
fn actor_by_code_or_dictionary_id_on_either_side() {
    let conn = store();
    let actor = |a: &str| {
        run(
            &conn,
            EventFilter {
                actor: Some(a.into()),
                ..Default::default()
            },
        )
    };
    let rus = actor("RUS");
    assert_eq!(rus.len(), 6, "{:?}", evidence_of(&rus));
    assert!(rus.iter().all(
        |r| r.actors.contains(&"RUS".to_string()) || r.recipients.contains(&"RUS".to_string())
    ));
    assert_eq!(actor("rus").len(), 6, "codes are matched in upper case");
    let putin = actor("PUTIN_VLADIMIR");
    assert_eq!(kinds(&putin), ["CONSULT", "CONSULT"]);
    assert!(putin.iter().all(|r| r.doc == "ru/ria_1.txt"));
    assert_eq!(kinds(&actor("KHARKIV")), ["ASSAULT"]);
    assert_eq!(kinds(&actor("EU")), ["SANCTION"]);
    assert!(actor("FRA").is_empty());
}

fn dyad(conn: &Connection, a: &str, b: &str, directed: bool) -> Vec<EventRow> {
    run(
        conn,
        EventFilter {
            dyad: Some((a.into(), b.into())),
            directed,
            ..Default::default()
        },
    )
}

#[test]
fn a_directed_dyad_keeps_its_direction_an_undirected_one_does_not() {
    let conn = store();
    assert_eq!(kinds(&dyad(&conn, "EU", "RUS", true)), ["SANCTION"]);
    assert!(dyad(&conn, "RUS", "EU", true).is_empty());
    assert_eq!(kinds(&dyad(&conn, "RUS", "EU", false)), ["SANCTION"]);
    assert_eq!(kinds(&dyad(&conn, "RUS", "USA", false)), ["ACCUSE"]);
    assert!(dyad(&conn, "RUS", "USA", true).is_empty());
    // By dictionary ids, and mixing an id with a code.
    assert_eq!(
        kinds(&dyad(&conn, "SYR_MFA", "LAVROV_SERGEY", true)),
        ["CONSULT"]
    );
    assert_eq!(
        kinds(&dyad(&conn, "SYR", "LAVROV_SERGEY", true)),
        ["CONSULT"]
    );
    assert!(dyad(&conn, "LAVROV_SERGEY", "SYR", true).is_empty());
}

#[test]
fn a_symmetric_event_relates_its_actors_both_ways_but_co_actors_are_no_dyad() {
    let conn = store();
    // The symmetric CONSULT (both in actors) and the directed RUS → TUR one.
    let rus_tur = dyad(&conn, "RUS", "TUR", true);
    assert_eq!(rus_tur.len(), 2);
    let tur_rus = dyad(&conn, "TUR", "RUS", true);
    assert_eq!(tur_rus.len(), 1);
    assert!(tur_rus[0].recipients.is_empty());
    assert_eq!(dyad(&conn, "TUR", "RUS", false).len(), 2);
    // RUS and BLR attack UKR together: they are not a dyad of each other.
    assert!(dyad(&conn, "RUS", "BLR", false).is_empty());
    assert_eq!(kinds(&dyad(&conn, "BLR", "UKR", true)), ["ASSAULT"]);
}

#[test]
fn type_quad_language_and_dates_filter() {
    let conn = store();
    let kind = run(
        &conn,
        EventFilter {
            kind: Some("consult".into()),
            ..Default::default()
        },
    );
    assert_eq!(kind.len(), 3);
    assert!(kind.iter().all(|r| r.kind == "CONSULT"));
    let quad3 = run(
        &conn,
        EventFilter {
            quad: Some(3),
            ..Default::default()
        },
    );
    assert_eq!(kinds(&quad3), ["SANCTION", "ACCUSE"]);
    let bg = run(
        &conn,
        EventFilter {
            lang: Some("bg".into()),
            ..Default::default()
        },
    );
    assert_eq!(kinds(&bg), ["SANCTION", "AID"]);
    let march_first_week = run(
        &conn,
        EventFilter {
            from: Some("2022-03-01".into()),
            to: Some("2022-03-05".into()),
            ..Default::default()
        },
    );
    // Both bounds inclusive; the Syrian visit is dated 20 February by its
    // event although its article is from 15 March; undated events are out.
    assert_eq!(
        kinds(&march_first_week),
        ["CONSULT", "CONSULT", "SANCTION", "ASSAULT"]
    );
    let until = run(
        &conn,
        EventFilter {
            to: Some("2022-02-28".into()),
            ..Default::default()
        },
    );
    assert_eq!(until.len(), 1);
    assert_eq!(until[0].doc, "ru/tass_5.txt");
    let combined = run(
        &conn,
        EventFilter {
            actor: Some("RUS".into()),
            quad: Some(1),
            from: Some("2022-03-01".into()),
            ..Default::default()
        },
    );
    assert_eq!(combined.len(), 2);
    assert!(combined.iter().all(|r| r.doc == "ru/ria_1.txt"));
}

#[test]
fn text_filter_finds_inflected_forms_in_the_events_documents() {
    let conn = store();
    let text = |t: &str| {
        run(
            &conn,
            EventFilter {
                text: Some(t.into()),
                ..Default::default()
            },
        )
    };
    // "санкция" (ru nominative) meets "санкции"/"Санкциите" of the bg text.
    assert_eq!(kinds(&text("санкциите")), ["SANCTION"]);
    // Words are AND-ed: both in the Ria article only.
    assert_eq!(text("переговорах Эрдогана").len(), 2);
    assert!(text("переговорах Германия").is_empty());
    assert_eq!(kinds(&text("accusing")), ["ACCUSE"]);
}

#[test]
fn paging_walks_the_same_order_without_gaps() {
    let conn = store();
    let all = run(&conn, EventFilter::default());
    let mut paged = Vec::new();
    for page in 0..4 {
        let rows = run(
            &conn,
            EventFilter {
                limit: Some(2),
                offset: page * 2,
                ..Default::default()
            },
        );
        assert!(rows.len() <= 2);
        paged.extend(rows);
    }
    assert_eq!(paged, all);
    let none = run(
        &conn,
        EventFilter {
            offset: 7,
            ..Default::default()
        },
    );
    assert!(none.is_empty());
}

#[test]
fn the_default_limit_is_a_hundred_rows() {
    let conn = store();
    let doc: i64 = conn
        .query_row("SELECT id FROM documents LIMIT 1", [], |r| r.get(0))
        .unwrap();
    for _ in 0..100 {
        add_event(
            &conn,
            doc,
            &Ev {
                kind: "CONSULT",
                quad: 1,
                score: 1.0,
                actors: &[("RUS", "RUS"), ("TUR", "TUR")],
                recipients: &[],
                date: None,
                evidence: "переговоры",
            },
        );
    }
    assert_eq!(run(&conn, EventFilter::default()).len(), 100);
    let more = EventFilter {
        limit: Some(1000),
        ..Default::default()
    };
    assert_eq!(run(&conn, more).len(), 107);
}

#[test]
fn invalid_filters_are_errors_that_name_the_value() {
    let conn = store();
    let err = |f: EventFilter| events(&conn, &f).unwrap_err();
    let e = err(EventFilter {
        from: Some("2022-02-30".into()),
        ..Default::default()
    });
    assert!(e.contains("2022-02-30") && e.contains("YYYY-MM-DD"), "{e}");
    let e = err(EventFilter {
        to: Some("March 2022".into()),
        ..Default::default()
    });
    assert!(e.contains("March 2022"), "{e}");
    let e = err(EventFilter {
        from: Some("2022-03-10".into()),
        to: Some("2022-03-01".into()),
        ..Default::default()
    });
    assert!(e.contains("before"), "{e}");
    let e = err(EventFilter {
        kind: Some("BOMBING".into()),
        ..Default::default()
    });
    assert!(e.contains("BOMBING") && e.contains("ASSAULT"), "{e}");
    for q in [0, 5] {
        let e = err(EventFilter {
            quad: Some(q),
            ..Default::default()
        });
        assert!(e.contains(&q.to_string()), "{e}");
    }
    let e = err(EventFilter {
        lang: Some("klingon".into()),
        ..Default::default()
    });
    assert!(e.contains("klingon"), "{e}");
    let e = err(EventFilter {
        text: Some(" -- * ".into()),
        ..Default::default()
    });
    assert!(e.contains("no word"), "{e}");
    let e = err(EventFilter {
        dyad: Some(("RUS".into(), " ".into())),
        ..Default::default()
    });
    assert!(e.contains("empty"), "{e}");
}

#[test]
fn the_table_aligns_cyrillic_by_characters_and_cuts_long_evidence() {
    let conn = store();
    let rows = run(&conn, EventFilter::default());
    let table = render_table(&rows);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), rows.len() + 2, "{table}");
    // Event and document ids first, then the date.
    let head: Vec<&str> = lines[0].split_whitespace().take(3).collect();
    assert_eq!(head, ["event", "doc", "date"], "{table}");
    for (line, row) in lines[2..].iter().zip(&rows) {
        let ids: Vec<&str> = line.split_whitespace().take(2).collect();
        assert_eq!(ids, [row.id.to_string(), row.doc_id.to_string()], "{line}");
    }
    // The score column starts at the same character in every row, after
    // Cyrillic and Latin cells alike.
    let at = lines[0]
        .find("score")
        .map(|b| lines[0][..b].chars().count())
        .unwrap();
    let col: Vec<String> = lines[2..]
        .iter()
        .map(|l| l.chars().skip(at).take(5).collect())
        .collect();
    assert!(
        col.iter().all(|c| c.trim().parse::<f64>().is_ok()),
        "{col:?}\n{table}"
    );
    assert!(table.contains("SYR → RUS"), "{table}");
    assert!(table.contains("RUS ↔ TUR"), "{table}");
    assert!(table.contains("RUS,BLR → UKR"), "{table}");
    // Evidence longer than its column ends in an ellipsis; short stays whole.
    let long = lines.iter().find(|l| l.contains("Реджеп")).unwrap();
    assert!(long.ends_with('…'), "{long}");
    assert!(table.contains("Германия изпраща хуманитарна помощ на Украйна\n"));
}

#[test]
fn the_table_names_the_actors_beside_their_codes_when_asked() {
    let conn = store();
    let rows = run(&conn, EventFilter::default());
    // Names by dictionary id, as the command line gives them.
    let name = |id: &str| match id {
        "SYR_MFA" => Some("Ministry of Foreign Affairs of Syria".to_string()),
        "LAVROV_SERGEY" => Some("Sergey Lavrov".to_string()),
        "PUTIN_VLADIMIR" => Some("Vladimir Putin".to_string()),
        _ => None,
    };
    let table = render_table_with(&rows, &name);
    assert!(
        table.contains("Ministry of Foreign Affairs of Syria (SYR) → …"),
        "{table}"
    );
    let lavrov = render_table_with(&rows, &|id: &str| {
        (id == "LAVROV_SERGEY").then(|| "Sergey Lavrov".to_string())
    });
    assert!(lavrov.contains("SYR → Sergey Lavrov (RUS)"), "{lavrov}");
    // Actors the namer does not know keep their code alone.
    assert!(table.contains("Vladimir Putin (RUS) ↔ TUR"), "{table}");
    // Without names, the narrow table of codes.
    assert_eq!(render_table_with(&rows, &|_| None), render_table(&rows));
}

// ---- full-text search on real articles --------------------------------

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/slavicner"
);

/// A store of the corpus articles of one topic, in all three languages,
/// indexed as ingest does; returns it with (doc, lowercased text) pairs.
fn corpus_store(topic: &str) -> (Connection, Vec<(String, String)>) {
    let conn = open_in_memory().unwrap();
    let mut texts = Vec::new();
    for lang in ["ru", "bg", "uk"] {
        let dir = format!("{CORPUS}/{lang}");
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(topic))
            .collect();
        names.sort();
        for name in names {
            let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
            let doc = format!("{lang}/{name}");
            add_doc(
                &conn,
                &Doc {
                    doc: &doc,
                    lang,
                    date: None,
                    url: "",
                    title: text.lines().next().unwrap_or(""),
                    text: &text,
                },
            );
            texts.push((doc, text.to_lowercase()));
        }
    }
    (conn, texts)
}

/// The documents with the word `w` (lowercase, whole word).
fn with_word<'a>(texts: &'a [(String, String)], w: &str) -> Vec<&'a str> {
    texts
        .iter()
        .filter(|(_, t)| {
            t.split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|x| x == w)
        })
        .map(|(d, _)| d.as_str())
        .collect()
}

fn found(conn: &Connection, q: &str) -> Vec<String> {
    search(conn, q, 10_000)
        .unwrap()
        .into_iter()
        .map(|(_, doc, _)| doc)
        .collect()
}

#[test]
fn search_finds_inflected_forms_in_russian_bulgarian_and_ukrainian() {
    let (conn, texts) = corpus_store("nord_stream");
    let cases = [
        // (query, inflected form in the text, language folder)
        ("переговоры", "переговорах", "ru/"),
        ("санкции", "санкциите", "bg/"),
        ("санкції", "санкцій", "uk/"),
        ("газопровод", "газопровода", "ru/"),
        ("газопровід", "газопроводу", "uk/"),
    ];
    for (query, form, lang) in cases {
        let expected: Vec<&str> = with_word(&texts, form)
            .into_iter()
            .filter(|d| d.starts_with(lang))
            .collect();
        assert!(!expected.is_empty(), "no {form} in the corpus");
        let hits = found(&conn, query);
        for d in &expected {
            assert!(
                hits.contains(&d.to_string()),
                "{query}: {d} with {form} not found"
            );
        }
        // Only documents sharing the root (the uk/ru/bg spellings of a
        // cognate may meet: "санкции" finds uk "санкції").
        let stem_prefix: String = query.chars().take(5).collect();
        for h in &hits {
            let text = &texts.iter().find(|(d, _)| d == h).unwrap().1;
            assert!(
                text.contains(&stem_prefix),
                "{query}: {h} has no {stem_prefix}…"
            );
        }
        // And the query form itself is not what matched: some hit lacks it.
        if query != form {
            let literal = with_word(&texts, query);
            assert!(hits.len() > literal.len(), "{query}: {} hits", hits.len());
        }
    }
}

#[test]
fn search_ands_words_and_ranks_documents_that_have_them() {
    let (conn, texts) = corpus_store("nord_stream");
    let both = found(&conn, "санкции США");
    let sanctions = found(&conn, "санкции");
    assert!(!both.is_empty());
    assert!(both.len() < sanctions.len());
    assert!(both.iter().all(|d| sanctions.contains(d)));
    for d in &both {
        let text = &texts.iter().find(|(doc, _)| doc == d).unwrap().1;
        assert!(text.contains("сша") || text.contains("usa"), "{d}");
    }
    let limited = search(&conn, "санкции", 3).unwrap();
    assert_eq!(limited.len(), 3);
    assert_eq!(
        limited.iter().map(|r| &r.1).collect::<Vec<_>>(),
        sanctions.iter().take(3).collect::<Vec<_>>()
    );
    assert!(limited.iter().all(|r| r.2.is_some()));
}

#[test]
fn fts_syntax_in_a_query_never_errors() {
    let (conn, _) = corpus_store("nord_stream");
    for q in [
        "AND",
        "санкции AND",
        "OR NOT",
        "\"переговоры",
        "\"Северный поток\"",
        "санкц*",
        "*",
        "-Россия",
        "NEAR(газ нефть)",
        "stems:газ",
        "^газ",
        "(((",
        "газ\"\"\"",
        "Nord Stream 2 AG",
        "",
        "   ",
        "2021",
        "{stems}: газ",
    ] {
        let r = search(&conn, q, 10);
        assert!(r.is_ok(), "{q}: {r:?}");
        let expr = match_expr(q);
        if let Some(e) = &expr {
            conn.query_row(
                "SELECT count(*) FROM doc_fts WHERE doc_fts MATCH ?1",
                [e],
                |r| r.get::<_, i64>(0),
            )
            .unwrap_or_else(|err| panic!("{q} → {e}: {err}"));
        }
    }
    // Operators are searched as words, not obeyed: "-Россия" finds Russia.
    assert!(!found(&conn, "-Россия").is_empty());
    assert_eq!(found(&conn, "санкц*"), found(&conn, "санкц"));
}
