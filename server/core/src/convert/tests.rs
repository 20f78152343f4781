use expect_test::{Expect, expect};
use proptest::prelude::*;

use super::*;
use crate::finding::apply_edits;

fn embedded(config: &str) -> &'static dyn Converter {
    let config = OpenccConfig::from_name(config).expect("known config");
    converter(Backend::Embedded, config).expect("embedded converters always build")
}

/// Converts `text` with `config`, protecting `protected`, and shows each edit as
/// `start..end 原→新` followed by the converted text.
fn check(config: &str, text: &str, protected: &[&str], expect: Expect) {
    let terms: Vec<String> = protected.iter().map(|s| (*s).to_owned()).collect();
    let protected = Protected { terms: &terms, ..Protected::NONE };
    let converter = embedded(config);
    let edits = conversion_edits(converter, text, TextRange::new(0, text.len()), protected).unwrap();
    let mut out: Vec<String> = edits
        .iter()
        .map(|e| format!("{}..{} {}→{}", e.range.start, e.range.end, &text[e.range.as_range()], e.replacement))
        .collect();
    let applied = apply_edits(text, &edits).expect("edits are sorted and disjoint");
    assert_eq!(applied, convert_text(converter, text, protected).unwrap(), "edits and whole conversion agree");
    out.push(applied.replace('\r', "\\r"));
    expect.assert_eq(&out.join("\n"));
}

#[test]
fn names_titles_and_directions() {
    for config in OpenccConfig::ALL {
        assert_eq!(OpenccConfig::from_name(config.name()), Some(config));
        assert_eq!(OpenccConfig::from_name(&format!("{}.json", config.name().to_uppercase())), Some(config));
    }
    assert_eq!(OpenccConfig::from_name("t2x"), None);
    assert_eq!(OpenccConfig::S2twp.title(), "Traditional Chinese, Taiwan standard with phrases");
    assert!(OpenccConfig::T2s.applies_to(Script::Traditional));
    assert!(!OpenccConfig::T2s.applies_to(Script::Simplified));
    assert!(OpenccConfig::S2hk.applies_to(Script::Simplified));
    assert!(OpenccConfig::S2t.applies_to(Script::Mixed) && OpenccConfig::T2s.applies_to(Script::Mixed));
    assert!(!OpenccConfig::T2jp.applies_to(Script::Mixed));
    assert!(!OpenccConfig::S2t.applies_to(Script::Neutral));
}

#[test]
fn every_embedded_converter_builds() {
    for config in OpenccConfig::ALL {
        let converter = converter(Backend::Embedded, config).unwrap();
        assert_eq!(converter.config(), config);
        // Built once: the second call returns the same object.
        assert!(std::ptr::addr_eq(converter, super::converter(Backend::Embedded, config).unwrap()));
    }
}

