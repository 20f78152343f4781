//! Ordinal sequences: section markers at the start of paragraphs (`一、`, `（一）`, `1.`, `(1)`,
//! `第一部分`, `第一個亮點是`), `第一，` openers, and inline `一是…二是…` enumerations.
//!
//! Markers are grouped into runs: same style (and same counter noun for `第X個亮點`), in
//! document order; a run restarts at every `1` (a page may hold several stories, each numbered
//! from one), and a nested style (`（一）` under `一、`) restarts under each outer marker.

use crate::document::Document;
use crate::numerals::{MarkerStyle, is_chinese_numeral_char, leading_marker, parse_integer};
use crate::text::TextRange;

use super::Span;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SequenceStyle {
    /// A paragraph-initial marker from [`leading_marker`].
    Marker(MarkerStyle, String),
    /// `一是…二是…` inside the text.
    Shi,
    /// `首先，…其次，…` inside the text (`再次` is left out: it usually means "again").
    FirstNext,
}

impl SequenceStyle {
    /// How the marker with value `n` is written in this style, following `sample` (one of the
    /// run's markers as written) for Traditional or Arabic digits.
    pub fn render(&self, n: u64, sample: &str) -> String {
        let numeral = if sample.chars().any(|c| c.is_ascii_digit()) { n.to_string() } else { chinese_numeral(n) };
        match self {
            SequenceStyle::Marker(MarkerStyle::ChineseComma, _) => format!("{numeral}、"),
            SequenceStyle::Marker(MarkerStyle::ChineseParen | MarkerStyle::ArabicParen, _) => {
                let (open, close) = if sample.starts_with('(') { ("(", ")") } else { ("（", "）") };
                format!("{open}{numeral}{close}")
            }
            SequenceStyle::Marker(MarkerStyle::ArabicDot, _) => {
                let punct = sample.chars().last().unwrap_or('.');
                format!("{numeral}{punct}")
            }
            SequenceStyle::Marker(MarkerStyle::Di, noun) => format!("第{numeral}{noun}"),
            SequenceStyle::Marker(MarkerStyle::Labelled, label) => {
                let punct = sample.chars().last().unwrap_or('、');
                format!("{label}{numeral}{punct}")
            }
            SequenceStyle::Marker(MarkerStyle::DiComma, _) => {
                let punct = sample.chars().last().unwrap_or('，');
                format!("第{numeral}{punct}")
            }
            SequenceStyle::Shi => format!("{numeral}是"),
            SequenceStyle::FirstNext => if n == 1 { "首先" } else { "其次" }.to_owned(),
        }
    }
}

/// Writes 1..=99 as a Chinese numeral (`十二`, `二十`, `三十一`).
pub fn chinese_numeral(n: u64) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_owned(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[(n % 10) as usize] }),
        20..=99 => {
            format!(
                "{}十{}",
                DIGITS[(n / 10) as usize],
                if n.is_multiple_of(10) { "" } else { DIGITS[(n % 10) as usize] }
            )
        }
        _ => n.to_string(),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SequenceItem {
    pub value: u64,
    /// The marker as written (`三、`, `（二）`, `五是`).
    pub span: Span,
}

/// One run of markers of the same style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sequence {
    pub style: SequenceStyle,
    pub items: Vec<SequenceItem>,
}

struct Found {
    style: SequenceStyle,
    item: SequenceItem,
}

/// Finds the ordinal runs of a document.
pub fn scan(document: &Document) -> Vec<Sequence> {
    let mut found: Vec<Found> = Vec::new();
    for (index, paragraph) in document.paragraphs().iter().enumerate() {
        let joined = &paragraph.joined;
        let span = |range: TextRange| Span { paragraph: index, joined: range, range: joined.to_original_range(range) };
        let text = joined.text.as_str();
        if let Some(marker) = leading_marker(text) {
            let style = SequenceStyle::Marker(marker.style, marker.noun.clone());
            found.push(Found { style, item: SequenceItem { value: marker.value, span: span(marker.range) } });
        }
        for (value, range) in shi_items(text) {
            found.push(Found { style: SequenceStyle::Shi, item: SequenceItem { value, span: span(range) } });
        }
        for (value, range) in first_next_items(text) {
            found.push(Found { style: SequenceStyle::FirstNext, item: SequenceItem { value, span: span(range) } });
        }
    }
    group(found)
}

