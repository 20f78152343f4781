//! `zhnews outline`: print the outline of text files (titles, stories, sections).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;
use zhnews_core::{Document, OutlineNode};
use zhnews_workspace::{load_config, read_text_file};

use crate::exit::EXIT_ERROR;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per heading: line number, level, kind and text, indented by level.
    #[default]
    Text,
    /// One JSON document: `[{ "path", "outline": [node…] }]`, nodes nested by `children`.
    Json,
    /// One JSON object per non-blank line: the features a scored heading model reads and what
    /// the rules decided (`scripts/fit-outline-model` reads it; not a stable interface).
    #[value(hide = true)]
    Features,
}

/// A node as the CLI prints it: lines and columns are 1-based, columns count characters.
#[derive(Serialize)]
struct Node {
    line: usize,
    level: u32,
    kind: &'static str,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    /// The first and last line of everything the heading stands for.
    start_line: usize,
    end_line: usize,
    children: Vec<Node>,
}

#[derive(Serialize)]
struct FileOutline {
    path: String,
    outline: Vec<Node>,
}

fn node(document: &Document, outline: &OutlineNode) -> Node {
    let line_of = |offset: usize| document.lines().line_of(offset) + 1;
    Node {
        line: line_of(outline.heading_range.start),
        level: outline.level,
        kind: outline.kind.name(),
        text: outline.text.clone(),
        detail: outline.detail.clone(),
        start_line: line_of(outline.section_range.start),
        end_line: line_of(outline.section_range.end),
        children: outline.children.iter().map(|child| node(document, child)).collect(),
    }
}

pub fn run(files: &[PathBuf], format: Format) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    if format == Format::Features {
        return features(files, &mut stdout, &mut stderr);
    }
    let mut had_error = false;
    let mut outlines = Vec::new();
    for file in files {
        match outline_of(file) {
            Ok(outline) => outlines.push(FileOutline { path: file.display().to_string(), outline }),
            Err(message) => {
                let _ = writeln!(stderr, "error: {message}");
                had_error = true;
            }
        }
    }
    let written = match format {
        Format::Json => serde_json::to_writer_pretty(&mut stdout, &outlines)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(stdout)),
        Format::Text | Format::Features => print_text(&mut stdout, &outlines, files.len() > 1),
    };
    if let Err(err) = written {
        let _ = writeln!(stderr, "error: cannot write the outline: {err}");
        return ExitCode::from(EXIT_ERROR);
    }
    if had_error { ExitCode::from(EXIT_ERROR) } else { ExitCode::SUCCESS }
}

fn outline_of(file: &Path) -> Result<Vec<Node>, String> {
    let config = load_config(file).map_err(|err| err.to_string())?.config;
    let text = read_text_file(file).map_err(|err| err.to_string())?;
    let analysis = zhnews_core::analyse(&text, &config);
    Ok(analysis.outline().iter().map(|root| node(&analysis.document, root)).collect())
}

/// A line's features as `--format features` prints them.
#[derive(Serialize)]
struct FeatureLine<'a> {
    path: String,
    line: usize,
    text: &'a str,
    rule_item: &'static str,
    structural: bool,
    node: Option<&'static str>,
    node_span: bool,
    features: std::collections::BTreeMap<&'static str, f64>,
}

fn features(files: &[PathBuf], stdout: &mut impl Write, stderr: &mut impl Write) -> ExitCode {
    let mut had_error = false;
    for file in files {
        let loaded = load_config(file)
            .map_err(|err| err.to_string())
            .and_then(|c| Ok((c.config, read_text_file(file).map_err(|err| err.to_string())?)));
        let (config, text) = match loaded {
            Ok(loaded) => loaded,
            Err(message) => {
                let _ = writeln!(stderr, "error: {message}");
                had_error = true;
                continue;
            }
        };
        let document = Document::new(text);
        for line in zhnews_core::outline::line_features(&document, &config.outline) {
            let record = FeatureLine {
                path: file.display().to_string(),
                line: line.line,
                text: &line.text,
                rule_item: line.rule_item,
                structural: line.structural,
                node: line.node,
                node_span: line.node_span,
                features: zhnews_core::outline::FEATURE_NAMES
                    .iter()
                    .copied()
                    .zip(line.values.iter().copied())
                    .collect(),
            };
            let written = serde_json::to_writer(&mut *stdout, &record)
                .map_err(std::io::Error::other)
                .and_then(|()| writeln!(stdout));
            if let Err(err) = written {
                let _ = writeln!(stderr, "error: cannot write the features: {err}");
                return ExitCode::from(EXIT_ERROR);
            }
        }
    }
    if had_error { ExitCode::from(EXIT_ERROR) } else { ExitCode::SUCCESS }
}

/// `  18  2 section   一、引領亞太開放合作啟新程  (1234字)`, children indented under their parent.
fn print_text(out: &mut impl Write, outlines: &[FileOutline], headers: bool) -> std::io::Result<()> {
    fn walk(out: &mut impl Write, node: &Node) -> std::io::Result<()> {
        let indent = "  ".repeat(node.level.saturating_sub(1) as usize);
        let detail = node.detail.as_deref().map(|d| format!("  ({d})")).unwrap_or_default();
        writeln!(out, "{:>5} {} {:<8} {indent}{}{detail}", node.line, node.level, node.kind, node.text)?;
        node.children.iter().try_for_each(|child| walk(out, child))
    }
    for file in outlines {
        if headers {
            writeln!(out, "{}", file.path)?;
        }
        file.outline.iter().try_for_each(|node| walk(out, node))?;
    }
    Ok(())
}
