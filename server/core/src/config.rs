//! The configuration shared by the LSP server and the CLI.
//!
//! Users write it as `zhnews.toml`; editors may override any part of it as JSON
//! (`initializationOptions`, `workspace/didChangeConfiguration`). Both arrive here as TOML
//! tables, are deep-merged in order (later layers win) and then validated into a [`Config`].
//! Finding and reading the files is the caller's business; this module only parses.
//!
//! Floor: configuration. It knows the rules by their codes only ([`crate::rule_codes`]), so it
//! imports no rule, no registry and no analysis.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::config_error::error_at;
pub use crate::config_error::{ConfigError, parse_table};
use crate::finding::Severity;
pub use crate::rule_codes::RuleLevel;
use crate::rule_codes::{RULE_CODES, default_level};

/// The name of the configuration file, looked up from a file's folder towards the root.
pub const CONFIG_FILE_NAME: &str = "zhnews.toml";

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub analysis: AnalysisConfig,
    pub lsp: LspConfig,
    pub check: CheckConfig,
    pub entities: crate::entities::config::EntitiesConfig,
    pub figures: FiguresConfig,
    pub outline: crate::outline::OutlineConfig,
    pub convert: crate::convert::config::ConvertConfig,
    /// Per-rule severity or `"off"`, keyed by rule code (`sequence-order = "error"`).
    pub rules: BTreeMap<String, RuleLevel>,
    /// Files that are editions of the same stories (`[[editions]]`), compared with each other by
    /// `zhnews check` and the language server.
    pub editions: Vec<EditionsEntry>,
}

/// `[[editions]] files = ["hk/briefing.txt", "cn/briefing.txt"]`: files that hold editions of
/// the same stories. Every two files an entry names are compared, story by story (stories
/// pair only when they share most of their text, see `zhnews_core::editions`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionsEntry {
    /// Paths or globs (`*` within a folder, `**` across folders), relative to the folder of
    /// `zhnews.toml`.
    pub files: Vec<String>,
}

