//! ## What it does
//! Flags an ordinal sequence that is out of order, skips a number or repeats one: section
//! markers at the start of paragraphs (`一、`, `（一）`, `1.`, `(1)`, `第一部分`,
//! `第一個亮點`), `第一，` openers, and inline `一是…二是…` and `首先…其次…` enumerations. A sequence restarts
//! at every `一`/`1` (a page may hold several stories), and a nested style (`（一）` under
//! `一、`) restarts under each outer marker. Sequences that do not start at one are left alone.
//!
//! The quick fix renumbers the markers by position; it is marked safe only when exactly one
//! marker is wrong (`一、二、二、四`), since a shuffled sequence may instead need its sections
//! moved.
//!
//! ## Why is this bad?
//! Misnumbered sections read as missing text: a reader who sees `一、三、五` looks for `二`.
//!
//! ## Example
//! ```text
//! ## 一、引領開放合作
//! ## 三、樹立合作典範
//! ## 二、推動治理改革
//! ```
//! Renumber to `一、二、三`, or move the sections into their numbered order.

use crate::figures::support::finding;
use crate::figures::{Sequence, SequenceStyle};
use crate::finding::{Edit, Finding, Fix};
use crate::rule_codes::RuleLevel;
use crate::rules::{Rule, RuleContext};

const CODE: &str = "sequence-order";

pub const RULE: Rule = Rule {
    code: CODE,
    summary: "An ordinal sequence out of order, skipped or repeated",
    default_level: RuleLevel::Warning,
    check,
};

pub fn check(context: &RuleContext<'_>) -> Vec<Finding> {
    let text = context.document.text();
    let mut out = Vec::new();
    for run in &context.figures.sequences {
        if run.items.len() < 2 || run.items[0].value != 1 {
            continue;
        }
        let Some(first_wrong) = run.items.iter().enumerate().position(|(i, item)| item.value != i as u64 + 1) else {
            continue;
        };
        let written: Vec<&str> = run.items.iter().map(|item| marker_text(text, item.span.range)).collect();
        let expected: Vec<String> =
            (1..=run.items.len() as u64).map(|n| numeral_of(&run.style, n, written[0])).collect();
        let wrong: Vec<usize> =
            run.items.iter().enumerate().filter(|(i, item)| item.value != *i as u64 + 1).map(|(i, _)| i).collect();
        let problem = describe(run);
        let primary = &run.items[first_wrong];
        let related = run
            .items
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != first_wrong)
            .map(|(i, item)| (item.span.range, format!("item {} of the sequence is numbered {}", i + 1, item.value)))
            .collect();
        let mut f = finding(
            CODE,
            primary.span.range,
            format!(
                "{problem}: the markers read {} but in order they would be {}",
                written.join(" "),
                expected.join(" ")
            ),
            related,
        );
        let edits = wrong
            .iter()
            .map(|&i| Edit { range: run.items[i].span.range, replacement: run.style.render(i as u64 + 1, written[i]) })
            .collect();
        f.fix =
            Some(Fix { title: format!("Renumber the sequence {}", expected.join(" ")), edits, safe: wrong.len() == 1 });
        out.push(f);
    }
    out
}

fn marker_text(text: &str, range: crate::text::TextRange) -> &str {
    text.get(range.as_range()).unwrap_or("")
}

fn numeral_of(style: &SequenceStyle, n: u64, sample: &str) -> String {
    style.render(n, sample)
}

fn describe(run: &Sequence) -> &'static str {
    let values: Vec<u64> = run.items.iter().map(|i| i.value).collect();
    let mut sorted = values.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() < values.len() {
        "a number is repeated"
    } else if sorted == (1..=values.len() as u64).collect::<Vec<_>>() {
        "the sequence is out of order"
    } else {
        "the sequence skips a number"
    }
}

#[cfg(test)]
mod tests {
    use crate::figures::support::findings_of;
    use crate::finding::apply_edits;

    #[test]
    fn shuffled_sections_fire_with_an_unsafe_fix() {
        let text = "## 一、甲\n\n正文。\n\n## 三、乙\n\n## 五、丙\n\n## 二、丁\n\n## 四、戊\n\n## 六、己\n";
        assert_eq!(
            findings_of("sequence-order", text),
            [
                "三、: the sequence is out of order: the markers read 一、 三、 五、 二、 四、 六、 but in order they would be 一、 二、 三、 四、 五、 六、 [一、 | 五、 | 二、 | 四、 | 六、]"
            ]
        );
        let analysis = crate::analyse(text, &crate::Config::default());
        let fix = analysis.findings[0].fix.as_ref().unwrap();
        assert!(!fix.safe);
        let fixed = apply_edits(text, &fix.edits).unwrap();
        assert!(fixed.contains("## 二、乙") && fixed.contains("## 六、己"), "{fixed}");
    }

    #[test]
    fn one_wrong_marker_has_a_safe_fix() {
        let text = "（一）甲。\n\n（二）乙。\n\n（二）丙。\n\n（四）丁。";
        let analysis = crate::analyse(text, &crate::Config::default());
        let finding = analysis.findings.iter().find(|f| f.rule == "sequence-order").unwrap();
        assert!(finding.message.starts_with("a number is repeated"), "{}", finding.message);
        let fix = finding.fix.as_ref().unwrap();
        assert!(fix.safe);
        assert_eq!(apply_edits(text, &fix.edits).unwrap(), "（一）甲。\n\n（二）乙。\n\n（三）丙。\n\n（四）丁。");
        assert_eq!(findings_of("sequence-order", "願景：一是合作；二是共贏；四是開放。").len(), 1);
        assert_eq!(findings_of("sequence-order", "第一，甲。\n\n第二，乙。\n\n第二，丙。").len(), 1);
        assert_eq!(findings_of("sequence-order", "首先，甲；其次，乙；其次，丙。").len(), 1);
    }

    /// Points with a label before the number (亮點1、), in both scripts; the fix keeps the label.
    #[test]
    fn labelled_points_fire() {
        for (text, fixed) in [
            ("重點1、續航更長\n內文一。\n重點3、效能更好\n內文二。\n重點3、價格更低\n內文三。", "重點2、"),
            ("重点1、续航更长\n内文一。\n重点3、效能更好\n内文二。\n重点3、价格更低\n内文三。", "重点2、"),
        ] {
            let analysis = crate::analyse(text, &crate::Config::default());
            let finding = analysis.findings.iter().find(|f| f.rule == "sequence-order").expect(text);
            let edits = &finding.fix.as_ref().unwrap().edits;
            assert!(edits.iter().any(|e| e.replacement == fixed), "{edits:?}");
        }
        assert_eq!(
            findings_of("sequence-order", "重點1、甲\n內文。\n重點2、乙\n內文。\n重點3、丙\n內文。"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn ordered_restarted_and_nested_sequences_do_not_fire() {
        for text in [
            "一、甲\n\n二、乙\n\n三、丙",
            "一、甲\n\n（一）子\n\n（二）丑\n\n二、乙\n\n（一）寅\n\n（二）卯",
            "一、甲\n\n二、乙\n\n另一篇\n\n一、丙\n\n二、丁",
            "三、丙\n\n五、戊",
            "唯一是他。一是一，二是二。",
            "1. 甲\n\n2. 乙\n\n3. 丙",
        ] {
            assert_eq!(findings_of("sequence-order", text), Vec::<String>::new(), "{text}");
        }
    }
}
