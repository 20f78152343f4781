//! Gazetteers: lists of entities as TOML. The curated one ships in the binary
//! (`server/data/gazetteer.toml`); users add a user-level and a workspace one with the same
//! schema:
//!
//! ```toml
//! ignore = ["和平"]          # words never marked as entities, whatever the source
//!
//! [[entity]]
//! id = "xi-jinping"
//! type = "person"            # person, place, org or event
//! traditional = "習近平"
//! simplified = "习近平"
//! aliases = ["習主席"]       # other names: acronyms, variant spellings, short forms
//! english = "Xi Jinping"
//! description = "General Secretary of the CCP (2012–), President of the PRC (2013–)"
//! pinyin = "Xí Jìnpíng"
//! as_of = "2024-11"
//! ```

use std::sync::{Arc, OnceLock};

use serde::Deserialize;

use crate::config_error::{ConfigError, parse_table};
use crate::entities::{Entity, EntityKind, Source};

/// The curated gazetteer's text, embedded at build time.
pub const CURATED_TOML: &str = include_str!("../../../data/gazetteer.toml");

/// The curated list of government agencies and UN bodies (`server/data/agencies.toml`: written
/// by hand above its marker line, by `scripts/make-agencies.py` below it), part of the curated
/// gazetteer: kept apart because it grows by whole families of agencies.
pub const AGENCIES_TOML: &str = include_str!("../../../data/agencies.toml");

/// The administrative areas of Hong Kong, Macau and Taiwan with their official English names
/// (`server/data/regions.toml`, written by `scripts/make-regions.py`), part of the curated
/// gazetteer.
pub const REGIONS_TOML: &str = include_str!("../../../data/regions.toml");

/// The companies and news media news names most (`server/data/organisations.toml`, written by
/// `scripts/make-organisations.py`), part of the curated gazetteer.
pub const ORGANISATIONS_TOML: &str = include_str!("../../../data/organisations.toml");

/// The people news names most beyond the hand-written ones, with the English names they use
/// themselves (`server/data/people.toml`, written by `scripts/make-people.py`), part of the
/// curated gazetteer.
pub const PEOPLE_TOML: &str = include_str!("../../../data/people.toml");

/// The entities of one gazetteer file, and the words it says are never entities.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    pub source: Source,
    pub entities: Vec<Arc<Entity>>,
    pub ignore: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    entity: Vec<Record>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    id: String,
    #[serde(rename = "type")]
    kind: EntityKind,
    traditional: String,
    simplified: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    english: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    pinyin: String,
    #[serde(default)]
    as_of: Option<String>,
}

impl Gazetteer {
    /// Parses gazetteer TOML. Errors carry the line of the offending entry where TOML knows it.
    pub fn from_toml_str(text: &str, source: Source) -> Result<Gazetteer, ConfigError> {
        let table = parse_table(text)?;
        let file: File = toml::Value::Table(table).try_into().map_err(|err: toml::de::Error| ConfigError {
            message: err.message().to_owned(),
            line: None,
            column: None,
        })?;
        let mut entities = Vec::with_capacity(file.entity.len());
        for record in file.entity {
            if record.traditional.trim().is_empty() && record.simplified.trim().is_empty() {
                return Err(ConfigError {
                    message: format!("entity `{}` has neither a traditional nor a simplified name", record.id),
                    line: None,
                    column: None,
                });
            }
            entities.push(Arc::new(Entity {
                id: record.id,
                kind: record.kind,
                traditional: record.traditional,
                simplified: record.simplified,
                aliases: record.aliases,
                english: record.english,
                description: record.description,
                pinyin: record.pinyin,
                as_of: record.as_of,
                source,
            }));
        }
        Ok(Gazetteer { source, entities, ignore: file.ignore })
    }

    /// The curated gazetteer that ships with zhnews (parsed once).
    pub fn curated() -> &'static Gazetteer {
        static CURATED: OnceLock<Gazetteer> = OnceLock::new();
        CURATED.get_or_init(|| {
            let mut curated = Gazetteer::from_toml_str(CURATED_TOML, Source::Curated).unwrap_or_default();
            for part in [AGENCIES_TOML, REGIONS_TOML, ORGANISATIONS_TOML, PEOPLE_TOML] {
                if let Ok(part) = Gazetteer::from_toml_str(part, Source::Curated) {
                    curated.entities.extend(part.entities);
                    curated.ignore.extend(part.ignore);
                }
            }
            curated
        })
    }
}

