//! The `zhnews` binary: one executable for the language server and the command-line checks.

use std::io::Write;
use std::process::ExitCode;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use exit::EXIT_ERROR;

mod check;
mod convert;
mod editions;
mod entities;
mod exit;
mod outline;

#[derive(Parser)]
#[command(name = "zhnews", version, about = "A language server and checker for Chinese-language news text")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The largest file zhnews reads (articles, baselines, gazetteers, zhnews.toml; stdin and
    /// pipes too): bytes, or a number with K, M or G. Default 64M, or $ZHNEWS_MAX_FILE_SIZE.
    #[arg(long, global = true, value_name = "SIZE", value_parser = zhnews_workspace::read::parse_size)]
    max_file_size: Option<u64>,
}

#[derive(Subcommand)]
enum Command {
    /// Speak the Language Server Protocol on stdin/stdout.
    Serve {
        /// Accepted and ignored: editors' LSP clients append it.
        #[arg(long)]
        stdio: bool,
    },
    /// Check text files and folders (default: the current folder) and report findings.
    Check(check::CheckArgs),
    /// Print every named entity (person, place, organisation, event) in the files.
    Entities {
        /// Files or folders; folders are searched for `*.txt`.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: entities::Format,
    },
    /// Show the version and the data zhnews ships, with its licences and attribution.
    About,
    /// Print the outline of text files: titles, stories and sections with their lines.
    Outline {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t)]
        format: outline::Format,
    },
    /// Convert between Simplified and Traditional Chinese with OpenCC (to stdout, in place, or
    /// as a check).
    Convert(convert::Args),
    /// Compare two editions of one story (a Traditional and a Simplified edition, two outlets'
    /// rewrites) and report what differs: figures, words, missing passages, section order; or,
    /// with `--suggest`, find which files and page stories are probably editions of one story.
    Editions(editions::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.max_file_size.map_or_else(zhnews_workspace::read::max_file_size_from_env, |size| Ok(Some(size))) {
        Ok(Some(size)) => zhnews_workspace::read::set_max_file_size(size),
        Ok(None) => {}
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "error: {err}");
            return ExitCode::from(EXIT_ERROR);
        }
    }
    match cli.command {
        Command::Serve { stdio: _ } => serve(),
        Command::Check(args) => check::run(&args),
        Command::Entities { paths, format } => entities::run(&paths, format),
        Command::About => entities::about(),
        Command::Outline { files, format } => outline::run(&files, format),
        Command::Convert(args) => convert::run(&args),
        Command::Editions(args) => editions::run(&args),
    }
}

fn serve() -> ExitCode {
    zhnews_lsp::memory::limit_arenas();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("ZHNEWS_LOG").unwrap_or_else(|_| "warn".into()))
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            tracing::error!("cannot start the async runtime: {err}");
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let code = runtime.block_on(zhnews_lsp::serve_stdio());
    // Analyses still running on blocking threads are of no use to anyone now.
    runtime.shutdown_timeout(std::time::Duration::from_millis(100));
    ExitCode::from(code as u8)
}
