//! Loading the user and workspace gazetteers and caching the entity index built from them.
//!
//! The workspace gazetteer is `[entities] gazetteer = "path"` in `zhnews.toml`, relative to the
//! folder of that file. The user gazetteer is `$ZHNEWS_USER_GAZETTEER`, else
//! `$XDG_CONFIG_HOME/zhnews/gazetteer.toml` (`~/.config/zhnews/gazetteer.toml`). An index is
//! rebuilt when either file's modification time changes, so edits take effect on the next
//! analysis.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use zhnews_core::Config;
use zhnews_core::entities::{EntityIndex, Gazetteer, Source};

use crate::config_file::{ConfigFileError, find_config, load_config};

/// The user gazetteer's path, whether or not the file exists.
pub fn user_gazetteer_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("ZHNEWS_USER_GAZETTEER") {
        return Some(PathBuf::from(path));
    }
    let config_home = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(config_home.join("zhnews").join("gazetteer.toml"))
}

/// The workspace gazetteer named by the configuration that applies to `document`.
pub fn workspace_gazetteer_path(document: &Path, config: &Config) -> Option<PathBuf> {
    gazetteer_path_in(find_config(document).as_deref(), config)
}

/// The workspace gazetteer `config` names, relative to the folder of `config_file` (the
/// `zhnews.toml` it came from), or to the current folder when there is none.
pub fn gazetteer_path_in(config_file: Option<&Path>, config: &Config) -> Option<PathBuf> {
    let relative = config.entities.gazetteer.as_deref()?;
    let base = config_file.and_then(Path::parent);
    Some(match base {
        Some(base) => base.join(relative),
        None => PathBuf::from(relative),
    })
}

type Key = (Option<PathBuf>, Option<PathBuf>);
type Stamp = (Option<SystemTime>, Option<SystemTime>);

/// The index built from a pair of files, and the errors loading them gave (reported again at
/// every lookup, as long as the files stay as they are).
type Cache = Mutex<HashMap<Key, (Stamp, Arc<EntityIndex>, Vec<GazetteerError>)>>;

fn cache() -> &'static Cache {
    static CACHE: std::sync::OnceLock<Cache> = std::sync::OnceLock::new();
    CACHE.get_or_init(Default::default)
}

fn modified(path: &Option<PathBuf>) -> Option<SystemTime> {
    path.as_ref().and_then(|p| std::fs::metadata(p).ok()).and_then(|m| m.modified().ok())
}

