//! English for Chinese people no gazetteer lists: a romanisation generated from the characters,
//! shown in the hover as "romanised, not verified".
//!
//! - Mainland (and Simplified) text: Hanyu Pinyin without tone marks, surname first, the given
//!   name joined (王小明 → Wang Xiaoming), with the surname reading of polyphonic surnames from
//!   CC-CEDICT's "surname X" entries (单 Shan, 曾 Zeng, 区 Ou, 仇 Qiu) and its two-character
//!   surnames (欧阳 Ouyang).
//! - Taiwanese text: Wade–Giles as Taiwan passports write it, without apostrophes or umlauts,
//!   the given name hyphenated (蔣萬安 → Chiang Wan-an). Many people keep a spelling of their
//!   own (蔡英文 is Tsai Ing-wen, not Tsai Ying-wen), so this is a likely spelling, not theirs.
//! - Hong Kong text: no English. Hong Kong names are romanised from Cantonese, which needs
//!   readings zhnews does not have; the hover keeps the Mandarin reading.
//!
//! Places and organisations of mainland (and Simplified) text that no gazetteer lists get an
//! English name too when they read as Chinese names: the stem's Hanyu Pinyin as one word and
//! the English of a generic ending from `server/data/name-endings.toml` (积石山县 → Jishishan
//! County, 天嘉宜化工有限公司 → Tianjiayi Chemical Co., Ltd., 横琴 → Hengqin); see [`name`].
//!
//! The readings of characters come from the `pinyin` crate (MIT; its data is pinyin-data, MIT):
//! the most common reading of each character.

use std::sync::OnceLock;

use pinyin::ToPinyin;
use serde::Deserialize;

use crate::entities::pinyin::numbered_to_marked;
use crate::entities::{EntityKind, cedict};
use crate::script::Script;

/// Where a text is from, for the romanisation of the people it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    /// Hanyu Pinyin.
    Mainland,
    /// Wade–Giles as Taiwan passports write it.
    Taiwan,
    /// No English (Cantonese romanisation); the Mandarin reading only.
    HongKong,
}

/// Words that place a Traditional text in Taiwan or in Hong Kong: institutions, currencies and
/// the names of each side's administrative areas (Taiwan's counties and cities, Hong Kong's 18
/// districts and their best-known towns), which local news names in nearly every story. Left
/// out: names that are also common words or other places (平台中 holds 台中, 西貢 is Saigon
/// too, 離島 any outlying island).
/// Measured on the development set's 25 Traditional articles: each article that names one
/// outnumbers the other side's words, and 2 (both Taiwanese, both on chips) name none.
const TAIWAN_CUES: &[&str] = &[
    "中央社",
    "臺北",
    "台北",
    "新台幣",
    "新臺幣",
    "立法院",
    "行政院",
    "立委",
    "民進黨",
    "國民黨",
    "台灣",
    "臺灣",
    "新北",
    "桃園",
    "台中市",
    "臺中",
    "台南",
    "臺南",
    "高雄",
    "新竹",
    "基隆",
    "嘉義",
    "苗栗",
    "彰化",
    "南投",
    "雲林",
    "屏東",
    "宜蘭",
    "花蓮",
    "台東",
    "臺東",
    "澎湖",
    "金門",
];
const HONG_KONG_CUES: &[&str] = &[
    "香港",
    "港府",
    "特區政府",
    "立法會",
    "港元",
    "港幣",
    "九龍",
    "新界",
    "特首",
    "行政長官",
    "警務處",
    "消防處",
    "中西區",
    "灣仔",
    "油尖旺",
    "深水埗",
    "九龍城",
    "黃大仙",
    "觀塘",
    "葵青",
    "荃灣",
    "屯門",
    "元朗",
    "大埔",
    "沙田",
    "將軍澳",
    "旺角",
    "尖沙咀",
    "銅鑼灣",
    "天水圍",
    "葵涌",
];

/// The region of a text from its script and the words it uses: Simplified (or mixed) text is
/// mainland; Traditional text is Taiwanese or Hong Kong's by which cue words it uses more, and
/// of no known region when it uses none (then no English is made up).
pub fn detect(text: &str, script: Script) -> Option<Region> {
    if script != Script::Traditional {
        return Some(Region::Mainland);
    }
    let count = |cues: &[&str]| cues.iter().map(|cue| text.matches(cue).count()).sum::<usize>();
    let (taiwan, hong_kong) = (count(TAIWAN_CUES), count(HONG_KONG_CUES));
    match taiwan.cmp(&hong_kong) {
        std::cmp::Ordering::Greater => Some(Region::Taiwan),
        std::cmp::Ordering::Less => Some(Region::HongKong),
        std::cmp::Ordering::Equal => None,
    }
}