impl EditionsEntry {
    /// True when `pattern` is a glob rather than a path.
    pub fn is_glob(pattern: &str) -> bool {
        pattern.contains(['*', '?', '[', '{'])
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnalysisConfig {
    /// A document is analysed only when Han characters make up at least this share of its
    /// letters (Han plus other alphabetic characters; digits and punctuation do not count).
    pub min_han_share: f64,
}

impl Default for AnalysisConfig {
    fn default() -> Self {
        AnalysisConfig { min_han_share: 0.3 }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LspConfig {
    /// How long the server waits after the last edit before it analyses, in milliseconds.
    pub debounce_ms: u64,
}

impl Default for LspConfig {
    fn default() -> Self {
        LspConfig { debounce_ms: 150 }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CheckConfig {
    /// Globs (relative to the folder of `zhnews.toml`) of the files `zhnews check` reads.
    pub include: Vec<String>,
    /// Globs of files to skip, applied after `include` and `.gitignore`.
    pub exclude: Vec<String>,
    /// Findings to drop for files matching a glob (`[[check.ignore]]`).
    pub ignore: Vec<IgnoreEntry>,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig { include: vec!["**/*.txt".to_owned()], exclude: Vec::new(), ignore: Vec::new() }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FiguresConfig {
    /// The date relative dates (`今年`, `11月13日`) are resolved against, as `YYYY-MM-DD`;
    /// by default the first complete date in the document (see `zhnews_core::figures`).
    pub reference_date: Option<String>,
}

/// `[[check.ignore]] path = "archive/**", rules = ["count-mismatch"]`: the rules (all of them
/// when `rules` is absent) whose findings are dropped in files matching `path`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreEntry {
    /// A glob relative to the folder of `zhnews.toml`.
    pub path: String,
    pub rules: Option<Vec<String>>,
}

impl Config {
    /// Parses the text of a `zhnews.toml`.
    pub fn from_toml_str(text: &str) -> Result<Config, ConfigError> {
        // Deserializing the text itself (not a merged table) keeps the spans of type errors.
        let config: Config = toml::from_str(text).map_err(|err| error_at(text, &err))?;
        if let Some((message, entry, file)) = config.editions_problem() {
            let (line, column) = editions_location(text, entry, file).unzip();
            return Err(ConfigError { message, line, column });
        }
        config.validate()?;
        Ok(config)
    }

    /// Deep-merges the layers in order (later keys win) and validates the result.
    pub fn from_layers(layers: impl IntoIterator<Item = toml::Table>) -> Result<Config, ConfigError> {
        let mut merged = toml::Table::new();
        for layer in layers {
            merge(&mut merged, layer);
        }
        let config: Config = toml::Value::Table(merged).try_into().map_err(|err: toml::de::Error| ConfigError {
            message: err.message().to_owned(),
            line: None,
            column: None,
        })?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        if let Some((message, _, _)) = self.editions_problem() {
            return Err(ConfigError { message, line: None, column: None });
        }
        for code in self.rules.keys() {
            if default_level(code).is_none() {
                let known: Vec<&str> = RULE_CODES.iter().map(|&(code, _)| code).collect();
                return Err(ConfigError {
                    message: format!("unknown rule `{code}` in [rules]; known rules: {}", known.join(", ")),
                    line: None,
                    column: None,
                });
            }
        }
        if let Some(date) = &self.figures.reference_date
            && date.parse::<jiff::civil::Date>().is_err()
        {
            return Err(ConfigError {
                message: format!("figures.reference_date `{date}` is not a date of the form YYYY-MM-DD"),
                line: None,
                column: None,
            });
        }
        self.outline.validate().map_err(|message| ConfigError { message, line: None, column: None })?;
        self.convert.validate()?;
        if self.convert.target.is_none() && self.rule_severity("variant-form").is_some() {
            return Err(ConfigError {
                message: "rule `variant-form` needs a standard to check against: set convert.target to \"tw\", \"hk\" or \"opencc\"".to_owned(),
                line: None,
                column: None,
            });
        }
        for code in self.check.ignore.iter().flat_map(|entry| entry.rules.iter().flatten()) {
            if default_level(code).is_none() {
                return Err(ConfigError {
                    message: format!("unknown rule `{code}` in [[check.ignore]]"),
                    line: None,
                    column: None,
                });
            }
        }
        if !(0.0..=1.0).contains(&self.analysis.min_han_share) {
            return Err(ConfigError {
                message: "analysis.min_han_share must be between 0 and 1".to_owned(),
                line: None,
                column: None,
            });
        }
        Ok(())
    }

    /// The first bad `[[editions]]` entry: the message, the entry's index and the index of the
    /// offending file in it (`None` when the entry as a whole is wrong).
    fn editions_problem(&self) -> Option<(String, usize, Option<usize>)> {
        for (index, entry) in self.editions.iter().enumerate() {
            if let Some(file) = entry.files.iter().position(|file| file.trim().is_empty()) {
                return Some(("an [[editions]] file is empty: give a path or a glob".to_owned(), index, Some(file)));
            }
            let paths: std::collections::BTreeSet<&str> = entry.files.iter().map(String::as_str).collect();
            if paths.len() < 2 && !entry.files.iter().any(|file| EditionsEntry::is_glob(file)) {
                let message = "an [[editions]] entry names the files holding editions of the same stories: \
                               give at least two paths, or a glob"
                    .to_owned();
                return Some((message, index, None));
            }
        }
        None
    }

    /// The severity a rule reports at, or `None` when it is off.
    pub fn rule_severity(&self, code: &str) -> Option<Severity> {
        match self.rules.get(code) {
            Some(level) => level.severity(),
            None => default_level(code).and_then(RuleLevel::severity),
        }
    }
}

/// The 1-based line and column of the `file`th file of the `entry`th `[[editions]]` table in
/// `text` (of the table itself when `file` is `None`), for errors about it: the core's own
/// validation and the workspace's globs.
pub fn editions_location(text: &str, entry: usize, file: Option<usize>) -> Option<(usize, usize)> {
    #[derive(Deserialize)]
    struct Spans {
        #[serde(default)]
        editions: Vec<toml::Spanned<EntrySpans>>,
    }
    #[derive(Deserialize)]
    struct EntrySpans {
        #[serde(default)]
        files: Vec<toml::Spanned<toml::Value>>,
    }
    let spans: Spans = toml::from_str(text).ok()?;
    let entry = spans.editions.get(entry)?;
    let start = match file {
        Some(file) => entry.get_ref().files.get(file)?.span().start,
        None => entry.span().start,
    };
    let before = text.get(..start)?;
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, column))
}

fn merge(base: &mut toml::Table, layer: toml::Table) {
    for (key, value) in layer {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(existing)), toml::Value::Table(incoming)) => merge(existing, incoming),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(Config::from_toml_str(""), Ok(Config::default()));
        assert_eq!(Config::default().lsp.debounce_ms, 150);
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = Config::from_toml_str("[lsp]\ndebounce_ms = = 3\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.to_string().starts_with("2:"), "{err}");
    }

    #[test]
    fn unknown_keys_and_rules_are_errors() {
        let err = Config::from_toml_str("[lsp]\ndebounce = 3\n").unwrap_err();
        assert!(err.message.contains("debounce"), "{err}");
        assert_eq!(err.line, Some(2));
        let err = Config::from_toml_str("[lsp]\ndebounce_ms = \"fast\"\n").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(15)), "{err}");
        let err = Config::from_toml_str("[rules]\nno-such-rule = \"off\"\n").unwrap_err();
        assert!(err.message.contains("unknown rule `no-such-rule`"), "{err}");
        let err = Config::from_toml_str("[[check.ignore]]\npath = \"a/**\"\nrules = [\"no-such-rule\"]\n").unwrap_err();
        assert!(err.message.contains("unknown rule `no-such-rule` in [[check.ignore]]"), "{err}");
        let err = Config::from_toml_str("[analysis]\nmin_han_share = 2.0\n").unwrap_err();
        assert!(err.message.contains("between 0 and 1"), "{err}");
    }

    #[test]
    fn editions_entries_name_two_files_or_a_glob() {
        let text = "[[editions]]\nfiles = [\"hk/a.txt\", \"cn/a.txt\"]\n\n[[editions]]\nfiles = [\"pairs/*.txt\"]\n";
        let config = Config::from_toml_str(text).unwrap();
        assert_eq!(config.editions.len(), 2);
        assert_eq!(config.editions[0].files, ["hk/a.txt", "cn/a.txt"]);
        let check = |text: &str| Config::from_toml_str(text).unwrap_err().to_string();
        expect_test::expect!["4:1: an [[editions]] entry names the files holding editions of the same stories: give at least two paths, or a glob"]
            .assert_eq(&check("[[editions]]\nfiles = [\"a.txt\", \"b.txt\"]\n\n[[editions]]\nfiles = [\"a.txt\"]\n"));
        expect_test::expect!["2:19: an [[editions]] file is empty: give a path or a glob"]
            .assert_eq(&check("[[editions]]\nfiles = [\"a.txt\", \"  \"]\n"));
        expect_test::expect!["2:1: unknown field `file`, expected `files`"]
            .assert_eq(&check("[[editions]]\nfile = [\"a.txt\", \"b.txt\"]\n"));
        expect_test::expect!["2:9: invalid type: integer `3`, expected a sequence"]
            .assert_eq(&check("[[editions]]\nfiles = 3\n"));
        expect_test::expect!["1:1: missing field `files`"].assert_eq(&check("[[editions]]\n"));
    }

    #[test]
    fn later_layers_win_key_by_key() {
        let file = parse_table("[lsp]\ndebounce_ms = 300\n[analysis]\nmin_han_share = 0.5\n").unwrap();
        let editor = parse_table("[lsp]\ndebounce_ms = 50\n").unwrap();
        let config = Config::from_layers([file, editor]).unwrap();
        assert_eq!(config.lsp.debounce_ms, 50);
        assert_eq!(config.analysis.min_han_share, 0.5);
    }
}
