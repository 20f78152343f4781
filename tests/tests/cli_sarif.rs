//! `zhnews check --format sarif` output validates against the official SARIF 2.1.0 schema
//! (vendored in tests/schemas), on clean files, on files with findings and on unreadable files.

use std::process::Command;

use zhnews_tests::{workspace_root, zhnews_bin};

fn sarif(args: &[&str], dir: &std::path::Path) -> serde_json::Value {
    let output =
        Command::new(zhnews_bin()).args(["check", "--format", "sarif"]).args(args).current_dir(dir).output().unwrap();
    assert!(matches!(output.status.code(), Some(0..=2)), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

fn assert_valid(log: &serde_json::Value) {
    let schema_path = workspace_root().join("tests/schemas/sarif-schema-2.1.0.json");
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap()).unwrap();
    let url = schema_path.to_str().unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler.add_resource(url, schema).unwrap();
    let index = compiler.compile(url, &mut schemas).unwrap();
    if let Err(errors) = schemas.validate(log, index) {
        panic!("{errors:#}\n{log:#}");
    }
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let examples = sarif(&["examples"], &workspace_root());
    assert_valid(&examples);
    let bad = sarif(&[], &workspace_root().join("tests/cmd/bad-input.in"));
    assert_valid(&bad);
    let notifications = bad["runs"][0]["invocations"][0]["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notifications.len(), 4, "{bad:#}");
    assert_eq!(bad["runs"][0]["invocations"][0]["executionSuccessful"], false);
    // Every registered rule is described, with its documentation as help.
    let rules = examples["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    check_rule_indexes(&examples);
    for rule in rules {
        assert!(!rule["help"]["text"].as_str().unwrap().is_empty(), "{rule}");
    }
    if let Some(corpus) = zhnews_tests::corpus_dir() {
        assert_valid(&sarif(&[corpus.to_str().unwrap()], &workspace_root()));
    }
}

#[test]
fn edition_findings_point_into_the_other_file() {
    let log = sarif(&["--no-baseline"], &workspace_root().join("tests/cmd/editions.in"));
    assert_valid(&log);
    check_rule_indexes(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 4, "{log:#}");
    for result in results {
        let here = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap();
        let there = result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap();
        let other = if here.starts_with("hk/") { "cn/briefing.txt" } else { "hk/briefing.txt" };
        assert_eq!(there, other, "{result:#}");
    }
}

/// Every result's `ruleIndex` points at the descriptor of its `ruleId`.
fn check_rule_indexes(log: &serde_json::Value) {
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    for result in log["runs"][0]["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
}
