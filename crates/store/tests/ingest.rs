//! Storing coded documents: a document is its content, stored once with
//! every place it was read at; a place whose content changed points to the
//! new content and the old goes when no place holds it; a document stored
//! with an error is stored anew when coded again; a reprint is linked to
//! its original and counted once in its story; replacing an original hands
//! its reprints to the next one.

use dyad_core::{EventType, OutBlock, OutEvent, OutSpan, Record};
use dyad_store::{content_hash, Outcome, Source, Store, StoredDoc};

/// The place `/data/{id}`, read with the record id `id`.
fn at(id: &str) -> Source {
    Source::new(Some(&format!("/data/{id}")), None, id)
}

/// A text of `n` distinct words: enough shingles for a SimHash.
fn words(seed: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{seed}{i}")).collect()
}

fn consult(a: &str, b: &str, date: Option<&str>) -> OutEvent {
    OutEvent {
        kind: EventType::Consult,
        alt_types: vec![],
        mode: None,
        actors: vec![a.into(), b.into()],
        recipients: vec![],
        actor_ids: vec![a.into(), b.into()],
        recipient_ids: vec![],
        context: vec!["diplomatic".into()],
        date: date.map(str::to_string),
        quad: 1,
        score: 4.0,
        confidence: 0.7,
        sentence: Some(OutSpan { start: 0, end: 10 }),
        evidence: format!("{a} and {b} held talks"),
    }
}

fn doc(id: &str, url: &str, words: Vec<String>, events: Vec<OutEvent>) -> StoredDoc {
    let text = words.join(" ");
    StoredDoc {
        record: Record {
            doc: id.into(),
            lang: Some("en".into()),
            title: None,
            date: Some("2024-06-11".into()),
            url: Some(url.into()),
            text: None,
            blocks: vec![OutBlock {
                start: 0,
                end: text.chars().count(),
                kind: "body".into(),
            }],
            mentions: vec![],
            events,
            error: None,
        },
        hash: content_hash(text.as_bytes()),
        stems: text.clone(),
        title_stems: String::new(),
        text,
    }
}

fn one(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn documents_are_added_skipped_when_unchanged_and_replaced_when_changed() {
    let mut store = Store::in_memory().unwrap();
    let a = doc(
        "a",
        "https://one.example/a",
        words("w", 60),
        vec![consult("RUS", "TUR", None)],
    );
    assert_eq!(
        store.put(&a, &at("a"), "2024-06-11T10:00:00Z").unwrap(),
        Outcome::Added
    );
    assert_eq!(
        store.put(&a, &at("a"), "2024-06-12T10:00:00Z").unwrap(),
        Outcome::Unchanged
    );
    let mut changed = doc("a", "https://one.example/a", words("v", 60), vec![]);
    changed.hash = content_hash(b"other bytes");
    assert_eq!(
        store
            .put(&changed, &at("a"), "2024-06-12T10:00:00Z")
            .unwrap(),
        Outcome::Replaced
    );
    store.commit().unwrap();
    let c = store.counts().unwrap();
    assert_eq!(
        (c.documents, c.sources, c.events, c.stories),
        (1, 1, 0, 0),
        "{c:?}"
    );
    let done = store.done_hashes().unwrap();
    assert!(done.contains(&changed.hash) && !done.contains(&a.hash));
}

#[test]
fn the_same_name_in_two_folders_is_two_documents_and_stays_so() {
    let mut store = Store::in_memory().unwrap();
    let one_x = doc("x.html", "https://one.example/x", words("w", 60), vec![]);
    let other_x = doc("x.html", "https://two.example/x", words("v", 60), vec![]);
    let a = Source::new(Some("/data/a/x.html"), None, "x.html");
    let b = Source::new(Some("/data/b/x.html"), None, "x.html");
    let t = "2024-06-11T10:00:00Z";
    assert_eq!(store.put(&one_x, &a, t).unwrap(), Outcome::Added);
    assert_eq!(store.put(&other_x, &b, t).unwrap(), Outcome::Added);
    // Read again in the same order: nothing flips.
    for _ in 0..2 {
        assert_eq!(store.put(&one_x, &a, t).unwrap(), Outcome::Unchanged);
        assert_eq!(store.put(&other_x, &b, t).unwrap(), Outcome::Unchanged);
    }
    store.commit().unwrap();
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.sources), (2, 2), "{c:?}");
}

