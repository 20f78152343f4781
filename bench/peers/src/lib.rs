//! Shared helpers for the bench-only binaries: the files named on the command line, an LSP client.

pub mod lsp;

use std::path::{Path, PathBuf};

/// Every `*.txt` under the given paths (files are taken as they are), sorted.
pub fn text_files(paths: &[String]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        collect(Path::new(path), &mut files);
    }
    files.sort();
    files
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else { return };
        for entry in entries.flatten() {
            let child = entry.path();
            if child.is_dir() || child.extension().is_some_and(|ext| ext == "txt") {
                collect(&child, files);
            }
        }
    } else {
        files.push(path.to_path_buf());
    }
}

/// Reads a file as UTF-8, exiting with a message when it cannot.
pub fn read(path: &Path) -> String {
    match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("error: {}: {err}", path.display());
            std::process::exit(2);
        }
    }
}
