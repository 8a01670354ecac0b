//! The shipped dictionary on sentences written for these tests, one per
//! thing the actor stage must get right, in all four languages.

use std::sync::OnceLock;

use dyad_actors::{document_day, Dictionary};
use dyad_core::{Mention, MentionForm, Span};
use dyad_nlp::{analyse, Lang};

fn dict() -> &'static Dictionary {
    static D: OnceLock<Dictionary> = OnceLock::new();
    D.get_or_init(|| Dictionary::builtin().unwrap())
}

fn link(text: &str, lang: Lang, date: Option<&str>) -> Vec<Mention> {
    let an = analyse(text, &[Span::new(0, text.len())], Some(lang));
    dict().link(text, &an, date.and_then(document_day))
}

/// The code of the mention whose text is `what`.
fn code_of(text: &str, lang: Lang, what: &str) -> String {
    let ms = link(text, lang, None);
    let m = ms
        .iter()
        .find(|m| m.span.slice(text) == what)
        .unwrap_or_else(|| panic!("no mention {what:?} in {text:?}: {ms:?}"));
    m.code().unwrap_or("-").to_string()
}

#[test]
fn adjectives_and_demonyms_in_every_language() {
    for (text, lang, what, code) in [
        ("Российский МИД молчит.", Lang::Ru, "Российский МИД", "RUS"),
        // The adjective merges with the role word after it.
        (
            "Руски войски се изтеглиха.",
            Lang::Bg,
            "Руски войски",
            "RUS",
        ),
        ("Російські ракети впали.", Lang::Uk, "Російські", "RUS"),
        (
            "Russian troops withdrew.",
            Lang::En,
            "Russian troops",
            "RUS",
        ),
        ("Россияне голосуют.", Lang::Ru, "Россияне", "RUS"),
        (
            "Американски дипломати пристигнаха.",
            Lang::Bg,
            "Американски дипломати",
            "USA",
        ),
    ] {
        assert_eq!(code_of(text, lang, what), code, "{text}");
    }
}

#[test]
fn seats_of_power_stand_for_their_government() {
    for (text, lang, what, code) in [
        ("Кремль отверг обвинения.", Lang::Ru, "Кремль", "RUS"),
        ("Белый дом ответил.", Lang::Ru, "Белый дом", "USA"),
        (
            "Даунинг-стрит промолчала.",
            Lang::Ru,
            "Даунинг-стрит",
            "GBR",
        ),
        (
            "Елисейский дворец сообщил.",
            Lang::Ru,
            "Елисейский дворец",
            "FRA",
        ),
        ("Банкова відповіла.", Lang::Uk, "Банкова", "UKR"),
        ("Брюксел отговори.", Lang::Bg, "Брюксел", "EU"),
    ] {
        assert_eq!(code_of(text, lang, what), code, "{text}");
    }
}

#[test]
fn a_capital_that_acts_is_its_state_and_one_after_in_is_a_place() {
    let acts = link("Москва заявила протест.", Lang::Ru, None);
    assert_eq!((acts[0].code(), acts[0].place), (Some("RUS"), false));
    let place = link("В Москве прошла выставка.", Lang::Ru, None);
    assert_eq!((place[0].code(), place[0].place), (Some("RUS"), true));
}

#[test]
fn organisations_and_their_bodies() {
    for (text, lang, what, code) in [
        ("ЕС ввёл санкции.", Lang::Ru, "ЕС", "EU"),
        ("ЄС запровадив санкції.", Lang::Uk, "ЄС", "EU"),
        ("The EU imposed sanctions.", Lang::En, "EU", "EU"),
        ("НАТО усилило группировку.", Lang::Ru, "НАТО", "NATO"),
        ("ООН призвала к перемирию.", Lang::Ru, "ООН", "UN"),
        ("ИГИЛ взяло ответственность.", Lang::Ru, "ИГИЛ", "ISIS"),
        (
            "„Ислямска държава“ пое отговорност.",
            Lang::Bg,
            "Ислямска държава",
            "ISIS",
        ),
        ("ІДІЛ взяла відповідальність.", Lang::Uk, "ІДІЛ", "ISIS"),
        ("Еврокомисия предложи мерки.", Lang::Bg, "Еврокомисия", "EU"),
        (
            "Европарламентът гласува.",
            Lang::Bg,
            "Европарламентът",
            "EU",
        ),
    ] {
        assert_eq!(code_of(text, lang, what), code, "{text}");
    }
}

