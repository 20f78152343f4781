//! What the outline knows about each line of a text, as numbers: the features a scored model of
//! "is this line a heading" reads, and what the rules decided for the line. `zhnews outline
//! --format features` prints them for `scripts/fit-outline-model`, which fits and measures such
//! a model (leave-one-article-out on the development set) against the rules; see
//! `docs/accuracy.md` for what it found.

use regex::Regex;

use super::{ItemKind, lines, outline, scan};
use crate::document::Document;
use crate::text::{TextRange, is_han};

use super::OutlineConfig;

/// The names of [`LineFeatures::values`], in order.
pub const FEATURE_NAMES: &[&str] = &[
    "log_len",
    "log_next_ratio",
    "log_prev_ratio",
    "log_median_ratio",
    "ends_period",
    "ends_question",
    "ends_exclaim",
    "ends_colon",
    "ends_comma",
    "ends_semicolon",
    "ends_close_quote",
    "ends_close_bracket",
    "ends_ellipsis",
    "inner_sentence",
    "one_comma",
    "two_commas",
    "inner_colon",
    "han_ratio",
    "latin",
    "digit_ratio",
    "unbalanced",
    "quoted_phrase_end",
    "starts_quote",
    "book_title",
    "han_space_han",
    "first_line",
    "after_first_line",
    "prev_ends_paragraph",
    "next_ends_paragraph",
    "prev_is_meta",
    "next_is_meta",
    "blank_before",
    "blank_after",
    "mid_phrase",
    "is_meta",
    "is_caption",
    "marker",
    "explicit",
    "qa",
    "next_not_longer",
    "last_line",
    "headline_like",
    "wrapped_text",
];

/// One non-blank line of a document.
#[derive(Clone, Debug)]
pub struct LineFeatures {
    /// Zero-based line number.
    pub line: usize,
    /// The line, trimmed, markup kept.
    pub text: String,
    /// One value per name of [`FEATURE_NAMES`].
    pub values: Vec<f64>,
    /// What the rules' scan made of the line: `heading`, `meta`, `caption`, `body` (a list item
    /// or a paragraph), `point`.
    pub rule_item: &'static str,
    /// The rules decided the line on structure alone: a meta or caption line, a numbered or
    /// Markdown or `**bold**` line, a list item, a structure-phrase point, or any line of
    /// wrapped text (newspaper pages, whose page rules decide them).
    pub structural: bool,
    /// The outline has a node whose heading starts on this line, and its kind.
    pub node: Option<&'static str>,
    /// The outline has a node whose heading spans this line.
    pub node_span: bool,
}

