//! Reading files: the one place zhnews reads a file, for articles, baselines, gazetteers and
//! configuration files alike.
//!
//! Every read is bounded: a file larger than [`max_file_size`] (64 MiB unless
//! `--max-file-size` or `$ZHNEWS_MAX_FILE_SIZE` says otherwise) is refused with an error that
//! names the limit, and a pipe is read through `Read::take` so an endless one (`<(yes)`) stops
//! at the limit too. A path is read when it is a regular file, a pipe (`<(cmd)`, `/dev/stdin`
//! fed by a pipe) or the process's own standard input; a folder or another device
//! (`/dev/zero`, a disk) is refused rather than read forever.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The largest file read unless configured otherwise: 64 MiB, about 20 million Chinese
/// characters, far above a day's newspaper (the largest corpus page is 1 MB) yet small enough
/// that its analysis fits in a few hundred megabytes.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// The environment variable that sets the limit (for the language server, which editors
/// start without arguments, as for the CLI); `--max-file-size` wins over it.
pub const MAX_FILE_SIZE_ENV: &str = "ZHNEWS_MAX_FILE_SIZE";

/// 0 until set or first read from the environment.
static MAX_FILE_SIZE: AtomicU64 = AtomicU64::new(0);

/// The largest file zhnews reads, in bytes: what [`set_max_file_size`] set, else
/// `$ZHNEWS_MAX_FILE_SIZE` when it is a valid size, else [`DEFAULT_MAX_FILE_SIZE`].
pub fn max_file_size() -> u64 {
    match MAX_FILE_SIZE.load(Ordering::Relaxed) {
        0 => {
            let limit = max_file_size_from_env().ok().flatten().unwrap_or(DEFAULT_MAX_FILE_SIZE);
            MAX_FILE_SIZE.store(limit, Ordering::Relaxed);
            limit
        }
        limit => limit,
    }
}

/// Sets the limit for the rest of the process (at least one byte).
pub fn set_max_file_size(bytes: u64) {
    MAX_FILE_SIZE.store(bytes.max(1), Ordering::Relaxed);
}

/// `$ZHNEWS_MAX_FILE_SIZE` parsed, `None` when it is not set; an error names the variable.
pub fn max_file_size_from_env() -> Result<Option<u64>, String> {
    match std::env::var(MAX_FILE_SIZE_ENV) {
        Ok(value) if value.trim().is_empty() => Ok(None),
        Ok(value) => parse_size(&value).map(Some).map_err(|err| format!("{MAX_FILE_SIZE_ENV}: {err}")),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(format!("{MAX_FILE_SIZE_ENV}: not a size")),
    }
}

/// A size as users write it: bytes (`1048576`) or a number with `K`, `M` or `G` (powers of
/// 1024; `KB`, `MiB`… are read the same way), at least one byte.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("`{text}` is not a size (bytes, or a number with K, M or G, e.g. 64M)")),
    };
    let number: u64 = number.parse().map_err(|_| format!("`{text}` is not a size (e.g. 64M)"))?;
    let bytes = number.checked_mul(1 << shift).ok_or_else(|| format!("`{text}` is too large"))?;
    if bytes == 0 {
        return Err("the size must be at least one byte".to_owned());
    }
    Ok(bytes)
}

/// A size for people: `64 MiB`, `1.5 GiB`, `300 bytes`.
pub fn format_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (unit, name) in UNITS {
        if bytes >= unit {
            return if bytes.is_multiple_of(unit) {
                format!("{} {name}", bytes / unit)
            } else {
                format!("{:.1} {name}", bytes as f64 / unit as f64)
            };
        }
    }
    format!("{bytes} bytes")
}

#[derive(Debug)]
pub enum ReadError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// Larger than the limit: `size` is the file's size when it is known (a regular file), `None`
    /// for a pipe that gave more than `limit` bytes.
    TooLarge {
        path: PathBuf,
        size: Option<u64>,
        limit: u64,
    },
    /// A folder or a device: `kind` says which.
    NotReadable {
        path: PathBuf,
        kind: &'static str,
    },
    /// Not UTF-8: `offset` is the byte offset of the first invalid sequence.
    NotUtf8 {
        path: PathBuf,
        offset: usize,
        hint: String,
    },
}

impl ReadError {
    pub fn path(&self) -> &Path {
        match self {
            ReadError::Io { path, .. }
            | ReadError::TooLarge { path, .. }
            | ReadError::NotReadable { path, .. }
            | ReadError::NotUtf8 { path, .. } => path,
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path().display(), self.reason())
    }
}

