//! One document through the stages: decode → extract → language →
//! analyse → actors → events → record.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Duration;

use dyad_actors::{Dictionary, Sources};
use dyad_core::deadline::{self, Overrun};
use dyad_core::{Article, BlockKind, Event, LoadError, Mention, RawDoc, Record};
use dyad_events::{Coder, Explanation, Lexicon};
use dyad_nlp::{Analysed, Lang, TokenKind};
use dyad_store::StoredDoc;

/// What the stages need that is loaded once: the actor dictionary and the
/// event lexicons; and how long one document may take.
pub struct Pipeline {
    pub actors: Dictionary,
    pub events: Coder,
    /// A document still in the stages after this long becomes an error
    /// record (`None`: no limit).
    pub doc_timeout: Option<Duration>,
}

/// The default of `--doc-timeout`, in seconds. News articles take about a
/// millisecond; 32 MiB of hostile text (the largest document read by
/// default) about 20 s.
pub const DEFAULT_DOC_TIMEOUT_SECS: f64 = 60.0;

/// Where the actor dictionary and the event lexicons come from, and how
/// long one document may take, as the command line says.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct DataArgs {
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
    /// Read the event lexicons from this directory (types.txt and one
    /// directory per language, format: data/lexicon/README.md) instead of
    /// the built-in ones. Default: $DYAD_LEXICON_DIR, else the source
    /// tree's data/lexicon if it is still there, else the built-in copy.
    #[arg(long = "lexicon-dir", value_name = "DIR")]
    pub lexicon_dir: Option<PathBuf>,
    /// Give up on a document still being processed after this many
    /// seconds: it gets a record with an `error` and the run goes on
    /// (0: no limit).
    #[arg(long = "doc-timeout", value_name = "SECONDS",
          default_value_t = DEFAULT_DOC_TIMEOUT_SECS, value_parser = parse_timeout)]
    pub doc_timeout: f64,
}

/// A number of seconds, finite and not negative.
fn parse_timeout(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if (0.0..1e9).contains(&v) => Ok(v),
        _ => Err(format!("{s:?} is not a number of seconds (0 or more)")),
    }
}

impl DataArgs {
    /// The dictionary sources these arguments name.
    pub fn sources(&self) -> Sources {
        let dir = self
            .dir
            .clone()
            .or_else(|| std::env::var_os("DYAD_ACTORS_DIR").map(PathBuf::from))
            .or_else(|| source_tree_dir("actors"));
        Sources {
            dir,
            files: self.files.clone(),
        }
    }

    /// The per-document limit these arguments set.
    pub fn doc_timeout(&self) -> Option<Duration> {
        (self.doc_timeout > 0.0).then(|| Duration::from_secs_f64(self.doc_timeout))
    }

    /// The event lexicons these arguments name.
    pub fn lexicon(&self) -> Result<Lexicon, LoadError> {
        let dir = self
            .lexicon_dir
            .clone()
            .or_else(|| std::env::var_os("DYAD_LEXICON_DIR").map(PathBuf::from))
            .or_else(|| source_tree_dir("lexicon"));
        match dir {
            Some(dir) => Lexicon::load(&dir),
            None => Lexicon::builtin(),
        }
    }
}

/// `data/<name>` of the source tree this binary was built from, when it
/// still exists: edits there apply without a rebuild.
fn source_tree_dir(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data")
        .join(name);
    dir.is_dir().then_some(dir)
}

impl Pipeline {
    /// The pipeline with the actor dictionary and lexicons of `args`.
    pub fn new(args: &DataArgs) -> Result<Self, LoadError> {
        // Each language's matcher compiles on its first document.
        let actors = Dictionary::load(&args.sources())?;
        let events = Coder::new(args.lexicon()?);
        Ok(Pipeline {
            actors,
            events,
            doc_timeout: args.doc_timeout(),
        })
    }

    /// The pipeline with the built-in dictionary and lexicons (tests,
    /// examples).
    pub fn builtin() -> Result<Self, LoadError> {
        Ok(Pipeline {
            actors: Dictionary::builtin()?,
            events: Coder::new(Lexicon::builtin()?),
            doc_timeout: Some(Duration::from_secs_f64(DEFAULT_DOC_TIMEOUT_SECS)),
        })
    }

    /// The record of one raw document. Never panics: a document that
    /// cannot be read, or one that trips a bug in a stage, yields a record
    /// with `error`.
    pub fn process(&self, raw: RawDoc) -> Record {
        self.guarded(raw, |doc| doc.record(&self.code(&doc)), |record| record)
    }

    /// What the store keeps of one document: its record, the text the
    /// offsets point into, the stems of its kept words (search,
    /// near-duplicates) and `hash`, the content hash of the document as
    /// read. Never panics, like [`Pipeline::process`].
    pub fn process_for_store(&self, raw: RawDoc, hash: String) -> StoredDoc {
        let failed_hash = hash.clone();
        self.guarded(
            raw,
            |doc| StoredDoc {
                record: doc.record(&self.code(&doc)),
                stems: doc.stems(|_| true),
                title_stems: doc.stems(|kind| kind == BlockKind::Title),
                text: doc.article.text,
                hash,
            },
            |record| StoredDoc {
                record,
                text: String::new(),
                hash: failed_hash,
                stems: String::new(),
                title_stems: String::new(),
            },
        )
    }

