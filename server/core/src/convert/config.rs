//! The `[convert]` section of `zhnews.toml`.
//!
//! ```toml
//! [convert]
//! favourites = ["t2s", "s2hk"]   # conversions offered in the editor's code-action menu
//! protected = ["于立军"]          # never converted, never flagged as mixed script
//! target = "hk"                   # the regional standard `variant-form` checks against
//! exempt_quotes = true            # quoted material in the other script is not `mixed-script`
//! names = "gazetteer"             # or "keep": names converted like any text (OpenCC's output)
//! ```

use serde::Deserialize;

use super::OpenccConfig;
use super::forms::Names;
use crate::config_error::ConfigError;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConvertConfig {
    /// OpenCC configuration names offered as code actions, in menu order. Only those that suit
    /// the script of the text are shown.
    pub favourites: Vec<String>,
    /// Terms that conversion never changes and `mixed-script` never flags.
    pub protected: Vec<String>,
    /// The regional standard `variant-form` checks Traditional text against.
    pub target: Option<VariantStandard>,
    /// Quoted material (「…」, “…”) written in the other script is quoted by design and not flagged.
    pub exempt_quotes: bool,
    /// Whether names of the hand-written gazetteers being converted from the other script take
    /// the gazetteer's form (`gazetteer`, the default) or OpenCC's (`keep`).
    pub names: Names,
}

impl Default for ConvertConfig {
    fn default() -> Self {
        ConvertConfig {
            favourites: ["t2s", "s2t", "s2tw", "s2twp", "s2hk"].map(str::to_owned).to_vec(),
            protected: Vec::new(),
            target: None,
            exempt_quotes: true,
            names: Names::Gazetteer,
        }
    }
}

/// A regional standard of Traditional Chinese.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VariantStandard {
    /// Taiwan (裡, 著, 台).
    Tw,
    /// Hong Kong (裏, 着, 台).
    Hk,
    /// OpenCC's standard Traditional (裏, 着, 臺).
    Opencc,
}

impl VariantStandard {
    pub fn name(self) -> &'static str {
        match self {
            VariantStandard::Tw => "Taiwan",
            VariantStandard::Hk => "Hong Kong",
            VariantStandard::Opencc => "OpenCC standard",
        }
    }

    /// The OpenCC configuration that turns Traditional text into this standard.
    pub fn from_traditional(self) -> OpenccConfig {
        match self {
            VariantStandard::Tw => OpenccConfig::T2tw,
            VariantStandard::Hk => OpenccConfig::T2hk,
            // Undo either region's variants.
            VariantStandard::Opencc => OpenccConfig::Tw2t,
        }
    }

    /// The configuration that turns Simplified text into this standard.
    pub fn from_simplified(self) -> OpenccConfig {
        match self {
            VariantStandard::Tw => OpenccConfig::S2tw,
            VariantStandard::Hk => OpenccConfig::S2hk,
            VariantStandard::Opencc => OpenccConfig::S2t,
        }
    }
}

impl ConvertConfig {
    /// The favourites as configurations (unknown names are rejected by validation).
    pub fn favourite_configs(&self) -> Vec<OpenccConfig> {
        self.favourites.iter().filter_map(|name| OpenccConfig::from_name(name)).collect()
    }

    /// Checks the section on its own; [`crate::config`] checks `target` against the rules.
    pub(crate) fn validate(&self) -> Result<(), ConfigError> {
        let error = |message: String| Err(ConfigError { message, line: None, column: None });
        for name in &self.favourites {
            if OpenccConfig::from_name(name).is_none() {
                let known: Vec<&str> = OpenccConfig::ALL.iter().map(|c| c.name()).collect();
                return error(format!(
                    "unknown OpenCC configuration `{name}` in convert.favourites; known: {}",
                    known.join(", ")
                ));
            }
        }
        if self.protected.iter().any(|term| term.trim().is_empty()) {
            return error("convert.protected has an empty term".to_owned());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn section_parses_and_validates() {
        let config = Config::from_toml_str(
            "[convert]\nfavourites = [\"T2S\", \"s2hk.json\"]\nprotected = [\"于立军\"]\ntarget = \"hk\"\nexempt_quotes = false\nnames = \"keep\"\n",
        )
        .unwrap();
        assert_eq!(config.convert.favourite_configs(), [OpenccConfig::T2s, OpenccConfig::S2hk]);
        assert_eq!(config.convert.protected, ["于立军"]);
        assert_eq!(config.convert.target, Some(VariantStandard::Hk));
        assert!(!config.convert.exempt_quotes);
        assert_eq!(config.convert.names, Names::Keep);
        assert_eq!(Config::default().convert.names, Names::Gazetteer);
        assert!(Config::from_toml_str("[convert]\nnames = \"opencc\"\n").is_err());
        assert!(Config::default().convert.exempt_quotes);

        let err = Config::from_toml_str("[convert]\nfavourites = [\"t2x\"]\n").unwrap_err();
        assert!(err.message.contains("unknown OpenCC configuration `t2x`"), "{err}");
        let err = Config::from_toml_str("[convert]\ntarget = \"mo\"\n").unwrap_err();
        assert!(err.message.contains("mo"), "{err}");
        let err = Config::from_toml_str("[rules]\nvariant-form = \"info\"\n").unwrap_err();
        assert!(err.message.contains("convert.target"), "{err}");
        assert!(Config::from_toml_str("[rules]\nvariant-form = \"info\"\n[convert]\ntarget = \"tw\"\n").is_ok());
    }
}
