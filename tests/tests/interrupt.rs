//! An interrupted run never leaves a half-written file or a temporary file behind: SIGINT in
//! the middle of `zhnews convert --in-place` over many files (the same `write_atomic` writes
//! `check --fix` and baseline files). See `server/workspace/src/write.rs`.
#![cfg(unix)]

use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One file's text: our own Traditional sentences in the style of a news report, made
/// distinct per file so a mixed-up write would show.
fn article(n: usize) -> String {
    let paragraph = format!(
        "【本報訊】第{n}號稿件：政府統計處昨日公布，本港第三季本地生產總值按年實質增長百分之二點一，\
         財政司司長表示出口表現仍然穩健，但環球經濟前景不明朗，零售業總會認為訪港旅客人次將繼續增加。\n\n"
    );
    paragraph.repeat(60)
}

fn convert_to_stdout(dir: &Path, name: &str) -> String {
    let output = Command::new(zhnews_tests::zhnews_bin())
        .args(["convert", "-c", "t2s", name])
        .current_dir(dir)
        .output()
        .expect("zhnews runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn sigint_during_in_place_conversion_leaves_every_file_old_or_new() {
    const FILES: usize = 120;
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..FILES).map(|n| format!("story-{n:03}.txt")).collect();
    let old: Vec<String> = (0..FILES).map(article).collect();
    for (name, text) in names.iter().zip(&old) {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    // What each file becomes: the conversion of the first, with its number.
    let first = convert_to_stdout(dir.path(), &names[0]);
    assert_ne!(first, old[0]);
    let converted = |n: usize| first.replace("第0号稿件", &format!("第{n}号稿件"));
    assert_eq!(convert_to_stdout(dir.path(), &names[7]), converted(7));

    // Interrupt three runs at different moments; each resumes where the last one stopped.
    let mut interrupted_mid_run = 0;
    for round in 0..3 {
        let mut child = Command::new(zhnews_tests::zhnews_bin())
            .args(["convert", "-c", "t2s", "--in-place"])
            .args(&names)
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("zhnews runs");
        // Wait until this run has written a few more files, then press Ctrl-C.
        let done = || {
            let changed = |(name, text): (&String, &String)| {
                std::fs::read_to_string(dir.path().join(name)).is_ok_and(|now| now != *text)
            };
            names.iter().zip(&old).filter(|&pair| changed(pair)).count()
        };
        let done_before = done();
        let started = Instant::now();
        loop {
            if done() >= done_before + 5 + 20 * round || started.elapsed() > Duration::from_secs(60) {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let killed = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill runs");
        assert!(killed.success());
        let status = child.wait().expect("zhnews ends");

        let mut states = (0, 0);
        for (n, name) in names.iter().enumerate() {
            let now = std::fs::read_to_string(dir.path().join(name)).unwrap();
            if now == old[n] {
                states.0 += 1;
            } else {
                assert_eq!(now, converted(n), "{name} is neither the old text nor the new (round {round})");
                states.1 += 1;
            }
        }
        let mut entries: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        entries.sort();
        assert_eq!(entries, names, "only the files themselves are left (round {round})");
        if states.0 > 0 {
            // Stopped before the end: by the signal, as Ctrl-C ends a program.
            assert_eq!(status.signal(), Some(2), "round {round}: {status:?}");
            interrupted_mid_run += 1;
        }
    }
    assert!(interrupted_mid_run >= 1, "no run was interrupted before the end: make the files larger");
}
