//! `Tag`: the grammatical description of one reading, packed in a `u64`.
//!
//! Fields (part of speech, case, number, …) sit in fixed bit ranges and
//! flags (passive, proper-name kinds, …) in single bits. The layout is part
//! of the data format (`lexicon.bin` stores tags as these `u64`s), so a
//! change here means rebuilding the data (see `data/morph/README.md`).

/// Part of speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Pos {
    Other = 0,
    Noun,
    Adj,
    Verb,
    Infinitive,
    Participle,
    ShortParticiple,
    ShortAdj,
    Gerund,
    Adverb,
    Preposition,
    Conjunction,
    Particle,
    Pronoun,
    /// Pronominal adjectives and articles: этот, свой, the, a.
    Determiner,
    Numeral,
    Interjection,
    /// Russian/Ukrainian predicatives: можно, нельзя, треба.
    Predicative,
    Punct,
}

impl Pos {
    const ALL: [Pos; 19] = [
        Pos::Other,
        Pos::Noun,
        Pos::Adj,
        Pos::Verb,
        Pos::Infinitive,
        Pos::Participle,
        Pos::ShortParticiple,
        Pos::ShortAdj,
        Pos::Gerund,
        Pos::Adverb,
        Pos::Preposition,
        Pos::Conjunction,
        Pos::Particle,
        Pos::Pronoun,
        Pos::Determiner,
        Pos::Numeral,
        Pos::Interjection,
        Pos::Predicative,
        Pos::Punct,
    ];

    /// The part of speech named as in the enum (`Noun`, `Adj`, …).
    pub fn from_name(name: &str) -> Option<Pos> {
        Pos::ALL.into_iter().find(|p| format!("{p:?}") == name)
    }

    /// Words that agree with a noun in case, number and gender.
    pub fn is_nominal_modifier(self) -> bool {
        matches!(self, Pos::Adj | Pos::Participle | Pos::Determiner)
    }
}

/// Grammatical case. OpenCorpora's second genitive (gen2) maps to `Gen`,
/// second locative (loc2) to `Loc`, second accusative (acc2) to `Acc`;
/// `Tag::second_case` keeps the distinction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Case {
    Nom = 1,
    Gen,
    Dat,
    Acc,
    Ins,
    Loc,
    Voc,
}

impl Case {
    pub const ALL: [Case; 7] = [
        Case::Nom,
        Case::Gen,
        Case::Dat,
        Case::Acc,
        Case::Ins,
        Case::Loc,
        Case::Voc,
    ];

    /// One bit per case, for `CaseSet`.
    pub fn bit(self) -> u8 {
        1 << (self as u8 - 1)
    }

    /// The case named by its UD abbreviation (Nom, Gen, …; Par → Gen).
    pub fn from_ud(name: &str) -> Option<Case> {
        Some(match name {
            "Nom" => Case::Nom,
            "Gen" | "Par" => Case::Gen,
            "Dat" => Case::Dat,
            "Acc" => Case::Acc,
            "Ins" => Case::Ins,
            "Loc" => Case::Loc,
            "Voc" => Case::Voc,
            _ => return None,
        })
    }
}

/// A set of cases (a bit per `Case`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CaseSet(pub u8);

impl CaseSet {
    pub const EMPTY: CaseSet = CaseSet(0);

