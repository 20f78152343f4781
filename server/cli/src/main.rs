//! The `zhnews` binary: one executable for the language server and the command-line checks.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod check;

/// Exit code for usage, configuration and I/O errors.
pub const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(name = "zhnews", version, about = "A language server and checker for Chinese-language news text")]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve { stdio: _ } => serve(),
        Command::Check(args) => check::run(&args),
    }
}

fn serve() -> ExitCode {
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
