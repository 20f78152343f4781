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
        Format::Text => print_text(&mut stdout, &outlines, files.len() > 1),
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
