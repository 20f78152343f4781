//! `--fix`: apply the safe fixes of a file's findings, re-analyse, and repeat while fixes keep
//! coming (one fix can make room for another), then report what changed.

use zhnews_core::finding::apply_edits;
use zhnews_core::{Analysis, Edit, Finding};

/// Fixing stops after this many rounds even if fixes keep coming (a fix that undoes another).
const MAX_ROUNDS: usize = 10;

/// The text after fixing and the titles of the fixes applied (empty when nothing changed).
pub struct Fixed {
    pub text: String,
    pub titles: Vec<String>,
    /// The analysis of `text`.
    pub analysis: Analysis,
}

/// Applies every safe fix that `keep` lets through, round after round, analysing each text
/// with `analyse`.
pub fn fix_text(text: String, analyse: &dyn Fn(&str) -> Analysis, keep: &dyn Fn(&Finding) -> bool) -> Fixed {
    let mut text = text;
    let mut titles = Vec::new();
    let mut analysis = analyse(&text);
    for _ in 0..MAX_ROUNDS {
        let fixes: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|finding| {
                keep(finding) && finding.fix.as_ref().is_some_and(|fix| fix.safe && !fix.edits.is_empty())
            })
            .collect();
        let Some((edits, applied)) = non_overlapping(&fixes) else { break };
        let Some(next) = apply_edits(&text, &edits) else { break };
        if next == text {
            break;
        }
        titles.extend(applied);
        text = next;
        analysis = analyse(&text);
    }
    Fixed { text, titles, analysis }
}

/// The edits of the fixes that do not overlap an earlier one (in text order), and their
/// titles; the rest wait for the next round. `None` when there is nothing to apply.
fn non_overlapping(findings: &[&Finding]) -> Option<(Vec<Edit>, Vec<String>)> {
    let mut fixes: Vec<_> = findings.iter().filter_map(|finding| finding.fix.as_ref()).collect();
    fixes.sort_by_key(|fix| fix.edits.iter().map(|edit| edit.range.start).min());
    let mut edits: Vec<Edit> = Vec::new();
    let mut titles = Vec::new();
    for fix in fixes {
        let mut own = fix.edits.clone();
        own.sort_by_key(|edit| (edit.range.start, edit.range.end));
        let ordered = own.windows(2).all(|pair| pair[0].range.end <= pair[1].range.start);
        let after_previous =
            edits.last().is_none_or(|last| own.first().is_some_and(|first| last.range.end <= first.range.start));
        if ordered && after_previous {
            edits.extend(own);
            titles.push(fix.title.clone());
        }
    }
    (!edits.is_empty()).then_some((edits, titles))
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhnews_core::{Fix, Severity, TextRange};

    fn finding(start: usize, end: usize, replacement: &str, safe: bool) -> Finding {
        Finding {
            rule: "mixed-script",
            severity: Severity::Info,
            range: TextRange::new(start, end),
            message: String::new(),
            related: vec![],
            fix: Some(Fix {
                title: format!("→{replacement}"),
                edits: vec![Edit { range: TextRange::new(start, end), replacement: replacement.into() }],
                safe,
            }),
        }
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_round() {
        let a = finding(0, 6, "甲", true);
        let b = finding(3, 9, "乙", true);
        let c = finding(9, 12, "丙", true);
        let (edits, titles) = non_overlapping(&[&b, &c, &a]).unwrap();
        assert_eq!(titles, ["→甲", "→丙"]);
        assert_eq!(apply_edits("一二三四", &edits).as_deref(), Some("甲三丙"));
        assert!(non_overlapping(&[]).is_none());
    }
}
