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
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Writes `contents` to a temporary file beside `path` and renames it over `path`.
///
/// A symbolic link is written through: its final target is replaced and the link stays. An
/// existing file keeps its permissions, owner and group (the temporary file is given them
/// before the rename; when that is not allowed, nothing is written). A file with several hard
/// links is refused, since renaming a new file over one name would split it from the others,
/// and so is anything but a regular file (a pipe, a device).
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    defer_interruptions();
    let _writing = WRITING.read().unwrap_or_else(|poisoned| poisoned.into_inner());
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    // What the kernel finds at `path` (through links, /proc's too), before the links are
    // followed by hand: `/dev/stdin` is a pipe, not a missing file to create.
    let existing = match std::fs::metadata(path) {
        Ok(metadata) => Some(metadata),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(err),
    };
    if let Some(metadata) = &existing {
        refuse_to_replace(metadata)?;
    }
    let path = &resolve_links(path)?;
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
        if let Some(metadata) = &existing {
            // Owner first: a change of owner clears the set-user-ID and set-group-ID bits.
            keep_owner(&file, metadata)?;
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

/// The file `path` names once every symbolic link on the way is followed (the target need not
/// exist: a dangling link gets its target created).
fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut path = path.to_owned();
    // As many as Linux follows before ELOOP.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = std::fs::read_link(&path)?;
                // A relative target is relative to the link's folder; an absolute one replaces it.
                path = match path.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// An error when the file must not be replaced by a new one: not a regular file, or one with
/// several hard links.
fn refuse_to_replace(metadata: &std::fs::Metadata) -> std::io::Result<()> {
    if !metadata.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is not a regular file (a pipe, a device or a folder): not changed",
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if metadata.nlink() > 1 {
            return Err(std::io::Error::other(format!(
                "it has {} hard links, which replacing it would split: not changed (give it a copy of its own \
                 first, e.g. `cp FILE FILE.new && mv FILE.new FILE`, if that is what you want)",
                metadata.nlink()
            )));
        }
    }
    Ok(())
}

/// Gives the temporary `file` the owner and group of the file it replaces, when they differ
/// (they do when root rewrites another user's file, or the folder's group is not the file's).
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, original: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let temp = file.metadata()?;
    if temp.uid() == original.uid() && temp.gid() == original.gid() {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid())).map_err(|err| {
        std::io::Error::new(
            err.kind(),
            format!(
                "cannot give the new file the owner and group of the old (uid {}, gid {}): {err}: not changed",
                original.uid(),
                original.gid()
            ),
        )
    })
}

#[cfg(not(unix))]
fn keep_owner(_file: &std::fs::File, _original: &std::fs::Metadata) -> std::io::Result<()> {
    Ok(())
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

    #[cfg(unix)]
    #[test]
    fn links_owner_and_mode_are_kept() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let dir = std::env::temp_dir().join(format!("zhnews-write-links-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("real")).unwrap();
        let target = dir.join("real/a.txt");
        std::fs::write(&target, "甲").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
        // A relative link, and a link to that link.
        std::os::unix::fs::symlink("real/a.txt", dir.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(dir.join("link.txt"), dir.join("link2.txt")).unwrap();
        write_atomic(&dir.join("link2.txt"), "乙".as_bytes()).unwrap();
        assert!(std::fs::symlink_metadata(dir.join("link.txt")).unwrap().file_type().is_symlink());
        assert!(std::fs::symlink_metadata(dir.join("link2.txt")).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "乙");
        let metadata = std::fs::metadata(&target).unwrap();
        assert_eq!(metadata.permissions().mode() & 0o777, 0o640);
        // A dangling link gets its target.
        std::os::unix::fs::symlink("real/new.txt", dir.join("dangling.txt")).unwrap();
        write_atomic(&dir.join("dangling.txt"), b"x").unwrap();
        assert_eq!(std::fs::read_to_string(dir.join("real/new.txt")).unwrap(), "x");

        // A hard link is refused and both names keep the old text.
        std::fs::hard_link(&target, dir.join("hard.txt")).unwrap();
        let err = write_atomic(&target, "丙".as_bytes()).unwrap_err().to_string();
        assert!(err.contains("it has 2 hard links, which replacing it would split: not changed"), "{err}");
        assert_eq!(std::fs::read_to_string(dir.join("hard.txt")).unwrap(), "乙");
        assert_eq!(std::fs::metadata(&target).unwrap().nlink(), 2);
        std::fs::remove_file(dir.join("hard.txt")).unwrap();

        // Another owner: kept when this process may give files away (root), else refused with
        // the file unchanged. Never silently taken over.
        let other = 65534; // nobody
        let owned = std::os::unix::fs::chown(&target, Some(other), Some(other)).is_ok();
        let result = write_atomic(&target, "丁".as_bytes());
        let metadata = std::fs::metadata(&target).unwrap();
        if owned {
            result.unwrap();
            assert_eq!((metadata.uid(), metadata.gid()), (other, other), "owner and group kept");
            assert_eq!(std::fs::read_to_string(&target).unwrap(), "丁");
        } else {
            // Not root: the file is ours, so the write goes through with owner and group as
            // they were.
            result.unwrap();
            let before = std::fs::metadata(&dir).unwrap();
            assert_eq!(metadata.uid(), before.uid());
        }
        assert_eq!(metadata.permissions().mode() & 0o777, 0o640);
        assert_eq!(std::fs::read_dir(dir.join("real")).unwrap().count(), 2, "no temporary file left");

        // Not a regular file.
        let err = write_atomic(Path::new("/dev/null"), b"x").unwrap_err().to_string();
        assert!(err.contains("not a regular file"), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
