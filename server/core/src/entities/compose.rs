//! Organisations named by their parts: a known place and the office after it (法國政府 is the
//! Government of France, 智利外交部 the Ministry of Foreign Affairs of Chile). No gazetteer can
//! list every country's every ministry, but each part is known: the place from the gazetteers,
//! the office from [`OFFICES`]. Chinese provinces, cities, counties and districts have offices of
//! their own ([`LOCAL_OFFICES_CN`]: 上海市公安局 is the Shanghai Municipal Public Security
//! Bureau, 武汉卫健委 the Wuhan Health Commission, 江苏银行 the Bank of Jiangsu).

use std::sync::Arc;

use crate::entities::{Entity, EntityKind, Source};
use crate::text::TextRange;

/// Offices that follow a place name, in the lookup (Simplified) form, with the English of the
/// whole (`{}` is the place's English name). Longer offices first, so 市政府 wins over 政府.
/// All but [`LOCAL_OFFICES`] are a country's: after a city (利馬總統府 is the presidential
/// palace in Lima) they are not composed.
const OFFICES: &[(&str, &str)] = &[
    ("驻华大使馆", "Embassy of {} in China"),
    ("总领事馆", "Consulate General of {}"),
    ("大使馆", "Embassy of {}"),
    ("领事馆", "Consulate of {}"),
    ("外交部", "Ministry of Foreign Affairs of {}"),
    ("国防部", "Ministry of Defence of {}"),
    ("内政部", "Ministry of the Interior of {}"),
    ("财政部", "Ministry of Finance of {}"),
    ("卫生部", "Ministry of Health of {}"),
    ("司法部", "Ministry of Justice of {}"),
    ("经济部", "Ministry of Economy of {}"),
    ("交通部", "Ministry of Transport of {}"),
    ("教育部", "Ministry of Education of {}"),
    ("总统府", "Presidential Office of {}"),
    ("市政府", "{} City Government"),
    ("州政府", "{} State Government"),
    ("政府", "Government of {}"),
    ("中央银行", "Central Bank of {}"),
    ("央行", "Central Bank of {}"),
    ("议会", "Parliament of {}"),
    ("国会", "Parliament of {}"),
];

/// The offices a city has too.
const LOCAL_OFFICES: &[&str] = &["市政府", "州政府", "政府", "议会"];

/// True for a place whose gloss says it is a city ("Capital of Peru", "Chengdu subprovincial
/// city…").
fn is_city(place: &Entity) -> bool {
    let gloss = format!("{} {}", place.english, place.description).to_lowercase();
    gloss.contains("capital of") || gloss.contains("city")
}

/// The names of a lookup text with every known place that an office follows joined with it
/// into one organisation. `names` are the resolved names in text order (`None` for a word of
/// an `ignore` list); a name inside the office (外交部 after 智利) is replaced by the whole.
pub fn compose(text: &str, names: Vec<(TextRange, Option<Arc<Entity>>)>) -> Vec<(TextRange, Option<Arc<Entity>>)> {
    let mut out: Vec<(TextRange, Option<Arc<Entity>>)> = Vec::with_capacity(names.len());
    let mut skip_until = 0;
    for (index, (range, entity)) in names.iter().enumerate() {
        if range.start < skip_until {
            continue;
        }
        let composed = entity
            .as_ref()
            .filter(|place| place.kind == EntityKind::Place && !place.english.is_empty())
            .and_then(|place| {
                let (end, organisation) =
                    country_office(text, *range, place).or_else(|| local_office(text, *range, place))?;
                // A later name that starts inside the office must end inside it too (外交部 in
                // 智利外交部 does; a name across its end means the office is not a word here).
                let crosses = names[index + 1..].iter().any(|(other, _)| other.start < end && other.end > end);
                (!crosses).then_some((end, organisation))
            });
        match composed {
            Some((end, organisation)) => {
                out.push((TextRange::new(range.start, end), Some(Arc::new(organisation))));
                skip_until = end;
            }
            None => out.push((*range, entity.clone())),
        }
    }
    out
}

