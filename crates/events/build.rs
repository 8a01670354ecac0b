//! Embeds `data/lexicon/types.txt` and every `data/lexicon/<lang>/*.txt`
//! file, so the binary carries the built-in lexicons; a file added there is
//! picked up by the next build (and, at run time, by `--lexicon-dir`).

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../data/lexicon");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = vec![root.join("types.txt")];
    let mut langs: Vec<PathBuf> = list(&root).into_iter().filter(|p| p.is_dir()).collect();
    langs.sort();
    for dir in &langs {
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut inner: Vec<PathBuf> = list(dir)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        inner.sort();
        files.extend(inner);
    }
    let mut out = String::from(
        "/// The built-in lexicon files: (path under data/lexicon, contents).\npub(crate) const BUILTIN: &[(&str, &str)] = &[\n",
    );
    for f in files.iter().filter(|f| f.is_file()) {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        out.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            rel,
            f.canonicalize().unwrap().display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(env::var("OUT_DIR").unwrap()).join("builtin_lexicon.rs");
    fs::write(dest, out).unwrap();
}

fn list(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}
