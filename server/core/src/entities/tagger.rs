//! Guesses for names no gazetteer knows, from jieba-rs part-of-speech tags: `nr`, `nrfg`, `nrt`
//! (people), `ns` (places), `nt` (organisations).
//!
//! jieba's dictionary is Simplified, so it tags the lookup form of the text (see
//! [`super::normalise`]), which has the same characters as the original. Loading jieba takes
//! about 150 ms and 46 MB, so it never happens on a request path: [`tagger`] only returns it
//! once some caller (the LSP in a background task, the CLI up front) has run [`load`]. The
//! curated gazetteer's names go into jieba's user dictionary with their tags so it segments
//! them whole.

use std::sync::OnceLock;

use jieba_rs::Jieba;

use crate::entities::gazetteer::Gazetteer;
use crate::entities::{Entity, EntityKind, Source, normalise, romanise, transliteration};
use crate::text::{TextRange, is_han};

pub struct Tagger {
    jieba: Jieba,
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tagger")
    }
}

static TAGGER: OnceLock<Tagger> = OnceLock::new();

/// The tagger if it has loaded; never blocks.
pub fn tagger() -> Option<&'static Tagger> {
    TAGGER.get()
}

/// Loads the tagger (blocking, once); later calls return at once.
pub fn load() -> &'static Tagger {
    TAGGER.get_or_init(Tagger::new)
}

impl Tagger {
    fn new() -> Tagger {
        let mut jieba = Jieba::new();
        for entity in &Gazetteer::curated().entities {
            let tag = match entity.kind {
                EntityKind::Person => "nr",
                EntityKind::Place => "ns",
                EntityKind::Organisation => "nt",
                EntityKind::Event | EntityKind::Other => "nz",
            };
            for name in std::iter::once(&entity.simplified).chain(&entity.aliases) {
                let key = normalise(name);
                if key.chars().count() >= 2 && key.chars().all(is_han) {
                    jieba.add_word(&key, None, Some(tag));
                }
            }
        }
        // jieba parses its part-of-speech model on the first text with a word outside its
        // dictionary (~50 ms): here, while loading, not in the first analysis that guesses.
        jieba.tag("韦斯卡帕尔多表示", true);
        Tagger { jieba }
    }

    /// The names jieba proposes in a Simplified lookup text, with their kinds: words outside
    /// jieba's dictionary that it tags as names *and* that stand in a context that says so
    /// ([`has_cue`]). On the shared corpus, tags alone were right for about one in fifty.
    pub fn candidates(&self, text: &str) -> Vec<(TextRange, EntityKind)> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .filter(|tag| has_cue(text, TextRange::new(tag.byte_start, tag.byte_end), tag.tag))
            .filter_map(|tag| {
                let kind = match tag.tag {
                    "nr" | "nrfg" | "nrt" => EntityKind::Person,
                    "ns" => EntityKind::Place,
                    "nt" => EntityKind::Organisation,
                    _ => return None,
                };
                let word = tag.word;
                // Words in jieba's own dictionary tagged as names are mostly ordinary words
                // (大国 ns, 公正 nr); the gazetteer words added to it are matched already.
                (word.chars().count() >= 2 && word.chars().all(|c| is_han(c) || c == '·') && !self.jieba.has_word(word))
                    .then(|| (TextRange::new(tag.byte_start, tag.byte_end), kind))
            })
            .collect()
    }
}

/// Offices and titles news puts next to a person's name, before or after it (Simplified lookup
/// form): a cue for jieba's people here and for Latin names after them (`latin.rs`).
pub(super) const OFFICE_TITLES: &[&str] = &[
    "总统",
    "主席",
    "总理",
    "首相",
    "部长",
    "外长",
    "大使",
    "发言人",
    "国务卿",
    "州长",
    "市长",
    "书记",
    "院长",
    "局长",
    "主任",
    "秘书长",
    "总干事",
    "教授",
];

/// Titles and reporting verbs next to a person's name besides [`OFFICE_TITLES`], in the
/// Simplified lookup form.
const PERSON_CUES_AFTER: &[&str] = &[
    "议员", "委员", "先生", "女士", "博士", "表示", "说", "指出", "强调", "认为", "称", "会见", "会晤", "致辞", "出席",
];
const PERSON_CUES_BEFORE: &[&str] = &["记者", "会见", "会晤", "同"];
const PLACE_CUES_BEFORE: &[&str] = &["在", "赴", "到", "抵达", "访问", "前往", "来自", "位于", "途经"];
const PLACE_CUES_AFTER: &[&str] = &["市", "省", "县", "州", "岛", "港", "湾", "河", "山"];
const ORG_ENDINGS: &[&str] = &["部", "局", "会", "院", "社", "公司", "集团", "银行", "大学", "组织", "协会", "基金"];

