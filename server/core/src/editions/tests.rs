use expect_test::{Expect, expect};
use proptest::prelude::*;

use super::*;

/// Compares `a` with `b` and lists each edition's findings: rule, the text it flags, the
/// message, the other edition's text it points at, and the quick fix.
fn check(a: &str, b: &str, expect: Expect) {
    let (da, db) = (Document::new(a), Document::new(b));
    let comparison = compare(&da, &db, &Config::default());
    // Comparing B with A finds the same on each edition: `zhnews check` compares each pair once.
    let swapped = compare(&db, &da, &Config::default());
    assert_eq!((&swapped.a, &swapped.b), (&comparison.b, &comparison.a), "B with A differs from A with B");
    let render = |text: &str, other: &str, findings: &[EditionFinding]| {
        let mut out = String::new();
        for f in findings {
            out.push_str(&format!(
                "  {} `{}`: {}\n",
                f.finding.rule,
                &text[f.finding.range.as_range()],
                f.finding.message
            ));
            for related in &f.other {
                out.push_str(&format!("    other `{}`: {}\n", &other[related.range.as_range()], related.message));
            }
            if let Some(fix) = &f.finding.fix {
                out.push_str(&format!("    fix: {}\n", fix.title));
            }
        }
        out
    };
    let actual = format!("A:\n{}B:\n{}", render(a, b, &comparison.a), render(b, a, &comparison.b));
    expect.assert_eq(&actual);
}