/// A person's name read out: `english` is empty when none is made for the region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Romanised {
    /// Hanyu Pinyin with tone marks, surname apart: `Shàn Xiǎomíng`.
    pub reading: String,
    /// `Shan Xiaoming`, `Chiang Wan-an`, or empty.
    pub english: String,
}

/// Characters of transliterated foreign names that Chinese given names hardly use: jieba tags
/// 巴祖姆 (Bazoum) as a name just as it tags 崔慧莹, and a made-up "Ba Zumu" would mislead.
const TRANSLITERATION: &str = "姆尔斯特克夫茨兹普顿维诺耶埃奥乌科卡塔萨索娅莱赫格里鲁拉丝莎";

/// The romanisation of a Chinese person's name, given as its lookup (Simplified) form: a
/// surname CC-CEDICT lists, then one or two characters. `None` for anything else (foreign
/// names in transliteration, characters without a reading).
pub fn person(key: &str, region: Option<Region>) -> Option<Romanised> {
    let surnames = &cedict::gazetteer().surnames;
    let chars: Vec<char> = key.chars().collect();
    let compound = chars.len() >= 3 && surnames.contains_key(key.get(..chars[..2].iter().map(|c| c.len_utf8()).sum())?);
    let surname_len = if compound { 2 } else { 1 };
    let given = &chars[surname_len..];
    if !(1..=2).contains(&given.len()) || chars.iter().any(|&c| TRANSLITERATION.contains(c)) {
        return None;
    }
    let surname: String = chars[..surname_len].iter().collect();
    let readings = surnames.get(surname.as_str())?;
    // A character with two surname readings (翟 Di and Zhai): the one that differs from its
    // ordinary reading, which is why CC-CEDICT lists it apart.
    let ordinary = plain_reading(chars[0]);
    let surname_numbered =
        readings.iter().find(|reading| Some(plain_of_numbered(reading).as_str()) != ordinary).or(readings.first())?;
    let surname_syllables: Vec<String> = surname_numbered.split(' ').map(plain_of_numbered).collect();
    let given_syllables: Vec<&str> = given.iter().map(|&c| plain_reading(c)).collect::<Option<_>>()?;
    let given_marked: Vec<&str> = given.iter().map(|&c| c.to_pinyin().map(|p| p.with_tone())).collect::<Option<_>>()?;
    let reading = format!("{} {}", numbered_to_marked(surname_numbered), capitalise(&join_pinyin(&given_marked)));
    let english = match region {
        Some(Region::Mainland) => {
            format!(
                "{} {}",
                capitalise(&ascii(&surname_syllables.concat())),
                capitalise(&ascii(&join_pinyin(&given_syllables)))
            )
        }
        Some(Region::Taiwan) => {
            let surname: String = surname_syllables.iter().map(|s| wade_giles(s)).collect();
            let given: Vec<String> = given_syllables.iter().map(|s| wade_giles(s)).collect();
            format!("{} {}", capitalise(&surname), capitalise(&given.join("-")))
        }
        Some(Region::HongKong) | None => String::new(),
    };
    Some(Romanised { reading, english })
}

/// A generic ending of Chinese place and organisation names (`server/data/name-endings.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Ending {
    chinese: String,
    kind: EntityKind,
    english: String,
    #[serde(default)]
    directions: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Endings {
    ending: Vec<Ending>,
}

const ENDINGS_TOML: &str = include_str!("../../../data/name-endings.toml");

/// The endings, longest first (人民医院 before 医院).
fn endings() -> &'static [Ending] {
    static ENDINGS: OnceLock<Vec<Ending>> = OnceLock::new();
    ENDINGS.get_or_init(|| {
        let mut endings = toml::from_str::<Endings>(ENDINGS_TOML).expect("name-endings.toml parses").ending;
        endings.sort_by_key(|ending| std::cmp::Reverse(ending.chinese.chars().count()));
        endings
    })
}

