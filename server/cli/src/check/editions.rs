//! Edition findings in `zhnews check`: each checked file that `[[editions]]` pairs with others
//! is compared with each of them (`zhnews_core::editions::compare_with`, under the file's own
//! configuration and gazetteers), and the findings on it join its other findings, each pointing
//! into the other file. Two checked files under one configuration are compared once, for both.
//! A partner that is not itself checked is read for the comparison only.

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
    // Each comparison once: two checked files under one configuration and one gazetteer index
    // are compared once, the findings on each going to each (comparing B with A finds on each
    // edition what comparing A with B does; `editions::tests`'s `check` asserts it on every case).
    let job_of: HashMap<PathBuf, usize> = jobs.iter().enumerate().map(|(i, job)| (absolute(job.path), i)).collect();
    let shares = |i: usize, j: usize| {
        std::ptr::eq(jobs[i].scope, jobs[j].scope)
            && match (jobs[i].index, jobs[j].index) {
                (None, None) => true,
                (Some(x), Some(y)) => std::ptr::eq(x, y),
                _ => false,
            }
    };
    // (the file, its partner, the partner's job when one comparison serves both)
    let mut comparisons: Vec<(usize, &PathBuf, Option<usize>)> = Vec::new();
    for (i, list) in partners.iter().enumerate() {
        for partner in list {
            match job_of.get(partner).copied() {
                Some(j) if i != j && shares(i, j) && partners[j].contains(&absolute(jobs[i].path)) => {
                    if i < j {
                        comparisons.push((i, partner, Some(j)));
                    }
                }
                _ => comparisons.push((i, partner, None)),
            }
        }
    }
    let compared: Vec<Vec<(usize, Vec<Reported>, usize)>> = comparisons
        .par_iter()
        .map(|&(i, partner, both)| {
            let job = &jobs[i];
            let (Some(Some(this)), Some(Some(other))) = (editions.get(&absolute(job.path)), editions.get(partner))
            else {
                return Vec::new();
            };
            let index = job.index.unwrap_or(EntityIndex::builtin());
            let (this_document, other_document) = (Document::new(&*this.text), Document::new(&*other.text));
            let comparison = compare_with(&this_document, &other_document, &job.scope.loaded.config, index);
            let mut out = vec![reported_on(i, job, comparison.a, other)];
            if let Some(j) = both {
                out.push(reported_on(j, &jobs[j], comparison.b, this));
            }
            out
        })
        .collect();
    let mut found: Vec<(Vec<Reported>, usize)> = (0..jobs.len()).map(|_| (Vec::new(), 0)).collect();
    for (i, reported, ignored) in compared.into_iter().flatten() {
        found[i].0.extend(reported);
        found[i].1 += ignored;
    }
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

/// The edition findings on one checked file (job `i`) that `[[check.ignore]]` keeps, each pointing
/// into `other`, with how many it drops.
fn reported_on(
    i: usize,
    job: &Checked<'_>,
    findings: Vec<zhnews_core::editions::EditionFinding>,
    other: &Edition,
) -> (usize, Vec<Reported>, usize) {
    let mut reported = Vec::new();
    let mut ignored = 0;
    for edition_finding in findings {
        let finding: Finding = edition_finding.finding;
        if job.scope.ignores(job.path, finding.rule) {
            ignored += 1;
            continue;
        }
        let other =
            OtherEdition { display: other.display.clone(), text: other.text.clone(), related: edition_finding.other };
        reported.push(Reported { finding, other: Some(other) });
    }
    (i, reported, ignored)
}

/// A path as the user would name it: relative to the current folder when it is under it.
fn shown(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().map(|cwd| absolute(&cwd));
    match cwd.as_deref().ok().and_then(|cwd| path.strip_prefix(cwd).ok()) {
        Some(relative) => relative.to_owned(),
        None => path.to_owned(),
    }
}
