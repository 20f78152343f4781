//! `zhnews check` as users call it: exit codes and per-file errors.

use std::process::Command;

use zhnews_tests::{workspace_root, zhnews_bin};

fn temp_folder(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhnews-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn check(args: &[&str], dir: &std::path::Path) -> (i32, String, String) {
    let output = Command::new(zhnews_bin()).arg("check").args(args).current_dir(dir).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn bad_files_are_reported_and_the_rest_still_checked() {
    let dir = temp_folder("bad-input");
    std::fs::write(dir.join("gb18030.txt"), b"\xb9\xfa\xbc\xd2\xd6\xf7\xcf\xaf").unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x00\x01\x02\xff").unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("good.txt"), "國家主席習近平抵達利馬。").unwrap();
    std::fs::write(dir.join("notes.md"), "not checked").unwrap();
    let (code, _, stderr) = check(&[], &dir);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("gb18030.txt: not valid UTF-8 at byte offset 0"), "{stderr}");
    assert!(stderr.contains("binary.txt: not valid UTF-8 at byte offset 3 (looks like a binary file)"), "{stderr}");
    assert!(stderr.contains("4 file(s) checked"), "{stderr}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn gitignored_files_are_skipped_and_clean_files_pass() {
    let dir = temp_folder("gitignore");
    std::fs::write(dir.join(".gitignore"), "drafts/\n").unwrap();
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    std::fs::write(dir.join("drafts/broken.txt"), b"\xff").unwrap();
    std::fs::write(dir.join("story.txt"), "国家主席习近平抵达利马。").unwrap();
    let (code, stdout, stderr) = check(&["."], &dir);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains("1 file(s) checked"), "{stderr}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_invalid_config_is_exit_2_with_file_and_line() {
    let dir = temp_folder("config");
    std::fs::write(dir.join("zhnews.toml"), "[lsp]\ndebounce_ms = \"fast\"\n").unwrap();
    std::fs::write(dir.join("story.txt"), "国家主席习近平抵达利马。").unwrap();
    let (code, _, stderr) = check(&[], &dir);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("zhnews.toml:2:15:"), "{stderr}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn missing_paths_are_errors() {
    let (code, _, stderr) = check(&["no/such/folder"], &workspace_root());
    assert_eq!(code, 2);
    assert!(stderr.contains("no/such/folder: no such file or folder"), "{stderr}");
}
