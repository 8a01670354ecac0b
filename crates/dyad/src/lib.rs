//! The `dyad` command: the pipeline that ties the stages together
//! (`pipeline`), the ordered parallel runner that streams records
//! (`runner`), and the subcommands (`code`, `explain`, `ingest`, `query`,
//! `export`, `eval`, `bench`), and the invariants the fuzz targets check
//! (`selfcheck`).
//!
//! The binary (`main.rs`) only parses arguments and calls in here, so the
//! tests drive the same code users run.

pub mod actors_cmd;
pub mod bench;
pub mod cli;
pub mod eval_cmd;
pub mod ingest_cmd;
pub mod pipeline;
pub mod progress;
pub mod runner;
pub mod selfcheck;
pub mod store_cmd;