#[test]
fn one_edit_per_changed_run() {
    check(
        "s2t",
        "促進兩國互动。",
        &[],
        expect![[r#"
            15..18 动→動
            促進兩國互動。"#]],
    );
    check(
        "t2s",
        "國家主席習近平",
        &[],
        expect![[r#"
            0..3 國→国
            12..15 習→习
            国家主席习近平"#]],
    );
    check("t2s", "人民", &[], expect!["人民"]);
}

#[test]
fn phrase_configs_change_lengths_and_edits_follow() {
    check(
        "s2twp",
        "他说内存不够，人人都用鼠标。",
        &[],
        expect![[r#"
            3..12 说内存→說記憶體
            15..18 够→夠
            33..33 →滑
            36..39 标→
            他說記憶體不夠，人人都用滑鼠。"#]],
    );
}

#[test]
fn offsets_hold_beyond_the_bmp_and_across_crlf() {
    check(
        "t2s",
        "𠮷國\r\n說話",
        &[],
        expect![[r#"
            4..7 國→国
            9..15 說話→说话
            𠮷国\r
            说话"#]],
    );
}

#[test]
fn protected_terms_are_never_changed() {
    check(
        "s2t",
        "于立军说，于是发展",
        &["于立军"],
        expect![[r#"
            9..12 说→說
            15..18 于→於
            21..24 发→發
            于立军說，於是發展"#]],
    );
    let terms = vec!["立军".to_owned(), "于立".to_owned()];
    let protected = Protected { terms: &terms, ..Protected::NONE };
    assert_eq!(protected.occurrences("于立军于立"), [TextRange::new(0, 15)]);
}

#[test]
fn ranges_are_clamped_to_the_text_and_char_boundaries() {
    let text = "國家";
    let edits = conversion_edits(embedded("t2s"), text, TextRange::new(1, 99), Protected::NONE).unwrap();
    assert_eq!(edits, [Edit { range: TextRange::new(0, 3), replacement: "国".into() }]);
    let edits = conversion_edits(embedded("t2s"), text, TextRange::new(50, 99), Protected::NONE).unwrap();
    assert!(edits.is_empty());
}

#[test]
fn changes_anything_agrees_with_the_edits() {
    let terms = vec!["于立军".to_owned()];
    let text = "人民\n于立军\n國家";
    let whole = TextRange::new(0, text.len());
    let changes = |config: &str, range: TextRange, terms: &[String]| {
        changes_anything(embedded(config), text, range, terms, &[]).unwrap()
    };
    // The only Simplified characters are in a protected name.
    assert!(!changes("s2t", TextRange::new(0, 17), &terms));
    assert!(changes("s2t", TextRange::new(0, 17), &[]));
    assert!(changes("t2s", whole, &terms));
    assert!(!changes("t2s", TextRange::new(0, 7), &terms));
    // 國 is already the Taiwan standard form.
    assert!(!changes("t2tw", whole, &terms));
    assert!(!changes("t2s", TextRange::new(90, 99), &terms));
    // A term across a line break is honoured.
    let split = vec!["人民\n于立".to_owned()];
    assert!(!changes("s2t", TextRange::new(0, 14), &split));
}

/// With the gazetteer's forms: OpenCC alone would write 于 as 於, the curated entry keeps 于.
#[test]
fn changes_anything_honours_the_forms_of_names() {
    for text in ["于立军\n", "人民代表于立\n军出席大會"] {
        let analysis = crate::analyse(text, &crate::Config::default());
        assert!(!analysis.entities().is_empty(), "{text}");
        let line = TextRange::new(0, text.find('军').unwrap());
        for range in [line, TextRange::new(0, text.len())] {
            let forms = entity_forms(text, analysis.entities(), embedded("s2t"));
            let protected = Protected { forms: &forms, ..Protected::NONE };
            let edits = conversion_edits(embedded("s2t"), text, range, protected).unwrap();
            let changes = changes_anything(embedded("s2t"), text, range, &[], analysis.entities()).unwrap();
            assert_eq!(changes, !edits.is_empty(), "{text:?} {range:?}: {edits:?}");
        }
    }
}

#[test]
fn script_of_a_range_falls_back_to_the_document() {
    assert_eq!(script_of("國家", Script::Simplified), Script::Traditional);
    assert_eq!(script_of("人民", Script::Simplified), Script::Simplified);
}

proptest! {
    #[test]
    fn edits_reproduce_the_whole_conversion(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "国", "國", "软件", "軟體", "鼠标", "\n", "\r\n", "𠮷", "于立军", "发", "發", "a", "，", "台湾", "臺灣", "裏", "着", "\0",
            // The character that separates stretches converted in one call: such text falls back
            // to a call per stretch.
            "\u{F8FF}",
        ]), 0..30),
        config in prop::sample::select(OpenccConfig::ALL.to_vec()),
        start in 0usize..40,
        len in 0usize..80,
    ) {
        let text = pieces.concat();
        let converter = converter(Backend::Embedded, config).unwrap();
        let terms = vec!["于立军".to_owned()];
        let protected = Protected { terms: &terms, ..Protected::NONE };
        let range = clamp(&text, TextRange::new(start, start + len));
        let edits = conversion_edits(converter, &text, range, protected).unwrap();
        prop_assert_eq!(changes_anything(converter, &text, range, &terms, &[]).unwrap(), !edits.is_empty());
        for edit in &edits {
            prop_assert!(range.start <= edit.range.start && edit.range.end <= range.end);
        }
        let applied = apply_edits(&text, &edits).unwrap();
        let mut expected = text[..range.start].to_owned();
        expected.push_str(&convert_text(converter, &text[range.as_range()], protected).unwrap());
        expected.push_str(&text[range.end..]);
        prop_assert_eq!(applied, expected);
    }
}

/// Stretches between protected spans are converted in one call: each comes out as it would
/// alone, for every config and backend, including stretches that end inside a phrase (软|件),
/// empty ones, line breaks of both kinds at their edges, and one holding the separator's
/// private-use character (then every stretch is converted on its own).
#[test]
fn stretches_converted_together_equal_stretches_converted_alone() {
    let stretches = ["", "軟", "件和鼠", "标\r\n", "\n臺灣的", "", "发展着\u{F8FF}", "𠮷裏面"];
    let mut backends = vec![Backend::Embedded];
    if Backend::System.is_available() {
        backends.push(Backend::System);
    }
    for backend in backends {
        for config in OpenccConfig::ALL {
            let converter = converter(backend, config).unwrap();
            for stretches in [&stretches[..], &stretches[..6]] {
                let alone: Vec<String> = stretches.iter().map(|s| converter.convert(s).unwrap()).collect();
                assert_eq!(super::convert_stretches(converter, stretches).unwrap(), alone, "{backend:?} {config:?}");
            }
        }
    }
}

/// A converter that counts its calls.
struct Counting(&'static dyn Converter, std::sync::atomic::AtomicUsize);

impl Converter for Counting {
    fn config(&self) -> OpenccConfig {
        self.0.config()
    }
    fn backend(&self) -> Backend {
        self.0.backend()
    }
    fn convert(&self, text: &str) -> Result<String, ConvertError> {
        self.1.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.0.convert(text)
    }
}

#[test]
fn a_text_with_many_protected_names_is_converted_in_one_call() {
    let counting = Counting(embedded("s2t"), Default::default());
    let text = "于立军说，软件发展。\n".repeat(50);
    let terms = vec!["于立军".to_owned()];
    let converted = convert_text(&counting, &text, Protected { terms: &terms, ..Protected::NONE }).unwrap();
    assert_eq!(converted, "于立军說，軟件發展。\n".repeat(50));
    assert_eq!(counting.1.load(std::sync::atomic::Ordering::Relaxed), 1);
}

#[cfg(feature = "system-opencc")]
#[test]
fn system_backend_builds_every_config_and_agrees_with_the_embedded_one() {
    let text = "国家主席习近平應邀出席会议，說软件很重要。\n\0𠮷台湾\r\n";
    for config in OpenccConfig::ALL {
        let system = converter(Backend::System, config).unwrap();
        assert_eq!(system.backend(), Backend::System);
        let ours = system.convert(text).unwrap();
        assert_eq!(ours.matches('\0').count(), 1, "{config}: NUL bytes pass through");
        if !config.converts_phrases() {
            assert_eq!(ours, embedded(config.name()).convert(text).unwrap(), "{config}");
        }
    }
}

/// Converts the whole `text` with `config`, names in the gazetteer's own form, and shows the
/// edits and the result as [`check`] does.
fn check_names(config: &str, text: &str, protected: &[&str], expect: Expect) {
    let terms: Vec<String> = protected.iter().map(|s| (*s).to_owned()).collect();
    let converter = embedded(config);
    let analysis = crate::analyse(text, &crate::Config::default());
    let forms = entity_forms(text, analysis.entities(), converter);
    let protected = Protected { terms: &terms, forms: &forms, ..Protected::NONE };
    let edits = conversion_edits(converter, text, TextRange::new(0, text.len()), protected).unwrap();
    let mut out: Vec<String> = edits
        .iter()
        .map(|e| format!("{}..{} {}→{}", e.range.start, e.range.end, &text[e.range.as_range()], e.replacement))
        .collect();
    let applied = apply_edits(text, &edits).expect("edits are sorted and disjoint");
    assert_eq!(applied, convert_text(converter, text, protected).unwrap(), "edits and whole conversion agree");
    out.push(applied);
    expect.assert_eq(&out.join("\n"));
}

#[test]
fn gazetteer_names_keep_their_own_form() {
    // OpenCC alone writes the surname 于 as the preposition 於.
    let plain = convert_text(embedded("s2t"), "四川省委副书记于立军", Protected::NONE).unwrap();
    assert_eq!(plain, "四川省委副書記於立軍");
    check_names(
        "s2t",
        "四川省委副书记于立军出席会议。",
        &[],
        expect![[r#"
        15..21 书记→書記
        27..30 军→軍
        36..42 会议→會議
        四川省委副書記于立軍出席會議。"#]],
    );
    check_names(
        "s2hk",
        "四川省委副书记于立军出席会议。",
        &[],
        expect![[r#"
        15..21 书记→書記
        27..30 军→軍
        36..42 会议→會議
        四川省委副書記于立軍出席會議。"#]],
    );
    check_names(
        "s2twp",
        "四川省委副书记于立军出席会议。",
        &[],
        expect![[r#"
        15..21 书记→書記
        27..30 军→軍
        36..42 会议→會議
        四川省委副書記于立軍出席會議。"#]],
    );
    // Back to Simplified: the gazetteer's Simplified form.
    check_names(
        "t2s",
        "四川省委副書記于立軍出席會議。",
        &[],
        expect![[r#"
        15..21 書記→书记
        27..30 軍→军
        36..42 會議→会议
        四川省委副书记于立军出席会议。"#]],
    );
    // A hard line break inside the name stays where it is.
    check_names(
        "s2t",
        "四川省委副书记于立\n军出席会议。",
        &[],
        expect![[r#"
        15..21 书记→書記
        28..31 军→軍
        37..43 会议→會議
        四川省委副書記于立
        軍出席會議。"#]],
    );
    // An explicit protected term wins: the text stays as written.
    check_names(
        "s2t",
        "四川省委副书记于立军出席会议。",
        &["于立军"],
        expect![[r#"
        15..21 书记→書記
        36..42 会议→會議
        四川省委副書記于立军出席會議。"#]],
    );
}

#[test]
fn a_form_cut_by_the_range_converts_only_its_inside() {
    let text = "四川省委副书记于立军出席会议。";
    let start = text.find("立").unwrap();
    let forms =
        [Form { range: TextRange::new(text.find("于").unwrap(), start + "立军".len()), text: "于立軍".into() }];
    let protected = Protected { forms: &forms, ..Protected::NONE };
    let edits = conversion_edits(embedded("s2t"), text, TextRange::new(start, text.len()), protected).unwrap();
    let shown: Vec<String> = edits.iter().map(|e| format!("{}→{}", &text[e.range.as_range()], e.replacement)).collect();
    assert_eq!(shown, ["军→軍", "会议→會議"]);
    // A form that does not fit its span is ignored, not trusted.
    let bad = [Form { range: forms[0].range, text: "于".into() }];
    let protected = Protected { forms: &bad, ..Protected::NONE };
    let converted = convert_text(embedded("s2t"), text, protected).unwrap();
    assert_eq!(converted, "四川省委副書記於立軍出席會議。");
}

/// The text with the names of the gazetteer in their forms, as `zhnews convert` writes it.
fn convert_named(config: &str, text: &str) -> String {
    let converter = embedded(config);
    let analysis = crate::analyse(text, &crate::Config::default());
    let forms = entity_forms(text, analysis.entities(), converter);
    let protected = Protected { forms: &forms, ..Protected::NONE };
    let whole = convert_text(converter, text, protected).unwrap();
    let edits = conversion_edits(converter, text, TextRange::new(0, text.len()), protected).unwrap();
    assert_eq!(apply_edits(text, &edits).unwrap(), whole, "edits and whole conversion agree");
    whole
}

/// Names are written over OpenCC's conversion of the whole text: the text around them is
/// segmented as OpenCC segments it (一个中国 is 一箇中國 to OpenCC, 个中 being one word).
#[test]
fn the_text_around_a_name_is_opencc_s() {
    assert_eq!(convert_named("s2t", "坚持一个中国原则。"), embedded("s2t").convert("坚持一个中国原则。").unwrap());
    assert_eq!(convert_named("s2t", "坚持一个中国原则。"), "堅持一箇中國原則。");
    assert_eq!(convert_named("s2t", "四川省委副书记于立军说。"), "四川省委副書記于立軍說。");
}

/// Both directions, every configuration: a text already in the target script keeps its valid
/// names; a regional configuration on the other script changes nothing OpenCC does not.
#[test]
fn valid_names_and_other_script_texts_stay() {
    let traditional = "臺灣與台灣的代表和美國、烏克蘭的代表會見四川省委副書記于立軍。";
    let simplified = "台湾的代表和美国、乌克兰的代表会见四川省委副书记于立军。";
    for config in OpenccConfig::ALL {
        let opencc = |text: &str| embedded(config.name()).convert(text).unwrap();
        let (own, other) = match config.source() {
            ScriptSide::Simplified => (simplified, traditional),
            _ => (traditional, simplified),
        };
        if config.source() == config.target() || config.source() == ScriptSide::Japanese {
            // Regional and Japanese configurations: OpenCC's output on either script.
            assert_eq!(convert_named(config.name(), own), opencc(own), "{config}");
            assert_eq!(convert_named(config.name(), other), opencc(other), "{config}");
            continue;
        }
        // Text already in the target script: the names stay (于立軍 is not 於立軍).
        let converted = convert_named(config.name(), other);
        for name in ["于立", "美", "烏克蘭", "乌克兰"].iter().filter(|name| other.contains(*name)) {
            assert!(converted.contains(name), "{config}: {converted}");
        }
        if config == OpenccConfig::S2t {
            assert_eq!(converted, traditional, "s2t on Traditional text changes nothing");
        }
    }
    assert_eq!(convert_named("s2t", simplified), "台灣的代表和美國、烏克蘭的代表會見四川省委副書記于立軍。");
    assert_eq!(convert_named("t2s", traditional), "台湾与台湾的代表和美国、乌克兰的代表会见四川省委副书记于立军。");
    assert_eq!(convert_named("s2hk", traditional), "台灣與台灣的代表和美國、烏克蘭的代表會見四川省委副書記于立軍。");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Converting text already in the target script with the gazetteer's forms changes nothing
    /// OpenCC would not change: every character is either as written or OpenCC's.
    #[test]
    fn text_in_the_target_script_changes_only_where_opencc_does(
        pieces in proptest::collection::vec(0..TARGET_PIECES.len(), 1..30),
        to_traditional in proptest::bool::ANY,
    ) {
        let index = usize::from(to_traditional);
        let text: String = pieces.iter().map(|&i| TARGET_PIECES[i][index]).collect();
        let configs: &[&str] = if to_traditional { &["s2t", "s2tw", "s2hk"] } else { &["t2s", "tw2s", "hk2s"] };
        for config in configs {
            let ours = convert_named(config, &text);
            let opencc = embedded(config).convert(&text).unwrap();
            prop_assert_eq!(ours.chars().count(), text.chars().count());
            for ((mine, written), theirs) in ours.chars().zip(text.chars()).zip(opencc.chars()) {
                prop_assert!(mine == written || mine == theirs, "{}: {} / {} / {}", config, text, ours, opencc);
            }
        }
    }
}

/// (Simplified, Traditional) pieces of text, names among them.
const TARGET_PIECES: &[[&str; 2]] = &[
    ["台湾", "臺灣"],
    ["台湾", "台灣"],
    ["于立军", "于立軍"],
    ["美国", "美國"],
    ["乌克兰", "烏克蘭"],
    ["一个中国", "一個中國"],
    ["习近平", "習近平"],
    ["发展", "發展"],
    ["四川省", "四川省"],
    ["的", "的"],
    ["，", "，"],
    ["\n", "\n"],
    ["里面", "裏面"],
    ["后来", "後來"],
];
