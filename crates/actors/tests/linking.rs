//! The linker on documents written for these tests, with a small
//! dictionary in the real file format (so the tests do not move when the
//! shipped data grows).

use dyad_actors::{document_day, Dictionary};
use dyad_core::{Mention, MentionForm, Span};
use dyad_nlp::{analyse, Lang};

const DICT: &str = r#"
# Test states.
[FRA]
kind: state
country: FRA
ru: Франция
bg: Франция
en: France
adj.ru: французский
capital.ru: Париж

[RUS]
kind: state
country: RUS
ru: Россия; РФ
bg: Русия
adj.ru: российский
adj.bg: руски
capital.ru: Москва

[USA]
kind: state
country: USA
ru: США; Соединённые Штаты; Соединённых Штатов; Штатов
en: United States; US
capital.en: Washington

[MKD]
kind: state
country: MKD
bg: Северна Македония

[GEO]
kind: state
country: GEO
ru: Грузия
en: Georgia
capital.en: Tbilisi

[USA_GEORGIA]
kind: place
country: USA
en: Georgia

[USA_SENATE]
kind: body
country: USA
sector: LEG
ru: Сенат
requires: context

[GBR]
kind: state
country: GBR
bg: Великобритания
en: United Kingdom

# Test people.
[MACRON_EMMANUEL]
kind: person
country: FRA
ru: Эмманюэль Макрон
office: FRA GOV 2017-05-14.. President

[PUTIN_VLADIMIR]
kind: person
country: RUS
ru: Владимир Путин
office: RUS GOV 2012-05-07.. President
office: RUS GOV 2008-05-08..2012-05-07 Prime Minister
office: RUS GOV 2000-05-07..2008-05-07 President

[SHOIGU_SERGEI]
kind: person
country: RUS
ru: Сергей Шойгу
office: RUS MIL 2012-05-11..2024-05-12 Minister of Defence
office: RUS GOV 2024-05-12.. Secretary of the Security Council

[JOHNSON_BORIS]
kind: person
country: GBR
ru: Борис Джонсон
bg: Борис Джонсън
office: GBR GOV 2019-07-24..2022-09-06 Prime Minister

[JOHNSON_ANDREW]
kind: person
country: USA
ru: Эндрю Джонсон

[MAY_THERESA]
kind: person
country: GBR
en: Theresa May
short.en: !May
bg: Тереза Мей
office: GBR GOV 2016-07-13..2019-07-24 Prime Minister

# Test roles.
[ROLE_HEAD]
kind: role
sector: GOV
ru: президент; министр иностранных дел
bg: премиер
en: prime minister

[ROLE_DEFENCE]
kind: role
sector: MIL
ru: министр обороны
"#;

fn dict() -> Dictionary {
    Dictionary::from_texts([("test.txt".to_string(), DICT.to_string())]).unwrap()
}

fn link(d: &Dictionary, text: &str, lang: Lang, date: Option<&str>) -> Vec<Mention> {
    let an = analyse(text, &[Span::new(0, text.len())], Some(lang));
    d.link(text, &an, date.and_then(document_day))
}

/// (text, actor, code, sector) of each mention.
fn show(text: &str, ms: &[Mention]) -> Vec<(String, String, String, String)> {
    ms.iter()
        .map(|m| {
            (
                m.span.slice(text).to_string(),
                m.actor.clone(),
                m.code().unwrap_or("-").to_string(),
                m.sector.clone().unwrap_or_else(|| "-".into()),
            )
        })
        .collect()
}

fn row(t: &str, a: &str, c: &str, s: &str) -> (String, String, String, String) {
    (t.into(), a.into(), c.into(), s.into())
}

