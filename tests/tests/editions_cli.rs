//! `zhnews editions A B` on the command line: human and JSON output and exit codes.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;
use zhnews_tests::{workspace_root, zhnews_bin};

fn fixture(name: &str) -> PathBuf {
    workspace_root().join("tests/fixtures/editions").join(name)
}

fn run(args: &[&str]) -> Output {
    let mut command = Command::new(zhnews_bin());
    command.arg("editions");
    for arg in args {
        if arg.ends_with(".txt") {
            command.arg(fixture(arg))
        } else {
            command.arg(arg)
        };
    }
    command.output().expect("zhnews runs")
}

#[test]
fn human_output_names_both_files_and_fails_on_warnings() {
    let output = run(&["briefing.hk.txt", "briefing.cn.txt"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("briefing.hk.txt:1:18: warning[edition-figure]: figure differs between the editions: `近40場` here, `近30场` in the other edition"), "{stdout}");
    assert!(
        stdout.contains("  --> ") && stdout.contains("briefing.cn.txt:1:18: the other edition's figure: `近30场`"),
        "{stdout}"
    );
    assert!(stdout.contains("warning[edition-text]: `勢量` here, `声势` in the other edition"), "{stdout}");
    assert!(stdout.contains("help: Take the other edition's wording: `聲勢`"), "{stdout}");
    assert!(stdout.ends_with("4 finding(s): 0 error(s), 4 warning(s), 0 info\n"), "{stdout}");
}

#[test]
fn json_output_has_the_standard_the_stories_and_related_ranges_in_the_other_file() {
    let output = run(&["briefing.hk.txt", "briefing.cn.txt", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json["standard"].as_str().unwrap().contains("hk2s"));
    assert_eq!(json["stories"].as_array().unwrap().len(), 1);
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 4);
    let first = &findings[0];
    assert_eq!(first["rule"], "edition-figure");
    assert!(first["path"].as_str().unwrap().ends_with("briefing.hk.txt"));
    assert!(first["related"][0]["path"].as_str().unwrap().ends_with("briefing.cn.txt"));
    assert_eq!((first["line"].as_u64(), first["column"].as_u64()), (Some(1), Some(18)));
    assert_eq!(first["fix"]["replacement"], "近30場");
}

#[test]
fn a_clean_conversion_has_no_findings_and_exits_0() {
    let output = run(&["briefing.clean.hk.txt", "briefing.cn.txt"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.ends_with("0 finding(s): 0 error(s), 0 warning(s), 0 info\n"), "{stdout}");
}

#[test]
fn a_missing_file_exits_2() {
    let output = run(&["briefing.hk.txt", "no-such-file.txt"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
}

#[test]
fn names_that_differ_are_edition_name_and_regional_forms_of_one_name_pass() {
    // visit.cn.txt names Chile where visit.hk.txt names Peru and misspells Boluarte; 三藩市 and
    // 旧金山 are one city (the gazetteer's aliases) and 秘魯/秘鲁 one country in two scripts.
    let output = run(&["visit.hk.txt", "visit.cn.txt", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings: Vec<(String, String, u64, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap().rsplit('/').next().unwrap().to_owned();
            (f["rule"].as_str().unwrap().to_owned(), path, f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap())
        })
        .collect();
    let expected = [
        ("edition-name", "visit.hk.txt", 3, 1),
        ("edition-name", "visit.hk.txt", 3, 5),
        ("edition-name", "visit.cn.txt", 3, 1),
        ("edition-name", "visit.cn.txt", 3, 5),
    ]
    .map(|(rule, path, line, column)| (rule.to_owned(), path.to_owned(), line, column));
    assert_eq!(findings, expected);
    let first = &json["findings"][0];
    assert!(
        first["message"].as_str().unwrap().contains("`秘魯` (Peru) here, `智利` (Chile) in the other edition"),
        "{first}"
    );
    assert_eq!(first["fix"]["replacement"], "智利");
    assert_eq!(json["findings"][1]["fix"]["replacement"], "博魯阿德特");
}
