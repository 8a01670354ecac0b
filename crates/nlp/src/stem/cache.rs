//! A per-thread memo of stems: news repeat their words (and names) within a
//! document and across a feed, and Snowball costs more than a hash lookup.
//! Bounded: a thread's table is emptied when it reaches `CAPACITY`
//! entries, so memory stays flat however long the run.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::Lang;

const CAPACITY: usize = 50_000;
/// One table per (language, capitalised).
const TABLES: usize = Lang::ALL.len() * 2;

thread_local! {
    static MEMO: RefCell<Vec<FxHashMap<Box<str>, Box<str>>>> =
        RefCell::new((0..TABLES).map(|_| FxHashMap::default()).collect());
}

/// `use_stem(compute(norm))`, with `compute(norm)` remembered per thread
/// under (lang, capitalised, norm); a remembered stem is lent, not copied.
pub(crate) fn with_cached<R>(
    lang: Lang,
    capitalised: bool,
    norm: &str,
    compute: impl FnOnce(&str) -> String,
    use_stem: impl FnOnce(&str) -> R,
) -> R {
    let index = lang as usize * 2 + usize::from(capitalised);
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        let table = &mut memo[index];
        if let Some(s) = table.get(norm) {
            return use_stem(s);
        }
        let s = compute(norm);
        if table.len() >= CAPACITY {
            table.clear();
        }
        let r = use_stem(&s);
        table.insert(norm.into(), s.into_boxed_str());
        r
    })
}
