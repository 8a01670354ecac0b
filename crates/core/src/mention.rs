//! A recognised actor mention inside an article (byte span), as the actor
//! stage hands it to the event coder and the record writer.

use crate::doc::Span;

/// How a mention names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionForm {
    /// A full or official name ("Владимир Путин", "Российская Федерация").
    Name,
    /// A short form or bare surname ("Путин", "РФ").
    Short,
    /// An adjective of a state or organisation ("российский").
    Adjective,
    /// A demonym ("россияне").
    People,
    /// A state's capital used as its name ("Москва").
    Capital,
    /// A role and the state or organisation it belongs to, with or without
    /// a person's name ("президент Франции Эмманюэль Макрон").
    Role,
}

impl MentionForm {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionForm::Name => "name",
            MentionForm::Short => "short",
            MentionForm::Adjective => "adjective",
            MentionForm::People => "people",
            MentionForm::Capital => "capital",
            MentionForm::Role => "role",
        }
    }
}

/// One actor mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the article text.
    pub span: Span,
    /// The actor's dictionary id (a state or organisation code for states,
    /// organisations and unnamed officials).
    pub actor: String,
    /// ISO 3166-1 alpha-3 of the state the actor belongs to.
    pub country: Option<String>,
    /// Organisation code (`org_codes.tsv`) when the actor belongs to one.
    pub org: Option<String>,
    /// GOV, MIL, LEG, … where known.
    pub sector: Option<String>,
    /// The dictionary kind of the actor: state, org, body, person, place,
    /// or group (staff, crews, unions, passengers: people of a state or of
    /// a company named as a group, "пилоты Ryanair в Испании").
    pub kind: &'static str,
    pub form: MentionForm,
    /// The text names the actor as a location ("в Москве"), not as someone
    /// who acts.
    pub place: bool,
    /// Names inside a group's phrase that are recognised but are not sides
    /// of their own: the company the group works for ("Ryanair" in "пилоты
    /// Ryanair в Испании"), the union or institution it is. Empty for every
    /// other mention. The record lists them after the group, marked
    /// `part_of`.
    pub parts: Vec<Mention>,
}

impl Mention {
    /// The code events and scoring use: the organisation, else the country.
    pub fn code(&self) -> Option<&str> {
        self.org.as_deref().or(self.country.as_deref())
    }
}
