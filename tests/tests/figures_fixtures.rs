//! Precision and recall of the figure rules on `tests/fixtures/figures/`: short articles written
//! for zhnews (never corpus sentences), each with at most one injected inconsistency, plus
//! clean articles full of traps.
//!
//! Fixture format: leading `#! expect: rule@line` lines (or `#! expect: none`), then the
//! article. Line numbers count from the article's first line. The table is snapshotted, so a
//! change in precision or recall fails until the snapshot is updated (`UPDATE_EXPECT=1`).

use std::collections::BTreeMap;
use std::fmt::Write;

use expect_test::expect_file;
use zhnews_core::{Config, analyse, rules::RULES};

#[derive(Default)]
struct Score {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
}

fn parse(text: &str) -> (Vec<(String, usize)>, String) {
    let mut expected = Vec::new();
    let mut body = Vec::new();
    let mut header = true;
    for line in text.lines() {
        if header && let Some(rest) = line.strip_prefix("#! expect:") {
            for item in rest.split(',').map(str::trim).filter(|item| *item != "none" && !item.is_empty()) {
                let (rule, line) = item.split_once('@').expect("expect items are rule@line");
                expected.push((rule.to_owned(), line.parse().expect("line number")));
            }
            continue;
        }
        header = false;
        body.push(line);
    }
    (expected, body.join("\n") + "\n")
}

#[test]
fn precision_and_recall_per_rule() {
    let dir = zhnews_tests::workspace_root().join("tests/fixtures/figures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut scores: BTreeMap<&str, Score> = RULES.iter().map(|r| (r.code, Score::default())).collect();
    let mut misses = String::new();
    let config = Config::default();
    for path in &paths {
        let (expected, body) = parse(&std::fs::read_to_string(path).expect("fixture is UTF-8"));
        let analysis = analyse(&body, &config);
        let found: Vec<(&str, usize)> =
            analysis.findings.iter().map(|f| (f.rule, analysis.document.lines().line_of(f.range.start) + 1)).collect();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        for (rule, line) in &found {
            let Some(score) = scores.get_mut(rule) else { continue };
            if expected.iter().any(|(r, l)| r == rule && l == line) {
                score.true_positives += 1;
            } else {
                score.false_positives += 1;
                let _ = writeln!(misses, "false positive: {name}: {rule}@{line}");
            }
        }
        for (rule, line) in &expected {
            if !found.iter().any(|(r, l)| r == rule && l == line) {
                if let Some(score) = scores.get_mut(rule.as_str()) {
                    score.false_negatives += 1;
                }
                let _ = writeln!(misses, "missed: {name}: {rule}@{line}");
            }
        }
    }
    let mut table = String::from("rule               TP  FP  FN  precision  recall\n");
    for (rule, s) in &scores {
        let ratio =
            |num: usize, den: usize| if den == 0 { "-".to_owned() } else { format!("{:.2}", num as f64 / den as f64) };
        let _ = writeln!(
            table,
            "{rule:<18} {:>3} {:>3} {:>3}  {:>9}  {:>6}",
            s.true_positives,
            s.false_positives,
            s.false_negatives,
            ratio(s.true_positives, s.true_positives + s.false_positives),
            ratio(s.true_positives, s.true_positives + s.false_negatives),
        );
    }
    let _ = writeln!(table, "\n{} fixtures", paths.len());
    table.push_str(&misses);
    println!("{table}");
    expect_file!["../snapshots/figures_fixtures.txt"].assert_eq(&table);
}
