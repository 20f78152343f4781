//! Outline tests: each renders the tree as one line per node, `level kind [line] text | detail`.

use expect_test::{Expect, expect};

use super::*;

fn render(text: &str, config: &OutlineConfig) -> String {
    let document = Document::new(text);
    let mut out = String::new();
    for root in outline(&document, config) {
        for node in root.walk() {
            let line = document.lines().line_of(node.heading_range.start) + 1;
            let indent = "  ".repeat(node.level as usize - 1);
            let detail = node.detail.as_deref().unwrap_or("");
            out.push_str(&format!("{indent}{} {} L{line} {} | {detail}\n", node.level, node.kind.name(), node.text));
            // Invariants every client relies on.
            assert!(node.section_range.start <= node.heading_range.start, "{node:?}");
            assert!(node.heading_range.end <= node.section_range.end, "{node:?}");
            for pair in node.children.windows(2) {
                assert!(pair[0].section_range.end <= pair[1].section_range.start, "siblings overlap: {pair:?}");
            }
            for child in &node.children {
                assert!(node.section_range.start <= child.section_range.start, "{child:?} outside {node:?}");
                assert!(child.section_range.end <= node.section_range.end, "{child:?} outside {node:?}");
                assert_eq!(child.level, node.level + 1);
            }
        }
    }
    out
}

fn check(text: &str, expect: Expect) {
    expect.assert_eq(&render(text, &OutlineConfig::default()));
}

#[test]
fn empty_and_headingless_texts_have_no_outline() {
    check("", expect![""]);
    check("\n\n  \n", expect![""]);
    check("中方願同秘方一道，推動合作。\n雙方同意加強交流。", expect![""]);
}

/// Every `tests/fixtures/outline/*.txt` against its `.outline` file (`UPDATE_EXPECT=1` rewrites
/// them; review the diff).
#[test]
fn fixtures() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/outline");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 8, "fixtures missing in {}", dir.display());
    let mut failures = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("fixture text");
        let actual = render(&text, &OutlineConfig::default());
        let expected_path = path.with_extension("outline");
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&expected_path, &actual).expect("write expectation");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!("{}:\n--- expected\n{expected}--- actual\n{actual}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn house_patterns_from_the_config() {
    let config = crate::config::Config::from_toml_str(
        "[outline]\npatterns = [{ regex = '^◎', level = 2 }, { regex = '^小結：', level = 3 }]\n",
    )
    .expect("valid config");
    let text = "市政新聞\n\n◎交通\n地鐵新線下月通車。\n\n小結：通車後車程縮短一半\n詳情稍後公布。\n\n◎房屋\n新一批居屋接受申請。";
    expect![[r#"
        1 title L1 市政新聞 | 48字
          2 section L3 ◎交通 | 31字
            3 section L6 小結：通車後車程縮短一半 | 19字
          2 section L9 ◎房屋 | 13字
    "#]]
    .assert_eq(&render(text, &config.outline));
}

#[test]
fn invalid_patterns_are_config_errors() {
    let err = crate::config::Config::from_toml_str("[outline]\npatterns = [{ regex = '(', level = 2 }]\n").unwrap_err();
    assert!(err.message.contains("invalid regex"), "{err}");
    let err = crate::config::Config::from_toml_str("[outline]\npatterns = [{ regex = 'x', level = 9 }]\n").unwrap_err();
    assert!(err.message.contains("level 9"), "{err}");
}

#[test]
fn crlf_and_astral_characters() {
    check(
        "# 𠮷野家開業\r\n\r\n## 一、𠮷祥話\r\n正文。\r\n",
        expect![[r#"
            1 title L1 𠮷野家開業 | 13字
              2 section L3 一、𠮷祥話 | 8字
        "#]],
    );
}

#[test]
fn headlines_after_the_body_on_a_page() {
    check(
        "本報訊 甲地今日開幕。\n\n甲地博覽會開幕\n\n本報訊 乙地今日閉幕。\n\n乙地論壇閉幕",
        expect![[r#"
            1 title L3 甲地博覽會開幕 | 本報訊
            1 title L7 乙地論壇閉幕 | 本報訊
        "#]],
    );
}

proptest::proptest! {
    #[test]
    fn never_panics_and_ranges_nest(
        text in "([#一、（）()1.第章，。：/｜▲●■【】「」 \n\r本報訊新华社电日月年星期图为原标题文评论员记者手完王毅甲乙丙丁𠮷A-Z0-9]{0,12}\n?){0,20}"
    ) {
        render(&text, &OutlineConfig::default());
    }
}
