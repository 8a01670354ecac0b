//! dyad-actors owns the actor stage: the dictionary of states,
//! organisations, their bodies, people with their offices, role words and
//! groups of people (plain-text files under `data/actors/`, format in its
//! README), its compilation into per-language stem tries, and the
//! per-document linker that turns a document's tokens into `Mention`s with
//! country, organisation and sector at the document's date (a group tied
//! to its state, with the company it works for in its `parts`), and the
//! lookup of actors by what a user types (`lookup`: ids, codes, names in
//! any language and inflection, the nearest ones when nothing matches).

pub mod date;
mod dictionary;
mod group;
mod link;
mod lookup;
mod matcher;
pub mod parse;

pub use date::{document_day, Day};
pub use dictionary::{Actor, Dictionary, Sources, Standing};
pub use lookup::Found;
pub use parse::{Kind, LoadError};
