//! Where a document was read (`RawDoc::origin`): its file's canonical
//! absolute path, and `PATH#N` for the N-th document of a WARC or JSON
//! Lines file. Two arguments never give two documents the same origin,
//! and one file reached by two paths (a symlink, `dir/../dir`) gives the
//! same one.

use std::path::Path;

use dyad_core::RawDoc;

use crate::source::Stream;

/// The canonical absolute path of `path`; when it cannot be resolved (a
/// missing file), its absolute path as written.
pub(crate) fn of_path(path: &Path) -> String {
    let resolved = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf());
    resolved.to_string_lossy().into_owned()
}

/// The documents of one container file, each given its position in it.
pub(crate) struct Numbered {
    inner: Stream,
    /// The container's origin (`None` for standard input).
    base: Option<String>,
    n: usize,
}

impl Numbered {
    pub fn new(inner: Stream, base: Option<String>) -> Self {
        Numbered { inner, base, n: 0 }
    }
}

impl Iterator for Numbered {
    type Item = RawDoc;

    fn next(&mut self) -> Option<RawDoc> {
        let mut doc = self.inner.next()?;
        self.n += 1;
        doc.origin = self.base.as_ref().map(|base| format!("{base}#{}", self.n));
        Some(doc)
    }
}
