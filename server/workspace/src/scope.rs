//! Which files `zhnews check` reads and which findings it keeps, from `[check]` in
//! `zhnews.toml`: `include`/`exclude` globs and `[[check.ignore]]` entries, all relative to the
//! folder of the configuration file that governs a file.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use zhnews_core::config::ConfigError;

use crate::config_file::{ConfigFileError, LoadedConfig, find_config, load_config_file};
use crate::editions::Editions;
pub use crate::path::absolute;

/// A loaded configuration and its compiled `[check]` globs.
#[derive(Debug)]
pub struct Scope {
    pub loaded: LoadedConfig,
    /// The folder globs are relative to: the configuration file's folder, or the current folder
    /// when there is no configuration file.
    pub root: PathBuf,
    include: GlobSet,
    exclude: GlobSet,
    ignores: Vec<(GlobSet, Option<BTreeSet<String>>)>,
    /// `[[editions]]`: the files that hold editions of the same stories.
    pub editions: Editions,
}

impl Scope {
    /// Compiles the globs of `loaded`; a bad glob is an error pointing at its line.
    pub fn new(loaded: LoadedConfig) -> Result<Scope, ConfigFileError> {
        let root = match &loaded.path {
            Some(path) => absolute(path.parent().unwrap_or(Path::new("."))),
            None => absolute(Path::new(".")),
        };
        let check = &loaded.config.check;
        let include = glob_set(&loaded, &check.include)?;
        let exclude = glob_set(&loaded, &check.exclude)?;
        let mut ignores = Vec::new();
        for entry in &check.ignore {
            let set = glob_set(&loaded, std::slice::from_ref(&entry.path))?;
            ignores.push((set, entry.rules.as_ref().map(|rules| rules.iter().cloned().collect())));
        }
        let editions = Editions::new(loaded.path.as_deref(), &loaded.config)?;
        Ok(Scope { loaded, root, include, exclude, ignores, editions })
    }

    /// The path of `file` relative to the root, with `/` separators; `None` when the file is
    /// outside the root (then no glob applies to it).
    pub fn relative(&self, file: &Path) -> Option<PathBuf> {
        absolute(file).strip_prefix(&self.root).ok().map(Path::to_owned)
    }

    /// True when a file found by walking a folder is to be checked: it matches `include` and
    /// neither it nor a folder above it matches `exclude`.
    pub fn selects(&self, file: &Path) -> bool {
        match self.relative(file) {
            Some(relative) => self.include.is_match(&relative) && !self.excludes_relative(&relative),
            // Outside the configuration's folder only the default applies.
            None => file.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("txt")),
        }
    }

    /// True when `exclude` matches the file or a folder above it (also for files named on the
    /// command line, so pre-commit's file lists honour it).
    pub fn excludes(&self, file: &Path) -> bool {
        self.relative(file).is_some_and(|relative| self.excludes_relative(&relative))
    }

    fn excludes_relative(&self, relative: &Path) -> bool {
        relative.ancestors().filter(|p| !p.as_os_str().is_empty()).any(|p| self.exclude.is_match(p))
    }

    /// True when `[[check.ignore]]` drops findings of `rule` in `file`.
    pub fn ignores(&self, file: &Path, rule: &str) -> bool {
        if self.ignores.is_empty() {
            return false;
        }
        let Some(relative) = self.relative(file) else {
            return false;
        };
        self.ignores.iter().any(|(set, rules)| {
            rules.as_ref().is_none_or(|rules| rules.contains(rule))
                && relative.ancestors().filter(|p| !p.as_os_str().is_empty()).any(|p| set.is_match(p))
        })
    }
}

fn glob_set(loaded: &LoadedConfig, globs: &[String]) -> Result<GlobSet, ConfigFileError> {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        builder.add(compile(glob).map_err(|err| glob_error(loaded, glob, &err))?);
    }
    builder.build().map_err(|err| glob_error(loaded, "", &err))
}

/// Globs as in `.gitignore`: `*` stays within a folder, `**` crosses folders.
fn compile(glob: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(glob).literal_separator(true).backslash_escape(true).build()
}

