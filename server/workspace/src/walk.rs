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
///
/// A named path that is not a folder is offered to `select` whatever it is: a regular file, a
/// pipe (`<(cmd)`, `/dev/stdin`) or a device, which [`crate::read::read_file`] then reads or
/// refuses with an error, so nothing the user names is skipped in silence. In folders only
/// regular files are offered; pipes, devices and symbolic links are left alone.
pub fn files_where(paths: &[PathBuf], mut select: impl FnMut(&Path, bool) -> bool) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => {}
            Ok(_) => {
                if select(path, true) {
                    files.push(path.clone());
                }
                continue;
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                errors.push(WalkError { path: path.clone(), message: "no such file or folder".to_owned() });
                continue;
            }
            Err(err) => {
                errors.push(WalkError { path: path.clone(), message: format!("cannot read: {err}") });
                continue;
            }
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
