//! `zhnews-accuracy [DIR]`: scores zhnews on a keyed folder (default `../shared/devset`) and
//! prints the table, or JSON with `--format json`. Exit status 1 when `--floors` is given and
//! a score falls short of it.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use zhnews_accuracy::exclusions::Exclusions;
use zhnews_accuracy::floors::Floors;

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
enum Format {
    #[default]
    Table,
    Json,
}

#[derive(Parser)]
#[command(about = "Scores zhnews on a folder of keyed news articles (the devset format)")]
struct Args {
    /// The keyed folder: corpus/*.txt and keys/ (see its README).
    #[arg(default_value = "../shared/devset")]
    dir: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// Also list every missed or extra heading, entity miss, spurious hover and other report.
    #[arg(long)]
    details: bool,
    /// Keys set aside, each with its reason (TOML; see tests/accuracy/src/exclusions.rs).
    #[arg(long)]
    exclusions: Option<PathBuf>,
    /// Fail (exit 1) when a score falls below these floors (tests/accuracy/floors.toml).
    #[arg(long)]
    floors: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let exclusions = match args.exclusions.as_deref().map(Exclusions::load).transpose() {
        Ok(exclusions) => exclusions.unwrap_or_default(),
        Err(err) => {
            let _ = writeln!(stderr, "error: {err}");
            return ExitCode::from(2);
        }
    };
    let scores = match zhnews_accuracy::score(&args.dir, &exclusions) {
        Ok(scores) => scores,
        Err(err) => {
            let _ = writeln!(stderr, "error: {err}");
            return ExitCode::from(2);
        }
    };
    let printed = match args.format {
        Format::Table => write!(stdout, "{}", zhnews_accuracy::report::table(&scores, args.details)),
        Format::Json => writeln!(stdout, "{:#}", zhnews_accuracy::report::json(&scores)),
    };
    if printed.is_err() {
        return ExitCode::from(2);
    }
    if let Some(path) = args.floors {
        let floors = match Floors::load(&path) {
            Ok(floors) => floors,
            Err(err) => {
                let _ = writeln!(stderr, "error: {err}");
                return ExitCode::from(2);
            }
        };
        let failures = floors.check(&scores);
        for failure in &failures {
            let _ = writeln!(stderr, "below floor: {failure}");
        }
        if !failures.is_empty() {
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
