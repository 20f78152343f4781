//! The `[entities]` section of `zhnews.toml`.

use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EntitiesConfig {
    /// Recognise named entities at all (hovers, highlighting, references).
    pub enabled: bool,
    /// The workspace gazetteer, relative to the folder of `zhnews.toml`; it takes precedence
    /// over the user gazetteer, the curated one and CC-CEDICT.
    pub gazetteer: Option<String>,
    /// Propose names no gazetteer knows, from jieba's part-of-speech tags (marked as guesses).
    pub guesses: bool,
    /// Where the texts are from, for the romanised English of names no gazetteer lists
    /// (`mainland`: Hanyu Pinyin, `taiwan`: Wade–Giles, `hong-kong`: the Hong Kong Government's
    /// Cantonese romanisation); unset, each text's script and words decide.
    pub region: Option<crate::entities::romanise::Region>,
}

impl Default for EntitiesConfig {
    fn default() -> Self {
        EntitiesConfig { enabled: true, gazetteer: None, guesses: true, region: None }
    }
}