#[test]
fn state_companies_and_media_count_for_their_state() {
    for (text, lang, what, code) in [
        ("Газпром остановил поставки.", Lang::Ru, "Газпром", "RUS"),
        ("Нафтогаз подав позов.", Lang::Uk, "Нафтогаз", "UKR"),
        ("Роснефть подписала контракт.", Lang::Ru, "Роснефть", "RUS"),
        (
            "Санкции против Nord Stream 2 AG.",
            Lang::Ru,
            "Nord Stream 2 AG",
            "RUS",
        ),
        ("Об этом сообщает ТАСС.", Lang::Ru, "ТАСС", "RUS"),
    ] {
        assert_eq!(code_of(text, lang, what), code, "{text}");
    }
}

#[test]
fn people_in_their_inflected_forms_and_transliterations() {
    for (text, lang, what, code) in [
        ("Путину доложили.", Lang::Ru, "Путину", "RUS"),
        ("Встреча с Путиным.", Lang::Ru, "Путиным", "RUS"),
        ("Позиция Путина.", Lang::Ru, "Путина", "RUS"),
        ("Оланд приехал.", Lang::Ru, "Оланд", "FRA"),
        ("Ердоган заяви.", Lang::Bg, "Ердоган", "TUR"),
        ("Эрдоган заявил.", Lang::Ru, "Эрдоган", "TUR"),
        ("Ердоган заявив.", Lang::Uk, "Ердоган", "TUR"),
        ("Russia's envoy spoke.", Lang::En, "Russia's", "RUS"),
    ] {
        assert_eq!(code_of(text, lang, what), code, "{text}");
    }
}

#[test]
fn the_longest_name_and_the_role_win() {
    let ms = link("Северна Македония се присъедини.", Lang::Bg, None);
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].code(), Some("MKD"));
    let text = "Президент Франции Эмманюэль Макрон прибыл.";
    let ms = link(text, Lang::Ru, Some("2019-05-01"));
    assert_eq!(ms.len(), 1, "{ms:?}");
    assert_eq!(ms[0].span.slice(text), "Президент Франции Эмманюэль Макрон");
    assert_eq!(
        (ms[0].code(), ms[0].sector.as_deref()),
        (Some("FRA"), Some("GOV"))
    );
    assert_eq!(ms[0].form, MentionForm::Role);
    let text = "Министърът на отбраната на Русия пристигна.";
    let ms = link(text, Lang::Bg, None);
    assert_eq!(
        (ms[0].code(), ms[0].sector.as_deref()),
        (Some("RUS"), Some("MIL")),
        "{ms:?}"
    );
}

#[test]
fn offices_follow_the_documents_date() {
    // Putin was prime minister in 2010 (still GOV), Medvedev president.
    let text = "Дмитрий Медведев и Владимир Путин встретились.";
    let ms = link(text, Lang::Ru, Some("2010-06-01"));
    assert!(ms
        .iter()
        .all(|m| m.code() == Some("RUS") && m.sector.as_deref() == Some("GOV")));
    // Tusk: President of the European Council in 2018, Polish prime
    // minister in 2024.
    let text = "Дональд Туск заявил.";
    assert_eq!(
        link(text, Lang::Ru, Some("2018-03-01"))[0].code(),
        Some("EU")
    );
    assert_eq!(
        link(text, Lang::Ru, Some("2024-03-01"))[0].code(),
        Some("POL")
    );
}

