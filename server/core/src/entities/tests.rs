use expect_test::{Expect, expect};

use super::*;

/// Renders the names found in `text` as `surface=id`, one per line.
fn render(text: &str, index: &EntityIndex) -> String {
    let document = Document::new(text);
    recognise(&document, index, Options::NONE)
        .iter()
        .map(|m| format!("{}={}", text[m.range.as_range()].escape_debug(), m.entity.id))
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(text: &str, expect: Expect) {
    expect.assert_eq(&render(text, EntityIndex::builtin()));
}

#[test]
fn both_scripts_hit_the_same_entity() {
    check(
        "國家主席習近平抵達秘魯首都利馬。国家主席习近平抵达秘鲁首都利马。",
        expect![[r#"
            習近平=xi-jinping
            秘魯=peru
            利馬=lima
            习近平=xi-jinping
            秘鲁=peru
            利马=lima"#]],
    );
}

#[test]
fn regional_variants_hit() {
    check(
        "祕魯和裡海，秘魯和裏海，臺灣與台灣",
        expect![[r#"
            祕魯=peru
            裡海=caspian-sea
            秘魯=peru
            裏海=caspian-sea
            臺灣=taiwan
            台灣=taiwan"#]],
    );
}

#[test]
fn names_across_line_breaks_and_letter_spacing() {
    check(
        "共同出席錢凱\n港開港儀式，對秘\r\n魯進行國事訪問。\n\n习 近 平 回 到 北 京",
        expect![[r#"
            錢凱\n港=port-of-chancay
            秘\r\n魯=peru
            习 近 平=xi-jinping
            北 京=beijing"#]],
    );
}

#[test]
fn relational_compounds_side_forms_and_containing_words_are_not_names() {
    check("中美關係穩定，中秘友好，中方願同秘方一道，發展中國家", expect![[r#""#]]);
    // 拉美 (Latin America) is the name here, not 美國.
    check(
        "拉美國家和加勒比國家",
        expect![[r#"
            拉美=latin-america
            加勒比=caribbean"#]],
    );
    // The longest name wins: 中美洲 is Central America.
    check("中美洲國家", expect![[r#"中美洲=central-america"#]]);
}

/// Agencies by their short forms, and the words of `agencies.toml`'s `ignore` list that hold a
/// ministry's name without meaning it (交通部門 "transport departments", 统计处理 "statistical
/// processing", 举行会议, 国家安全总局): what the list must keep out, and what it must keep.
#[test]
fn agency_short_forms_and_the_words_that_contain_them() {
    check(
        "交通部表示，食環署、醫管局與工聯會回應，國科會和疾管署說明。",
        expect![[r#"
            交通部=tw-ministry-of-transportation-and-communications-taiwan
            食環署=hk-fehd
            醫管局=hk-hospital-authority
            工聯會=hk-hong-kong-federation-of-trade-unions-hkftu
            國科會=tw-national-science-and-technology-council-taiwan
            疾管署=taiwan-cdc"#]],
    );
    check(
        "交通部门和卫生部门举行会议，统计处理后由国家安全总局通报，医政医管局指出",
        expect![[r#"医政医管局=prc-bureau-of-medical-administration-national-health-commission"#]],
    );
    // 總統府 after a city or standing alone is nobody's in particular; Taiwan's has its full name.
    check(
        "利馬總統府與中華民國總統府",
        expect![[r#"
        利馬=lima
        中華民國總統府=tw-office-of-the-president-taiwan"#]],
    );
}

#[test]
fn acronyms_need_ascii_word_boundaries() {
    check(
        "出席APEC會議和G20峰會，G200不是。APECX也不是。",
        expect![[r#"
            APEC=apec
            G20=g20"#]],
    );
}

/// A curated entity's English name finds it where the text prints it so; a description, a
/// lowercase word or a name inside a longer Latin word does not.
#[test]
fn names_printed_in_latin_letters_find_their_entity() {
    check(
        "據Facebook及NASA消息，Al Jazeera報道，Intel與Microsoft合作；apple和Intelligent不是。",
        expect![[r#"
            Facebook=company-facebook
            NASA=intl-nasa
            Al Jazeera=al-jazeera
            Intel=company-intel
            Microsoft=company-microsoft"#]],
    );
}

#[test]
fn curated_entries_win_over_cedict_and_workspace_over_curated() {
    let index = EntityIndex::builtin();
    let document = Document::new("拜登總統");
    let mentions = recognise(&document, index, Options::NONE);
    assert_eq!(mentions[0].entity.source, Source::Curated);
    assert!(mentions[0].entity.description.contains("2021–2025"));

    let workspace = Gazetteer::from_toml_str(
        "ignore = [\"利馬\"]\n[[entity]]\nid = \"our-biden\"\ntype = \"person\"\ntraditional = \"拜登\"\nsimplified = \"拜登\"\n",
        Source::Workspace,
    )
    .unwrap();
    let user = Gazetteer::from_toml_str(
        "[[entity]]\nid = \"user-biden\"\ntype = \"person\"\ntraditional = \"拜登\"\nsimplified = \"拜登\"\n\
         [[entity]]\nid = \"hua-chunying\"\ntype = \"person\"\ntraditional = \"華春瑩\"\nsimplified = \"华春莹\"\n",
        Source::User,
    )
    .unwrap();
    let index = EntityIndex::with_layers(&[&workspace, &user]);
    expect![[r#"
        拜登=our-biden
        华春莹=hua-chunying"#]]
    .assert_eq(&render("拜登在利馬，华春莹", &index));
}

#[test]
fn hover_shows_both_scripts_pinyin_and_source() {
    let analysis = crate::analyse("國家主席習近平抵達利馬。", &crate::Config::default());
    let offset = analysis.document.text().find("近").unwrap();
    let info = crate::hover::hover(&analysis, offset).unwrap();
    assert_eq!(&analysis.document.text()[info.range.as_range()], "習近平");
    expect![[r#"
        **習近平** · **习近平** — *Xí Jìnpíng*

        **Xi Jinping** · person

        General Secretary of the CCP Central Committee (2012–), President of the PRC (2013–), Chairman of the Central Military Commission

        Also: 習總書記、习总书记

        *as of 2024-11 · source: curated gazetteer*"#]]
    .assert_eq(&info.markdown);
}

#[test]
fn cedict_hovers_carry_the_attribution() {
    let analysis = crate::analyse("他讀過《紅樓夢》，也去過鄭州。", &crate::Config::default());
    let offset = analysis.document.text().find("鄭州").unwrap();
    let info = crate::hover::hover(&analysis, offset).unwrap();
    assert!(info.markdown.contains("Zhèngzhōu"), "{}", info.markdown);
    assert!(info.markdown.contains("source: CC-CEDICT · CC BY-SA 4.0"), "{}", info.markdown);
}

#[test]
fn disabled_entities_and_non_chinese_text_give_nothing() {
    let config = crate::Config::from_toml_str("[entities]\nenabled = false\n").unwrap();
    assert!(crate::analyse("國家主席習近平抵達利馬。", &config).entities().is_empty());
    assert!(crate::analyse("Xi Jinping met Lula at the G20 in Rio.", &crate::Config::default()).entities().is_empty());
}

#[test]
fn astral_characters_and_odd_input_do_not_break_offsets() {
    check("𠮷野家在習近平", expect![[r#"習近平=xi-jinping"#]]);
    check("", expect![[r#""#]]);
    check("\r\n\r\n  \u{3000}", expect![[r#""#]]);
}

proptest::proptest! {
    #[test]
    fn mentions_are_ordered_on_char_boundaries_and_never_overlap(text in "[習近平秘魯利馬中美國拉 \\n\\r𠮷a-zA-Z0-9，。]{0,40}") {
        let document = Document::new(text.as_str());
        let mentions = recognise(&document, EntityIndex::builtin(), Options::NONE);
        let mut end = 0;
        for mention in &mentions {
            proptest::prop_assert!(text.is_char_boundary(mention.range.start) && text.is_char_boundary(mention.range.end));
            proptest::prop_assert!(mention.range.start >= end && mention.range.start < mention.range.end);
            end = mention.range.end;
        }
    }
}

#[test]
fn a_position_on_the_next_word_is_not_on_the_name_before_it() {
    let text = "習近平抵達利馬，出席峰會。";
    let document = Document::new(text);
    let mentions = recognise(&document, EntityIndex::builtin(), Options::NONE);
    let at = |needle: &str| text.find(needle).unwrap();
    let surface = |offset| mention_at(&mentions, text, offset).map(|m| &text[m.range.as_range()]);
    assert_eq!(surface(at("近")), Some("習近平"));
    // 抵 starts where 習近平 ends: the hover of 抵 is not 習近平's.
    assert_eq!(surface(at("抵")), None);
    // A cursor after 利馬, before the comma, still finds it.
    assert_eq!(surface(at("，")), Some("利馬"));
    assert_eq!(surface(text.len()), None);
}

#[test]
fn a_guessed_person_shows_a_romanisation_labelled_as_such() {
    let hover = |surface: &str, region| {
        let key = normalise(surface);
        let entity = Arc::new(tagger::guess(surface, &key, EntityKind::Person, region));
        let mention = Mention { range: TextRange::new(0, surface.len()), key, entity };
        hover_markdown(&mention, surface)
    };
    expect![[r#"
        **崔慧莹** — *Cuī Huìyíng*

        Probably a **person** — not in the gazetteer (jieba guess, unverified).

        **Cui Huiying** — romanised, not verified (Hanyu Pinyin)

        *source: jieba guess*"#]]
    .assert_eq(&hover("崔慧莹", Some(romanise::Region::Mainland)));
    expect![[r#"
        **蔣萬安** · **蒋万安** — *Jiǎng Wàn'ān*

        Probably a **person** — not in the gazetteer (jieba guess, unverified).

        **Chiang Wan-an** — romanised, not verified (Wade–Giles as Taiwan passports write it)

        *source: jieba guess*"#]]
    .assert_eq(&hover("蔣萬安", Some(romanise::Region::Taiwan)));
    // Hong Kong names are romanised from Cantonese, as Hong Kong identity cards write them.
    expect![[r#"
        **鄧炳強** · **邓炳强** — *Dèng Bǐngqiáng*

        Probably a **person** — not in the gazetteer (jieba guess, unverified).

        **Tang Ping-keung** — romanised, not verified (Hong Kong Government Cantonese romanisation of Jyutping dang6 bing2 koeng4)

        *source: jieba guess*"#]]
    .assert_eq(&hover("鄧炳強", Some(romanise::Region::HongKong)));
}

#[test]
fn a_guessed_hong_kong_place_shows_its_cantonese_romanisation_and_the_jyutping_behind_it() {
    let surface = "耀安邨";
    let key = normalise(surface);
    let entity = Arc::new(tagger::guess(surface, &key, EntityKind::Place, Some(romanise::Region::HongKong)));
    let mention = Mention { range: TextRange::new(0, surface.len()), key, entity };
    expect![[r#"
        **耀安邨** — *Yào'ān*

        Probably a **place** — not in the gazetteer (jieba guess, unverified).

        **Yiu On Estate** — romanised, not verified (Hong Kong Government Cantonese romanisation of Jyutping jiu6 on1 cyun1)

        *source: jieba guess*"#]].assert_eq(&hover_markdown(&mention, surface));
}

/// The mentions of `text` with the built-in index, with or without the LAC model.
fn mentions_of(text: &str, with_model: bool) -> Vec<Mention> {
    let options = Options { tagger: None, model: with_model.then(lac::load) };
    recognise(&Document::new(text), EntityIndex::builtin(), options)
}

/// Each mention of `text` as `surface=English`.
fn english_of(text: &str, with_model: bool) -> Vec<String> {
    mentions_of(text, with_model)
        .iter()
        .map(|m| format!("{}={}", &text[m.range.as_range()], m.entity.english))
        .collect()
}

/// People the LAC model proposes: romanised, labelled as the model's; forms of address
/// (郭先生, 李某) are not names.
fn check_model(text: &str, expect: Expect) {
    let rendered: Vec<String> = mentions_of(text, true)
        .iter()
        .filter(|m| m.is_guess())
        .map(|m| {
            format!("{}={:?} {:?} {}", &text[m.range.as_range()], m.entity.source, m.entity.kind, m.entity.english)
        })
        .collect();
    expect.assert_eq(&rendered.join("\n"));
}

#[test]
fn model_proposes_people() {
    // CC-CEDICT's 小明 inside 王小明 gives way to the model's person; 郭先生 and 李某 (also
    // tagged PER) are rightly left out.
    check_model("新华社记者王小明报道，郭先生和李某昨天到场。", expect!["王小明=Model Person Wang Xiaoming"]);
    check_model("臺北市議員林志明今天出席活動。", expect!["林志明=Model Person Lin Chih-ming"]);
}

#[test]
fn foreign_people_in_transliteration_read_back_to_english() {
    // Issue 20: every part read back through server/data/foreign-names.toml, in both scripts;
    // a surname alone only when it cannot be a Chinese name; Chinese names keep their pinyin.
    check_model(
        "苹果公司首席执行官蒂姆·库克周二抵达上海，库克随后会见了记者张伟。",
        expect![[r#"
            蒂姆·库克=Model Person Tim Cook
            张伟=Model Person Zhang Wei"#]],
    );
    check_model(
        "美國參議員伊莉莎白·華倫週二表示，史密斯與阿姆斯壯兩位議員也反對這項法案。",
        expect![[r#"
            伊莉莎白·華倫=Model Person Elizabeth Warren
            阿姆斯壯=Model Person Armstrong"#]],
    );
    // A part outside the table leaves the name without English.
    check_model("德国化学家弗里茨·哈伯曼斯昨天获奖。", expect!["弗里茨·哈伯曼斯=Model Person "]);
}

#[test]
fn a_bracketed_latin_name_is_the_english_of_the_person_before_it() {
    check_model(
        "发言人丹尼丝·霍洛韦（Denise Holloway）周三说，霍洛韦不会辞职。",
        expect![[r#"
            丹尼丝·霍洛韦=Model Person Denise Holloway
            Denise Holloway=Model Person Denise Holloway
            霍洛韦=Model Person Holloway"#]],
    );
    check_model(
        "英國外交部發言人瑪格麗特·基奧（Margaret Keogh）表示，基奧將赴港。",
        expect![[r#"
            瑪格麗特·基奧=Model Person Margaret Keogh
            Margaret Keogh=Model Person Margaret Keogh
            基奧=Model Person Keogh"#]],
    );
}

#[test]
fn a_read_back_name_says_so_in_the_hover() {
    let surface = "尼爾·阿姆斯壯";
    let key = normalise(surface);
    let entity = Arc::new(tagger::guess(surface, &key, EntityKind::Person, Some(romanise::Region::Taiwan)));
    let mention = Mention { range: TextRange::new(0, surface.len()), key, entity };
    expect![[r#"
        **尼爾·阿姆斯壯** · **尼尔·阿姆斯壮**

        Probably a **person** — not in the gazetteer (jieba guess, unverified).

        **Neil Armstrong** — transliterated back from the Chinese form by a table of common foreign names, not verified

        *source: jieba guess*"#]]
    .assert_eq(&hover_markdown(&mention, surface));
}

/// Places and organisations no dictionary lists, from the model's `LOC` and `ORG` words (our own
/// sentences, with names of the kinds the development set misses: a company, a housing estate,
/// a town).
#[test]
fn model_proposes_places_and_organisations() {
    check_model(
        "江苏天嘉宜化工有限公司昨日发生爆炸，陈家港镇居民连夜撤离。",
        expect![[r#"
            天嘉宜化工有限公司=Model Organisation Tianjiayi Chemical Co., Ltd.
            陈家港镇=Model Place Chenjiagang Town"#]],
    );
    check_model("大埔宏福苑居民昨日到社區會堂登記。", expect!["宏福苑=Model Place Wang Fuk Court"]);
    // With a word that places the text in Hong Kong, the estate is read in Cantonese.
    check_model("香港大埔宏福苑居民昨日到社區會堂登記。", expect!["宏福苑=Model Place Wang Fuk Court"]);
}

/// A body's name the model cuts into a place and common nouns (徐汇区 | 征收 指挥 中心) is one
/// organisation (the district, known, keeps its own gloss; see `after_known_prefix`); a
/// generic unit (各地医院, 警方重案组) is none (our own sentences).
#[test]
fn model_words_after_a_place_make_a_body_when_they_end_in_one() {
    check_model(
        "徐汇区征收指挥中心昨日回复，湖北各地医院和警方重案组均未回应。",
        expect!["征收指挥中心=Model Organisation Zhengshou Command Center"],
    );
}

/// A Hong Kong name the model runs on past its ending (安泰苑棚 for 安泰苑 and its netting) is
/// cut to the name; the word for a housing estate (屋苑) is no name (our own sentence).
#[test]
fn hong_kong_names_the_model_runs_on_are_cut_to_their_endings() {
    let text = "香港觀塘安泰苑棚網昨日起火，多個屋苑停電。";
    let rendered: Vec<String> = mentions_of(text, true)
        .iter()
        .map(|m| format!("{}={:?} {}", &text[m.range.as_range()], m.entity.source, m.entity.english))
        .collect();
    expect![[r#"
        香港=Curated Hong Kong
        觀塘=Curated Kwun Tong
        安泰苑=Model On Tai Court"#]]
    .assert_eq(&rendered.join("\n"));
}

/// Hong Kong names the model cuts before their ending (元朗|社區會堂) are joined to it when the
/// place before it is read the Hong Kong way; a country (美國) or a one-character ending (道)
/// is not.
#[test]
fn hong_kong_names_are_joined_to_the_ending_the_model_cut_off() {
    let text = "香港警方在元朗社區會堂設辨認處，荃灣消防局亦有人員駐守，美國醫院和沙田道路則未受影響。";
    let rendered: Vec<String> = mentions_of(text, true)
        .iter()
        .map(|m| format!("{}={:?} {}", &text[m.range.as_range()], m.entity.source, m.entity.english))
        .collect();
    expect![[r#"
        香港=Curated Hong Kong
        元朗社區會堂=Model Yuen Long Community Hall
        荃灣消防局=Model Tsuen Wan Fire Station
        美國=Curated United States
        醫院=Model 
        沙田=Curated Sha Tin"#]]
    .assert_eq(&rendered.join("\n"));
}

/// A dictionary word the model's person holds (国庆 "National Day" in 李国庆) or straddles (明报
/// "Ming Pao" over 刘晓明|报道) gives way to the person; the model reads a byline's spaces as
/// the boundaries between names.
#[test]
fn the_model_s_people_win_over_dictionary_words_inside_or_across_them() {
    check_model(
        "本报记者 黄雨馨 李国庆\n\n记者 张建华 刘晓明报道",
        expect![[r#"
            黄雨馨=Model Person Huang Yuxin
            李国庆=Model Person Li Guoqing
            张建华=Model Person Zhang Jianhua
            刘晓明=Model Person Liu Xiaoming"#]],
    );
    // A name that holds the whole person keeps its place.
    let mentions = mentions_of("国家主席习近平今天出席会议。", true);
    assert!(mentions.iter().any(|m| m.entity.id == "xi-jinping" && !m.is_guess()), "{mentions:?}");
}

/// Companies, platforms and media of `organisations.toml` in both scripts, by their other
/// region's names too (our own sentences).
#[test]
fn companies_and_media_in_both_scripts() {
    check(
        "據集邦科技統計，和碩與緯創的出貨增加，星宇航空在風傳媒的專訪中回應。",
        expect![[r#"
            集邦科技=research-trendforce
            和碩=company-pegatron
            緯創=company-wistron
            星宇航空=company-starlux-airlines
            風傳媒=media-the-storm-media"#]],
    );
    check(
        "据新浪财经报道，蔚来和理想汽车上月交付量上升，海康威视、中国海油股价下跌，联合早报与星洲日报均有报道。",
        expect![[r#"
            新浪财经=company-sina
            蔚来=company-nio
            理想汽车=company-li-auto
            海康威视=company-hikvision
            中国海油=company-cnooc
            联合早报=zaobao
            星洲日报=media-sin-chew-daily"#]],
    );
}

/// Two dictionary names that straddle each other: the one the model read as a name wins, so a
/// prefecture's name followed by its county's is not read as the province that straddles them
/// (our own sentences).
#[test]
fn the_model_settles_names_that_straddle() {
    let cases = [
        ("他们来到安徽芜湖南陵县的一处烈士陵园。", ["安徽", "芜湖", "南陵县", "烈士陵园"]),
        ("他們來到安徽蕪湖南陵縣的一處烈士陵園。", ["安徽", "蕪湖", "南陵縣", "烈士陵園"]),
    ];
    for (text, expected) in cases {
        let names: Vec<&str> = mentions_of(text, true).iter().map(|m| &text[m.range.as_range()]).collect();
        assert_eq!(names, expected);
    }
}

/// A place the model reads whole that begins with a known person is named after them: the
/// person gives way and lends the place their English (our own sentences).
#[test]
fn places_named_after_people() {
    let text = "游客们先参观了鲁迅故居，傍晚又去了伦敦的邦德街购物。";
    assert_eq!(english_of(text, true), ["鲁迅故居=Lu Xun's Former Residence", "伦敦=London", "邦德街=Bond Street"]);
}

/// People of `people.toml` in both scripts, with the English they use themselves: a Hong Kong
/// official's English given name, a Taiwanese mayor's own spelling, a founder's English name
/// (our own sentences).
#[test]
fn people_with_their_own_english_in_both_scripts() {
    let english = |text: &str| english_of(text, false);
    assert_eq!(
        english("保安局局長鄧炳強與新北市長侯友宜會面，張忠謀出席。"),
        [
            "保安局=Security Bureau",
            "鄧炳強=Chris Tang Ping-keung",
            "新北市=New Taipei City",
            "侯友宜=Hou Yu-ih",
            "張忠謀=Morris Chang"
        ]
    );
    assert_eq!(
        english("保安局局长邓炳强与新北市长侯友宜会面，张忠谋出席。"),
        [
            "保安局=Security Bureau",
            "邓炳强=Chris Tang Ping-keung",
            "新北市=New Taipei City",
            "侯友宜=Hou Yu-ih",
            "张忠谋=Morris Chang"
        ]
    );
}

/// Hospitals whose English is not a romanisation, in both scripts and by short forms (our own
/// sentences).
#[test]
fn hospitals_by_their_own_english() {
    check(
        "傷者分別送往瑪麗醫院、威爾斯親王醫院及台大醫院。",
        expect![[r#"
            瑪麗醫院=hospital-queen-mary-hospital
            威爾斯親王醫院=hospital-prince-of-wales-hospital
            台大醫院=hospital-national-taiwan-university-hospital"#]],
    );
    check(
        "伤者被送往北京协和医院和华西医院救治。",
        expect![[r#"
            北京协和医院=hospital-peking-union-medical-college-hospital
            华西医院=hospital-west-china-hospital-sichuan-university"#]],
    );
}

/// Hong Kong landmarks whose English is not a romanisation, in both scripts (our own
/// sentences): not "Tai Ping Shan", and 添馬公園 holds no 馬公 (Makung).
#[test]
fn hong_kong_landmarks_by_their_english() {
    check(
        "示威者由添馬公園遊行至政府總部，再經紅隧前往太平山。",
        expect![[r#"
            添馬公園=hk-tamar-park
            政府總部=hk-central-government-offices
            紅隧=hk-cross-harbour-tunnel
            太平山=hk-victoria-peak"#]],
    );
    check(
        "游客从添马公园出发，乘东铁线前往启德体育园。",
        expect![[r#"
            添马公园=hk-tamar-park
            东铁线=hk-east-rail-line
            启德体育园=hk-kai-tak-sports-park"#]],
    );
}

/// The groupings of the mainland, Hong Kong, Macau and Taiwan news uses, as one place each
/// (our own sentences): not 中國 and a guessed 大陸.
#[test]
fn regional_groupings() {
    check(
        "中國大陸與港澳的業界，以至兩岸四地的學者都有出席。",
        expect![[r#"
            中國大陸=mainland-china-taiwan-usage
            港澳=hong-kong-and-macau
            兩岸四地=cross-strait-four-places"#]],
    );
    check("港澳台居民可申领居住证。", expect!["港澳台=hong-kong-macau-and-taiwan"]);
}

/// People credited in a byline are people, pen names too, with a romanisation (our own lines).
#[test]
fn credited_people() {
    let text = "作者丨青椒 林晓\n编辑丨白菜\n（記者 陳一鳴 報道）";
    let rendered: Vec<String> = mentions_of(text, false)
        .iter()
        .map(|m| {
            format!("{}={:?} {:?} {}", &text[m.range.as_range()], m.entity.source, m.entity.kind, m.entity.english)
        })
        .collect();
    assert_eq!(
        rendered,
        [
            "青椒=Byline Person Qingjiao",
            "林晓=Byline Person Lin Xiao",
            "白菜=Byline Person Bai Cai",
            "陳一鳴=Byline Person Chen Yiming"
        ]
    );
}

/// Names printed in Latin letters as their owners print them, lowercase ones too (vivo), and
/// never inside a longer ASCII word (vivofit, OPPOs, Zoomed).
#[test]
fn latin_names_as_printed_and_not_inside_words() {
    check(
        "OPPO、vivo和realme的手機都能用WhatsApp，YouGov與Ipsos公布民調。",
        expect![[r#"
        OPPO=company-oppo
        vivo=company-vivo
        realme=company-realme
        WhatsApp=platform-whatsapp
        YouGov=research-yougov
        Ipsos=research-ipsos"#]],
    );
    check("vivofit手環、OPPOs和Zoomed in不是名稱。", expect![[r#""#]]);
    // Abbreviations and words that are also the printed names of listed companies and media: a
    // pager, a lab test, Hong Kong time, American-born Chinese, a meta-analysis, a shell script.
    check("他的BP機響了，RT-PCR檢測陽性，更新時間17:28 HKT，ABC們做了Meta分析和Shell腳本。", expect![[r#""#]]);
}

/// Short forms of companies that are also words are not listed, nor found inside the phrases
/// that hold a listed name: an apple, millet porridge, to associate, unified, a given name, and
/// the phrases named in `scripts/make-organisations.py`.
#[test]
fn common_words_are_not_companies() {
    check("他每天吃一個蘋果，喝小米粥，讓人聯想到統一的規定。", expect![[r#""#]]);
    check("他吃苹果，喝小米粥，联想到统一的规定，平安回家，全家吉利。", expect![[r#""#]]);
    check(
        "美國巨頭集中視線於東南亞科技，平台電商的價格力度與融資，行駛中車輛，京東方面公布日產量。",
        expect![[r#"
            美國=united-states
            東南亞=southeast-asia
            京東=company-jd-com"#]],
    );
    check("一匙豆瓣醬，如同海底撈針；台灣銀行業者表示。", expect![[r#""#]]);
}

/// The model's organisation by a short form that is also a word finds the company listed by its
/// long form (蘋果 → 蘋果公司, 小米 → 小米集團, 聯想 → 聯想集團); the same word as fruit or a verb
/// stays unmarked.
#[test]
fn the_model_finds_listed_companies_by_their_short_forms() {
    let render = |text: &str| {
        mentions_of(text, true)
            .iter()
            .map(|m| format!("{}={:?} {}", &text[m.range.as_range()], m.entity.source, m.entity.english))
            .collect::<Vec<_>>()
            .join("\n")
    };
    expect![[r#"
        蘋果=Curated Apple
        小米=Curated Xiaomi
        聯想=Curated Lenovo
        三星=Curated Samsung Electronics"#]]
    .assert_eq(&render("蘋果、小米與聯想上季手機出貨量均見成長，三星則下滑。"));
    // The model tags the fruit and the grain as organisations too; with no other company and
    // no word of business news in the sentence they stay its guesses, with no company's name.
    for text in ["他早餐吃了一個蘋果和一碗小米粥。", "媽媽削了一個蘋果給我。", "大眾的意見", "他种了小米和玉米。"]
    {
        assert!(!render(text).contains("Curated"), "{text}: {}", render(text));
    }
    expect!["苹果=Curated Apple"].assert_eq(&render("苹果发布新款手机。"));
}

/// A printed acronym of four or more capitals is also found as British-style newsrooms print it
/// (Nasa, Nato, Oppo); a shorter one only as printed (Ibm is no name).
#[test]
fn acronyms_printed_as_words() {
    check(
        "Nasa和Nato的官員，Oppo手機與NASA合作，Ibm。",
        expect![[r#"
            Nasa=intl-nasa
            Nato=nato
            Oppo=company-oppo
            NASA=intl-nasa"#]],
    );
}

/// A stock code or an acronym in brackets after an organisation names that organisation, and
/// the acronym does wherever the text uses it again (our own sentences).
#[test]
fn stock_codes_and_acronyms_after_an_organisation_are_that_organisation() {
    let document = Document::new(
        "英特爾 (INTC-US) 與台積電 (2330-TW)(TSM-US) 股價走高，(CEO-US) 不算。\n\n國家統計局（NBS）今日公布數據，NBS表示，NBSX不算。",
    );
    let text = document.text();
    let rendered: Vec<String> = recognise(&document, EntityIndex::builtin(), Options::NONE)
        .iter()
        .map(|m| format!("{}={}", &text[m.range.as_range()], m.entity.english))
        .collect();
    expect![[r#"
        英特爾=Intel
        INTC-US=Intel
        台積電=TSMC
        2330-TW=TSMC
        TSM-US=TSMC
        國家統計局=National Bureau of Statistics of China
        NBS=National Bureau of Statistics of China
        NBS=National Bureau of Statistics of China"#]]
    .assert_eq(&rendered.join("\n"));
}

#[test]
fn a_foreign_stem_before_a_chinese_ending_is_read_back_and_a_chinese_one_composed() {
    let english = |surface: &str, kind| {
        let key = normalise(surface);
        let entity = tagger::guess(surface, &key, kind, Some(romanise::Region::Mainland));
        format!("{surface}: {} ({})", entity.english, entity.description)
    };
    let shown = [
        english("史密斯研究中心", EntityKind::Organisation),
        english("華信研究中心", EntityKind::Organisation),
        english("洪山二路", EntityKind::Place),
    ];
    expect![[r#"
        史密斯研究中心: Smith Research Center (composed, not verified: the name transliterated back by a table of common foreign names, the generic ending translated)
        華信研究中心: Huaxin Research Center (composed, not verified (the proper part in Hanyu Pinyin, generic words in English))
        洪山二路: Hongshan 2nd Road (composed, not verified (the proper part in Hanyu Pinyin, generic words in English))"#]]
    .assert_eq(&shown.join("\n"));
}

#[test]
fn a_place_does_not_take_the_spot_near_it_into_its_name() {
    let trimmed = |text: &str| {
        let range = without_location_noun(text, TextRange::new(0, text.len()));
        text[range.as_range()].to_owned()
    };
    let shown: Vec<String> = ["洪山路路口", "东湖街口", "汉江一带", "南云西街十字路", "路口", "街口附近", "洪山路"]
        .iter()
        .map(|t| trimmed(t))
        .collect();
    expect!["洪山路 东湖 汉江 南云西街 路口 街口 洪山路"].assert_eq(&shown.join(" "));
}
