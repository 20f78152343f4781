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
    files_where(paths, |path, named| named || is_text_file(path))
}

/// The files under `paths` that `select` accepts, sorted, without duplicates. `select` gets
/// each file and whether it was named in `paths` (rather than found in a folder); folders are
/// walked skipping what `.gitignore`, `.ignore` and hidden folders exclude.
pub fn files_where(paths: &[PathBuf], mut select: impl FnMut(&Path, bool) -> bool) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_file() {
            if select(path, true) {
                files.push(path.clone());
            }
            continue;
        }
        if !path.exists() {
            errors.push(WalkError { path: path.clone(), message: "no such file or folder".to_owned() });
            continue;
        }
        for entry in ignore::WalkBuilder::new(path).require_git(false).build() {
            match entry {
                Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) && select(entry.path(), false) => {
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
