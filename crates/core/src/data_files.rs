//! Reading the plain-text data files (actor dictionaries, event lexicons)
//! and the one error type their loaders report: `FILE:LINE: message`.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem in a data file; `line` 0 when it concerns the whole file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl LoadError {
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        LoadError {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for LoadError {}

/// The contents of a UTF-8 text file; a file that is not UTF-8 is an error
/// naming the line of its first bad byte.
pub fn read_text_file(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path)
        .map_err(|e| LoadError::new(path.display().to_string(), 0, format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        LoadError::new(
            path.display().to_string(),
            upto.iter().filter(|&&b| b == b'\n').count() + 1,
            "not UTF-8 text",
        )
    })
}

/// (path, contents) of every `*.txt` file directly in `dir`, in sorted
/// name order.
pub fn read_text_dir(dir: &Path) -> Result<Vec<(String, String)>, LoadError> {
    let err = |e: std::io::Error| {
        LoadError::new(
            dir.display().to_string(),
            0,
            format!("cannot read the directory: {e}"),
        )
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(err)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|f| Ok((f.display().to_string(), read_text_file(&f)?)))
        .collect()
}
