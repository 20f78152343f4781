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
//! - Hong Kong text: the Hong Kong Government's Cantonese romanisation, as identity cards write
//!   names, surname apart and the given name hyphenated (鄧炳強 → Tang Ping-keung), with the
//!   long-fixed spellings of common surnames (李 Lee, 黃 Wong). Many also use an English given
//!   name (Chris Tang) that no reading gives: the hover says the spelling is a likely one.
//!   Measured on the development set: Traditional people with the English right 50% → 80%.
//!
//! Places and organisations of mainland (and Simplified) text that no gazetteer lists get an
//! English name too when they read as Chinese names: the stem's Hanyu Pinyin as one word and
//! the English of a generic ending from `server/data/name-endings.toml` (积石山县 → Jishishan
//! County, 天嘉宜化工有限公司 → Tianjiayi Chemical Co., Ltd., 横琴 → Hengqin); see [`name`].
//! Those of Hong Kong text get the stem's Cantonese in the Hong Kong Government's romanisation,
//! syllables apart, and a Hong Kong ending's English (宏福苑 → Wang Fuk Court, 大埔社區會堂 →
//! Tai Po Community Hall); see [`hong_kong_syllable`].
//!
//! The readings of characters come from the `pinyin` crate (MIT; its data is pinyin-data, MIT):
//! the most common reading of each character. Cantonese readings come from ToJyutping (BSD-2;
//! `server/data/jyutping/`): the most likely reading of each character.

use std::collections::HashMap;
use std::sync::OnceLock;

use pinyin::ToPinyin;
use serde::Deserialize;

use crate::entities::pinyin::numbered_to_marked;
use crate::entities::{EntityKind, cedict, name_words};
use crate::script::Script;

/// Where a text is from, for the romanisation of the people it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    /// Hanyu Pinyin.
    Mainland,
    /// Wade–Giles as Taiwan passports write it.
    Taiwan,
    /// The Hong Kong Government's Cantonese romanisation for places and organisations; no
    /// English for people.
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

/// Words of mainland institutions and media that a Simplified story from the mainland uses and
/// one about Hong Kong or Taiwan seldom does (the cue lists above name the other two sides).
const MAINLAND_CUES: &[&str] = &[
    "新华社",
    "人民币",
    "省委",
    "市委",
    "县委",
    "国务院",
    "全国人大",
    "全国政协",
    "中共中央",
    "央视",
    "总书记",
    "自治区",
    "人民日报",
    "党委",
    "中央纪委",
    "公安局",
    "发改委",
];

/// How many cue words of its own side a Simplified story about Hong Kong or Taiwan must use
/// before its people are read as that side's: one mention of 香港 in a mainland story is not
/// enough.
const SIMPLIFIED_OTHER_SIDE_CUES: usize = 3;

/// The region of a text from its script and the words it uses. Traditional text is Taiwanese
/// or Hong Kong's by which cue words it uses more, and of no known region when it uses none
/// (then no English is made up). Simplified (or mixed) text is mainland unless it uses at
/// least [`SIMPLIFIED_OTHER_SIDE_CUES`] words of Hong Kong (or of Taiwan) and more of them
/// than of the mainland's institutions and of the other side: a Simplified edition of a story
/// on Hong Kong (BBC, the New York Times, Radio France) names Hong Kong's people, whose English
/// is Cantonese. Measured on the development set's 20 Simplified articles and the seeds: the
/// one about Hong Kong uses 8 such words and no mainland ones; of the others none uses more
/// than one word of either side.
pub fn detect(text: &str, script: Script) -> Option<Region> {
    // One pass over the text for every cue of every side, as written and in Simplified (an
    // analysis runs this per edit). 臺 keeps its cues' Simplified forms out: 臺中 would be 台中,
    // found in 平台中; the lists have 台北, 台南 and 台東 as written.
    static CUES: OnceLock<daachorse::DoubleArrayAhoCorasick<u32>> = OnceLock::new();
    let cues = CUES.get_or_init(|| {
        let sides = [(TAIWAN_CUES, 0), (HONG_KONG_CUES, 1), (MAINLAND_CUES, 2)];
        let mut words: Vec<(String, u32)> = sides
            .iter()
            .flat_map(|&(cues, side)| {
                cues.iter().flat_map(move |&cue| {
                    let simplified = (!cue.contains('臺')).then(|| super::normalise::normalise(cue));
                    [Some(cue.to_owned()), simplified].into_iter().flatten().map(move |word| (word, side))
                })
            })
            .collect();
        words.sort();
        words.dedup_by(|a, b| a.0 == b.0);
        daachorse::DoubleArrayAhoCorasick::with_values(words).expect("the cue words build")
    });
    let mut counts = [0usize; 3];
    for m in cues.find_overlapping_iter(text) {
        counts[m.value() as usize] += 1;
    }
    let [taiwan, hong_kong, mainland] = counts;
    if script != Script::Traditional {
        let other_side = |own: usize, other: usize, region| {
            (own >= SIMPLIFIED_OTHER_SIDE_CUES && own > other && own > mainland).then_some(region)
        };
        return other_side(hong_kong, taiwan, Region::HongKong)
            .or_else(|| other_side(taiwan, hong_kong, Region::Taiwan))
            .or(Some(Region::Mainland));
    }
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
    /// `Shan Xiaoming`, `Chiang Wan-an`, `Wang Fuk Court`, or empty.
    pub english: String,
    /// The Jyutping the English of a Hong Kong name was made from (`wang4 fuk1 jyun2`), or empty.
    pub jyutping: String,
}

/// Characters of transliterated foreign names that Chinese given names hardly use: jieba tags
/// 巴祖姆 (Bazoum) as a name just as it tags 崔慧莹, and a made-up "Ba Zumu" would mislead.
pub(crate) const TRANSLITERATION: &str = "姆尔斯特克夫茨兹普顿维诺耶埃奥乌科卡塔萨索娅莱赫格里鲁拉丝莎";

/// The romanisation of a Chinese person's name, given as its lookup (Simplified) form: a
/// surname CC-CEDICT lists, then one or two characters. `None` for anything else (foreign
/// names in transliteration, characters without a reading).
pub fn person(key: &str, region: Option<Region>) -> Option<Romanised> {
    person_as_written(key, key, region)
}

/// [`person`], with the name as written for its Cantonese reading (勝 sing3 where its
/// Simplified form 胜 reads sang1).
pub fn person_as_written(surface: &str, key: &str, region: Option<Region>) -> Option<Romanised> {
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
        Some(Region::HongKong) => {
            return Some(hong_kong_person(&written_chars(surface, key), surname_len, reading));
        }
        None => String::new(),
    };
    Some(Romanised { reading, english, jyutping: String::new() })
}

