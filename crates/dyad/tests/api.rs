//! `dyad serve`'s JSON API over a store of the seed pages and the dev set
//! (40 real articles in ru, bg and uk), ingested once by the binary: every
//! endpoint, its filters and paging checked against each other and
//! against the texts, and every error case. Two tests run the real
//! server process (answering, stopping; `--allow-host`).

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{dyad, SHARED};
use serde_json::Value;
use tower::ServiceExt;

/// The store, ingested once for every test of this file.
fn store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = STORE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("api.db");
        let out = dyad(&[
            "ingest",
            "--db",
            db.to_str().unwrap(),
            &format!("{SHARED}/seeds"),
            &format!("{SHARED}/eval/dev/docs"),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (dir, db)
    });
    path
}

/// GET `uri` from the application: status and JSON body (text bodies as a
/// JSON string).
async fn get(uri: &str) -> (StatusCode, Value) {
    let state = dyad_server::AppState::open(store()).unwrap();
    let response = dyad_server::app(state)
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 64 << 20)
        .await
        .unwrap();
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, body)
}

async fn ok(uri: &str) -> Value {
    let (status, body) = get(uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    body
}

/// Percent-encodes a query value.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn ids(page: &Value) -> Vec<i64> {
    page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect()
}

/// Every event (one page of up to 1,000).
async fn all_events(filters: &str) -> Vec<Value> {
    let page = ok(&format!("/api/events?limit=1000&{filters}")).await;
    assert_eq!(
        page["total"].as_u64().unwrap() as usize,
        page["events"].as_array().unwrap().len()
    );
    page["events"].as_array().unwrap().clone()
}

fn involves(e: &Value, code: &str) -> bool {
    ["actors", "recipients", "actor_ids", "recipient_ids"]
        .iter()
        .any(|k| strs(&e[*k]).contains(&code))
}

