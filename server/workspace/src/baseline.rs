//! Baseline files: findings recorded once (`zhnews check --write-baseline FILE`) and tolerated
//! afterwards (`--baseline FILE`), so only new findings fail CI.
//!
//! A finding is recorded by the path of its file (relative to the baseline file's folder, with
//! `/`), its rule and its fingerprint ([`zhnews_core::fingerprint`]): a hash of the finding's
//! text and a little context, not of line numbers, so it survives lines moving. Identical
//! findings share a key and are counted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::scope::absolute;
use crate::write::write_atomic;

/// The version written in and expected of baseline files.
pub const BASELINE_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<BaselineEntry>,
}

/// One recorded finding (or `count` identical ones).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub count: usize,
    /// The finding's text, for people reading the file; not used for matching.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub excerpt: String,
}

fn one() -> usize {
    1
}

fn is_one(count: &usize) -> bool {
    *count == 1
}

/// A key of the baseline: (path, rule, fingerprint).
pub type BaselineKey = (String, String, String);

#[derive(Debug)]
pub struct BaselineError {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for BaselineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for BaselineError {}

/// The baseline file's name when nothing names one: what the editor's "Ignore this finding"
/// writes, at the workspace root (see [`default_baseline_path`]).
pub const DEFAULT_BASELINE_FILE: &str = "zhnews-baseline.json";

/// Where the editor keeps the baseline for `document`: [`DEFAULT_BASELINE_FILE`] in the folder
/// of the `zhnews.toml` that governs it, else in the innermost workspace root that contains it,
/// else beside it. `zhnews check --baseline zhnews-baseline.json` run from that folder reads
/// the same file (its paths are relative to the file's own folder, so the working directory
/// does not matter).
pub fn default_baseline_path(document: &Path, roots: &[PathBuf]) -> PathBuf {
    let document = absolute(document);
    let folder = crate::config_file::find_config(&document)
        .and_then(|config| config.parent().map(Path::to_owned))
        .or_else(|| {
            roots
                .iter()
                .map(|root| absolute(root))
                .filter(|root| document.starts_with(root))
                .max_by_key(|root| root.components().count())
        })
        .unwrap_or_else(|| folder_of(&document));
    folder.join(DEFAULT_BASELINE_FILE)
}

/// A loaded baseline that findings are matched against; each recorded finding matches once.
#[derive(Clone, Debug)]
pub struct Baseline {
    dir: PathBuf,
    remaining: BTreeMap<BaselineKey, usize>,
}

impl Baseline {
    /// An empty baseline whose paths are relative to the folder of `file`.
    pub fn empty(file: &Path) -> Baseline {
        Baseline { dir: folder_of(file), remaining: BTreeMap::new() }
    }

    pub fn load(file: &Path) -> Result<Baseline, BaselineError> {
        let mut baseline = Baseline::empty(file);
        for entry in read(file)?.findings {
            *baseline.remaining.entry((entry.path, entry.rule, entry.fingerprint)).or_default() += entry.count;
        }
        Ok(baseline)
    }

    /// How `file` is named in this baseline: relative to the baseline's folder with `/`
    /// separators, or absolute when it lies outside that folder.
    pub fn path_key(&self, file: &Path) -> String {
        path_key(&self.dir, file)
    }

    /// True (and the entry used up) when the baseline records this finding.
    pub fn take(&mut self, path_key: &str, rule: &str, fingerprint: &str) -> bool {
        let key = (path_key.to_owned(), rule.to_owned(), fingerprint.to_owned());
        match self.remaining.get_mut(&key) {
            Some(count) if *count > 0 => {
                *count -= 1;
                true
            }
            _ => false,
        }
    }