/// One gazetteer entry as TOML, the way "Add to workspace gazetteer" appends it to a file.
pub fn entry_toml(entity: &Entity) -> String {
    let quote = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let mut out = String::from("\n[[entity]]\n");
    out.push_str(&format!("id = {}\n", quote(&entity.id)));
    out.push_str(&format!("type = {}\n", quote(entity.kind.key())));
    out.push_str(&format!("traditional = {}\n", quote(&entity.traditional)));
    out.push_str(&format!("simplified = {}\n", quote(&entity.simplified)));
    out.push_str(&format!("english = {}\n", quote(&entity.english)));
    out.push_str(&format!("description = {}\n", quote(&entity.description)));
    out.push_str(&format!("pinyin = {}\n", quote(&entity.pinyin)));
    if let Some(as_of) = &entity.as_of {
        out.push_str(&format!("as_of = {}\n", quote(as_of)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_curated_gazetteer_parses_and_has_both_scripts() {
        let gazetteer = Gazetteer::from_toml_str(CURATED_TOML, Source::Curated).unwrap();
        assert!(gazetteer.entities.len() >= 300, "{}", gazetteer.entities.len());
        let mut ids = std::collections::HashSet::new();
        for entity in &gazetteer.entities {
            assert!(ids.insert(entity.id.as_str()), "duplicate id {}", entity.id);
            assert!(!entity.traditional.is_empty() && !entity.simplified.is_empty(), "{}", entity.id);
            assert!(!entity.english.is_empty() && !entity.pinyin.is_empty(), "{}", entity.id);
            assert!(!entity.pinyin.chars().any(|c| c.is_ascii_digit()), "tone numbers in {}", entity.id);
        }
    }

    #[test]
    fn the_curated_files_parse_and_share_no_id_or_name() {
        let gazetteer = Gazetteer::from_toml_str(CURATED_TOML, Source::Curated).unwrap();
        let agencies = Gazetteer::from_toml_str(AGENCIES_TOML, Source::Curated).unwrap();
        assert!(agencies.entities.len() >= 300, "{}", agencies.entities.len());
        let regions = Gazetteer::from_toml_str(REGIONS_TOML, Source::Curated).unwrap();
        assert!(regions.entities.len() >= 100, "{}", regions.entities.len());
        let organisations = Gazetteer::from_toml_str(ORGANISATIONS_TOML, Source::Curated).unwrap();
        assert!(organisations.entities.len() >= 600, "{}", organisations.entities.len());
        let people = Gazetteer::from_toml_str(PEOPLE_TOML, Source::Curated).unwrap();
        assert!(people.entities.len() >= 200, "{}", people.entities.len());
        let names = |e: &Entity| {
            [&e.traditional, &e.simplified]
                .into_iter()
                .chain(&e.aliases)
                .map(|n| crate::entities::normalise(n))
                .collect::<Vec<_>>()
        };
        let mut ids = std::collections::HashSet::new();
        let mut keys = std::collections::HashMap::new();
        for entity in gazetteer
            .entities
            .iter()
            .chain(&agencies.entities)
            .chain(&regions.entities)
            .chain(&organisations.entities)
            .chain(&people.entities)
        {
            assert!(ids.insert(entity.id.as_str()), "duplicate id {}", entity.id);
            for key in names(entity) {
                if let Some(other) = keys.insert(key.clone(), entity.id.as_str()) {
                    assert_eq!(other, entity.id, "{key} names both {other} and {}", entity.id);
                }
            }
        }
        for entity in &agencies.entities {
            assert_eq!(entity.kind, EntityKind::Organisation, "{}", entity.id);
            assert!(!entity.english.is_empty() && !entity.pinyin.is_empty(), "{}", entity.id);
        }
        for entity in &people.entities {
            assert_eq!(entity.kind, EntityKind::Person, "{}", entity.id);
            assert!(!entity.english.is_empty() && !entity.description.is_empty(), "{}", entity.id);
        }
    }

    #[test]
    fn errors_name_the_problem() {
        let err = Gazetteer::from_toml_str("[[entity]]\nid = \"x\"\ntype = \"planet\"\n", Source::User).unwrap_err();
        assert!(err.message.contains("planet"), "{err}");
        let err = Gazetteer::from_toml_str(
            "[[entity]]\nid = \"x\"\ntype = \"person\"\ntraditional = \"\"\nsimplified = \"\"\n",
            Source::User,
        )
        .unwrap_err();
        assert!(err.message.contains("neither"), "{err}");
        assert!(Gazetteer::from_toml_str("[[entity]\n", Source::User).unwrap_err().line.is_some());
    }

    #[test]
    fn an_added_entry_parses_back() {
        let entity = Entity {
            id: "guess:博鲁阿尔特".into(),
            kind: EntityKind::Person,
            traditional: "博魯阿爾特".into(),
            simplified: "博鲁阿尔特".into(),
            aliases: Vec::new(),
            english: String::new(),
            description: "a \"quoted\" note".into(),
            pinyin: String::new(),
            as_of: None,
            source: Source::Jieba,
        };
        let parsed = Gazetteer::from_toml_str(&entry_toml(&entity), Source::Workspace).unwrap();
        assert_eq!(parsed.entities[0].traditional, "博魯阿爾特");
        assert_eq!(parsed.entities[0].description, "a \"quoted\" note");
    }
}
