//! Files, directories and standard input: kinds by name and by sniffing,
//! ids, order, and every kind of unreadable file.

mod common;

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use common::*;
use dyad_core::{Payload, PayloadKind, RawDoc};
use dyad_input::{decode, documents, documents_from_reader, Documents, InputFormat, InputOptions};

fn read_all(args: &[PathBuf]) -> Vec<RawDoc> {
    documents(args, &InputOptions::default()).collect()
}

fn kind_of(doc: &RawDoc) -> PayloadKind {
    match &doc.payload {
        Payload::Bytes { kind, .. } | Payload::Str { kind, .. } => *kind,
        Payload::Error(e) => panic!("{}: {}", doc.id, e.0),
    }
}

#[test]
fn documents_is_send_and_static() {
    fn check<T: Iterator<Item = RawDoc> + Send + 'static>(_: &T) {}
    check(&documents(&[], &InputOptions::default()));
}

#[test]
fn text_file_is_read_byte_for_byte_with_its_file_name_as_id() {
    let path = PathBuf::from(SEEDS).join("000_6a66f7ca3045d2d3.txt");
    let docs = read_all(std::slice::from_ref(&path));
    assert_eq!(ids(&docs), ["000_6a66f7ca3045d2d3.txt"]);
    assert_eq!(kind_of(&docs[0]), PayloadKind::Text);
    assert_eq!(bytes_of(&docs[0]), fs::read(&path).unwrap());
    let decoded = decode(docs[0].clone()).unwrap();
    assert_eq!(decoded.charset, "UTF-8");
    assert!(!decoded.transcoded);
    assert!(decoded.text.contains("Сирийский десант в Кремле"));
}

#[test]
fn html_files_plain_and_gzipped() {
    let tmp = tempfile::tempdir().unwrap();
    let page = seed_page(3, Some("utf-8"));
    let html = write(tmp.path(), "page.htm", page.as_bytes());
    let gz = write(tmp.path(), "page.html.gz", &gzip(page.as_bytes()));
    let docs = read_all(&[html, gz]);
    assert_eq!(ids(&docs), ["page.htm", "page.html.gz"]);
    for d in &docs {
        assert_eq!(kind_of(d), PayloadKind::Html);
        assert_eq!(bytes_of(d), page.as_bytes());
    }
}

#[test]
fn scrapinghub_pages_decompress_and_sniff_as_html() {
    let mut names: Vec<PathBuf> = fs::read_dir(SCRAPINGHUB)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names.truncate(12);
    let docs = read_all(&names);
    assert_eq!(docs.len(), names.len());
    for (doc, path) in docs.iter().zip(&names) {
        assert_eq!(doc.id, path.file_name().unwrap().to_string_lossy());
        assert_eq!(kind_of(doc), PayloadKind::Html);
        let head = String::from_utf8_lossy(&bytes_of(doc)[..200]).to_ascii_lowercase();
        assert!(
            head.contains("<html") || head.contains("<!doctype"),
            "{head}"
        );
        assert!(decode(doc.clone()).is_ok());
    }
}

#[test]
fn kinds_are_sniffed_when_the_extension_says_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let text = write(tmp.path(), "article", seed(1).as_bytes());
    let html = write(tmp.path(), "page.php", seed_page(0, None).as_bytes());
    let gz_html = write(tmp.path(), "blob", &gzip(seed_page(2, None).as_bytes()));
    let warc_bytes = [
        warcinfo(),
        response_record("https://a.ru/1", "text/html", seed_page(1, None).as_bytes()),
    ]
    .concat();
    let warc = write(tmp.path(), "crawl.dat", &warc_bytes);
    let jsonl = write(
        tmp.path(),
        "dump.out",
        format!("{{\"text\": {}}}\n", json(&seed(3))).as_bytes(),
    );
    let docs = read_all(&[text, html, gz_html, warc, jsonl]);
    assert_eq!(
        ids(&docs),
        [
            "article",
            "page.php",
            "blob",
            "https://a.ru/1",
            "dump.out:1"
        ]
    );
    let kinds: Vec<PayloadKind> = docs.iter().map(kind_of).collect();
    use PayloadKind::{Html, Text};
    assert_eq!(kinds, [Text, Html, Html, Html, Text]);
    assert_eq!(bytes_of(&docs[4]), seed(3).as_bytes());
}