/// A country's office after `place` ([`OFFICES`]), or a city's where it has one.
fn country_office(text: &str, range: TextRange, place: &Entity) -> Option<(usize, Entity)> {
    let (office, english) = OFFICES.iter().find(|(office, _)| text[range.end..].starts_with(office))?;
    if is_city(place) && !LOCAL_OFFICES.contains(office) {
        return None;
    }
    let end = range.end + office.len();
    let english = english.replace("{}", &with_article(&place.english));
    Some((end, organisation(&text[range.start..end], place, office, english)))
}

/// An administrative level: its character and two English renderings (see [`LEVELS`]).
type Level = (char, &'static str, &'static str);

/// Administrative levels a Chinese place name may end with, and the English they give an
/// office that names its level ("Municipal" in the Shanghai Municipal Public Security Bureau)
/// and one that does not (the Jiangsu High People's Court, but the Xiangshui County People's
/// Court: a county's or a district's level is part of its name).
const LEVELS: &[Level] =
    &[('省', "Provincial", ""), ('市', "Municipal", ""), ('县', "County", "County"), ('区', "District", "District")];

/// Offices of Chinese local governments and the bodies named after their place, in the lookup
/// (Simplified) form, with the English of the whole: `{}` is the place's English name with its
/// level when `with_level` (see [`LEVELS`]). The English follows the names the governments and
/// bodies use themselves on their English sites (the Shanghai Municipal Public Security Bureau,
/// the Beijing Municipal Health Commission, the Jiangsu Provincial Department of Ecology and
/// Environment, the Shanghai Municipal Administration for Market Regulation, the Wuhan
/// Municipal Center for Disease Control and Prevention, the Jiangsu High People's Court, the
/// Bank of Shanghai, Shanghai Customs, the Hunan Museum, Guangzhou Daily). Bureaux (局) are a
/// city's or a county's, departments (厅) a province's. Longer offices first.
///
/// Left out on purpose: hospitals (武汉市中心医院 is the Central Hospital of Wuhan, 江苏省人民医院
/// Jiangsu Province Hospital: no one pattern), subway systems (Shanghai Metro but Beijing
/// Subway), and offices that Hong Kong, Macau and Taiwan name differently (only mainland places
/// compose, see [`is_mainland`]).
const LOCAL_OFFICES_CN: &[LocalOffice] = &[
    LocalOffice::new("卫生健康委员会", "{} Health Commission", true),
    LocalOffice::new("卫健委", "{} Health Commission", true),
    LocalOffice::new("卫生和计划生育委员会", "{} Health and Family Planning Commission", true),
    LocalOffice::new("卫计委", "{} Health and Family Planning Commission", true),
    LocalOffice::new("卫生健康局", "{} Health Bureau", true),
    LocalOffice::new("卫健局", "{} Health Bureau", true),
    LocalOffice::new("卫生局", "{} Health Bureau", true),
    LocalOffice::new("疾病预防控制中心", "{} Center for Disease Control and Prevention", true),
    LocalOffice::new("疾控中心", "{} Center for Disease Control and Prevention", true),
    LocalOffice::new("公安局", "{} Public Security Bureau", true),
    LocalOffice::new("公安厅", "{} Department of Public Security", true),
    LocalOffice::new("生态环境局", "{} Ecology and Environment Bureau", true),
    LocalOffice::new("生态环境厅", "{} Department of Ecology and Environment", true),
    LocalOffice::new("环境保护局", "{} Environmental Protection Bureau", true),
    LocalOffice::new("环保局", "{} Environmental Protection Bureau", true),
    LocalOffice::new("环境保护厅", "{} Department of Environmental Protection", true),
    LocalOffice::new("环保厅", "{} Department of Environmental Protection", true),
    LocalOffice::new("应急管理局", "{} Emergency Management Bureau", true),
    LocalOffice::new("应急管理厅", "{} Department of Emergency Management", true),
    LocalOffice::new("市场监督管理局", "{} Administration for Market Regulation", true),
    LocalOffice::new("市场监管局", "{} Administration for Market Regulation", true),
    LocalOffice::new("消防救援总队", "{} Fire and Rescue Corps", true),
    LocalOffice::new("消防救援支队", "{} Fire and Rescue Detachment", true),
    LocalOffice::new("发展和改革委员会", "{} Development and Reform Commission", true),
    LocalOffice::new("发改委", "{} Development and Reform Commission", true),
    LocalOffice::new("住房和城乡建设局", "{} Housing and Urban-Rural Development Bureau", true),
    LocalOffice::new("住建局", "{} Housing and Urban-Rural Development Bureau", true),
    LocalOffice::new("住房和城乡建设厅", "{} Department of Housing and Urban-Rural Development", true),
    LocalOffice::new("住建厅", "{} Department of Housing and Urban-Rural Development", true),
    LocalOffice::new("教育局", "{} Education Bureau", true),
    LocalOffice::new("教育厅", "{} Department of Education", true),
    LocalOffice::new("民政局", "{} Civil Affairs Bureau", true),
    LocalOffice::new("民政厅", "{} Department of Civil Affairs", true),
    LocalOffice::new("统计局", "{} Bureau of Statistics", true),
    LocalOffice::new("气象局", "{} Meteorological Bureau", true),
    LocalOffice::new("气象台", "{} Meteorological Observatory", true),
    LocalOffice::new("人民政府", "{} People's Government", true),
    LocalOffice::new("人民检察院", "{} People's Procuratorate", true),
    LocalOffice::new("检察院", "{} People's Procuratorate", true),
    LocalOffice::new("高级人民法院", "{} High People's Court", false),
    LocalOffice::new("中级人民法院", "{} Intermediate People's Court", false),
    LocalOffice::new("中院", "{} Intermediate People's Court", false),
    LocalOffice::new("人民法院", "{} People's Court", false),
    LocalOffice::new("新闻办公室", "{} Information Office", true),
    LocalOffice::new("新闻办", "{} Information Office", true),
    LocalOffice::new("供电局", "{} Power Supply Bureau", false),
    LocalOffice::new("海关", "{} Customs", false),
    LocalOffice::new("博物馆", "{} Museum", false),
    LocalOffice::new("博物院", "{} Museum", false),
    LocalOffice::new("农村商业银行", "{} Rural Commercial Bank", false),
    LocalOffice::new("农商银行", "{} Rural Commercial Bank", false),
    LocalOffice::new("银行", "Bank of {}", false),
    LocalOffice::new("日报", "{} Daily", false),
    LocalOffice::new("晚报", "{} Evening News", false),
    LocalOffice::new("电视台", "{} Television", false),
    LocalOffice::new("卫视", "{} Satellite TV", false),
];

