//! The plain data of the entities module: an [`Entity`], its kind and source, and a
//! [`Mention`] of one in the text. Every other file of `entities/` builds on these, so they
//! live below them all (and below `entities/mod.rs`, which uses those files).

use std::sync::Arc;

use serde::Deserialize;

use crate::text::TextRange;

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    #[serde(rename = "org")]
    Organisation,
    Event,
    /// A CC-CEDICT proper noun whose definition does not say what it is.
    Other,
}

impl EntityKind {
    /// The key used in gazetteer files and JSON output.
    pub fn key(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "org",
            EntityKind::Event => "event",
            EntityKind::Other => "name",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
            EntityKind::Event => "event",
            EntityKind::Other => "proper noun",
        }
    }
}

/// Where an entity's entry comes from, lowest precedence first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// A part-of-speech guess by jieba: not in any gazetteer.
    Jieba,
    /// A name proposed by the LAC model ([`super::lac`]): not in any gazetteer.
    Model,
    /// A news outlet named by its title in 《》 where the text cites it as one (《X》記者): see
    /// [`super::outlet_titles`]. Not in any gazetteer.
    Title,
    /// A person named in a byline or a credit (作者：…, （记者 …）): see [`super::bylines`]. Not in
    /// any gazetteer.
    Byline,
    /// A name printed in Latin letters after a word that says what it is (市長Khan, 業者DeepX,
    /// 據ZDnet Korea報導): see [`super::latin`]. Not in any gazetteer.
    Cue,
    /// An organisation named by a known place and an office after it (法國政府, 智利外交部):
    /// see [`super::compose`].
    Composed,
    Cedict,
    #[default]
    Curated,
    User,
    Workspace,
}

impl Source {
    pub fn label(self) -> &'static str {
        match self {
            Source::Jieba => "jieba guess",
            Source::Model => "LAC model guess",
            Source::Title => "a title in 《》 cited as a news outlet",
            Source::Byline => "named in a byline",
            Source::Cue => "a Latin name after a word that says what it is",
            Source::Composed => "composed from a known place and an office",
            Source::Cedict => "CC-CEDICT",
            Source::Curated => "curated gazetteer",
            Source::User => "user gazetteer",
            Source::Workspace => "workspace gazetteer",
        }
    }
}

/// One entity: a gazetteer entry, a CC-CEDICT entry or a guess.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Stable id: the gazetteer's id, `cedict:<simplified>` or `guess:<simplified>`.
    pub id: String,
    pub kind: EntityKind,
    pub traditional: String,
    pub simplified: String,
    pub aliases: Vec<String>,
    pub english: String,
    pub description: String,
    /// With tone marks.
    pub pinyin: String,
    pub as_of: Option<String>,
    pub source: Source,
}

/// A name in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The original text of the name; it may span a hard line break or the spaces of a
    /// letter-spaced headline.
    pub range: TextRange,
    /// The lookup form of the name (Simplified, no line breaks): equal for 習近平 and 习近平.
    pub key: String,
    pub entity: Arc<Entity>,
}

impl Mention {
    pub fn is_guess(&self) -> bool {
        matches!(self.entity.source, Source::Jieba | Source::Model | Source::Title | Source::Byline | Source::Cue)
    }
}

/// The mention of `mentions` (in text order, apart, so their ends are in order too) that
/// overlaps `range`, if any: only the first that ends after the range's start can.
pub fn overlapping(mentions: &[Mention], range: TextRange) -> Option<&Mention> {
    let next = mentions.partition_point(|m| m.range.end <= range.start);
    mentions.get(next).filter(|m| m.range.start < range.end)
}