#[test]
fn a_txt_file_stays_text_even_if_it_holds_markup() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write(tmp.path(), "saved.txt", seed_page(0, None).as_bytes());
    assert_eq!(kind_of(&read_all(&[path])[0]), PayloadKind::Text);
}

#[test]
fn directories_recurse_in_sorted_path_order_with_relative_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    write(&root, "ru/b.txt", seed(1).as_bytes());
    write(&root, "ru/a.txt", seed(0).as_bytes());
    write(&root, "bg/z/deep.txt", seed(3).as_bytes());
    write(&root, "bg/a.html", seed_page(3, None).as_bytes());
    write(&root, "a.txt", seed(2).as_bytes());
    write(&root, ".hidden.txt", seed(2).as_bytes());
    write(&root, ".git/config.txt", b"[core]\n");
    write(&root, "style.css", b"body { color: red }\n");
    write(&root, "logo", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(&root, "notes", "Бележки за статията.\n".as_bytes());
    let jsonl = format!(
        "{{\"text\": {}}}\n{{\"id\": \"x\", \"text\": {}}}\n",
        json(&seed(0)),
        json(&seed(1))
    );
    write(&root, "ru/c.jsonl", jsonl.as_bytes());
    let lone = write(tmp.path(), "lone.txt", seed(3).as_bytes());
    let docs = read_all(&[root.clone(), lone]);
    assert_eq!(
        ids(&docs),
        [
            "a.txt",
            "bg/a.html",
            "bg/z/deep.txt",
            "notes",
            "ru/a.txt",
            "ru/b.txt",
            "ru/c.jsonl:1",
            "x",
            "lone.txt"
        ]
    );
    assert_eq!(bytes_of(&docs[4]), seed(0).as_bytes());
    assert!(docs.iter().all(|d| error_of(d).is_none()));
}

#[test]
fn stdin_like_streams_are_sniffed() {
    let opts = InputOptions::default();
    let text: Vec<RawDoc> =
        documents_from_reader("-", std::io::Cursor::new(seed(3).into_bytes()), &opts).collect();
    assert_eq!(ids(&text), ["-"]);
    assert_eq!(kind_of(&text[0]), PayloadKind::Text);
    assert_eq!(bytes_of(&text[0]), seed(3).as_bytes());

    let page = gzip(seed_page(0, Some("utf-8")).as_bytes());
    let html: Vec<RawDoc> = documents_from_reader("-", std::io::Cursor::new(page), &opts).collect();
    assert_eq!(kind_of(&html[0]), PayloadKind::Html);

    let lines = format!(
        "{{\"text\": {}}}\n\n{{\"html\": \"<p>x</p>\"}}\n",
        json(&seed(1))
    );
    let jsonl: Vec<RawDoc> =
        documents_from_reader("-", std::io::Cursor::new(lines), &opts).collect();
    assert_eq!(ids(&jsonl), ["-:1", "-:3"]);

    let warc = gzip_members(&[
        warcinfo(),
        response_record("https://b.bg/n", "text/plain", seed(3).as_bytes()),
    ]);
    let warc: Vec<RawDoc> = documents_from_reader("-", std::io::Cursor::new(warc), &opts).collect();
    assert_eq!(ids(&warc), ["https://b.bg/n"]);
    assert_eq!(kind_of(&warc[0]), PayloadKind::Text);

    let empty: Vec<RawDoc> = documents_from_reader("-", &b""[..], &opts).collect();
    assert_eq!(error_of(&empty[0]), Some("empty document"));
}

