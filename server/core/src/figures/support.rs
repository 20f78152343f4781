//! Helpers the figure rules share: building findings and looking around a figure.

use crate::document::Document;
use crate::finding::{Finding, Related, Severity};
use crate::text::TextRange;

use super::Span;

/// A finding with the registry's placeholder severity (the registry sets the configured one).
pub fn finding(rule: &'static str, range: TextRange, message: String, related: Vec<(TextRange, String)>) -> Finding {
    Finding {
        rule,
        severity: Severity::Warning,
        range,
        message,
        related: related.into_iter().map(|(range, message)| Related { range, message }).collect(),
        fix: None,
    }
}

/// The joined text of the paragraph a span is in.
pub fn paragraph_text<'a>(document: &'a Document, span: &Span) -> &'a str {
    document.paragraphs().get(span.paragraph).map_or("", |p| p.joined.text.as_str())
}

/// The text of a span as written in the joined paragraph (no line breaks).
pub fn span_text<'a>(document: &'a Document, span: &Span) -> &'a str {
    paragraph_text(document, span).get(span.joined.as_range()).unwrap_or("")
}

/// True when the paragraph is a title: a Markdown heading, or a short first paragraph that
/// does not end like a sentence.
pub fn is_title(document: &Document, paragraph: usize) -> bool {
    let Some(text) = document.paragraphs().get(paragraph).map(|p| p.joined.text.trim()) else {
        return false;
    };
    text.starts_with('#') || (paragraph == 0 && !text.ends_with(['。', '！', '？']) && text.chars().nth(80).is_none())
}

/// The sentence (in the joined text) around a span.
pub fn sentence_of(document: &Document, span: &Span) -> TextRange {
    super::text::sentence_at(paragraph_text(document, span), span.joined.start)
}

#[cfg(test)]
pub fn findings_of(rule: &str, text: &str) -> Vec<String> {
    findings_with(rule, text, &crate::config::Config::default())
}

/// The findings of one rule on `text`, as `text-of-range: message` lines (test helper).
#[cfg(test)]
pub fn findings_with(rule: &str, text: &str, config: &crate::config::Config) -> Vec<String> {
    let analysis = crate::analyse(text, config);
    analysis
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| {
            let related: Vec<&str> = f.related.iter().map(|r| &text[r.range.as_range()]).collect();
            format!("{}: {} [{}]", &text[f.range.as_range()], f.message, related.join(" | "))
        })
        .collect()
}
