//! What a `zhnews check` run found, in the form every output format reads: one [`FileReport`]
//! per file in a stable order, and a [`Summary`].

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use zhnews_core::{Finding, LineIndex, Related, Severity};

/// One file of the run.
#[derive(Debug)]
pub struct FileReport {
    pub path: PathBuf,
    /// The path as shown to users and written in machine formats: as walked, without a leading
    /// `./`, with `/` separators.
    pub display: String,
    pub outcome: Outcome,
}

#[derive(Debug)]
pub enum Outcome {
    /// The file was analysed. `text` is kept only when there are findings to show.
    Checked { text: String, findings: Vec<Reported>, fixes: Vec<String> },
    /// The file could not be read (not UTF-8, I/O error) or written back after `--fix`.
    Failed { message: String },
}

/// A finding to report and, for an edition finding, the other edition it points into.
#[derive(Debug)]
pub struct Reported {
    pub finding: Finding,
    pub other: Option<OtherEdition>,
}

impl From<Finding> for Reported {
    fn from(finding: Finding) -> Reported {
        Reported { finding, other: None }
    }
}

/// The other edition of an edition finding (`[[editions]]`): its path as shown, its text (for
/// positions) and the ranges of it the finding concerns.
#[derive(Clone, Debug)]
pub struct OtherEdition {
    pub display: String,
    pub text: Arc<str>,
    pub related: Vec<Related>,
}

impl FileReport {
    pub fn new(path: PathBuf, outcome: Outcome) -> FileReport {
        let display = display_path(&path);
        FileReport { path, display, outcome }
    }
}

pub fn display_path(path: &std::path::Path) -> String {
    let shown = path.to_string_lossy();
    let shown = shown.strip_prefix("./").unwrap_or(&shown);
    if std::path::MAIN_SEPARATOR == '\\' { shown.replace('\\', "/") } else { shown.to_owned() }
}

/// Totals over the run.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    /// Files read (or attempted).
    pub files: usize,
    /// Files that could not be read or written.
    pub failed_files: usize,
    /// Reported findings per severity, in [`Severity`] order (error, warning, info, hint).
    pub findings: [usize; 4],
    /// Findings left out because the baseline records them.
    pub baselined: usize,
    /// Baseline entries that matched no finding.
    pub stale_baseline: usize,
    /// Findings left out by `[[check.ignore]]`.
    pub ignored: usize,
    /// Safe fixes applied by `--fix`, and the files they changed.
    pub fixed: usize,
    pub fixed_files: usize,
    /// Errors that concern no single file: missing paths, configuration files.
    pub errors: usize,
    pub elapsed: Duration,
}

impl Summary {
    pub fn total_findings(&self) -> usize {
        self.findings.iter().sum()
    }

    pub fn count(&mut self, severity: Severity) {
        self.findings[severity_index(severity)] += 1;
    }

    /// Findings at `threshold` or more severe.
    pub fn at_or_above(&self, threshold: Severity) -> usize {
        self.findings[..=severity_index(threshold)].iter().sum()
    }
}

pub fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
        Severity::Hint => 3,
    }
}

/// A position in a text, in every unit some output format wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 0-based line.
    pub line: usize,
    /// 0-based column in Unicode scalar values (Rust `char`s).
    pub character: usize,
    /// 0-based column in UTF-16 code units (SARIF's default).
    pub utf16: usize,
    /// 0-based column in UTF-8 bytes (reviewdog).
    pub byte: usize,
}

/// Converts byte offsets of one text into positions.
pub struct Positions<'a> {
    text: &'a str,
    lines: LineIndex,
}

impl<'a> Positions<'a> {
    pub fn new(text: &'a str) -> Positions<'a> {
        Positions { text, lines: LineIndex::new(text) }
    }

    /// The position of byte `offset` (clamped to the text and to a character boundary).
    pub fn at(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.lines.line_of(offset);
        let start = self.lines.line_range(line).map_or(0, |range| range.start);
        let before = &self.text[start..offset];
        Position {
            line,
            character: before.chars().count(),
            utf16: before.chars().map(char::len_utf16).sum(),
            byte: before.len(),
        }
    }

    /// The text the positions are in.
    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_every_unit() {
        // 𠮷 is outside the BMP: one scalar value, two UTF-16 code units, four bytes.
        let text = "甲\r\n𠮷a乙";
        let positions = Positions::new(text);
        let at = positions.at(text.find('乙').unwrap());
        assert_eq!(at, Position { line: 1, character: 2, utf16: 3, byte: 5 });
        assert_eq!(positions.at(1).character, 0, "inside a character: its start");
        assert_eq!(positions.at(999).line, 1);
    }

    #[test]
    fn display_paths_lose_the_leading_dot() {
        assert_eq!(display_path(std::path::Path::new("./news/a.txt")), "news/a.txt");
        assert_eq!(display_path(std::path::Path::new("/abs/a.txt")), "/abs/a.txt");
    }
}
