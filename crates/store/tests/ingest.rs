//! Storing coded documents: added, unchanged and replaced by content
//! hash; a reprint is linked to its original and counted once in its
//! story; replacing an original hands its reprints to the next one.

use dyad_core::{EventType, OutBlock, OutEvent, OutSpan, Record};
use dyad_store::{content_hash, Outcome, Store, StoredDoc};

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
        store.put(&a, "2024-06-11T10:00:00Z").unwrap(),
        Outcome::Added
    );
    assert_eq!(
        store.put(&a, "2024-06-12T10:00:00Z").unwrap(),
        Outcome::Unchanged
    );
    let mut changed = doc("a", "https://one.example/a", words("v", 60), vec![]);
    changed.hash = content_hash(b"other bytes");
    assert_eq!(
        store.put(&changed, "2024-06-12T10:00:00Z").unwrap(),
        Outcome::Replaced
    );
    store.commit().unwrap();
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.events, c.stories), (1, 0, 0), "{c:?}");
    assert_eq!(store.known_hashes().unwrap()["a"], changed.hash);
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
        store.put(d, "2024-06-12T10:00:00Z").unwrap();
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
        store.put(&replaced, "2024-06-13T10:00:00Z").unwrap(),
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
