//! The coder on short texts of our own, through the real tokenizer, the
//! built-in actor dictionary and the built-in lexicons: dates resolved
//! against the document's date, one event per (type, sides) per article,
//! modality, and the explanation.

use dyad_actors::Dictionary;
use dyad_core::{Event, Span};
use dyad_events::{Coder, Lexicon};
use dyad_nlp::Lang;

fn code(lang: Lang, text: &str, day: Option<u32>) -> Vec<Event> {
    let coder = Coder::new(Lexicon::builtin().unwrap());
    let dict = Dictionary::builtin().unwrap();
    let analysed = dyad_nlp::analyse(text, &[Span::new(0, text.len())], Some(lang));
    let mentions = dict.link(text, &analysed, None);
    coder.code(text, &analysed, &mentions, day)
}

fn only(events: &[Event]) -> &Event {
    assert_eq!(events.len(), 1, "{events:?}");
    &events[0]
}

#[test]
fn dates_in_the_sentence_resolve_against_the_document_date() {
    let e = code(
        Lang::Ru,
        "14 августа Путин провел переговоры с Эрдоганом.",
        Some(20160820),
    );
    assert_eq!(only(&e).date.as_deref(), Some("2016-08-14"));
    let e = code(
        Lang::Ru,
        "В воскресенье Путин провел переговоры с Эрдоганом.",
        Some(20160817),
    );
    assert_eq!(only(&e).date.as_deref(), Some("2016-08-14"));
    let e = code(
        Lang::Bg,
        "Вчера Путин проведе разговор с Ердоган.",
        Some(20151126),
    );
    assert_eq!(only(&e).date.as_deref(), Some("2015-11-25"));
    let e = code(
        Lang::Uk,
        "19 червня 2017 року Лондон і Брюссель почали переговори.",
        None,
    );
    assert_eq!(only(&e).date.as_deref(), Some("2017-06-19"));
    // No year and no document date: unknown.
    let e = code(
        Lang::Bg,
        "На 26 ноември Путин проведе разговор с Оланд.",
        None,
    );
    assert_eq!(only(&e).date, None);
}

#[test]
fn an_event_told_twice_is_one_event_with_the_surest_evidence() {
    let text = "Россия и Франция договорились о сотрудничестве. \
                Президенты России и Франции договорились, сообщил Кремль. \
                Путин договорился с Макроном.";
    let e = code(Lang::Ru, text, None);
    let agree: Vec<_> = e.iter().filter(|e| e.kind.as_str() == "AGREE").collect();
    assert_eq!(agree.len(), 1, "{e:?}");
    let codes: Vec<&str> = agree[0].actors.iter().map(|p| p.code.as_str()).collect();
    assert!(codes.contains(&"RUS") && codes.contains(&"FRA"));
    assert!(agree[0].recipients.is_empty());
    assert!(text[agree[0].evidence.start..agree[0].evidence.end].contains("договори"));
}

#[test]
fn negated_questioned_and_hypothetical_events_are_not_coded_and_plans_are_agreements() {
    assert!(code(Lang::Ru, "Путин не встретился с Эрдоганом.", None).is_empty());
    assert!(code(Lang::Ru, "Встретится ли Путин с Эрдоганом?", None).is_empty());
    assert!(code(
        Lang::En,
        "If Russia attacked Poland, NATO would respond.",
        None
    )
    .iter()
    .all(|e| e.kind.as_str() != "ASSAULT"));
    let e = code(Lang::Bg, "Путин ще посети Анкара следващата седмица.", None);
    assert_eq!(only(&e).kind.as_str(), "AGREE");
}

#[test]
fn the_explanation_names_sides_triggers_and_reasons() {
    let coder = Coder::new(Lexicon::builtin().unwrap());
    let dict = Dictionary::builtin().unwrap();
    let text = "Германия обвинила Россию в кибератаке. Путин не встретился с Макроном.";
    let analysed = dyad_nlp::analyse(text, &[Span::new(0, text.len())], Some(Lang::Ru));
    let mentions = dict.link(text, &analysed, None);
    let (events, explanation) = coder.explain(text, &analysed, &mentions, None);
    assert_eq!(events, coder.code(text, &analysed, &mentions, None));
    let shown = explanation.render(text);
    assert!(shown.contains("«Германия» DEU"), "{shown}");
    assert!(shown.contains("ACCUSE [DEU] → [RUS]"), "{shown}");
    assert!(shown.contains("not coded: negated"), "{shown}");
    assert!(shown.contains("triggers.txt:"), "{shown}");
}
