//! One document through the stages: decode → extract → language →
//! analyse → actors → record.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use dyad_actors::{Dictionary, LoadError, Sources};
use dyad_core::{Article, RawDoc, Record};
use dyad_nlp::Lang;

/// What the stages need that is loaded once: the actor dictionary.
pub struct Pipeline {
    pub actors: Dictionary,
}

/// Where the actor dictionary comes from, as the command line says.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct ActorArgs {
    /// A file of your own actors (format: data/actors/README.md), read
    /// after the dictionary. Repeatable.
    #[arg(long = "actors", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Read the dictionary from this directory's *.txt files instead of
    /// the built-in one. Default: $DYAD_ACTORS_DIR, else the data/actors
    /// directory of the source tree the binary was built in, if it is still
    /// there, else the copy built into the binary.
    #[arg(long = "actors-dir", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

impl ActorArgs {
    /// The dictionary sources these arguments name.
    pub fn sources(&self) -> Sources {
        let dir = self
            .dir
            .clone()
            .or_else(|| std::env::var_os("DYAD_ACTORS_DIR").map(PathBuf::from))
            .or_else(source_tree_dir);
        Sources {
            dir,
            files: self.files.clone(),
        }
    }
}

/// `data/actors` of the source tree this binary was built from, when it
/// still exists: edits there apply without a rebuild.
fn source_tree_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/actors");
    dir.is_dir().then_some(dir)
}

impl Pipeline {
    /// The pipeline with the actor dictionary of `args`.
    pub fn new(args: &ActorArgs) -> Result<Self, LoadError> {
        // Each language's matcher compiles on its first document.
        let actors = Dictionary::load(&args.sources())?;
        Ok(Pipeline { actors })
    }

    /// The pipeline with the built-in dictionary (tests, examples).
    pub fn builtin() -> Result<Self, LoadError> {
        Ok(Pipeline {
            actors: Dictionary::builtin()?,
        })
    }

    /// The record of one raw document. Never panics: a document that
    /// cannot be read, or one that trips a bug in a stage, yields a record
    /// with `error`.
    pub fn process(&self, raw: RawDoc) -> Record {
        let id = raw.id.clone();
        let url = raw.url.clone();
        match catch_unwind(AssertUnwindSafe(|| self.run_stages(raw))) {
            Ok(record) => record,
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown".to_string());
                Record::error(id, url, format!("internal error while processing: {what}"))
            }
        }
    }

    fn run_stages(&self, raw: RawDoc) -> Record {
        let id = raw.id.clone();
        let url = raw.url.clone();
        let decoded = match dyad_input::decode(raw) {
            Ok(d) => d,
            Err(e) => return Record::error(id, url, e.0),
        };
        let article = dyad_extract::extract(decoded);
        let lang = language(&article);
        let spans: Vec<_> = article.blocks.iter().map(|b| b.span).collect();
        let analysed = dyad_nlp::analyse(&article.text, &spans, lang);
        let day = article.date.as_deref().and_then(dyad_actors::document_day);
        let mentions = self.actors.link(&article.text, &analysed, day);
        Record::from_article(&article, lang.map(Lang::code), &mentions)
    }
}

/// The language of the kept article text: its first blocks, enough of them
/// for the detector's sample (`dyad_nlp::SAMPLE_BYTES`), which it cuts.
pub fn language(article: &Article) -> Option<Lang> {
    let mut sample = String::new();
    for block in &article.blocks {
        if sample.len() >= dyad_nlp::SAMPLE_BYTES {
            break;
        }
        if !sample.is_empty() {
            sample.push('\n');
        }
        sample.push_str(block.span.slice(&article.text));
    }
    dyad_nlp::detect_language(&sample)
}