/// One row of [`LOCAL_OFFICES_CN`].
struct LocalOffice {
    office: &'static str,
    english: &'static str,
    with_level: bool,
}

impl LocalOffice {
    const fn new(office: &'static str, english: &'static str, with_level: bool) -> LocalOffice {
        LocalOffice { office, english, with_level }
    }
}

/// Mainland provinces, autonomous regions and municipalities, as the gazetteers write them in
/// English: a place whose gloss names one is on the mainland.
const MAINLAND: &[&str] = &[
    "Beijing",
    "Tianjin",
    "Shanghai",
    "Chongqing",
    "Hebei",
    "Shanxi",
    "Liaoning",
    "Jilin",
    "Heilongjiang",
    "Jiangsu",
    "Zhejiang",
    "Anhui",
    "Fujian",
    "Jiangxi",
    "Shandong",
    "Henan",
    "Hubei",
    "Hunan",
    "Guangdong",
    "Hainan",
    "Sichuan",
    "Guizhou",
    "Yunnan",
    "Shaanxi",
    "Gansu",
    "Qinghai",
    "Inner Mongolia",
    "Guangxi",
    "Tibet",
    "Ningxia",
    "Xinjiang",
];

/// True for a place on the Chinese mainland: its gloss names a province (Yancheng,
/// "prefecture-level city in Jiangsu"), or China and not Hong Kong, Macau or Taiwan.
fn is_mainland(place: &Entity) -> bool {
    let gloss = format!("{} {}", place.english, place.description);
    let words: Vec<&str> = gloss.split(|c: char| !c.is_alphanumeric()).collect();
    let names = |name: &str| {
        let parts: Vec<&str> = name.split(' ').collect();
        words.windows(parts.len()).any(|window| window == parts.as_slice())
    };
    MAINLAND.iter().any(|province| names(province))
        || (["China", "PRC"].iter().any(|c| names(c))
            && !["Hong Kong", "Macau", "Macao", "Taiwan"].iter().any(|c| names(c)))
}