/// Surnames whose Hong Kong spelling no syllable rule gives, fixed by long use (李 Lee, not
/// Lei; 朱 Chu, not Chue; 羅 Law, not Lo) or taken from an older reading.
const HONG_KONG_SURNAMES: &[(&str, &str)] = &[
    ("李", "Lee"),
    ("朱", "Chu"),
    ("余", "Yu"),
    ("于", "Yu"),
    ("呂", "Lui"),
    ("羅", "Law"),
    ("盧", "Lo"),
    ("蘇", "So"),
    ("吳", "Ng"),
    ("胡", "Wu"),
    ("徐", "Tsui"),
    ("謝", "Tse"),
    ("石", "Shek"),
    ("施", "Sze"),
    ("司徒", "Szeto"),
    ("歐陽", "Au-Yeung"),
    ("區", "Au"),
    ("尹", "Wan"),
    ("溫", "Wan"),
    ("鄒", "Chow"),
    ("周", "Chau"),
    ("顏", "Ngan"),
    ("莫", "Mok"),
    ("杜", "To"),
    ("容", "Yung"),
    ("翁", "Yung"),
    ("龔", "Kung"),
    ("孔", "Hung"),
    ("洪", "Hung"),
    ("熊", "Hung"),
    ("姚", "Yiu"),
    ("凌", "Ling"),
    ("張", "Cheung"),
    ("蔣", "Cheung"),
    ("章", "Cheung"),
    ("鍾", "Chung"),
    ("莊", "Chong"),
    ("曹", "Tso"),
    ("岑", "Sham"),
    ("沈", "Sham"),
    ("魏", "Ngai"),
    ("倪", "Ngai"),
    ("葉", "Yip"),
    ("黃", "Wong"),
    ("王", "Wong"),
    ("陳", "Chan"),
    ("劉", "Lau"),
    ("林", "Lam"),
    ("鄭", "Cheng"),
    ("楊", "Yeung"),
    ("梁", "Leung"),
    ("蕭", "Siu"),
    ("邵", "Shiu"),
    ("蔡", "Choi"),
    ("鄧", "Tang"),
    ("曾", "Tsang"),
];

/// The characters of a name as written (`surface`), for their Cantonese readings, when it has
/// one for each of its lookup form's (`key`); else the lookup form's. A Simplified character can
/// stand for Traditional ones read apart (胜 for 勝 sing3 and for 胜 sang1).
fn written_chars(surface: &str, key: &str) -> Vec<char> {
    let written: Vec<char> = surface.chars().filter(|c| !c.is_whitespace()).collect();
    if written.len() == key.chars().count() { written } else { key.chars().collect() }
}

/// A Hong Kong person's name as Hong Kong identity cards write it: the Government's Cantonese
/// romanisation, surname apart and the given name hyphenated (鄧炳強 → Tang Ping-keung). Many
/// people also use an English given name (Chris Tang) that no reading can give, and some spell
/// a syllable their own way, so this is a likely spelling, like the Wade–Giles one for Taiwan.
/// No English when a character has no Cantonese reading.
fn hong_kong_person(chars: &[char], surname_len: usize, reading: String) -> Romanised {
    let syllables: Option<Vec<(String, &str)>> =
        chars.iter().map(|&c| jyutping(c).map(|j| (hong_kong_syllable(j, is_retroflex(c)), j))).collect();
    let Some(syllables) = syllables else {
        return Romanised { reading, english: String::new(), jyutping: String::new() };
    };
    let (surname_syllables, _) = syllables.split_at(surname_len);
    let written: String = chars[..surname_len].iter().collect();
    let surname = HONG_KONG_SURNAMES.iter().find(|(chinese, _)| *chinese == written).map_or_else(
        || surname_syllables.iter().map(|(s, _)| s.as_str()).collect(),
        |(_, spelling)| (*spelling).to_owned(),
    );
    // Given names spell a Cantonese z or c `ch` (俊 Chun, 振 Chun, 祖 Cho), whatever the
    // character's Mandarin reading; ts stays for surnames and place names (曾 Tsang, 荃 Tsuen).
    let given: Vec<String> = chars[surname_len..]
        .iter()
        .zip(&syllables[surname_len..])
        .map(|(&c, (_, j))| hong_kong_syllable(j, is_retroflex(c) || j.starts_with(['z', 'c'])))
        .collect();
    let english = format!("{} {}", capitalise(&surname), capitalise(&given.join("-")));
    let jyutping = syllables.iter().map(|(_, j)| *j).collect::<Vec<_>>().join(" ");
    Romanised { reading, english, jyutping }
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
    /// The ending names a body only after generic words (化学|系, a university's Department of
    /// Chemistry): after anything else it ends a common word (关系 relation, 体系 system).
    #[serde(default)]
    after_words: bool,
    /// The region whose names take the ending: mainland unless said.
    #[serde(default = "mainland")]
    region: Region,
}