/// The features of every non-blank line of `document`, with what the rules decided.
pub fn line_features(document: &Document, config: &OutlineConfig) -> Vec<LineFeatures> {
    let text = document.text();
    let index = document.lines();
    let patterns: Vec<(Regex, u32)> =
        config.patterns.iter().filter_map(|p| Some((Regex::new(&p.regex).ok()?, p.level))).collect();
    let items = scan(document, &patterns);
    let nodes: Vec<(TextRange, &'static str)> = outline(document, config)
        .iter()
        .flat_map(|root| root.walk())
        .map(|n| (n.heading_range, n.kind.name()))
        .collect();
    let mut numbers = Vec::new();
    let mut ranges = Vec::new();
    for number in 0..index.line_count() {
        let Some(content) = index.line_content(text, number) else { break };
        let raw = &text[content.as_range()];
        let trimmed = raw.trim_start_matches('\u{feff}').trim();
        if trimmed.is_empty() {
            continue;
        }
        let start = content.start + raw.find(trimmed).unwrap_or(0);
        numbers.push(number);
        ranges.push(TextRange::new(start, start + trimmed.len()));
    }
    let texts: Vec<&str> = ranges.iter().map(|r| &text[r.as_range()]).collect();
    let context = Context::new(&texts, &numbers);
    (0..texts.len())
        .map(|k| {
            let range = ranges[k];
            // The scan's item on this line (an empty item range still covers its start).
            let item = items
                .iter()
                .find(|item| item.range.start < range.end && range.start < item.range.end.max(item.range.start + 1));
            let (rule_item, marked) = match item.map(|i| &i.kind) {
                Some(ItemKind::Heading(h)) if h.point => ("point", true),
                Some(ItemKind::Heading(h)) => {
                    let explicit = h.markup.hashes.is_some() || h.markup.bold || h.markup.lenticular;
                    ("heading", explicit || h.marker.is_some() || h.pattern_level.is_some())
                }
                Some(ItemKind::Meta(..)) => ("meta", true),
                Some(ItemKind::Caption) => ("caption", true),
                Some(ItemKind::Body) | None => ("body", false),
            };
            let list_item = rule_item == "body" && lines::heading_marker(lines::strip_markup_text(texts[k])).is_some();
            let node = nodes.iter().find(|(r, _)| index.line_of(r.start) == numbers[k]).map(|(_, kind)| *kind);
            let node_span = nodes.iter().any(|(r, _)| {
                (index.line_of(r.start)..=index.line_of(r.end.saturating_sub(1).max(r.start))).contains(&numbers[k])
            });
            LineFeatures {
                line: numbers[k],
                text: texts[k].to_owned(),
                values: context.values(k),
                rule_item,
                structural: marked || list_item || context.wrapped,
                node,
                node_span,
            }
        })
        .collect()
}

/// The lines of a document seen together: their lengths and what surrounds them.
pub(crate) struct Context<'a> {
    /// The non-blank lines, trimmed, in order.
    texts: &'a [&'a str],
    /// Their line numbers (a gap between two is a blank line).
    numbers: &'a [usize],
    lens: Vec<usize>,
    median: usize,
    /// Text wrapped at a column width (five or more lines break after a comma), not kept one
    /// paragraph per line.
    pub wrapped: bool,
}

impl<'a> Context<'a> {
    pub(crate) fn new(texts: &'a [&'a str], numbers: &'a [usize]) -> Context<'a> {
        let lens: Vec<usize> = texts.iter().map(|t| lines::visible_len(bare(t))).collect();
        let mut sorted = lens.clone();
        sorted.sort_unstable();
        let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0);
        let wrapped = texts.iter().filter(|t| t.contains('，') && !lines::ends_paragraph(t)).count() >= 5;
        Context { texts, numbers, lens, median, wrapped }
    }

    /// The feature values of line `k`, in the order of [`FEATURE_NAMES`].
    pub(crate) fn values(&self, k: usize) -> Vec<f64> {
        let raw = self.texts[k];
        let (_, markup) = lines::strip_markup(raw);
        let text = bare(raw);
        let len = self.lens[k];
        let prev = k.checked_sub(1).map(|p| self.texts[p]);
        let next = self.texts.get(k + 1).copied();
        let ln_ratio = |other: usize| ((1 + other) as f64 / (1 + len) as f64).ln();
        let last = text.chars().next_back().unwrap_or(' ');
        let inner: String = text.chars().take(text.chars().count().saturating_sub(1)).collect();
        let commas = text.matches(['，', ',']).count();
        let chars = text.chars().filter(|c| !c.is_whitespace()).count().max(1) as f64;
        let han = text.chars().filter(|&c| is_han(c)).count() as f64;
        let digits = text.chars().filter(char::is_ascii_digit).count() as f64;
        let explicit = markup.hashes.is_some() || markup.bold || markup.lenticular;
        let is_meta = |t: &str| lines::meta(t).is_some() || lines::meta(bare(t)).is_some();
        let qa = ["问：", "問：", "答：", "Q：", "A：", "问:", "問:", "答:"].iter().any(|w| text.starts_with(w));
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let next_len = self.lens.get(k + 1).copied().unwrap_or(0);
        let prev_len = k.checked_sub(1).map_or(0, |p| self.lens[p]);
        vec![
            ((1 + len) as f64).ln(),
            ln_ratio(next_len),
            ln_ratio(prev_len),
            ln_ratio(self.median),
            flag(matches!(last, '。' | '.')),
            flag(matches!(last, '？' | '?')),
            flag(matches!(last, '！' | '!')),
            flag(matches!(last, '：' | ':')),
            flag(matches!(last, '，' | ',' | '、')),
            flag(matches!(last, '；' | ';')),
            flag(matches!(last, '”' | '」' | '』')),
            flag(matches!(last, '）' | ')' | '】' | '》')),
            flag(last == '…'),
            flag(inner.contains(['。', '！', '？', '；', '!', '?', ';'])),
            flag(commas == 1),
            flag(commas >= 2),
            flag(inner.contains(['：', ':'])),
            han / chars,
            flag(text.chars().any(|c| c.is_ascii_alphabetic())),
            digits / chars,
            flag(!lines::balanced(text)),
            flag(lines::ends_with_quoted_phrase(text)),
            flag(text.starts_with(['“', '「', '『'])),
            flag(text.contains('《')),
            flag(lines::han_space_han(text)),
            flag(k == 0),
            flag(k == 1),
            flag(prev.is_none_or(lines::ends_paragraph)),
            flag(next.is_some_and(lines::ends_paragraph)),
            flag(prev.is_some_and(is_meta)),
            flag(next.is_some_and(is_meta)),
            flag(k == 0 || self.numbers[k - 1] + 1 < self.numbers[k]),
            flag(self.numbers.get(k + 1).is_none_or(|&n| self.numbers[k] + 1 < n)),
            flag(lines::ends_mid_phrase(text)),
            flag(is_meta(raw)),
            flag(lines::is_caption(text)),
            flag(lines::heading_marker(text).is_some_and(|m| !lines::is_skeleton(&m))),
            flag(explicit),
            flag(qa),
            flag(next.is_none() || next_len < len + 3),
            flag(next.is_none()),
            flag(lines::headline_like(text, explicit, if explicit { 80 } else { 40 })),
            flag(self.wrapped),
        ]
    }
}

