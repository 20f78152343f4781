//! Paths as zhnews compares them: absolute, with `.` and `..` resolved lexically.

use std::path::{Component, Path, PathBuf};

/// `path` made absolute against the current folder, with `.` and `..` resolved lexically
/// (symbolic links are left alone, as the user named them).
pub fn absolute(path: &Path) -> PathBuf {
    // `Path::new("a.txt").parent()` is the empty path: the current folder.
    let path = if path.as_os_str().is_empty() { Path::new(".") } else { path };
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_absolute_paths() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(absolute(Path::new("a/./b/../c")), cwd.join("a/c"));
        assert_eq!(absolute(Path::new("")), cwd);
    }
}