#[test]
fn context_separates_georgia_the_state_from_the_us_state() {
    let country = link(
        "Georgia and Russia signed a deal in Tbilisi.",
        Lang::En,
        None,
    );
    assert_eq!(country[0].code(), Some("GEO"));
    let state = link(
        "Georgia certified its results; the US election is over, Washington said.",
        Lang::En,
        None,
    );
    assert_eq!(state[0].code(), Some("USA"));
    assert!(state[0].place);
    let ru = link("Грузия и Россия подписали соглашение.", Lang::Ru, None);
    assert_eq!(ru[0].code(), Some("GEO"));
    let wa = link("В штате Вашингтон прошли выборы.", Lang::Ru, None);
    assert!(wa.iter().all(|m| m.place), "{wa:?}");
}

#[test]
fn an_institution_named_again_alone_is_the_one_named_before() {
    let text = "МИД Великобритании вызвал посла. Позже МИД заявил протест.";
    let ms = link(text, Lang::Ru, None);
    let again = ms.iter().find(|m| m.span.slice(text) == "МИД").unwrap();
    assert_eq!(
        (again.code(), again.sector.as_deref()),
        (Some("GBR"), Some("GOV"))
    );
    // People at large are anyone's: no antecedent for them.
    let text = "Британските граждани се върнаха. Гражданите протестираха.";
    let ms = link(text, Lang::Bg, None);
    assert!(
        ms.iter().all(|m| m.span.slice(text) != "Гражданите"),
        "{ms:?}"
    );
    // "после" (after) is not the ambassador's stem.
    assert!(link("После России выступила Франция.", Lang::Ru, None)
        .iter()
        .all(|m| m.form != MentionForm::Role));
}

#[test]
fn a_name_wins_over_a_demonym_with_the_same_stem() {
    let text = "Срещата на премиерите на Гърция и Македония.";
    let ms = link(text, Lang::Bg, None);
    assert_eq!(ms[0].span.slice(text), "премиерите на Гърция");
    assert_eq!(
        (ms[0].code(), ms[0].sector.as_deref()),
        (Some("GRC"), Some("GOV"))
    );
}

#[test]
fn languages_and_agreements_named_after_a_state_are_no_actors() {
    let text =
        "Документы переведены на русский язык. Стороны обсудили выполнение Минских соглашений.";
    assert!(
        link(text, Lang::Ru, None).is_empty(),
        "{:?}",
        link(text, Lang::Ru, None)
    );
    let text = "Указът е публикуван на английски език.";
    assert!(link(text, Lang::Bg, None).is_empty());
    // The adjective alone still names the state.
    assert_eq!(
        link("Русский танкер задержан.", Lang::Ru, None)[0].code(),
        Some("RUS")
    );
}

#[test]
fn a_counterpart_named_by_a_states_adjective_is_that_states_official() {
    for (text, lang, what, code) in [
        (
            "Лавров встретился со своим турецким коллегой.",
            Lang::Ru,
            "турецким коллегой",
            "TUR",
        ),
        // A clitic may stand between the adjective and the role.
        (
            "Сиярто разговаря с руския си колега.",
            Lang::Bg,
            "руския си колега",
            "RUS",
        ),
        (
            "Лавров зустрівся з турецьким колегою.",
            Lang::Uk,
            "турецьким колегою",
            "TUR",
        ),
        (
            "Blinken met his French counterpart.",
            Lang::En,
            "French counterpart",
            "FRA",
        ),
    ] {
        assert_eq!(code_of(text, lang, what), code, "{text}");
    }
}

#[test]
fn members_of_the_european_parliament_stand_for_the_eu() {
    for (text, lang, what) in [
        ("Евродепутаты призвали Лондон.", Lang::Ru, "Евродепутаты"),
        (
            "Евродепутатите призоваха Лондон.",
            Lang::Bg,
            "Евродепутатите",
        ),
        ("Євродепутати закликали Лондон.", Lang::Uk, "Євродепутати"),
        ("MEPs urged London.", Lang::En, "MEPs"),
    ] {
        assert_eq!(code_of(text, lang, what), "EU", "{text}");
    }
}
