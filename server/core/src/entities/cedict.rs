//! The proper-noun subset of CC-CEDICT (CC BY-SA 4.0, MDBG; see `server/data/cedict/NOTICE`),
//! embedded gzip-compressed and parsed on first use.
//!
//! Only headwords of two or more Han characters are used: single characters are surnames and
//! one-character abbreviations (京, 滬, 美) that would mark half the text. Entries that are only
//! a surname, a variant or a cross-reference are skipped. CC-CEDICT does not say what kind of
//! name an entry is; [`guess_kind`] reads it off the English definition.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use crate::entities::pinyin::numbered_to_marked;
use crate::entities::{Entity, EntityKind, Source};
use crate::text::is_han;

/// The subset as text: `build.rs` decompresses `server/data/cedict/cedict-proper-nouns.txt.gz`
/// at build time, so start-up does not gunzip it (see `benches/entity_index.rs`).
const CEDICT_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/cedict-proper-nouns.txt"));

/// The attribution shown by `zhnews about` and in hovers that quote CC-CEDICT.
pub const ATTRIBUTION: &str = "CC-CEDICT (proper-noun subset, filtered by zhnews), published by MDBG, \
     CC BY-SA 4.0; based on CEDICT, Copyright (C) 1997, 1998 Paul Andrew Denisowski";

/// The release of CC-CEDICT that is embedded.
pub fn release_date() -> &'static str {
    "2023-11-07"
}

/// One headword: the names to match and the dictionary lines it comes from. The [`Entity`] is
/// made from the lines on first use (pinyin with tone marks, kind, English name), so loading
/// the dictionary only splits lines.
#[derive(Debug)]
pub struct Entry<'a> {
    pub traditional: &'a str,
    pub simplified: &'a str,
    /// The first line and the lines of further entries for the same headword.
    line: &'a str,
    more: Vec<&'a str>,
    entity: OnceLock<Arc<Entity>>,
}

impl Entry<'_> {
    /// The entity of this headword (built once).
    pub fn entity(&self) -> &Arc<Entity> {
        self.entity.get_or_init(|| Arc::new(make_entity(self.line, &self.more)))
    }
}

/// The usable entries of a CC-CEDICT text, one per Simplified headword.
#[derive(Debug, Default)]
pub struct Cedict<'a> {
    pub entries: Vec<Entry<'a>>,
    /// The readings of surnames, by Simplified headword, in CC-CEDICT's numbered pinyin: `单`
    /// is `Shan4`, `曾` `Zeng1`, `欧阳` `Ou1 yang2`, from the entries glossed "surname X" and
    /// "two-character surname X". A few characters have two (`翟` `Di2` and `Zhai2`).
    pub surnames: HashMap<&'a str, Vec<&'a str>>,
}

impl Cedict<'_> {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The embedded CC-CEDICT entries (split once, on first use).
pub fn gazetteer() -> &'static Cedict<'static> {
    static CEDICT: OnceLock<Cedict<'static>> = OnceLock::new();
    CEDICT.get_or_init(load)
}

/// Splits the embedded subset (uncached; [`gazetteer`] caches it).
pub fn load() -> Cedict<'static> {
    parse(CEDICT_TEXT)
}

/// Parses CC-CEDICT lines (`傳統 传统 [chuan2 tong3] /definition/.../`), keeping the entries
/// worth matching: two or more Han characters, not only a surname, variant or cross-reference,
/// not a two-character pair news text forms by accident ([`is_noise_pair`]).
pub fn parse(text: &str) -> Cedict<'_> {
    let mut entries: Vec<Entry<'_>> = Vec::new();
    let mut surnames: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut by_headword: HashMap<&str, usize> = HashMap::new();
    for line in text.lines().filter(|line| !line.starts_with('#')) {
        let Some((traditional, simplified, pinyin, definitions)) = split_line(line) else {
            continue;
        };
        let definitions: Vec<&str> = definitions.collect();
        if definitions.iter().any(|d| is_surname(d)) && !surnames.get(simplified).is_some_and(|r| r.contains(&pinyin)) {
            surnames.entry(simplified).or_default().push(pinyin);
        }
        let definitions = definitions.into_iter();
        if simplified.chars().filter(|&c| is_han(c)).count() < 2 || !simplified.chars().all(|c| is_han(c) || c == '·')
        {
            continue;
        }
        let mut definitions = definitions.filter(|d| !is_reference(d)).peekable();
        if definitions.peek().is_none() {
            continue;
        }
        if simplified.chars().count() == 2 && is_noise_pair(simplified, &definitions.collect::<Vec<_>>().join("; ")) {
            continue;
        }
        match by_headword.get(simplified) {
            // A second entry for the same name (another person, another reading): the first
            // is the gloss, the others are mentioned.
            Some(&index) => entries[index].more.push(line),
            None => {
                by_headword.insert(simplified, entries.len());
                entries.push(Entry { traditional, simplified, line, more: Vec::new(), entity: OnceLock::new() });
            }
        }
    }
    Cedict { entries, surnames }
}

