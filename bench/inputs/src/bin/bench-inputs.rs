//! Writes the benchmark inputs of `bench/run.sh` into a folder:
//! `corpus-17mb/` (the corpus files repeated, for `zhnews check`), `corpus-17mb.txt` (the same
//! text as one file, for the converters), `article-1mb.txt` and `article-25kb.txt`.
//!
//! Usage: bench-inputs OUT_DIR

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: bench-inputs OUT_DIR");
        return ExitCode::from(2);
    };
    match write(&out) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("bench-inputs: {}: {err}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn write(out: &std::path::Path) -> std::io::Result<String> {
    let corpus = zhnews_bench_inputs::corpus();
    if corpus.is_empty() {
        return Err(std::io::Error::other(format!("no corpus at {}", zhnews_bench_inputs::corpus_dir().display())));
    }
    let copies = zhnews_bench_inputs::corpus_copies();
    let big = out.join("corpus-17mb");
    std::fs::create_dir_all(&big)?;
    for old in std::fs::read_dir(&big)? {
        let path = old?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::remove_file(path)?;
        }
    }
    let mut joined = String::new();
    for copy in 0..copies {
        for (name, text) in &corpus {
            std::fs::write(big.join(format!("{copy:03}_{name}")), text)?;
            joined.push_str(text);
        }
    }
    std::fs::write(out.join("corpus-17mb.txt"), &joined)?;
    std::fs::write(out.join("article-1mb.txt"), zhnews_bench_inputs::article_1mb())?;
    let (article, source) = zhnews_bench_inputs::article_25kb();
    std::fs::write(out.join("article-25kb.txt"), article)?;
    Ok(format!(
        "inputs: {copies} copies of {} files = {:.1} MB; 1 MB article; 25 KB article ({source})",
        corpus.len(),
        joined.len() as f64 / 1e6
    ))
}
