//! Edition findings in `zhnews check`: each checked file that `[[editions]]` pairs with others
//! is compared with each of them (`zhnews_core::editions::compare_with`, under the file's own
//! configuration and gazetteers), and the findings on it join its other findings, each pointing into the other
//! file. A partner that is not itself checked is read for the comparison only.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use zhnews_core::editions::compare_with;
use zhnews_core::entities::EntityIndex;
use zhnews_core::{Document, Finding};
use zhnews_workspace::read_text_file;
use zhnews_workspace::scope::absolute;

use zhnews_workspace::Scope;

use super::report::{FileReport, OtherEdition, Outcome, Reported, display_path};

/// A checked file: its path, the configuration that governs it and its gazetteers' index
/// (`None`: the builtin one).
pub struct Checked<'a> {
    pub path: &'a Path,
    pub scope: &'a Scope,
    pub index: Option<&'a EntityIndex>,
}

/// A file of a comparison: its path as shown and its text.
#[derive(Clone)]
struct Edition {
    display: String,
    text: Arc<str>,
}

/// Adds the edition findings of every checked file that has configured partners, and counts
/// those `[[check.ignore]]` drops with the file's. A partner that cannot be read is an error
/// (reported once).
pub fn add(jobs: &[Checked<'_>], reports: &mut [(FileReport, usize)], errors: &mut Vec<String>) {
    let partners: Vec<Vec<PathBuf>> = jobs.iter().map(|job| job.scope.editions.partners(job.path)).collect();
    if partners.iter().all(Vec::is_empty) {
        return;
    }
    // Every file of a comparison once: checked files as checked (after `--fix`), others read.
    let mut editions: HashMap<PathBuf, Option<Edition>> = HashMap::new();
    for (job, (report, _)) in jobs.iter().zip(reports.iter()) {
        let edition = match &report.outcome {
            Outcome::Checked { text, .. } => {
                Some(Edition { display: report.display.clone(), text: text.as_str().into() })
            }
            Outcome::Failed { .. } => None,
        };
        editions.insert(absolute(job.path), edition);
    }
    for partner in partners.iter().flatten() {
        if editions.contains_key(partner) {
            continue;
        }
        let display = display_path(&shown(partner));
        let edition = match read_text_file(partner) {
            Ok(text) => Some(Edition { display, text: text.into() }),
            Err(err) => {
                errors.push(format!("{err} (an edition named in [[editions]])"));
                None
            }
        };
        editions.insert(partner.clone(), edition);
    }
    let found: Vec<(Vec<Reported>, usize)> = jobs
        .par_iter()
        .zip(&partners)
        .map(|(job, partners)| {
            let Some(Some(this)) = editions.get(&absolute(job.path)) else { return (Vec::new(), 0) };
            let mut reported = Vec::new();
            let mut ignored = 0;
            for partner in partners {
                let Some(Some(other)) = editions.get(partner) else { continue };
                let index = job.index.unwrap_or(EntityIndex::builtin());
                let (this_document, other_document) = (Document::new(&*this.text), Document::new(&*other.text));
                let comparison = compare_with(&this_document, &other_document, &job.scope.loaded.config, index);
                for edition_finding in comparison.a {
                    let finding: Finding = edition_finding.finding;
                    if job.scope.ignores(job.path, finding.rule) {
                        ignored += 1;
                        continue;
                    }
                    let other = OtherEdition {
                        display: other.display.clone(),
                        text: other.text.clone(),
                        related: edition_finding.other,
                    };
                    reported.push(Reported { finding, other: Some(other) });
                }
            }
            (reported, ignored)
        })
        .collect();
    for ((report, ignored), (found, dropped)) in reports.iter_mut().zip(found) {
        *ignored += dropped;
        if let Outcome::Checked { findings, .. } = &mut report.outcome
            && !found.is_empty()
        {
            findings.extend(found);
            findings.sort_by_key(|r| (r.finding.range.start, r.finding.range.end));
        }
    }
}

/// A path as the user would name it: relative to the current folder when it is under it.
fn shown(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().map(|cwd| absolute(&cwd));
    match cwd.as_deref().ok().and_then(|cwd| path.strip_prefix(cwd).ok()) {
        Some(relative) => relative.to_owned(),
        None => path.to_owned(),
    }
}