    /// The record of one document and, sentence by sentence, why the
    /// coder gave it its events (`dyad explain`). Never panics.
    pub fn explain(&self, raw: RawDoc) -> (Record, Option<(String, Explanation)>) {
        self.guarded(
            raw,
            |doc| {
                let (events, explanation) =
                    self.events
                        .explain(&doc.article.text, &doc.analysed, &doc.mentions, doc.day);
                (doc.record(&events), Some((doc.article.text, explanation)))
            },
            |record| (record, None),
        )
    }

    /// `done` of the document read up to its actors; `failed` of its error
    /// record when it cannot be read, a stage panics or its time is up.
    fn guarded<T>(
        &self,
        raw: RawDoc,
        done: impl FnOnce(ReadDoc) -> T,
        failed: impl FnOnce(Record) -> T,
    ) -> T {
        let id = raw.id.clone();
        let url = raw.url.clone();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let _clock = deadline::start(self.doc_timeout);
            self.read(raw).map(done)
        }));
        match outcome {
            Ok(Ok(t)) => t,
            Ok(Err(record)) => failed(*record),
            Err(payload) if payload.is::<Overrun>() => failed(Record::error(
                id,
                url,
                format!(
                    "gave up after {:.3} s (--doc-timeout): the document takes too long to process",
                    self.doc_timeout.unwrap_or_default().as_secs_f64()
                ),
            )),
            Err(panic) => {
                let what = panic_message(panic.as_ref());
                failed(Record::error(
                    id,
                    url,
                    format!("internal error while processing: {what}"),
                ))
            }
        }
    }

    /// The events of a document read up to its actors.
    fn code(&self, doc: &ReadDoc) -> Vec<Event> {
        self.events
            .code(&doc.article.text, &doc.analysed, &doc.mentions, doc.day)
    }

    /// Every stage up to the actors; a document that cannot be read is its
    /// error record.
    fn read(&self, raw: RawDoc) -> Result<ReadDoc, Box<Record>> {
        let id = raw.id.clone();
        let url = raw.url.clone();
        let decoded = dyad_input::decode(raw).map_err(|e| Box::new(Record::error(id, url, e.0)))?;
        deadline::check();
        let article = dyad_extract::extract(decoded);
        deadline::check();
        let lang = language(&article);
        let spans: Vec<_> = article.blocks.iter().map(|b| b.span).collect();
        let analysed = dyad_nlp::analyse(&article.text, &spans, lang);
        let day = article.date.as_deref().and_then(dyad_actors::document_day);
        let mentions = self.actors.link(&article.text, &analysed, day);
        deadline::check();
        Ok(ReadDoc {
            article,
            analysed,
            mentions,
            day,
        })
    }
}

/// A document read up to its actor mentions.
struct ReadDoc {
    article: Article,
    analysed: Analysed,
    mentions: Vec<Mention>,
    day: Option<u32>,
}

/// What a caught panic says.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown".to_string())
}

impl ReadDoc {
    /// The plain (not name-guarded) stems of the words in the kept blocks
    /// whose kind passes `keep`, space-separated.
    fn stems(&self, keep: impl Fn(BlockKind) -> bool) -> String {
        let mut out = String::with_capacity(self.analysed.tokens.len() * 8);
        let words = self
            .analysed
            .sentences
            .iter()
            .filter(|s| {
                self.article
                    .blocks
                    .get(s.block)
                    .is_some_and(|b| keep(b.kind))
            })
            .flat_map(|s| &self.analysed.tokens[s.tokens.clone()])
            .filter(|t| t.kind == TokenKind::Word);
        for t in words {
            if !out.is_empty() {
                out.push(' ');
            }
            match self.analysed.lang {
                Some(lang) if t.upper_initial => {
                    out.push_str(&dyad_nlp::stem_word(lang, &t.norm, false))
                }
                Some(_) => out.push_str(t.stem()),
                None => out.push_str(&t.norm),
            }
        }
        out
    }

    fn record(&self, events: &[Event]) -> Record {
        let lang = self.analysed.lang.map(Lang::code);
        Record::from_article(&self.article, lang, &self.mentions, events)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::selfcheck::raw;

    const NEWS: &str = "Президент России Владимир Путин провёл переговоры с президентом \
                        Франции Франсуа Олландом в Москве.";

    #[test]
    fn a_panic_in_a_stage_is_the_records_error() {
        let p = Pipeline::builtin().unwrap();
        let record = p.guarded(
            raw("boom.txt", NEWS.as_bytes()),
            |_| -> Record { panic!("a stage tripped") },
            |record| record,
        );
        assert_eq!(record.doc, "boom.txt");
        let error = record.error.expect("a caught panic must be an error");
        assert!(error.contains("a stage tripped"), "{error}");
        assert!(record.events.is_empty());
    }

    #[test]
    fn a_document_past_its_time_is_an_error_record_and_the_next_one_is_coded() {
        let mut p = Pipeline::builtin().unwrap();
        p.doc_timeout = Some(Duration::ZERO);
        let record = p.process(raw("slow.txt", NEWS.as_bytes()));
        let error = record.error.expect("an overrun must be an error");
        assert!(error.contains("--doc-timeout"), "{error}");
        p.doc_timeout = None;
        let record = p.process(raw("next.txt", NEWS.as_bytes()));
        assert_eq!(record.error, None);
        assert!(!record.events.is_empty(), "{:?}", record.events);
    }
}
