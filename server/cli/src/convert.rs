//! `zhnews convert`: convert files between Simplified and Traditional Chinese with OpenCC.
//!
//! Writes to stdout by default; `--in-place` rewrites each file atomically (a temporary file in
//! the same folder, renamed over the original, so an error never leaves a half-written file);
//! `--check` changes nothing and exits 1 when a file is not already in the target script.
//! Terms in `convert.protected` of the nearest `zhnews.toml` are left unchanged, and names from
//! the curated, user and workspace gazetteers being converted from the other script are written
//! in the gazetteer's own form (`--names gazetteer`, the default, or `convert.names`);
//! `--names keep` leaves them to OpenCC, so the output is exactly OpenCC's.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhnews_core::Config;
use zhnews_core::convert::{self, Backend, Converter, Names, OpenccConfig, Protected, pieces};
use zhnews_core::entities::EntityIndex;
use zhnews_workspace::gazetteer::config_and_index;
use zhnews_workspace::read_text_file;

use crate::exit::EXIT_ERROR;

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
    /// `gazetteer`: a name of the curated, user or workspace gazetteer being converted from the
    /// other script takes the gazetteer's form (于立军 → 于立軍, where OpenCC writes 於立軍);
    /// `keep`: names are converted like any other text, giving exactly OpenCC's output. Defaults
    /// to `convert.names` of zhnews.toml, else `gazetteer`.
    #[arg(long, value_parser = parse_names)]
    names: Option<Names>,
}

fn parse_names(name: &str) -> Result<Names, String> {
    Names::from_name(name).ok_or_else(|| format!("unknown names mode `{name}`: gazetteer or keep"))
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
        // The entity index loads (≈ 80 ms) while the text is read.
        let (read, loaded) = std::thread::scope(|scope| {
            let loading = scope.spawn(|| config_and_index(&config_start(input)).map_err(|err| err.to_string()));
            let read = read(input);
            (read, loading.join().unwrap_or_else(|_| Err("loading the configuration failed".to_owned())))
        });
        let (name, text) = match read {
            Ok(read) => read,
            Err(err) => {
                let _ = writeln!(stderr, "error: {err}");
                had_error = true;
                continue;
            }
        };
        let (config, index) = match loaded {
            Ok(loaded) => loaded,
            Err(err) => {
                let _ = writeln!(stderr, "error: {err}");
                return ExitCode::from(EXIT_ERROR);
            }
        };
        let names = args.names.unwrap_or(config.convert.names);
        let converted = match convert_one(converter, &text, &config, names, &index) {
            Ok(converted) => converted,
            Err(err) => {
                let _ = writeln!(stderr, "error: {name}: {err}");
                had_error = true;
                continue;
            }
        };
        if args.check {
            if !unchanged(&converted, &text) {
                unconverted += 1;
                let _ = writeln!(stdout, "{name}: not in the target script of {}", args.config);
            }
        } else if args.in_place {
            if !unchanged(&converted, &text)
                && let Input::File(path) = input
                && let Err(err) = write_atomically(path, &converted.concat())
            {
                let _ = writeln!(stderr, "error: {name}: cannot write: {err}");
                had_error = true;
            }
        } else if let Err(err) = converted.iter().try_for_each(|piece| stdout.write_all(piece.as_bytes())) {
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

/// Converts one text: protected terms unchanged and, with [`Names::Gazetteer`], names of the
/// curated, user and workspace gazetteers being converted from the other script in the
/// gazetteer's own form for the target script (see [`convert::entity_forms`]). The text is converted in
/// pieces (see [`convert::pieces`]); returns the converted pieces, in order.
///
/// The system backend converts one text at a time (the C++ library's lock), so one thread
/// converts every piece, keeping OpenCC's dictionaries in its core's caches, while another
/// recognises the names of the pieces ahead of it. The embedded backend converts on every
/// core: each piece is recognised and converted wherever rayon runs it.
fn convert_one(
    converter: &dyn Converter,
    text: &str,
    config: &Config,
    names: Names,
    index: &EntityIndex,
) -> Result<Vec<String>, convert::ConvertError> {
    use rayon::prelude::*;
    let terms = &config.convert.protected;
    let index = (config.entities.enabled && names == Names::Gazetteer).then_some(index);
    let pieces = pieces::split(text, terms, pieces::PIECE_BYTES);
    if converter.backend() != Backend::System || pieces.len() < 2 {
        return pieces.par_iter().map(|piece| pieces::convert_named(converter, piece, terms, index)).collect();
    }
    pipelined(converter, &pieces, terms, index)
}

/// The pieces converted in order on this thread, their names recognised on another.
fn pipelined(
    converter: &dyn Converter,
    pieces: &[&str],
    terms: &[String],
    index: Option<&EntityIndex>,
) -> Result<Vec<String>, convert::ConvertError> {
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::channel();
        scope.spawn(move || {
            for piece in pieces {
                if send.send(pieces::named_forms(piece, index, converter)).is_err() {
                    break;
                }
            }
        });
        let mut converted = Vec::with_capacity(pieces.len());
        for (piece, forms) in pieces.iter().zip(receive) {
            let protected = Protected { terms, forms: &forms, ..Protected::NONE };
            converted.push(convert::convert_text(converter, piece, protected)?);
        }
        // A recognition that panicked ends the channel early (and the scope re-raises it).
        assert_eq!(converted.len(), pieces.len(), "names recognised for every piece");
        Ok(converted)
    })
}

