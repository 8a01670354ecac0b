//! Near-duplicate detection of reprints: the same article republished with
//! other boilerplate or small edits. A document's fingerprint is a 64-bit
//! SimHash over the set of its 3-word shingles (of word stems); two
//! documents whose SimHashes differ in at most [`MAX_DISTANCE`] bits are
//! the same article.
//!
//! Candidates are every stored document's hash, kept in memory in id
//! order ([`HashIndex`]): one XOR and popcount each, so a store of 100,000
//! documents costs about a tenth of a millisecond per lookup, and every
//! reprint within the distance is found. (A band index in SQLite, 28 keys
//! per document, cost ingest about a tenth of its time and missed some
//! pairs at distance 7 and 8.)
//!
//! Measured on slavicner (2,023 texts, stems of the whole text; reprint
//! pairs found by word-shingle overlap): pairs with Jaccard ≥ 0.9 lie at
//! distance 0–8 (58 pairs, one at 8), pairs with Jaccard 0.8–0.9 at 2–15
//! (48 of 61 within 8); of the 2.04 million pairs of different articles
//! (208,156 of them on the same topic in the same language) none is closer
//! than 14. [`MAX_DISTANCE`] = 8 takes every close reprint and stays well
//! below the nearest different article; at random, two unrelated hashes
//! fall within 8 bits with odds 2.8e-10.

use rusqlite::{Connection, OptionalExtension};

/// Fewer distinct shingles than this and [`simhash`] declines to judge:
/// below it (about one sentence) one edited word changes 3 of fewer than
/// 20 shingles, which moves the hash by 11 bits or more on average
/// (64·acos(1 − 3/n)/π for n shingles), beyond [`MAX_DISTANCE`]; the hash
/// of such a text could not tell an edit from another text.
pub const MIN_SHINGLES: usize = 20;

/// Hamming distance up to which two SimHashes are the same article (see
/// the module docs for the measurements behind it).
pub const MAX_DISTANCE: u32 = 8;

/// Words per shingle.
const SHINGLE: usize = 3;

/// The 64-bit SimHash of a text given as its words (lower-cased stems, in
/// text order), over the distinct shingles of three consecutive words;
/// `None` when there are fewer than [`MIN_SHINGLES`] of them.
pub fn simhash<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<u64> {
    let shingles = shingle_hashes(words);
    if shingles.len() < MIN_SHINGLES {
        return None;
    }
    let mut votes = [0i64; 64];
    for h in &shingles {
        for (bit, vote) in votes.iter_mut().enumerate() {
            *vote += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    let mut hash = 0u64;
    for (bit, &vote) in votes.iter().enumerate() {
        if vote > 0 {
            hash |= 1 << bit;
        }
    }
    Some(hash)
}

/// The number of bits in which `a` and `b` differ.
pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// The sorted, distinct hashes of the shingles of `words`.
fn shingle_hashes<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<u64> {
    let mut window: [&str; SHINGLE] = [""; SHINGLE];
    let mut seen = 0usize;
    let mut hashes = Vec::new();
    for word in words {
        window.rotate_left(1);
        window[SHINGLE - 1] = word;
        seen += 1;
        if seen >= SHINGLE {
            hashes.push(shingle_hash(&window));
        }
    }
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// FNV-1a 64 over the words (each followed by a 0xFF byte, which no UTF-8
/// text contains), then a 64-bit finaliser so that every output bit
/// depends on every input byte (FNV alone mixes its last bytes poorly).
fn shingle_hash(words: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for word in words {
        for &b in word.as_bytes().iter().chain(&[0xFF]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    mix(h)
}

/// The finaliser of MurmurHash3 (fmix64).
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ h >> 33
}

/// The SimHashes of the stored documents, in id order.
#[derive(Clone, Debug, Default)]
pub struct HashIndex {
    hashes: Vec<(i64, u64)>,
}

impl HashIndex {
    /// The hashes of every document stored with one.
    pub fn load(conn: &Connection) -> rusqlite::Result<Self> {
        let mut stmt = conn
            .prepare("SELECT id, simhash FROM documents WHERE simhash IS NOT NULL ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)? as u64))
        })?;
        Ok(HashIndex {
            hashes: rows.collect::<Result<_, _>>()?,
        })
    }

    /// Adds document `id` (ids usually grow, so this is usually a push).
    pub fn insert(&mut self, id: i64, h: u64) {
        let at = self.hashes.partition_point(|&(i, _)| i < id);
        if self.hashes.get(at).is_some_and(|&(i, _)| i == id) {
            self.hashes[at].1 = h;
        } else {
            self.hashes.insert(at, (id, h));
        }
    }

    /// Forgets document `id`.
    pub fn remove(&mut self, id: i64) {
        self.hashes.retain(|&(i, _)| i != id);
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The document of lowest id, other than `doc_id`, whose hash is
    /// within [`MAX_DISTANCE`] of `h`.
    pub fn earliest_near(&self, doc_id: i64, h: u64) -> Option<i64> {
        self.hashes
            .iter()
            .find(|&&(id, other)| id != doc_id && hamming(h, other) <= MAX_DISTANCE)
            .map(|&(id, _)| id)
    }
}

/// The original of which document `doc_id` (SimHash `h`) is a reprint, if
/// any: the stored document of lowest id other than `doc_id` whose SimHash
/// is within [`MAX_DISTANCE`] of `h`, or, when that one is itself a
/// reprint, the original it points to.
pub fn find_original(
    conn: &Connection,
    index: &HashIndex,
    doc_id: i64,
    h: u64,
) -> rusqlite::Result<Option<i64>> {
    index
        .earliest_near(doc_id, h)
        .map(|id| original_of(conn, id))
        .transpose()
}

/// Follows `dup_of` from document `id` to its original (a document that
/// is not itself a reprint); stops at a cycle, which the store should never
/// hold.
fn original_of(conn: &Connection, mut id: i64) -> rusqlite::Result<i64> {
    let mut stmt = conn.prepare_cached("SELECT dup_of FROM documents WHERE id = ?1")?;
    let mut seen = vec![id];
    while let Some(next) = stmt
        .query_row([id], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten()
    {
        if seen.contains(&next) {
            break;
        }
        seen.push(next);
        id = next;
    }
    Ok(id)
}
