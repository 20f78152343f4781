//! The answer keys of a keyed folder, as its README defines them: `corpus/<stem>.txt`,
//! `keys/outline/<stem>.json`, `keys/entities/<stem>.json`, `keys/injected-*.json`,
//! `keys/clean-*.json`. Every part is optional, so a folder with only some keys is scored on
//! what it has. Line numbers are 0-based lines of the file split on `\n`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct OutlineKey {
    pub file: String,
    #[serde(default)]
    pub headings: Vec<Heading>,
    #[serde(default)]
    pub optional_headings: Vec<LineEntry>,
    #[serde(default)]
    pub dateline_lines: Vec<LineEntry>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Heading {
    pub line: usize,
    #[serde(default)]
    pub text: String,
    pub level: u32,
    #[serde(default)]
    pub continuation_of: Option<usize>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct LineEntry {
    pub line: usize,
}

#[derive(Clone, Debug, Deserialize)]
pub struct EntitiesKey {
    pub file: String,
    pub entities: Vec<EntityEntry>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct EntityEntry {
    pub surface: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub english: String,
    pub first_line: usize,
    #[serde(default)]
    pub wrapped: Option<Vec<usize>>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Injected {
    pub file: String,
    #[serde(default)]
    pub source: String,
    pub code: String,
    pub line: usize,
    #[serde(default)]
    pub alt_lines: Vec<usize>,
    #[serde(default)]
    pub edit: String,
    #[serde(default)]
    pub preexisting: Vec<Finding>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Clean {
    pub files: Vec<CleanFile>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct CleanFile {
    pub file: String,
    #[serde(default)]
    pub findings: Vec<Finding>,
    #[serde(default)]
    pub traps: Vec<Trap>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Finding {
    pub code: String,
    pub line: usize,
    #[serde(default)]
    pub alt_lines: Vec<usize>,
    #[serde(default = "definite")]
    pub certainty: String,
    #[serde(default)]
    pub anchor: String,
}

fn definite() -> String {
    "definite".to_owned()
}

impl Finding {
    /// Definite and likely findings are expected; ambiguous ones are neutral.
    pub fn expected(&self) -> bool {
        self.certainty != "ambiguous"
    }

    pub fn lines(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.line).chain(self.alt_lines.iter().copied())
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct Trap {
    pub line: usize,
    #[serde(default)]
    pub might_fire: String,
    #[serde(default)]
    pub anchor: String,
}

/// Everything a keyed folder holds.
#[derive(Debug, Default)]
pub struct Keys {
    pub root: PathBuf,
    /// The articles (`corpus/*.txt`), relative to `root`, in name order.
    pub articles: Vec<String>,
    pub outlines: Vec<OutlineKey>,
    pub entities: Vec<EntitiesKey>,
    pub injected: Vec<Injected>,
    pub clean: Vec<CleanFile>,
}

impl Keys {
    pub fn load(root: &Path) -> Result<Keys, String> {
        let corpus = root.join("corpus");
        let mut articles: Vec<String> =
            list(&corpus, ".txt")?.into_iter().map(|name| format!("corpus/{name}")).collect();
        articles.sort();
        if articles.is_empty() {
            return Err(format!("{}: no articles (corpus/*.txt)", root.display()));
        }
        let keys = root.join("keys");
        let mut out = Keys { root: root.to_owned(), articles, ..Keys::default() };
        for name in list_if_any(&keys.join("outline"), ".json")? {
            out.outlines.push(read_json(&keys.join("outline").join(name))?);
        }
        for name in list_if_any(&keys.join("entities"), ".json")? {
            out.entities.push(read_json(&keys.join("entities").join(name))?);
        }
        for name in list_if_any(&keys, ".json")? {
            if name.starts_with("injected-") {
                let mut entries: Vec<Injected> = read_json(&keys.join(&name))?;
                out.injected.append(&mut entries);
            } else if name.starts_with("clean-") {
                let clean: Clean = read_json(&keys.join(&name))?;
                out.clean.extend(clean.files);
            }
        }
        Ok(out)
    }
}

fn list(dir: &Path, suffix: &str) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|err| format!("{}: {err}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name.ends_with(suffix))
        .collect();
    names.sort();
    Ok(names)
}

fn list_if_any(dir: &Path, suffix: &str) -> Result<Vec<String>, String> {
    if dir.is_dir() { list(dir, suffix) } else { Ok(Vec::new()) }
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))?;
    serde_json::from_str(&text).map_err(|err| format!("{}: {err}", path.display()))
}
