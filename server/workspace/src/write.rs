//! Writing a file atomically: readers see the old contents or the new, never half of either.
//!
//! An interrupted run leaves no half-written file and no temporary file either. The first
//! write installs a handler for SIGINT, SIGTERM and SIGHUP that waits until no write is in
//! progress (every write holds [`WRITING`] for reading; the handler takes it for writing) and
//! then ends the process the way the signal would have (exit status 130 for Ctrl-C). A write
//! is a few milliseconds, so Ctrl-C still stops the run at once; it just never stops it between
//! creating the temporary file and renaming it. Before the first write the signals keep their
//! default action. SIGKILL cannot be caught: it can leave a `.NAME.zhnews-PID-N.tmp` beside the
//! file it was writing (never a half-written NAME).

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Writes `contents` to a temporary file beside `path` and renames it over `path`. An existing
/// file keeps its permissions.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    defer_interruptions();
    let _writing = WRITING.read().unwrap_or_else(|poisoned| poisoned.into_inner());
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp =
        dir.join(format!(".{name}.zhnews-{}-{}.tmp", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed)));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        file.write_all(contents)?;
        if let Ok(metadata) = std::fs::metadata(path) {
            file.set_permissions(metadata.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Held for reading by every write in progress; the signal handler takes it for writing.
static WRITING: std::sync::RwLock<()> = std::sync::RwLock::new(());

/// Installs the signal handler (once): a thread that receives SIGINT, SIGTERM or SIGHUP, waits
/// for the writes in progress to finish and ends the process as that signal does.
#[cfg(unix)]
fn defer_interruptions() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        let spawned = std::thread::Builder::new().name("zhnews-signals".into()).spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // No new write starts and every write in progress has been renamed into place.
                let _quiet = WRITING.write().unwrap_or_else(|poisoned| poisoned.into_inner());
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
        let _ = spawned;
    });
}

#[cfg(not(unix))]
fn defer_interruptions() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("zhnews-write-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.txt");
        write_atomic(&path, "甲".as_bytes()).unwrap();
        write_atomic(&path, "乙".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "乙");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        assert!(write_atomic(&dir.join("missing/b.txt"), b"x").is_err());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
