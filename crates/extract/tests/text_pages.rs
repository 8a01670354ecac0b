//! Plain-text extraction on pages written for these tests, one behaviour
//! each, in the four languages: what a scraper saves from real news sites.

use dyad_core::{Article, BlockKind, Decoded, PayloadKind};
use dyad_extract::extract;

fn article(text: &str) -> Article {
    extract(Decoded::utf8("t.txt", PayloadKind::Text, text.to_string()))
}

/// The kept lines, with their kinds.
fn kept(text: &str) -> Vec<(BlockKind, String)> {
    let a = article(text);
    a.blocks
        .iter()
        .map(|b| (b.kind, b.span.slice(&a.text).to_string()))
        .collect()
}

fn kept_texts(text: &str) -> Vec<String> {
    kept(text).into_iter().map(|(_, t)| t).collect()
}

#[test]
fn cookie_notice_and_rubric_before_the_title_are_dropped() {
    let page = "Наш сайт использует файлы cookie, чтобы вам было удобнее пользоваться им, и для аналитики.\n\n\
        Политика\n\n\
        Лавров и Блинкен провели переговоры в Женеве\n\n\
        Министр иностранных дел России Сергей Лавров и госсекретарь США Энтони Блинкен провели в пятницу переговоры в Женеве, которые продлились около полутора часов.\n\n\
        По словам Лаврова, стороны договорились продолжить диалог, а ответ на российские предложения Москва получит на следующей неделе.\n";
    let k = kept(page);
    assert_eq!(
        k[0],
        (
            BlockKind::Title,
            "Лавров и Блинкен провели переговоры в Женеве".to_string()
        )
    );
    assert_eq!(k.len(), 3);
    assert!(k
        .iter()
        .all(|(_, t)| !t.contains("cookie") && t != "Политика"));
}

#[test]
fn comments_after_the_article_are_dropped() {
    let page = "Меркел и Макрон обсъдиха санкциите срещу Беларус\n\n\
        Германският канцлер Ангела Меркел и френският президент Еманюел Макрон са обсъдили по телефона новите санкции срещу Беларус, съобщи говорител на правителството в Берлин.\n\n\
        Двамата лидери са се съгласили, че Европейският съюз трябва да действа единно и бързо.\n\n\
        Коментари (3)\n\
        Иван Петров\n\
        12:30\n\
        Пак ще си говорят и нищо няма да направят, както винаги е било досега с тези санкции.\n\
        Мария\n\
        13:05\n\
        Крайно време беше някой да каже нещо ясно по този въпрос, но дали ще има ефект?\n";
    let texts = kept_texts(page);
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts
        .iter()
        .all(|t| !t.contains("Пак ще") && !t.contains("Крайно време")));
}

#[test]
fn other_language_teasers_after_the_article_are_dropped() {
    let page = "Зеленський провів переговори з прем'єром Польщі\n\n\
        Президент України Володимир Зеленський провів у Києві переговори з прем'єр-міністром Польщі, під час яких сторони обговорили оборонну співпрацю та постачання зброї.\n\n\
        За словами Зеленського, Польща залишається одним з найважливіших партнерів України.\n\n\
        Related news\n\n\
        The European Commission has proposed a new package of sanctions against Russia, which includes restrictions on imports of steel and a ban on the export of certain technologies to the country.\n\n\
        NATO foreign ministers met in Brussels on Tuesday to discuss the alliance's support for Ukraine and the situation on its eastern flank, the alliance said in a statement.\n";
    let texts = kept_texts(page);
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts[0].starts_with("Зеленський провів"));
    assert!(texts
        .iter()
        .all(|t| !t.contains("NATO") && !t.contains("Commission")));
}

#[test]
fn a_russian_teaser_list_does_not_join_a_bulgarian_article() {
    // Same script, other language: the stop words tell them apart.
    let page = "Радев се срещна с посланика на Франция\n\n\
        Президентът Румен Радев се срещна днес с посланика на Франция, като двамата обсъдиха сътрудничеството в областта на отбраната и енергетиката.\n\n\
        Той подчерта, че България е заинтересувана от по-тесни връзки с Париж.\n\n\
        Путин заявил, что Россия не собирается ни на кого нападать, и это уже не раз было сказано.\n\n\
        Песков сообщил, что в Кремле пока не получали такого предложения от партнеров.\n";
    let texts = kept_texts(page);
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts.iter().all(|t| !t.contains("Путин заявил")));
}