fn mainland() -> Region {
    Region::Mainland
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
/// Up to two generic endings are taken off (天嘉宜|化工|有限公司, of either kind: the model tags
/// some offices places), then the generic words before them (现代|儿童|妇女|医院, see
/// [`name_words`]), which are translated; what is left, the proper part, must be up to four Han
/// characters (two or three with no ending: a longer run with no ending is more often a phrase
/// than a name), and must not read as a transliteration ([`is_transliteration`]: 卢甘斯克 is
/// Luhansk, not "Lugansike"; with no ending, any transliteration character rules it out). It is
/// read as one word, with the direction written apart before a street's ending (南云西街 →
/// Nanyun West Street) and a numeral as an ordinal (汉西三路 → Hanxi 3rd Road); a proper part
/// that is a place with its level is that place (梨树区 → Lishu District), and a level alone
/// the body's level (市|疾控中心 → Municipal Center for Disease Control and Prevention). A
/// generic word alone before an ending (研究|中心, 科技|有限公司) is no name.
///
/// Measured on the development set's guesses: 27 mainland places and organisations gained an
/// English name and 2 a better one (entities with the English right 75% → 77%); 22 right or
/// acceptable, 3 wrong (spans the model cut, 美援朝纪念馆 and 北路街道办, and a name in plain
/// words, 天空实验室 Skylab); 8 generic words alone (医院, 办公室) lost a made-up Pinyin. No
/// hover was added.
///
/// In Hong Kong text the stem is read in Cantonese instead, each syllable apart in the Hong Kong
/// Government's romanisation ([`hong_kong_syllable`]), with one Hong Kong ending (苑 Court, 閣
/// House, 邨 Estate, 社區會堂 Community Hall, 消防局 Fire Station), which it must have, and a
/// stem of two or three characters. Measured on the development set's Hong Kong articles, the
/// model's place guesses without an ending there are mostly words (大陸, 世界, 機場, 社區) and
/// those with a one-character stem too (屋苑); a two-ending reading split 怡閣苑 (Yee Kok
/// Court) wrongly. A Hong Kong company's or a building's English name is often not a
/// romanisation at all (華懋 is Chinachem, 嘉利大廈 Garley Building): hence "not verified".
pub fn name(key: &str, kind: EntityKind, region: Option<Region>) -> Option<Romanised> {
    name_as_written(key, key, kind, region)
}

/// [`name`], the Cantonese read from `surface`, the name as written, when it has a character
/// for each of the key's: a Simplified character can stand for Traditional ones read apart
/// (胜 for 勝 sing3 and for 胜 sang1).
pub fn name_as_written(surface: &str, key: &str, kind: EntityKind, region: Option<Region>) -> Option<Romanised> {
    // Taiwan writes most place names in Hanyu Pinyin (萬華 Wanhua, 萬大路 Wanda Road; the
    // national standard since 2009, the counties' legacy spellings are in the gazetteer), its
    // organisations in spellings of their own: a Taiwanese place is read as a mainland one.
    let region = match (region, kind) {
        (Some(Region::Taiwan), EntityKind::Place) => Region::Mainland,
        (Some(region @ (Region::Mainland | Region::HongKong)), _) => region,
        _ => return None,
    };
    if !matches!(kind, EntityKind::Place | EntityKind::Organisation) {
        return None;
    }
    let hong_kong = region == Region::HongKong;
    // A generic word on its own (社區中心) is no name, though it ends in another (中心).
    if hong_kong && endings().iter().any(|ending| ending.chinese == key) {
        return None;
    }
    let (stem, pattern, directions, after_words) = peel_endings(key, region);
    let has_ending = pattern != "{}";
    if hong_kong && !has_ending {
        return None;
    }
    if hong_kong {
        let chars: Vec<char> = stem.chars().collect();
        let numbered = chars.last().is_some_and(|&c| ordinal(c).is_some() || c == '零');
        if !(2..=3).contains(&chars.len()) || numbered || chars.iter().any(|&c| TRANSLITERATION.contains(c)) {
            return None;
        }
        let reading = marked_reading(stem)?;
        let written = written_chars(surface, key);
        let syllables: Vec<String> = chars
            .iter()
            .zip(&written)
            .map(|(&c, &w)| Some(capitalise(&hong_kong_syllable(jyutping(w)?, is_retroflex(c)))))
            .collect::<Option<_>>()?;
        let jyutping: Vec<&str> = written.iter().map(|&c| jyutping(c)).collect::<Option<_>>()?;
        let english = pattern.replace("{}", &syllables.join(" "));
        return Some(Romanised { reading, english, jyutping: jyutping.join(" ") });
    }
    // Generic words before the ending are translated too (现代|儿童|妇女|医院 → Modern Children
    // and Women's Hospital); what is left before them is the proper part, read in Pinyin. With
    // no proper part, two words at least: one generic word and an ending (研究|中心) is a
    // common noun, not a name.
    let (proper, words) = if has_ending { name_words::peel(stem) } else { (stem, Vec::new()) };
    // A level alone before the words is the body of the text's own city or province (市|防疫|
    // 指挥部, the Municipal Epidemic Prevention Headquarters).
    let level = LEVEL_WORDS.iter().find(|(chinese, _)| has_ending && *chinese == proper);
    let (proper, level) = match level {
        Some((_, english)) => ("", Some(*english)),
        None => (proper, None),
    };
    // Another generic word on its own before an ending (科技|有限公司) is no name; nor is one
    // generic word before a short ending (研究|中心, 市|中心): two words, or one before an
    // ending of three characters or more (市|疾控中心).
    let generic = words.len() + usize::from(level.is_some());
    let long_ending = key.chars().count() - stem.chars().count() >= 3;
    // A street takes any word as its proper part (机场路 Jichang Road), as signs write it.
    let is_ending = !directions && endings().iter().any(|ending| ending.region == region && ending.chinese == proper);
    if is_ending
        || (after_words && words.is_empty())
        || (proper.is_empty() && generic < 2 && !(generic == 1 && long_ending))
    {
        return None;
    }
    let words_english = level.into_iter().map(str::to_owned).chain([name_words::english(&words)]).collect::<Vec<_>>();
    let words_english = words_english.join(" ").trim().to_owned();
    let chars: Vec<char> = proper.chars().collect();
    let lengths = if has_ending { 0..=4 } else { 2..=3 };
    // A bare stem with no ending says nothing of being Chinese: any transliteration character
    // rules it out, as for people.
    let foreign =
        if has_ending { is_transliteration(proper) } else { chars.iter().any(|&c| TRANSLITERATION.contains(c)) };
    if !lengths.contains(&chars.len()) || foreign {
        return None;
    }
    // A numeral before a street's ending numbers it: 汉西三路 is Hanxi 3rd Road, as road signs
    // write it. Before any other ending (五村, a fifth village) there is no one rule.
    let numeral = chars.last().and_then(|&c| ordinal(c)).filter(|_| has_ending);
    let two_numerals = chars.len() >= 2 && "一二三四五六七八九十零".contains(chars[chars.len() - 2]);
    if numeral.is_some() && (!directions || !words.is_empty() || two_numerals) {
        return None;
    }
    let reading = marked_reading(stem)?;
    let direction = match chars.last() {
        Some(&c) if directions && words.is_empty() && chars.len() >= 3 => match c {
            '东' => Some("East"),
            '南' => Some("South"),
            '西' => Some("West"),
            '北' => Some("North"),
            _ => None,
        },
        _ => None,
    };
    let word = if direction.is_some() || numeral.is_some() { &chars[..chars.len() - 1] } else { &chars[..] };
    if numeral.is_some() && word.is_empty() {
        return None;
    }
    let plain: Vec<&str> = word.iter().map(|&c| plain_reading(c)).collect::<Option<_>>()?;
    let mut parts: Vec<String> = Vec::new();
    // A proper part that is a place with its level (梨树区|革命|烈士陵园, 益阳市|妇幼|医院) is
    // that place's English, level and all: Lishu District Revolutionary Martyrs' Cemetery.
    let place = (has_ending && chars.len() >= 3 && chars.last().is_some_and(|&c| PLACE_LEVELS.contains(c)))
        .then(|| name(proper, EntityKind::Place, Some(Region::Mainland)))
        .flatten();
    if let Some(place) = place.filter(|_| numeral.is_none() && direction.is_none()) {
        parts.push(place.english);
    } else if !plain.is_empty() {
        parts.push(capitalise(&ascii(&join_pinyin(&plain))));
    }
    parts.extend(numeral.map(str::to_owned));
    parts.extend(direction.map(str::to_owned));
    if !words_english.is_empty() {
        parts.push(words_english);
    }
    Some(Romanised { reading, english: pattern.replace("{}", &parts.join(" ")), jyutping: String::new() })
}

/// The stem of a place's or an organisation's lookup form with up to two generic endings taken
/// off (天嘉宜|化工|有限公司), the English pattern of those endings (`{} Chemical Co., Ltd.`, `{}`
/// with none), and whether the last ending is a street's, which a direction or a number may
/// come before. An ending is taken whichever of place or organisation the model guessed: it
/// tags some blocks of flats and offices (贸易大厦, 街道办) the other way.
fn peel_endings(key: &str, region: Region) -> (&str, String, bool, bool) {
    let hong_kong = region == Region::HongKong;
    let mut stem = key;
    let mut pattern = "{}".to_owned();
    let mut directions = false;
    let mut after_words = false;
    for round in 0..2 {
        let Some(ending) = endings().iter().find(|ending| {
            ending.region == region && stem.len() > ending.chinese.len() && stem.ends_with(&ending.chinese)
        }) else {
            break;
        };
        // In Hong Kong a second ending only before a long one (廣福邨|社區會堂 Kwong Fuk Estate
        // Community Hall): before 苑 or 閣 the character is the name's (怡閣苑 Yee Kok Court).
        if hong_kong && round == 1 && key.chars().count() - stem.chars().count() < 2 {
            break;
        }
        // Elsewhere a second ending only when two characters stay before it: in 军|区|烈士陵园
        // the 区 is the stem's, not a district's.
        if !hong_kong && round == 1 && stem.chars().count() < ending.chinese.chars().count() + 2 {
            break;
        }
        stem = &stem[..stem.len() - ending.chinese.len()];
        pattern = pattern.replace("{}", &ending.english);
        directions |= ending.directions;
        after_words |= ending.after_words;
    }
    (stem, pattern, directions, after_words)
}

/// The stem and the English pattern of a mainland (or Taiwanese) place's or organisation's
/// name with a generic ending, for reading a foreign stem back ([`super::transliteration`]):
/// 约翰逊|航天中心 → (约翰逊, `{} Space Center`). `None` without an ending, or in Hong Kong text.
pub fn stem_and_ending(key: &str, kind: EntityKind, region: Option<Region>) -> Option<(&str, String)> {
    match (region, kind) {
        (Some(Region::Mainland), EntityKind::Place | EntityKind::Organisation)
        | (Some(Region::Taiwan), EntityKind::Place) => {}
        _ => return None,
    }
    let (stem, pattern, _, _) = peel_endings(key, Region::Mainland);
    let (proper, words) = name_words::peel(stem);
    let words = name_words::english(&words);
    let pattern = if words.is_empty() { pattern } else { pattern.replace("{}", &format!("{{}} {words}")) };
    (pattern != "{}" && proper.chars().count() >= 2).then_some((proper, pattern))
}

/// True when the stem of a name with a generic ending reads as a transliteration, not a Chinese
/// name: it holds two or more of the characters transliterations use ([`TRANSLITERATION`];
/// 卢甘斯克 is Luhansk, not "Lugansike"), or one in a stem of three characters or more (皮卡迪利).
/// One in a stem of two is not enough: Chinese names use some of them too (普陀, 普洱, 普宁, 乌镇).
/// Measured on CC-CEDICT's places (their administrative ending taken off): of 478 stems in
/// the mainland's provinces this rules out 4 (佳木斯, 哈尔滨, 齐齐哈尔 — Manchu names in
/// transliteration themselves — and 普洱哈尼族彝族自治), where any one character ruled out more;
/// of 124 places in Europe, the Americas, Africa and Australia it rules out 75 (the others are
/// mostly two characters, 尼斯, 根特). A foreign stem whose characters are not in the list
/// (约翰逊) is read back by `tagger::guess` before this.
fn is_transliteration(stem: &str) -> bool {
    let count = stem.chars().filter(|&c| TRANSLITERATION.contains(c)).count();
    count >= 2 || (count == 1 && stem.chars().count() >= 3)
}

/// The last characters of a mainland place with its level (益阳市, 梨树区, 积石山县, 大河家镇).
const PLACE_LEVELS: &str = "省市县区镇乡村";

/// Administrative levels that stand alone before a body's generic words when the text names
/// its own city or province (市疾控中心), with the English such bodies use (the Shanghai
/// Municipal Center for Disease Control and Prevention).
const LEVEL_WORDS: &[(&str, &str)] = &[("市", "Municipal"), ("省", "Provincial"), ("县", "County"), ("区", "District")];

/// The English ordinal of a Chinese numeral from one to ten (三 → 3rd), as road signs number
/// streets.
fn ordinal(c: char) -> Option<&'static str> {
    let ordinals = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"];
    "一二三四五六七八九十".chars().position(|n| n == c).map(|i| ordinals[i])
}