#[test]
fn the_same_content_at_two_places_is_one_document_with_both_sources() {
    let mut store = Store::in_memory().unwrap();
    let text = doc("x.txt", "https://one.example/x", words("w", 60), vec![]);
    let t1 = "2024-06-11T10:00:00Z";
    let t2 = "2024-06-12T10:00:00Z";
    assert_eq!(store.put(&text, &at("x.txt"), t1).unwrap(), Outcome::Added);
    let copy = Source::new(
        Some("/copy/x.txt"),
        Some("https://mirror.example/x"),
        "x.txt",
    );
    assert_eq!(store.put(&text, &copy, t2).unwrap(), Outcome::NewSource);
    assert_eq!(
        store.put_known(&text.hash, &copy, t2).unwrap(),
        Some(Outcome::Unchanged)
    );
    store.commit().unwrap();
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.sources), (1, 2), "{c:?}");
    let id = one(&store, "SELECT id FROM documents");
    let sources = dyad_store::sources::of_document(store.conn(), id).unwrap();
    assert_eq!(sources, vec![at("x.txt"), copy]);
    // The first place changes: the content stays, held by the copy.
    let changed = doc("x.txt", "https://one.example/x", words("v", 60), vec![]);
    assert_eq!(
        store.put(&changed, &at("x.txt"), t2).unwrap(),
        Outcome::Replaced
    );
    store.commit().unwrap();
    assert_eq!(store.counts().unwrap().documents, 2);
    // The copy changes to the same new text: the old content is held by
    // no place and goes.
    let copy = Source::new(Some("/copy/x.txt"), None, "x.txt");
    assert_eq!(
        store.put_known(&changed.hash, &copy, t2).unwrap(),
        Some(Outcome::Replaced)
    );
    store.commit().unwrap();
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.sources), (1, 2), "{c:?}");
    assert_eq!(
        store.put_known(&text.hash, &copy, t2).unwrap(),
        None,
        "content no longer stored must be coded again"
    );
}

#[test]
fn a_document_stored_with_an_error_is_stored_anew_when_coded_again() {
    let mut store = Store::in_memory().unwrap();
    let good = doc(
        "a",
        "https://one.example/a",
        words("w", 60),
        vec![consult("RUS", "TUR", None)],
    );
    let mut failed = good.clone();
    failed.record.error = Some("timed out after 30 s".into());
    failed.record.events.clear();
    failed.record.blocks.clear();
    failed.stems.clear();
    let t = "2024-06-11T10:00:00Z";
    assert_eq!(store.put(&failed, &at("a"), t).unwrap(), Outcome::Added);
    store.commit().unwrap();
    assert_eq!(store.counts().unwrap().errors, 1);
    assert!(
        !store.done_hashes().unwrap().contains(&failed.hash),
        "an errored document is not done"
    );
    let id = one(&store, "SELECT id FROM documents");
    assert_eq!(store.put(&good, &at("a"), t).unwrap(), Outcome::Retried);
    store.commit().unwrap();
    let c = store.counts().unwrap();
    assert_eq!(
        (c.documents, c.sources, c.errors, c.events),
        (1, 1, 0, 1),
        "{c:?}"
    );
    assert_eq!(one(&store, "SELECT id FROM documents"), id);
    assert_eq!(one(&store, "SELECT doc_id FROM sources"), id);
    assert!(store.done_hashes().unwrap().contains(&good.hash));
}

#[test]
fn a_reprint_is_linked_to_its_original_and_its_story_counts_one_article() {
    let mut store = Store::in_memory().unwrap();
    let original = doc(
        "a",
        "https://one.example/a",
        words("w", 80),
        vec![consult("RUS", "TUR", Some("2024-06-11"))],
    );
    let mut reprint_words = words("w", 80);
    reprint_words.insert(0, "reprinted".into());
    reprint_words.push("subscribe".into());
    let reprint = doc(
        "b",
        "https://two.example/b",
        reprint_words,
        vec![consult("TUR", "RUS", Some("2024-06-11"))],
    );
    let other = doc(
        "c",
        "https://three.example/c",
        words("x", 80),
        vec![consult("RUS", "TUR", Some("2024-06-12"))],
    );
    for d in [&original, &reprint, &other] {
        store
            .put(d, &at(&d.record.doc), "2024-06-12T10:00:00Z")
            .unwrap();
    }
    store.commit().unwrap();
    assert_eq!(
        one(&store, "SELECT dup_of FROM documents WHERE doc = 'b'"),
        one(&store, "SELECT id FROM documents WHERE doc = 'a'")
    );
    assert_eq!(
        one(
            &store,
            "SELECT count(*) FROM documents WHERE doc = 'c' AND dup_of IS NULL"
        ),
        1
    );
    // One story: three events, two articles (the reprint counted once),
    // three sources.
    assert_eq!(one(&store, "SELECT count(*) FROM stories"), 1);
    assert_eq!(one(&store, "SELECT num_articles FROM stories"), 2);
    assert_eq!(one(&store, "SELECT num_sources FROM stories"), 3);

    // Replace the original with another text: the reprint becomes the
    // original of its group, and the story counts follow.
    let mut replaced = doc("a", "https://one.example/a", words("z", 80), vec![]);
    replaced.hash = content_hash(b"rewritten");
    assert_eq!(
        store
            .put(&replaced, &at("a"), "2024-06-13T10:00:00Z")
            .unwrap(),
        Outcome::Replaced
    );
    store.commit().unwrap();
    assert_eq!(
        one(
            &store,
            "SELECT count(*) FROM documents WHERE dup_of IS NOT NULL"
        ),
        0
    );
    assert_eq!(one(&store, "SELECT num_articles FROM stories"), 2);
    assert_eq!(one(&store, "SELECT num_sources FROM stories"), 2);
}