#[test]
fn a_list_of_headlines_with_times_is_not_an_article() {
    let page = "Последние новости\n\
        Шольц прибыл в Вашингтон\n\
        5 минут назад\n\
        В Киеве объявили воздушную тревогу\n\
        12 минут назад\n\
        Эрдоган провел переговоры с Алиевым\n\
        1 час назад\n";
    assert!(kept(page).is_empty());
}

#[test]
fn a_title_printed_twice_is_kept_once_and_a_lead_repeating_it_is_kept() {
    let page = "Ryanair cancels 250 flights as pilots strike in Germany\n\n\
        Ryanair cancels 250 flights as pilots strike in Germany\n\n\
        Ryanair cancels 250 flights as pilots strike in Germany.\n\n\
        The Irish airline said on Thursday that the strike by its German pilots would affect about 42,000 passengers and blamed the union for the disruption.\n";
    let k = kept(page);
    assert_eq!(k.len(), 3, "{k:?}");
    assert_eq!(k[0].0, BlockKind::Title);
    assert!(k[1].1.ends_with("Germany."));
}

#[test]
fn captions_and_bylines_get_their_kinds() {
    let page = "Shoigu visits Baku for defence talks\n\n\
        Russian Defence Minister Sergei Shoigu arrived in Baku on Sunday for talks with President Ilham Aliyev on military cooperation between the two countries.\n\n\
        Photo: President Aliyev receives the Russian delegation in Baku.\n\n\
        The ministers discussed arms supplies and joint exercises, according to the Azerbaijani defence ministry.\n\n\
        Source: commonspace.eu\n";
    let k = kept(page);
    let kinds: Vec<BlockKind> = k.iter().map(|(kind, _)| *kind).collect();
    assert_eq!(
        kinds,
        vec![
            BlockKind::Title,
            BlockKind::Lead,
            BlockKind::Caption,
            BlockKind::Body,
            BlockKind::Byline
        ]
    );
}

#[test]
fn a_single_line_feed_item_is_kept_whole() {
    let k = kept("Путин провел телефонный разговор с Эрдоганом");
    assert_eq!(k.len(), 1);
    assert_eq!(k[0].0, BlockKind::Body);
    let k = kept(
        "Эрдоган и Путин обсудили ситуацию в Сирии. Стороны договорились о новых встречах в Сочи.",
    );
    assert_eq!(k.len(), 1);
}

#[test]
fn empty_and_degenerate_texts_give_no_blocks_and_no_panic() {
    for text in ["", "\n\n\n", "   \r\n\t", "|\n—\n***", "\u{feff}"] {
        let a = article(text);
        assert!(a.blocks.is_empty(), "{text:?}");
        assert!(a.title.is_none());
    }
}

#[test]
fn crlf_pages_keep_offsets_into_the_text_as_read() {
    let page = "Москва и Анкара договорились о перемирии\r\n\r\nРоссия и Турция договорились о прекращении огня в Идлибе, сообщил министр обороны после переговоров в Москве.\r\n";
    let a = article(page);
    assert_eq!(a.blocks.len(), 2);
    for b in &a.blocks {
        let t = b.span.slice(&a.text);
        assert!(!t.ends_with('\r') && !t.starts_with('\n'), "{t:?}");
    }
    assert_eq!(
        a.title.as_deref(),
        Some("Москва и Анкара договорились о перемирии")
    );
}

#[test]
fn a_long_page_of_many_lines_is_handled() {
    let para = "Стороны обсудили вопросы двустороннего сотрудничества в области энергетики и торговли.\n\n";
    let mut page = String::from("Итоги переговоров в Баку\n\n");
    for _ in 0..20_000 {
        page.push_str(para);
    }
    let a = article(&page);
    assert_eq!(a.blocks.len(), 20_001);
    assert_eq!(a.title.as_deref(), Some("Итоги переговоров в Баку"));
}