/// A stem's Hanyu Pinyin with tone marks, as one capitalised word (`Jīshíshān`).
fn marked_reading(stem: &str) -> Option<String> {
    let marked: Vec<&str> = stem.chars().map(|c| c.to_pinyin().map(|p| p.with_tone())).collect::<Option<_>>()?;
    Some(capitalise(&join_pinyin(&marked)))
}

/// The Hong Kong ending of two or more characters a name's lookup form ends with, longest
/// first, with its length in characters and the kind of name it makes: 社区会堂 (4, place) in
/// 大埔社区会堂, 消防局 (3, organisation) in 沙田消防局.
pub fn hong_kong_ending(key: &str) -> Option<(usize, EntityKind)> {
    endings()
        .iter()
        .filter(|ending| ending.region == Region::HongKong && ending.chinese.chars().count() >= 2)
        .find(|ending| key.ends_with(&ending.chinese))
        .map(|ending| (ending.chinese.chars().count(), ending.kind))
}

/// True when a known place's English is its name's Hong Kong romanisation (大埔 Tai Po, 沙田
/// Sha Tin; not 美國 United States, nor 九龍 Kowloon): a stem a Hong Kong ending can follow.
pub fn is_hong_kong_romanised(key: &str, english: &str) -> bool {
    let made: Option<Vec<String>> =
        key.chars().map(|c| Some(hong_kong_syllable(jyutping(c)?, is_retroflex(c)))).collect();
    let plain = |text: &str| text.chars().filter(char::is_ascii_alphabetic).collect::<String>().to_lowercase();
    made.is_some_and(|made| !english.is_empty() && made.concat() == plain(english))
}

