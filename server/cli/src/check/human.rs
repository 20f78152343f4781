//! The `human` format: rustc-style code frames.
//!
//! Layout is left to annotate-snippets, the renderer rustc and cargo use: it measures wide
//! characters with `unicode-width`, so carets stay under Chinese text (two columns per
//! character), trims long lines to the terminal width and folds the lines between distant
//! spans. miette and ariadne do the same job but bring their own error-trait machinery (miette)
//! or a less conventional layout (ariadne); rustc-style frames are what CI logs already show.

use std::io::Write;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use zhnews_core::{Finding, Severity, TextRange};

use super::report::{FileReport, OtherEdition, Outcome, Positions, Summary};

/// A frame never takes more source than this around a finding, so a 50 MB single-line file
/// renders as quickly as a short one.
const MAX_WINDOW_BYTES: usize = 4096;
/// Characters kept on each side of a span cut out of an overlong line.
const LONG_LINE_CONTEXT: usize = 40;

pub struct HumanOptions {
    pub color: bool,
}

pub fn write(out: &mut dyn Write, files: &[FileReport], options: &HumanOptions) -> std::io::Result<()> {
    let renderer = if options.color { Renderer::styled() } else { Renderer::plain() };
    for file in files {
        if let Outcome::Checked { text, findings, .. } = &file.outcome {
            let positions = Positions::new(text);
            for reported in findings {
                let frame =
                    render_finding(&renderer, &file.display, &positions, &reported.finding, reported.other.as_ref());
                writeln!(out, "{frame}\n")?;
            }
        }
    }
    Ok(())
}

/// One finding as a code frame: the message, `--> path:line:column`, the source with the
/// primary span and every related span labelled, the spans of the other edition (for an
/// edition finding) as `path:line:column` notes, and the fix as a help note.
pub fn render_finding(
    renderer: &Renderer,
    path: &str,
    positions: &Positions<'_>,
    finding: &Finding,
    other: Option<&OtherEdition>,
) -> String {
    let text = positions.text();
    let level = level(finding.severity);
    let mut group = Group::with_title(level.primary_title(finding.message.as_str()).id(finding.rule));
    let mut notes = Vec::new();
    match window(text, positions, finding) {
        Some(Window::Lines { start, end, first_line }) => {
            // Whole lines: annotate-snippets computes `line:column` itself, in characters.
            let shift = |range: TextRange| range.start - start..range.end.min(end) - start;
            let mut snippet = Snippet::source(lone_cr_as_lf(&text[start..end]))
                .path(path)
                .line_start(first_line + 1)
                .annotation(AnnotationKind::Primary.span(shift(finding.range)));
            for related in &finding.related {
                if start <= related.range.start
                    && related.range.end <= end
                    && text.get(related.range.as_range()).is_some()
                {
                    snippet =
                        snippet.annotation(AnnotationKind::Context.span(shift(related.range)).label(&related.message));
                } else {
                    notes.push(located_note(positions, related.range.start, &related.message));
                }
            }
            group = group.element(snippet);
        }
        Some(Window::Excerpt { before, after }) => {
            let start = positions.at(finding.range.start);
            group = group.element(Origin::path(path).line(start.line + 1).char_column(start.character + 1));
            let span = &text[finding.range.as_range()];
            notes.push(format!(
                "in an overlong line: …{}「{span}」{}…",
                &text[before..finding.range.start],
                &text[finding.range.end..after]
            ));
            for related in &finding.related {
                notes.push(located_note(positions, related.range.start, &related.message));
            }
        }
        None => {
            let start = positions.at(finding.range.start);
            group = group.element(Origin::path(path).line(start.line + 1).char_column(start.character + 1));
            for related in &finding.related {
                notes.push(located_note(positions, related.range.start, &related.message));
            }
        }
    }
    if let Some(other) = other {
        let there = Positions::new(&other.text);
        for related in &other.related {
            notes.push(format!("{}:{}", other.display, located_note(&there, related.range.start, &related.message)));
        }
    }
    for note in &notes {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    if let Some(fix) = &finding.fix {
        let kind = if fix.safe { "fix (safe, `--fix` applies it)" } else { "fix" };
        let replacements: Vec<String> = fix
            .edits
            .iter()
            .map(|edit| {
                let old = text.get(edit.range.as_range()).unwrap_or("");
                format!("「{old}」→「{}」", edit.replacement)
            })
            .collect();
        group = group.element(Level::HELP.message(format!("{kind}: {}: {}", fix.title, replacements.join("，"))));
    }
    let report: [Group<'_>; 1] = [group];
    renderer.render(&report)
}

/// `source` with every lone `\r` made a `\n`: zhnews ends lines at `\n`, `\r\n` or `\r` (as
/// LSP does), annotate-snippets only at `\n`, so a file with classic Mac line endings would be
/// numbered as one line. The replacement has the same length, so spans stay where they were.
fn lone_cr_as_lf(source: &str) -> std::borrow::Cow<'_, str> {
    let lone = |(i, _): &(usize, char)| source.as_bytes().get(i + 1) != Some(&b'\n');
    if !source.char_indices().filter(|(_, c)| *c == '\r').any(|pair| lone(&pair)) {
        return source.into();
    }
    let mut out = String::with_capacity(source.len());
    for (i, c) in source.char_indices() {
        out.push(if c == '\r' && lone(&(i, c)) { '\n' } else { c });
    }
    out.into()
}

fn located_note(positions: &Positions<'_>, offset: usize, message: &str) -> String {
    let at = positions.at(offset);
    format!("{}:{}: {message}", at.line + 1, at.character + 1)
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
        Severity::Hint => Level::NOTE.with_name("hint"),
    }
}