/// True for a definition that says the headword is a surname ("surname Shan", "two-character
/// surname Ouyang").
fn is_surname(definition: &str) -> bool {
    ["surname ", "two-character surname ", "compound surname "].iter().any(|prefix| definition.starts_with(prefix))
}

/// The entity of a headword from its first line and the lines of further entries.
fn make_entity(line: &str, more: &[&str]) -> Entity {
    let usable = |line: &str| -> Option<(String, String, String, Vec<String>)> {
        let (traditional, simplified, pinyin, definitions) = split_line(line)?;
        let definitions: Vec<String> = definitions.filter(|d| !is_reference(d)).map(str::to_owned).collect();
        Some((traditional.to_owned(), simplified.to_owned(), pinyin.to_owned(), definitions))
    };
    let Some((traditional, simplified, pinyin, definitions)) = usable(line) else {
        return Entity {
            id: format!("cedict:{line}"),
            kind: EntityKind::Other,
            traditional: String::new(),
            simplified: String::new(),
            aliases: Vec::new(),
            english: String::new(),
            description: String::new(),
            pinyin: String::new(),
            as_of: None,
            source: Source::Cedict,
        };
    };
    let mut description = definitions.join("; ");
    for (_, _, _, others) in more.iter().filter_map(|line| usable(line)) {
        description.push_str(" | ");
        description.push_str(&others.join("; "));
    }
    Entity {
        id: format!("cedict:{simplified}"),
        kind: guess_kind(&definitions.join("; ")),
        english: definitions.first().map(|first| english_name(first)).unwrap_or_default(),
        traditional,
        simplified,
        aliases: Vec::new(),
        description,
        pinyin: numbered_to_marked(&pinyin),
        as_of: None,
        source: Source::Cedict,
    }
}

fn split_line(line: &str) -> Option<(&str, &str, &str, impl Iterator<Item = &str>)> {
    let (head, rest) = line.split_once(" [")?;
    let (traditional, simplified) = head.split_once(' ')?;
    let (pinyin, definitions) = rest.split_once("] /")?;
    let definitions = definitions.trim_end().trim_end_matches('/').split('/').filter(|d| !d.is_empty());
    Some((traditional, simplified, pinyin, definitions))
}

/// Two-character entries that news text forms across word boundaries far more often than it
/// names them (measured on the shared corpus): counties, townships and districts (興和, 大城,
/// 新豐), brands and companies (大發 Daihatsu, 好時 Hershey's), abbreviations (國關, 經合), relations
/// (巴以, 中西, 國共) and X國 country abbreviations (加國 in 增加國際).
///
/// A city of prefecture level or above, a municipality or a capital is never noise, whatever
/// else its gloss says ([`names_a_city`]): glosses such as "Nanchang, prefecture-level city and
/// capital of Jiangxi province…; also Nanchang county" or "Chengdu subprovincial city and
/// capital of Sichuan" matched the county and pair wordings and lost 广州, 成都, 杭州, 昆明, 沈阳,
/// 福州 and 兰州 among others (`tests::cities_and_capitals_are_kept` lists what must stay).
fn is_noise_pair(simplified: &str, definitions: &str) -> bool {
    let d = definitions.to_ascii_lowercase();
    if d.split("; ").any(names_a_city) {
        return false;
    }
    let noise = [
        "county",
        "township",
        "district",
        "town ",
        "village",
        "abbr. for",
        "(brand)",
        "company",
        "relations",
        "korean term",
    ];
    // "China and the West", "Chengdu and Chongqing": a pair, not a name ("Zhengzhou, … city and
    // capital of Henan" has a comma first).
    let first = d.split(';').next().unwrap_or("");
    let pair = first.contains(" and ") && !first.contains(',');
    simplified.ends_with('国') || pair || noise.iter().any(|word| d.contains(word))
}