const JYUTPING_TXT: &str = include_str!("../../../data/jyutping/jyutping.txt");

/// The most likely Cantonese reading of a character, Traditional or Simplified, in Jyutping
/// with its tone (`wang4`), from `server/data/jyutping/jyutping.txt`.
fn jyutping(c: char) -> Option<&'static str> {
    static READINGS: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    let readings = READINGS.get_or_init(|| {
        let mut readings = HashMap::new();
        for line in JYUTPING_TXT.lines().filter(|line| !line.starts_with('#')) {
            if let Some((reading, chars)) = line.split_once('\t') {
                readings.extend(chars.chars().map(|c| (c, reading)));
            }
        }
        readings
    });
    readings.get(&c).copied()
}

/// True when the character's Mandarin reading starts with zh, ch or sh. Cantonese merged two
/// series of sibilants the Hong Kong romanisation still spells apart (it was fixed from
/// nineteenth-century Cantonese): 沙 Sha, 水 Shui, 長 Cheung, 中 Chung against 新 San, 西 Sai,
/// 將 Tseung, 荃 Tsuen. Mandarin keeps the same split, zh/ch/sh against j/q/x/z/c/s, so its
/// reading tells which spelling a Cantonese z, c or s takes. It is a tendency, not a law:
/// 彩 Choi, 清 Ching, 生 Sang, 涌 Chung (Mandarin yǒng) go the other way.
fn is_retroflex(c: char) -> bool {
    plain_reading(c).is_some_and(|p| p.starts_with("zh") || p.starts_with("ch") || p.starts_with("sh"))
}

/// One Jyutping syllable (its tone number is dropped) in the Hong Kong Government's Cantonese
/// romanisation, lower case: the spelling of street signs and estate names (宏 wang4 → wang,
/// 福 fuk1 → fuk, 昌 coeng1 → cheung, 埔 bou3 → po, 怡 ji4 → yee, 水 seoi2 → shui). The system
/// was never published as a table; this follows the correspondences its place names show:
/// initials b p, d t, g k, gw kw, j y, z and c ts or ch and s s or sh (`retroflex`, see
/// [`is_retroflex`]); finals aa a, oe eu, eo u (eoi ui, eon un), yu ue, ou o, a bare i ee
/// (yee), zi and ci tsz (chi when `retroflex`), si sze, waa wah. Measured on 86 place names
/// of the Lands Department (the test `hong_kong_syllables_against_real_place_names`): 178 of
/// 203 syllables right; the rest are mostly readings (景 ging2 where the name says Keng, 觀
/// gun1 for Kwun) and ts against ch. Spellings fixed before the system
/// (九龍 Kowloon, 旺角 Mong Kok) are the gazetteer's business, not this converter's.
pub fn hong_kong_syllable(jyutping: &str, retroflex: bool) -> String {
    let syllable = jyutping.trim_end_matches(|c: char| c.is_ascii_digit());
    const INITIALS: &[&str] =
        &["gw", "kw", "ng", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "w", "z", "c", "s", "j"];
    let initial = INITIALS.iter().find(|initial| syllable.starts_with(**initial) && syllable.len() > initial.len());
    let (initial, fin) = initial.map_or(("", syllable), |initial| (*initial, &syllable[initial.len()..]));
    let sibilant = match initial {
        "z" | "c" if retroflex => "ch",
        "z" | "c" => "ts",
        "s" if retroflex => "sh",
        other => other,
    };
    match (initial, fin) {
        ("z" | "c", "i") => return if retroflex { "chi".to_owned() } else { "tsz".to_owned() },
        ("s", "i") => return "sze".to_owned(),
        ("j", "i") => return "yee".to_owned(),
        // 華 Wah, 話 Wah: the h keeps the long a of a bare wa.
        ("w", "aa") => return "wah".to_owned(),
        ("j", fin) if fin.starts_with("yu") => return format!("y{}", hong_kong_final(fin)),
        _ => {}
    }
    let initial = match sibilant {
        "b" => "p",
        "d" => "t",
        "g" => "k",
        "gw" => "kw",
        "j" => "y",
        other => other,
    };
    format!("{initial}{}", hong_kong_final(fin))
}

