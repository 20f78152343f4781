//! `zhnews editions --suggest PATH…`: which stories of the files under the paths are probably
//! editions of one another (`zhnews_core::editions::suggest`), for `zhnews editions A B` or
//! `[[editions]]` to compare.
//!
//! Files are found and read as `zhnews check` finds and reads them (its walker, `[check]
//! include` and `exclude`, the size limit), sketched in parallel, each with its own
//! `zhnews.toml`'s outline settings. Suggestions are not findings: the exit code is 0, or 2 when
//! a file or a configuration could not be read (the other files are still searched).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;
use serde::Serialize;
use zhnews_core::Document;
use zhnews_core::editions::suggest::{SUGGEST_CONTAINMENT, StorySketch, story_sketches, suggest};
use zhnews_workspace::read_text_file;

use crate::check::report::Positions;
use crate::check::walk_selected;
use crate::exit::EXIT_ERROR;

/// A story's place: its file and its lines, 1-based.
#[derive(Serialize)]
struct StoryPlace {
    path: String,
    line: usize,
    end_line: usize,
}

#[derive(Serialize)]
struct PairOut {
    a: StoryPlace,
    b: StoryPlace,
    /// The share of the smaller story's shingles the other holds.
    containment: f64,
    /// The Jaccard similarity of the two stories' shingle sets.
    jaccard: f64,
}

#[derive(Serialize)]
struct Output {
    threshold: f64,
    files: usize,
    stories: usize,
    pairs: Vec<PairOut>,
}

/// One file's stories: their sketches, and their line ranges.
struct Sketched {
    path: PathBuf,
    stories: Vec<StorySketch>,
    lines: Vec<(usize, usize)>,
}

fn sketch_file(path: &Path, config: &zhnews_core::Config) -> Result<Sketched, String> {
    let text = read_text_file(path).map_err(|err| err.to_string())?;
    let stories = story_sketches(&Document::new(text.as_str()), config);
    let positions = Positions::new(&text);
    // The last line is the one holding the story's last character, not the line after it.
    let last = |range: zhnews_core::TextRange| {
        range.start + text.get(range.as_range()).map_or(0, |story| story.trim_end().len().saturating_sub(1))
    };
    let lines = stories
        .iter()
        .map(|story| (positions.at(story.range.start).line + 1, positions.at(last(story.range)).line + 1))
        .collect();
    Ok(Sketched { path: path.to_owned(), stories, lines })
}

/// Prints the suggested pairs of `paths` as JSON when `json`, else one line per pair.
pub fn run(paths: &[PathBuf], json: bool) -> ExitCode {
    let mut errors: Vec<String> = Vec::new();
    let mut files = Vec::new();
    walk_selected(paths, &mut errors, |path, scope, _| {
        files.push((path.to_owned(), scope));
        true
    });
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.dedup_by(|a, b| a.0 == b.0);
    let results: Vec<Result<Sketched, String>> =
        files.par_iter().map(|(path, scope)| sketch_file(path, &scope.loaded.config)).collect();
    let mut sketched = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(file) => sketched.push(file),
            Err(message) => errors.push(message),
        }
    }
    let stories: Vec<Vec<StorySketch>> = sketched.iter_mut().map(|file| std::mem::take(&mut file.stories)).collect();
    let place = |(file, story): (usize, usize)| {
        let (line, end_line) = sketched[file].lines[story];
        StoryPlace { path: sketched[file].path.display().to_string(), line, end_line }
    };
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    let output = Output {
        threshold: SUGGEST_CONTAINMENT,
        files: sketched.len(),
        stories: stories.iter().map(Vec::len).sum(),
        pairs: suggest(&stories)
            .into_iter()
            .map(|s| PairOut {
                a: place(s.a),
                b: place(s.b),
                containment: round(s.containment),
                jaccard: round(s.jaccard),
            })
            .collect(),
    };
    let mut stderr = std::io::stderr().lock();
    for error in &errors {
        let _ = writeln!(stderr, "error: {error}");
    }
    let mut stdout = std::io::stdout().lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut stdout, &output)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(stdout))
    } else {
        print_human(&mut stdout, &output)
    };
    if let Err(err) = written {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = writeln!(stderr, "error: cannot write the suggestions: {err}");
        }
        return ExitCode::from(EXIT_ERROR);
    }
    if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_ERROR) }
}

fn print_human(out: &mut impl Write, output: &Output) -> std::io::Result<()> {
    for pair in &output.pairs {
        writeln!(
            out,
            "{}:{}-{} and {}:{}-{} are probably editions of one story ({:.0}% shared)",
            pair.a.path,
            pair.a.line,
            pair.a.end_line,
            pair.b.path,
            pair.b.line,
            pair.b.end_line,
            pair.containment * 100.0
        )?;
    }
    writeln!(
        out,
        "{} pair(s) suggested among {} file(s), {} stories (two stories pair when one holds at least {:.0}% of the smaller one's text); compare a pair with `zhnews editions A B`",
        output.pairs.len(),
        output.files,
        output.stories,
        output.threshold * 100.0
    )
}
