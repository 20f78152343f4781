//! `zhnews convert`: convert files between Simplified and Traditional Chinese with OpenCC.
//!
//! Writes to stdout by default; `--in-place` rewrites each file atomically (a temporary file in
//! the same folder, renamed over the original, so an error never leaves a half-written file);
//! `--check` changes nothing and exits 1 when a file is not already in the target script.
//! Terms in `convert.protected` of the nearest `zhnews.toml` are left unchanged, and names from
//! the curated, user and workspace gazetteers are written in the gazetteer's own form.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhnews_core::convert::{self, Backend, Converter, OpenccConfig, Protected};
use zhnews_core::entities::{self, EntityIndex};
use zhnews_core::{Config, Document};
use zhnews_workspace::gazetteer::config_and_index;
use zhnews_workspace::read_text_file;

use crate::EXIT_ERROR;

#[derive(clap::Args)]
pub struct Args {
    /// The OpenCC configuration: s2t, t2s, s2tw, tw2s, s2twp, tw2sp, s2hk, hk2s, t2tw, tw2t,
    /// t2hk, hk2t, t2jp or jp2t (`t2s.json` works too).
    #[arg(long, short = 'c', value_parser = parse_config)]
    config: OpenccConfig,
    /// Files to convert; `-` or nothing reads stdin.
    files: Vec<PathBuf>,
    /// Rewrite the files instead of printing them.
    #[arg(long, conflicts_with = "check")]
    in_place: bool,
    /// Change nothing; exit 1 when a file is not already in the target script.
    #[arg(long)]
    check: bool,
    /// `embedded` (built in) or `system` (the installed OpenCC; needs a build with the
    /// `system-opencc` feature). Defaults to `system` in such a build, else `embedded`.
    #[arg(long, value_parser = parse_backend)]
    backend: Option<Backend>,
}

fn parse_config(name: &str) -> Result<OpenccConfig, String> {
    OpenccConfig::from_name(name).ok_or_else(|| {
        let known: Vec<&str> = OpenccConfig::ALL.iter().map(|c| c.name()).collect();
        format!("unknown OpenCC configuration `{name}`; known: {}", known.join(", "))
    })
}

fn parse_backend(name: &str) -> Result<Backend, String> {
    let backend = Backend::from_name(name).ok_or_else(|| format!("unknown backend `{name}`: embedded or system"))?;
    if backend.is_available() {
        Ok(backend)
    } else {
        Err(format!("backend `{name}` is not in this build (build with `--features system-opencc`)"))
    }
}

enum Input {
    Stdin,
    File(PathBuf),
}

