//! Walking a directory argument: every file below it, depth first, entries
//! of each directory in sorted name order (so files come in sorted path
//! order), hidden entries (`.name`) and symlinked directories passed over.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

/// What the walk finds next.
pub(crate) enum Found {
    /// A file, with its id: the path relative to the root, `/`-separated.
    File(PathBuf, String),
    /// A directory that could not be listed, with its path, its id and the
    /// reason.
    Unreadable(PathBuf, String, String),
}

struct Level {
    dir: PathBuf,
    /// The directory's id prefix (`""` for the root, else `a/b/`).
    prefix: String,
    /// Entry names, sorted, reversed so that `pop` yields them in order.
    names: Vec<OsString>,
}

pub(crate) struct Walk {
    stack: Vec<Level>,
    pending: Option<Found>,
}

impl Walk {
    /// Walks `root`; `root_id` names it in an error if it cannot be listed.
    pub fn new(root: &Path, root_id: &str) -> Self {
        let mut walk = Walk {
            stack: Vec::new(),
            pending: None,
        };
        walk.enter(root.to_path_buf(), String::new(), root_id);
        walk
    }

    fn enter(&mut self, dir: PathBuf, prefix: String, id: &str) {
        match list(&dir) {
            Ok(mut names) => {
                names.sort_unstable_by(|a, b| b.cmp(a));
                self.stack.push(Level { dir, prefix, names });
            }
            Err(e) => {
                let msg = format!("cannot list directory {}: {e}", dir.display());
                self.pending = Some(Found::Unreadable(dir, id.to_string(), msg));
            }
        }
    }
}

fn list(dir: &Path) -> std::io::Result<Vec<OsString>> {
    fs::read_dir(dir)?
        .map(|e| e.map(|e| e.file_name()))
        .collect()
}

impl Iterator for Walk {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            if let Some(found) = self.pending.take() {
                return Some(found);
            }
            let level = self.stack.last_mut()?;
            let Some(name) = level.names.pop() else {
                self.stack.pop();
                continue;
            };
            let shown = name.to_string_lossy();
            if shown.starts_with('.') {
                continue;
            }
            let path = level.dir.join(&name);
            let id = format!("{}{}", level.prefix, shown);
            let Ok(link_meta) = fs::symlink_metadata(&path) else {
                continue;
            };
            if link_meta.is_dir() {
                self.enter(path, format!("{id}/"), &id);
            } else if link_meta.is_file() {
                return Some(Found::File(path, id));
            } else if link_meta.file_type().is_symlink() {
                // Symlinked files are read; symlinked directories are not
                // entered (they could loop).
                if fs::metadata(&path).is_ok_and(|m| m.is_file()) {
                    return Some(Found::File(path, id));
                }
            }
        }
    }
}