/// The English of a place or an organisation no gazetteer lists, given as its lookup
/// (Simplified) form: for mainland text only, and only for a name that reads as a Chinese one.
///
/// Up to two generic endings are taken off (天嘉宜|化工|有限公司); what is left, the stem, must
/// be one to four Han characters (two or three with no ending: a longer run with no ending is
/// more often a phrase than a name), not ending in a numeral, none of them one that transliterations use ([`TRANSLITERATION`]:
/// 卢甘斯克 is Luhansk, not "Lugansike"). The stem is read as one word, with the direction
/// written apart before a street's ending (南云西街 → Nanyun West Street).
pub fn name(key: &str, kind: EntityKind, region: Option<Region>) -> Option<Romanised> {
    if region != Some(Region::Mainland) || !matches!(kind, EntityKind::Place | EntityKind::Organisation) {
        return None;
    }
    let mut stem = key;
    let mut pattern = "{}".to_owned();
    let mut directions = false;
    for _ in 0..2 {
        let Some(ending) = endings()
            .iter()
            .find(|ending| ending.kind == kind && stem.len() > ending.chinese.len() && stem.ends_with(&ending.chinese))
        else {
            break;
        };
        stem = &stem[..stem.len() - ending.chinese.len()];
        pattern = pattern.replace("{}", &ending.english);
        directions |= ending.directions;
    }
    let has_ending = pattern != "{}";
    let chars: Vec<char> = stem.chars().collect();
    let lengths = if has_ending { 1..=4 } else { 2..=3 };
    // A numeral before the ending numbers it (汉西三路 is Hanxi 3rd Road, 五村 a fifth village).
    let numbered = has_ending && chars.last().is_some_and(|&c| "一二三四五六七八九十零".contains(c));
    if !lengths.contains(&chars.len()) || numbered || chars.iter().any(|&c| TRANSLITERATION.contains(c)) {
        return None;
    }
    let direction = match chars.last() {
        Some(&c) if directions && chars.len() >= 3 => match c {
            '东' => Some("East"),
            '南' => Some("South"),
            '西' => Some("West"),
            '北' => Some("North"),
            _ => None,
        },
        _ => None,
    };
    let word = if direction.is_some() { &chars[..chars.len() - 1] } else { &chars[..] };
    let plain: Vec<&str> = word.iter().map(|&c| plain_reading(c)).collect::<Option<_>>()?;
    let marked: Vec<&str> = chars.iter().map(|&c| c.to_pinyin().map(|p| p.with_tone())).collect::<Option<_>>()?;
    let mut stem_english = capitalise(&ascii(&join_pinyin(&plain)));
    if let Some(direction) = direction {
        stem_english = format!("{stem_english} {direction}");
    }
    Some(Romanised { reading: capitalise(&join_pinyin(&marked)), english: pattern.replace("{}", &stem_english) })
}

/// The most common reading of a character, without tone (`ü` kept).
fn plain_reading(c: char) -> Option<&'static str> {
    c.to_pinyin().map(|p| p.plain())
}

/// `Zhai2` → `zhai`, `Lu:3` → `lü`.
fn plain_of_numbered(numbered: &str) -> String {
    numbered.trim_end_matches(|c: char| c.is_ascii_digit()).replace("u:", "ü").to_lowercase()
}

/// Syllables of a given name joined as one word, with an apostrophe before a syllable that
/// starts with a vowel (Xiao'an).
fn join_pinyin(syllables: &[&str]) -> String {
    let mut out = String::new();
    for (i, syllable) in syllables.iter().enumerate() {
        let vowel = syllable.chars().next().is_some_and(|c| "aeoāáǎàēéěèōóǒò".contains(c));
        if i > 0 && vowel {
            out.push('\'');
        }
        out.push_str(syllable);
    }
    out
}

