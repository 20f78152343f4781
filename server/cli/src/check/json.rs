//! The `json` format: one JSON document, described in `docs/check-output.md`.
//!
//! Lines and characters are 0-based; characters count Unicode scalar values (Rust `char`s,
//! Python `str` indices), not bytes or UTF-16 code units. Ranges are half-open.

use std::io::Write;

use serde::Serialize;
use zhnews_core::fingerprint::fingerprint;

use super::report::{FileReport, Outcome, Positions, Reported, Summary};

/// The version of this document's shape; bumped on incompatible changes.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files: Vec<File<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    diagnostics: Vec<Diagnostic<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    fixed: &'a [String],
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    range: Range,
    related: Vec<RelatedJson<'a>>,
    fix: Option<FixJson<'a>>,
    fingerprint: String,
}

#[derive(Serialize)]
struct Range {
    start: Pos,
    end: Pos,
}

#[derive(Serialize)]
struct Pos {
    line: usize,
    character: usize,
}

#[derive(Serialize)]
struct RelatedJson<'a> {
    /// The other edition's path, for an edition finding's spans in it; absent for spans in the
    /// file itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    message: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct FixJson<'a> {
    title: &'a str,
    safe: bool,
    edits: Vec<EditJson<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EditJson<'a> {
    range: Range,
    new_text: &'a str,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    #[serde(rename = "failedFiles")]
    failed_files: usize,
    findings: Counts,
    baselined: usize,
    ignored: usize,
    fixed: usize,
}

#[derive(Serialize)]
struct Counts {
    error: usize,
    warning: usize,
    info: usize,
    hint: usize,
}

pub fn write(out: &mut dyn Write, files: &[FileReport], summary: &Summary) -> std::io::Result<()> {
    let document = Document {
        version: JSON_VERSION,
        files: files.iter().map(file).collect(),
        summary: JsonSummary {
            files: summary.files,
            failed_files: summary.failed_files,
            findings: Counts {
                error: summary.findings[0],
                warning: summary.findings[1],
                info: summary.findings[2],
                hint: summary.findings[3],
            },
            baselined: summary.baselined,
            ignored: summary.ignored,
            fixed: summary.fixed,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn file(report: &FileReport) -> File<'_> {
    match &report.outcome {
        Outcome::Checked { text, findings, fixes } => {
            File { path: &report.display, error: None, diagnostics: diagnostics(text, findings), fixed: fixes }
        }
        Outcome::Failed { message } => {
            File { path: &report.display, error: Some(message), diagnostics: Vec::new(), fixed: &[] }
        }
    }
}

/// The diagnostics of one file's findings.
fn diagnostics<'a>(text: &str, findings: &'a [Reported]) -> Vec<Diagnostic<'a>> {
    let positions = Positions::new(text);
    let range_in = |positions: &Positions<'_>, r: zhnews_core::TextRange| {
        let (start, end) = (positions.at(r.start), positions.at(r.end));
        Range {
            start: Pos { line: start.line, character: start.character },
            end: Pos { line: end.line, character: end.character },
        }
    };
    let range = |r: zhnews_core::TextRange| range_in(&positions, r);
    findings
        .iter()
        .map(|Reported { finding, other }| Diagnostic {
            code: finding.rule,
            severity: finding.severity.name(),
            message: &finding.message,
            range: range(finding.range),
            related: finding
                .related
                .iter()
                .map(|related| RelatedJson { path: None, message: &related.message, range: range(related.range) })
                .chain(other.iter().flat_map(|other| {
                    let there = Positions::new(&other.text);
                    other
                        .related
                        .iter()
                        .map(|related| RelatedJson {
                            path: Some(&other.display),
                            message: &related.message,
                            range: range_in(&there, related.range),
                        })
                        .collect::<Vec<_>>()
                }))
                .collect(),
            fix: finding.fix.as_ref().map(|fix| FixJson {
                title: &fix.title,
                safe: fix.safe,
                edits: fix
                    .edits
                    .iter()
                    .map(|edit| EditJson { range: range(edit.range), new_text: &edit.replacement })
                    .collect(),
            }),
            fingerprint: fingerprint(text, finding),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhnews_core::{Edit, Finding, Fix, Related, Severity, TextRange};

    #[test]
    fn characters_are_unicode_scalar_values() {
        let text = "𠮷甲\n一、貿易；二、投資";
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            TextRange::new(start, start + needle.len())
        };
        let findings = vec![Finding {
            rule: "sequence-order",
            severity: Severity::Warning,
            range: at("二、"),
            message: "「二」 follows 「一」".into(),
            related: vec![Related { range: at("甲"), message: "here".into() }],
            fix: Some(Fix {
                title: "renumber".into(),
                edits: vec![Edit { range: at("二"), replacement: "三".into() }],
                safe: true,
            }),
        }];
        let files = [
            FileReport::new(
                "./a.txt".into(),
                Outcome::Checked {
                    text: text.into(),
                    findings: findings.into_iter().map(Into::into).collect(),
                    fixes: vec![],
                },
            ),
            FileReport::new(
                "b.txt".into(),
                Outcome::Failed { message: "b.txt: not valid UTF-8 at byte offset 0".into() },
            ),
        ];
        let summary = Summary { files: 2, failed_files: 1, findings: [0, 1, 0, 0], ..Summary::default() };
        let mut out = Vec::new();
        write(&mut out, &files, &summary).unwrap();
        expect_test::expect![[r#"
            {
              "version": 1,
              "files": [
                {
                  "path": "a.txt",
                  "diagnostics": [
                    {
                      "code": "sequence-order",
                      "severity": "warning",
                      "message": "「二」 follows 「一」",
                      "range": {
                        "start": {
                          "line": 1,
                          "character": 5
                        },
                        "end": {
                          "line": 1,
                          "character": 7
                        }
                      },
                      "related": [
                        {
                          "message": "here",
                          "range": {
                            "start": {
                              "line": 0,
                              "character": 1
                            },
                            "end": {
                              "line": 0,
                              "character": 2
                            }
                          }
                        }
                      ],
                      "fix": {
                        "title": "renumber",
                        "safe": true,
                        "edits": [
                          {
                            "range": {
                              "start": {
                                "line": 1,
                                "character": 5
                              },
                              "end": {
                                "line": 1,
                                "character": 6
                              }
                            },
                            "newText": "三"
                          }
                        ]
                      },
                      "fingerprint": "1b8f12c8e2fb1036"
                    }
                  ]
                },
                {
                  "path": "b.txt",
                  "error": "b.txt: not valid UTF-8 at byte offset 0",
                  "diagnostics": []
                }
              ],
              "summary": {
                "files": 2,
                "failedFiles": 1,
                "findings": {
                  "error": 0,
                  "warning": 1,
                  "info": 0,
                  "hint": 0
                },
                "baselined": 0,
                "ignored": 0,
                "fixed": 0
              }
            }
        "#]]
        .assert_eq(&String::from_utf8(out).unwrap());
    }
}
