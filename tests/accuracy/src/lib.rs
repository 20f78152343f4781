//! zhnews-accuracy: scores zhnews on a folder of keyed real news (the format of
//! `../shared/devset`, documented in its README) through the same core calls the language
//! server and `zhnews check` make, and prints one table per feature and script.
//!
//! `scripts/accuracy [DIR]` runs it; `tests/floors.rs` runs it on the development set in CI and
//! fails when a figure falls below its floor in `floors.toml`.

pub mod article;
pub mod entities;
pub mod exclusions;
pub mod figures;
pub mod floors;
pub mod keys;
pub mod outline;
pub mod report;
mod share;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use article::{Article, Script};
use exclusions::Exclusions;
use keys::Keys;
pub use share::ratio;

/// Everything measured on one folder.
#[derive(Debug, Serialize)]
pub struct Scores {
    pub folder: String,
    pub files: BTreeMap<String, usize>,
    pub outline: Vec<outline::FileResult>,
    pub entities: Vec<entities::FileResult>,
    pub injected: Vec<figures::InjectedResult>,
    pub clean: Vec<figures::CleanResult>,
    /// Keys that do not match the text (a heading or entity line past the end, a file the
    /// corpus lacks), and exclusions applied: listed so they are read, not lost.
    pub key_problems: Vec<String>,
    /// Wall time of each part, in milliseconds.
    pub timings_ms: BTreeMap<String, u128>,
}

pub fn score(root: &Path, exclusions: &Exclusions) -> Result<Scores, String> {
    let keys = Keys::load(root)?;
    let mut timings_ms = BTreeMap::new();
    let mut key_problems = Vec::new();

    let started = Instant::now();
    // Loading jieba is part of every analysis's cost on first use; counted apart.
    zhnews_core::entities::tagger::load();
    timings_ms.insert("tagger load".to_owned(), started.elapsed().as_millis());

    let started = Instant::now();
    let mut articles: BTreeMap<String, Article> = BTreeMap::new();
    for file in &keys.articles {
        articles.insert(file.clone(), Article::load_with_model_names(&root.join(file))?);
    }
    timings_ms.insert("analysis".to_owned(), started.elapsed().as_millis());
    let mut files: BTreeMap<String, usize> = BTreeMap::new();
    for article in articles.values() {
        *files.entry(article.script.name().to_owned()).or_default() += 1;
    }

    let started = Instant::now();
    let mut outline = Vec::new();
    for key in &keys.outlines {
        let Some(article) = keyed_article(&articles, &key.file, "outline", &mut key_problems) else { continue };
        outline.push(outline::score(article, &exclusions.outline_key(key)));
    }
    timings_ms.insert("outline".to_owned(), started.elapsed().as_millis());

    let started = Instant::now();
    let mut entity_results = Vec::new();
    for key in &keys.entities {
        let Some(article) = keyed_article(&articles, &key.file, "entity", &mut key_problems) else { continue };
        let result = entities::score(article, &exclusions.entities_key(key));
        for miss in result.misses.iter().filter(|m| m.why == "not on first_line") {
            key_problems.push(format!("{}:{}: {} is not on its first_line", miss.file, miss.line, miss.surface));
        }
        entity_results.push(result);
    }
    timings_ms.insert("entities".to_owned(), started.elapsed().as_millis());

    let started = Instant::now();
    let mut injected = Vec::new();
    for key in &keys.injected {
        let path = root.join(&key.file);
        if !path.is_file() {
            key_problems.push(format!("{}: injected copy missing", key.file));
            continue;
        }
        let article = Article::load(&path)?;
        injected.push(figures::score_injected(&article, key));
    }
    let mut clean = Vec::new();
    for key in &keys.clean {
        let Some(article) = keyed_article(&articles, &key.file, "clean", &mut key_problems) else { continue };
        clean.push(figures::score_clean(article, &exclusions.clean_key(key)));
    }
    timings_ms.insert("figures".to_owned(), started.elapsed().as_millis());
    key_problems.extend(exclusions.applied());

    Ok(Scores {
        folder: root.display().to_string(),
        files,
        outline,
        entities: entity_results,
        injected,
        clean,
        key_problems,
        timings_ms,
    })
}

