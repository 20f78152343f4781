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
    assert!(stderr.contains("checked 4 files in "), "{stderr}");
    assert!(stderr.contains("2 files not readable"), "{stderr}");
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
    assert!(stderr.contains("checked 1 file in "), "{stderr}");
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

#[test]
fn include_exclude_and_ignore_globs_are_relative_to_the_config_folder() {
    let dir = temp_folder("globs");
    std::fs::write(
        dir.join("zhnews.toml"),
        "[check]\ninclude = [\"**/*.txt\", \"notes/*.text\"]\nexclude = [\"archive\"]\n\n[[check.ignore]]\npath = \"wire/**\"\n",
    )
    .unwrap();
    for (path, text) in [
        ("story.txt", "國家主席習近平抵達利馬。"),
        ("notes/memo.text", "国家主席习近平抵达利马。"),
        ("notes/memo.md", "不查"),
        ("wire/a.txt", "國家主席習近平抵達利馬。"),
        ("archive/old.txt", "\u{0}binary"),
    ] {
        std::fs::create_dir_all(dir.join(path).parent().unwrap()).unwrap();
        std::fs::write(dir.join(path), text).unwrap();
    }
    // Run from a subfolder: the globs stay relative to zhnews.toml's folder.
    let (code, stdout, stderr) = check(&["--format", "json", ".."], &dir.join("notes"));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let paths: Vec<&str> = json["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["../notes/memo.text", "../story.txt", "../wire/a.txt"]);
    // A file named on the command line is checked whatever its extension, unless excluded.
    let (code, stdout, stderr) = check(&["--format", "json", "archive/old.txt", "notes/memo.md"], &dir);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("\"path\": \"notes/memo.md\"") && !stdout.contains("old.txt"), "{stdout}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_fifty_megabyte_single_line_file_is_checked_without_trouble() {
    let dir = temp_folder("huge");
    let sentence = "國家主席習近平十六日抵達利馬，出席亞太經合組織第三十一次領導人非正式會議，並對秘魯進行國事訪問。";
    let mut text = String::with_capacity(50 * 1024 * 1024 + sentence.len());
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(sentence);
    }
    std::fs::write(dir.join("huge.txt"), &text).unwrap();
    drop(text);
    std::fs::write(dir.join("big5.txt"), b"\xb0\xea\xae\x61\xa5\x44\xae\x75").unwrap();
    std::fs::write(dir.join("ok.txt"), "国家主席习近平抵达利马。").unwrap();
    let started = std::time::Instant::now();
    let (code, stdout, stderr) = check(&["--format", "json"], &dir);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("big5.txt: not valid UTF-8 at byte offset 0"), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["summary"]["files"], 3);
    assert_eq!(json["summary"]["failedFiles"], 1);
    // A guard against hangs and quadratic blow-ups on one huge line (a debug build on a loaded
    // 2-core machine takes about two minutes), not a speed test: speed is in bench/.
    assert!(started.elapsed() < std::time::Duration::from_secs(400), "{:?}", started.elapsed());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn exit_2_for_a_broken_baseline_and_bad_usage() {
    let dir = temp_folder("usage");
    std::fs::write(dir.join("baseline.json"), "{\"version\": 1}").unwrap();
    let (code, _, stderr) = check(&["--baseline", "baseline.json"], &dir);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("baseline.json: 1:14: not a baseline file"), "{stderr}");
    let (code, _, stderr) = check(&["--format", "xml"], &dir);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("invalid value 'xml'"), "{stderr}");
    std::fs::remove_dir_all(dir).unwrap();
}

fn json_check(args: &[&str], dir: &std::path::Path) -> (i32, serde_json::Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = check(&all, dir);
    assert!(code == 0 || code == 1, "{stderr}");
    (code, serde_json::from_str(&stdout).unwrap())
}

fn total(json: &serde_json::Value) -> u64 {
    ["error", "warning", "info", "hint"].iter().map(|s| json["summary"]["findings"][s].as_u64().unwrap()).sum()
}

/// Holds for whatever rules are registered: every finding recorded in a baseline is still
/// recognised after lines are added above it and a paragraph is inserted between stories.
#[test]
fn baselined_findings_survive_lines_moving() {
    let dir = temp_folder("baseline-moves");
    let story = std::fs::read_to_string(workspace_root().join("examples/trade-forum.txt")).unwrap();
    std::fs::write(dir.join("story.txt"), &story).unwrap();
    let (_, before) = json_check(&[], &dir);
    let (code, _, stderr) = check(&["--write-baseline", "baseline.json"], &dir);
    assert_eq!(code, 0, "{stderr}");
    let moved = format!("【編者按】本文有更新。\n\n\n{}", story.replace("\n\n", "\n\n\n"));
    std::fs::write(dir.join("story.txt"), moved).unwrap();
    let (code, after) = json_check(&["--baseline", "baseline.json"], &dir);
    assert_eq!(code, 0, "{after}");
    assert_eq!(total(&after), 0, "{after}");
    assert_eq!(after["summary"]["baselined"].as_u64(), Some(total(&before)));
    // The baseline lists exactly the findings it was written from.
    let baseline: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("baseline.json")).unwrap()).unwrap();
    let recorded: u64 = baseline["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry.get("count").and_then(|c| c.as_u64()).unwrap_or(1))
        .sum();
    assert_eq!(recorded, total(&before));
    std::fs::remove_dir_all(dir).unwrap();
}

/// Holds for whatever rules are registered: after `--fix`, no safe fix is left, the text
/// changed exactly when fixes were reported, and a second `--fix` changes nothing.
#[test]
fn fix_applies_every_safe_fix_and_is_idempotent() {
    let dir = temp_folder("fix");
    for name in ["trade-forum.txt", "lima-summit.txt"] {
        std::fs::copy(workspace_root().join("examples").join(name), dir.join(name)).unwrap();
    }
    std::fs::write(dir.join("mixed.txt"), "国家主席習近平抵达利马，出席亞太经合组织会議。\n").unwrap();
    let originals: Vec<String> = ["lima-summit.txt", "mixed.txt", "trade-forum.txt"]
        .iter()
        .map(|n| std::fs::read_to_string(dir.join(n)).unwrap())
        .collect();
    let (_, fixed) = json_check(&["--fix"], &dir);
    for (file, original) in fixed["files"].as_array().unwrap().iter().zip(&originals) {
        let path = file["path"].as_str().unwrap();
        let now = std::fs::read_to_string(dir.join(path)).unwrap();
        let reported = file.get("fixed").and_then(|f| f.as_array()).map_or(0, Vec::len);
        assert_eq!(reported > 0, &now != original, "{path}: {file}");
        for diagnostic in file["diagnostics"].as_array().unwrap() {
            assert_ne!(diagnostic["fix"]["safe"], true, "a safe fix was left: {diagnostic}");
        }
    }
    let (_, again) = json_check(&["--fix"], &dir);
    assert_eq!(again["summary"]["fixed"], 0, "{again}");
    std::fs::remove_dir_all(dir).unwrap();
}