/// A PNG image: its magic number, then NULs and control bytes.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa\0\0\0\x01sRGB\0\xae\xce\x1c\xe9\0\0\0\x04gAMA\0\0\xb1\x8f\x0b\xfca\x05";

/// Issue 14, defect 5: a WARC on standard input whose first record is an
/// image was refused whole as "binary", plain or gzipped a member per
/// record. Its version line says WARC; the image record is passed over
/// like any non-text payload and the page after it is read.
#[test]
fn a_warc_on_stdin_whose_first_record_is_an_image_is_read() {
    let records = [
        response_record("https://b.bg/logo.png", "image/png", PNG),
        response_record(
            "https://b.bg/news",
            "text/html",
            seed_page(3, None).as_bytes(),
        ),
    ];
    let plain = records.concat();
    let gzipped = gzip_members(&records);
    for (what, bytes) in [("plain", plain), ("gzipped", gzipped)] {
        let docs: Vec<RawDoc> =
            documents_from_reader("-", std::io::Cursor::new(bytes), &InputOptions::default())
                .collect();
        assert_eq!(ids(&docs), ["https://b.bg/news"], "{what}");
        assert_eq!(bytes_of(&docs[0]), seed_page(3, None).as_bytes(), "{what}");
    }
}

/// `--format` says what every input is, over its name and its bytes.
#[test]
fn the_format_option_overrides_names_and_sniffing() {
    let tmp = tempfile::tempdir().unwrap();
    let feed = format!(
        "{{\"text\": {}}}\n{{\"text\": {}}}\n",
        json(&seed(0)),
        json(&seed(1))
    );
    let named_txt = write(tmp.path(), "feed.txt", feed.as_bytes());
    let as_jsonl = InputOptions {
        format: InputFormat::Jsonl,
        ..InputOptions::default()
    };
    let docs: Vec<RawDoc> = documents(std::slice::from_ref(&named_txt), &as_jsonl).collect();
    assert_eq!(ids(&docs), ["feed.txt:1", "feed.txt:2"]);
    assert_eq!(bytes_of(&docs[1]), seed(1).as_bytes());
    assert_eq!(
        dyad_input::count_documents(std::slice::from_ref(&named_txt)),
        Some(1)
    );
    assert_eq!(
        dyad_input::count_documents_as(&[named_txt], InputFormat::Jsonl),
        None
    );

    // Standard input holding a page is text when told so.
    let as_text = InputOptions {
        format: InputFormat::Text,
        ..InputOptions::default()
    };
    let page = seed_page(0, None);
    let docs: Vec<RawDoc> =
        documents_from_reader("-", std::io::Cursor::new(page.clone()), &as_text).collect();
    assert_eq!(kind_of(&docs[0]), PayloadKind::Text);
    assert_eq!(bytes_of(&docs[0]), page.as_bytes());

    // A WARC named .txt is read as WARC when told so, gzipped too.
    let warc = gzip_members(&[response_record(
        "https://b.bg/n",
        "text/plain",
        seed(3).as_bytes(),
    )]);
    let named_txt = write(tmp.path(), "crawl.txt.gz", &warc);
    let as_warc = InputOptions {
        format: InputFormat::Warc,
        ..InputOptions::default()
    };
    let docs: Vec<RawDoc> = documents(&[named_txt], &as_warc).collect();
    assert_eq!(ids(&docs), ["https://b.bg/n"]);

    // A binary file is still refused; in a directory, still passed over.
    let dir = tmp.path().join("dir");
    let png = write(&dir, "logo.png", PNG);
    write(&dir, "note.txt", seed(2).as_bytes());
    let docs: Vec<RawDoc> = documents(&[png, dir], &as_text).collect();
    assert_eq!(ids(&docs), ["logo.png", "note.txt"]);
    assert_eq!(error_of(&docs[0]), Some("binary file (PNG image)"));

    assert_eq!("JSONL".parse(), Ok(InputFormat::Jsonl));
    assert!("xml"
        .parse::<InputFormat>()
        .unwrap_err()
        .contains("auto, text, html, warc, jsonl"));
}

