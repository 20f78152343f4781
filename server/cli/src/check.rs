//! `zhnews check`: analyse files and report findings.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhnews_core::{Analysis, LineIndex};
use zhnews_workspace::{load_config, read_text_file, text_files};

use crate::EXIT_ERROR;

pub fn run(paths: &[PathBuf]) -> ExitCode {
    let paths = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
    let (files, walk_errors) = text_files(&paths);
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let mut had_error = !walk_errors.is_empty();
    for err in walk_errors {
        let _ = writeln!(stderr, "error: {err}");
    }
    let mut findings = 0;
    for file in &files {
        let config = match load_config(file) {
            Ok(loaded) => loaded.config,
            Err(err) => {
                let _ = writeln!(stderr, "error: {err}");
                return ExitCode::from(EXIT_ERROR);
            }
        };
        let text = match read_text_file(file) {
            Ok(text) => text,
            Err(err) => {
                let _ = writeln!(stderr, "error: {err}");
                had_error = true;
                continue;
            }
        };
        let analysis = zhnews_core::analyse(&text, &config);
        findings += analysis.findings.len();
        let _ = print_findings(&mut stdout, file, &analysis);
    }
    let _ = writeln!(stderr, "{} file(s) checked, {findings} finding(s)", files.len());
    if had_error {
        ExitCode::from(EXIT_ERROR)
    } else if findings > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `path:line:column: severity[code]: message`, 1-based, columns in characters.
fn print_findings(out: &mut impl Write, path: &Path, analysis: &Analysis) -> std::io::Result<()> {
    let text = analysis.document.text();
    let lines: &LineIndex = analysis.document.lines();
    for finding in &analysis.findings {
        let line = lines.line_of(finding.range.start);
        let line_start = lines.line_range(line).map_or(0, |r| r.start);
        let column = text[line_start..finding.range.start].chars().count();
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            path.display(),
            line + 1,
            column + 1,
            finding.severity.name(),
            finding.rule,
            finding.message
        )?;
    }
    Ok(())
}