/// The source a frame shows.
enum Window {
    /// Whole lines, `start..end` in bytes, the first being `first_line`.
    Lines { start: usize, end: usize, first_line: usize },
    /// The primary span's line is too long to show: a little context on each side of the span.
    Excerpt { before: usize, after: usize },
}

/// The whole lines holding the finding and its related spans (those too far away are left
/// out and named in notes), or an excerpt when the primary span's lines are too long. `None`
/// when the finding's range does not lie on character boundaries of this text.
fn window(text: &str, positions: &Positions<'_>, finding: &Finding) -> Option<Window> {
    let range = finding.range;
    if range.start > range.end || text.get(range.as_range()).is_none() {
        return None;
    }
    let lines = positions.lines();
    let (first, last) = (lines.line_of(range.start), lines.line_of(range.end));
    let start = lines.line_range(first)?.start;
    let end = lines.line_content(text, last)?.end.max(range.end);
    if end - start > MAX_WINDOW_BYTES {
        if range.len() > MAX_WINDOW_BYTES {
            return None;
        }
        let before =
            text[start..range.start].char_indices().rev().nth(LONG_LINE_CONTEXT - 1).map_or(start, |(i, _)| start + i);
        let after = text[range.end..end].char_indices().nth(LONG_LINE_CONTEXT).map_or(end, |(i, _)| range.end + i);
        return Some(Window::Excerpt { before, after });
    }
    // Widen to the related spans that fit.
    let (mut start, mut end, mut first_line) = (start, end, first);
    for related in &finding.related {
        if text.get(related.range.as_range()).is_none() {
            continue;
        }
        let line = lines.line_of(related.range.start);
        let related_start = lines.line_range(line)?.start;
        let related_end = lines.line_content(text, lines.line_of(related.range.end))?.end.max(related.range.end);
        let (new_start, new_end) = (start.min(related_start), end.max(related_end));
        if new_end - new_start <= MAX_WINDOW_BYTES {
            (start, end, first_line) = (new_start, new_end, first_line.min(line));
        }
    }
    Some(Window::Lines { start, end, first_line })
}