fn glob_error(loaded: &LoadedConfig, glob: &str, err: &globset::Error) -> ConfigFileError {
    let path = loaded.path.clone().unwrap_or_else(|| PathBuf::from(zhnews_core::config::CONFIG_FILE_NAME));
    let line = crate::read::read_text_file(&path).ok().and_then(|text| {
        let quoted = format!("\"{glob}\"");
        text.lines().position(|line| !glob.is_empty() && line.contains(&quoted)).map(|i| i + 1)
    });
    ConfigFileError { path, error: ConfigError { message: format!("invalid glob: {err}"), line, column: None } }
}

/// The scopes of many files, loading each configuration file once. Folders are looked up
/// once too.
#[derive(Default)]
pub struct Scopes {
    config_of_dir: HashMap<PathBuf, Option<PathBuf>>,
    scopes: HashMap<Option<PathBuf>, Result<Arc<Scope>, Arc<ConfigFileError>>>,
}

/// A configuration that could not be loaded, reported once however many files it governs.
#[derive(Debug)]
pub enum ScopeError {
    /// The first time this configuration failed: report it.
    New(Arc<ConfigFileError>),
    /// Already reported.
    Again(Arc<ConfigFileError>),
}

impl Scopes {
    pub fn new() -> Scopes {
        Scopes::default()
    }

    /// The scope that governs `file` (a file or a folder).
    pub fn for_path(&mut self, file: &Path) -> Result<Arc<Scope>, ScopeError> {
        let dir = if file.is_dir() { file.to_owned() } else { file.parent().unwrap_or(Path::new(".")).to_owned() };
        let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
        let config = self.config_of_dir.entry(dir.clone()).or_insert_with(|| find_config(&dir)).clone();
        if let Some(result) = self.scopes.get(&config) {
            return result.clone().map_err(ScopeError::Again);
        }
        let result = match &config {
            Some(path) => load_config_file(path).and_then(Scope::new),
            None => Scope::new(LoadedConfig::default()),
        }
        .map(Arc::new)
        .map_err(Arc::new);
        self.scopes.insert(config, result.clone());
        result.map_err(ScopeError::New)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhnews_core::config::IgnoreEntry;

    #[test]
    fn globs_are_relative_to_the_config_folder() {
        let dir = std::env::temp_dir().join("zhnews-scope-root");
        let mut config = zhnews_core::Config::default();
        config.check.include = vec!["**/*.txt".into(), "notes/*.text".into()];
        config.check.exclude = vec!["archive".into(), "*.draft.txt".into()];
        config.check.ignore = vec![
            IgnoreEntry { path: "wire/**".into(), rules: None },
            IgnoreEntry { path: "old/*.txt".into(), rules: Some(vec!["a".into()]) },
        ];
        let loaded = LoadedConfig { config, path: Some(dir.join("zhnews.toml")), table: Default::default() };
        let scope = Scope::new(loaded).unwrap();
        assert!(scope.selects(&dir.join("story.txt")));
        assert!(scope.selects(&dir.join("notes/x.text")));
        assert!(!scope.selects(&dir.join("notes/deeper/x.text")), "* stays within a folder");
        assert!(!scope.selects(&dir.join("archive/2024/story.txt")), "a folder excludes what is under it");
        assert!(!scope.selects(&dir.join("story.draft.txt")));
        assert!(scope.selects(&dir.join("sub/story.draft.txt")), "*.draft.txt is anchored at the root");
        assert!(scope.excludes(&dir.join("sub/../archive/x.txt")));
        assert!(scope.ignores(&dir.join("wire/a/b.txt"), "anything"));
        assert!(scope.ignores(&dir.join("old/b.txt"), "a"));
        assert!(!scope.ignores(&dir.join("old/b.txt"), "b"));
        assert!(!scope.ignores(&dir.join("story.txt"), "a"));
        // Outside the root only `*.txt` counts.
        assert!(Path::new("/elsewhere/x.txt").strip_prefix(&scope.root).is_err());
        assert!(scope.selects(Path::new("/elsewhere/x.txt")));
        assert!(!scope.selects(Path::new("/elsewhere/x.md")));
    }

    #[test]
    fn a_bad_glob_names_its_line() {
        let dir = std::env::temp_dir().join(format!("zhnews-scope-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("zhnews.toml");
        std::fs::write(&path, "[check]\n\nexclude = [\"a/{b\"]\n").unwrap();
        let err = Scope::new(load_config_file(&path).unwrap()).unwrap_err();
        assert_eq!(err.error.line, Some(3));
        assert!(err.to_string().contains("zhnews.toml:3: invalid glob"), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
