//! `dyad code` as users run it: the binary over real files, mixed batches
//! with bad inputs, stdin, threads, exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod common;

use common::{dyad, records, SHARED};

fn seeds() -> String {
    format!("{SHARED}/seeds")
}

#[test]
fn seeds_give_one_record_each_in_sorted_order_with_the_contract_fields() {
    let out = dyad(&["code", &seeds()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    let docs: Vec<&str> = recs.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    assert_eq!(
        docs,
        [
            "000_6a66f7ca3045d2d3.txt",
            "001_79bf31c0ef938cfc.txt",
            "002_511fb2c9396ed3f8.txt",
            "003_d514d4f6fa22152f.txt"
        ]
    );
    let langs: Vec<&str> = recs.iter().map(|r| r["lang"].as_str().unwrap()).collect();
    assert_eq!(langs, ["ru", "ru", "ru", "bg"]);
    for r in &recs {
        for key in ["title", "date", "blocks", "mentions", "events"] {
            assert!(r.get(key).is_some(), "{key} missing in {r}");
        }
        assert!(r.get("error").is_none());
        assert!(
            r.get("text").is_none(),
            "plain UTF-8 text needs no text field"
        );
        assert_eq!(r["blocks"][0]["kind"], "title");
    }
    // Offsets count characters into the file as read.
    let text = std::fs::read_to_string(format!("{SHARED}/seeds/002_511fb2c9396ed3f8.txt")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let b = &recs[2]["blocks"][0];
    let (s, e) = (
        b["start"].as_u64().unwrap() as usize,
        b["end"].as_u64().unwrap() as usize,
    );
    let title: String = chars[s..e].iter().collect();
    assert_eq!(title, recs[2]["title"].as_str().unwrap());
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A WARC response record holding `body` as an HTML page.
fn warc_record(uri: &str, body: &str) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut rec = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        http.len()
    )
    .into_bytes();
    rec.extend_from_slice(http.as_bytes());
    rec.extend_from_slice(b"\r\n\r\n");
    rec
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn html_page(title: &str, text: &str) -> String {
    format!(
        "<!doctype html><html><head><title>{title}</title></head><body><nav><a href=/>Главная</a></nav>\
         <article><h1>{title}</h1><p>{text}</p><p>{text}</p></article></body></html>"
    )
}

#[test]
fn bad_inputs_get_error_records_and_the_rest_of_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a_empty.txt", b"");
    // An image saved under a text name (a bare .png in a folder is skipped
    // as not a document; named on the command line it is an error).
    write(
        d,
        "b_image.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
    );
    let seed = std::fs::read(format!("{SHARED}/seeds/003_d514d4f6fa22152f.txt")).unwrap();
    write(d, "c_seed.txt", &seed);
    let mut invalid = seed.clone();
    invalid.splice(200..200, [0xff, 0xfe, 0xc3]);
    write(d, "d_invalid_bytes.txt", &invalid);
    // A 50 MB file: over the default limit of 32 MiB.
    let mut big = std::fs::File::create(d.join("e_huge.txt")).unwrap();
    let line =
        "Путин и Оланд договориха съвместни военни действия срещу Ислямска държава.\n".repeat(100);
    while big.metadata().unwrap().len() < 50 << 20 {
        big.write_all(line.as_bytes()).unwrap();
    }
    drop(big);
    // A .warc.gz cut in the middle of its second record.
    let p = "Министрите на отбраната на Русия и Франция обсъдиха съвместните действия в Сирия, съобщи Кремъл.";
    let mut warc = gzip(&warc_record(
        "https://example.bg/a",
        &html_page("Първа статия за срещата", p),
    ));
    let second = gzip(&warc_record(
        "https://example.bg/b",
        &html_page("Втора статия", p),
    ));
    warc.extend_from_slice(&second[..second.len() / 2]);
    write(d, "f_cut.warc.gz", &warc);

    let out = dyad(&["code", d.to_str().unwrap()]);
    assert!(out.status.success(), "some documents were fine");
    let recs = records(&out);
    let by_doc = |id: &str| {
        recs.iter()
            .find(|r| r["doc"] == id)
            .unwrap_or_else(|| panic!("no record for {id}: {recs:?}"))
    };
    for bad in ["a_empty.txt", "b_image.txt", "e_huge.txt"] {
        let r = by_doc(bad);
        assert!(
            r["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{bad}: {r}"
        );
        assert_eq!(r["events"], serde_json::json!([]));
    }
    let good = by_doc("c_seed.txt");
    assert!(good.get("error").is_none());
    assert_eq!(good["lang"], "bg");
    // Invalid bytes: decoded best-effort, the article still found.
    let inv = by_doc("d_invalid_bytes.txt");
    assert!(inv.get("error").is_none(), "{inv}");
    assert_eq!(inv["title"], good["title"]);
    assert!(
        inv["text"].as_str().is_some(),
        "replaced bytes: the text is in the record"
    );
    // The WARC: the first record read, the cut one reported.
    let first = by_doc("https://example.bg/a");
    assert!(first.get("error").is_none(), "{first}");
    assert!(recs
        .iter()
        .filter(|r| r["doc"]
            .as_str()
            .unwrap()
            .starts_with("https://example.bg/b")
            || r["doc"].as_str().unwrap().contains("f_cut.warc.gz"))
        .any(|r| r.get("error").is_some()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("could not be read"), "{stderr}");
}

#[test]
fn nothing_readable_is_a_failure() {
    let out = dyad(&["code", "/nonexistent/dyad/input.txt"]);
    assert!(!out.status.success());
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert!(recs[0]["error"].is_string());
    let dir = tempfile::tempdir().unwrap();
    let out = dyad(&["code", dir.path().to_str().unwrap()]);
    assert!(!out.status.success(), "an empty directory has no documents");
    let png = write(
        dir.path(),
        "photo.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    );
    let out = dyad(&["code", png.to_str().unwrap()]);
    assert!(!out.status.success());
    let recs = records(&out);
    assert_eq!(recs[0]["doc"], "photo.png");
    assert!(
        recs[0]["error"].as_str().unwrap().contains("binary"),
        "{}",
        recs[0]
    );
}

#[test]
fn stdin_is_sniffed_like_a_file() {
    let seed = std::fs::read(format!("{SHARED}/seeds/001_79bf31c0ef938cfc.txt")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["code", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&seed).unwrap();
    let out = child.wait_with_output().unwrap();
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["doc"], "-");
    assert_eq!(
        recs[0]["title"],
        "Россия и Азербайджан обсуждают сотрудничество в сфере обороны"
    );
}

#[test]
fn windows_1251_and_koi8_r_files_decode_to_the_same_article() {
    let text = std::fs::read_to_string(format!("{SHARED}/seeds/002_511fb2c9396ed3f8.txt")).unwrap();
    let encodings = [encoding_rs::WINDOWS_1251, encoding_rs::KOI8_R];
    // Keep the characters both charsets have (KOI8-R has no guillemets).
    let text: String = text
        .chars()
        .filter(|c| {
            let s = c.to_string();
            encodings.iter().all(|e| !e.encode(&s).2)
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a_utf8.txt", text.as_bytes());
    for (name, enc) in ["b_cp1251.txt", "c_koi8.txt"].into_iter().zip(encodings) {
        write(dir.path(), name, &enc.encode(&text).0);
    }
    let out = dyad(&["code", dir.path().to_str().unwrap()]);
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert!(recs[0]["title"]
        .as_str()
        .unwrap()
        .starts_with("Путин и Раиси обсудили укрепление сотрудничества"));
    for r in &recs[1..] {
        assert_eq!(r["lang"], "ru", "{}", r["doc"]);
        assert_eq!(r["title"], recs[0]["title"]);
        assert_eq!(r["blocks"], recs[0]["blocks"]);
        assert_eq!(
            r["text"].as_str(),
            Some(text.as_str()),
            "transcoded text is in the record"
        );
    }
}

#[test]
fn json_lines_input_uses_ids_and_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        serde_json::json!({"id": "n1", "text": "Эрдоган и Путин обсудили ситуацию в Сирии. Стороны договорились о новых встречах в Сочи.", "date": "2020-03-05"}),
        serde_json::json!({"text": "Зеленський провів переговори з прем'єр-міністром Польщі у Києві, повідомив Офіс президента."}),
    ];
    let body: String = lines.iter().map(|l| format!("{l}\nnot json\n")).collect();
    let p = write(dir.path(), "feed.jsonl", body.as_bytes());
    let out = dyad(&["code", p.to_str().unwrap()]);
    let recs = records(&out);
    let docs: Vec<&str> = recs.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    assert_eq!(docs, ["n1", "feed.jsonl:2", "feed.jsonl:3", "feed.jsonl:4"]);
    assert_eq!(recs[0]["date"], "2020-03-05");
    assert_eq!(recs[0]["lang"], "ru");
    assert!(recs[1]["error"].is_string());
    assert_eq!(recs[2]["lang"], "uk");
}

/// `--format` says what the inputs are, over their names (issue 14,
/// defect 5): a feed saved as `.txt` is JSON Lines when told so, on
/// `code` and `explain`; an unknown format is a usage error.
#[test]
fn the_format_option_reads_a_feed_saved_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        serde_json::json!({"id": "n1", "text": "Эрдоган и Путин обсудили ситуацию в Сирии."}),
        serde_json::json!({"text": "Зеленський провів переговори з прем'єр-міністром Польщі у Києві."}),
    ];
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let p = write(dir.path(), "feed.txt", body.as_bytes());
    let p = p.to_str().unwrap();
    let docs = |out: &std::process::Output| -> Vec<String> {
        records(out)
            .iter()
            .map(|r| r["doc"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(docs(&dyad(&["code", p])), ["feed.txt"]);
    assert_eq!(
        docs(&dyad(&["code", "--format", "jsonl", p])),
        ["n1", "feed.txt:2"]
    );
    let explained = dyad(&["explain", "--format", "jsonl", p]);
    let explained = String::from_utf8_lossy(&explained.stdout);
    assert!(explained.contains("== n1 ") && explained.contains("== feed.txt:2 "));
    let bad = dyad(&["code", "--format", "xml", p]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("auto, text, html, warc, jsonl"));
}

#[test]
fn output_is_the_same_on_one_thread_and_many() {
    let corpus = format!("{SHARED}/corpus/slavicner/bg");
    let one = dyad(&["code", "--threads", "1", &corpus]);
    let many = dyad(&["code", "--threads", "4", &corpus]);
    assert!(one.status.success());
    assert_eq!(one.stdout, many.stdout);
    assert!(records(&one).len() > 500);
}

#[test]
fn the_bundled_examples_cover_text_html_and_json_lines() {
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let out = dyad(&["code", examples]);
    assert!(out.status.success());
    let recs = records(&out);
    let docs: Vec<&str> = recs.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    assert_eq!(
        docs,
        [
            "000_6a66f7ca3045d2d3.txt",
            "001_79bf31c0ef938cfc.txt",
            "002_511fb2c9396ed3f8.txt",
            "003_d514d4f6fa22152f.txt",
            "feed-1",
            "feed-2",
            "html/lavrov-fidan-ankara.html"
        ]
    );
    // HTML: title and date from the page's metadata, offsets into `text`,
    // the comments and the related list dropped.
    let html = &recs[6];
    assert_eq!(
        html["title"],
        "Лавров и Фидан обсудили в Анкаре ситуацию в Сирии"
    );
    assert_eq!(html["date"], "2024-06-11");
    assert_eq!(html["lang"], "ru");
    let text = html["text"].as_str().expect("extracted text in the record");
    assert!(text.contains("договорились продолжить консультации"));
    assert!(!text.contains("толку никакого") && !text.contains("Евросоюз продлил"));
    let chars: Vec<char> = text.chars().collect();
    for b in html["blocks"].as_array().unwrap() {
        let (s, e) = (
            b["start"].as_u64().unwrap() as usize,
            b["end"].as_u64().unwrap() as usize,
        );
        assert!(s < e && e <= chars.len());
    }
    // JSON Lines: ids, urls and dates from the feed; an HTML item gets text.
    assert_eq!(recs[4]["lang"], "uk");
    assert_eq!(recs[4]["date"], "2022-10-19");
    assert_eq!(recs[5]["lang"], "bg");
    assert_eq!(recs[5]["url"], "https://example.org/news/2");
    assert_eq!(recs[5]["title"], "Борел пристигна в Москва");
    assert!(recs[5]["text"].is_string());
}

#[test]
fn a_users_actor_file_adds_actors_and_a_malformed_one_stops_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.txt");
    std::fs::write(
        &doc,
        "Вчера Акме Корп подписа договор с Министерството на отбраната.\n",
    )
    .unwrap();
    let mine = dir.path().join("mine.txt");
    std::fs::write(
        &mine,
        "# Test: a company of my own\n[ACME_CORP]\nkind: body\ncountry: BGR\nsector: BUS\nbg: Акме Корп\n",
    )
    .unwrap();
    let out = dyad(&[
        "code",
        "--actors",
        mine.to_str().unwrap(),
        doc.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    let m = &recs[0]["mentions"][0];
    assert_eq!(
        (m["actor"].as_str(), m["country"].as_str()),
        (Some("ACME_CORP"), Some("BGR"))
    );
    assert_eq!(m["text"], "Акме Корп");

    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "[ACME_CORP]\nkind: body\ncountry: Bulgaria\n").unwrap();
    let out = dyad(&[
        "code",
        "--actors",
        bad.to_str().unwrap(),
        doc.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:3:", bad.display())), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn explain_shows_sentences_sides_triggers_and_the_events() {
    let seed = format!("{}/003_d514d4f6fa22152f.txt", seeds());
    let out = dyad(&["explain", &seed]);
    assert!(out.status.success());
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("== 003_d514d4f6fa22152f.txt (language bg"),
        "{shown}"
    );
    assert!(shown.contains("«Путин» RUS [PUTIN_VLADIMIR]"), "{shown}");
    assert!(shown.contains("trigger «договориха» = AGREE"), "{shown}");
    assert!(
        shown.contains("because side 0: the subject before the trigger"),
        "{shown}"
    );
    assert!(shown.contains("ASSAULT [\"RUS\"] → [\"ISIS\"]"), "{shown}");
}

#[test]
fn a_lexicon_directory_of_my_own_is_used_and_a_malformed_one_stops_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.txt");
    std::fs::write(&doc, "Франция приветствовала Германию.\n").unwrap();
    let lex = dir.path().join("lexicon");
    std::fs::create_dir_all(lex.join("ru")).unwrap();
    std::fs::write(
        lex.join("ru/triggers.txt"),
        "# a greeting is support\n[SUPPORT]\nприветствовал*\n",
    )
    .unwrap();
    let out = dyad(&[
        "code",
        "--lexicon-dir",
        lex.to_str().unwrap(),
        doc.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    let e = &recs[0]["events"][0];
    assert_eq!(
        (e["type"].as_str(), e["actors"][0].as_str()),
        (Some("SUPPORT"), Some("FRA"))
    );
    assert_eq!(e["recipients"][0], "DEU");

    std::fs::write(
        lex.join("ru/triggers.txt"),
        "[SUPPORT]\nприветствовал* | voice=loud\n",
    )
    .unwrap();
    let out = dyad(&[
        "code",
        "--lexicon-dir",
        lex.to_str().unwrap(),
        doc.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ru/triggers.txt:2:"), "{err}");
    assert!(out.stdout.is_empty());
}