/// The kinds of city CC-CEDICT's glosses name: they keep a headword ([`names_a_city`]) and end
/// its English name ([`english_name`]).
const CITY_KINDS: &[&str] =
    &["prefecture-level city", "prefecture level city", "subprovincial city", "sub-provincial city"];

/// True when a (lower-case) definition says its headword is a city: a prefecture-level or
/// subprovincial city, a municipality, a capital, or a name glossed as "X city", with no word
/// of a lower level before it ("Shangrao, prefecture-level city and county in Jiangxi" is one;
/// "Fengdu county Chongqing municipality", "Sanhe, county-level city in Langfang", "Qidu
/// district of Keelung city" and "Yizhuang town in Beijing municipality" are not).
fn names_a_city(definition: &str) -> bool {
    const CITY: &[&str] = &[
        "municipality",
        "capital of",
        "capital city of",
        // A name glossed as a city directly: Taiwan's cities and counties ("Xinzhu or Hsinchu
        // city in northern Taiwan", "Chiayi, a city and county in west Taiwan") and the cities
        // that are prefectures ("Bijie city and prefecture in Guizhou").
        " city",
    ];
    const LOWER: &[&str] = &["county", "district", "town", "suburb", "village"];
    let Some(at) = CITY_KINDS.iter().chain(CITY).filter_map(|word| definition.find(word)).min() else {
        return false;
    };
    !LOWER.iter().any(|word| definition[..at].contains(word))
}

fn is_reference(definition: &str) -> bool {
    let starts = |prefix: &str| definition.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix));
    ["surname ", "variant of", "old variant", "see ", "used in ", "cl:"].into_iter().any(starts)
}

/// The English name: the definition up to its first comma or parenthesis (`Lima, capital of
/// Peru` gives `Lima`), or up to the kind of city it is (`Chengdu subprovincial city and
/// capital of Sichuan` gives `Chengdu`).
fn english_name(definition: &str) -> String {
    // Where a kind of city follows the name after a space (`Chengdu subprovincial city…`).
    let after_name = |word: &str| {
        definition.match_indices(word).map(|(at, _)| at).find(|&at| definition[..at].ends_with(' ')).map(|at| at - 1)
    };
    let cut = CITY_KINDS
        .iter()
        .chain(&["city and "])
        .filter_map(|word| after_name(word))
        .chain(definition.find([',', '(', ';']))
        .min()
        .unwrap_or(definition.len());
    let name = definition[..cut].trim();
    let name = if name.is_empty() { definition.trim() } else { name };
    division_name(name).unwrap_or_else(|| without_references(name))
}

/// Words of CC-CEDICT's glosses for a division or a feature, which its English name ends in
/// (`Santai county in Mianyang 綿陽|绵阳[Mian2 yang2]` is Santai County).
const DIVISIONS: &[&str] = &[
    "autonomous county",
    "suburban district",
    "county",
    "district",
    "township",
    "town",
    "banner",
    "city",
    "prefecture",
    "river",
    "lake",
    "mountain",
];

/// The name of a division as CC-CEDICT's gloss of a county, a district or a town gives it
/// ("Qixing district of Guilin city 桂林市[…]", "Neipu Township in Pingtung County 屏東縣|屏东县[…]"):
/// the words before the first division word that `in`, `of` or `or` follows, that word
/// capitalised, as the place's own signs write it (Qixing District, Neipu Township). 5,006
/// first glosses of the subset carry a cross-reference this way; an English name ends before it.
fn division_name(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let (at, division) = DIVISIONS
        .iter()
        .filter_map(|division| {
            [" in ", " of ", " or "]
                .iter()
                .filter_map(|link| lower.find(&format!(" {division}{link}")))
                .min()
                .map(|at| (at, *division))
        })
        .min_by_key(|&(at, division)| (at, std::cmp::Reverse(division.len())))?;
    let head = name[..at].trim();
    if head.is_empty() || !head.is_ascii() {
        return None;
    }
    let title: Vec<String> = division.split(' ').map(|word| word[..1].to_ascii_uppercase() + &word[1..]).collect();
    Some(format!("{head} {}", title.join(" ")))
}