#[test]
fn a_figure_that_differs_is_reported_on_both_editions() {
    check(
        "習近平主席行程逾4萬公里，密集出席近40場雙多邊活動。",
        "习近平主席行程逾4万公里，密集出席近30场双多边活动。",
        expect![[r#"
            A:
              edition-figure `近40場`: figure differs between the editions: `近40場` here, `近30场` in the other edition
                other `近30场`: the other edition's figure: `近30场`
                fix: Take the other edition's wording: `近30場`
            B:
              edition-figure `近30场`: figure differs between the editions: `近30场` here, `近40場` in the other edition
                other `近40場`: the other edition's figure: `近40場`
                fix: Take the other edition's wording: `近40场`
        "#]],
    );
}

#[test]
fn dates_that_differ_are_figures() {
    check(
        "2024年11月13日至23日，國家主席應邀出訪。",
        "2024年11月13日至22日，国家主席应邀出访。",
        expect![[r#"
            A:
              edition-figure `2024年11月13日至23日`: figure differs between the editions: `2024年11月13日至23日` here, `2024年11月13日至22日` in the other edition
                other `2024年11月13日至22日`: the other edition's figure: `2024年11月13日至22日`
                fix: Take the other edition's wording: `2024年11月13日至22日`
            B:
              edition-figure `2024年11月13日至22日`: figure differs between the editions: `2024年11月13日至22日` here, `2024年11月13日至23日` in the other edition
                other `2024年11月13日至23日`: the other edition's figure: `2024年11月13日至23日`
                fix: Take the other edition's wording: `2024年11月13日至23日`
        "#]],
    );
}

#[test]
fn script_and_regional_variants_are_silent() {
    check(
        "這款軟體的資訊安全品質很好，着重保護裏面的數據。",
        "这款软件的信息安全质量很好，着重保护里面的数据。",
        expect![[r#"
            A:
            B:
        "#]],
    );
    // Quote styles, full-width digits, spaces and hard line breaks are not differences either.
    check(
        "拉美掀起「中國熱」，行程逾４萬公里。",
        "拉美掀起“中国\n热”，行程逾 4 万公里。",
        expect![[r#"
            A:
            B:
        "#]],
    );
}

#[test]
fn a_word_that_is_no_variant_is_edition_text_with_the_other_wording_as_fix() {
    check(
        "當前百年變局加速演進，全球南方勢量卓然壯大，以堅持開放發展回答世界之間。",
        "当前百年变局加速演进，全球南方声势卓然壮大，以坚持开放发展回答世界之问。",
        expect![[r#"
            A:
              edition-text `勢量`: `勢量` here, `声势` in the other edition; neither is a script or regional variant of the other
                other `声势`: the other edition's wording
                fix: Take the other edition's wording: `聲勢`
              edition-text `之間`: `之間` here, `之问` in the other edition; neither is a script or regional variant of the other
                other `之问`: the other edition's wording
                fix: Take the other edition's wording: `之問`
            B:
              edition-text `声势`: `声势` here, `勢量` in the other edition; neither is a script or regional variant of the other
                other `勢量`: the other edition's wording
                fix: Take the other edition's wording: `势量`
              edition-text `之问`: `之问` here, `之間` in the other edition; neither is a script or regional variant of the other
                other `之間`: the other edition's wording
                fix: Take the other edition's wording: `之间`
        "#]],
    );
}

#[test]
fn crlf_line_ends_and_characters_outside_the_bmp_keep_their_ranges() {
    check(
        "𠮷野家在東京開了3家店，\r\n顧客排起長隊。\r\n\r\n店長說生意很好。\r\n",
        "𠮷野家在东京开了5家店，顾客排起长队。\n\n店长说生意很好。\n",
        expect![[r#"
            A:
              edition-figure `3家`: figure differs between the editions: `3家` here, `5家` in the other edition
                other `5家`: the other edition's figure: `5家`
                fix: Take the other edition's wording: `5家`
            B:
              edition-figure `5家`: figure differs between the editions: `5家` here, `3家` in the other edition
                other `3家`: the other edition's figure: `3家`
                fix: Take the other edition's wording: `3家`
        "#]],
    );
}

#[test]
fn a_sentence_in_one_edition_only_is_missing_on_both() {
    check(
        "同時，世界進入新的動盪變革期，亞太合作也面臨嚴峻挑戰。現在，世界再次處於關鍵歷史節點。",
        "同时，世界进入新的动荡变革期，亚太合作也面临严峻挑战。早在2017年初，习近平主席就在达沃斯世界经济论坛年会上指明了方向。现在，世界再次处于关键历史节点。",
        expect![[r#"
            A:
              edition-missing `。`: the other edition has a sentence here that this edition lacks: `早在2017年初，习近平…会上指明了方向。`
                other `早在2017年初，习近平主席就在达沃斯世界经济论坛年会上指明了方向。`: the sentence this edition lacks
            B:
              edition-missing `早在2017年初，习近平主席就在达沃斯世界经济论坛年会上指明了方向。`: sentence only in this edition: `早在2017年初，习近平…会上指明了方向。`
                other `。`: the other edition goes on here without this sentence
        "#]],
    );
}

#[test]
fn a_dropped_clause_is_missing_and_a_dropped_word_is_text() {
    check(
        "中美要展現大國擔當，繼續探尋兩個大國正確相處之道，多為世界注入確定性。",
        "中美要展现大国担当，继续探寻两个大国正确相处之道。",
        expect![[r#"
            A:
              edition-missing `，多為世界注入確定性`: only in this edition: `，多為世界注入確定性`
                other `道`: where the other edition goes on without it
            B:
              edition-missing `道`: the other edition has 9 more characters here: `，多為世界注入確定性`
                other `，多為世界注入確定性`: the passage this edition lacks
        "#]],
    );
}

#[test]
fn datelines_and_jump_lines_are_not_compared() {
    check(
        "【大公報訊】據新華社報道：王毅說，南半球初夏時節，習近平主席開啟首次拉美之行。",
        "新华社北京11月23日电 王毅说，南半球初夏时节，习近平主席开启首次拉美之行。（下转2版）",
        expect![[r#"
            A:
            B:
        "#]],
    );
}

#[test]
fn sections_out_of_order_in_one_edition() {
    let a = "標題\n\n一、開放合作\n\n王毅表示，亞太經合組織誕生35年來帶動亞太大發展。\n\n三、互惠共贏\n\n王毅說，秘魯和中國同為古老文明。\n\n二、全球治理\n\n王毅表示，當前百年變局加速演進。\n";
    let b = "标题\n\n一、开放合作\n\n王毅表示，亚太经合组织诞生35年来带动亚太大发展。\n\n二、全球治理\n\n王毅表示，当前百年变局加速演进。\n\n三、互惠共赢\n\n王毅说，秘鲁和中国同为古老文明。\n";
    check(
        a,
        b,
        expect![[r#"
            A:
              edition-missing `二、全球治理`: sections run 一、三、二 here but 一、二、三 in the other edition; `二、` is out of order
                other `二、全球治理`: in the other edition `二、` follows in order
            B:
        "#]],
    );
}

#[test]
fn unrelated_stories_do_not_pair() {
    check(
        "重慶國際人才交流大會開幕，市委書記袁家軍講話並宣布開幕。",
        "第十二届全国少数民族传统体育运动会开赛首日，重庆代表团迎来开门红。",
        expect![[r#"
            A:
            B:
        "#]],
    );
}

#[test]
fn edition_rule_codes_are_registered() {
    let codes: Vec<&str> = crate::rules::EDITION_RULES.iter().map(|rule| rule.code).collect();
    assert_eq!(codes, [FIGURE, NAME, TEXT, MISSING]);
}

#[test]
fn turned_off_rules_report_nothing() {
    let config = Config::from_toml_str("[rules]\nedition-text = \"off\"\n").unwrap();
    let comparison =
        compare(&Document::new("全球南方勢量卓然壯大。"), &Document::new("全球南方声势卓然壮大。"), &config);
    assert!(comparison.a.is_empty() && comparison.b.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any two texts compare without panicking, and every range is on character boundaries of
    /// its own text.
    #[test]
    fn never_panics(a in "[一二三四五六七八九十年月日萬万個个。，、\n\r 0-9a-z「」“”𠮷（）下转版]{0,80}",
                    b in "[一二三四五六七八九十年月日萬万個个。，、\n\r 0-9a-z「」“”𠮷（）下转版]{0,80}") {
        let (da, db) = (Document::new(a.clone()), Document::new(b.clone()));
        let comparison = compare(&da, &db, &Config::default());
        for f in &comparison.a {
            prop_assert!(a.get(f.finding.range.as_range()).is_some());
            for r in &f.other { prop_assert!(b.get(r.range.as_range()).is_some()); }
        }
        for f in &comparison.b {
            prop_assert!(b.get(f.finding.range.as_range()).is_some());
            for r in &f.other { prop_assert!(a.get(r.range.as_range()).is_some()); }
        }
    }

    #[test]
    fn a_text_against_itself_has_no_findings(a in "\\PC{0,120}") {
        let document = Document::new(a);
        let comparison = compare(&document, &document, &Config::default());
        prop_assert!(comparison.a.is_empty() && comparison.b.is_empty());
    }
}

#[test]
fn a_different_place_is_a_name_difference() {
    check(
        "秘魯總統博魯阿爾特在機場迎接國家主席。",
        "智利总统博鲁阿尔特在机场迎接国家主席。",
        expect![[r#"
            A:
              edition-name `秘魯`: name differs between the editions: `秘魯` (Peru) here, `智利` (Chile) in the other edition; not two forms of one name
                other `智利`: the other edition's name: `智利` (Chile)
                fix: Take the other edition's wording: `智利`
            B:
              edition-name `智利`: name differs between the editions: `智利` (Chile) here, `秘魯` (Peru) in the other edition; not two forms of one name
                other `秘魯`: the other edition's name: `秘魯` (Peru)
                fix: Take the other edition's wording: `秘鲁`
        "#]],
    );
}

#[test]
fn a_misspelt_name_is_a_name_difference_over_the_whole_name() {
    // One character of the president's name differs: the whole name is flagged, not 爾/尔特's
    // one character, and the misspelt form is no name the gazetteers know.
    check(
        "秘魯總統博魯阿爾特在機場迎接。",
        "秘鲁总统博鲁阿德特在机场迎接。",
        expect![[r#"
            A:
              edition-name `博魯阿爾特`: name differs between the editions: `博魯阿爾特` (Dina Boluarte) here, `博鲁阿德特` in the other edition; not two forms of one name
                other `博鲁阿德特`: the other edition's name: `博鲁阿德特`
                fix: Take the other edition's wording: `博魯阿德特`
            B:
              edition-name `博鲁阿德特`: name differs between the editions: `博鲁阿德特` here, `博魯阿爾特` (Dina Boluarte) in the other edition; not two forms of one name
                other `博魯阿爾特`: the other edition's name: `博魯阿爾特` (Dina Boluarte)
                fix: Take the other edition's wording: `博鲁阿尔特`
        "#]],
    );
}

#[test]
fn regional_forms_of_one_name_are_silent() {
    // 秘魯/秘鲁 differ only in script; 三藩市 and 旧金山 are the gazetteer's aliases of one city.
    check(
        "國家主席離開秘魯後前往三藩市出席會議。",
        "国家主席离开秘鲁后前往旧金山出席会议。",
        expect![[r#"
            A:
            B:
        "#]],
    );
}

#[test]
fn names_are_not_looked_at_when_entities_are_off() {
    let config = Config::from_toml_str("[entities]\nenabled = false\n").unwrap();
    let (a, b) = (
        Document::new("國家主席離開秘魯後前往三藩市出席會議。"),
        Document::new("国家主席离开秘鲁后前往旧金山出席会议。"),
    );
    let comparison = compare(&a, &b, &config);
    let rules: Vec<&str> = comparison.a.iter().map(|f| f.finding.rule).collect();
    assert_eq!(rules, ["edition-text"]);
}