/// The analysed article a key names, or a key problem when the corpus lacks it.
fn keyed_article<'a>(
    articles: &'a BTreeMap<String, Article>,
    file: &str,
    key: &str,
    problems: &mut Vec<String>,
) -> Option<&'a Article> {
    let article = articles.get(file);
    if article.is_none() {
        problems.push(format!("{file}: {key} key for a file not in corpus/"));
    }
    article
}

/// The groups every summary is given for.
pub const GROUPS: [Option<Script>; 3] = [Some(Script::Traditional), Some(Script::Simplified), None];

pub fn group_name(group: Option<Script>) -> &'static str {
    group.map_or("all", Script::name)
}

fn in_group(script: Script, group: Option<Script>) -> bool {
    group.is_none_or(|g| g == script)
}

/// The headline numbers of one script (or of all files).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub outline: outline::Counts,
    pub entities: BTreeMap<String, entities::Counts>,
    pub spurious: entities::Spurious,
    pub injected: usize,
    pub injected_found: usize,
    pub clean_files: usize,
    pub false_positives: usize,
    pub expected_findings: usize,
    pub expected_found: usize,
    pub traps: usize,
    pub traps_fired: usize,
}

impl Summary {
    pub fn entities_all(&self) -> entities::Counts {
        let mut all = entities::Counts::default();
        for counts in self.entities.values() {
            all.add(counts);
        }
        all
    }
}

impl Scores {
    pub fn summary(&self, group: Option<Script>) -> Summary {
        let mut s = Summary::default();
        for file in self.outline.iter().filter(|f| in_group(f.script, group)) {
            s.outline.add(&file.counts);
        }
        for file in self.entities.iter().filter(|f| in_group(f.script, group)) {
            for (kind, counts) in &file.counts {
                s.entities.entry(kind.clone()).or_default().add(counts);
            }
            s.spurious.add(&file.spurious);
        }
        for result in self.injected.iter().filter(|r| in_group(r.script, group)) {
            s.injected += 1;
            s.injected_found += usize::from(result.found);
        }
        for file in self.clean.iter().filter(|f| in_group(f.script, group)) {
            s.clean_files += 1;
            s.false_positives += file.false_positives.len();
            s.expected_findings += file.expected;
            s.expected_found += file.expected_found;
            s.traps += file.traps;
            s.traps_fired += file.traps_fired.len();
        }
        s
    }

    /// Every gated number, named `feature.measure.group` (`outline.recall.all`), with whether
    /// higher is better.
    pub fn metrics(&self) -> Vec<(String, f64, bool)> {
        let mut out = Vec::new();
        for group in GROUPS {
            let s = self.summary(group);
            let g = group_name(group).to_lowercase();
            out.push((format!("outline.recall.{g}"), s.outline.recall(), true));
            out.push((format!("outline.precision.{g}"), s.outline.precision(), true));
            out.push((format!("outline.levels.{g}"), s.outline.level_accuracy(), true));
            for kind in entities::KINDS {
                let c = s.entities.get(kind).cloned().unwrap_or_default();
                out.push((format!("entities.hovered.{kind}.{g}"), ratio(c.hovered, c.entities), true));
                out.push((format!("entities.english.{kind}.{g}"), ratio(c.english_right, c.entities), true));
            }
            let all = s.entities_all();
            out.push((format!("entities.hovered.all.{g}"), ratio(all.hovered, all.entities), true));
            out.push((format!("entities.english.all.{g}"), ratio(all.english_right, all.entities), true));
            out.push((format!("entities.spurious.{g}"), ratio(s.spurious.total(), s.spurious.positions), false));
            out.push((format!("figures.injected_recall.{g}"), ratio(s.injected_found, s.injected), true));
            out.push((format!("figures.false_positives.{g}"), s.false_positives as f64, false));
            out.push((format!("figures.expected_found.{g}"), ratio(s.expected_found, s.expected_findings), true));
            out.push((format!("figures.traps_fired.{g}"), s.traps_fired as f64, false));
        }
        out
    }
}