/// Plain ASCII as passports print it: ü is written `yu` (GB/T 28039: Lyu, Nyu).
fn ascii(pinyin: &str) -> String {
    pinyin.replace("lü", "lyu").replace("nü", "nyu").replace('ü', "u")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// One toneless pinyin syllable in Wade–Giles as Taiwan passports write it: no apostrophes
/// (ch'ing is Ching) and no umlauts or breves (hsü is Hsu, tzŭ is Tzu).
pub fn wade_giles(syllable: &str) -> String {
    const WHOLE: &[(&str, &str)] = &[
        ("zhi", "chih"),
        ("chi", "chih"),
        ("shi", "shih"),
        ("ri", "jih"),
        ("zi", "tzu"),
        ("ci", "tzu"),
        ("si", "szu"),
        ("yi", "i"),
        ("you", "yu"),
        ("yan", "yen"),
        ("ye", "yeh"),
        ("yue", "yueh"),
        ("yong", "yung"),
        ("er", "erh"),
        ("e", "o"),
        ("ge", "ko"),
        ("ke", "ko"),
        ("he", "ho"),
        ("zhuo", "cho"),
        ("chuo", "cho"),
        ("ruo", "jo"),
        ("zuo", "tso"),
        ("cuo", "tso"),
        ("suo", "so"),
        ("duo", "to"),
        ("tuo", "to"),
        ("nuo", "no"),
        ("luo", "lo"),
        ("gui", "kuei"),
        ("kui", "kuei"),
    ];
    let syllable = syllable.to_lowercase();
    if let Some((_, wg)) = WHOLE.iter().find(|(pinyin, _)| *pinyin == syllable) {
        return (*wg).to_owned();
    }
    const INITIALS: &[(&str, &str)] = &[
        ("zh", "ch"),
        ("ch", "ch"),
        ("sh", "sh"),
        ("b", "p"),
        ("p", "p"),
        ("d", "t"),
        ("t", "t"),
        ("g", "k"),
        ("k", "k"),
        ("j", "ch"),
        ("q", "ch"),
        ("x", "hs"),
        ("z", "ts"),
        ("c", "ts"),
        ("r", "j"),
    ];
    let (initial, rest) = INITIALS
        .iter()
        .find(|(pinyin, _)| syllable.starts_with(pinyin))
        .map_or(("", syllable.as_str()), |(pinyin, wg)| (*wg, &syllable[pinyin.len()..]));
    let fin = match rest {
        "ong" => "ung".to_owned(),
        "iong" => "iung".to_owned(),
        "ian" => "ien".to_owned(),
        "ie" => "ieh".to_owned(),
        "ue" | "üe" => "ueh".to_owned(),
        other => other.replace('ü', "u"),
    };
    format!("{initial}{fin}")
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    fn check(key: &str, region: Option<Region>, expect: expect_test::Expect) {
        let shown = match person(key, region) {
            Some(r) => format!("{} | {}", r.reading, r.english),
            None => "-".to_owned(),
        };
        expect.assert_eq(&shown);
    }

    fn names(keys: &[&str], kind: EntityKind, region: Option<Region>) -> String {
        let shown = keys.iter().map(|key| {
            let english = name(key, kind, region).map_or("-".to_owned(), |r| format!("{} | {}", r.reading, r.english));
            format!("{key}={english}")
        });
        shown.collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn chinese_places_take_their_stem_in_pinyin_and_their_ending_in_english() {
        let places =
            ["积石山县", "大河家镇", "刘集乡", "梅坡村", "古田街道", "南云西街", "岗贝路", "海陵岛", "横琴", "醴陵市"];
        expect![[r#"
            积石山县=Jīshíshān | Jishishan County
            大河家镇=Dàhéjiā | Dahejia Town
            刘集乡=Liújí | Liuji Township
            梅坡村=Méipō | Meipo Village
            古田街道=Gǔtián | Gutian Subdistrict
            南云西街=Nányúnxī | Nanyun West Street
            岗贝路=Gǎngbèi | Gangbei Road
            海陵岛=Hǎilíng | Hailing Island
            横琴=Héngqín | Hengqin
            醴陵市=Lǐlíng | Liling"#]]
        .assert_eq(&names(&places, EntityKind::Place, Some(Region::Mainland)));
    }

    #[test]
    fn companies_and_institutions_take_up_to_two_endings() {
        let organisations = ["天嘉宜化工有限公司", "普爱医院", "天津博物馆", "大和氯碱化工公司"];
        expect![[r#"
            天嘉宜化工有限公司=Tiānjiāyí | Tianjiayi Chemical Co., Ltd.
            普爱医院=-
            天津博物馆=Tiānjīn | Tianjin Museum
            大和氯碱化工公司=Dàhélǜjiǎn | Dahelyujian Chemical Company"#]]
        .assert_eq(&names(&organisations, EntityKind::Organisation, Some(Region::Mainland)));
    }

    #[test]
    fn transliterations_long_phrases_numbers_and_other_regions_get_no_english() {
        let places = ["卢甘斯克", "汗尤尼斯", "汉西三路", "梨树区革命烈士陵园", "中"];
        expect![[r#"
            卢甘斯克=-
            汗尤尼斯=-
            汉西三路=-
            梨树区革命烈士陵园=-
            中=-"#]]
        .assert_eq(&names(&places, EntityKind::Place, Some(Region::Mainland)));
        expect![[r#"
            積石山縣=-
            积石山县=-"#]]
        .assert_eq(&names(&["積石山縣", "积石山县"], EntityKind::Place, Some(Region::Taiwan)));
        expect!["积石山县=-"].assert_eq(&names(&["积石山县"], EntityKind::Person, Some(Region::Mainland)));
    }

    #[test]
    fn mainland_names_in_pinyin_with_surname_readings() {
        use expect_test::expect;
        let mainland = Some(Region::Mainland);
        check("王小明", mainland, expect!["Wáng Xiǎomíng | Wang Xiaoming"]);
        check("单小明", mainland, expect!["Shàn Xiǎomíng | Shan Xiaoming"]);
        check("曾国藩", mainland, expect!["Zēng Guófān | Zeng Guofan"]);
        check("区家麟", mainland, expect!["Ōu Jiālín | Ou Jialin"]);
        check("仇和", mainland, expect!["Qiú Hé | Qiu He"]);
        check("翟志刚", mainland, expect!["Zhái Zhìgāng | Zhai Zhigang"]);
        check("欧阳修", mainland, expect!["Ōuyáng Xiū | Ouyang Xiu"]);
        check("司马光", mainland, expect!["Sīmǎ Guāng | Sima Guang"]);
        check("吕小安", mainland, expect!["Lǚ Xiǎo'ān | Lyu Xiao'an"]);
        // Transliterated foreign names and names that are too long are not romanised.
        check("巴祖姆", mainland, expect!["-"]);
        check("博鲁阿尔特", mainland, expect!["-"]);
    }

    #[test]
    fn taiwanese_names_in_wade_giles_and_hong_kong_names_without_english() {
        use expect_test::expect;
        check("蒋万安", Some(Region::Taiwan), expect!["Jiǎng Wàn'ān | Chiang Wan-an"]);
        check("赖清德", Some(Region::Taiwan), expect!["Lài Qīngdé | Lai Ching-te"]);
        check("韩国瑜", Some(Region::Taiwan), expect!["Hán Guóyú | Han Kuo-yu"]);
        check("谢长廷", Some(Region::Taiwan), expect!["Xiè Zhǎngtíng | Hsieh Chang-ting"]);
        check("邓炳强", Some(Region::HongKong), expect!["Dèng Bǐngqiáng | "]);
        check("邓炳强", None, expect!["Dèng Bǐngqiáng | "]);
    }

    #[test]
    fn wade_giles_syllables() {
        let cases = [
            ("zhang", "chang"),
            ("cai", "tsai"),
            ("xu", "hsu"),
            ("xue", "hsueh"),
            ("guo", "kuo"),
            ("zeng", "tseng"),
            ("qing", "ching"),
            ("jiang", "chiang"),
            ("zhong", "chung"),
            ("rong", "jung"),
            ("xiong", "hsiung"),
            ("jian", "chien"),
            ("de", "te"),
            ("ke", "ko"),
            ("shi", "shih"),
            ("zi", "tzu"),
            ("lü", "lu"),
            ("yu", "yu"),
            ("wan", "wan"),
            ("an", "an"),
        ];
        for (pinyin, wg) in cases {
            assert_eq!(wade_giles(pinyin), wg, "{pinyin}");
        }
    }

    #[test]
    fn regions_from_script_and_cue_words() {
        assert_eq!(detect("记者王小明报道", Script::Simplified), Some(Region::Mainland));
        assert_eq!(detect("（中央社記者台北15日電）", Script::Traditional), Some(Region::Taiwan));
        assert_eq!(detect("香港特區政府今日宣布", Script::Traditional), Some(Region::HongKong));
        assert_eq!(detect("記者報道", Script::Traditional), None);
        // Districts and counties place a text that names no institution.
        assert_eq!(detect("大埔一屋苑昨日起火", Script::Traditional), Some(Region::HongKong));
        assert_eq!(detect("高雄市昨日發生氣爆", Script::Traditional), Some(Region::Taiwan));
        assert_eq!(detect("這個平台中有三家供應商", Script::Traditional), None);
    }
}
