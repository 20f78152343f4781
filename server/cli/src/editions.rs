//! `zhnews editions A B`: compare two editions of one story (see `docs/editions.md`) and report
//! each edition's findings, each pointing at the other edition's text; `zhnews editions --suggest
//! PATH…`: find the stories of many files that are probably editions of one another
//! ([`suggest`]).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;
use zhnews_core::editions::{self, Comparison, EditionFinding};
use zhnews_core::entities::EntityIndex;
use zhnews_core::{Config, Document, Severity};
use zhnews_workspace::gazetteer::gazetteer_index;
use zhnews_workspace::{load_config, read_text_file};

use crate::check::EXIT_FINDINGS;
use crate::check::report::Positions;
use crate::exit::EXIT_ERROR;

mod suggest;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per finding, `path:line:column: severity[rule]: message`, with the other
    /// edition's range below it (with `--suggest`: one line per suggested pair).
    #[default]
    Human,
    /// One JSON document: the standard compared in, the story pairs and every finding (with
    /// `--suggest`: the suggested pairs, their lines and scores).
    Json,
}

#[derive(clap::Args, Debug)]
#[command(after_help = "Compare two editions: `zhnews editions A B`. \
Find which files of folders are probably editions of one story: `zhnews editions --suggest PATH…` \
(folders walked as `zhnews check` walks them; a page's stories are paired one by one).")]
pub struct Args {
    /// The two editions to compare; with `--suggest`, the files and folders to search (default:
    /// the current folder).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Suggest pairs instead of comparing two files: print each two stories of different files
    /// that share most of their text (script-normalised), with the share, and exit 0 (2 when a
    /// file cannot be read).
    #[arg(long)]
    pub suggest: bool,
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// The least severe finding that makes the run fail (exit code 1), as for `zhnews check`.
    #[arg(long, value_enum, default_value_t = crate::check::FailOn::Warning)]
    pub fail_on: crate::check::FailOn,
}

/// A place in a file, 1-based, columns in characters.
#[derive(Serialize)]
struct Place {
    path: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct RelatedOut {
    #[serde(flatten)]
    place: Place,
    message: String,
}

#[derive(Serialize)]
struct FixOut {
    title: String,
    replacement: String,
}

#[derive(Serialize)]
struct FindingOut {
    rule: &'static str,
    severity: &'static str,
    message: String,
    #[serde(flatten)]
    place: Place,
    related: Vec<RelatedOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<FixOut>,
}

#[derive(Serialize)]
struct StoryOut {
    a: Place,
    b: Place,
    containment: f64,
}

#[derive(Serialize)]
struct Output {
    standard: &'static str,
    stories: Vec<StoryOut>,
    findings: Vec<FindingOut>,
}

fn place(path: &str, positions: &Positions<'_>, range: zhnews_core::TextRange) -> Place {
    let (start, end) = (positions.at(range.start), positions.at(range.end));
    Place {
        path: path.to_owned(),
        line: start.line + 1,
        column: start.character + 1,
        end_line: end.line + 1,
        end_column: end.character + 1,
    }
}

struct Edition {
    path: String,
    text: String,
}

fn read(path: &Path) -> Result<Edition, String> {
    let text = read_text_file(path).map_err(|err| err.to_string())?;
    Ok(Edition { path: path.display().to_string(), text })
}

pub fn run(args: &Args) -> ExitCode {
    if args.suggest {
        return suggest::run(&args.paths, matches!(args.format, Format::Json));
    }
    let mut stderr = std::io::stderr().lock();
    let [a, b] = args.paths.as_slice() else {
        let _ = writeln!(
            stderr,
            "error: give the two editions to compare (`zhnews editions A B`), or `--suggest PATH…` to find pairs"
        );
        return ExitCode::from(EXIT_ERROR);
    };
    let (config, config_file) = match load_config(a) {
        Ok(loaded) => (loaded.config, loaded.path),
        Err(err) => {
            let _ = writeln!(stderr, "error: {err}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let (a, b) = match (read(a), read(b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(message), _) | (_, Err(message)) => {
            let _ = writeln!(stderr, "error: {message}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let (index, failures) = gazetteer_index(config_file.as_deref(), &config);
    if let Some(err) = failures.first() {
        let _ = writeln!(stderr, "error: gazetteer: {err}");
        return ExitCode::from(EXIT_ERROR);
    }
    let comparison = compare(&a, &b, &config, index.as_deref().unwrap_or(EntityIndex::builtin()));
    let output = output(&a, &b, &comparison);
    let mut stdout = std::io::stdout().lock();
    let written = match args.format {
        Format::Json => serde_json::to_writer_pretty(&mut stdout, &output)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(stdout)),
        Format::Human => print_human(&mut stdout, &output),
    };
    if let Err(err) = written {
        let _ = writeln!(stderr, "error: cannot write the findings: {err}");
        return ExitCode::from(EXIT_ERROR);
    }
    let threshold: Severity = args.fail_on.severity();
    let failing = comparison.a.iter().chain(&comparison.b).any(|f| f.finding.severity <= threshold);
    if failing { ExitCode::from(EXIT_FINDINGS) } else { ExitCode::SUCCESS }
}

fn compare(a: &Edition, b: &Edition, config: &Config, index: &EntityIndex) -> Comparison {
    editions::compare_with(&Document::new(a.text.as_str()), &Document::new(b.text.as_str()), config, index)
}

fn output(a: &Edition, b: &Edition, comparison: &Comparison) -> Output {
    let (positions_a, positions_b) = (Positions::new(&a.text), Positions::new(&b.text));
    let convert =
        |this: &Edition, here: &Positions<'_>, other: &Edition, there: &Positions<'_>, f: &EditionFinding| FindingOut {
            rule: f.finding.rule,
            severity: f.finding.severity.name(),
            message: f.finding.message.clone(),
            place: place(&this.path, here, f.finding.range),
            related: f
                .other
                .iter()
                .map(|r| RelatedOut { place: place(&other.path, there, r.range), message: r.message.clone() })
                .collect(),
            fix: f.finding.fix.as_ref().map(|fix| FixOut {
                title: fix.title.clone(),
                replacement: fix.edits.first().map(|e| e.replacement.clone()).unwrap_or_default(),
            }),
        };
    let mut findings: Vec<FindingOut> =
        comparison.a.iter().map(|f| convert(a, &positions_a, b, &positions_b, f)).collect();
    findings.extend(comparison.b.iter().map(|f| convert(b, &positions_b, a, &positions_a, f)));
    Output {
        standard: editions::STANDARD,
        stories: comparison
            .stories
            .iter()
            .map(|s| StoryOut {
                a: place(&a.path, &positions_a, s.a),
                b: place(&b.path, &positions_b, s.b),
                containment: (s.containment * 1000.0).round() / 1000.0,
            })
            .collect(),
        findings,
    }
}

fn print_human(out: &mut impl Write, output: &Output) -> std::io::Result<()> {
    writeln!(out, "compared as {}", output.standard)?;
    if output.stories.is_empty() {
        writeln!(out, "no story of one file shares enough of its text with a story of the other to compare")?;
    }
    for story in &output.stories {
        writeln!(
            out,
            "story {}:{}-{} pairs with {}:{}-{} ({:.0}% shared)",
            story.a.path,
            story.a.line,
            story.a.end_line,
            story.b.path,
            story.b.line,
            story.b.end_line,
            story.containment * 100.0
        )?;
    }
    for f in &output.findings {
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            f.place.path, f.place.line, f.place.column, f.severity, f.rule, f.message
        )?;
        for r in &f.related {
            writeln!(out, "  --> {}:{}:{}: {}", r.place.path, r.place.line, r.place.column, r.message)?;
        }
        if let Some(fix) = &f.fix {
            writeln!(out, "  help: {}", fix.title)?;
        }
    }
    let count = |severity: &str| output.findings.iter().filter(|f| f.severity == severity).count();
    writeln!(
        out,
        "{} finding(s): {} error(s), {} warning(s), {} info",
        output.findings.len(),
        count("error"),
        count("warning"),
        count("info")
    )
}
