//! The `sarif` format: SARIF 2.1.0, as GitHub code scanning and other dashboards read it.
//!
//! Every registered rule is described in `tool.driver.rules` (id, name, summary, the rule's
//! documentation as help); results point at 1-based lines and columns in UTF-16 code units
//! (SARIF's default `columnKind`, stated explicitly), carry the related spans, the fix as
//! replacements, and the finding's fingerprint as a partial fingerprint so dashboards track a
//! finding across commits.

use std::io::Write;

use serde_json::{Value, json};
use zhnews_core::config::RuleLevel;
use zhnews_core::fingerprint::fingerprint;
use zhnews_core::rules::{EDITION_RULES, RULES, documentation};
use zhnews_core::{Finding, Severity, TextRange};

use super::report::{FileReport, OtherEdition, Outcome, Positions};

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn write(out: &mut dyn Write, files: &[FileReport], errors: &[String]) -> std::io::Result<()> {
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for file in files {
        match &file.outcome {
            Outcome::Checked { text, findings, .. } => {
                let uri = artifact_location(&file.display);
                let positions = Positions::new(text);
                results.extend(findings.iter().map(|r| result(&uri, &positions, &r.finding, r.other.as_ref())));
            }
            Outcome::Failed { message } => notifications.push(json!({
                "level": "error",
                "message": { "text": message },
                "locations": [{ "physicalLocation": { "artifactLocation": artifact_location(&file.display) } }],
            })),
        }
    }
    notifications.extend(errors.iter().map(|message| json!({ "level": "error", "message": { "text": message } })));
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "zhnews",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_codes().map(|(code, summary, level)| rule_descriptor(code, summary, level)).collect::<Vec<_>>(),
            }},
            "columnKind": "utf16CodeUnits",
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// Every rule's code, summary and default level: the single-document rules, then the edition
/// rules (`ruleIndex` counts in this order).
fn rule_codes() -> impl Iterator<Item = (&'static str, &'static str, RuleLevel)> {
    RULES
        .iter()
        .map(|rule| (rule.code, rule.summary, rule.default_level))
        .chain(EDITION_RULES.iter().map(|rule| (rule.code, rule.summary, rule.default_level)))
}

fn rule_descriptor(code: &str, summary: &str, level: RuleLevel) -> Value {
    let help = documentation(code).unwrap_or(summary);
    json!({
        "id": code,
        "name": pascal_case(code),
        "shortDescription": { "text": summary },
        "fullDescription": { "text": summary },
        "help": { "text": help, "markdown": help },
        "defaultConfiguration": {
            "enabled": level != RuleLevel::Off,
            "level": match level.severity() {
                Some(severity) => sarif_level(severity),
                None => "none",
            },
        },
    })
}

fn result(uri: &Value, positions: &Positions<'_>, finding: &Finding, other: Option<&OtherEdition>) -> Value {
    let text = positions.text();
    let mut result = json!({
        "ruleId": finding.rule,
        "level": sarif_level(finding.severity),
        "message": { "text": finding.message },
        "locations": [{ "physicalLocation": { "artifactLocation": uri, "region": region(positions, finding.range) } }],
        "partialFingerprints": { "zhnewsFindingHash/v1": fingerprint(text, finding) },
    });
    if let Some(index) = rule_codes().position(|(code, _, _)| code == finding.rule) {
        result["ruleIndex"] = json!(index);
    }
    let mut related: Vec<(Value, Value, &str)> = finding
        .related
        .iter()
        .map(|related| (uri.clone(), region(positions, related.range), related.message.as_str()))
        .collect();
    let there = other.map(|other| Positions::new(&other.text));
    if let (Some(other), Some(there)) = (other, &there) {
        let other_uri = artifact_location(&other.display);
        related.extend(other.related.iter().map(|r| (other_uri.clone(), region(there, r.range), r.message.as_str())));
    }
    if !related.is_empty() {
        result["relatedLocations"] = related
            .into_iter()
            .enumerate()
            .map(|(id, (uri, region, message))| {
                json!({
                    "id": id,
                    "message": { "text": message },
                    "physicalLocation": { "artifactLocation": uri, "region": region },
                })
            })
            .collect();
    }
    if let Some(fix) = &finding.fix {
        result["fixes"] = json!([{
            "description": { "text": fix.title },
            "artifactChanges": [{
                "artifactLocation": uri,
                "replacements": fix.edits.iter().map(|edit| json!({
                    "deletedRegion": region(positions, edit.range),
                    "insertedContent": { "text": edit.replacement },
                })).collect::<Vec<_>>(),
            }],
        }]);
    }
    result
}