pub fn run(args: &Args) -> ExitCode {
    let mut stderr = std::io::stderr().lock();
    let converter = match convert::converter(args.backend.unwrap_or(Backend::DEFAULT), args.config) {
        Ok(converter) => converter,
        Err(err) => {
            let _ = writeln!(stderr, "error: {err}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let inputs: Vec<Input> = if args.files.is_empty() {
        vec![Input::Stdin]
    } else {
        args.files.iter().map(|f| if f.as_os_str() == "-" { Input::Stdin } else { Input::File(f.clone()) }).collect()
    };
    if args.in_place && inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        let _ = writeln!(stderr, "error: --in-place needs files, not stdin");
        return ExitCode::from(EXIT_ERROR);
    }
    let mut had_error = false;
    let mut unconverted = 0;
    let mut stdout = std::io::stdout().lock();
    for input in &inputs {
        let (name, text, config_start) = match read(input) {
            Ok(read) => read,
            Err(err) => {
                let _ = writeln!(stderr, "error: {err}");
                had_error = true;
                continue;
            }
        };
        let (config, index) = match config_and_index(&config_start) {
            Ok(loaded) => loaded,
            Err(err) => {
                let _ = writeln!(stderr, "error: {err}");
                return ExitCode::from(EXIT_ERROR);
            }
        };
        let converted = match convert_one(converter, &text, &config, &index) {
            Ok(converted) => converted,
            Err(err) => {
                let _ = writeln!(stderr, "error: {name}: {err}");
                had_error = true;
                continue;
            }
        };
        if args.check {
            if converted != text {
                unconverted += 1;
                let _ = writeln!(stdout, "{name}: not in the target script of {}", args.config);
            }
        } else if args.in_place {
            if converted != text
                && let Input::File(path) = input
                && let Err(err) = write_atomically(path, &converted)
            {
                let _ = writeln!(stderr, "error: {name}: cannot write: {err}");
                had_error = true;
            }
        } else if let Err(err) = stdout.write_all(converted.as_bytes()) {
            let _ = writeln!(stderr, "error: cannot write to stdout: {err}");
            return ExitCode::from(EXIT_ERROR);
        }
    }
    let _ = stdout.flush();
    if had_error {
        ExitCode::from(EXIT_ERROR)
    } else if unconverted > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Converts one text: protected terms unchanged, names of the curated, user and workspace
/// gazetteers in the gazetteer's own form for the target script.
fn convert_one(
    converter: &dyn Converter,
    text: &str,
    config: &Config,
    index: &EntityIndex,
) -> Result<String, convert::ConvertError> {
    let mentions = if config.entities.enabled { recognise_in_parallel(text, index) } else { Vec::new() };
    let forms = convert::entity_forms(text, &mentions, converter.config().target());
    convert::convert_text(
        converter,
        text,
        Protected { terms: &config.convert.protected, forms: &forms, ..Protected::NONE },
    )
}

/// The names of `text`, as [`entities::recognise`] finds them, with the paragraphs spread over
/// the cores: recognition is the part of `zhnews convert` that is ours, not OpenCC's
/// (`bench/RESULTS.md`, conversion).
fn recognise_in_parallel(text: &str, index: &EntityIndex) -> Vec<entities::Mention> {
    use rayon::prelude::*;
    let document = Document::new(text);
    let options = entities::Options { tagger: None };
    let found: Vec<Vec<entities::Found>> = document
        .paragraphs()
        .par_iter()
        .map(|paragraph| entities::find_in_paragraph(&paragraph.joined.text, index, options))
        .collect();
    entities::place(&document, found.iter().map(Vec::as_slice))
}

/// The display name, the text, and where to look for `zhnews.toml`.
fn read(input: &Input) -> Result<(String, String, PathBuf), String> {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|err| format!("cannot read stdin: {err}"))?;
            let text = String::from_utf8(bytes)
                .map_err(|err| format!("stdin: not valid UTF-8 at byte offset {}", err.utf8_error().valid_up_to()))?;
            Ok(("-".to_owned(), text, PathBuf::from(".")))
        }
        Input::File(path) => {
            let text = read_text_file(path).map_err(|err| err.to_string())?;
            Ok((path.display().to_string(), text, path.clone()))
        }
    }
}

/// Writes `text` over `path` atomically (see [`zhnews_workspace::write_atomic`]: an error or an
/// interruption never leaves a half-written file).
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    zhnews_workspace::write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_recognition_finds_what_recognise_finds() {
        let mut texts =
            vec!["國家主席習近平抵達利馬。\n\n秘\n魯總統博魯阿爾特到場。\r\n\r\n习 近 平出席APEC会议。\n".to_owned()];
        if let Some(dir) = std::env::var_os("ZHNEWS_CORPUS") {
            let files = std::fs::read_dir(dir).into_iter().flatten().flatten();
            texts.extend(files.filter_map(|entry| std::fs::read_to_string(entry.path()).ok()));
        }
        let index = EntityIndex::builtin();
        for text in &texts {
            let sequential = entities::recognise(&Document::new(text), index, entities::Options { tagger: None });
            assert!(!sequential.is_empty());
            assert_eq!(recognise_in_parallel(text, index), sequential);
        }
    }
}
