//! `zhnews check`: analyse files and report findings in the format CI wants.
//!
//! Files are found by walking the given paths (`.gitignore` honoured, `[check] include` and
//! `exclude` of the governing `zhnews.toml` applied), analysed in parallel with rayon, and
//! reported in path order whatever order they finished in. The exit code is 0 when no finding
//! reaches `--fail-on`, 1 when one does, 2 on usage, configuration or I/O errors.

mod editions;
mod fix;
mod github;
mod human;
mod json;
mod progress;
mod rdjson;
pub(crate) mod report;
mod sarif;

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use zhnews_core::entities::EntityIndex;
use zhnews_core::fingerprint::{excerpt, fingerprint};
use zhnews_core::{Analysis, Finding, Severity};
use zhnews_workspace::baseline::{Baseline, BaselineWriter};
use zhnews_workspace::gazetteer::gazetteer_index;
use zhnews_workspace::{Scope, ScopeError, Scopes, files_where, read_text_file, write_atomic};

use self::progress::Progress;
use self::report::{FileReport, Outcome, Reported, Summary};
use crate::exit::EXIT_ERROR;

/// Exit code when findings reach `--fail-on`.
pub const EXIT_FINDINGS: u8 = 1;

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or folders (default: the current folder). Folders are searched for the files that
    /// `[check] include` selects (`*.txt`), honouring `.gitignore` and `[check] exclude`.
    pub paths: Vec<PathBuf>,
    /// How to report findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The least severe finding that makes the run fail (exit code 1).
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Leave out findings recorded in this baseline file; only new findings are reported.
    /// Without it, `zhnews-baseline.json` beside the governing `zhnews.toml` (or in the current
    /// folder) is used when it exists: the file the editor's "Ignore this finding" writes.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["write_baseline", "no_baseline"])]
    pub baseline: Option<PathBuf>,
    /// Report every finding, even those recorded in the workspace's `zhnews-baseline.json`.
    #[arg(long)]
    pub no_baseline: bool,
    /// Record every current finding in this baseline file (replacing it) and exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Apply safe fixes in place (atomically), then report what is left.
    #[arg(long)]
    pub fix: bool,
    /// Colour in the human format: `auto` colours only a terminal and honours NO_COLOR.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style code frames and a summary line.
    Human,
    /// One JSON document (see docs/check-output.md).
    Json,
    /// SARIF 2.1.0 for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// Reviewdog Diagnostic Format.
    Rdjson,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Hint,
}

impl FailOn {
    pub(crate) fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
            FailOn::Hint => Severity::Hint,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// The workspace's `zhnews-baseline.json`, when there is one: where the language server keeps it
/// for a workspace rooted in the current folder.
fn workspace_baseline() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    Some(zhnews_workspace::baseline::default_baseline_path(&cwd, std::slice::from_ref(&cwd)))
        .filter(|path| path.is_file())
}

/// A file to check, the configuration that governs it and the entity index of its user and
/// workspace gazetteers (`None`: the builtin one).
struct Job {
    path: PathBuf,
    scope: Arc<Scope>,
    index: Option<Arc<EntityIndex>>,
}

impl Job {
    /// The analysis of `text` under this job's configuration and gazetteers: what the language
    /// server publishes for the same text.
    fn analyse(&self, text: &str) -> Analysis {
        let config = &self.scope.loaded.config;
        match &self.index {
            Some(index) => zhnews_core::analyse_with(text, config, index),
            None => zhnews_core::analyse(text, config),
        }
    }
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let started = Instant::now();
    // Not locked: the progress bar writes to stderr from the worker threads.
    let mut stderr = std::io::stderr();
    let mut errors: Vec<String> = Vec::new();

    let baseline_path = match &args.baseline {
        Some(path) => Some(path.clone()),
        None if args.no_baseline || args.write_baseline.is_some() => None,
        None => workspace_baseline(),
    };
    let mut baseline = match &baseline_path {
        Some(path) => match Baseline::load(path) {
            Ok(baseline) => Some(baseline),
            Err(err) => {
                let _ = writeln!(stderr, "error: {err}");
                return ExitCode::from(EXIT_ERROR);
            }
        },
        None => None,
    };