/// The summary line: files, findings per severity, time.
pub fn summary_line(summary: &Summary) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = format!("checked {} in {:.2?}: ", plural(summary.files, "file", "files"), summary.elapsed);
    let total = summary.total_findings();
    line.push_str(&plural(total, "finding", "findings"));
    if total > 0 {
        let [error, warning, info, hint] = summary.findings;
        let parts: Vec<String> = [
            (error, "error", "errors"),
            (warning, "warning", "warnings"),
            (info, "info", "info"),
            (hint, "hint", "hints"),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| plural(n, one, many))
        .collect();
        line.push_str(&format!(" ({})", parts.join(", ")));
    }
    if summary.failed_files > 0 {
        line.push_str(&format!(", {} not readable", plural(summary.failed_files, "file", "files")));
    }
    if summary.fixed > 0 {
        line.push_str(&format!(", fixed {} in {}", summary.fixed, plural(summary.fixed_files, "file", "files")));
    }
    if summary.baselined > 0 {
        line.push_str(&format!(", {} in the baseline", summary.baselined));
    }
    if summary.stale_baseline > 0 {
        line.push_str(&format!(
            ", {} no longer found (rewrite it with --write-baseline)",
            plural(summary.stale_baseline, "baseline entry", "baseline entries")
        ));
    }
    if summary.ignored > 0 {
        line.push_str(&format!(", {} ignored by zhnews.toml", summary.ignored));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhnews_core::{Edit, Fix, Related};

    fn span(text: &str, needle: &str) -> TextRange {
        let start = text.find(needle).unwrap();
        TextRange::new(start, start + needle.len())
    }

    fn render(text: &str, finding: &Finding) -> String {
        render_finding(&Renderer::plain(), "news/forum.txt", &Positions::new(text), finding, None)
    }

    #[test]
    fn carets_line_up_under_wide_characters() {
        let text = "【本報訊】論壇圍繞五個方面展開：\n一、貿易；二、投資；三、科技；四、人才。\n";
        let finding = Finding {
            rule: "count-mismatch",
            severity: Severity::Warning,
            range: span(text, "五個方面"),
            message: "「五個方面」but 4 items are listed".into(),
            related: vec![Related { range: span(text, "四、人才"), message: "the 4th and last item".into() }],
            fix: None,
        };
        expect_test::expect![[r#"
            warning[count-mismatch]: 「五個方面」but 4 items are listed
             --> news/forum.txt:1:10
              |
            1 | 【本報訊】論壇圍繞五個方面展開：
              |                   ^^^^^^^^
            2 | 一、貿易；二、投資；三、科技；四、人才。
              |                               -------- the 4th and last item"#]]
        .assert_eq(&render(text, &finding));
    }

    #[test]
    fn fixes_are_shown_as_help() {
        let text = "国家主席習近平抵达利马。";
        let finding = Finding {
            rule: "mixed-script",
            severity: Severity::Info,
            range: span(text, "習"),
            message: "a Traditional character in Simplified text".into(),
            related: vec![],
            fix: Some(Fix {
                title: "convert to Simplified".into(),
                edits: vec![Edit { range: span(text, "習"), replacement: "习".into() }],
                safe: true,
            }),
        };
        expect_test::expect![[r#"
            info[mixed-script]: a Traditional character in Simplified text
             --> news/forum.txt:1:5
              |
            1 | 国家主席習近平抵达利马。
              |         ^^
              |
              = help: fix (safe, `--fix` applies it): convert to Simplified: 「習」→「习」"#]]
        .assert_eq(&render(text, &finding));
    }

    #[test]
    fn an_overlong_line_renders_a_small_frame() {
        let mut text = "甲".repeat(5_000_000);
        let at = text.len() / 2;
        text.insert_str(at, "五個方面");
        let finding = Finding {
            rule: "count-mismatch",
            severity: Severity::Error,
            range: TextRange::new(at, at + "五個方面".len()),
            message: "m".into(),
            related: vec![Related { range: TextRange::new(0, 3), message: "far away".into() }],
            fix: None,
        };
        let rendered = render(&text, &finding);
        assert!(rendered.len() < 2000, "{}", rendered.len());
        assert!(rendered.contains("news/forum.txt:1:2500001"), "{rendered}");
        assert!(rendered.contains("note: 1:1: far away"), "{rendered}");
        assert!(rendered.contains(&format!("…{}「五個方面」{}…", "甲".repeat(40), "甲".repeat(40))), "{rendered}");
    }

    #[test]
    fn ranges_off_the_text_do_not_panic() {
        let text = "甲乙";
        let finding = Finding {
            rule: "x",
            severity: Severity::Hint,
            range: TextRange::new(1, 50),
            message: "m".into(),
            related: vec![Related { range: TextRange::new(40, 60), message: "r".into() }],
            fix: Some(Fix {
                title: "t".into(),
                edits: vec![Edit { range: TextRange::new(70, 80), replacement: "".into() }],
                safe: false,
            }),
        };
        let rendered = render(text, &finding);
        expect_test::expect![[r#"
            hint[x]: m
            --> news/forum.txt:1:1
             = note: 1:3: r
             = help: fix: t: 「」→「」"#]]
        .assert_eq(&rendered);
    }

    #[test]
    fn summary_lines() {
        let mut summary = Summary { files: 3, elapsed: std::time::Duration::from_millis(12), ..Summary::default() };
        expect_test::expect!["checked 3 files in 12.00ms: 0 findings"].assert_eq(&summary_line(&summary));
        summary.findings = [1, 2, 0, 1];
        summary.failed_files = 1;
        summary.baselined = 4;
        summary.stale_baseline = 1;
        summary.fixed = 2;
        summary.fixed_files = 1;
        expect_test::expect!["checked 3 files in 12.00ms: 4 findings (1 error, 2 warnings, 1 hint), 1 file not readable, fixed 2 in 1 file, 4 in the baseline, 1 baseline entry no longer found (rewrite it with --write-baseline)"].assert_eq(&summary_line(&summary));
    }
}
