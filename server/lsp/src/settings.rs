//! The configuration in force for each document: `zhnews.toml` (nearest to the file, else in the
//! workspace root) with the editor's settings layered over it. A file that fails to load keeps
//! the last configuration that loaded from it (or the defaults) in force, and so do editor
//! settings that do not validate. Files are read afresh on every lookup (a stat and a small read
//! per analysis), so a change applies at the next analysis; `didChangeWatchedFiles` only
//! triggers that analysis.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use zhnews_core::Config;
use zhnews_workspace::config_file::{ConfigFileError, LoadedConfig, find_config, load_config_file};

#[derive(Default)]
pub struct Settings {
    /// Editor overrides in order: `initializationOptions`, then `didChangeConfiguration`; only
    /// settings that validate (see [`Settings::set_editor_layers`]).
    editor_layers: Vec<toml::Table>,
    pub roots: Vec<PathBuf>,
    /// The last good configuration of every config file seen, by path.
    files: HashMap<PathBuf, LoadedConfig>,
    /// The problem last reported for each config file, so a broken file is reported once, not
    /// on every keystroke.
    reported: HashMap<PathBuf, String>,
}

/// The configuration for one document, and what went wrong finding it.
pub struct Resolved {
    pub config: Config,
    pub problems: Vec<Problem>,
}

pub enum Problem {
    /// A `zhnews.toml` that does not parse or validate.
    File(ConfigFileError),
    /// Editor settings that do not validate.
    Editor(String),
}

impl Settings {
    /// Puts the editor's settings in force, unless they do not validate: then the last valid
    /// ones stay in force (as for a `zhnews.toml` that breaks) and the error is returned.
    pub fn set_editor_layers(&mut self, layers: Vec<toml::Table>) -> Result<(), String> {
        Config::from_layers(layers.clone()).map_err(|err| err.to_string())?;
        self.editor_layers = layers;
        Ok(())
    }

    /// The `initializationOptions` layer.
    pub fn initialization_layer(&self) -> toml::Table {
        self.editor_layers.first().cloned().unwrap_or_default()
    }

    /// The `zhnews.toml` that governs `document`: the nearest to it, else the workspace root's.
    pub fn config_file(&self, document: Option<&Path>) -> Option<PathBuf> {
        document.and_then(find_config).or_else(|| self.roots.iter().find_map(|root| find_config(root)))
    }

    pub fn resolve(&mut self, document: Option<&Path>) -> Resolved {
        let mut problems = Vec::new();
        let path = self.config_file(document);
        let file_table = match path {
            Some(path) => match load_config_file(&path) {
                Ok(loaded) => {
                    let table = loaded.table.clone();
                    self.reported.remove(&path);
                    self.files.insert(path, loaded);
                    table
                }
                Err(err) => {
                    let previous = self.files.get(&path).map(|loaded| loaded.table.clone()).unwrap_or_default();
                    if self.reported.get(&path) != Some(&err.to_string()) {
                        self.reported.insert(path, err.to_string());
                        problems.push(Problem::File(err));
                    }
                    previous
                }
            },
            None => toml::Table::new(),
        };
        let mut layers = vec![file_table.clone()];
        layers.extend(self.editor_layers.iter().cloned());
        let config = match Config::from_layers(layers) {
            Ok(config) => config,
            Err(err) => {
                problems.push(Problem::Editor(err.to_string()));
                Config::from_layers([file_table]).unwrap_or_default()
            }
        };
        Resolved { config, problems }
    }

    /// The configuration for a file the workspace index reads: problems stay unreported here,
    /// so that the next analysis of an open document still reports them.
    pub fn resolve_quietly(&mut self, document: Option<&Path>) -> Config {
        let reported = self.reported.clone();
        let resolved = self.resolve(document);
        self.reported = reported;
        resolved.config
    }
}

/// The line (from 0) of the `zhnews.toml` at `path` that names the workspace gazetteer
/// (`[entities] gazetteer`), if it names one.
pub fn gazetteer_line(path: &Path) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct File {
        entities: Option<Entities>,
    }
    #[derive(serde::Deserialize)]
    struct Entities {
        gazetteer: Option<toml::Spanned<toml::Value>>,
    }
    // Through the bounded reader, as every file zhnews reads (issue 19, item 5).
    let text = zhnews_workspace::read::read_text_file(path).ok()?;
    let start = toml::from_str::<File>(&text).ok()?.entities?.gazetteer?.span().start;
    u32::try_from(text.get(..start)?.matches('\n').count()).ok()
}

/// Editor settings arrive as JSON; zhnews reads them as the TOML table `zhnews.toml` would
/// give. `null`s (unset settings) are dropped.
pub fn json_to_table(value: &serde_json::Value) -> Result<toml::Table, String> {
    fn strip_nulls(value: &serde_json::Value) -> Option<serde_json::Value> {
        match value {
            serde_json::Value::Null => None,
            serde_json::Value::Object(map) => Some(serde_json::Value::Object(
                map.iter().filter_map(|(k, v)| strip_nulls(v).map(|v| (k.clone(), v))).collect(),
            )),
            serde_json::Value::Array(items) => {
                Some(serde_json::Value::Array(items.iter().filter_map(strip_nulls).collect()))
            }
            other => Some(other.clone()),
        }
    }
    match strip_nulls(value) {
        None => Ok(toml::Table::new()),
        Some(value) => {
            toml::Table::try_from(value).map_err(|err| format!("settings are not a table of options: {err}"))
        }
    }
}