    let jobs = collect_jobs(args, &mut errors);
    let progress = Progress::new(jobs.len(), std::io::stderr().is_terminal());
    let mut checked: Vec<(FileReport, usize)> = jobs
        .par_iter()
        .map(|job| {
            let result = check_file(job, args.fix);
            progress.inc();
            result
        })
        .collect();
    progress.finish();
    let checked_files: Vec<editions::Checked<'_>> = jobs
        .iter()
        .map(|job| editions::Checked { path: &job.path, scope: &job.scope, index: job.index.as_deref() })
        .collect();
    editions::add(&checked_files, &mut checked, &mut errors);

    let mut summary = Summary { files: checked.len(), errors: errors.len(), ..Summary::default() };
    let mut writer = args.write_baseline.as_deref().map(BaselineWriter::new);
    let mut files = Vec::with_capacity(checked.len());
    for (mut file, ignored) in checked {
        summary.ignored += ignored;
        if let Outcome::Checked { text, findings, fixes } = &mut file.outcome {
            if !fixes.is_empty() {
                summary.fixed += fixes.len();
                summary.fixed_files += 1;
            }
            if let Some(writer) = &mut writer {
                let key = writer.path_key(&file.path);
                for Reported { finding, .. } in findings.iter() {
                    writer.add(key.clone(), finding.rule, fingerprint(text, finding), excerpt(text, finding, 24));
                }
                findings.clear();
            }
            if let Some(baseline) = &mut baseline {
                let key = baseline.path_key(&file.path);
                let before = findings.len();
                findings
                    .retain(|Reported { finding, .. }| !baseline.take(&key, finding.rule, &fingerprint(text, finding)));
                summary.baselined += before - findings.len();
            }
            for reported in findings.iter() {
                summary.count(reported.finding.severity);
            }
            if findings.is_empty() {
                *text = String::new();
            }
        } else {
            summary.failed_files += 1;
        }
        files.push(file);
    }
    summary.stale_baseline = baseline.as_ref().map_or(0, Baseline::unmatched);

    for file in &files {
        match &file.outcome {
            Outcome::Failed { message } => {
                let _ = writeln!(stderr, "error: {message}");
            }
            Outcome::Checked { fixes, .. } if !fixes.is_empty() => {
                let _ = writeln!(stderr, "fixed {}: {}", file.display, fixes.join("; "));
            }
            Outcome::Checked { .. } => {}
        }
    }
    for error in &errors {
        let _ = writeln!(stderr, "error: {error}");
    }

    let mut wrote_baseline = None;
    if let (Some(writer), Some(path)) = (writer, &args.write_baseline) {
        let count = writer.len();
        match writer.write() {
            Ok(()) => wrote_baseline = Some((count, path)),
            Err(err) => {
                let _ = writeln!(stderr, "error: {err}");
                errors.push(err.to_string());
            }
        }
    }

    summary.elapsed = started.elapsed();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        Format::Human => human::write(&mut stdout, &files, &human::HumanOptions { color }),
        Format::Json => json::write(&mut stdout, &files, &summary),
        Format::Sarif => sarif::write(&mut stdout, &files, &errors),
        Format::Github => github::write(&mut stdout, &files, &errors),
        Format::Rdjson => rdjson::write(&mut stdout, &files),
    }
    .and_then(|()| stdout.flush());
    if let Err(err) = written {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = writeln!(stderr, "error: cannot write the report: {err}");
        }
        return ExitCode::from(EXIT_ERROR);
    }
    let _ = writeln!(stderr, "{}", human::summary_line(&summary));
    if let Some((count, path)) = wrote_baseline {
        let _ = writeln!(stderr, "wrote {count} finding(s) to the baseline {}", path.display());
    }
    ExitCode::from(exit_code(!errors.is_empty() || summary.failed_files > 0, &summary, args.fail_on.severity()))
}

/// 2 on any error, else 1 when a finding reaches `fail_on`, else 0.
fn exit_code(had_errors: bool, summary: &Summary, fail_on: Severity) -> u8 {
    if had_errors {
        EXIT_ERROR
    } else if summary.at_or_above(fail_on) > 0 {
        EXIT_FINDINGS
    } else {
        0
    }
}

