//! The `rdjson` format: Reviewdog Diagnostic Format, one JSON document
//! (`reviewdog -f=rdjson`). Lines are 1-based; columns are 1-based UTF-8 byte columns, as the
//! format defines them. Fixes become suggestions reviewdog can post as suggested changes.

use std::io::Write;

use serde_json::{Value, json};
use zhnews_core::{Finding, Severity, TextRange};

use super::report::{FileReport, OtherEdition, Outcome, Positions};

pub fn write(out: &mut dyn Write, files: &[FileReport]) -> std::io::Result<()> {
    let mut diagnostics = Vec::new();
    for file in files {
        if let Outcome::Checked { text, findings, .. } = &file.outcome {
            let positions = Positions::new(text);
            diagnostics
                .extend(findings.iter().map(|r| diagnostic(&file.display, &positions, &r.finding, r.other.as_ref())));
        }
    }
    let document = json!({
        "source": { "name": "zhnews" },
        "diagnostics": diagnostics,
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn diagnostic(path: &str, positions: &Positions<'_>, finding: &Finding, other: Option<&OtherEdition>) -> Value {
    let mut diagnostic = json!({
        "message": finding.message,
        "location": { "path": path, "range": range(positions, finding.range) },
        "severity": match finding.severity {
            Severity::Error => "ERROR",
            Severity::Warning => "WARNING",
            Severity::Info | Severity::Hint => "INFO",
        },
        "code": { "value": finding.rule },
    });
    if let Some(fix) = &finding.fix {
        diagnostic["suggestions"] = fix
            .edits
            .iter()
            .map(|edit| json!({ "range": range(positions, edit.range), "text": edit.replacement }))
            .collect();
    }
    let mut related: Vec<Value> = finding
        .related
        .iter()
        .map(|related| {
            json!({ "message": related.message, "location": { "path": path, "range": range(positions, related.range) } })
        })
        .collect();
    if let Some(other) = other {
        let there = Positions::new(&other.text);
        related.extend(other.related.iter().map(|related| {
            json!({ "message": related.message, "location": { "path": other.display, "range": range(&there, related.range) } })
        }));
    }
    if !related.is_empty() {
        diagnostic["related_locations"] = Value::Array(related);
    }
    diagnostic
}

fn range(positions: &Positions<'_>, range: TextRange) -> Value {
    let (start, end) = (positions.at(range.start), positions.at(range.end));
    json!({
        "start": { "line": start.line + 1, "column": start.byte + 1 },
        "end": { "line": end.line + 1, "column": end.byte + 1 },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhnews_core::{Edit, Fix};

    #[test]
    fn columns_are_utf8_bytes() {
        let text = "甲\n乙習";
        let at = text.find('習').unwrap();
        let finding = Finding {
            rule: "mixed-script",
            severity: Severity::Info,
            range: TextRange::new(at, at + 3),
            message: "m".into(),
            related: vec![],
            fix: Some(Fix {
                title: "t".into(),
                edits: vec![Edit { range: TextRange::new(at, at + 3), replacement: "习".into() }],
                safe: true,
            }),
        };
        let files = [FileReport::new(
            "a.txt".into(),
            Outcome::Checked { text: text.into(), findings: vec![finding.into()], fixes: vec![] },
        )];
        let mut out = Vec::new();
        write(&mut out, &files).unwrap();
        expect_test::expect![[r#"
            {
              "diagnostics": [
                {
                  "code": {
                    "value": "mixed-script"
                  },
                  "location": {
                    "path": "a.txt",
                    "range": {
                      "end": {
                        "column": 7,
                        "line": 2
                      },
                      "start": {
                        "column": 4,
                        "line": 2
                      }
                    }
                  },
                  "message": "m",
                  "severity": "INFO",
                  "suggestions": [
                    {
                      "range": {
                        "end": {
                          "column": 7,
                          "line": 2
                        },
                        "start": {
                          "column": 4,
                          "line": 2
                        }
                      },
                      "text": "习"
                    }
                  ]
                }
              ],
              "source": {
                "name": "zhnews"
              }
            }
        "#]]
        .assert_eq(&String::from_utf8(out).unwrap());
    }
}