    /// How many recorded findings matched nothing (fixed since, or changed beyond recognition).
    pub fn unmatched(&self) -> usize {
        self.remaining.values().sum()
    }
}

/// Collects findings and writes them as a baseline file.
#[derive(Debug)]
pub struct BaselineWriter {
    file: PathBuf,
    dir: PathBuf,
    entries: BTreeMap<BaselineKey, (usize, String)>,
}

impl BaselineWriter {
    pub fn new(file: &Path) -> BaselineWriter {
        BaselineWriter { file: file.to_owned(), dir: folder_of(file), entries: BTreeMap::new() }
    }

    pub fn path_key(&self, file: &Path) -> String {
        path_key(&self.dir, file)
    }

    pub fn add(&mut self, path_key: String, rule: &str, fingerprint: String, excerpt: String) {
        let entry = self.entries.entry((path_key, rule.to_owned(), fingerprint)).or_insert((0, excerpt));
        entry.0 += 1;
    }

    pub fn len(&self) -> usize {
        self.entries.values().map(|(count, _)| count).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Writes the file atomically, entries sorted so that diffs stay small.
    pub fn write(self) -> Result<(), BaselineError> {
        let findings = self
            .entries
            .into_iter()
            .map(|((path, rule, fingerprint), (count, excerpt))| BaselineEntry {
                path,
                rule,
                fingerprint,
                count,
                excerpt,
            })
            .collect();
        let file = BaselineFile { version: BASELINE_VERSION, findings };
        let mut json = serde_json::to_string_pretty(&file)
            .map_err(|err| BaselineError { path: self.file.clone(), message: err.to_string() })?;
        json.push('\n');
        write_atomic(&self.file, json.as_bytes())
            .map_err(|err| BaselineError { path: self.file.clone(), message: format!("cannot write: {err}") })
    }
}

/// Adds one finding to the baseline `file` (created when missing) and writes it back
/// atomically: what an editor's "Ignore this finding" does. `source` is the file the finding
/// is in.
pub fn add_to_baseline(
    file: &Path,
    source: &Path,
    rule: &str,
    fingerprint: String,
    excerpt: String,
) -> Result<(), BaselineError> {
    let mut writer = BaselineWriter::new(file);
    if file.exists() {
        for entry in read(file)?.findings {
            let slot = writer.entries.entry((entry.path, entry.rule, entry.fingerprint)).or_insert((0, entry.excerpt));
            slot.0 += entry.count;
        }
    }
    let key = writer.path_key(source);
    writer.add(key, rule, fingerprint, excerpt);
    writer.write()
}

fn read(file: &Path) -> Result<BaselineFile, BaselineError> {
    let fail = |message: String| BaselineError { path: file.to_owned(), message };
    let text = crate::read::read_text_file(file).map_err(|err| fail(err.reason()))?;
    let parsed: BaselineFile = serde_json::from_str(&text)
        .map_err(|err| fail(format!("{}:{}: not a baseline file: {err}", err.line(), err.column())))?;
    if parsed.version != BASELINE_VERSION {
        return Err(fail(format!(
            "baseline version {} is not supported (expected {BASELINE_VERSION})",
            parsed.version
        )));
    }
    Ok(parsed)
}

fn folder_of(file: &Path) -> PathBuf {
    let file = absolute(file);
    file.parent().map(Path::to_owned).unwrap_or(file)
}

fn path_key(dir: &Path, file: &Path) -> String {
    let file = absolute(file);
    let relative = file.strip_prefix(dir).unwrap_or(&file);
    let parts: Vec<String> = relative.iter().map(|part| part.to_string_lossy().into_owned()).collect();
    if relative.is_absolute() { relative.to_string_lossy().replace('\\', "/") } else { parts.join("/") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_counts_and_relative_paths() {
        let dir = std::env::temp_dir().join(format!("zhnews-baseline-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("news")).unwrap();
        let file = dir.join("zhnews-baseline.json");
        let mut writer = BaselineWriter::new(&file);
        let key = writer.path_key(&dir.join("news/./a.txt"));
        assert_eq!(key, "news/a.txt");
        writer.add(key.clone(), "count-mismatch", "00ff".into(), "五個方面".into());
        writer.add(key.clone(), "count-mismatch", "00ff".into(), "五個方面".into());
        writer.add(key.clone(), "sequence-order", "0abc".into(), String::new());
        assert_eq!(writer.len(), 3);
        writer.write().unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        expect_test::expect![[r#"
            {
              "version": 1,
              "findings": [
                {
                  "path": "news/a.txt",
                  "rule": "count-mismatch",
                  "fingerprint": "00ff",
                  "count": 2,
                  "excerpt": "五個方面"
                },
                {
                  "path": "news/a.txt",
                  "rule": "sequence-order",
                  "fingerprint": "0abc"
                }
              ]
            }
        "#]]
        .assert_eq(&text);

        let mut baseline = Baseline::load(&file).unwrap();
        assert!(baseline.take(&key, "count-mismatch", "00ff"));
        assert!(baseline.take(&key, "count-mismatch", "00ff"));
        assert!(!baseline.take(&key, "count-mismatch", "00ff"), "each recorded finding matches once");
        assert!(!baseline.take("news/b.txt", "sequence-order", "0abc"));
        assert_eq!(baseline.unmatched(), 1);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn adding_one_finding_keeps_the_others() {
        let dir = std::env::temp_dir().join(format!("zhnews-baseline-add-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("baseline.json");
        add_to_baseline(&file, &dir.join("a.txt"), "count-mismatch", "01".into(), "五個方面".into()).unwrap();
        add_to_baseline(&file, &dir.join("a.txt"), "count-mismatch", "01".into(), "五個方面".into()).unwrap();
        add_to_baseline(&file, &dir.join("b.txt"), "sequence-order", "02".into(), String::new()).unwrap();
        let mut baseline = Baseline::load(&file).unwrap();
        assert_eq!(baseline.unmatched(), 3);
        assert!(baseline.take("a.txt", "count-mismatch", "01"));
        assert!(baseline.take("a.txt", "count-mismatch", "01"));
        assert!(baseline.take("b.txt", "sequence-order", "02"));
        std::fs::write(&file, "not json").unwrap();
        let err = add_to_baseline(&file, &dir.join("a.txt"), "r", "03".into(), String::new()).unwrap_err();
        assert!(err.to_string().contains("not a baseline file"), "{err}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "not json", "a broken file is left alone");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_default_file_sits_beside_zhnews_toml_else_at_the_root() {
        let dir = std::env::temp_dir().join(format!("zhnews-baseline-default-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("project/news/2024")).unwrap();
        let document = dir.join("project/news/2024/a.txt");
        let roots = [dir.join("project"), dir.join("project/news")];
        assert_eq!(default_baseline_path(&document, &roots), dir.join("project/news").join(DEFAULT_BASELINE_FILE));
        assert_eq!(default_baseline_path(&document, &[]), dir.join("project/news/2024").join(DEFAULT_BASELINE_FILE));
        std::fs::write(dir.join("project/zhnews.toml"), "").unwrap();
        assert_eq!(default_baseline_path(&document, &roots), dir.join("project").join(DEFAULT_BASELINE_FILE));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn bad_files_are_clear_errors() {
        let dir = std::env::temp_dir().join(format!("zhnews-baseline-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("b.json");
        std::fs::write(&file, "{\"version\": 1,\n \"findings\": 3}").unwrap();
        let err = Baseline::load(&file).unwrap_err().to_string();
        assert!(err.contains("b.json: 2:") && err.contains("not a baseline file"), "{err}");
        std::fs::write(&file, "{\"version\": 9, \"findings\": []}").unwrap();
        assert!(Baseline::load(&file).unwrap_err().to_string().contains("version 9 is not supported"));
        assert!(Baseline::load(&dir.join("missing.json")).unwrap_err().to_string().contains("cannot read"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
