//! Tokenization and sentence splitting on real text: known sentences of the
//! seeds and of slavicner documents come out whole, and over the whole
//! slavicner corpus the output keeps its structural promises.

use dyad_core::Span;
use dyad_nlp::{analyse, Analysed, Lang, TokenKind, MAX_SENTENCE_TOKENS};
use std::path::{Path, PathBuf};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

fn read_lossy(path: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
}

fn seed(prefix: &str) -> String {
    let dir = Path::new(SHARED).join("seeds");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}*"));
    read_lossy(&path)
}

fn slavicner(lang: &str, name: &str) -> String {
    read_lossy(
        &Path::new(SHARED)
            .join("corpus/slavicner")
            .join(lang)
            .join(name),
    )
}

/// The sentences of `text` analysed as one block.
fn sentences(text: &str, lang: Lang) -> Vec<String> {
    let a = analyse(text, &[Span::new(0, text.len())], Some(lang));
    a.sentences
        .iter()
        .map(|s| s.span.slice(text).to_string())
        .collect()
}

/// Asserts that each expected sentence is one of the sentences found.
fn assert_whole(text: &str, lang: Lang, expected: &[&str]) {
    let found = sentences(text, lang);
    for want in expected {
        assert!(
            found.iter().any(|s| s == want),
            "not found whole: {want}\nsentences containing its start:\n{}",
            found
                .iter()
                .filter(|s| s.contains(&want.chars().take(30).collect::<String>()))
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn seed_002_sentences_with_quotes() {
    assert_whole(
        &seed("002_"),
        Lang::Ru,
        &[
            "Представитель МИД Украины предупредил Тегеран, что «последствия пособничества» с Москвой будут «больше, чем выгода от поддержки России».",
            "«Был обсужден ряд актуальных вопросов двусторонней повестки дня с акцентом на дальнейшее углубление сотрудничества в политической и торгово-экономической сферах, в том числе в транспортно-логистической сфере», — цитирует Москву агентство Reuters.",
            "Президент Украины Владимир Зеленский заявил, что армия страны сбивает «не менее 10 иранских беспилотников каждый день».",
            "Путин и Раиси обсудили укрепление сотрудничества между странами — Кремль",
        ],
    );
}

#[test]
fn seed_000_and_001_sentences() {
    assert_whole(
        &seed("000_"),
        Lang::Ru,
        &[
            "Представители переходного правительства Сирии – глава МИД Асад Шейбани и министр обороны Мурхаф Абу Касра – провели переговоры с президентом России Владимиром Путиным, в ходе которых обсуждались перспективы развития двустороннего военно-технического сотрудничества, сообщило агентство SANA.",
            "«Сотрудничество с РФ в области обороны направлено на укрепление безопасности и стабильности в Сирии и во всем Ближневосточном регионе», — указывается в тексте.",
            "Как уточняет SANA, «особый акцент был сделан на стратегическом характере сотрудничества в военно-промышленном комплексе».",
            "Пресс-служба Кремля пока не сообщала о таком контакте.",
        ],
    );
    assert_whole(
        &seed("001_"),
        Lang::Ru,
        &[
            "В воскресенье вечером (14 августа) президент Азербайджана Ильхам Алиев встретился с министром обороны России Сергеем Шойгу, который прибыл в Баку с коротким рабочим визитом во главе делегации из Министерства обороны РФ.",
            "По словам политического редактора Commonspace.eu, визит Шойгу в Баку спустя всего несколько дней после визита Путина является свидетельством решимости российской стороны продемонстрировать Баку серьезность своих намерений относительно двусторонней повестки дня сотрудничества между ними.",
        ],
    );
}

#[test]
fn seed_003_bulgarian_sentences() {
    assert_whole(
        &seed("003_"),
        Lang::Bg,
        &[
            "Руският президент \u{a0}Владимир Путин и френският му колега Франсоа Оланд са провели телефонен разговор, в който са се споразумели да засилят сътрудничеството между двете страни в борбата срещу „Ислямска държава” в Сирия, съобщи пресслужбата на Кремъл, цитирана от руските медии.",
            "Диалогът между двамата ще продължи на 26 ноември в Москва, за когато е планирано посещение на Оланд в руската столица.",
            "Руският президент също така предложи по време на съвещанието, да бъде установен пряк контакт с военно-морския флот на Франция за съвместна борба с „Ислямска държава”.",
        ],
    );
}

#[test]
fn slavicner_dates_and_abbreviations() {
    // "г."/"р." after a year ends a sentence before a capital …
    assert_whole(
        &slavicner("ru", "asia_bibi__asia_bibi_ru.txt_file_2.txt"),
        Lang::Ru,
        &["Местный губернатор и министр по делам меньшинств выступали против казни Биби, но за ее поддержку исламисты убили их в 2011 г."],
    );
    assert_whole(
        &slavicner("ru", "asia_bibi__asia_bibi_ru_extra.txt_file_27.txt"),
        Lang::Ru,
        &[
            "Мать пятерых детей Азия Биби содержится в камере смертников с ноября 2010 г.",
            "Иск с жалобой на «богохульство» против нее подала соседка-мусульманка после ссоры в 2009 г.",
            "Асия Биби подала апелляцию в Верховный суд в ноябре 2014 г. спустя месяц после того, как Высокий суд в Лахоре оставил в силе смертный приговор.",
        ],
    );
    // … but not after a date phrase opening the sentence; "дол." before a
    // lower-case word and "м." before a name do not end one either.
    assert_whole(
        &slavicner("uk", "nord_stream__nord_stream_uk.txt_file_1.txt"),
        Lang::Uk,
        &[
            "Ще у травні 2014 р. Росія підписала контракт на 400 млрд дол. з транспортування 38 млрд кубометрів газу щороку зі Східного Сибіру до Китаю починаючи з 2018-го.",
            "У 2017 р. Росія скоротила поставки сирої нафти на білоруські НПЗ, що і стало причиною зменшення білоруського імпорту моторного палива до України.",
            "Яскравим свідченням цього стали події на початку 2009 р.",
            "У 2014 р. \"Газпром\" припинив поставки природного газу в Україну, але залишив транзит і поставки в Європу без змін.",
        ],
    );
    assert_whole(
        &slavicner("bg", "asia_bibi__asia_bibi_bg_3051.txt.txt"),
        Lang::Bg,
        &["Полицията създаде т.нар. „червена зона“ около сградата на съда в Исламабад, като я огради с кордон, а също така използва паравоенни подразделения, стремейки се да предотврати безредици от страна на протестиращи срещу решението."],
    );
    assert_whole(
        &slavicner("uk", "covid-19__coronavirus_vaccine_uk.txt_file_10009.txt"),
        Lang::Uk,
        &[
            "Генеральний секретар Організації Об'єднаних Націй Антоніу Гутерреш сподівається на те, що 2021 рік стане роком зцілення для людства та світової економіки.",
            "\"Давайте всі разом змиримося між собою і з природою, подолаємо кліматичну кризу, зупинимо поширення COVID-19 і зробимо 2021 рік роком зцілення\", - закликав генсек ООН.",
        ],
    );
}

#[test]
fn seed_tokens() {
    let text = seed("003_");
    let a = analyse(&text, &[Span::new(0, text.len())], Some(Lang::Bg));
    let words: Vec<&str> = a
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.slice(&text))
        .collect();
    for w in ["военно-морския", "по-късно", "НАЙ-НОВО", "158-годишна"]
    {
        assert!(words.contains(&w), "{w} is one token");
    }
    // „…” quotes are tokens of their own.
    let quote = a
        .tokens
        .iter()
        .position(|t| t.span.slice(&text) == "„")
        .unwrap();
    assert_eq!(a.tokens[quote + 1].norm, "ислямска");
    // Stems serve matching: the inflected forms of the verb meet.
    let stem_of = |w: &str| {
        let t = a.tokens.iter().find(|t| t.span.slice(&text) == w).unwrap();
        t.stem().to_string()
    };
    assert_eq!(stem_of("договориха"), dyad_nlp::stem(Lang::Bg, "договори"));
}

fn corpus_files() -> Vec<(PathBuf, Lang)> {
    let mut out = Vec::new();
    for lang in [Lang::Ru, Lang::Bg, Lang::Uk] {
        let dir = Path::new(SHARED).join("corpus/slavicner").join(lang.code());
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        out.extend(paths.into_iter().map(|p| (p, lang)));
    }
    out
}

/// Paragraph blocks: the text between blank lines.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        if i > start {
            spans.push(Span::new(start, i));
        }
        start = i + 2;
    }
    if start < text.len() {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

fn check_structure(text: &str, blocks: &[Span], a: &Analysed) -> Result<(), String> {
    let mut prev_end = 0;
    for t in &a.tokens {
        if t.span.start < prev_end || t.span.is_empty() || t.span.end > text.len() {
            return Err(format!("bad token span {:?}", t.span));
        }
        prev_end = t.span.end;
        let raw = t.span.slice(text);
        if raw.chars().any(char::is_whitespace) {
            return Err(format!("token with whitespace: {raw:?}"));
        }
        if t.norm.is_empty() && t.kind != TokenKind::Symbol {
            return Err(format!("empty norm for {raw:?}"));
        }
    }
    // Sentences cover the tokens in order, each inside its block.
    let mut next = 0;
    for s in &a.sentences {
        if s.tokens.start != next || s.tokens.is_empty() {
            return Err(format!("sentence tokens {:?} after {next}", s.tokens));
        }
        next = s.tokens.end;
        let block = blocks[s.block];
        if !block.contains(s.span) {
            return Err(format!("sentence {:?} outside block {block:?}", s.span));
        }
        let first = &a.tokens[s.tokens.start];
        let last = &a.tokens[s.tokens.end - 1];
        if s.span != Span::new(first.span.start, last.span.end) {
            return Err(format!("sentence span {:?} is not its tokens'", s.span));
        }
    }
    if next != a.tokens.len() {
        return Err(format!(
            "sentences cover {next} of {} tokens",
            a.tokens.len()
        ));
    }
    Ok(())
}

#[test]
fn whole_corpus_structure_and_sentence_ends() {
    let mut problems = Vec::new();
    // Sentences that are not the last of their block end at a full stop,
    // question or exclamation mark, ellipsis, or a closing quote/bracket
    // after one, a `post`/`num` abbreviation, or the end of a line; a
    // sentence cut at the cap ends at its last soft break.
    let (mut inner, mut clean_end) = (0usize, 0usize);
    let mut docs = 0;
    for (path, lang) in corpus_files() {
        let text = read_lossy(&path);
        let blocks = paragraphs(&text);
        let a = analyse(&text, &blocks, Some(lang));
        docs += 1;
        if let Err(e) = check_structure(&text, &blocks, &a) {
            problems.push(format!("{}: {e}", path.display()));
        }
        for pair in a.sentences.windows(2) {
            if pair[0].block != pair[1].block {
                continue;
            }
            inner += 1;
            let s = pair[0].span.slice(&text);
            let gap = &text[pair[0].span.end..pair[1].span.start];
            let ends = s.trim_end_matches(['»', '"', '”', '“', '\'', ')', ']', '’']);
            let capped = pair[0].tokens.len() >= MAX_SENTENCE_TOKENS / 2
                && pair[0].tokens.len() <= MAX_SENTENCE_TOKENS
                && s.ends_with([',', ';', ':', '—', '–']);
            if gap.contains('\n') || ends.ends_with(['.', '!', '?', '…']) || capped {
                clean_end += 1;
            } else {
                problems.push(format!("{}: sentence ends oddly: {s:?}", path.display()));
            }
        }
    }
    assert!(docs >= 2000, "only {docs} corpus documents");
    assert!(inner > 20_000, "only {inner} inner sentence boundaries");
    assert!(
        problems.is_empty(),
        "{}",
        problems[..problems.len().min(20)].join("\n")
    );
    assert_eq!(clean_end, inner);
}

#[test]
fn bad_input_does_not_panic() {
    let text = "Путин\u{00AD}\u{0301}'—«»„“…?!.,;:()[]{}$€%№ \u{200B}\u{FEFF}\r\n\t ё́ ́ ';'-'-.-.";
    let n = text.len();
    // Spans out of range, reversed, or off character boundaries.
    let blocks = [
        Span::new(0, n),
        Span::new(1, 3),
        Span { start: 9, end: 2 },
        Span::new(n + 5, n + 10),
        Span::new(3, n + 100),
    ];
    for lang in [
        None,
        Some(Lang::Ru),
        Some(Lang::Bg),
        Some(Lang::Uk),
        Some(Lang::En),
        Some(Lang::Mk),
    ] {
        let a = analyse(text, &blocks, lang);
        for t in &a.tokens {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        for s in &a.sentences {
            assert!(s.block < blocks.len());
        }
    }
    assert!(analyse("", &[], None).tokens.is_empty());
}

#[test]
fn random_text_and_spans_do_not_panic() {
    // Characters the scanner treats specially, mixed at random
    // (deterministic xorshift), with random block spans.
    let alphabet: Vec<char> = "аЯёЁїʼ’'`-‐‑—–.,!?…«»„“\"()[] \n\t\u{00AD}\u{0301}\u{0306}\u{200B}\u{200E}1234567890AzÉ€$%г.р.т.е.U.S.В.".chars().collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let text: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        let n = text.len() + 3;
        let blocks: Vec<Span> = (0..(next() % 3))
            .map(|_| {
                let a = (next() % n as u64) as usize;
                let b = (next() % n as u64) as usize;
                Span { start: a, end: b }
            })
            .collect();
        let lang = [
            None,
            Some(Lang::Ru),
            Some(Lang::Bg),
            Some(Lang::Uk),
            Some(Lang::En),
        ][(next() % 5) as usize];
        let a = analyse(&text, &blocks, lang);
        for s in &a.sentences {
            assert!(s.tokens.end <= a.tokens.len());
        }
        let _ = dyad_nlp::detect_language(&text);
    }
}
