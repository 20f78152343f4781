//! Helpers for end-to-end tests: find (and build) the real `zhnews` binary, and talk LSP to it
//! over stdio.

pub mod lsp;

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// The path of the `zhnews` binary of this workspace, built (once per test process) with
/// `cargo build` so tests never run a stale binary.
///
/// `ZHNEWS_BIN` names a binary to test instead (a release build, or a private copy when the
/// target folder is shared with other checkouts).
pub fn zhnews_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(bin) = std::env::var_os("ZHNEWS_BIN") {
            return PathBuf::from(bin);
        }
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--quiet", "-p", "zhnews-cli", "--bin", "zhnews"])
            .current_dir(workspace_root())
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building zhnews failed");
        // Test executables live in target/<profile>/deps/.
        let exe = std::env::current_exe().expect("test executable path");
        let profile_dir = exe.parent().and_then(|deps| deps.parent()).expect("target/<profile>");
        let bin = profile_dir.join(format!("zhnews{}", std::env::consts::EXE_SUFFIX));
        assert!(bin.is_file(), "no binary at {}", bin.display());
        bin
    })
    .clone()
}

pub fn workspace_root() -> PathBuf {
    // `cargo test` sets CARGO_MANIFEST_DIR when it runs a test; prefer it to the compile-time
    // value, which a target folder shared between worktrees can leave pointing elsewhere.
    let manifest_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    manifest_dir.parent().expect("tests/ has a parent").to_owned()
}

/// The shared corpus's articles (`*.txt`), in name order, when `ZHNEWS_CORPUS` points at it.
pub fn corpus_files() -> Option<Vec<PathBuf>> {
    let dir = corpus_dir()?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .txt files in {}", dir.display());
    Some(files)
}

/// The corpus article whose file name starts with `prefix` (`"002"`), when `ZHNEWS_CORPUS`
/// points at the corpus.
pub fn corpus_file(prefix: &str) -> Option<PathBuf> {
    let found =
        corpus_files()?.into_iter().find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)));
    Some(found.unwrap_or_else(|| panic!("no corpus file {prefix}_*")))
}

/// The shared corpus, when `ZHNEWS_CORPUS` points at it.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("ZHNEWS_CORPUS")?);
    let dir = if dir.is_absolute() { dir } else { workspace_root().join(dir) };
    assert!(dir.is_dir(), "ZHNEWS_CORPUS={} is not a folder", dir.display());
    Some(dir)
}
