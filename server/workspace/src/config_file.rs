//! Finding and loading `zhnews.toml`.

use std::path::{Path, PathBuf};

use zhnews_core::config::{CONFIG_FILE_NAME, Config, ConfigError, parse_table};

/// A configuration and the file it came from (`None` for the defaults).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadedConfig {
    pub config: Config,
    pub path: Option<PathBuf>,
    /// The file's table, kept so callers can layer editor settings over it.
    pub table: toml::Table,
}

/// The nearest `zhnews.toml` in `start` (a file or a folder) or any folder above it.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    let mut dir = if start.is_dir() { Some(start) } else { start.parent() };
    while let Some(current) = dir {
        let candidate = current.join(CONFIG_FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = current.parent();
    }
    None
}

/// A configuration file that could not be loaded; its `Display` reads `path:line:column: message`.
#[derive(Debug)]
pub struct ConfigFileError {
    pub path: PathBuf,
    pub error: ConfigError,
}

impl std::fmt::Display for ConfigFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // ConfigError's Display starts with `line:column:` or a space.
        write!(f, "{}:{}", self.path.display(), self.error)
    }
}

impl std::error::Error for ConfigFileError {}

/// Loads the nearest configuration for `start`, or the defaults when there is none.
pub fn load_config(start: &Path) -> Result<LoadedConfig, ConfigFileError> {
    match find_config(start) {
        Some(path) => load_config_file(&path),
        None => Ok(LoadedConfig::default()),
    }
}

/// Loads one configuration file.
pub fn load_config_file(path: &Path) -> Result<LoadedConfig, ConfigFileError> {
    let fail = |error| ConfigFileError { path: path.to_owned(), error };
    let text = crate::read::read_text_file(path)
        .map_err(|err| fail(ConfigError { message: err.reason(), line: None, column: None }))?;
    parse_config_text(path, &text)
}

/// Parses the text of the configuration file at `path` (used by the LSP for unsaved buffers
/// too), pointing errors at the line of the offending key where TOML knows it.
pub fn parse_config_text(path: &Path, text: &str) -> Result<LoadedConfig, ConfigFileError> {
    let fail = |error| ConfigFileError { path: path.to_owned(), error };
    let table = parse_table(text).map_err(fail)?;
    let config = Config::from_toml_str(text).map_err(|mut error| {
        if error.line.is_none() {
            error.line = locate_key(text, &error.message);
        }
        fail(error)
    })?;
    Ok(LoadedConfig { config, path: Some(path.to_owned()), table })
}

/// The 1-based line of the first key quoted in a validation message (`unknown field `x``).
fn locate_key(text: &str, message: &str) -> Option<usize> {
    let key = message.split('`').nth(1)?;
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            line.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='))
                || line.strip_prefix(&format!("\"{key}\"")).is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .or_else(|| {
            // A value rather than a key (a rule code in a list): the first line quoting it.
            let quoted = format!("\"{key}\"");
            text.lines().position(|line| line.contains(&quoted))
        })
        .map(|index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_errors_point_at_the_key_line() {
        let text = "[lsp]\ndebounce_ms = 10\n\n[rules]\nno-such-rule = \"off\"\n";
        let err = parse_config_text(Path::new("zhnews.toml"), text).unwrap_err();
        assert_eq!(err.error.line, Some(5));
        assert!(err.to_string().starts_with("zhnews.toml:5: unknown rule"), "{err}");
    }

    #[test]
    fn the_nearest_file_wins() {
        let root = std::env::temp_dir().join(format!("zhnews-config-{}", std::process::id()));
        let nested = root.join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(root.join(CONFIG_FILE_NAME), "[lsp]\ndebounce_ms = 1\n").unwrap();
        std::fs::write(root.join("a").join(CONFIG_FILE_NAME), "[lsp]\ndebounce_ms = 2\n").unwrap();
        let loaded = load_config(&nested.join("x.txt")).unwrap();
        assert_eq!(loaded.config.lsp.debounce_ms, 2);
        assert_eq!(loaded.path, Some(root.join("a").join(CONFIG_FILE_NAME)));
        std::fs::remove_dir_all(root).unwrap();
    }
}