#[test]
fn inflected_names_adjectives_and_compounds_are_found() {
    let d = dict();
    let text = "Путину позвонили из Франции. Французские и российские дипломаты обсудили российско-французский договор с Соединёнными Штатами.";
    let got = show(text, &link(&d, text, Lang::Ru, None));
    let codes: Vec<&str> = got.iter().map(|r| r.2.as_str()).collect();
    assert_eq!(
        codes,
        ["RUS", "FRA", "FRA", "RUS", "RUS", "FRA", "USA"],
        "{got:?}"
    );
    assert_eq!(got[0].0, "Путину");
    assert_eq!(got[4].0, "российско");
    assert_eq!(got[6].0, "Соединёнными Штатами");
}

#[test]
fn compound_parts_joined_by_any_hyphen_keep_exact_spans() {
    let d = dict();
    // U+2010 is three bytes: spans must still fall on the parts.
    let text = "Российско\u{2010}французский и франко-российский договоры.";
    let ms = link(&d, text, Lang::Ru, None);
    let got: Vec<&str> = ms.iter().map(|m| m.span.slice(text)).collect();
    assert_eq!(got, ["Российско", "французский", "российский"]);
}

#[test]
fn multi_word_names_win_over_their_parts() {
    let d = dict();
    let text = "Делегация на Северна Македония пристигна.";
    let ms = link(&d, text, Lang::Bg, None);
    assert_eq!(
        show(text, &ms),
        [row("Северна Македония", "MKD", "MKD", "-")]
    );
}

#[test]
fn a_title_and_country_attach_to_the_person() {
    let d = dict();
    let text = "Президент Франции Эмманюэль Макрон прибыл в Москву.";
    let ms = link(&d, text, Lang::Ru, None);
    assert_eq!(
        show(text, &ms),
        [
            row(
                "Президент Франции Эмманюэль Макрон",
                "MACRON_EMMANUEL",
                "FRA",
                "GOV"
            ),
            row("Москву", "RUS", "RUS", "-"),
        ]
    );
    assert_eq!(ms[0].form, MentionForm::Role);
    assert!(ms[1].place, "в Москву is a place");
    // The capital that speaks is the state that acts.
    let acts = "Москва заявила протест Парижу.";
    let ms = link(&d, acts, Lang::Ru, None);
    assert_eq!(show(acts, &ms)[0], row("Москва", "RUS", "RUS", "-"));
    assert_eq!(ms[0].form, MentionForm::Capital);
    assert!(!ms[0].place && !ms[1].place);
}

#[test]
fn a_role_with_a_country_is_an_official_of_that_country() {
    let d = dict();
    let text = "Премиерът на Великобритания замина. Министр обороны России заявил. Российский президент ответил.";
    let bg = link(&d, "Премиерът на Великобритания замина.", Lang::Bg, None);
    assert_eq!(
        show("Премиерът на Великобритания замина.", &bg),
        [row("Премиерът на Великобритания", "GBR", "GBR", "GOV")]
    );
    let ru_text = &text["Премиерът на Великобритания замина. ".len()..];
    let ru = link(&d, ru_text, Lang::Ru, None);
    assert_eq!(
        show(ru_text, &ru),
        [
            row("Министр обороны России", "RUS", "RUS", "MIL"),
            row("Российский президент", "RUS", "RUS", "GOV"),
        ]
    );
}

#[test]
fn a_person_of_another_state_does_not_merge_into_the_role() {
    let d = dict();
    let text = "Президент России Эмманюэль Макрон — ошибка в подписи к фото.";
    let got = show(text, &link(&d, text, Lang::Ru, None));
    assert_eq!(
        got,
        [
            row("Президент России", "RUS", "RUS", "GOV"),
            row("Эмманюэль Макрон", "MACRON_EMMANUEL", "FRA", "GOV"),
        ]
    );
}

#[test]
fn a_role_alone_is_no_mention() {
    let d = dict();
    let text = "Президент заявил, что министр обороны уйдёт.";
    assert!(link(&d, text, Lang::Ru, None).is_empty());
}