#[tokio::test]
async fn stats_count_the_ingested_documents_and_events() {
    let s = ok("/api/stats").await;
    // A document is its content: two dev files are byte for byte the
    // same (nord_stream_uk 59 and 60), one document with two sources.
    let files: Vec<Vec<u8>> = ["seeds", "eval/dev/docs"]
        .iter()
        .flat_map(|d| std::fs::read_dir(format!("{SHARED}/{d}")).unwrap())
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    let docs = files.iter().collect::<std::collections::HashSet<_>>().len();
    assert!(docs < files.len());
    assert_eq!(s["sources"].as_u64().unwrap() as usize, files.len());
    assert_eq!(s["documents"].as_u64().unwrap() as usize, docs);
    let by_lang: u64 = s["languages"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(by_lang as usize, docs);
    for lang in ["ru", "bg", "uk"] {
        assert!(s["languages"][lang].as_u64().unwrap() > 0, "{lang}");
    }
    let by_type: u64 = s["types"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(by_type, s["events"].as_u64().unwrap());
    assert!(by_type > 20, "{s}");
    let events = all_events("").await;
    assert_eq!(events.len() as u64, by_type);
}

#[tokio::test]
async fn events_page_without_gaps_or_overlaps() {
    let all = ids(&ok("/api/events?limit=1000").await);
    let mut paged = Vec::new();
    let mut offset = 0;
    loop {
        let page = ok(&format!("/api/events?limit=7&offset={offset}")).await;
        assert_eq!(page["total"].as_u64().unwrap() as usize, all.len());
        assert_eq!(page["limit"], 7);
        let got = ids(&page);
        assert!(got.len() <= 7);
        if got.is_empty() {
            break;
        }
        paged.extend(got);
        offset += 7;
    }
    assert_eq!(paged, all);
    // The default page is 50.
    assert_eq!(ok("/api/events").await["limit"], 50);
}

#[tokio::test]
async fn each_filter_selects_what_it_names() {
    let all = all_events("").await;
    for (query, keep) in [
        (
            "type=consult",
            Box::new(|e: &Value| e["type"] == "CONSULT") as Box<dyn Fn(&Value) -> bool>,
        ),
        ("quad=3", Box::new(|e: &Value| e["quad"] == 3)),
        ("lang=bg", Box::new(|e: &Value| e["lang"] == "bg")),
        ("actor=rus", Box::new(|e: &Value| involves(e, "RUS"))),
        (
            "actor=PUTIN_VLADIMIR",
            Box::new(|e: &Value| involves(e, "PUTIN_VLADIMIR")),
        ),
    ] {
        let got = all_events(query).await;
        let want: Vec<&Value> = all.iter().filter(|e| keep(e)).collect();
        assert!(!want.is_empty(), "{query} selects something");
        assert_eq!(got.iter().collect::<Vec<_>>(), want, "{query}");
    }
    // Filters combine.
    let both = all_events("actor=RUS&quad=1").await;
    assert!(!both.is_empty() && both.iter().all(|e| involves(e, "RUS") && e["quad"] == 1));
}

#[tokio::test]
async fn a_dyad_finds_the_syrian_delegation_talking_with_putin() {
    let events = all_events("dyad=RUS,SYR").await;
    assert!(events
        .iter()
        .all(|e| involves(e, "RUS") && involves(e, "SYR")));
    let talks = events
        .iter()
        .find(|e| e["type"] == "CONSULT" && e["doc"] == "000_6a66f7ca3045d2d3.txt")
        .expect("the seed's talks");
    let sentence = talks["sentence"].as_str().unwrap();
    assert!(sentence.contains(talks["evidence"].as_str().unwrap()));
    assert!(sentence.contains("переговоры"), "{sentence}");
    // The other order finds the same events; the sentence's offsets point
    // at it in the document.
    assert_eq!(all_events("dyad=SYR,RUS").await, events);
    let span = &talks["sentence_span"];
    let (start, end) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    let text = std::fs::read_to_string(format!("{SHARED}/seeds/000_6a66f7ca3045d2d3.txt")).unwrap();
    let at: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(at, sentence);
}

#[tokio::test]
async fn directed_dyads_keep_only_one_direction_of_directed_events() {
    let either = all_events("dyad=GBR,EU").await;
    let ab = all_events("dyad=GBR,EU&directed=true").await;
    let ba = all_events("dyad=EU,GBR&directed=true").await;
    assert!(!either.is_empty());
    for e in &ab {
        assert!(
            e["symmetric"] == true
                || (involves(&e["actors"], "GBR") || strs(&e["actors"]).contains(&"GBR")),
            "{e}"
        );
    }
    for e in &either {
        let symmetric = e["symmetric"] == true;
        let in_ab = ab.contains(e);
        let in_ba = ba.contains(e);
        if symmetric {
            assert!(in_ab && in_ba, "{e}");
        } else {
            assert!(in_ab || in_ba, "{e}");
            assert_eq!(in_ab, strs(&e["actors"]).contains(&"GBR"), "{e}");
        }
    }
}

#[tokio::test]
async fn dates_and_text_filter_too() {
    let dated: Vec<Value> = all_events("")
        .await
        .into_iter()
        .filter(|e| e["date"].is_string())
        .collect();
    assert!(!dated.is_empty(), "the dev set has dated events");
    let day = dated[0]["date"].as_str().unwrap()[..10].to_string();
    let on_day = all_events(&format!("from={day}&to={day}")).await;
    assert!(on_day.iter().any(|e| e["id"] == dated[0]["id"]));
    assert!(on_day
        .iter()
        .all(|e| e["date"].as_str().unwrap().starts_with(&day)));
    // Text: every event's article contains an inflected form of the word.
    let found = all_events(&format!("text={}", enc("переговоры"))).await;
    assert!(!found.is_empty());
    let hits = ok(&format!("/api/search?limit=1000&q={}", enc("переговоры"))).await;
    let docs: Vec<&str> = hits["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["doc"].as_str().unwrap())
        .collect();
    assert!(found
        .iter()
        .all(|e| docs.contains(&e["doc"].as_str().unwrap())));
}

#[tokio::test]
async fn bad_parameters_are_400_with_a_message_naming_them() {
    for (uri, needle) in [
        ("/api/events?tpye=ACCUSE", "tpye"),
        ("/api/events?type=HUG", "HUG"),
        ("/api/events?quad=7", "quad '7'"),
        ("/api/events?limit=0", "limit '0'"),
        ("/api/events?limit=5000", "limit '5000'"),
        ("/api/events?offset=-1", "offset '-1'"),
        ("/api/events?from=2024-13-01", "2024-13-01"),
        (
            "/api/events?from=2024-02-02&to=2024-02-01",
            "before it starts",
        ),
        ("/api/events?lang=xx", "xx"),
        ("/api/events?dyad=RUS", "A,B"),
        ("/api/events?dyad=RUS,SYR&directed=maybe", "maybe"),
        ("/api/events?lang=ru&lang=bg", "twice"),
        ("/api/events?directed=true", "needs dyad"),
        ("/api/actors?directed=1", "needs dyad"),
        ("/api/events?text=%2D%2D", "no word"),
        ("/api/stats?x=1", "'x'"),
        ("/api/actors?limit=many", "many"),
        ("/api/timeline?directed=true", "needs dyad"),
        ("/api/timeline?dyad=RUS,SYR&bucket=year", "year"),
        ("/api/graph?min_events=0", "min_events"),
        ("/api/documents/abc", "abc"),
        ("/api/search", "'q'"),
        ("/api/search?q=%2A%2A", "no word"),
        // An actor nothing in the dictionary matches, by id, code or name.
        ("/api/events?actor=XXX", "unknown actor \"XXX\""),
        ("/api/events?dyad=RUS,Putn", "PUTIN_VLADIMIR"),
        ("/api/graph?actor=Nobody%20Atall", "unknown actor"),
    ] {
        let (status, body) = get(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        let msg = body["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{uri}: {body}"));
        assert!(msg.contains(needle), "{uri}: {msg}");
    }
}

/// Filters take actors by name as the command line does: a name in any
/// language and form gives what its id gives.
#[tokio::test]
async fn actor_filters_take_names() {
    let (status, by_id) = get("/api/events?actor=PUTIN_VLADIMIR").await;
    assert_eq!(status, StatusCode::OK, "{by_id}");
    assert!(by_id["total"].as_u64().unwrap() > 0, "{by_id}");
    for name in ["Putin", "%D0%9F%D1%83%D1%82%D0%B8%D0%BD%D1%83"] {
        let (status, by_name) = get(&format!("/api/events?actor={name}")).await;
        assert_eq!(status, StatusCode::OK, "{by_name}");
        assert_eq!(by_name, by_id, "{name}");
    }
}

#[tokio::test]
async fn unknown_ids_and_paths_are_404() {
    for uri in [
        "/api/documents/999999",
        "/api/nothing",
        "/api/events/3",
        "/api",
    ] {
        let (status, body) = get(uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}: {body}");
        assert!(body["error"].is_string(), "{uri}: {body}");
    }
    let (status, _) = get("/no-such-page.html").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn actors_are_counted_as_the_events_filter_counts_them() {
    let actors = ok("/api/actors?limit=1000").await;
    let actors = actors["actors"].as_array().unwrap();
    assert!(actors.len() > 10);
    let counts: Vec<u64> = actors
        .iter()
        .map(|a| a["events"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "most active first");
    assert_eq!(actors[0]["code"], "RUS");
    for a in actors.iter().take(6) {
        let code = a["code"].as_str().unwrap();
        let events = all_events(&format!("actor={code}")).await;
        assert_eq!(
            a["events"].as_u64().unwrap() as usize,
            events.len(),
            "{code}"
        );
        let acting = events
            .iter()
            .filter(|e| strs(&e["actors"]).contains(&code))
            .count();
        assert_eq!(a["as_actor"].as_u64().unwrap() as usize, acting, "{code}");
        let kind = if dyad_core::is_org_code(code) {
            "org"
        } else {
            "country"
        };
        assert_eq!(a["kind"], kind);
        assert!(a["ids"].as_array().unwrap().len() <= 5);
    }
    let limited = ok("/api/actors?limit=2&lang=bg").await;
    assert_eq!(limited["actors"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn each_graph_edge_counts_the_events_of_its_dyad() {
    let g = ok("/api/graph").await;
    let edges = g["edges"].as_array().unwrap();
    assert!(edges.len() > 10);
    let nodes: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    for e in edges {
        let (a, b) = (e["source"].as_str().unwrap(), e["target"].as_str().unwrap());
        assert!(a < b, "undirected edges in code order: {e}");
        assert!(nodes.contains(&a) && nodes.contains(&b));
        let quads: u64 = ["q1", "q2", "q3", "q4"]
            .iter()
            .map(|q| e[*q].as_u64().unwrap())
            .sum();
        assert_eq!(quads, e["events"].as_u64().unwrap());
        let dyad = all_events(&format!("dyad={a},{b}")).await;
        assert_eq!(dyad.len() as u64, e["events"].as_u64().unwrap(), "{a}–{b}");
    }
    let rus_syr = edges
        .iter()
        .find(|e| e["source"] == "RUS" && e["target"] == "SYR")
        .expect("RUS–SYR");
    assert!(rus_syr["q1"].as_u64().unwrap() >= 1);
    // Directed: symmetric events go both ways, so at least as many edges.
    let directed = ok("/api/graph?directed=true").await;
    assert!(directed["edges"].as_array().unwrap().len() >= edges.len());
    // A type filter and a floor on edge weight.
    let consult = ok("/api/graph?type=CONSULT").await;
    assert!(consult["edges"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["q1"] == e["events"]));
    let heavy = ok("/api/graph?min_events=2").await;
    assert!(heavy["edges"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["events"].as_u64().unwrap() >= 2));
    assert!(heavy["edges"].as_array().unwrap().len() < edges.len());
}

#[tokio::test]
async fn a_timeline_counts_a_dyads_events_per_period() {
    // A dated event between two different codes (a symmetric one lists
    // both as actors).
    let pair = |e: &Value| -> Option<(String, String)> {
        let codes: Vec<&str> = strs(&e["actors"])
            .into_iter()
            .chain(strs(&e["recipients"]))
            .collect();
        let b = codes.iter().find(|c| **c != codes[0])?;
        Some((codes[0].to_string(), b.to_string()))
    };
    let all = all_events("").await;
    let (e, (a, b)) = all
        .iter()
        .filter(|e| e["date"].is_string())
        .find_map(|e| Some((e, pair(e)?)))
        .expect("a dated event between two parties");
    let events = all_events(&format!("dyad={a},{b}")).await;
    for bucket in ["day", "week", "month"] {
        let t = ok(&format!("/api/timeline?dyad={a},{b}&bucket={bucket}")).await;
        assert_eq!(t["a"], a.as_str());
        assert_eq!(t["bucket"], bucket);
        let series = t["series"].as_array().unwrap();
        let counted: u64 = series.iter().map(|p| p["events"].as_u64().unwrap()).sum();
        assert_eq!(
            counted + t["undated"].as_u64().unwrap(),
            events.len() as u64,
            "{bucket}"
        );
        let day = e["date"].as_str().unwrap();
        let first = series
            .iter()
            .map(|p| p["period"].as_str().unwrap())
            .find(|p| *p <= day)
            .unwrap();
        match bucket {
            "day" => assert!(series.iter().any(|p| p["period"] == day)),
            "month" => assert!(first.ends_with("-01")),
            _ => {}
        }
    }
    let t = ok("/api/timeline?dyad=RUS,SYR").await;
    assert_eq!(t["bucket"], "week");
    // Without a dyad: every selected event, per period.
    for filters in ["", "&lang=uk", "&quad=1"] {
        let t = ok(&format!("/api/timeline?bucket=month{filters}")).await;
        assert!(t["a"].is_null());
        let counted: u64 = t["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["events"].as_u64().unwrap())
            .sum();
        let total = all_events(filters.trim_start_matches('&')).await.len() as u64;
        assert_eq!(counted + t["undated"].as_u64().unwrap(), total, "{filters}");
    }
}

#[tokio::test]
async fn a_document_is_cut_into_marked_runs_that_give_back_its_text() {
    let talks = all_events("dyad=RUS,SYR&type=CONSULT").await;
    let id = talks[0]["doc_id"].as_i64().unwrap();
    let d = ok(&format!("/api/documents/{id}")).await;
    assert_eq!(d["doc"], "000_6a66f7ca3045d2d3.txt");
    let text = std::fs::read_to_string(format!("{SHARED}/seeds/000_6a66f7ca3045d2d3.txt")).unwrap();
    let segments = d["segments"].as_array().unwrap();
    let joined: String = segments
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(joined, text);
    assert_eq!(d["chars"].as_u64().unwrap() as usize, text.chars().count());
    // Kept runs are exactly the blocks; the rest is dropped boilerplate.
    let blocks = d["blocks"].as_array().unwrap();
    let kept: String = segments
        .iter()
        .filter(|s| s["kept"].is_string())
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    let block_text: String = blocks
        .iter()
        .map(|b| {
            let (s, e) = (
                b["start"].as_u64().unwrap() as usize,
                b["end"].as_u64().unwrap() as usize,
            );
            text.chars().skip(s).take(e - s).collect::<String>()
        })
        .collect();
    assert_eq!(kept, block_text);
    let dropped: String = segments
        .iter()
        .filter(|s| s["kept"].is_null())
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(
        dropped.trim().len() > 100,
        "the seed's boilerplate is shown as dropped"
    );
    // Mentions and evidence runs hold their text.
    let mentions = d["mentions"].as_array().unwrap();
    for (i, m) in mentions.iter().enumerate() {
        let runs: String = segments
            .iter()
            .filter(|s| s["mention"] == i)
            .map(|s| s["text"].as_str().unwrap())
            .collect();
        assert_eq!(runs, m["text"].as_str().unwrap());
    }
    let events = d["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for (i, e) in events.iter().enumerate() {
        let covers = |key: &str| -> String {
            segments
                .iter()
                .filter(|s| s[key].as_array().unwrap().iter().any(|x| x == i))
                .map(|s| s["text"].as_str().unwrap())
                .collect()
        };
        assert_eq!(covers("sentences"), e["sentence"].as_str().unwrap());
        assert_eq!(covers("evidence"), e["evidence"].as_str().unwrap());
    }
}

#[tokio::test]
async fn search_finds_inflected_forms_and_pages() {
    let all = ok(&format!("/api/search?limit=1000&q={}", enc("переговоры"))).await;
    let results = all["results"].as_array().unwrap();
    assert!(results.len() >= 2, "{all}");
    assert_eq!(all["query"], "переговоры");
    assert!(results
        .iter()
        .any(|r| r["doc"] == "000_6a66f7ca3045d2d3.txt"));
    // Bulgarian and Ukrainian forms of the same stem family are found too.
    let second = ok(&format!(
        "/api/search?limit=1&offset=1&q={}",
        enc("переговоры")
    ))
    .await;
    assert_eq!(second["results"][0], results[1]);
    for r in results {
        let d = ok(&format!("/api/documents/{}", r["id"])).await;
        assert_eq!(d["doc"], r["doc"]);
        assert_eq!(
            d["events"].as_array().unwrap().len() as u64,
            r["events"].as_u64().unwrap()
        );
    }
}

#[tokio::test]
async fn the_dashboard_files_are_served_with_their_types() {
    for (uri, kind, needle) in [
        ("/", "text/html; charset=utf-8", "<html"),
        ("/app.js", "text/javascript; charset=utf-8", "/api/"),
        ("/app.css", "text/css; charset=utf-8", "{"),
        (
            "/vendor/echarts.min.js",
            "text/javascript; charset=utf-8",
            "echarts",
        ),
    ] {
        let state = dyad_server::AppState::open(store()).unwrap();
        let response = dyad_server::app(state)
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
        assert_eq!(response.headers()["content-type"], kind, "{uri}");
        let body = axum::body::to_bytes(response.into_body(), 8 << 20)
            .await
            .unwrap();
        assert!(String::from_utf8_lossy(&body).contains(needle), "{uri}");
    }
}

/// Starts `dyad serve` on a free port with `extra` arguments (and the
/// actor dictionary of `actors_dir`, when given); the child and its
/// address.
fn start_serve(extra: &[&str], actors_dir: Option<&Path>) -> (std::process::Child, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dyad"));
    command
        .args(["serve", "--db", store().to_str().unwrap(), "--port", "0"])
        .args(extra)
        .stderr(Stdio::piped());
    if let Some(dir) = actors_dir {
        command.env("DYAD_ACTORS_DIR", dir);
    }
    let mut child = command.spawn().unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let url = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| l.strip_prefix("dyad serve: http://").map(str::to_string))
        .expect("the address is printed");
    (child, url.trim_end_matches('/').to_string())
}

/// A raw HTTP/1.1 GET; the status line and body.
fn http_get(addr: &str, path: &str) -> (String, String) {
    http_get_host(addr, path, addr)
}

/// A raw HTTP/1.1 GET naming `host`; the status line and body.
fn http_get_host(addr: &str, path: &str, host: &str) -> (String, String) {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    s.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    (head.lines().next().unwrap().to_string(), body.to_string())
}

#[test]
fn the_serve_command_listens_answers_and_stops_on_sigterm() {
    let (mut child, addr) = start_serve(&[], None);
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    let (status, body) = http_get(&addr, "/api/stats");
    assert!(status.contains("200"), "{status}");
    assert!(body.contains("\"documents\""), "{body}");
    let (status, _) = http_get(&addr, "/api/documents/0");
    assert!(status.contains("404"), "{status}");
    // SIGTERM stops it cleanly.
    Command::new("kill")
        .arg(child.id().to_string())
        .status()
        .unwrap();
    let exit = child.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
}

/// `dyad serve` reads actor names with the command line's dictionary
/// (`$DYAD_ACTORS_DIR` here: Europe's states only), as `dyad query` does.
#[test]
fn the_serve_command_resolves_names_with_the_command_lines_dictionary() {
    let dir = tempfile::tempdir().unwrap();
    let europe = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/actors/states_europe.txt"
    );
    std::fs::copy(europe, dir.path().join("states_europe.txt")).unwrap();
    let (mut child, addr) = start_serve(&[], Some(dir.path()));
    let addr = addr.as_str();
    let (status, body) = http_get(
        addr,
        "/api/events?actor=%D0%A4%D1%80%D0%B0%D0%BD%D1%86%D0%B8%D0%B8",
    );
    assert!(status.contains("200"), "France by name: {status} {body}");
    let (status, body) = http_get(addr, "/api/events?actor=Putin");
    assert!(
        status.contains("400") && body.contains("unknown actor"),
        "{status} {body}"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn the_serve_command_answers_only_allowed_hosts() {
    let (mut child, addr) = start_serve(&["--allow-host", "dyad.lan", "--allow-host", "box"], None);
    let port = addr.rsplit(':').next().unwrap().to_string();
    for host in ["dyad.lan", "box:8080", &format!("localhost:{port}")] {
        let (status, _) = http_get_host(&addr, "/api/stats", host);
        assert!(status.contains("200"), "{host}: {status}");
    }
    let (status, body) = http_get_host(&addr, "/api/stats", "rebound.example");
    assert!(status.contains("403"), "{status}");
    assert!(body.contains("\"error\""), "{body}");
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn serving_a_missing_or_foreign_store_fails_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.db");
    let out = dyad(&["serve", "--db", missing.to_str().unwrap(), "--port", "0"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("none.db") && err.contains("dyad ingest"),
        "{err}"
    );
    let foreign = dir.path().join("notes.db");
    std::fs::write(
        &foreign,
        "plain text, not SQLite, long enough to be read as a header",
    )
    .unwrap();
    let out = dyad(&["serve", "--db", foreign.to_str().unwrap(), "--port", "0"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("notes.db"));
}