/// True when the converted pieces, one after another, are `text`.
fn unchanged(converted: &[String], text: &str) -> bool {
    let mut rest = text;
    converted.iter().all(|piece| match rest.strip_prefix(piece.as_str()) {
        Some(after) => {
            rest = after;
            true
        }
        None => false,
    }) && rest.is_empty()
}

/// Where to look for the `zhnews.toml` that applies to `input`: the current folder for stdin
/// and for a named pipe (`<(cmd)`, as `zhnews check` does), else the file's folder.
fn config_start(input: &Input) -> PathBuf {
    match input {
        Input::File(path) if path.is_file() => path.clone(),
        Input::Stdin | Input::File(_) => PathBuf::from("."),
    }
}

/// The display name and the text.
fn read(input: &Input) -> Result<(String, String), String> {
    match input {
        Input::Stdin => {
            let name = Path::new("stdin");
            let bytes =
                zhnews_workspace::read::read_stream(std::io::stdin().lock(), name).map_err(|err| err.to_string())?;
            let text = zhnews_workspace::read::decode(bytes, name).map_err(|err| err.to_string())?;
            Ok(("-".to_owned(), text))
        }
        Input::File(path) => {
            let text = read_text_file(path).map_err(|err| err.to_string())?;
            Ok((path.display().to_string(), text))
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
    use zhnews_core::convert::OpenccConfig;
    use zhnews_core::entities;

    /// Both ways of spreading the pieces over the cores give what converting the whole text
    /// gives, on a text with names broken by line breaks and on the corpus (`ZHNEWS_CORPUS`).
    #[test]
    fn pipelined_and_parallel_conversions_are_the_whole_conversion() {
        let mut texts =
            vec!["四川省委副书记于立\n军说。\n\n习近平抵达利马。\n \n长江实业集团\n\n秘\n鲁总统到场。\n".repeat(40)];
        if let Some(dir) = std::env::var_os("ZHNEWS_CORPUS") {
            let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().path()).collect();
            files.sort();
            let corpus: Vec<String> = files.iter().map(|path| std::fs::read_to_string(path).unwrap()).collect();
            texts.push(corpus.concat());
        }
        let index = EntityIndex::builtin();
        let terms = ["长江实业".to_owned()];
        for config in [OpenccConfig::S2t, OpenccConfig::T2s] {
            let converter = convert::converter(Backend::Embedded, config).unwrap();
            for text in &texts {
                let document = zhnews_core::Document::new(text.as_str());
                let mentions = entities::recognise(&document, index, entities::Options::NONE);
                let forms = convert::entity_forms(text, &mentions, converter);
                let protected = Protected { terms: &terms, forms: &forms, ..Protected::NONE };
                let whole = convert::convert_text(converter, text, protected).unwrap();
                let pieces = pieces::split(text, &terms, 200);
                assert!(pieces.len() > 5);
                assert_eq!(pipelined(converter, &pieces, &terms, Some(index)).unwrap().concat(), whole);
                let mut config_with_terms = Config::default();
                config_with_terms.convert.protected = terms.to_vec();
                assert_eq!(
                    convert_one(converter, text, &config_with_terms, Names::Gazetteer, index).unwrap().concat(),
                    whole
                );
                let opencc =
                    convert::convert_text(converter, text, Protected { terms: &terms, ..Protected::NONE }).unwrap();
                assert_eq!(
                    convert_one(converter, text, &config_with_terms, Names::Keep, index).unwrap().concat(),
                    opencc
                );
            }
        }
    }
}