/// True when the words around a tagged name say what jieba's tag says.
fn has_cue(text: &str, range: TextRange, tag: &str) -> bool {
    let before = &text[..range.start];
    let after = &text[range.end..];
    let word = &text[range.as_range()];
    match tag {
        "nr" | "nrfg" | "nrt" => {
            OFFICE_TITLES.iter().chain(PERSON_CUES_AFTER).any(|cue| after.starts_with(cue))
                || OFFICE_TITLES.iter().chain(PERSON_CUES_BEFORE).any(|cue| before.ends_with(cue))
        }
        "ns" => {
            PLACE_CUES_BEFORE.iter().any(|cue| before.ends_with(cue))
                || PLACE_CUES_AFTER.iter().any(|cue| after.starts_with(cue))
        }
        "nt" => word.chars().count() >= 4 && ORG_ENDINGS.iter().any(|ending| word.ends_with(ending)),
        _ => false,
    }
}

/// Common words jieba's dictionary tags as names (和平 nr, 文明 nr, 智慧 nr…) and that news
/// text uses as ordinary words. Measured on the shared corpus; see `tests.rs`.
const FALSE_POSITIVES: &[&str] = &[
    "和平", "文明", "智慧", "和谐", "繁荣", "友谊", "团结", "发展", "振兴", "复兴", "光明", "富裕", "温馨", "自信",
    "自立", "包容", "公道", "正义", "共赢", "创新", "开放", "未来", "希望", "信心", "美好", "健康", "长远",
];

/// True for words jieba tags as names that are ordinary words in news text.
pub fn is_false_positive(key: &str) -> bool {
    FALSE_POSITIVES.contains(&key)
}

/// The entity of a guess: `surface` as written, `key` its lookup form. A person, a place or an
/// organisation whose name reads as a Chinese one gets its reading and, for `region`, a
/// romanised English name, described as generated ([`romanise::person`], [`romanise::name`]).
/// A foreign person written in transliteration gets the English its parts read back to, in
/// any region ([`transliteration::read_back`]).
pub fn guess(surface: &str, key: &str, kind: EntityKind, region: Option<romanise::Region>) -> Entity {
    let Named { english, description, pinyin } = named(surface, key, kind, region);
    Entity {
        id: format!("guess:{key}"),
        kind,
        traditional: surface.to_owned(),
        simplified: key.to_owned(),
        aliases: Vec::new(),
        english,
        description,
        pinyin,
        as_of: None,
        source: Source::Jieba,
    }
}

/// [`guess`] for a place or an organisation named after a known person, whose name is its
/// first `person_len` bytes of `key` (鲁迅|故居, 邦德|街): with a generic ending after the person
/// (and nothing else), its English is the person's (their first English name) and the
/// ending's: Lu Xun's Former Residence, Bond Street.
pub fn guess_named_after(
    surface: &str,
    key: &str,
    kind: EntityKind,
    region: Option<romanise::Region>,
    person_len: usize,
    person: &Entity,
) -> Entity {
    let mut entity = guess(surface, key, kind, region);
    let english = person.english.split([',', ';']).next().unwrap_or_default();
    let english = english.split(" or ").next().unwrap_or_default().trim();
    if let Some((stem, pattern)) = romanise::stem_and_ending(key, kind, region)
        && key.get(..person_len) == Some(stem)
        && !english.is_empty()
    {
        entity.english = pattern.replace("{}", english);
        entity.description = format!("composed, not verified (named after {english}; the generic words in English)");
        entity.pinyin = String::new();
    }
    entity
}

/// What [`guess`] makes of a name: its English (or none), what the English is, its reading.
struct Named {
    english: String,
    description: String,
    pinyin: String,
}

fn named(surface: &str, key: &str, kind: EntityKind, region: Option<romanise::Region>) -> Named {
    let read_back = |english: String, description: &str| Named {
        english,
        description: description.to_owned(),
        pinyin: String::new(),
    };
    if kind == EntityKind::Person
        && let Some(english) = transliteration::read_back(key)
    {
        return read_back(english, transliteration::DESCRIPTION);
    }
    // A foreign stem before a Chinese ending (约翰逊|航天中心) is read back, never romanised.
    if let Some((stem, pattern)) = romanise::stem_and_ending(key, kind, region)
        && let Some(english) = transliteration::read_back(stem)
    {
        return read_back(pattern.replace("{}", &english), transliteration::DESCRIPTION_WITH_ENDING);
    }
    let romanised = match kind {
        EntityKind::Person => romanise::person_as_written(surface, key, region),
        _ => romanise::name_as_written(surface, key, kind, region),
    };
    let (english, pinyin, jyutping) = romanised.map(|r| (r.english, r.reading, r.jyutping)).unwrap_or_default();
    let description = match region {
        _ if english.is_empty() => String::new(),
        Some(romanise::Region::Taiwan) if kind == EntityKind::Person => {
            "romanised, not verified (Wade–Giles as Taiwan passports write it)".to_owned()
        }
        Some(romanise::Region::Taiwan) => {
            "composed, not verified (the proper part in Hanyu Pinyin, Taiwan's standard for place names; generic \
             words in English)"
                .to_owned()
        }
        Some(romanise::Region::HongKong) => {
            format!("romanised, not verified (Hong Kong Government Cantonese romanisation of Jyutping {jyutping})")
        }
        _ if kind == EntityKind::Person => "romanised, not verified (Hanyu Pinyin)".to_owned(),
        _ => "composed, not verified (the proper part in Hanyu Pinyin, generic words in English)".to_owned(),
    };
    Named { english, description, pinyin }
}