impl ReadError {
    /// The error without the path in front (for messages that place the path themselves).
    pub fn reason(&self) -> String {
        match self {
            ReadError::Io { error, .. } => format!("cannot read: {error}"),
            ReadError::TooLarge { size, limit, .. } => {
                let size = match size {
                    Some(size) => format!("is {}", format_size(*size)),
                    None => format!("gave more than {}", format_size(*limit)),
                };
                format!(
                    "too large to read: it {size}, the limit is {} (raise it with --max-file-size or \
                     {MAX_FILE_SIZE_ENV}, e.g. 256M)",
                    format_size(*limit)
                )
            }
            ReadError::NotReadable { kind, .. } => {
                format!("cannot read: it is {kind}, not a file (zhnews reads files, pipes and standard input)")
            }
            ReadError::NotUtf8 { offset, hint, .. } => format!("not valid UTF-8 at byte offset {offset}{hint}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// The bytes of the file at `path`, at most [`max_file_size`] of them (see the module comment
/// for what is read and what is refused).
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_file_limited(path, max_file_size())
}

/// [`read_file`] with an explicit limit.
pub fn read_file_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io = |error| ReadError::Io { path: path.to_owned(), error };
    // Looked at before opening: opening some devices does something (a tape rewinds).
    let metadata = std::fs::metadata(path).map_err(io)?;
    if let Some(kind) = refused_kind(&metadata) {
        return Err(ReadError::NotReadable { path: path.to_owned(), kind });
    }
    if metadata.is_file() && metadata.len() > limit {
        return Err(ReadError::TooLarge { path: path.to_owned(), size: Some(metadata.len()), limit });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let capacity = if metadata.is_file() { metadata.len() as usize + 1 } else { 64 * 1024 };
    read_limited(file, path, limit, capacity)
}

/// Reads at most `limit` bytes from `reader` (standard input, say), named `name` in errors.
pub fn read_stream(reader: impl Read, name: &Path) -> Result<Vec<u8>, ReadError> {
    read_limited(reader, name, max_file_size(), 64 * 1024)
}

fn read_limited(reader: impl Read, path: &Path, limit: u64, capacity: usize) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(capacity.min(limit as usize + 1));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| ReadError::Io { path: path.to_owned(), error })?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { path: path.to_owned(), size: None, limit });
    }
    Ok(bytes)
}

/// Why a path is not read, or `None` when it is: regular files, pipes, sockets and the
/// process's own standard input (a terminal, as `/dev/stdin`) are.
fn refused_kind(metadata: &std::fs::Metadata) -> Option<&'static str> {
    if metadata.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let file_type = metadata.file_type();
        if file_type.is_block_device() {
            return Some("a block device");
        }
        if file_type.is_char_device() && !is_stdin(metadata) {
            return Some("a character device");
        }
    }
    None
}

/// True when `metadata` is that of the process's standard input.
#[cfg(unix)]
fn is_stdin(metadata: &std::fs::Metadata) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let Ok(fd) = std::io::stdin().as_fd().try_clone_to_owned() else {
        return false;
    };
    std::fs::File::from(fd).metadata().is_ok_and(|stdin| stdin.dev() == metadata.dev() && stdin.ino() == metadata.ino())
}

/// Reads a whole file as UTF-8 (bounded as [`read_file`]). A leading byte-order mark is kept
/// (it is part of the text the editor shows); an invalid file is reported, never decoded
/// lossily.
pub fn read_text_file(path: &Path) -> Result<String, ReadError> {
    decode(read_file(path)?, path)
}

/// `bytes` as UTF-8, or an error naming `path`, the first bad byte and the likely encoding.
pub fn decode(bytes: Vec<u8>, path: &Path) -> Result<String, ReadError> {
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let hint = encoding_hint(err.as_bytes());
        ReadError::NotUtf8 { path: path.to_owned(), offset, hint }
    })
}