#[test]
fn bad_files_become_error_documents_and_reading_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let good = write(d, "good.txt", seed(0).as_bytes());
    let missing = d.join("missing.txt");
    let empty = write(d, "empty.txt", b"");
    let blank = write(d, "blank.txt", b" \n\r\n\t ");
    let png = write(d, "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    let pdf = write(d, "report", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n");
    let elf = write(d, "tool.html", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0");
    let nul = write(d, "data.bin", b"abc\0\0\0def\0");
    let controls: Vec<u8> = (0..400u32)
        .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
        .collect();
    let ctl = write(d, "ctl", &controls);
    let corrupt_gz = {
        let mut gz = gzip(seed(2).as_bytes());
        let mid = gz.len() / 2;
        for b in &mut gz[mid..mid + 8] {
            *b ^= 0x5A;
        }
        write(d, "page.html.gz", &gz)
    };
    let truncated_gz = {
        let gz = gzip(seed(1).as_bytes());
        write(d, "cut.txt.gz", &gz[..gz.len() * 2 / 3])
    };
    let subdir = d.join("sub");
    fs::create_dir(&subdir).unwrap();
    let docs = read_all(&[
        missing,
        good.clone(),
        empty,
        blank,
        png,
        pdf,
        elf,
        nul,
        ctl,
        corrupt_gz,
        truncated_gz,
        good,
    ]);
    let errors: Vec<Option<&str>> = docs.iter().map(error_of).collect();
    assert_eq!(docs.len(), 12);
    assert!(
        errors[0].unwrap().contains("no such file or directory"),
        "{:?}",
        errors[0]
    );
    assert!(errors[0].unwrap().contains("missing.txt"));
    assert_eq!(docs[0].id, "missing.txt");
    assert_eq!(errors[1], None);
    assert_eq!(errors[2], Some("empty document"));
    assert_eq!(errors[3], Some("empty document (only whitespace)"));
    assert_eq!(errors[4], Some("binary file (PNG image)"));
    assert_eq!(errors[5], Some("binary file (PDF document)"));
    assert_eq!(errors[6], Some("binary file (ELF executable)"));
    assert_eq!(errors[7], Some("binary file (contains NUL bytes)"));
    assert!(
        errors[8].unwrap().contains("control characters"),
        "{:?}",
        errors[8]
    );
    assert!(errors[9].unwrap().contains("gzip"), "{:?}", errors[9]);
    assert_eq!(errors[10], Some("truncated gzip stream"));
    assert_eq!(errors[11], None);
    for d in &docs[..11] {
        if error_of(d).is_some() {
            assert!(decode(d.clone()).is_err());
        }
    }
}

#[test]
fn an_unreadable_file_is_an_error_document() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write(tmp.path(), "locked.txt", seed(0).as_bytes());
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&path).is_ok() {
        // Running as root: permissions do not stop reading.
        return;
    }
    let docs = read_all(&[path]);
    assert!(error_of(&docs[0]).unwrap().contains("permission denied"));
}