/// The place's name in English without what a dictionary adds ("Xiangshui county in
/// Yancheng…" is Xiangshui, "Tibet (Xizang)" Tibet): its leading capitalised words.
fn short_english(english: &str) -> String {
    let words: Vec<&str> = english
        .split([',', '(', ';'])
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .take_while(|word| word.chars().next().is_some_and(char::is_uppercase))
        .collect();
    words.join(" ")
}

/// An office of [`LOCAL_OFFICES_CN`] after a mainland place, with the place's level between
/// them or at the end of the place's name (上海市|公安局, 盐城|市|环保局, 武汉|卫健委), or the
/// office beginning with the level's character (上海市|市场监管局 read as 上海|市场监管局).
fn local_office(text: &str, range: TextRange, place: &Entity) -> Option<(usize, Entity)> {
    if !is_mainland(place) {
        return None;
    }
    let name = &text[range.as_range()];
    let level_of = |c: Option<char>| LEVELS.iter().find(|(level, _, _)| Some(*level) == c);
    // Where the office name would start, and the level character it follows, if any.
    let mut tries: Vec<(usize, Option<&Level>)> = Vec::new();
    let own = level_of(name.chars().last()).filter(|_| name.chars().count() > 2);
    tries.push((range.end, own));
    if own.is_none()
        && let Some(level) = level_of(text[range.end..].chars().next())
    {
        tries.push((range.end + level.0.len_utf8(), Some(level)));
    }
    if let Some(level) = own {
        tries.push((range.end - level.0.len_utf8(), None));
    }
    let (start, level, office) = tries.into_iter().find_map(|(start, level)| {
        let office = LOCAL_OFFICES_CN.iter().find(|office| text[start..].starts_with(office.office))?;
        Some((start, level, office))
    })?;
    let base = short_english(&place.english);
    if base.is_empty() {
        return None;
    }
    let level_english = level.map_or("", |&(_, with, without)| if office.with_level { with } else { without });
    let already = ["Province", "City", "County", "District", "Area", "Region"].iter().any(|w| base.ends_with(w));
    let place_english = if level_english.is_empty() || already { base } else { format!("{base} {level_english}") };
    let end = start + office.office.len();
    // 银行业 is banking and 教育界 the world of education: an office followed by 业 or 界 names
    // a sector, not one body.
    if text[end..].starts_with(['业', '界']) {
        return None;
    }
    let english = office.english.replace("{}", &place_english);
    Some((end, organisation(&text[range.start..end], place, office.office, english)))
}

fn organisation(key: &str, place: &Entity, office: &str, english: String) -> Entity {
    Entity {
        id: format!("composed:{key}"),
        kind: EntityKind::Organisation,
        traditional: key.to_owned(),
        simplified: key.to_owned(),
        aliases: Vec::new(),
        english,
        description: format!("{} ({}) + {office}", place.english, place.simplified),
        pinyin: String::new(),
        as_of: None,
        source: Source::Composed,
    }
}