/// What a text that is not UTF-8 probably is, and how to convert it.
fn encoding_hint(bytes: &[u8]) -> String {
    let utf16 = |order: &str| {
        format!(" (this is UTF-16 {order}: convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8`)")
    };
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return utf16("LE");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16("BE");
    }
    let gb = " (perhaps GB18030 or Big5: convert it to UTF-8, e.g. `iconv -f GB18030 -t UTF-8`)";
    if !bytes.contains(&0) {
        return gb.to_owned();
    }
    // UTF-16 without a byte-order mark: ASCII (and some CJK) put a zero byte in many pairs, all
    // on the same side.
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    let zeros = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    let without_bom = |order: &str| {
        format!(
            " (looks like UTF-16 {order} without a byte-order mark: convert it to UTF-8, e.g. `iconv -f UTF-16{order} \
             -t UTF-8`)"
        )
    };
    if pairs >= 4 && odd * 4 >= pairs && even * 8 < pairs {
        without_bom("LE")
    } else if pairs >= 4 && even * 4 >= pairs && odd * 8 < pairs {
        without_bom("BE")
    } else {
        " (looks like a binary file)".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("zhnews-read-{name}-{}", std::process::id()))
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let path = temp("gb.txt");
        // "中文" in GB18030 after three ASCII bytes.
        std::fs::write(&path, b"abc\xd6\xd0\xce\xc4").unwrap();
        let err = read_text_file(&path).unwrap_err().to_string();
        assert!(err.contains("not valid UTF-8 at byte offset 3 (perhaps GB18030"), "{err}");
        std::fs::write(&path, "中文").unwrap();
        assert_eq!(read_text_file(&path).unwrap(), "中文");
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn utf16_is_named_with_its_byte_order() {
        let utf16 = |big: bool, bom: bool| {
            let mut bytes = Vec::new();
            if bom {
                bytes.extend(if big { [0xFE, 0xFF] } else { [0xFF, 0xFE] });
            }
            for unit in "新華社北京電 Xinhua".encode_utf16() {
                bytes.extend(if big { unit.to_be_bytes() } else { unit.to_le_bytes() });
            }
            decode(bytes, Path::new("a.txt")).unwrap_err().to_string()
        };
        assert!(utf16(false, true).contains("this is UTF-16 LE"), "{}", utf16(false, true));
        assert!(utf16(true, true).contains("this is UTF-16 BE: convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8"));
        assert!(utf16(false, false).contains("UTF-16 LE without a byte-order mark"), "{}", utf16(false, false));
        assert!(utf16(true, false).contains("UTF-16 BE without a byte-order mark"), "{}", utf16(true, false));
        let binary = decode(b"\x00\x01\x02\xff".to_vec(), Path::new("b")).unwrap_err().to_string();
        assert!(binary.ends_with("(looks like a binary file)"), "{binary}");
    }

    #[test]
    fn reads_are_bounded() {
        let path = temp("big.txt");
        std::fs::write(&path, "甲".repeat(100)).unwrap();
        assert_eq!(read_file_limited(&path, 300).unwrap().len(), 300);
        let err = read_file_limited(&path, 299).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { size: Some(300), limit: 299, .. }), "{err:?}");
        assert!(err.to_string().contains("it is 300 bytes, the limit is 299 bytes (raise it with --max-file-size"));
        std::fs::remove_file(&path).unwrap();
        // An endless stream stops at the limit.
        let err = read_limited(std::io::repeat(b'a'), Path::new("-"), 1 << 20, 0).unwrap_err();
        assert!(err.to_string().contains("gave more than 1 MiB, the limit is 1 MiB"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_refused_pipes_are_read() {
        let err = read_file(Path::new("/dev/zero")).unwrap_err().to_string();
        assert_eq!(
            err,
            "/dev/zero: cannot read: it is a character device, not a file (zhnews reads files, pipes and standard \
             input)"
        );
        let err = read_file(&std::env::temp_dir()).unwrap_err().to_string();
        assert!(err.contains("it is a folder"), "{err}");
        let fifo = temp("fifo");
        let _ = std::fs::remove_file(&fifo);
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|status| status.success()) {
            let writer = {
                let fifo = fifo.clone();
                std::thread::spawn(move || std::fs::write(fifo, "中文"))
            };
            assert_eq!(read_text_file(&fifo).unwrap(), "中文");
            writer.join().unwrap().unwrap();
            std::fs::remove_file(&fifo).unwrap();
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("1 GiB"), Ok(1 << 30));
        assert_eq!(parse_size("500kb"), Ok(500 << 10));
        assert_eq!(parse_size("1024"), Ok(1024));
        assert!(parse_size("0").is_err());
        assert!(parse_size("64T").unwrap_err().contains("not a size"));
        assert!(parse_size("-1").is_err());
        assert_eq!(format_size(64 << 20), "64 MiB");
        assert_eq!(format_size(3 << 29), "1.5 GiB");
    }
}
