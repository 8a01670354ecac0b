//! Ukrainian, Bulgarian and English readings, and the languages without
//! data.

mod common;
use common::{analyse_sentence, readings_of};
use dyad_morph::{analyser, Case, Flag, Pos};
use dyad_nlp::Lang;

#[test]
fn ukrainian_accusations_and_surnames() {
    let s = analyse_sentence(
        Lang::Uk,
        "Київ звинуватив Росію в обстрілах, заявив речник Зеленського.",
    );
    let accused = readings_of(&s, "звинуватив").first().expect("a reading");
    assert_eq!(
        (accused.lemma.to_string().as_str(), accused.tag.pos()),
        ("звинуватити", Pos::Verb)
    );
    assert_eq!(
        readings_of(&s, "росію").cases().iter().collect::<Vec<_>>(),
        [Case::Acc]
    );
    let zelensky = readings_of(&s, "зеленського").first().expect("a reading");
    assert_eq!(zelensky.lemma, "зеленський");
    assert!(zelensky.tag.is_surname());
    assert!(matches!(zelensky.tag.case(), Some(Case::Gen | Case::Acc)));
    // Both apostrophes of Ukrainian spelling reach the same entry.
    let uk = analyser(Lang::Uk).expect("uk");
    let typographic = dyad_nlp::normalize("об’єкт");
    assert!(uk.analyse(&typographic).has_lemma("об'єкт"));
    assert!(!uk.analyse(&typographic).iter().any(|r| r.tag.guessed()));
}

#[test]
fn ukrainian_prepositions_choose_between_with_and_from() {
    let with = analyse_sentence(Lang::Uk, "Переговори з Польщею тривали.");
    assert_eq!(
        readings_of(&with, "польщею")
            .first()
            .and_then(|r| r.tag.case()),
        Some(Case::Ins)
    );
    assert_eq!(
        readings_of(&with, "з").first().and_then(|r| r.tag.case()),
        Some(Case::Ins)
    );
    let from = analyse_sentence(Lang::Uk, "Делегація повернулася з Варшави.");
    assert_eq!(
        readings_of(&from, "з").first().and_then(|r| r.tag.case()),
        Some(Case::Gen)
    );
}

#[test]
fn bulgarian_articles_and_clitics() {
    let bg = analyser(Lang::Bg).expect("bg");
    for (word, lemma) in [
        ("министърът", "министър"),
        ("министъра", "министър"),
        ("страната", "страна"),
        ("правителството", "правителство"),
        ("президентите", "президент"),
    ] {
        let r = bg.analyse(word);
        let first = r.first().expect("a reading");
        assert_eq!(first.lemma, lemma, "{word}");
        assert_eq!(first.tag.definite(), Some(true), "{word}");
        assert_eq!(first.tag.pos(), Pos::Noun, "{word}");
    }
    assert_eq!(
        bg.analyse("министър")
            .first()
            .and_then(|r| r.tag.definite()),
        Some(false)
    );
    let s = analyse_sentence(
        Lang::Bg,
        "Путин обвини Запада и му каза, че ще се срещне с нея.",
    );
    assert!(readings_of(&s, "обвини").has_pos(Pos::Verb));
    assert!(readings_of(&s, "обвини").has_lemma("обвиня"));
    let mu = readings_of(&s, "му").first().expect("a reading");
    assert_eq!(
        (mu.tag.pos(), mu.tag.case()),
        (Pos::Pronoun, Some(Case::Dat))
    );
    assert!(mu.tag.has(Flag::Clitic));
    assert_eq!(
        readings_of(&s, "ще").first().map(|r| r.tag.pos()),
        Some(Pos::Particle)
    );
    assert!(readings_of(&s, "се")
        .first()
        .is_some_and(|r| r.tag.has(Flag::Reflexive)));
    assert_eq!(
        readings_of(&s, "нея").first().and_then(|r| r.tag.case()),
        Some(Case::Acc)
    );
    assert_eq!(
        readings_of(&s, "с").first().map(|r| r.tag.pos()),
        Some(Pos::Preposition)
    );
}

#[test]
fn english_lemmas_include_irregular_forms() {
    let en = analyser(Lang::En).expect("en");
    for (word, lemma) in [
        ("accused", "accuse"),
        ("talks", "talk"),
        ("went", "go"),
        ("children", "child"),
        ("sanctions", "sanction"),
        ("stopped", "stop"),
        ("was", "be"),
        ("him", "he"),
    ] {
        assert!(
            en.analyse(word).has_lemma(word) || en.analyse(word).has_lemma(lemma),
            "{word}"
        );
        assert!(en.analyse(word).has_lemma(lemma), "{word} → {lemma}");
    }
    assert!(en.analyse("accused").has_pos(Pos::Verb));
    assert!(en.analyse("talks").has_pos(Pos::Noun) && en.analyse("talks").has_pos(Pos::Verb));
    assert_eq!(
        en.analyse("him").first().and_then(|r| r.tag.case()),
        Some(Case::Acc)
    );
    // An unknown capitalised word is a proper noun; lower case, a guess.
    let name = en.analyse_cased("zelensky", true);
    assert!(name
        .first()
        .is_some_and(|r| r.tag.is_name() && r.tag.guessed()));
    assert!(en.analyse("glorbed").has_pos(Pos::Verb));
}

#[test]
fn english_word_order_chooses_between_noun_and_verb() {
    let en = analyser(Lang::En).expect("en");
    // Alone, "talks" is read as a plural noun first.
    assert_eq!(
        en.analyse("talks").first().map(|r| r.tag.pos()),
        Some(Pos::Noun)
    );
    let s = analyse_sentence(Lang::En, "He talks to them about the talks.");
    let pos: Vec<Option<Pos>> = s
        .iter()
        .filter(|(w, _)| w == "talks")
        .map(|(_, r)| r.first().map(|r| r.tag.pos()))
        .collect();
    assert_eq!(pos, [Some(Pos::Verb), Some(Pos::Noun)]);
    assert_eq!(
        readings_of(&s, "them").first().and_then(|r| r.tag.case()),
        Some(Case::Acc)
    );
    let s = analyse_sentence(Lang::En, "They want to sanction the company.");
    assert_eq!(
        readings_of(&s, "sanction").first().map(|r| r.tag.pos()),
        Some(Pos::Verb)
    );
}

#[test]
fn languages_without_data_have_no_analyser() {
    for lang in [Lang::Mk, Lang::Sr, Lang::Be] {
        assert!(analyser(lang).is_none(), "{lang:?}");
    }
    for lang in [Lang::Ru, Lang::Uk, Lang::Bg, Lang::En] {
        let a = analyser(lang).expect("built in");
        assert!(a.dictionary().len() > 40_000, "{lang:?}");
        assert!(a.analyse("").is_empty());
        assert!(!a.analyse("x").is_empty(), "every word gets a reading");
    }
}
