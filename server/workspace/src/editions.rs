//! `[[editions]]` in `zhnews.toml`: which files hold editions of the same stories. The one
//! loader both `zhnews check` and the language server use, so both compare the same files.
//!
//! Each entry's `files` are paths or globs relative to the folder of the configuration file
//! (globs as in `[check]`: `*` stays within a folder, `**` crosses folders); every two files an
//! entry names are editions to compare. A file's partners are worked out only when one of the
//! entries names it, so files no entry names cost a few glob matches.

use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobMatcher};
use zhnews_core::Config;
use zhnews_core::config::{CONFIG_FILE_NAME, ConfigError, EditionsEntry, editions_location};

use crate::config_file::ConfigFileError;
use crate::path::absolute;

/// The `[[editions]]` entries of one configuration, compiled.
#[derive(Debug, Default)]
pub struct Editions {
    /// The folder the entries' paths are relative to.
    root: PathBuf,
    groups: Vec<Vec<Pattern>>,
}

#[derive(Debug)]
enum Pattern {
    /// A path, made absolute.
    Path(PathBuf),
    /// A glob over paths relative to the root.
    Glob(GlobMatcher),
}

impl Pattern {
    fn matches(&self, root: &Path, file: &Path) -> bool {
        match self {
            Pattern::Path(path) => path == file,
            Pattern::Glob(glob) => file.strip_prefix(root).is_ok_and(|relative| glob.is_match(relative)),
        }
    }
}

impl Editions {
    /// Compiles the `[[editions]]` of `config`, which came from `config_file` (`None`: the
    /// defaults, or editor settings alone; paths are then relative to the current folder). A
    /// bad glob is an error pointing at its line and column.
    pub fn new(config_file: Option<&Path>, config: &Config) -> Result<Editions, ConfigFileError> {
        let root = absolute(config_file.and_then(Path::parent).unwrap_or(Path::new(".")));
        let mut groups = Vec::with_capacity(config.editions.len());
        for (index, entry) in config.editions.iter().enumerate() {
            let mut patterns = Vec::with_capacity(entry.files.len());
            for (position, file) in entry.files.iter().enumerate() {
                let pattern = if EditionsEntry::is_glob(file) {
                    let glob = GlobBuilder::new(file).literal_separator(true).backslash_escape(true).build();
                    Pattern::Glob(glob.map_err(|err| glob_error(config_file, index, position, &err))?.compile_matcher())
                } else {
                    Pattern::Path(absolute(&root.join(file)))
                };
                patterns.push(pattern);
            }
            groups.push(patterns);
        }
        Ok(Editions { root, groups })
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The files configured as editions of the same stories as `file` (never `file` itself),
    /// sorted, absolute. A path an entry names is there whether or not it exists (reading it
    /// then fails with a clear error); a glob names the files it matches under the root,
    /// `.gitignore` honoured.
    pub fn partners(&self, file: &Path) -> Vec<PathBuf> {
        let file = absolute(file);
        let mut partners = Vec::new();
        for group in &self.groups {
            if !group.iter().any(|pattern| pattern.matches(&self.root, &file)) {
                continue;
            }
            for pattern in group {
                match pattern {
                    Pattern::Path(path) => partners.push(path.clone()),
                    Pattern::Glob(_) => partners.extend(self.matching(pattern)),
                }
            }
        }
        partners.sort();
        partners.dedup();
        partners.retain(|partner| *partner != file);
        partners
    }

    /// The files under the root a glob matches.
    fn matching(&self, pattern: &Pattern) -> Vec<PathBuf> {
        let (files, _) = crate::walk::files_where(std::slice::from_ref(&self.root), |path, _| {
            pattern.matches(&self.root, &absolute(path))
        });
        files.iter().map(|path| absolute(path)).collect()
    }
}

fn glob_error(config_file: Option<&Path>, entry: usize, file: usize, err: &globset::Error) -> ConfigFileError {
    let path = config_file.map_or_else(|| PathBuf::from(CONFIG_FILE_NAME), Path::to_owned);
    let text = crate::read::read_text_file(&path).unwrap_or_default();
    let (line, column) = editions_location(&text, entry, Some(file)).unzip();
    let message = format!("invalid glob in [[editions]]: {}", err.kind());
    ConfigFileError { path, error: ConfigError { message, line, column } }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("zhnews-editions-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn partners_by_path_and_glob_relative_to_the_config_folder() {
        let toml = "[[editions]]\nfiles = [\"hk/a.txt\", \"cn/a.txt\"]\n\n[[editions]]\nfiles = [\"pairs/*.txt\"]\n";
        let dir = folder(
            "partners",
            &[
                ("zhnews.toml", toml),
                ("hk/a.txt", ""),
                ("cn/a.txt", ""),
                ("pairs/x.txt", ""),
                ("pairs/y.txt", ""),
                ("pairs/deeper/z.txt", ""),
                ("other.txt", ""),
            ],
        );
        let config = Config::from_toml_str(toml).unwrap();
        let editions = Editions::new(Some(&dir.join("zhnews.toml")), &config).unwrap();
        assert_eq!(editions.partners(&dir.join("hk/a.txt")), [dir.join("cn/a.txt")]);
        assert_eq!(editions.partners(&dir.join("hk/../cn/a.txt")), [dir.join("hk/a.txt")]);
        assert_eq!(editions.partners(&dir.join("pairs/x.txt")), [dir.join("pairs/y.txt")], "* stays in its folder");
        assert!(editions.partners(&dir.join("other.txt")).is_empty());
        assert!(editions.partners(&dir.join("pairs/deeper/z.txt")).is_empty());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_bad_glob_names_its_line_and_column() {
        let toml = "[[editions]]\nfiles = [\"a.txt\",\n  \"b/{c.txt\"]\n";
        let dir = folder("bad", &[("zhnews.toml", toml)]);
        let config = Config::from_toml_str(toml).unwrap();
        let err = Editions::new(Some(&dir.join("zhnews.toml")), &config).unwrap_err();
        assert!(err.to_string().ends_with("zhnews.toml:3:3: invalid glob in [[editions]]: unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)"), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