/// "the United States", "the Philippines": the names English writes with an article after "of".
fn with_article(name: &str) -> String {
    let needs = ["United ", "Republic", "Kingdom", "Netherlands", "Philippines", "Bahamas"];
    if needs.iter().any(|word| name.contains(word)) { format!("the {name}") } else { name.to_owned() }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use crate::document::Document;
    use crate::entities::{EntityIndex, Options, recognise};

    fn check(text: &str, expect: Expect) {
        let mentions = recognise(&Document::new(text), EntityIndex::builtin(), Options::NONE);
        let shown: Vec<String> = mentions
            .iter()
            .map(|m| format!("{}={} ({})", &text[m.range.as_range()], m.entity.english, m.entity.id))
            .collect();
        expect.assert_eq(&shown.join("\n"));
    }

    #[test]
    fn a_place_and_an_office_make_an_organisation() {
        check(
            "法國政府表示，智利外交部發表聲明，美國駐華大使館",
            expect![[r#"
                法國政府=Government of France (composed:法国政府)
                智利外交部=Ministry of Foreign Affairs of Chile (composed:智利外交部)
                美國駐華大使館=Embassy of the United States in China (composed:美国驻华大使馆)"#]],
        );
    }

    #[test]
    fn a_city_has_a_government_but_no_presidential_office() {
        check(
            "博魯阿爾特在利馬總統府出席，利馬市政府",
            expect![[r#"
                博魯阿爾特=Dina Boluarte (dina-boluarte)
                利馬=Lima (lima)
                利馬市政府=Lima City Government (composed:利马市政府)"#]],
        );
    }

    #[test]
    fn an_office_without_a_place_before_it_is_itself() {
        check(
            "外交部發言人在北京表示",
            expect![[r#"
            外交部=Ministry of Foreign Affairs of the PRC (mfa)
            北京=Beijing (beijing)"#]],
        );
    }

    #[test]
    fn a_chinese_place_and_a_local_office_make_an_organisation() {
        check(
            "上海市公安局通報，武漢衛健委稱，江蘇省消防救援總隊趕到，鹽城市環保局和響水縣環保局回應，廣州市場監管局抽查",
            expect![[r#"
                上海市公安局=Shanghai Municipal Public Security Bureau (composed:上海市公安局)
                武漢衛健委=Wuhan Health Commission (composed:武汉卫健委)
                江蘇省消防救援總隊=Jiangsu Provincial Fire and Rescue Corps (composed:江苏省消防救援总队)
                鹽城市環保局=Yancheng Municipal Environmental Protection Bureau (composed:盐城市环保局)
                響水縣環保局=Xiangshui County Environmental Protection Bureau (composed:响水县环保局)
                廣州市場監管局=Guangzhou Administration for Market Regulation (composed:广州市场监管局)"#]],
        );
    }

    #[test]
    fn courts_banks_and_papers_take_the_place_without_its_level() {
        check(
            "江苏省高级人民法院驳回上诉，江苏银行与上海日报，湖南省博物馆",
            expect![[r#"
                江苏省高级人民法院=Jiangsu High People's Court (composed:江苏省高级人民法院)
                江苏银行=Bank of Jiangsu (composed:江苏银行)
                上海日报=Shanghai Daily (composed:上海日报)
                湖南省博物馆=Hunan Museum (composed:湖南省博物馆)"#]],
        );
    }

    #[test]
    fn a_local_office_needs_a_mainland_place_and_a_whole_word() {
        check(
            "江苏银行业人士走访台北市教育局与香港海关，东京统计局",
            expect![[r#"
                江苏=Jiangsu (jiangsu)
                台北市=Taipei (taipei)
                教育局=Education Bureau (hk-education-bureau)
                香港海关=Customs and Excise Department (hk-customs)
                东京=Tokyo (tokyo)"#]],
        );
    }
}