    pub fn contains(self, case: Case) -> bool {
        self.0 & case.bit() != 0
    }
    pub fn insert(&mut self, case: Case) {
        self.0 |= case.bit();
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn intersects(self, other: CaseSet) -> bool {
        self.0 & other.0 != 0
    }
    pub fn iter(self) -> impl Iterator<Item = Case> {
        Case::ALL.into_iter().filter(move |c| self.contains(*c))
    }
}

impl FromIterator<Case> for CaseSet {
    fn from_iter<I: IntoIterator<Item = Case>>(iter: I) -> Self {
        let mut set = CaseSet::EMPTY;
        for case in iter {
            set.insert(case);
        }
        set
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Number {
    Sing = 1,
    Plur,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Masc = 1,
    Fem,
    Neut,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tense {
    Past = 1,
    Pres,
    Fut,
}

// Bit ranges: (shift, width).
const POS: (u32, u32) = (0, 5);
const CASE: (u32, u32) = (5, 3);
const NUMBER: (u32, u32) = (8, 2);
const GENDER: (u32, u32) = (10, 2);
const ANIMACY: (u32, u32) = (12, 2);
const ASPECT: (u32, u32) = (14, 2);
const TENSE: (u32, u32) = (16, 2);
const PERSON: (u32, u32) = (18, 2);
const DEFINITE: (u32, u32) = (20, 2);

/// Single-bit flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    Passive = 22,
    FirstName,
    Surname,
    Patronymic,
    Place,
    Org,
    Imperative,
    /// Auxiliary verbs: be, have, will; быть; съм.
    Auxiliary,
    /// Indeclinable (OpenCorpora Fixd, Latin-script words in Cyrillic text).
    Indeclinable,
    Coordinating,
    Subordinating,
    Comparative,
    Superlative,
    Abbreviation,
    Reflexive,
    /// gen2, loc2 or acc2 in OpenCorpora (also mapped onto Gen/Loc/Acc).
    SecondCase,
    Possessive,
    /// Clitic pronoun forms (bg му, го, ѝ, се; en 's).
    Clitic,
    /// Not from the dictionary: the ending guesser or a shape rule made it.
    Guessed,
    /// A proper noun of no known kind (a capitalised unknown word).
    Proper,
}

/// The grammatical description of a reading. `Tag::default()` says nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Tag(pub u64);

impl Tag {
    fn field(self, (shift, width): (u32, u32)) -> u8 {
        ((self.0 >> shift) & ((1 << width) - 1)) as u8
    }
    fn with_field(self, (shift, width): (u32, u32), value: u8) -> Tag {
        let mask = ((1u64 << width) - 1) << shift;
        Tag((self.0 & !mask) | ((u64::from(value) << shift) & mask))
    }

    pub fn pos(self) -> Pos {
        Pos::ALL
            .get(self.field(POS) as usize)
            .copied()
            .unwrap_or(Pos::Other)
    }
    pub fn case(self) -> Option<Case> {
        Case::ALL
            .get((self.field(CASE) as usize).wrapping_sub(1))
            .copied()
    }
    pub fn number(self) -> Option<Number> {
        match self.field(NUMBER) {
            1 => Some(Number::Sing),
            2 => Some(Number::Plur),
            _ => None,
        }
    }
    pub fn gender(self) -> Option<Gender> {
        match self.field(GENDER) {
            1 => Some(Gender::Masc),
            2 => Some(Gender::Fem),
            3 => Some(Gender::Neut),
            _ => None,
        }
    }
    /// `Some(true)` animate, `Some(false)` inanimate, `None` not marked.
    pub fn animate(self) -> Option<bool> {
        match self.field(ANIMACY) {
            1 => Some(true),
            2 => Some(false),
            _ => None,
        }
    }
    /// `Some(true)` perfective, `Some(false)` imperfective.
    pub fn perfective(self) -> Option<bool> {
        match self.field(ASPECT) {
            1 => Some(true),
            2 => Some(false),
            _ => None,
        }
    }
    pub fn tense(self) -> Option<Tense> {
        match self.field(TENSE) {
            1 => Some(Tense::Past),
            2 => Some(Tense::Pres),
            3 => Some(Tense::Fut),
            _ => None,
        }
    }
    /// Grammatical person, 1 to 3.
    pub fn person(self) -> Option<u8> {
        match self.field(PERSON) {
            0 => None,
            p => Some(p),
        }
    }
    /// Bulgarian (and English article) definiteness: `Some(true)` definite.
    pub fn definite(self) -> Option<bool> {
        match self.field(DEFINITE) {
            1 => Some(true),
            2 => Some(false),
            _ => None,
        }
    }

    pub fn has(self, flag: Flag) -> bool {
        self.0 & (1 << flag as u32) != 0
    }
    pub fn passive(self) -> bool {
        self.has(Flag::Passive)
    }
    /// A first name, surname, patronymic, place or organisation.
    pub fn is_name(self) -> bool {
        self.is_person_name() || self.is_place() || self.is_org() || self.has(Flag::Proper)
    }
    /// A first name, surname or patronymic.
    pub fn is_person_name(self) -> bool {
        self.has(Flag::FirstName) || self.has(Flag::Surname) || self.has(Flag::Patronymic)
    }
    pub fn is_first_name(self) -> bool {
        self.has(Flag::FirstName)
    }
    pub fn is_surname(self) -> bool {
        self.has(Flag::Surname)
    }
    pub fn is_place(self) -> bool {
        self.has(Flag::Place)
    }
    pub fn is_org(self) -> bool {
        self.has(Flag::Org)
    }
    pub fn guessed(self) -> bool {
        self.has(Flag::Guessed)
    }

    pub fn with_pos(self, pos: Pos) -> Tag {
        self.with_field(POS, pos as u8)
    }
    pub fn with_case(self, case: Option<Case>) -> Tag {
        self.with_field(CASE, case.map_or(0, |c| c as u8))
    }
    pub fn with_flag(self, flag: Flag) -> Tag {
        Tag(self.0 | 1 << flag as u32)
    }

    /// The tag for a set of grammeme names in OpenCorpora's notation
    /// (`NOUN,anim,masc sing,ablt`), with the few extensions the Bulgarian
    /// and English sources need (`DET`, `PNCT`, `def`, `indef`, `Aux`,
    /// `Clit`). Unknown grammemes are ignored.
    pub fn from_grammemes(text: &str) -> Tag {
        let mut tag = Tag::default();
        for g in text.split([',', ' ']).filter(|g| !g.is_empty()) {
            tag = tag.with_grammeme(g);
        }
        let has = |name: &str| text.split([',', ' ']).any(|g| g == name);
        // Pronominal adjectives are determiners (UD DET).
        if tag.pos() == Pos::Adj && has("Apro") {
            tag = tag.with_pos(Pos::Determiner);
        }
        // The Ukrainian dictionary marks infinitives as VERB,infn.
        if tag.pos() == Pos::Verb && has("infn") {
            tag = tag.with_pos(Pos::Infinitive);
        }
        // It also leaves the singular unmarked: a form with case and
        // gender (plurals have none) is singular.
        if tag.case().is_some() && tag.gender().is_some() && tag.number().is_none() {
            tag = tag.with_field(NUMBER, 1);
        }
        tag
    }

    fn with_grammeme(self, g: &str) -> Tag {
        let pos = |p| self.with_field(POS, p as u8);
        let case = |c: Case| self.with_field(CASE, c as u8);
        let second = |c: Case| case(c).with_flag(Flag::SecondCase);
        match g {
            "NOUN" => pos(Pos::Noun),
            "ADJF" => pos(Pos::Adj),
            "ADJS" => pos(Pos::ShortAdj),
            "COMP" => pos(Pos::Adj).with_flag(Flag::Comparative),
            "VERB" => pos(Pos::Verb),
            "INFN" => pos(Pos::Infinitive),
            "PRTF" => pos(Pos::Participle),
            "PRTS" => pos(Pos::ShortParticiple),
            "GRND" => pos(Pos::Gerund),
            "ADVB" => pos(Pos::Adverb),
            "PREP" => pos(Pos::Preposition),
            "CONJ" => pos(Pos::Conjunction),
            "PRCL" => pos(Pos::Particle),
            "NPRO" => pos(Pos::Pronoun),
            "DET" => pos(Pos::Determiner),
            "NUMR" => pos(Pos::Numeral),
            "INTJ" => pos(Pos::Interjection),
            "PRED" => pos(Pos::Predicative),
            "PNCT" => pos(Pos::Punct),
            "nomn" => case(Case::Nom),
            "gent" => case(Case::Gen),
            "datv" => case(Case::Dat),
            "accs" => case(Case::Acc),
            "ablt" => case(Case::Ins),
            "loct" => case(Case::Loc),
            "voct" => case(Case::Voc),
            "gen1" => case(Case::Gen),
            "gen2" => second(Case::Gen),
            "loc1" => case(Case::Loc),
            "loc2" => second(Case::Loc),
            "acc2" => second(Case::Acc),
            "sing" => self.with_field(NUMBER, 1),
            "plur" => self.with_field(NUMBER, 2),
            "masc" => self.with_field(GENDER, 1),
            "femn" => self.with_field(GENDER, 2),
            "neut" => self.with_field(GENDER, 3),
            "anim" => self.with_field(ANIMACY, 1),
            "inan" => self.with_field(ANIMACY, 2),
            "perf" => self.with_field(ASPECT, 1),
            "impf" => self.with_field(ASPECT, 2),
            "past" => self.with_field(TENSE, 1),
            "pres" => self.with_field(TENSE, 2),
            "futr" => self.with_field(TENSE, 3),
            "1per" => self.with_field(PERSON, 1),
            "2per" => self.with_field(PERSON, 2),
            "3per" => self.with_field(PERSON, 3),
            "def" => self.with_field(DEFINITE, 1),
            "indef" => self.with_field(DEFINITE, 2),
            "pssv" => self.with_flag(Flag::Passive),
            "Name" => self.with_flag(Flag::FirstName),
            "Surn" => self.with_flag(Flag::Surname),
            "Patr" => self.with_flag(Flag::Patronymic),
            "Geox" => self.with_flag(Flag::Place),
            "Orgn" => self.with_flag(Flag::Org),
            "impr" => self.with_flag(Flag::Imperative),
            "Aux" => self.with_flag(Flag::Auxiliary),
            "Fixd" => self.with_flag(Flag::Indeclinable),
            "coord" => self.with_flag(Flag::Coordinating),
            "subord" => self.with_flag(Flag::Subordinating),
            "Cmp2" | "compb" | "Cmpr" => self.with_flag(Flag::Comparative),
            "Supr" => self.with_flag(Flag::Superlative),
            "Abbr" => self.with_flag(Flag::Abbreviation),
            "Refl" => self.with_flag(Flag::Reflexive),
            "Poss" => self.with_flag(Flag::Possessive),
            "Clit" => self.with_flag(Flag::Clitic),
            _ => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opencorpora_tags_map_onto_fields() {
        let t = Tag::from_grammemes("NOUN,anim,masc,Surn sing,ablt");
        assert_eq!(t.pos(), Pos::Noun);
        assert_eq!(t.case(), Some(Case::Ins));
        assert_eq!(t.number(), Some(Number::Sing));
        assert_eq!(t.gender(), Some(Gender::Masc));
        assert_eq!(t.animate(), Some(true));
        assert!(t.is_surname() && t.is_name() && !t.is_place());

        let p = Tag::from_grammemes("PRTF,perf,tran,past,pssv plur,nomn");
        assert_eq!(p.pos(), Pos::Participle);
        assert!(p.passive());
        assert_eq!(p.perfective(), Some(true));
        assert_eq!(p.tense(), Some(Tense::Past));

        let loc2 = Tag::from_grammemes("NOUN,inan,masc sing,loc2");
        assert_eq!(loc2.case(), Some(Case::Loc));
        assert!(loc2.has(Flag::SecondCase));
        assert_eq!(
            Tag::from_grammemes("ADJF,Apro masc,sing,nomn").pos(),
            Pos::Determiner
        );
        assert_eq!(Tag::default().case(), None);
        assert_eq!(Tag::default().pos(), Pos::Other);
    }

    #[test]
    fn case_sets() {
        let set: CaseSet = [Case::Gen, Case::Ins].into_iter().collect();
        assert!(set.contains(Case::Ins) && !set.contains(Case::Acc));
        assert_eq!(set.iter().collect::<Vec<_>>(), [Case::Gen, Case::Ins]);
        assert_eq!(Case::from_ud("Par"), Some(Case::Gen));
    }
}
