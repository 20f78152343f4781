//! The `github` format: GitHub Actions workflow commands, which annotate the pull request's
//! changed lines (`::warning file=…,line=…,col=…,title=…::message`).

use std::io::Write;

use zhnews_core::{Finding, Severity};

use super::report::{FileReport, OtherEdition, Outcome, Positions};

pub fn write(out: &mut dyn Write, files: &[FileReport], errors: &[String]) -> std::io::Result<()> {
    for file in files {
        match &file.outcome {
            Outcome::Checked { text, findings, .. } => {
                let positions = Positions::new(text);
                for reported in findings {
                    let other = reported.other.as_ref();
                    writeln!(out, "{}", command(&file.display, &positions, &reported.finding, other))?;
                }
            }
            Outcome::Failed { message } => {
                writeln!(out, "::error file={},title=zhnews::{}", property(&file.display), data(message))?;
            }
        }
    }
    for error in errors {
        writeln!(out, "::error title=zhnews::{}", data(error))?;
    }
    Ok(())
}

/// One finding as a workflow command. Lines and columns are 1-based; columns count characters.
/// The spans of the other edition of an edition finding follow as `path:line:column: note`.
pub fn command(path: &str, positions: &Positions<'_>, finding: &Finding, other: Option<&OtherEdition>) -> String {
    let (start, end) = (positions.at(finding.range.start), positions.at(finding.range.end));
    let kind = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "notice",
    };
    let mut message = finding.message.clone();
    for related in &finding.related {
        let at = positions.at(related.range.start);
        message.push_str(&format!("\n{}:{}: {}", at.line + 1, at.character + 1, related.message));
    }
    if let Some(other) = other {
        let there = Positions::new(&other.text);
        for related in &other.related {
            let at = there.at(related.range.start);
            message.push_str(&format!("\n{}:{}:{}: {}", other.display, at.line + 1, at.character + 1, related.message));
        }
    }
    let mut properties = format!("file={},line={},endLine={}", property(path), start.line + 1, end.line + 1);
    if start.line == end.line {
        // GitHub accepts columns only within one line.
        properties.push_str(&format!(",col={},endColumn={}", start.character + 1, end.character + 1));
    }
    properties.push_str(&format!(",title={}", property(&format!("zhnews {}", finding.rule))));
    format!("::{kind} {properties}::{}", data(&message))
}

/// Escapes a command's message: `%`, CR and LF.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value: as [`data`], plus `:` and `,`, which separate properties.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhnews_core::{Related, TextRange};

    #[test]
    fn commands_escape_their_parts() {
        let text = "甲乙\n丙丁，戊";
        let finding = Finding {
            rule: "count-mismatch",
            severity: Severity::Hint,
            range: TextRange::new(text.find('丁').unwrap(), text.find('，').unwrap()),
            message: "100% wrong: a,b\nsecond line".into(),
            related: vec![Related { range: TextRange::new(3, 6), message: "乙".into() }],
            fix: None,
        };
        expect_test::expect!["::notice file=a%2Cb%3Ac%25.txt,line=2,endLine=2,col=2,endColumn=3,title=zhnews count-mismatch::100%25 wrong: a,b%0Asecond line%0A1:2: 乙"].assert_eq(&command("a,b:c%.txt", &Positions::new(text), &finding, None));
    }
}