#[test]
fn the_office_at_the_documents_date_decides_the_sector() {
    let d = dict();
    let text = "Сергей Шойгу прилетел в Баку.";
    let at = |date| show(text, &link(&d, text, Lang::Ru, date))[0].3.clone();
    assert_eq!(at(Some("2019-05-01")), "MIL");
    assert_eq!(at(Some("2025-01-10")), "GOV");
    // Without a date, the best-known (first listed) office.
    assert_eq!(at(None), "MIL");
    // Before any office: the nationality, no sector.
    let before = link(&d, text, Lang::Ru, Some("2001-01-01"));
    assert_eq!(
        (before[0].code(), before[0].sector.as_deref()),
        (Some("RUS"), None)
    );
}

#[test]
fn a_surname_goes_to_the_person_named_in_full() {
    let d = dict();
    // Boris Johnson is listed first; a text about Andrew Johnson names him.
    let text = "Эндрю Джонсон стал президентом. Джонсон подписал указ.";
    let got = show(text, &link(&d, text, Lang::Ru, None));
    assert_eq!(got[1], row("Джонсон", "JOHNSON_ANDREW", "USA", "-"));
    let text = "Джонсон подписал указ.";
    let got = show(text, &link(&d, text, Lang::Ru, Some("2020-01-01")));
    assert_eq!(got[0].1, "JOHNSON_BORIS");
}

#[test]
fn context_decides_between_actors_sharing_a_name() {
    let d = dict();
    let country = "Georgia and Russia talked in Tbilisi.";
    let state = "Georgia voted for the United States president, as the US expected.";
    let pick = |text: &str| {
        let ms = link(&d, text, Lang::En, None);
        (ms[0].actor.clone(), ms[0].place)
    };
    assert_eq!(pick(country), ("GEO".to_string(), false));
    assert_eq!(pick(state), ("USA_GEORGIA".to_string(), true));
}

#[test]
fn names_that_need_context_link_only_with_it() {
    let d = dict();
    let alone = "Сенат проголосовал против.";
    assert!(link(&d, alone, Lang::Ru, None).is_empty());
    let with = "Сенат США проголосовал против.";
    let got = show(with, &link(&d, with, Lang::Ru, None));
    assert_eq!(got[0], row("Сенат", "USA_SENATE", "USA", "LEG"));
}

#[test]
fn proper_names_need_their_capital_letters_and_blocked_short_forms_stay_unmatched() {
    let d = dict();
    let text = "In May the talks began; Theresa May spoke. May said no.";
    let got = show(text, &link(&d, text, Lang::En, None));
    assert_eq!(got, [row("Theresa May", "MAY_THERESA", "GBR", "GOV")]);
    // Russian "сша" in lower case is not the acronym.
    assert!(link(&d, "сша", Lang::Ru, None).is_empty());
    // Bulgarian: the surname alone is a short form of the full name.
    let bg = "Мей заяви, че Тереза Мей ще остане.";
    assert_eq!(link(&d, bg, Lang::Bg, None).len(), 2);
}

#[test]
fn english_names_are_tried_on_cyrillic_documents() {
    let d = dict();
    let text = "Переговоры с United Kingdom и France продолжатся.";
    let codes: Vec<_> = link(&d, text, Lang::Ru, None)
        .iter()
        .map(|m| m.code().unwrap().to_string())
        .collect();
    assert_eq!(codes, ["GBR", "FRA"]);
}

#[test]
fn a_capitalised_name_does_not_meet_a_common_noun_opening_a_sentence() {
    let d = dict();
    // "Соединённых Штатов" is listed; "Штат" opening a sentence is the
    // common noun (a US state), whose stem is shorter.
    let text = "Штат объявил чрезвычайное положение.";
    assert!(link(&d, text, Lang::Ru, None).is_empty());
    // A lower-case adjective still matches when it opens a sentence.
    let text = "Российские дипломаты уехали.";
    assert_eq!(link(&d, text, Lang::Ru, None)[0].actor, "RUS");
}