/// A line's text without its Markdown and emphasis.
fn bare(line: &str) -> &str {
    lines::strip_markup_text(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_has_every_feature_and_the_rules_decision() {
        let text = "海外留学生看两会\n\n新华社北京3月5日电 今年两会期间，记者采访了多名留学生。\n关注点多与所学专业相关\n不少学生表示，他们关注的议题与专业密切相关，法学专业的学生热议法定婚龄。\n一、教育\n留学生们也关心国内教育改革的进展。";
        let features = line_features(&Document::new(text), &OutlineConfig::default());
        let lines: Vec<usize> = features.iter().map(|f| f.line).collect();
        assert_eq!(lines, [0, 2, 3, 4, 5, 6]);
        assert!(features.iter().all(|f| f.values.len() == FEATURE_NAMES.len()));
        let decided: Vec<(&str, bool, Option<&str>)> =
            features.iter().map(|f| (f.rule_item, f.structural, f.node)).collect();
        assert_eq!(
            decided,
            [
                ("heading", false, Some("title")),
                ("meta", true, None),
                ("heading", false, Some("subhead")),
                ("body", false, None),
                ("heading", true, Some("section")),
                ("body", false, None),
            ]
        );
        let value = |line: usize, name: &str| {
            let at = FEATURE_NAMES.iter().position(|n| *n == name).unwrap_or(usize::MAX);
            features.iter().find(|f| f.line == line).map(|f| f.values[at])
        };
        assert_eq!(value(0, "first_line"), Some(1.0));
        assert_eq!(value(0, "blank_after"), Some(1.0));
        assert_eq!(value(4, "ends_period"), Some(1.0));
        assert_eq!(value(4, "one_comma"), Some(0.0));
        assert_eq!(value(4, "two_commas"), Some(1.0));
        assert_eq!(value(2, "is_meta"), Some(1.0));
        assert_eq!(value(5, "marker"), Some(1.0));
    }
}
