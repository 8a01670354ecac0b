//! Russian: dictionary readings, names, passive participles and the
//! preposition step on sentences like those of the seed pages.

mod common;
use common::{analyse_sentence, readings_of};
use dyad_morph::{analyser, Case, Gender, Number, Pos, Tense};
use dyad_nlp::Lang;

fn first_case(sentence: &[(String, dyad_morph::Readings<'static>)], word: &str) -> Option<Case> {
    readings_of(sentence, word)
        .first()
        .and_then(|r| r.tag.case())
}

#[test]
fn talks_with_putin_put_putin_in_the_instrumental() {
    let s = analyse_sentence(
        Lang::Ru,
        "Министры провели переговоры с президентом России Владимиром Путиным.",
    );
    assert_eq!(first_case(&s, "президентом"), Some(Case::Ins));
    assert_eq!(first_case(&s, "путиным"), Some(Case::Ins));
    let putin = readings_of(&s, "путиным").first().expect("a reading");
    assert_eq!(putin.lemma, "путин");
    assert!(putin.tag.is_surname());
    assert!(readings_of(&s, "переговоры").has_lemma("переговоры"));
    assert_eq!(first_case(&s, "россии"), Some(Case::Gen));
}

#[test]
fn sanctions_imposed_by_the_eu_have_a_passive_participle_and_an_instrumental_agent() {
    let s = analyse_sentence(Lang::Ru, "Санкции, наложенные Евросоюзом, остаются в силе.");
    let imposed = readings_of(&s, "наложенные");
    let participle = imposed
        .iter()
        .find(|r| r.tag.pos() == Pos::Participle)
        .expect("a participle reading");
    assert!(participle.tag.passive());
    assert_eq!(participle.tag.perfective(), Some(true));
    assert_eq!(participle.lemma, "наложить");
    assert_eq!(first_case(&s, "евросоюзом"), Some(Case::Ins));
    assert!(readings_of(&s, "евросоюзом")
        .first()
        .is_some_and(|r| r.tag.is_name()));
}

#[test]
fn accused_moscow_has_a_verb_lemma_and_an_accusative_object() {
    let s = analyse_sentence(Lang::Ru, "Вашингтон обвинил Москву во вмешательстве.");
    let accused = readings_of(&s, "обвинил").first().expect("a reading");
    assert_eq!(accused.lemma, "обвинить");
    assert_eq!(accused.tag.pos(), Pos::Verb);
    assert_eq!(accused.tag.tense(), Some(Tense::Past));
    assert_eq!(accused.tag.gender(), Some(Gender::Masc));
    let moscow = readings_of(&s, "москву");
    assert_eq!(moscow.cases().iter().collect::<Vec<_>>(), [Case::Acc]);
    assert!(moscow.first().is_some_and(|r| r.tag.is_place()));
    // "во" governs the locative here.
    assert_eq!(first_case(&s, "вмешательстве"), Some(Case::Loc));
}

#[test]
fn prepositions_narrow_case_by_the_cases_they_govern() {
    let ru = analyser(Lang::Ru).expect("ru");
    // Without context "россии" is genitive, dative or locative.
    let alone = ru.analyse("россии").cases();
    assert!(alone.contains(Case::Gen) && alone.contains(Case::Dat) && alone.contains(Case::Loc));
    let to = analyse_sentence(Lang::Ru, "Делегация приехала к России.");
    assert_eq!(
        readings_of(&to, "россии")
            .cases()
            .iter()
            .collect::<Vec<_>>(),
        [Case::Dat]
    );
    let against = analyse_sentence(Lang::Ru, "Санкции против России.");
    assert_eq!(
        readings_of(&against, "россии")
            .cases()
            .iter()
            .collect::<Vec<_>>(),
        [Case::Gen]
    );
    // An adjective between the preposition and its noun is narrowed too.
    let adj = analyse_sentence(Lang::Ru, "Встреча прошла в Бакинском порту.");
    assert_eq!(first_case(&adj, "бакинском"), Some(Case::Loc));
    assert_eq!(first_case(&adj, "порту"), Some(Case::Loc));
    // The preposition itself takes the governed case.
    assert_eq!(first_case(&adj, "в"), Some(Case::Loc));
}

#[test]
fn adjectives_agree_with_the_following_noun() {
    let s = analyse_sentence(Lang::Ru, "Переходное правительство Сирии провело встречу.");
    let adj = readings_of(&s, "переходное");
    let noun = readings_of(&s, "правительство");
    // Both are nominative or accusative singular neuter, and agree.
    for r in adj.iter().chain(noun.iter()) {
        assert!(matches!(r.tag.case(), Some(Case::Nom | Case::Acc)), "{r:?}");
        assert_eq!(r.tag.number(), Some(Number::Sing));
    }
}

#[test]
fn foreign_names_missing_from_the_dictionary_are_guessed_by_their_endings() {
    let ru = analyser(Lang::Ru).expect("ru");
    for (word, lemma, case) in [
        ("шольцем", "шольц", Case::Ins),
        ("байдену", "байден", Case::Dat),
        ("блинкена", "блинкен", Case::Acc),
        ("пашиняну", "пашинян", Case::Dat),
    ] {
        assert!(
            !ru.dictionary().contains(word),
            "{word} is meant to be unknown"
        );
        let r = ru.analyse_cased(word, true);
        assert!(
            r.iter().all(|r| r.tag.guessed() && r.tag.is_name()),
            "{word}"
        );
        assert!(
            r.first()
                .is_some_and(|r| r.tag.is_person_name() && r.tag.animate() == Some(true)),
            "{word}"
        );
        assert!(
            r.has_lemma(lemma),
            "{word}: {:?}",
            r.lemmas().map(|l| l.to_string()).collect::<Vec<_>>()
        );
        assert!(r.has_case(case), "{word}: {:?}", r.cases());
        assert!(r.iter().all(|r| r.tag.pos() == Pos::Noun), "{word}");
    }
    // Names the dictionary has are not guessed.
    let erdogan = ru.analyse_cased("эрдоганом", true);
    assert!(erdogan.first().is_some_and(|r| !r.tag.guessed()
        && r.lemma == "эрдоган"
        && r.tag.case() == Some(Case::Ins)));
    // The dictionary knows only the diacritic "макрон"; capitalised, the
    // surname readings (genitive or accusative of a person) join it.
    let macron = ru.analyse_cased("макрона", true);
    assert!(macron.has_case(Case::Gen) && macron.has_case(Case::Acc));
    assert!(macron
        .iter()
        .any(|r| r.tag.is_name() && r.tag.animate() == Some(true)));
    assert!(
        !ru.analyse("макрона").has_case(Case::Acc),
        "not capitalised: the diacritic only"
    );
    // Unknown lower-case words are guessed as common words, marked so.
    let guessed = ru.analyse("кринжовыми");
    assert!(guessed.iter().all(|r| r.tag.guessed()));
    assert!(guessed.has_pos(Pos::Adj) && guessed.has_case(Case::Ins));
}

#[test]
fn latin_words_numbers_and_compounds() {
    let ru = analyser(Lang::Ru).expect("ru");
    let ryanair = ru.analyse("ryanair");
    assert_eq!(ryanair.len(), 1);
    let r = ryanair.first().expect("a reading");
    assert_eq!((r.tag.pos(), r.tag.case()), (Pos::Noun, None));
    assert_eq!(r.lemma, "ryanair");
    assert_eq!(
        ru.analyse("2022").first().map(|r| r.tag.pos()),
        Some(Pos::Numeral)
    );
    let ex = ru.analyse("экс-президента");
    assert!(ex.has_lemma("экс-президент") && ex.has_case(Case::Gen));
    assert!(ru.analyse("премьер-министра").has_lemma("премьер-министр"));
}

#[test]
fn yo_and_case_folding_follow_the_tokenizer() {
    let s = analyse_sentence(Lang::Ru, "Он провёл ещё одну встречу.");
    assert!(readings_of(&s, "провел").has_lemma("провести"));
    assert!(readings_of(&s, "еще").has_pos(Pos::Adverb));
}
