//! `zhnews outline` on the command line: text and JSON output, several files, errors, and
//! house patterns from `zhnews.toml`.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;
use zhnews_tests::{workspace_root, zhnews_bin};

fn fixture(name: &str) -> PathBuf {
    workspace_root().join("tests/fixtures/outline").join(name)
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(zhnews_bin()).arg("outline").args(args).output().expect("zhnews runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn text_format_lists_line_level_kind_and_text() {
    let path = fixture("page.simp.txt");
    let output = run(&[path.as_os_str()]);
    assert!(output.status.success(), "{output:?}");
    let expected = "    9 1 title    圆满完成各项筹备工作  (新华社北京5月8日电)
   11 2 subtitle   中国—中亚峰会筹备会议在京举行
   26 1 title    全市夏粮收购工作全面启动  (本报讯 （记者 陈华）)
   17 2 subhead    收购价格保持稳定  (52字)
   22 2 subhead    网点实行预约售粮  (39字)
";
    assert_eq!(stdout(&output), expected);
}

/// The hidden `--format features` (for `scripts/fit-outline-model`): one JSON object per
/// non-blank line, every feature named, the rules' decision beside them.
#[test]
fn features_format_prints_one_object_per_line() {
    let path = fixture("subheads.simp.txt");
    let output = run(&[path.as_os_str(), "--format".as_ref(), "features".as_ref()]);
    assert!(output.status.success(), "{output:?}");
    let text = stdout(&output);
    let rows: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    let source = std::fs::read_to_string(&path).expect("fixture");
    assert_eq!(rows.len(), source.lines().filter(|l| !l.trim().is_empty()).count());
    assert_eq!(rows[0]["line"], 0);
    assert_eq!(rows[0]["node"], "title");
    for row in &rows {
        let features = row["features"].as_object().expect("features");
        assert_eq!(features.len(), zhnews_core::outline::FEATURE_NAMES.len(), "{row}");
        assert!(row["structural"].is_boolean() && row["node_span"].is_boolean(), "{row}");
    }
}

#[test]
fn json_format_nests_children_and_names_files() {
    let (a, b) = (fixture("speech-points.trad.txt"), fixture("markdown-levels.simp.txt"));
    let output = run(&[a.as_os_str(), b.as_os_str(), "--format".as_ref(), "json".as_ref()]);
    assert!(output.status.success(), "{output:?}");
    let json: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let files = json.as_array().expect("one entry per file");
    assert_eq!(files.len(), 2);
    assert!(files[0]["path"].as_str().is_some_and(|p| p.ends_with("speech-points.trad.txt")));
    let speech = &files[0]["outline"][0];
    assert_eq!(speech["kind"], "title");
    assert_eq!(speech["line"], 1);
    assert_eq!(speech["level"], 1);
    assert_eq!(speech["detail"], "李華 (2024 年 6 月 3 日，香港)");
    let kinds: Vec<&str> =
        speech["children"].as_array().expect("children").iter().filter_map(|c| c["kind"].as_str()).collect();
    assert_eq!(kinds, ["subtitle", "point", "point", "point", "point"]);
    let river = &files[1]["outline"][0];
    let first_section = &river["children"][1];
    assert_eq!(first_section["text"], "一、水质持续改善");
    assert_eq!(first_section["start_line"], 7);
    assert_eq!(first_section["end_line"], 17);
    assert_eq!(first_section["children"][0]["level"], 3);
}

#[test]
fn several_files_get_headers_and_missing_files_fail() {
    let (a, missing) = (fixture("page.trad.txt"), fixture("no-such-file.txt"));
    let output = run(&[a.as_os_str(), missing.as_os_str()]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let text = stdout(&output);
    assert!(text.lines().next().is_some_and(|l| l.ends_with("page.trad.txt")), "{text}");
    assert!(text.contains("機場三跑道系統全面運作"), "{text}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no-such-file.txt"), "{stderr}");
}

#[test]
fn house_patterns_come_from_zhnews_toml() {
    let dir = std::env::temp_dir().join(format!("zhnews-outline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("zhnews.toml"), "[outline]\npatterns = [{ regex = '^◎', level = 2 }]\n").expect("config");
    let file = dir.join("article.txt");
    std::fs::write(&file, "市政新聞\n\n◎交通\n地鐵新線下月通車。\n\n◎房屋\n新一批居屋接受申請。\n").expect("text");
    let output = run(&[file.as_os_str()]);
    let text = stdout(&output);
    std::fs::remove_dir_all(&dir).ok();
    assert!(output.status.success(), "{output:?}");
    assert!(text.contains("2 section    ◎交通"), "{text}");
    assert!(text.contains("2 section    ◎房屋"), "{text}");
}

#[test]
fn outline_requires_a_file() {
    let output = Command::new(zhnews_bin()).arg("outline").output().expect("zhnews runs");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
}