/// A 50 MB file (made here, never committed) is refused by its size,
/// unread; so is the same payload from a stream or a gzip file.
#[test]
fn oversized_documents_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let big = tmp.path().join("big.txt");
    let line = seed(0);
    let mut size = 0u64;
    {
        let mut f = std::io::BufWriter::new(fs::File::create(&big).unwrap());
        while size < 50_000_000 {
            f.write_all(line.as_bytes()).unwrap();
            size += line.len() as u64;
        }
    }
    let opts = InputOptions::default();
    let limit = opts.max_doc_bytes;
    let after = write(tmp.path(), "after.txt", seed(1).as_bytes());
    let docs: Vec<RawDoc> = documents(&[big.clone(), after], &opts).collect();
    assert_eq!(
        error_of(&docs[0]),
        Some(format!("document too large ({size} bytes, limit {limit})").as_str())
    );
    assert_eq!(error_of(&docs[1]), None);

    let small = InputOptions {
        max_doc_bytes: 1000,
        ..InputOptions::default()
    };
    let text = seed(0);
    let streamed: Vec<RawDoc> =
        documents_from_reader("-", std::io::Cursor::new(text.clone().into_bytes()), &small)
            .collect();
    assert_eq!(
        error_of(&streamed[0]),
        Some(format!("document too large ({} bytes, limit 1000)", text.len()).as_str())
    );
    let gz = write(tmp.path(), "a.txt.gz", &gzip(text.as_bytes()));
    let unknown = write(tmp.path(), "noext", text.as_bytes());
    let docs: Vec<RawDoc> = documents(&[gz, unknown], &small).collect();
    for d in &docs {
        assert_eq!(
            error_of(d),
            Some(format!("document too large ({} bytes, limit 1000)", text.len()).as_str())
        );
    }
}

#[test]
fn a_missing_argument_does_not_hide_the_others() {
    let mut it: Documents = documents(
        &[
            PathBuf::from("/no/such/dir/x.warc.gz"),
            PathBuf::from(SEEDS),
        ],
        &InputOptions::default(),
    );
    assert!(error_of(&it.next().unwrap()).is_some());
    let rest: Vec<RawDoc> = it.collect();
    assert_eq!(rest.len(), 4, "the seed directory holds 4 texts");
    assert!(rest.iter().all(|d| error_of(d).is_none()));
}

#[test]
fn a_binary_format_is_refused_whatever_the_name_says() {
    let tmp = tempfile::tempdir().unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    let jsonl = write(tmp.path(), "feed.jsonl", png);
    let warc = write(tmp.path(), "crawl.warc.gz", &gzip(b"%PDF-1.4\n%\xe2\xe3\n"));
    let docs = read_all(&[jsonl, warc]);
    assert_eq!(ids(&docs), ["feed.jsonl", "crawl.warc.gz"]);
    assert_eq!(error_of(&docs[0]), Some("binary file (PNG image)"));
    assert_eq!(error_of(&docs[1]), Some("binary file (PDF document)"));
}

/// `dyad code <(zcat x.gz)` hands over a pipe: it has no size and is read
/// as a stream.
#[test]
fn a_named_pipe_is_read_as_a_stream() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this system
    }
    let text = seed(2);
    let writer = {
        let (fifo, text) = (fifo.clone(), text.clone());
        std::thread::spawn(move || fs::write(fifo, text).unwrap())
    };
    let docs = read_all(std::slice::from_ref(&fifo));
    writer.join().unwrap();
    assert_eq!(ids(&docs), ["pipe"]);
    assert_eq!(bytes_of(&docs[0]), text.as_bytes());
}

#[test]
fn counting_documents_matches_reading_them_unless_a_container_is_among_them() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Путин провел переговоры.".as_bytes());
    write(
        dir.path(),
        "sub/b.html",
        b"<html><body><p>Text</p></body></html>",
    );
    write(dir.path(), "sub/style.css", b"body { color: red }");
    write(dir.path(), ".hidden/c.txt", b"hidden");
    let args = [dir.path().to_path_buf()];
    assert_eq!(
        dyad_input::count_documents(&args),
        Some(read_all(&args).len())
    );
    assert_eq!(dyad_input::count_documents(&args), Some(2));
    let single = [dir.path().join("a.txt")];
    assert_eq!(dyad_input::count_documents(&single), Some(1));
    write(
        dir.path(),
        "feed.jsonl",
        b"{\"text\": \"one\"}\n{\"text\": \"two\"}\n",
    );
    assert_eq!(dyad_input::count_documents(&args), None);
    assert_eq!(dyad_input::count_documents(&[PathBuf::from("-")]), None);
}
