//! Figure-rule scoring, as the keyed folder's README defines it. Injected errors: a report is
//! a hit when its code is the key's and its primary range touches `line` or an `alt_lines`
//! line. Clean files: a report matching a listed finding (same code, its line or an alt line)
//! is found (definite and likely) or neutral (ambiguous); any other report of a figure rule is
//! a false positive, and one on a trap's line is also counted as a fired trap.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::article::{Article, Script};
use crate::keys::{CleanFile, Injected};

/// The figure rules the keys score (other rules, such as `mixed-script`, are not figures).
pub const CODES: [&str; 8] = [
    "count-mismatch",
    "duration-mismatch",
    "elapsed-mismatch",
    "figure-conflict",
    "sum-mismatch",
    "weekday-mismatch",
    "invalid-date",
    "sequence-order",
];

/// A figure report: its code and the `\n` lines its primary range touches.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub code: String,
    pub first_line: usize,
    pub last_line: usize,
    pub message: String,
}

impl Report {
    fn touches(&self, lines: impl IntoIterator<Item = usize>) -> bool {
        lines.into_iter().any(|l| self.first_line <= l && l <= self.last_line)
    }
}

pub fn reports(article: &Article) -> Vec<Report> {
    article
        .analysis
        .findings
        .iter()
        .filter(|f| CODES.contains(&f.rule))
        .map(|f| {
            let (first_line, last_line) = article.lines_of(f.range);
            Report { code: f.rule.to_owned(), first_line, last_line, message: f.message.clone() }
        })
        .collect()
}

#[derive(Clone, Debug, Serialize)]
pub struct InjectedResult {
    pub file: String,
    pub script: Script,
    pub code: String,
    pub line: usize,
    pub found: bool,
    pub edit: String,
    /// Reports on the injected copy that are neither the hit nor listed as preexisting.
    pub other_reports: Vec<Report>,
}

pub fn score_injected(article: &Article, key: &Injected) -> InjectedResult {
    let reports = reports(article);
    let lines = || std::iter::once(key.line).chain(key.alt_lines.iter().copied());
    let found = reports.iter().any(|r| r.code == key.code && r.touches(lines()));
    let other_reports = reports
        .into_iter()
        .filter(|r| !(r.code == key.code && r.touches(lines())))
        .filter(|r| !key.preexisting.iter().any(|p| p.code == r.code && r.touches(p.lines())))
        .collect();
    InjectedResult {
        file: key.file.clone(),
        script: article.script,
        code: key.code.clone(),
        line: key.line,
        found,
        edit: key.edit.clone(),
        other_reports,
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CleanResult {
    pub file: String,
    pub script: Script,
    /// Definite and likely findings the key lists.
    pub expected: usize,
    pub expected_found: usize,
    /// Expected findings no report matched: `code line: anchor`.
    pub missed: Vec<String>,
    pub false_positives: Vec<Report>,
    /// Traps (by line) that a false positive landed on.
    pub traps: usize,
    pub traps_fired: Vec<String>,
}

pub fn score_clean(article: &Article, key: &CleanFile) -> CleanResult {
    let reports = reports(article);
    let mut expected = 0;
    let mut expected_found = 0;
    let mut missed = Vec::new();
    for finding in &key.findings {
        if !finding.expected() {
            continue;
        }
        expected += 1;
        if reports.iter().any(|r| r.code == finding.code && r.touches(finding.lines())) {
            expected_found += 1;
        } else {
            missed.push(format!("{} {}: {}", finding.code, finding.line, finding.anchor));
        }
    }
    let false_positives: Vec<Report> = reports
        .into_iter()
        .filter(|r| !key.findings.iter().any(|f| f.code == r.code && r.touches(f.lines())))
        .collect();
    let mut traps_fired = BTreeSet::new();
    for trap in &key.traps {
        if false_positives.iter().any(|r| r.touches([trap.line])) {
            traps_fired.insert(format!("{} {}: {}", trap.might_fire, trap.line, trap.anchor));
        }
    }
    CleanResult {
        file: key.file.clone(),
        script: article.script,
        expected,
        expected_found,
        missed,
        false_positives,
        traps: key.traps.len(),
        traps_fired: traps_fired.into_iter().collect(),
    }
}

/// Injected recall by rule code: (found, injected).
pub fn recall_by_code<'a>(results: impl Iterator<Item = &'a InjectedResult>) -> BTreeMap<String, (usize, usize)> {
    let mut by_code: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for result in results {
        let entry = by_code.entry(result.code.clone()).or_default();
        entry.1 += 1;
        if result.found {
            entry.0 += 1;
        }
    }
    by_code
}
