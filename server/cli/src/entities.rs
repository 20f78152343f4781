//! `zhnews entities FILE…`: every named entity in the files, as text or JSON lines for
//! newsroom tagging pipelines.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use zhnews_core::Analysis;
use zhnews_workspace::{read_text_file, text_files};

use crate::exit::EXIT_ERROR;

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum Format {
    /// `path:line:column: surface  kind  english  [id]`, 1-based, columns in characters.
    #[default]
    Text,
    /// One JSON object per mention and line: path, line and character (0-based, characters),
    /// end (the same for the end), surface, kind, english, id, source.
    Json,
}

pub fn run(paths: &[PathBuf], format: Format) -> ExitCode {
    let (files, walk_errors) = text_files(paths);
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let mut had_error = !walk_errors.is_empty();
    for err in walk_errors {
        let _ = writeln!(stderr, "error: {err}");
    }
    // The CLI can wait for jieba: load it up front so guesses are complete and deterministic.
    let mut tagger_loaded = false;
    for file in &files {
        let (config, index) = match zhnews_workspace::gazetteer::config_and_index(file) {
            Ok(loaded) => loaded,
            Err(err) => {
                let _ = writeln!(stderr, "error: {err}");
                return ExitCode::from(EXIT_ERROR);
            }
        };
        if config.entities.guesses && !tagger_loaded {
            zhnews_core::entities::tagger::load();
            tagger_loaded = true;
        }
        let text = match read_text_file(file) {
            Ok(text) => text,
            Err(err) => {
                let _ = writeln!(stderr, "error: {err}");
                had_error = true;
                continue;
            }
        };
        let analysis = zhnews_core::analyse_with(&text, &config, &index);
        analysis.add_model_names(&config, &index, zhnews_core::entities::lac::load(), &|| false);
        if print(&mut stdout, &file.display().to_string(), &analysis, format).is_err() {
            return ExitCode::from(EXIT_ERROR);
        }
    }
    if had_error { ExitCode::from(EXIT_ERROR) } else { ExitCode::SUCCESS }
}

/// (line, character) of a byte offset, both 0-based, characters counted as Unicode scalar values.
fn position(analysis: &Analysis, offset: usize) -> (usize, usize) {
    let lines = analysis.document.lines();
    let line = lines.line_of(offset);
    let start = lines.line_range(line).map_or(0, |r| r.start);
    (line, analysis.document.text()[start..offset].chars().count())
}

fn print(out: &mut impl Write, path: &str, analysis: &Analysis, format: Format) -> std::io::Result<()> {
    let text = analysis.document.text();
    for mention in analysis.entities() {
        let surface = &text[mention.range.as_range()];
        let (line, character) = position(analysis, mention.range.start);
        let (end_line, end_character) = position(analysis, mention.range.end);
        let entity = &mention.entity;
        match format {
            Format::Text => writeln!(
                out,
                "{path}:{}:{}: {}\t{}\t{}\t[{}]",
                line + 1,
                character + 1,
                surface.escape_debug(),
                entity.kind.key(),
                entity.english,
                entity.id
            )?,
            Format::Json => {
                let value = serde_json::json!({
                    "path": path,
                    "line": line,
                    "character": character,
                    "end": { "line": end_line, "character": end_character },
                    "surface": surface,
                    "key": mention.key,
                    "kind": entity.kind.key(),
                    "english": entity.english,
                    "id": entity.id,
                    "source": entity.source.label(),
                });
                writeln!(out, "{value}")?;
            }
        }
    }
    Ok(())
}

/// `zhnews about`: the version and the attribution of the data in the binary.
pub fn about() -> ExitCode {
    let curated = zhnews_core::entities::Gazetteer::curated().entities.len();
    let cedict = zhnews_core::entities::cedict::gazetteer().len();
    let text = format!(
        "zhnews {version}\n\n\
         Data in this binary:\n\
         - Curated gazetteer (server/data/gazetteer.toml, agencies.toml, regions.toml, organisations.toml, people.toml): {curated} entities, written for zhnews.\n\
         - {attribution}.\n  {cedict} proper-noun entries of the {release} release, filtered from the full \
         dictionary (entries whose pinyin starts with a capital letter); \
         https://creativecommons.org/licenses/by-sa/4.0/\n\
         - OpenCC character and variant tables (TSCharacters, STCharacters, HKVariants, TWVariants), \
         Apache-2.0, https://github.com/BYVoid/OpenCC\n\
         - jieba-rs dictionary and tagging model (MIT), loaded when names are guessed.\n\
         - pinyin crate readings (MIT; pinyin-data, MIT), for romanised names of people no gazetteer lists.\n\
         - Cantonese readings of characters from ToJyutping 3.2.0 (server/data/jyutping/, BSD-2-Clause, \
         Cantonese Computational Linguistics Infrastructure Development Workgroup, \
         https://github.com/CanCLID/ToJyutping), for romanised names of Hong Kong places.\n",
        version = env!("CARGO_PKG_VERSION"),
        attribution = zhnews_core::entities::cedict::ATTRIBUTION,
        release = zhnews_core::entities::cedict::release_date(),
    );
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}
