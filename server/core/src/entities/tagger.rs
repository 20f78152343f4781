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
use crate::entities::{Entity, EntityKind, Source, normalise};
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
        Tagger { jieba }
    }

    /// The names jieba proposes in a Simplified lookup text, with their kinds.
    pub fn candidates(&self, text: &str) -> Vec<(TextRange, EntityKind)> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .filter_map(|tag| {
                let kind = match tag.tag {
                    "nr" | "nrfg" | "nrt" => EntityKind::Person,
                    "ns" => EntityKind::Place,
                    "nt" => EntityKind::Organisation,
                    _ => return None,
                };
                let word = tag.word;
                (word.chars().count() >= 2 && word.chars().all(|c| is_han(c) || c == '·'))
                    .then(|| (TextRange::new(tag.byte_start, tag.byte_end), kind))
            })
            .collect()
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

/// The entity of a guess: `surface` as written, `key` its lookup form.
pub fn guess(surface: &str, key: &str, kind: EntityKind) -> Entity {
    Entity {
        id: format!("guess:{key}"),
        kind,
        traditional: surface.to_owned(),
        simplified: key.to_owned(),
        aliases: Vec::new(),
        english: String::new(),
        description: String::new(),
        pinyin: String::new(),
        as_of: None,
        source: Source::Jieba,
    }
}
