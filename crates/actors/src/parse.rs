//! The dictionary file format of `data/actors/README.md`: `[ID]` blocks
//! of `key: value; value` lines. Parsing checks every line and reports the
//! first problem as `file:line: message`.

use std::collections::HashSet;

use dyad_core::MentionForm;

use crate::date::{first_day, last_day, Day};

/// What an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    State,
    Org,
    Body,
    Person,
    Place,
    Role,
    /// People of a state or of a company named as a group (pilots, crews,
    /// unions, passengers): an actor only when the text ties them to a
    /// state or a company.
    Group,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::State => "state",
            Kind::Org => "org",
            Kind::Body => "body",
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Role => "role",
            Kind::Group => "group",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "state" => Kind::State,
            "org" => Kind::Org,
            "body" => Kind::Body,
            "person" => Kind::Person,
            "place" => Kind::Place,
            "role" => Kind::Role,
            "group" => Kind::Group,
            _ => return None,
        })
    }
}

/// The languages a dictionary writes names in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameLang {
    En,
    Ru,
    Bg,
    Uk,
}

impl NameLang {
    pub(crate) fn parse(s: &str) -> Option<NameLang> {
        Some(match s {
            "en" => NameLang::En,
            "ru" => NameLang::Ru,
            "bg" => NameLang::Bg,
            "uk" => NameLang::Uk,
            _ => return None,
        })
    }
}

/// One name of an actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameDef {
    pub lang: NameLang,
    pub form: MentionForm,
    pub text: String,
    /// `!Word`: this form must not be used alone (a short form that is an
    /// ordinary word).
    pub blocked: bool,
}

/// A person's office.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Office {
    /// A state code or an organisation code.
    pub code: String,
    pub is_org: bool,
    pub sector: String,
    pub from: Day,
    pub to: Day,
    pub title: String,
}

/// One `[ID]` block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorDef {
    pub id: String,
    pub kind: Kind,
    pub country: Option<String>,
    pub org: Option<String>,
    pub sector: Option<String>,
    pub names: Vec<NameDef>,
    pub offices: Vec<Office>,
    pub requires_context: bool,
    /// `located: yes` on a role: a state named as a place right after it
    /// is the state it belongs to ("суд в Роттердаме"). Groups always are.
    pub located: bool,
    /// Where the block starts, for messages.
    pub file: String,
    pub line: usize,
}

pub use dyad_core::LoadError;

pub const SECTORS: &[&str] = &[
    "GOV", "MIL", "LEG", "JUD", "COP", "BUS", "MED", "CVL", "OPP", "REB", "SPY",
];

/// Parses one dictionary file. `orgs` are the known organisation codes.
pub fn parse_file(
    file: &str,
    text: &str,
    orgs: &HashSet<&str>,
) -> Result<Vec<ActorDef>, LoadError> {
    let mut out: Vec<ActorDef> = Vec::new();
    // The block being read, and whether its `kind:` line has come.
    let mut current: Option<(ActorDef, bool)> = None;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let err = |message: String| LoadError {
            file: file.to_string(),
            line: line_no,
            message,
        };
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let id = rest
                .strip_suffix(']')
                .filter(|id| is_id(id))
                .ok_or_else(|| {
                    err(format!(
                        "bad block header {line:?}: expected [ID] with ID in A-Z, 0-9 and _"
                    ))
                })?;
            if let Some(done) = current.take() {
                out.push(finish(done)?);
            }
            let def = ActorDef {
                id: id.to_string(),
                kind: Kind::State,
                country: None,
                org: None,
                sector: None,
                names: Vec::new(),
                offices: Vec::new(),
                requires_context: false,
                located: false,
                file: file.to_string(),
                line: line_no,
            };
            current = Some((def, false));
            continue;
        }
        let (actor, kind_set) = current
            .as_mut()
            .ok_or_else(|| err("a line outside any [ID] block".into()))?;
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| err(format!("expected `key: value`, found {line:?}")))?;
        let (key, value) = (key.trim(), value.trim());
        if key == "kind" {
            *kind_set = true;
        } else if key == "sector" && !*kind_set {
            return Err(err("`kind:` must come before `sector:`".into()));
        }
        set_key(actor, key, value, orgs).map_err(err)?;
    }
    if let Some(done) = current.take() {
        out.push(finish(done)?);
    }
    Ok(out)
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