/// `一是`, `二是` … after punctuation (not `唯一是`, `之一是`).
fn shi_items(text: &str) -> Vec<(u64, TextRange)> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('是') {
        let before = &text[..i];
        let len: usize = before.chars().rev().take_while(|&c| is_chinese_numeral_char(c)).map(char::len_utf8).sum();
        if len == 0 || len > 6 {
            continue;
        }
        let start = i - len;
        let prev = text[..start].chars().next_back();
        if !prev.is_none_or(|p| matches!(p, '：' | ':' | '，' | '；' | '。' | '、' | '」' | '”')) {
            continue;
        }
        let Some(value) = parse_integer(&text[start..i]) else { continue };
        if (1..=30).contains(&value) {
            out.push((value, TextRange::new(start, i + '是'.len_utf8())));
        }
    }
    out
}

/// `首先，` and `其次，` at the start of a clause.
fn first_next_items(text: &str) -> Vec<(u64, TextRange)> {
    let mut out = Vec::new();
    for (word, value) in [("首先", 1), ("其次", 2)] {
        for (i, _) in text.match_indices(word) {
            let prev = text[..i].chars().next_back();
            let end = i + word.len();
            let clause_start = prev.is_none_or(|p| matches!(p, '：' | ':' | '，' | '；' | '。' | '」' | '”'));
            if clause_start && text[end..].starts_with(['，', ',']) {
                out.push((value, TextRange::new(i, end)));
            }
        }
    }
    out.sort_by_key(|(_, range)| range.start);
    out
}

fn group(found: Vec<Found>) -> Vec<Sequence> {
    // Styles in order of first appearance: an earlier style is an outer level.
    let mut order: Vec<SequenceStyle> = Vec::new();
    for f in &found {
        if !order.contains(&f.style) {
            order.push(f.style.clone());
        }
    }
    let level = |style: &SequenceStyle| order.iter().position(|s| s == style).unwrap_or(0);
    let mut runs: Vec<Sequence> = Vec::new();
    // The index in `runs` of the open run of each style.
    let mut open: Vec<(SequenceStyle, usize)> = Vec::new();
    for f in found {
        let my_level = level(&f.style);
        // Inline enumerations do not nest section markers, and vice versa.
        let inline = |style: &SequenceStyle| matches!(style, SequenceStyle::Shi | SequenceStyle::FirstNext);
        if !inline(&f.style) {
            // A marker closes the runs of inner (later-appearing) marker styles.
            open.retain(|(style, _)| inline(style) || level(style) <= my_level);
        }
        let current = open.iter().find(|(style, _)| *style == f.style).map(|&(_, index)| index);
        match current {
            Some(index) if f.item.value != 1 => {
                let run = &mut runs[index];
                // Inline runs end when a paragraph without items intervenes.
                let last = run.items.last().map_or(0, |i| i.span.paragraph);
                if inline(&f.style) && f.item.span.paragraph > last + 1 {
                    open.retain(|(style, _)| *style != f.style);
                    open.push((f.style.clone(), runs.len()));
                    runs.push(Sequence { style: f.style, items: vec![f.item] });
                } else {
                    run.items.push(f.item);
                }
            }
            _ => {
                open.retain(|(style, _)| *style != f.style);
                open.push((f.style.clone(), runs.len()));
                runs.push(Sequence { style: f.style, items: vec![f.item] });
            }
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{Expect, expect};

    fn check(text: &str, expect: Expect) {
        let document = Document::new(text);
        let runs: Vec<String> = scan(&document)
            .iter()
            .map(|run| {
                let items: Vec<&str> = run.items.iter().map(|i| &text[i.span.range.as_range()]).collect();
                format!("{:?}: {}", run.style, items.join(" "))
            })
            .collect();
        expect.assert_eq(&runs.join("\n"));
    }

    #[test]
    fn runs_restart_and_nest() {
        check(
            "## 一、甲\n\n（一）子\n\n（二）丑\n\n## 二、乙\n\n（一）寅\n\n第一，卯。\n\n第二，辰。\n\n願景：一是合作；二是共贏；三是開放。唯一是他。首先，甲；其次，乙。再次踏上。",
            expect![[r#"
                Marker(ChineseComma, ""): 一、 二、
                Marker(ChineseParen, ""): （一） （二）
                Marker(ChineseParen, ""): （一）
                Marker(DiComma, ""): 第一， 第二，
                Shi: 一是 二是 三是
                FirstNext: 首先 其次"#]],
        );
    }

    #[test]
    fn numerals_render() {
        assert_eq!(chinese_numeral(12), "十二");
        assert_eq!(chinese_numeral(31), "三十一");
        assert_eq!(SequenceStyle::Marker(MarkerStyle::ChineseComma, String::new()).render(2, "五、"), "二、");
    }
}
