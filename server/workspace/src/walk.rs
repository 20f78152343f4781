//! Walking paths for `*.txt` files, honouring `.gitignore`.

use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for WalkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// The text files under `paths`, sorted, without duplicates. A path that names a file is
/// taken whatever its extension; folders are searched for `*.txt`, skipping what `.gitignore`,
/// `.ignore` and hidden folders exclude.
pub fn text_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
            continue;
        }
        if !path.exists() {
            errors.push(WalkError { path: path.clone(), message: "no such file or folder".to_owned() });
            continue;
        }
        for entry in ignore::WalkBuilder::new(path).require_git(false).build() {
            match entry {
                Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) && is_text_file(entry.path()) => {
                    files.push(entry.into_path());
                }
                Ok(_) => {}
                Err(err) => errors.push(WalkError { path: path.clone(), message: err.to_string() }),
            }
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn is_text_file(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
}
