//! The organisation codes of the output contract (EU, NATO, UN, ISIS, …):
//! `data/actors/org_codes.tsv`, a copy of `shared/spec/org_codes.tsv`. An
//! actor code in this set is an organisation's, any other a country's.

use std::collections::HashSet;
use std::sync::OnceLock;

const SOURCE: &str = include_str!("../../../data/actors/org_codes.tsv");

/// Every organisation code of the table.
pub fn org_codes() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        SOURCE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .map(str::trim)
            .filter(|c| !c.is_empty() && *c != "code")
            .collect()
    })
}

/// Whether `code` is an organisation's rather than a country's.
pub fn is_org_code(code: &str) -> bool {
    org_codes().contains(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_organisations_and_no_header_or_country() {
        for code in ["EU", "NATO", "UN", "ISIS"] {
            assert!(is_org_code(code), "{code}");
        }
        for code in ["code", "", "RUS", "FRA"] {
            assert!(!is_org_code(code), "{code:?}");
        }
    }
}