/// The files to check ([`walk_selected`]), in path order, each with its configuration and
/// gazetteers; configuration and gazetteer errors are reported once each and the files they
/// govern skipped.
fn collect_jobs(args: &CheckArgs, errors: &mut Vec<String>) -> Vec<Job> {
    let mut jobs = Vec::new();
    // Each configuration's gazetteers, loaded once; `Err` when one failed (reported once).
    let mut indexes: HashMap<Option<PathBuf>, Result<Option<Arc<EntityIndex>>, ()>> = HashMap::new();
    walk_selected(&args.paths, errors, |path, scope, errors| {
        let index = indexes.entry(scope.loaded.path.clone()).or_insert_with(|| {
            let (index, failures) = gazetteer_index(scope.loaded.path.as_deref(), &scope.loaded.config);
            errors.extend(failures.iter().map(|err| format!("gazetteer: {err}")));
            if failures.is_empty() { Ok(index) } else { Err(()) }
        });
        let Ok(index) = index else { return false };
        jobs.push(Job { path: path.to_owned(), scope, index: index.clone() });
        true
    });
    // Stable output: path order, each file once (`.` and `./a.txt` both name `a.txt`).
    jobs.sort_by(|a, b| a.path.cmp(&b.path));
    jobs.dedup_by(|a, b| a.path == b.path);
    jobs
}

/// Walks `paths` (default: the current folder) the way `zhnews check` does: folders searched for
/// the files `[check] include` selects, honouring `.gitignore` and `[check] exclude`, a named
/// file taken unless excluded. Offers each selected file to `take` with its configuration (as
/// reported, `./a.txt` as `a.txt`); configuration and walk errors go to `errors`, once each.
///
/// A named path that is not a regular file (`/dev/stdin`, `<(cmd)`) is governed by the
/// configuration of the current folder, as `zhnews convert` does for stdin.
pub(crate) fn walk_selected(
    paths: &[PathBuf],
    errors: &mut Vec<String>,
    mut take: impl FnMut(&Path, Arc<Scope>, &mut Vec<String>) -> bool,
) {
    let paths = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
    let mut scopes = Scopes::new();
    let mut scope_of = |path: &Path, errors: &mut Vec<String>| match scopes.for_path(path) {
        Ok(scope) => Some(scope),
        Err(ScopeError::New(err)) => {
            errors.push(err.to_string());
            None
        }
        Err(ScopeError::Again(_)) => None,
    };
    let (_, walk_errors) = files_where(&paths, |path, named| {
        let stream = named && !path.is_file();
        let Some(scope) = scope_of(if stream { Path::new(".") } else { path }, errors) else { return false };
        let selected = if named { !scope.excludes(path) } else { scope.selects(path) };
        if !selected {
            return false;
        }
        take(path.strip_prefix(".").unwrap_or(path), scope, errors)
    });
    errors.extend(walk_errors.iter().map(ToString::to_string));
}

/// Reads, (fixes,) analyses and filters one file; also returns how many findings
/// `[[check.ignore]]` dropped.
fn check_file(job: &Job, apply_fixes: bool) -> (FileReport, usize) {
    let failed = |message: String| (FileReport::new(job.path.clone(), Outcome::Failed { message }), 0);
    let text = match read_text_file(&job.path) {
        Ok(text) => text,
        Err(err) => return failed(err.to_string()),
    };
    let kept = |finding: &Finding| !job.scope.ignores(&job.path, finding.rule);
    let (text, analysis, fixes) = if apply_fixes {
        let fixed = fix::fix_text(text.clone(), &|text| job.analyse(text), &kept);
        if !fixed.titles.is_empty()
            && let Err(err) = write_atomic(&job.path, fixed.text.as_bytes())
        {
            return failed(format!("{}: cannot write the fixed text: {err}", job.path.display()));
        }
        (fixed.text, fixed.analysis, fixed.titles)
    } else {
        let analysis = job.analyse(&text);
        (text, analysis, Vec::new())
    };
    let total = analysis.findings.len();
    let findings: Vec<Reported> =
        analysis.findings.into_iter().filter(|finding| kept(finding)).map(Reported::from).collect();
    let ignored = total - findings.len();
    // The text stays for the edition findings; the run drops it once it knows there are none.
    (FileReport::new(job.path.clone(), Outcome::Checked { text, findings, fixes }), ignored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_fail_on() {
        let mut summary = Summary::default();
        assert_eq!(exit_code(false, &summary, Severity::Warning), 0);
        summary.findings = [0, 0, 2, 0];
        assert_eq!(exit_code(false, &summary, Severity::Warning), 0, "info does not fail by default");
        assert_eq!(exit_code(false, &summary, Severity::Info), 1);
        assert_eq!(exit_code(false, &summary, Severity::Hint), 1);
        summary.findings = [0, 1, 0, 0];
        assert_eq!(exit_code(false, &summary, Severity::Error), 0);
        assert_eq!(exit_code(false, &summary, Severity::Warning), 1);
        assert_eq!(exit_code(true, &summary, Severity::Warning), 2, "errors win over findings");
    }
}