/// A Jyutping final in the Hong Kong Government's romanisation.
fn hong_kong_final(fin: &str) -> String {
    const WHOLE: &[(&str, &str)] = &[
        ("oeng", "eung"),
        ("oek", "euk"),
        ("eoi", "ui"),
        ("eon", "un"),
        ("eot", "ut"),
        ("yun", "uen"),
        ("yut", "uet"),
        ("yu", "ue"),
        ("ou", "o"),
    ];
    if let Some((_, hk)) = WHOLE.iter().find(|(jyutping, _)| *jyutping == fin) {
        return (*hk).to_owned();
    }
    fin.strip_prefix("aa").map_or_else(|| fin.to_owned(), |rest| format!("a{rest}"))
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
            普爱医院=Pǔ'ài | Pu'ai Hospital
            天津博物馆=Tiānjīn | Tianjin Museum
            大和氯碱化工公司=Dàhélǜjiǎn | Dahelyujian Chemical Company"#]]
        .assert_eq(&names(&organisations, EntityKind::Organisation, Some(Region::Mainland)));
    }

    #[test]
    fn transliterations_long_phrases_numbers_and_other_regions_get_no_english() {
        let places = ["卢甘斯克", "汗尤尼斯", "马赛克广场", "索菲亚大厦", "中"];
        expect![[r#"
            卢甘斯克=-
            汗尤尼斯=-
            马赛克广场=-
            索菲亚大厦=-
            中=-"#]]
        .assert_eq(&names(&places, EntityKind::Place, Some(Region::Mainland)));
        expect![[r#"
            積石山縣=-
            积石山县=-"#]]
        .assert_eq(&names(&["積石山縣", "积石山县"], EntityKind::Place, None));
        expect!["积石山县=-"].assert_eq(&names(&["积石山县"], EntityKind::Person, Some(Region::Mainland)));
    }

    #[test]
    fn generic_words_levels_numbers_and_places_compose_with_the_proper_part() {
        // Our own names in the shapes mainland news prints: a numbered road, a proper part
        // with generic words, a place with its level before them, the text's own city (市) or
        // province (省) alone, a one-character transliteration in a Chinese stem (普陀).
        let organisations = [
            "光华儿童妇女医院",
            "明德妇幼医院",
            "东湖区传染病筛查中心",
            "市疾控中心",
            "省应急管理办公室",
            "旅游投资有限公司",
            "信息技术服务股份有限公司",
            "普陀人民医院",
            "城建环境工程系",
            "华信研究中心",
        ];
        expect![[r#"
            光华儿童妇女医院=Guānghuá'értóngfùnǚ | Guanghua Children and Women's Hospital
            明德妇幼医院=Míngdéfùyòu | Mingde Maternal and Child Hospital
            东湖区传染病筛查中心=Dōnghúqūchuánrǎnbìngshāichá | Donghu District Infectious Disease Screening Center
            市疾控中心=Shì | Municipal Center for Disease Control and Prevention
            省应急管理办公室=Shěngyīngjíguǎnlǐ | Provincial Emergency Management Office
            旅游投资有限公司=Lǚyóutóuzī | Tourism Investment Co., Ltd.
            信息技术服务股份有限公司=Xìnxījìshùfúwù | Information Technology Service Co., Ltd.
            普陀人民医院=Pǔtuó | Putuo People's Hospital
            城建环境工程系=Chéngjiànhuánjìnggōngchéng | Department of Chengjian Environmental Engineering
            华信研究中心=Huáxìn | Huaxin Research Center"#]]
        .assert_eq(&names(&organisations, EntityKind::Organisation, Some(Region::Mainland)));
        let places = ["洪山二路", "洪山二十路", "红旗革命烈士陵园", "机场路", "东湖纪念馆", "军区烈士陵园"];
        expect![[r#"
            洪山二路=Hóngshān'èr | Hongshan 2nd Road
            洪山二十路=-
            红旗革命烈士陵园=Hóngqígémìng | Hongqi Revolutionary Martyrs' Cemetery
            机场路=Jīchǎng | Jichang Road
            东湖纪念馆=Dōnghú | Donghu Memorial Hall
            军区烈士陵园=Jūnqū | Military Region Martyrs' Cemetery"#]]
        .assert_eq(&names(&places, EntityKind::Place, Some(Region::Mainland)));
        // Traditional text is looked up in its Simplified form; a Taiwanese place composes the
        // same way, a Taiwanese organisation not at all.
        let key = crate::entities::normalise("廣州兒童醫院");
        expect!["广州儿童医院=Guǎngzhōu'értóng | Guangzhou Children's Hospital"].assert_eq(&names(
            &[key.as_str()],
            EntityKind::Organisation,
            Some(Region::Mainland),
        ));
        let key = crate::entities::normalise("萬華植物園");
        expect!["万华植物园=Wànhuá | Wanhua Botanical Garden"].assert_eq(&names(
            &[key.as_str()],
            EntityKind::Place,
            Some(Region::Taiwan),
        ));
        expect!["万华植物园=-"].assert_eq(&names(&[key.as_str()], EntityKind::Organisation, Some(Region::Taiwan)));
    }

    #[test]
    fn generic_words_alone_are_no_name() {
        // A generic word with an ending is a common noun (研究中心, 市中心), a company's trade
        // alone (科技有限公司) names no company, and 系 ends a word after anything but a subject
        // (关系 relation; 体系 system, after 教育 as one generic word only).
        let organisations =
            ["研究中心", "市中心", "科技有限公司", "航天中心", "妇幼医院", "医院", "伙伴关系", "教育体系"];
        expect![[r#"
            研究中心=-
            市中心=-
            科技有限公司=-
            航天中心=-
            妇幼医院=-
            医院=-
            伙伴关系=-
            教育体系=-"#]]
        .assert_eq(&names(&organisations, EntityKind::Organisation, Some(Region::Mainland)));
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
    fn taiwanese_names_in_wade_giles_and_hong_kong_names_in_cantonese() {
        use expect_test::expect;
        check("蒋万安", Some(Region::Taiwan), expect!["Jiǎng Wàn'ān | Chiang Wan-an"]);
        check("赖清德", Some(Region::Taiwan), expect!["Lài Qīngdé | Lai Ching-te"]);
        check("韩国瑜", Some(Region::Taiwan), expect!["Hán Guóyú | Han Kuo-yu"]);
        check("谢长廷", Some(Region::Taiwan), expect!["Xiè Zhǎngtíng | Hsieh Chang-ting"]);
        check("邓炳强", Some(Region::HongKong), expect!["Dèng Bǐngqiáng | Tang Ping-keung"]);
        check("邓炳强", None, expect!["Dèng Bǐngqiáng | "]);
        // Hong Kong officials as their identity cards write them (our own list of public names).
        let hong_kong: Vec<String> =
            ["鄧炳強", "李家超", "陳國基", "梁振英", "曾蔭權", "林鄭月娥", "何俊仁", "葉劉淑儀"]
                .iter()
                .map(|name| {
                    let key = crate::entities::normalise(name);
                    let english = person_as_written(name, &key, Some(Region::HongKong)).map(|r| r.english);
                    format!("{name} {}", english.unwrap_or_default())
                })
                .collect();
        expect![[r#"
            鄧炳強 Tang Ping-keung
            李家超 Lee Ka-chiu
            陳國基 Chan Kwok-kei
            梁振英 Leung Chan-ying
            曾蔭權 Tsang Yam-kuen
            林鄭月娥 
            何俊仁 Ho Chun-yan
            葉劉淑儀 "#]]
        .assert_eq(&hong_kong.join("\n"));
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

    /// Hong Kong place names as the Lands Department spells them, syllable by syllable, against
    /// the converter fed the most likely Jyutping of each character. Names whose English is not a
    /// romanisation (銅鑼灣 Causeway Bay) are left out; spellings fixed before the system (九龍
    /// Kowloon, 旺角 Mong Kok) are kept, to show the converter does not and should not know them.
    const HONG_KONG_PLACES: &[(&str, &str)] = &[
        ("宏福", "Wang Fuk"),
        ("沙田", "Sha Tin"),
        ("大埔", "Tai Po"),
        ("旺角", "Mong Kok"),
        ("九龍", "Kow Loon"),
        ("長沙灣", "Cheung Sha Wan"),
        ("荃灣", "Tsuen Wan"),
        ("屯門", "Tuen Mun"),
        ("葵涌", "Kwai Chung"),
        ("將軍澳", "Tseung Kwan O"),
        ("觀塘", "Kwun Tong"),
        ("黃大仙", "Wong Tai Sin"),
        ("油麻地", "Yau Ma Tei"),
        ("深水埗", "Sham Shui Po"),
        ("元朗", "Yuen Long"),
        ("上水", "Sheung Shui"),
        ("西貢", "Sai Kung"),
        ("荔枝角", "Lai Chi Kok"),
        ("美孚", "Mei Foo"),
        ("青衣", "Tsing Yi"),
        ("東涌", "Tung Chung"),
        ("柴灣", "Chai Wan"),
        ("筲箕灣", "Shau Kei Wan"),
        ("上環", "Sheung Wan"),
        ("灣仔", "Wan Chai"),
        ("樂富", "Lok Fu"),
        ("土瓜灣", "To Kwa Wan"),
        ("紅磡", "Hung Hom"),
        ("何文田", "Ho Man Tin"),
        ("藍田", "Lam Tin"),
        ("秀茂坪", "Sau Mau Ping"),
        ("牛頭角", "Ngau Tau Kok"),
        ("彩虹", "Choi Hung"),
        ("慈雲山", "Tsz Wan Shan"),
        ("坑口", "Hang Hau"),
        ("寶林", "Po Lam"),
        ("大圍", "Tai Wai"),
        ("火炭", "Fo Tan"),
        ("馬鞍山", "Ma On Shan"),
        ("太和", "Tai Wo"),
        ("天水圍", "Tin Shui Wai"),
        ("洪水橋", "Hung Shui Kiu"),
        ("錦田", "Kam Tin"),
        ("石硤尾", "Shek Kip Mei"),
        ("大角咀", "Tai Kok Tsui"),
        ("尖沙咀", "Tsim Sha Tsui"),
        ("薄扶林", "Pok Fu Lam"),
        ("鴨脷洲", "Ap Lei Chau"),
        ("黃竹坑", "Wong Chuk Hang"),
        ("杏花邨", "Heng Fa Chuen"),
        ("小西灣", "Siu Sai Wan"),
        ("西營盤", "Sai Ying Pun"),
        ("大澳", "Tai O"),
        ("梅窩", "Mui Wo"),
        ("長洲", "Cheung Chau"),
        ("坪洲", "Peng Chau"),
        ("葵芳", "Kwai Fong"),
        ("葵興", "Kwai Hing"),
        ("荔景", "Lai King"),
        ("大窩口", "Tai Wo Hau"),
        ("油塘", "Yau Tong"),
        ("調景嶺", "Tiu Keng Leng"),
        ("啟德", "Kai Tak"),
        ("順利", "Shun Lee"),
        ("樂華", "Lok Wah"),
        ("富善", "Fu Shin"),
        ("運頭塘", "Wan Tau Tong"),
        ("石門", "Shek Mun"),
        ("新田", "San Tin"),
        ("流浮山", "Lau Fau Shan"),
        ("落馬洲", "Lok Ma Chau"),
        ("打鼓嶺", "Ta Kwu Ling"),
        ("沙頭角", "Sha Tau Kok"),
        ("烏溪沙", "Wu Kai Sha"),
        ("耀安", "Yiu On"),
        ("恆安", "Heng On"),
        ("利安", "Lee On"),
        ("錦英", "Kam Ying"),
        ("隆亨", "Lung Hang"),
        ("秦石", "Chun Shek"),
        ("顯徑", "Hin Keng"),
        ("瀝源", "Lek Yuen"),
        ("禾輋", "Wo Che"),
        ("博康", "Pok Hong"),
        ("水泉澳", "Shui Chuen O"),
    ];

    #[test]
    fn hong_kong_syllables_against_real_place_names() {
        let (mut right, mut all) = (0, 0);
        let mut wrong = Vec::new();
        for (chinese, english) in HONG_KONG_PLACES {
            let made: Vec<String> = chinese
                .chars()
                .map(|c| {
                    let simplified = crate::entities::normalise::normalise_char(c);
                    jyutping(c).map_or("?".to_owned(), |j| capitalise(&hong_kong_syllable(j, is_retroflex(simplified))))
                })
                .collect();
            let expected: Vec<&str> = english.split(' ').collect();
            all += expected.len();
            let same = made.iter().zip(&expected).filter(|(a, b)| a == b).count();
            right += same;
            if same != expected.len() {
                wrong.push(format!("{chinese} {} (is {english})", made.join(" ")));
            }
        }
        let shown = format!("syllables right: {right} of {all}\n{}", wrong.join("\n"));
        expect![[r#"
            syllables right: 178 of 203
            旺角 Wong Kok (is Mong Kok)
            九龍 Kau Lung (is Kow Loon)
            葵涌 Kwai Tsung (is Kwai Chung)
            觀塘 Kun Tong (is Kwun Tong)
            美孚 Mei Fu (is Mei Foo)
            青衣 Tsing Yee (is Tsing Yi)
            東涌 Tung Tsung (is Tung Chung)
            灣仔 Wan Tsai (is Wan Chai)
            紅磡 Hung Ham (is Hung Hom)
            彩虹 Tsoi Hung (is Choi Hung)
            石硤尾 Shek Hap Mei (is Shek Kip Mei)
            杏花邨 Hang Fa Tsuen (is Heng Fa Chuen)
            坪洲 Ping Chau (is Peng Chau)
            調景嶺 Tiu King Leng (is Tiu Keng Leng)
            順利 Shun Lei (is Shun Lee)
            打鼓嶺 Ta Ku Leng (is Ta Kwu Ling)
            恆安 Hang On (is Heng On)
            利安 Lei On (is Lee On)
            秦石 Tsun Shek (is Chun Shek)
            顯徑 Hin King (is Hin Keng)
            瀝源 Lik Yuen (is Lek Yuen)
            水泉澳 Shui Tsuen O (is Shui Chuen O)"#]]
        .assert_eq(&shown);
    }

    #[test]
    fn hong_kong_syllables_from_jyutping() {
        let cases = [
            ("wang4", false, "wang"),
            ("fuk1", false, "fuk"),
            ("coeng1", true, "cheung"),
            ("zoeng1", false, "tseung"),
            ("gwong2", false, "kwong"),
            ("daai6", false, "tai"),
            ("bou3", false, "po"),
            ("ji4", false, "yee"),
            ("jyu4", false, "yue"),
            ("jyun4", false, "yuen"),
            ("seoi2", true, "shui"),
            ("seon6", true, "shun"),
            ("sai1", false, "sai"),
            ("zi2", false, "tsz"),
            ("zi3", true, "chi"),
            ("si1", false, "sze"),
            ("cyun4", false, "tsuen"),
            ("syu6", true, "shue"),
            ("ng4", false, "ng"),
            ("ou3", false, "o"),
            ("oi3", false, "oi"),
            ("joek6", false, "yeuk"),
            ("ngau4", false, "ngau"),
        ];
        for (jyutping, retroflex, hk) in cases {
            assert_eq!(hong_kong_syllable(jyutping, retroflex), hk, "{jyutping}");
        }
    }

    #[test]
    fn hong_kong_places_and_organisations_take_cantonese_and_hong_kong_endings() {
        let hong_kong = Some(Region::HongKong);
        let key = |surface: &str| crate::entities::normalise(surface);
        // Real names (華富邨 Wah Fu Estate, 欣明苑 Yan Ming Court, 石籬社區會堂 Shek Lei Community
        // Hall, 東涌 Tung Chung); the converter's misses are shown as they are.
        let places: Vec<String> = [
            "華富邨",
            "耀安邨",
            "欣明苑",
            "寶明苑",
            "彩虹道",
            "青衣公園",
            "元朗公園",
            "沙田中心",
            "石籬社區會堂",
            "油麻地社區中心",
            "東涌",
            "旺角",
        ]
        .iter()
        .map(|surface| key(surface))
        .collect();
        let places: Vec<&str> = places.iter().map(String::as_str).collect();
        expect![[r#"
            华富邨=Huáfù | Wah Fu Estate
            耀安邨=Yào'ān | Yiu On Estate
            欣明苑=Xīnmíng | Yan Ming Court
            宝明苑=Bǎomíng | Po Ming Court
            彩虹道=Cǎihóng | Tsoi Hung Road
            青衣公园=Qīngyī | Tsing Yee Park
            元朗公园=Yuánlǎng | Yuen Long Park
            沙田中心=Shātián | Sha Tin Centre
            石篱社区会堂=Shílí | Shek Lei Community Hall
            油麻地社区中心=Yóumádì | Yau Ma Tei Community Centre
            东涌=-
            旺角=-"#]]
        .assert_eq(&names(&places, EntityKind::Place, hong_kong));
        // FIXME: 瑪麗醫院 is Queen Mary Hospital; 瑪麗 is a transliteration the TRANSLITERATION
        // characters do not catch.
        let organisations: Vec<String> =
            // Companies, schools and owners' corporations: 新鴻基地產 Sun Hung Kai Properties, 英華書院
            // Ying Wa College, 培正中學 Pui Ching Middle School, 東亞銀行 the Bank of East Asia
            // (a firm's own English the romanisation cannot know).
            [
                "屯門醫院",
                "荃灣警署",
                "旺角消防局",
                "華懋",
                "瑪麗醫院",
                "新鴻基地產",
                "英華書院",
                "培正中學",
                "東亞銀行",
                "太古城業主立案法團",
                "永隆建築工程有限公司",
            ]
            .iter()
            .map(|surface| key(surface))
            .collect();
        let organisations: Vec<&str> = organisations.iter().map(String::as_str).collect();
        expect![[r#"
            屯门医院=Túnmén | Tuen Mun Hospital
            荃湾警署=Quánwān | Tsuen Wan Police Station
            旺角消防局=Wàngjiǎo | Wong Kok Fire Station
            华懋=-
            玛丽医院=Mǎlì | Ma Lai Hospital
            新鸿基地产=Xīnhóngjī | San Hung Kei Properties
            英华书院=Yīnghuá | Ying Wah College
            培正中学=Péizhèng | Pui Ching Secondary School
            东亚银行=Dōngyà | Tung A Bank
            太古城业主立案法团=Tàigǔchéng | Incorporated Owners of Tai Ku Shing
            永隆建筑工程有限公司=Yǒnglóng | Wing Lung Construction & Engineering Company Limited"#]]
        .assert_eq(&names(&organisations, EntityKind::Organisation, hong_kong));
    }

    #[test]
    fn cantonese_is_for_hong_kong_text_only_and_not_for_transliterations_or_long_runs() {
        let key = crate::entities::normalise("耀安邨");
        // Mainland and Taiwanese text read it in Pinyin, never in Cantonese; unknown text gets
        // nothing, and a Taiwanese organisation nothing (Taiwan's firms spell their own names).
        expect!["耀安邨=Yào'āncūn | Yao'ancun"].assert_eq(&names(
            &[key.as_str()],
            EntityKind::Place,
            Some(Region::Taiwan),
        ));
        expect!["耀安邨=-"].assert_eq(&names(&[key.as_str()], EntityKind::Place, None));
        // Taipei's districts and roads (萬華 Wanhua, 萬大路 Wanda Road, 中正區 Zhongzheng District).
        expect![[r#"
            万华=Wànhuá | Wanhua
            万大路=Wàndà | Wanda Road
            中正区=Zhōngzhèng | Zhongzheng District"#]]
        .assert_eq(&names(&["万华", "万大路", "中正区"], EntityKind::Place, Some(Region::Taiwan)));
        expect!["大同公司=-"].assert_eq(&names(&["大同公司"], EntityKind::Organisation, Some(Region::Taiwan)));
        expect![[r#"
            耀安邨=Yào'āncūn | Yao'ancun
            大埔社区会堂=-"#]]
        .assert_eq(&names(&[key.as_str(), "大埔社区会堂"], EntityKind::Place, Some(Region::Mainland)));
        let places = ["卢甘斯克", "威尔斯", "梨树区革命烈士陵园", "大埔一二三四五花园", "汉西三路", "中", "耀安邨"];
        expect![[r#"
            卢甘斯克=-
            威尔斯=-
            梨树区革命烈士陵园=-
            大埔一二三四五花园=-
            汉西三路=-
            中=-
            耀安邨=Yào'ān | Yiu On Estate"#]]
        .assert_eq(&names(&places, EntityKind::Place, Some(Region::HongKong)));
        // People keep no English in Hong Kong text.
        expect!["耀安邨=-"].assert_eq(&names(&["耀安邨"], EntityKind::Person, Some(Region::HongKong)));
    }

    #[test]
    fn regions_from_script_and_cue_words() {
        assert_eq!(detect("记者王小明报道", Script::Simplified), Some(Region::Mainland));
        // A Simplified story on Hong Kong, and a mainland one that names Hong Kong in passing.
        assert_eq!(detect("香港特首表示，立法会将讨论港元汇率", Script::Simplified), Some(Region::HongKong));
        assert_eq!(
            detect("新华社电 国务院与香港特区政府签署协议，人民币结算，省委书记出席", Script::Simplified),
            Some(Region::Mainland)
        );
        assert_eq!(detect("台北市长与民进党立委在台湾南部", Script::Simplified), Some(Region::Taiwan));
        assert_eq!(detect("（中央社記者台北15日電）", Script::Traditional), Some(Region::Taiwan));
        assert_eq!(detect("香港特區政府今日宣布", Script::Traditional), Some(Region::HongKong));
        assert_eq!(detect("記者報道", Script::Traditional), None);
        // Districts and counties place a text that names no institution.
        assert_eq!(detect("大埔一屋苑昨日起火", Script::Traditional), Some(Region::HongKong));
        assert_eq!(detect("高雄市昨日發生氣爆", Script::Traditional), Some(Region::Taiwan));
        assert_eq!(detect("這個平台中有三家供應商", Script::Traditional), None);
    }
}
