//! `dyad actors [TEXT]`: the dictionary looked up by any name form in any
//! language, inflected or not, by id or by code; each actor with its id,
//! code, kind, names and dated offices. Also how `--actor` and `--dyad`
//! turn what a user types into an id or a code.

use std::cell::OnceCell;
use std::process::ExitCode;

use dyad_actors::{Actor, Dictionary, Kind};

use crate::pipeline::DataArgs;

/// The dictionary the command line reads: `$DYAD_ACTORS_DIR`, the source
/// tree's `data/actors`, else the built-in one.
pub fn dictionary() -> Result<Dictionary, String> {
    Dictionary::load(&DataArgs::default().sources()).map_err(|e| e.to_string())
}

/// [`dictionary`], read on first use and then kept, so a command that
/// needs it twice (a filter by name, then names in the table) reads it
/// once, and one that needs it not at all never reads it.
#[derive(Default)]
pub struct LazyDictionary(OnceCell<Result<Dictionary, String>>);

impl LazyDictionary {
    pub fn get(&self) -> Result<&Dictionary, String> {
        self.0
            .get_or_init(dictionary)
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// A day number `yyyymmdd` as `YYYY-MM-DD`.
fn day(d: u32) -> String {
    format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100)
}

/// The actors `text` finds: an id or a code first, else names.
fn lookup<'a>(dict: &'a Dictionary, text: &str) -> Vec<(&'a Actor, Option<&'a str>)> {
    let upper = text.trim().to_uppercase();
    if let Some(a) = dict.actor(&upper) {
        return vec![(a, None)];
    }
    let by_code: Vec<_> = dict
        .actors()
        .iter()
        .filter(|a| !matches!(a.kind, Kind::Role | Kind::Group))
        .filter(|a| a.org.as_deref().or(a.country.as_deref()) == Some(upper.as_str()))
        .filter(|a| a.id == upper || a.offices.is_empty())
        .map(|a| (a, None))
        .collect();
    if !by_code.is_empty() {
        return by_code;
    }
    dict.find(text)
        .into_iter()
        .map(|f| (f.actor, Some(f.name)))
        .collect()
}

/// One actor as JSON.
fn as_json(dict: &Dictionary, a: &Actor, matched: Option<&str>) -> serde_json::Value {
    serde_json::json!({
        "id": a.id,
        "name": dict.display_name(&a.id),
        "kind": a.kind.as_str(),
        "code": a.org.as_deref().or(a.country.as_deref()),
        "country": a.country,
        "org": a.org,
        "sector": a.sector,
        "matched": matched,
        "offices": a.offices.iter().map(|o| serde_json::json!({
            "title": o.title,
            "code": o.code,
            "sector": o.sector,
            "from": day(o.from),
            "to": (o.to != u32::MAX).then(|| day(o.to)),
        })).collect::<Vec<_>>(),
    })
}

/// One actor as lines of text.
fn as_text(dict: &Dictionary, a: &Actor, matched: Option<&str>) -> String {
    let code = a.org.as_deref().or(a.country.as_deref()).unwrap_or("-");
    let name = dict.display_name(&a.id).unwrap_or(&a.id);
    let mut out = format!("{}  {}  {}  {}", a.id, a.kind.as_str(), code, name);
    if let Some(m) = matched.filter(|m| *m != name) {
        out.push_str(&format!("  (as {m:?})"));
    }
    out.push('\n');
    for o in &a.offices {
        let to = if o.to == u32::MAX {
            "…".to_string()
        } else {
            day(o.to)
        };
        out.push_str(&format!(
            "    {} ({} {}), {} – {}\n",
            o.title,
            o.code,
            o.sector,
            day(o.from),
            to
        ));
    }
    out
}

/// `dyad actors [TEXT] [--json]`.
pub fn run(text: &str, json: bool) -> ExitCode {
    let dict = match dictionary() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("dyad actors: {e}");
            return ExitCode::FAILURE;
        }
    };
    let found: Vec<(&Actor, Option<&str>)> = if text.trim().is_empty() {
        dict.actors().iter().map(|a| (a, None)).collect()
    } else {
        lookup(&dict, text)
    };
    if found.is_empty() {
        let near = dict.suggest(text);
        eprint!("dyad actors: no actor is called {text:?}");
        if near.is_empty() {
            eprintln!();
        } else {
            eprintln!("; nearest: {}", near.join(", "));
        }
        return ExitCode::FAILURE;
    }
    for (a, matched) in found {
        if json {
            println!("{}", as_json(&dict, a, matched));
        } else {
            print!("{}", as_text(&dict, a, matched));
        }
    }
    ExitCode::SUCCESS
}
