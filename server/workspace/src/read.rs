//! Reading a text file as UTF-8, with an error that names the file and the first bad byte.

use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum ReadError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// Not UTF-8: `offset` is the byte offset of the first invalid sequence.
    NotUtf8 {
        path: PathBuf,
        offset: usize,
        hint: &'static str,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io { path, error } => write!(f, "{}: cannot read: {error}", path.display()),
            ReadError::NotUtf8 { path, offset, hint } => {
                write!(f, "{}: not valid UTF-8 at byte offset {offset}{hint}", path.display())
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads a whole file as UTF-8. A leading byte-order mark is kept (it is part of the text the
/// editor shows); an invalid file is reported, never decoded lossily.
pub fn read_text_file(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(|error| ReadError::Io { path: path.to_owned(), error })?;
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let hint = if bytes.contains(&0) {
            " (looks like a binary file)"
        } else {
            " (perhaps GB18030 or Big5: convert it to UTF-8, e.g. `iconv -f GB18030 -t UTF-8`)"
        };
        ReadError::NotUtf8 { path: path.to_owned(), offset, hint }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset() {
        let path = std::env::temp_dir().join(format!("zhnews-read-{}.txt", std::process::id()));
        // "中文" in GB18030 after three ASCII bytes.
        std::fs::write(&path, b"abc\xd6\xd0\xce\xc4").unwrap();
        let err = read_text_file(&path).unwrap_err().to_string();
        assert!(err.contains("not valid UTF-8 at byte offset 3"), "{err}");
        std::fs::write(&path, "中文").unwrap();
        assert_eq!(read_text_file(&path).unwrap(), "中文");
        std::fs::remove_file(&path).unwrap();
    }
}