/// `name` without CC-CEDICT's cross-references (`綿陽|绵阳[Mian2 yang2]`, `孔夫子[Kong3 fu1 zi3]`):
/// the text up to the first Han character, bracket or bar.
fn without_references(name: &str) -> String {
    let end = name.find(|c: char| c == '[' || c == '|' || crate::text::is_han(c)).unwrap_or(name.len());
    let kept = name[..end].trim();
    // "abbr. for 上海交通大學|…" names nothing without what it refers to.
    let dangling = ["for", "of", "to", "in", "see", "and", "or"].iter().any(|word| kept.ends_with(&format!(" {word}")));
    if kept.is_empty() || dangling { name.to_owned() } else { kept.to_owned() }
}

/// The kind of name a CC-CEDICT definition describes, from its wording.
pub fn guess_kind(definitions: &str) -> EntityKind {
    let d = definitions.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| d.contains(w));
    let lifespan = d.char_indices().any(|(i, c)| {
        c == '(' && d[i + 1..].chars().take_while(|c| c.is_ascii_digit()).count() >= 3 && d[i + 1..].contains('-')
    });
    if lifespan
        || has(&[
            "(name)",
            "emperor",
            "poet",
            "politician",
            "general ",
            "philosopher",
            "writer",
            "novelist",
            "painter",
            "king of",
            "president of",
            "actor",
            "actress",
            "singer",
            "scientist",
        ])
    {
        return EntityKind::Person;
    }
    if has(&[
        "ministry",
        "party",
        "agency",
        "university",
        "company",
        "corporation",
        "organization",
        "organisation",
        "association",
        "bank",
        "council",
        "committee",
        "institute",
        "academy",
        "newspaper",
        "bureau",
        "commission",
        "league",
        "federation",
        "army",
        "administration",
        "department of",
        "college",
        "television",
        "inc.",
    ]) {
        return EntityKind::Organisation;
    }
    if has(&[
        "capital",
        "province",
        "city",
        "county",
        "district",
        "prefecture",
        "river",
        "mountain",
        "lake",
        "island",
        "country",
        "republic",
        "kingdom",
        "sea",
        "ocean",
        "region",
        "state",
        "town",
        "village",
        "peninsula",
        "desert",
        "port",
        "bay",
        "strait",
        "continent",
        "municipality",
        "canal",
        "valley",
        "plateau",
    ]) {
        return EntityKind::Place;
    }
    if has(&["war", "battle", "uprising", "incident", "rebellion", "revolution", "olympic"]) {
        return EntityKind::Event;
    }
    EntityKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_subset_loads() {
        let cedict = gazetteer();
        assert!(cedict.len() > 15_000, "{}", cedict.len());
        let find = |name: &str| cedict.entries.iter().find(|e| e.simplified == name).unwrap().entity();
        let xi = find("习近平");
        assert_eq!(xi.traditional, "習近平");
        assert_eq!(xi.pinyin, "Xí Jìnpíng");
        assert_eq!(xi.kind, EntityKind::Person);
        let lima = find("利马");
        assert_eq!(lima.english, "Lima");
        assert_eq!(lima.kind, EntityKind::Place);
        assert_eq!(find("成都").english, "Chengdu");
        assert_eq!(cedict.surnames["单"], ["Shan4"]);
        assert_eq!(cedict.surnames["曾"], ["Zeng1"]);
        assert_eq!(cedict.surnames["区"], ["Ou1"]);
        assert_eq!(cedict.surnames["仇"], ["Qiu2"]);
        assert_eq!(cedict.surnames["欧阳"], ["Ou1 yang2"]);
        assert_eq!(cedict.surnames["司马"], ["Si1 ma3"]);
        assert_eq!(cedict.surnames["翟"], ["Di2", "Zhai2"]);
        assert_eq!(find("兰州").english, "Lanzhou");
        // Counties, districts and towns: their name and the division, not the cross-reference.
        assert_eq!(find("南陵县").english, "Nanling County");
        assert_eq!(find("七星区").english, "Qixing District");
        assert_eq!(find("三台县").english, "Santai County");
    }

    /// The two-character municipalities, provincial capitals and prefecture-level cities of
    /// the PRC, and the special municipalities and cities of Taiwan, by province (written from
    /// the administrative divisions, not from CC-CEDICT). Names of three or more characters
    /// (石家庄, 哈尔滨, 呼和浩特) are never dropped as pairs.
    const CITIES: &[&str] = &[
        "北京 天津 上海 重庆",
        "唐山 邯郸 邢台 保定 承德 沧州 廊坊 衡水",
        "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁",
        "包头 乌海 赤峰 通辽",
        "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭",
        "长春 吉林 四平 辽源 通化 白山 松原 白城",
        "鸡西 鹤岗 大庆 伊春 黑河 绥化",
        "南京 无锡 徐州 常州 苏州 南通 淮安 盐城 扬州 镇江 泰州 宿迁",
        "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水",
        "合肥 芜湖 蚌埠 淮南 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城",
        "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德",
        "南昌 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶",
        "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽",
        "郑州 开封 洛阳 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 南阳 商丘 信阳 周口",
        "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州",
        "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 益阳 郴州 永州 怀化 娄底",
        "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮",
        "南宁 柳州 桂林 梧州 北海 钦州 贵港 玉林 百色 贺州 河池 崇左",
        "海口 三亚 儋州",
        "成都 自贡 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳",
        "贵阳 遵义 安顺 毕节 铜仁",
        "昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧",
        "拉萨 昌都",
        "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛",
        "兰州 金昌 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南",
        "西宁 银川 吴忠 固原 中卫 哈密",
        "台北 新北 桃园 台中 台南 高雄 基隆 新竹 嘉义",
    ];

    /// Cities of the list that the embedded subset does not have as cities: their headwords are
    /// ordinary words too (包头 "to take the lead", 海口 "to boast"), which `make-subset.py`
    /// leaves out, or the subset has only another sense (大同 "Great Harmony").
    const NOT_IN_THE_SUBSET: &[&str] = &["包头", "日照", "开封", "海口", "安康", "大同"];

    #[test]
    fn cities_and_capitals_are_kept() {
        let cedict = gazetteer();
        let kept: HashMap<&str, &Entry<'_>> = cedict.entries.iter().map(|e| (e.simplified, e)).collect();
        let mut missing = Vec::new();
        for city in CITIES.iter().flat_map(|line| line.split(' ')) {
            match kept.get(city) {
                Some(entry) if entry.entity().kind == EntityKind::Place => {}
                _ if NOT_IN_THE_SUBSET.contains(&city) => {}
                _ => missing.push(city),
            }
        }
        assert!(missing.is_empty(), "dropped or not a place: {missing:?}");
        // The exceptions stay true: a city that becomes a place is taken off the list.
        for city in NOT_IN_THE_SUBSET {
            assert!(kept.get(city).is_none_or(|e| e.entity().kind != EntityKind::Place), "{city} is kept now");
        }
    }

    #[test]
    fn city_glosses_outrank_the_noise_wordings() {
        let keeps = [
            "Nanchang, prefecture-level city and capital of Jiangxi province; also Nanchang county",
            "Chengdu subprovincial city and capital of Sichuan province 四川 in southwest China",
            "Shangrao, prefecture-level city and county in Jiangxi",
            "Lanzhou prefecture-level city and capital of Gansu province 甘肅|甘肃[Gan1 su4]",
        ];
        for gloss in keeps {
            assert!(!is_noise_pair("某地", gloss), "{gloss}");
        }
        let drops = [
            "Sanhe, county-level city in Langfang 廊坊[Lang2 fang2], Hebei",
            "Fengdu county Chongqing municipality",
            "Yizhuang town in Beijing municipality",
            "Nankai district of Tianjin municipality 天津市[Tian1 jin1 shi4]",
            "China and the West",
        ];
        for gloss in drops {
            assert!(is_noise_pair("某地", gloss), "{gloss}");
        }
    }

    #[test]
    fn lines_are_parsed_and_references_skipped() {
        let text = "# header\n利馬 利马 [Li4 ma3] /Lima, capital of Peru/\n王 王 [Wang2] /surname Wang/\n\
                    新華社 新华社 [Xin1 hua2 she4] /Xinhua News Agency/\n某某 某某 [Mou3 mou3] /see 某[mou3]/\n\
                    利馬 利马 [Li4 ma3] /Lima, city in Ohio/\n";
        let parsed = parse(text);
        let names: Vec<(String, String, EntityKind)> = parsed
            .entries
            .iter()
            .map(|e| e.entity())
            .map(|e| (e.traditional.clone(), e.english.clone(), e.kind))
            .collect();
        assert_eq!(
            names,
            [
                ("利馬".to_owned(), "Lima".to_owned(), EntityKind::Place),
                ("新華社".to_owned(), "Xinhua News Agency".to_owned(), EntityKind::Organisation)
            ]
        );
        let lima = parsed.entries[0].entity();
        assert_eq!(lima.description, "Lima, capital of Peru | Lima, city in Ohio");
        assert_eq!(lima.pinyin, "Lìmǎ");
    }
}