/// 1-based lines and columns; `endColumn` is one past the last character.
fn region(positions: &Positions<'_>, range: TextRange) -> Value {
    let (start, end) = (positions.at(range.start), positions.at(range.end));
    json!({
        "startLine": start.line + 1,
        "startColumn": start.utf16 + 1,
        "endLine": end.line + 1,
        "endColumn": end.utf16 + 1,
    })
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// A relative path becomes a URI reference against the checkout (`%SRCROOT%`); an absolute one
/// a `file://` URI. Anything but unreserved characters and `/` is percent-encoded (Chinese file
/// names included).
fn artifact_location(path: &str) -> Value {
    let encoded = percent_encode(path);
    if path.starts_with('/') {
        json!({ "uri": format!("file://{encoded}") })
    } else {
        json!({ "uri": encoded, "uriBaseId": "%SRCROOT%" })
    }
}

fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn pascal_case(code: &str) -> String {
    code.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map(|first| first.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::report::FileReport;
    use zhnews_core::{Edit, Fix, Related};

    /// The official schema vendored in tests/schemas, with its `format`s asserted.
    fn sarif_validate(log: &Value) -> Result<(), String> {
        let schema_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/schemas/sarif-schema-2.1.0.json");
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler.enable_format_assertions();
        compiler.add_resource(schema_path, schema).unwrap();
        let index = compiler.compile(schema_path, &mut schemas).unwrap();
        schemas.validate(log, index).map_err(|error| format!("{error:#}"))
    }

    fn assert_valid_sarif(log: &Value) {
        if let Err(errors) = sarif_validate(log) {
            panic!("{errors}");
        }
    }

    #[test]
    fn the_schema_check_rejects_what_sarif_forbids() {
        let log = json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "zhnews"}}}]});
        assert_valid_sarif(&log);
        let mut wrong_version = log.clone();
        wrong_version["version"] = json!("2.0.0");
        let mut bad_uri = log.clone();
        bad_uri["runs"][0]["tool"]["driver"]["informationUri"] = json!("not a uri");
        let mut missing_driver = log.clone();
        missing_driver["runs"][0]["tool"] = json!({});
        for bad in [wrong_version, bad_uri, missing_driver] {
            assert!(sarif_validate(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_full_log_is_valid_sarif() {
        let text = "论壇围绕五个方面：\n一、贸易；二、投资。";
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            TextRange::new(start, start + needle.len())
        };
        let findings = vec![
            Finding {
                rule: "count-mismatch",
                severity: Severity::Warning,
                range: at("五个方面"),
                message: "「五个方面」but 2 items are listed".into(),
                related: vec![Related { range: at("二、投资"), message: "the last item".into() }],
                fix: None,
            },
            Finding {
                rule: "mixed-script",
                severity: Severity::Hint,
                range: at("壇"),
                message: "a Traditional character in Simplified text".into(),
                related: vec![],
                fix: Some(Fix {
                    title: "convert".into(),
                    edits: vec![Edit { range: at("壇"), replacement: "坛".into() }],
                    safe: true,
                }),
            },
        ];
        let files = [
            FileReport::new(
                "新聞/a.txt".into(),
                Outcome::Checked {
                    text: text.into(),
                    findings: findings.into_iter().map(Into::into).collect(),
                    fixes: vec![],
                },
            ),
            FileReport::new("/abs/b.txt".into(), Outcome::Failed { message: "not valid UTF-8".into() }),
        ];
        let mut out = Vec::new();
        write(&mut out, &files, &["zhnews.toml:2: unknown field".to_owned()]).unwrap();
        let log: Value = serde_json::from_slice(&out).unwrap();
        assert_valid_sarif(&log);
        let result = &log["runs"][0]["results"][0];
        assert_eq!(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "%E6%96%B0%E8%81%9E/a.txt");
        assert_eq!(result["locations"][0]["physicalLocation"]["region"]["startColumn"], 5);
        assert_eq!(result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 2);
        assert_eq!(log["runs"][0]["results"][1]["level"], "note");
        assert_eq!(log["runs"][0]["invocations"][0]["executionSuccessful"], false);
        // Rule metadata for every registered rule, the edition rules included.
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap().len(),
            RULES.len() + EDITION_RULES.len()
        );
        for descriptor in rule_codes().map(|(code, summary, level)| rule_descriptor(code, summary, level)) {
            assert_valid_sarif(
                &json!({ "version": "2.1.0", "runs": [{ "tool": { "driver": { "name": "zhnews", "rules": [descriptor] } } }] }),
            );
        }
        // A descriptor as a rule file would produce it.
        let descriptor =
            rule_descriptor("count-mismatch", "A count disagrees with the items listed", RuleLevel::Warning);
        assert_eq!(descriptor["name"], "CountMismatch");
        assert_eq!(descriptor["defaultConfiguration"]["level"], "warning");
    }

    #[test]
    fn uris_and_names() {
        assert_eq!(percent_encode("新聞/a b.txt"), "%E6%96%B0%E8%81%9E/a%20b.txt");
        assert_eq!(artifact_location("/tmp/x.txt")["uri"], "file:///tmp/x.txt");
        assert_eq!(artifact_location("x.txt")["uriBaseId"], "%SRCROOT%");
        assert_eq!(pascal_case("count-mismatch"), "CountMismatch");
    }
}