/// A gazetteer file that could not be read or parsed.
#[derive(Clone, Debug)]
pub struct GazetteerError {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for GazetteerError {}

fn load(path: &Path, source: Source) -> Result<Gazetteer, GazetteerError> {
    let fail = |message: String| GazetteerError { path: path.to_owned(), message };
    let text = crate::read::read_text_file(path).map_err(|err| fail(err.reason()))?;
    Gazetteer::from_toml_str(&text, source).map_err(|err| fail(err.to_string()))
}

/// The entity index for a document: the builtin one when there are no user or workspace
/// gazetteers. A gazetteer that fails to load is reported and left out.
pub fn index_for(document: Option<&Path>, config: &Config) -> (Arc<EntityIndex>, Vec<GazetteerError>) {
    let workspace = document.and_then(|d| workspace_gazetteer_path(d, config));
    let (index, errors) = layered_index(workspace);
    (index.unwrap_or_else(|| EntityIndex::builtin().clone()), errors)
}

/// The entity index for the files governed by `config`, loaded from `config_file`: `None` when
/// there are no user or workspace gazetteers (the builtin index, which
/// [`zhnews_core::analyse`] builds only for a Chinese text). `zhnews check` calls this once
/// per configuration; it is [`index_for`]'s loader, so the CLI and the server find the same
/// names.
pub fn gazetteer_index(config_file: Option<&Path>, config: &Config) -> (Option<Arc<EntityIndex>>, Vec<GazetteerError>) {
    layered_index(gazetteer_path_in(config_file, config))
}

/// The builtin index with the user gazetteer and the `workspace` one layered over it, cached
/// until either file changes; `None` when there is neither.
fn layered_index(workspace: Option<PathBuf>) -> (Option<Arc<EntityIndex>>, Vec<GazetteerError>) {
    let user = user_gazetteer_path().filter(|p| p.is_file());
    let mut errors = Vec::new();
    if let Some(path) = workspace.as_ref().filter(|p| !p.is_file()) {
        errors.push(GazetteerError { path: path.clone(), message: "no such file".to_owned() });
    }
    let workspace = workspace.filter(|p| p.is_file());
    if user.is_none() && workspace.is_none() {
        return (None, errors);
    }
    let key: Key = (user.clone(), workspace.clone());
    let stamp: Stamp = (modified(&user), modified(&workspace));
    if let Some((cached, index, load_errors)) = cache().lock().unwrap_or_else(|p| p.into_inner()).get(&key)
        && *cached == stamp
    {
        errors.extend(load_errors.iter().cloned());
        return (Some(index.clone()), errors);
    }
    let missing = errors.len();
    let mut layers = Vec::new();
    for (path, source) in [(&user, Source::User), (&workspace, Source::Workspace)] {
        if let Some(path) = path {
            match load(path, source) {
                Ok(gazetteer) => layers.push(gazetteer),
                Err(err) => errors.push(err),
            }
        }
    }
    let refs: Vec<&Gazetteer> = layers.iter().collect();
    let index = Arc::new(EntityIndex::with_layers(&refs));
    let load_errors = errors[missing..].to_vec();
    cache().lock().unwrap_or_else(|p| p.into_inner()).insert(key, (stamp, index.clone(), load_errors));
    (Some(index), errors)
}

/// The configuration and entity index for a file on disk (for the CLI). Gazetteer errors are
/// errors here: a pipeline should not silently run without its gazetteer.
pub fn config_and_index(file: &Path) -> Result<(Config, Arc<EntityIndex>), Box<dyn std::error::Error>> {
    let config = load_config(file).map_err(|err: ConfigFileError| Box::new(err) as Box<dyn std::error::Error>)?.config;
    let (index, mut errors) = index_for(Some(file), &config);
    match errors.pop() {
        Some(err) => Err(Box::new(err)),
        None => Ok((config, index)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workspace_gazetteer_is_loaded_relative_to_the_config_and_reloaded_on_change() {
        let root = std::env::temp_dir().join(format!("zhnews-gazetteer-{}", std::process::id()));
        std::fs::create_dir_all(root.join("news")).unwrap();
        std::fs::write(root.join("zhnews.toml"), "[entities]\ngazetteer = \"names.toml\"\n").unwrap();
        let entry = |id: &str| {
            format!("[[entity]]\nid = \"{id}\"\ntype = \"person\"\ntraditional = \"華春瑩\"\nsimplified = \"华春莹\"\n")
        };
        std::fs::write(root.join("names.toml"), entry("first")).unwrap();
        let file = root.join("news/a.txt");
        std::fs::write(&file, "華春瑩表示。").unwrap();
        let ids = || {
            let (config, index) = config_and_index(&file).unwrap();
            let analysis = zhnews_core::analyse_with("外交部發言人華春瑩表示。", &config, &index);
            analysis.entities().iter().map(|m| m.entity.id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(), ["mfa", "first"]);
        // A later modification time makes the next lookup rebuild the index.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(root.join("names.toml"), entry("second")).unwrap();
        let later = SystemTime::now() + std::time::Duration::from_secs(5);
        let handle = std::fs::File::options().write(true).open(root.join("names.toml")).unwrap();
        handle.set_modified(later).unwrap();
        assert_eq!(ids(), ["mfa", "second"]);
        std::fs::write(root.join("names.toml"), "[[entity]\n").unwrap();
        handle.set_modified(later + std::time::Duration::from_secs(5)).unwrap();
        let err = config_and_index(&file).unwrap_err();
        assert!(err.to_string().contains("names.toml"), "{err}");
        // The index is cached, and so is the error: it is reported at every lookup.
        let again = config_and_index(&file).unwrap_err();
        assert_eq!(again.to_string(), err.to_string());
        std::fs::remove_dir_all(root).unwrap();
    }
}
