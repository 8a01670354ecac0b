//! Groups (staff, crews, pilots, unions, passengers) and located roles with
//! the shipped dictionary, on sentences written for these tests in ru, bg,
//! uk and en: each way a text ties a group to a state or a company, and a
//! group tied to nothing.

use std::sync::OnceLock;

use dyad_actors::Dictionary;
use dyad_core::{Mention, MentionForm, Span};
use dyad_nlp::{analyse, Lang};

fn dict() -> &'static Dictionary {
    static D: OnceLock<Dictionary> = OnceLock::new();
    D.get_or_init(|| Dictionary::builtin().unwrap())
}

fn link(text: &str, lang: Lang) -> Vec<Mention> {
    let an = analyse(text, &[Span::new(0, text.len())], Some(lang));
    dict().link(text, &an, None)
}

/// (text, code or "-", kind) of each mention, and the (text, code) of its
/// parts.
type Shown = Vec<(String, String, &'static str, Vec<(String, String)>)>;

fn show(text: &str, lang: Lang) -> Shown {
    let code = |m: &Mention| m.code().unwrap_or("-").to_string();
    link(text, lang)
        .iter()
        .map(|m| {
            let parts = m
                .parts
                .iter()
                .map(|p| (p.span.slice(text).to_string(), code(p)))
                .collect();
            (m.span.slice(text).to_string(), code(m), m.kind, parts)
        })
        .collect()
}

fn group(what: &str, code: &str) -> (String, String, &'static str, Vec<(String, String)>) {
    (what.into(), code.into(), "group", Vec::new())
}

fn with_part(
    what: &str,
    code: &str,
    part: &str,
    part_code: &str,
) -> (String, String, &'static str, Vec<(String, String)>) {
    (
        what.into(),
        code.into(),
        "group",
        vec![(part.into(), part_code.into())],
    )
}

#[test]
fn a_states_adjective_before_the_group() {
    for (text, lang, what, code) in [
        (
            "Бельгийские профсоюзы объявили забастовку.",
            Lang::Ru,
            "Бельгийские профсоюзы",
            "BEL",
        ),
        (
            "Германските пилоти стачкуват от днес.",
            Lang::Bg,
            "Германските пилоти",
            "DEU",
        ),
        (
            "Німецькі пілоти страйкують уже другий день.",
            Lang::Uk,
            "Німецькі пілоти",
            "DEU",
        ),
        (
            "Irish pilots walked out on Friday.",
            Lang::En,
            "Irish pilots",
            "IRL",
        ),
    ] {
        assert_eq!(show(text, lang), [group(what, code)], "{text}");
        let m = &link(text, lang)[0];
        assert_eq!(
            (
                m.form,
                m.place,
                m.sector.as_deref(),
                m.actor.starts_with("GROUP_")
            ),
            (MentionForm::Role, false, Some("CVL"), true),
            "{text}"
        );
    }
}

#[test]
fn a_state_named_as_a_place_after_the_group_is_its_state_and_no_place_of_its_own() {
    for (text, lang, what, code) in [
        (
            "Пилоты в Германии объявили забастовку.",
            Lang::Ru,
            "Пилоты в Германии",
            "DEU",
        ),
        (
            "Пилотите в Германия стачкуват.",
            Lang::Bg,
            "Пилотите в Германия",
            "DEU",
        ),
        (
            "Пасажири у Польщі залишилися без рейсів.",
            Lang::Uk,
            "Пасажири у Польщі",
            "POL",
        ),
        (
            "Pilots in Germany went on strike.",
            Lang::En,
            "Pilots in Germany",
            "DEU",
        ),
    ] {
        assert_eq!(show(text, lang), [group(what, code)], "{text}");
    }
}

#[test]
fn a_state_the_group_comes_from_is_its_state() {
    for (text, lang, what, code) in [
        (
            "Пилоты из Бельгии присоединились.",
            Lang::Ru,
            "Пилоты из Бельгии",
            "BEL",
        ),
        (
            "Пилотите от Белгия се присъединиха.",
            Lang::Bg,
            "Пилотите от Белгия",
            "BEL",
        ),
        (
            "Crews from Spain joined them.",
            Lang::En,
            "Crews from Spain",
            "ESP",
        ),
        // Ukrainian з before a genitive; a Bulgarian reflexive clitic
        // between.
        (
            "Пілоти з Бельгії приєдналися.",
            Lang::Uk,
            "Пілоти з Бельгії",
            "BEL",
        ),
        (
            "Служителите си от Белгия компанията уволни.",
            Lang::Bg,
            "Служителите си от Белгия",
            "BEL",
        ),
        // Group words joined by "and" are one group.
        (
            "Бортпроводники и пилоты из Бельгии присоединились.",
            Lang::Ru,
            "Бортпроводники и пилоты из Бельгии",
            "BEL",
        ),
    ] {
        assert_eq!(show(text, lang), [group(what, code)], "{text}");
    }
    // Ukrainian з with the instrumental is "with": no tie is read from it.
    let text = "Пілоти домовилися з Німеччиною.";
    assert!(show(text, Lang::Uk).iter().all(|m| m.2 != "group"));
    let text = "Пілоти з Німеччиною домовилися.";
    assert!(show(text, Lang::Uk).iter().all(|m| m.2 != "group"));
}

#[test]
fn a_state_in_the_genitive_or_after_of_is_the_groups() {
    for (text, lang, what, code) in [
        (
            "Профсоюзы Бельгии поддержали пилотов.",
            Lang::Ru,
            "Профсоюзы Бельгии",
            "BEL",
        ),
        (
            "Синдикатите на Белгия подкрепиха стачката.",
            Lang::Bg,
            "Синдикатите на Белгия",
            "BEL",
        ),
        (
            "Профспілки Бельгії підтримали страйк.",
            Lang::Uk,
            "Профспілки Бельгії",
            "BEL",
        ),
        (
            "The unions of Belgium backed the strike.",
            Lang::En,
            "unions of Belgium",
            "BEL",
        ),
        // An organisation's staff are the organisation's.
        (
            "Служителите на ЕС протестираха.",
            Lang::Bg,
            "Служителите на ЕС",
            "EU",
        ),
    ] {
        let got = show(text, lang);
        assert_eq!(
            (got.len(), &got[0].0, &got[0].1),
            (1, &what.to_string(), &code.to_string()),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_company_and_a_place_make_the_place_the_groups_state_and_the_company_a_part() {
    for (text, lang, what, code, company) in [
        (
            "Пилоты Ryanair в Испании объявили забастовку.",
            Lang::Ru,
            "Пилоты Ryanair в Испании",
            "ESP",
            "Ryanair",
        ),
        (
            "Экипажи Ryanair, базирующиеся в Испании, прекратили работу.",
            Lang::Ru,
            "Экипажи Ryanair, базирующиеся в Испании",
            "ESP",
            "Ryanair",
        ),
        (
            "Пилотите на Райънеър в Испания стачкуват.",
            Lang::Bg,
            "Пилотите на Райънеър в Испания",
            "ESP",
            "Райънеър",
        ),
        (
            "Екипажите на Ryanair, базирани в Испания, спряха работа.",
            Lang::Bg,
            "Екипажите на Ryanair, базирани в Испания",
            "ESP",
            "Ryanair",
        ),
        (
            "Пілоти Ryanair в Іспанії оголосили страйк.",
            Lang::Uk,
            "Пілоти Ryanair в Іспанії",
            "ESP",
            "Ryanair",
        ),
        (
            "Ryanair pilots in Spain walked out.",
            Lang::En,
            "pilots in Spain",
            "ESP",
            "Ryanair",
        ),
        (
            "The Spanish crews of Ryanair walked out.",
            Lang::En,
            "Spanish crews",
            "ESP",
            "Ryanair",
        ),
        // With the airline word before the name.
        (
            "Пилоты авиакомпании Ryanair в Германии объявили забастовку.",
            Lang::Ru,
            "Пилоты авиакомпании Ryanair в Германии",
            "DEU",
            "авиакомпании Ryanair",
        ),
    ] {
        assert_eq!(
            show(text, lang),
            [with_part(what, code, company, "IRL")],
            "{text}"
        );
    }
}

#[test]
fn a_group_tied_only_to_a_company_has_no_country_and_the_company_is_no_side() {
    for (text, lang, what, company) in [
        (
            "Пилоты Ryanair объявили забастовку.",
            Lang::Ru,
            "Пилоты",
            "Ryanair",
        ),
        (
            "Пилоты ирландской авиакомпании Ryanair объявили забастовку.",
            Lang::Ru,
            "Пилоты",
            "Ryanair",
        ),
        (
            "Стюардесите на Ryanair обявиха стачка.",
            Lang::Bg,
            "Стюардесите",
            "Ryanair",
        ),
        (
            "Бортпровідники Ryanair оголосили страйк.",
            Lang::Uk,
            "Бортпровідники",
            "Ryanair",
        ),
        (
            "Ryanair's cabin crew walked out.",
            Lang::En,
            "cabin crew",
            "Ryanair's",
        ),
    ] {
        assert_eq!(
            show(text, lang),
            [with_part(what, "-", company, "IRL")],
            "{text}"
        );
        let m = &link(text, lang)[0];
        assert_eq!((m.country.as_deref(), m.org.as_deref()), (None, None));
    }
    // The state's adjective still ties the group; the company stays a part.
    assert_eq!(
        show("Немецкие пилоты Ryanair угрожают забастовкой.", Lang::Ru),
        [with_part("Немецкие пилоты", "DEU", "Ryanair", "IRL")]
    );
}

#[test]
fn a_group_tied_to_nothing_is_no_mention() {
    for (text, lang) in [
        ("Пилоты объявили забастовку.", Lang::Ru),
        ("Синдикатите обявиха стачка.", Lang::Bg),
        ("Пасажири залишилися без рейсів.", Lang::Uk),
        ("The unions said nothing.", Lang::En),
    ] {
        assert!(
            link(text, lang).is_empty(),
            "{text}: {:?}",
            show(text, lang)
        );
    }
    // A company's management after a group word is its own side, not the
    // group's owner.
    let text = "Пасажирам керівництво Ryanair пообіцяло компенсацію.";
    let got = show(text, Lang::Uk);
    assert_eq!(
        got.iter()
            .map(|g| (g.0.as_str(), g.1.as_str()))
            .collect::<Vec<_>>(),
        [("керівництво Ryanair", "IRL")],
        "{got:?}"
    );
    // A verb between the group and the place: the place is where the
    // strike is, not whose the union is.
    let text = "Профсоюз призывает Ryanair к забастовке в Германии.";
    let ms = link(text, Lang::Ru);
    let got: Vec<(&str, Option<&str>, &str, bool)> = ms
        .iter()
        .map(|m| (m.span.slice(text), m.code(), m.kind, m.place))
        .collect();
    assert_eq!(
        got,
        [
            ("Ryanair", Some("IRL"), "body", false),
            ("Германии", Some("DEU"), "state", true),
        ]
    );
}

#[test]
fn every_state_of_a_list_of_places_gets_the_group() {
    for (text, lang, first, rest) in [
        (
            "Бортпроводники Ryanair в Испании, Бельгии и Португалии бастуют.",
            Lang::Ru,
            "Бортпроводники Ryanair в Испании",
            ["Бельгии", "Португалии"],
        ),
        (
            "Синдикатите на пилотите в Испания, Белгия и Португалия обявиха стачка.",
            Lang::Bg,
            "Синдикатите на пилотите в Испания",
            ["Белгия", "Португалия"],
        ),
        (
            "Профспілки пілотів в Іспанії, Бельгії та Португалії оголосили страйк.",
            Lang::Uk,
            "Профспілки пілотів в Іспанії",
            ["Бельгії", "Португалії"],
        ),
        (
            "Unions in Spain, Belgium and Portugal called a strike.",
            Lang::En,
            "Unions in Spain",
            ["Belgium", "Portugal"],
        ),
    ] {
        let got = show(text, lang);
        let spans: Vec<(&str, &str)> = got.iter().map(|g| (g.0.as_str(), g.1.as_str())).collect();
        assert_eq!(
            spans,
            [(first, "ESP"), (rest[0], "BEL"), (rest[1], "PRT")],
            "{text}"
        );
        assert!(got.iter().all(|g| g.2 == "group"), "{text}: {got:?}");
    }
}

#[test]
fn located_roles_take_a_place_and_other_roles_do_not() {
    for (text, lang, what, code, sector) in [
        (
            "Суд в Амстердаме отклонил иск.",
            Lang::Ru,
            "Суд в Амстердаме",
            "NLD",
            "JUD",
        ),
        (
            "Властите в Румъния отговориха.",
            Lang::Bg,
            "Властите в Румъния",
            "ROU",
            "GOV",
        ),
        (
            "Поліція у Німеччині затримала двох.",
            Lang::Uk,
            "Поліція у Німеччині",
            "DEU",
            "COP",
        ),
        (
            "The authorities in Spain answered.",
            Lang::En,
            "authorities in Spain",
            "ESP",
            "GOV",
        ),
        (
            "Аэропорт Дублина закрыт.",
            Lang::Ru,
            "Аэропорт Дублина",
            "IRL",
            "BUS",
        ),
    ] {
        let ms = link(text, lang);
        assert_eq!(ms.len(), 1, "{text}: {ms:?}");
        let m = &ms[0];
        assert_eq!(
            (
                m.span.slice(text),
                m.code(),
                m.sector.as_deref(),
                m.form,
                m.place
            ),
            (what, Some(code), Some(sector), MentionForm::Role, false),
            "{text}"
        );
    }
    // The court in Luxembourg is the EU's, a name of its own; the state
    // named inside it is a part, a place.
    for (text, lang, place) in [
        ("Суд в Люксембурге отклонил иск.", Lang::Ru, "Люксембурге"),
        ("Съдът в Люксембург отхвърли иска.", Lang::Bg, "Люксембург"),
        (
            "The court in Luxembourg dismissed it.",
            Lang::En,
            "Luxembourg",
        ),
    ] {
        let ms = link(text, lang);
        assert_eq!(
            ms.iter().map(|m| m.code()).collect::<Vec<_>>(),
            [Some("EU")],
            "{text}"
        );
        let court = &text[ms[0].span.start..ms[0].span.end];
        assert!(!court.contains(place), "{text}: {court}");
        let parts: Vec<(&str, Option<&str>, bool)> = ms[0]
            .parts
            .iter()
            .map(|p| (p.span.slice(text), p.code(), p.place))
            .collect();
        assert_eq!(parts, [(place, Some("LUX"), true)], "{text}");
    }
    // An embassy in Moscow is not Russia's: Moscow stays a place.
    let text = "Посольство в Москве промолчало.";
    let ms = link(text, Lang::Ru);
    assert_eq!(ms.len(), 1, "{ms:?}");
    assert_eq!((ms[0].span.slice(text), ms[0].place), ("Москве", true));
}

#[test]
fn an_institutions_staff_are_the_institutions() {
    let text = "Сотрудники ФСБ задержали его.";
    let ms = link(text, Lang::Ru);
    assert_eq!(ms.len(), 1, "{ms:?}");
    assert_eq!(
        (
            ms[0].span.slice(text),
            ms[0].code(),
            ms[0].sector.as_deref(),
            ms[0].kind
        ),
        ("Сотрудники ФСБ", Some("RUS"), Some("SPY"), "group")
    );
}

#[test]
fn a_named_union_after_the_group_word_is_the_group_and_a_part() {
    for (text, lang, what, code, union) in [
        (
            "Профсоюз Vereinigung Cockpit объявил забастовку.",
            Lang::Ru,
            "Профсоюз Vereinigung Cockpit",
            "DEU",
            "Vereinigung Cockpit",
        ),
        (
            "Немецкий профсоюз Verdi поддержал бортпроводников.",
            Lang::Ru,
            "Немецкий профсоюз Verdi",
            "DEU",
            "Verdi",
        ),
        (
            "Британският синдикат BALPA отговори.",
            Lang::Bg,
            "Британският синдикат BALPA",
            "GBR",
            "BALPA",
        ),
    ] {
        assert_eq!(
            show(text, lang),
            [with_part(what, code, union, code)],
            "{text}"
        );
    }
}
