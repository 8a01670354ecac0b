//! Query-string parameters: parsed once, every name checked against the
//! ones the endpoint takes (a misspelt filter is an error, not silently
//! ignored), every value checked with a message that names it.

use std::collections::BTreeMap;

use dyad_store::query::{check_filter, parse_dyad, EventFilter};

/// What turns a filter's actor value into an id or a code.
pub type Resolver<'a> = dyn Fn(&str) -> Result<String, String> + 'a;

use crate::error::ApiError;

/// The event filters every event endpoint takes.
pub const FILTERS: [&str; 9] = [
    "actor", "dyad", "directed", "type", "quad", "from", "to", "lang", "text",
];

/// The parameters of one request.
#[derive(Debug, Default)]
pub struct Params {
    values: BTreeMap<String, String>,
}

impl Params {
    /// Parses a raw query string; `allowed` lists the names the endpoint
    /// takes. A name given twice or not allowed is an error.
    pub fn parse(query: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.unwrap_or(""))
            .map_err(|e| ApiError::bad(format!("the query string does not parse: {e}")))?;
        let mut values = BTreeMap::new();
        for (name, value) in pairs {
            if !allowed.contains(&name.as_str()) {
                let mut names = allowed.to_vec();
                names.sort_unstable();
                return Err(ApiError::bad(if names.is_empty() {
                    format!("unknown parameter '{name}': this endpoint takes none")
                } else {
                    format!(
                        "unknown parameter '{name}': expected one of {}",
                        names.join(", ")
                    )
                }));
            }
            if values.insert(name.clone(), value).is_some() {
                return Err(ApiError::bad(format!("parameter '{name}' is given twice")));
            }
        }
        Ok(Params { values })
    }

    /// A value, `None` when missing or blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values
            .get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    pub fn required(&self, name: &str) -> Result<&str, ApiError> {
        self.get(name)
            .ok_or_else(|| ApiError::bad(format!("parameter '{name}' is required")))
    }

    /// A whole number in `min..=max`, `default` when missing.
    pub fn number(
        &self,
        name: &str,
        default: usize,
        min: usize,
        max: usize,
    ) -> Result<usize, ApiError> {
        let Some(v) = self.get(name) else {
            return Ok(default);
        };
        v.parse::<usize>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .ok_or_else(|| {
                ApiError::bad(format!(
                    "{name} '{v}': expected a whole number from {min} to {max}"
                ))
            })
    }

    /// `true`/`false` (also 1/0, yes/no), `false` when missing.
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.get(name).map(str::to_ascii_lowercase).as_deref() {
            None | Some("false" | "0" | "no") => Ok(false),
            Some("true" | "1" | "yes") => Ok(true),
            Some(_) => Err(ApiError::bad(format!(
                "{name} '{}': expected true or false",
                self.get(name).unwrap_or_default()
            ))),
        }
    }

    /// The event filter (see [`FILTERS`]), every value checked; `actors`
    /// turns an `actor` or a side of `dyad` (an id, a code or a name) into
    /// an id or a code, or says why it cannot.
    pub fn filter(&self, actors: &Resolver<'_>) -> Result<EventFilter, ApiError> {
        let resolve =
            |what: &str, v: &str| actors(v).map_err(|e| ApiError::bad(format!("{what}: {e}")));
        let dyad = match self
            .get("dyad")
            .map(parse_dyad)
            .transpose()
            .map_err(ApiError::bad)?
        {
            None => None,
            Some((a, b)) => Some((resolve("dyad", &a)?, resolve("dyad", &b)?)),
        };
        let actor = match self.get("actor") {
            None => None,
            Some(a) => Some(resolve("actor", a)?),
        };
        let quad = match self.get("quad") {
            None => None,
            Some(q) => Some(
                q.parse::<u8>()
                    .ok()
                    .filter(|q| (1..=4).contains(q))
                    .ok_or_else(|| ApiError::bad(format!("quad '{q}': expected 1, 2, 3 or 4")))?,
            ),
        };
        let filter = EventFilter {
            actor,
            dyad,
            directed: self.flag("directed")?,
            kind: self.get("type").map(str::to_string),
            quad,
            from: self.get("from").map(str::to_string),
            to: self.get("to").map(str::to_string),
            lang: self.get("lang").map(str::to_string),
            text: self.get("text").map(str::to_string),
            doc_id: None,
            limit: None,
            offset: 0,
        };
        check_filter(&filter).map_err(ApiError::bad)?;
        Ok(filter)
    }

    /// [`Params::filter`] for the endpoints where `directed` only
    /// qualifies a dyad: `directed=true` without `dyad` is an error, as
    /// in `dyad query`.
    pub fn dyad_filter(&self, actors: &Resolver<'_>) -> Result<EventFilter, ApiError> {
        let filter = self.filter(actors)?;
        if filter.directed && filter.dyad.is_none() {
            return Err(ApiError::bad("directed=true needs dyad=A,B"));
        }
        Ok(filter)
    }
}

/// `FILTERS` plus an endpoint's own names.
pub fn with_filters(own: &[&'static str]) -> Vec<&'static str> {
    FILTERS.iter().chain(own).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoded_cyrillic_and_pluses_decode() {
        let p = Params::parse(
            Some("text=%D1%81%D0%B0%D0%BD%D0%BA%D1%86%D0%B8%D0%B8+%D0%A1%D0%A8%D0%90"),
            &["text"],
        )
        .unwrap();
        assert_eq!(p.get("text"), Some("санкции США"));
    }

    #[test]
    fn unknown_repeated_and_malformed_parameters_are_errors() {
        let e = Params::parse(Some("tpye=ACCUSE"), &with_filters(&[])).unwrap_err();
        assert!(
            e.message.contains("'tpye'") && e.message.contains("type"),
            "{}",
            e.message
        );
        let e = Params::parse(Some("lang=ru&lang=bg"), &with_filters(&[])).unwrap_err();
        assert!(e.message.contains("twice"), "{}", e.message);
        let p = Params::parse(
            Some("limit=0&directed=maybe&quad=5"),
            &with_filters(&["limit"]),
        )
        .unwrap();
        assert!(p
            .number("limit", 50, 1, 1000)
            .unwrap_err()
            .message
            .contains("'0'"));
        assert!(p.flag("directed").unwrap_err().message.contains("maybe"));
        assert!(p
            .filter(&|v: &str| Ok(v.to_string()))
            .unwrap_err()
            .message
            .contains("quad '5'"));
    }
}
