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
//! The readings of characters come from the `pinyin` crate (MIT; its data is pinyin-data, MIT):
//! the most common reading of each character.

use pinyin::ToPinyin;
use serde::Deserialize;

use crate::entities::cedict;
use crate::entities::pinyin::numbered_to_marked;
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

/// Words that place a Traditional text in Taiwan or in Hong Kong. Measured on the development
/// set's 25 Traditional articles: each of its Taiwanese articles that names one outnumbers the
/// Hong Kong words, and the other way round; 7 of them name none of either.
const TAIWAN_CUES: &[&str] =
    &["中央社", "臺北", "台北", "新台幣", "新臺幣", "立法院", "行政院", "立委", "民進黨", "國民黨", "台灣", "臺灣"];
const HONG_KONG_CUES: &[&str] =
    &["香港", "港府", "特區政府", "立法會", "港元", "港幣", "九龍", "新界", "特首", "行政長官", "警務處", "消防處"];

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
    use super::*;

    fn check(key: &str, region: Option<Region>, expect: expect_test::Expect) {
        let shown = match person(key, region) {
            Some(r) => format!("{} | {}", r.reading, r.english),
            None => "-".to_owned(),
        };
        expect.assert_eq(&shown);
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
    }
}