fn is_country(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn values(value: &str) -> Result<Vec<&str>, String> {
    let vals: Vec<&str> = value.split(';').map(str::trim).collect();
    if vals.iter().any(|v| v.is_empty()) {
        return Err("an empty value (a stray `;` or nothing after the colon)".into());
    }
    Ok(vals)
}

fn set_key(a: &mut ActorDef, key: &str, value: &str, orgs: &HashSet<&str>) -> Result<(), String> {
    match key {
        "kind" => {
            a.kind = Kind::parse(value).ok_or_else(|| {
                format!("unknown kind {value:?} (state, org, body, person, place, role, group)")
            })?;
        }
        "country" => {
            if !is_country(value) {
                return Err(format!("country {value:?} is not an ISO alpha-3 code"));
            }
            a.country = Some(value.to_string());
        }
        "org" => {
            if !orgs.contains(value) {
                return Err(format!("org {value:?} is not in org_codes.tsv"));
            }
            a.org = Some(value.to_string());
        }
        "sector" => {
            if !SECTORS.contains(&value) {
                return Err(format!("unknown sector {value:?} ({})", SECTORS.join(" ")));
            }
            a.sector = Some(value.to_string());
        }
        "requires" => {
            if value != "context" {
                return Err(format!("requires {value:?}: the only value is `context`"));
            }
            a.requires_context = true;
        }
        "located" => {
            if value != "yes" {
                return Err(format!("located {value:?}: the only value is `yes`"));
            }
            a.located = true;
        }
        "office" => a.offices.push(parse_office(value, orgs)?),
        _ => {
            let (form, lang) = match key.split_once('.') {
                None => (MentionForm::Name, key),
                Some(("short", l)) => (MentionForm::Short, l),
                Some(("adj", l)) => (MentionForm::Adjective, l),
                Some(("people", l)) => (MentionForm::People, l),
                Some(("capital", l)) => (MentionForm::Capital, l),
                Some(_) => return Err(format!("unknown key {key:?}")),
            };
            let lang = NameLang::parse(lang).ok_or_else(|| {
                if form == MentionForm::Name {
                    format!("unknown key {key:?}")
                } else {
                    format!("unknown language in {key:?} (en, ru, bg, uk)")
                }
            })?;
            for v in values(value)? {
                let (blocked, text) = match v.strip_prefix('!') {
                    Some(t) => (true, t.trim()),
                    None => (false, v),
                };
                if blocked && form != MentionForm::Short {
                    return Err("`!` (not alone) only applies to short.* forms".into());
                }
                a.names.push(NameDef {
                    lang,
                    form,
                    text: text.to_string(),
                    blocked,
                });
            }
        }
    }
    Ok(())
}

fn parse_office(value: &str, orgs: &HashSet<&str>) -> Result<Office, String> {
    let bad = || format!("bad office {value:?}: expected `CODE SECTOR FROM..TO title`");
    let mut parts = value.splitn(4, char::is_whitespace);
    let code = parts.next().ok_or_else(bad)?;
    let sector = parts.next().ok_or_else(bad)?;
    let range = parts.next().ok_or_else(bad)?;
    let title = parts.next().unwrap_or("").trim();
    let is_org = orgs.contains(code);
    if !is_org && !is_country(code) {
        return Err(format!(
            "office code {code:?} is neither an ISO alpha-3 code nor in org_codes.tsv"
        ));
    }
    if !SECTORS.contains(&sector) {
        return Err(format!(
            "office sector {sector:?} is unknown ({})",
            SECTORS.join(" ")
        ));
    }
    let (from, to) = range.split_once("..").ok_or_else(bad)?;
    let from = if from.is_empty() {
        0
    } else {
        first_day(from).ok_or_else(|| format!("bad date {from:?} (YYYY, YYYY-MM or YYYY-MM-DD)"))?
    };
    let to = if to.is_empty() {
        u32::MAX
    } else {
        last_day(to).ok_or_else(|| format!("bad date {to:?} (YYYY, YYYY-MM or YYYY-MM-DD)"))?
    };
    if from > to {
        return Err(format!("office ends before it starts: {range}"));
    }
    Ok(Office {
        code: code.to_string(),
        is_org,
        sector: sector.to_string(),
        from,
        to,
        title: title.to_string(),
    })
}

fn finish((a, kind_set): (ActorDef, bool)) -> Result<ActorDef, LoadError> {
    let err = |message: String| {
        Err(LoadError {
            file: a.file.clone(),
            line: a.line,
            message: format!("[{}]: {message}", a.id),
        })
    };
    if !kind_set {
        return err("no `kind:` line".into());
    }
    if a.names.is_empty() {
        return err("no names (en:, ru:, bg:, uk:, …)".into());
    }
    match a.kind {
        Kind::State if a.country.is_none() => err("needs `country:`".into()),
        Kind::Org if a.org.is_none() => err("needs `org:`".into()),
        Kind::Body if a.org.is_none() && a.country.is_none() => {
            err("needs `country:` or `org:`".into())
        }
        Kind::Person if a.country.is_none() && a.offices.is_empty() => {
            err("needs `country:` or an `office:`".into())
        }
        Kind::Role if a.sector.is_none() => err("needs `sector:`".into()),
        Kind::Role if a.country.is_some() || a.org.is_some() => {
            err("a role belongs to no state: drop `country:`/`org:`".into())
        }
        Kind::Group if a.sector.is_none() => err("needs `sector:`".into()),
        Kind::Group if a.country.is_some() || a.org.is_some() => {
            err("a group belongs to no state: drop `country:`/`org:`".into())
        }
        _ if a.located && a.kind != Kind::Role => {
            err("only a role takes `located:` (groups always are)".into())
        }
        _ if !a.offices.is_empty() && a.kind != Kind::Person => {
            err("only a person has offices".into())
        }
        _ => Ok(a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs() -> HashSet<&'static str> {
        ["EU", "NATO"].into_iter().collect()
    }

    #[test]
    fn a_block_with_every_key() {
        let text = "# comment\n[PUTIN_VLADIMIR]\nkind: person\ncountry: RUS\nru: Владимир Путин; Путин\nshort.en: !Put\noffice: RUS GOV 2012-05-07.. President\noffice: RUS GOV 2008-05..2012-05 PM\n\n[EU]\nkind: org\norg: EU\nbg: ЕС\n";
        let defs = parse_file("t.txt", text, &orgs()).unwrap();
        assert_eq!(defs.len(), 2);
        let p = &defs[0];
        assert_eq!((p.kind, p.line), (Kind::Person, 2));
        assert_eq!(p.names.len(), 3);
        assert!(p.names[2].blocked && p.names[2].form == MentionForm::Short);
        assert_eq!(p.offices[0].from, 20120507);
        assert_eq!(p.offices[0].to, u32::MAX);
        assert_eq!(p.offices[1].to, 20120531);
        assert!(!p.offices[0].is_org);
        assert_eq!(defs[1].org.as_deref(), Some("EU"));
    }

    #[test]
    fn groups_and_located_roles() {
        let text = "[GROUP_PILOTS]\nkind: group\nsector: CVL\nru: пилоты\n\n[ROLE_COURT]\nkind: role\nsector: JUD\nlocated: yes\nru: суд\n";
        let defs = parse_file("t.txt", text, &orgs()).unwrap();
        assert_eq!((defs[0].kind, defs[0].located), (Kind::Group, false));
        assert_eq!(defs[0].sector.as_deref(), Some("CVL"));
        assert_eq!((defs[1].kind, defs[1].located), (Kind::Role, true));
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let cases = [
            ("[X]\nkind: state\ncountry: RU\nru: Р\n", 3, "ISO"),
            ("[X]\nkind: statee\n", 2, "unknown kind"),
            ("kind: state\n", 1, "outside"),
            ("[x]\n", 1, "bad block header"),
            ("[X]\nkind: org\norg: NOPE\n", 3, "org_codes"),
            (
                "[X]\nkind: person\ncountry: RUS\nru: A\noffice: RUS GOV 2012-13..\n",
                5,
                "bad date",
            ),
            (
                "[X]\nkind: person\ncountry: RUS\nru: A\noffice: RUS XXX 2012..\n",
                5,
                "sector",
            ),
            (
                "[X]\nkind: state\ncountry: RUS\nru: A;;B\n",
                4,
                "empty value",
            ),
            (
                "[X]\nkind: state\ncountry: RUS\nfr: France\n",
                4,
                "unknown key",
            ),
            (
                "[X]\nkind: state\ncountry: RUS\nadj.fr: x\n",
                4,
                "unknown language",
            ),
            ("[X]\nkind: state\nru: Россия\n", 1, "needs `country:`"),
            ("[X]\ncountry: RUS\nru: Россия\n", 1, "no `kind:`"),
            ("[X]\nkind: state\ncountry: RUS\n", 1, "no names"),
            ("[X]\nkind: group\nru: пилоты\n", 1, "needs `sector:`"),
            (
                "[X]\nkind: group\nsector: CVL\ncountry: RUS\nru: пилоты\n",
                1,
                "belongs to no state",
            ),
            ("[X]\nkind: role\nlocated: no\n", 3, "only value is `yes`"),
            (
                "[X]\nkind: state\ncountry: RUS\nlocated: yes\nru: Р\n",
                1,
                "only a role takes `located:`",
            ),
            (
                "[X]\nkind: state\ncountry: RUS\nru no colon\n",
                4,
                "key: value",
            ),
        ];
        for (text, line, what) in cases {
            let e = parse_file("f.txt", text, &orgs()).unwrap_err();
            assert_eq!(e.line, line, "{text:?}: {e}");
            assert!(e.message.contains(what), "{text:?}: {e}");
            assert!(e.to_string().starts_with(&format!("f.txt:{line}: ")));
        }
    }
}
