//! ## What it does
//! Flags a stated duration that disagrees with the date range it describes. News counts days
//! inclusively: `11月13日至23日` is 11 days, so `11天時間裏` agrees and `10天` does not. A
//! duration is paired with the nearest date range before it (same paragraph or the next two),
//! and only when it is written as a duration: `為期N天`, `歷時N天`, `N天時間`, `N天裏`,
//! `N天內`, `N天的行程`. Year ranges (`2013年至2023年`) are compared with `N年間`/`N年裏`
//! allowing both ways of counting (10 or 11 years).
//!
//! ## Why is this bad?
//! When the dates and the duration disagree, one of them is wrong, and both are facts a reader
//! may quote.
//!
//! ## Example
//! ```text
//! 2024年11月13日至23日，主席出訪兩國。10天時間裏，行程逾4萬公里。
//! ```
//! 13 to 23 November is 11 days counted inclusively: write `11天`.

use crate::figures::support::{finding, paragraph_text, span_text};
use crate::figures::{DateMention, Quantity, QuantityKind};
use crate::finding::Finding;
use crate::rule_codes::RuleLevel;
use crate::rules::{Rule, RuleContext};

const CODE: &str = "duration-mismatch";

pub const RULE: Rule = Rule {
    code: CODE,
    summary: "A date range disagrees with a stated duration",
    default_level: RuleLevel::Warning,
    check,
};

const BEFORE: &[&str] = &["為期", "为期", "歷時", "历时", "歷經", "历经", "持續", "持续", "短短", "整整"];
const AFTER: &[&str] =
    &["時間", "时间", "裏", "里", "內", "内", "間", "间", "的行程", "行程", "的訪問", "的访问", "中"];

pub fn check(context: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let figures = context.figures;
    // The date ranges in text order. Dates do not overlap, so their ends rise with their
    // starts: the ranges ending before a duration are a prefix, found by binary search (a
    // search of every date for each duration made 50k `為期N天` ranges take 6 s).
    let ranges: Vec<&DateMention> = figures.dates.iter().filter(|d| d.end.is_some()).collect();
    for quantity in &figures.quantities {
        let days = matches!(quantity.unit.as_str(), "天");
        let years = quantity.unit == "年";
        if quantity.kind != QuantityKind::Count || !quantity.is_exact() || !(days || years) {
            continue;
        }
        if !is_duration(context, quantity) {
            continue;
        }
        // The nearest range before the duration, within two paragraphs.
        let before = ranges.partition_point(|d| d.span.range.end <= quantity.span.range.start);
        let Some(range) = before.checked_sub(1).map(|last| ranges[last]) else { continue };
        if quantity.span.paragraph > range.span.paragraph + 2 {
            continue;
        }
        let Some(stated) = quantity.integer() else { continue };
        if let Some(f) = compare(context, range, quantity, stated, days) {
            out.push(f);
        }
    }
    out
}

fn is_duration(context: &RuleContext<'_>, quantity: &Quantity) -> bool {
    let text = paragraph_text(context.document, &quantity.span);
    let before = &text[..quantity.span.joined.start];
    let after = &text[quantity.span.joined.end..];
    BEFORE.iter().any(|w| before.ends_with(w)) || AFTER.iter().any(|w| after.starts_with(w))
}

fn compare(
    context: &RuleContext<'_>,
    range: &DateMention,
    quantity: &Quantity,
    stated: u64,
    days: bool,
) -> Option<Finding> {
    let range_text = span_text(context.document, &range.span);
    let duration_text = span_text(context.document, &quantity.span);
    let end = range.end.as_ref()?;
    if days {
        range.start.day?;
        let counted = range.range()?.inclusive_days()?;
        if counted <= 0 || counted as u64 == stated {
            return None;
        }
        let r = range.range()?;
        return Some(finding(
            CODE,
            quantity.span.range,
            format!(
                "{duration_text} but {range_text} is {counted} days counted inclusively ({} to {}: {} − {} + 1 = {counted})",
                r.start,
                r.end,
                r.end.day(),
                r.start.day()
            ),
            vec![(range.span.range, format!("the date range: {counted} days"))],
        ));
    }
    // Years: only a year range without months.
    if range.start.month.is_some() {
        return None;
    }
    let (from, to) = (range.start.year?, end.year?);
    let difference = u64::try_from(to - from).ok()?;
    if stated == difference || stated == difference + 1 {
        return None;
    }
    Some(finding(
        CODE,
        quantity.span.range,
        format!(
            "{duration_text} but {range_text} spans {to} − {from} = {difference} years ({} counting both ends)",
            difference + 1
        ),
        vec![(range.span.range, "the year range".to_owned())],
    ))
}

#[cfg(test)]
mod tests {
    use crate::figures::support::findings_of;

    #[test]
    fn wrong_durations_fire() {
        assert_eq!(
            findings_of("duration-mismatch", "2024年11月13日至23日，主席出訪。10天時間裏，行程逾4萬公里。"),
            [
                "10天: 10天 but 2024年11月13日至23日 is 11 days counted inclusively (2024-11-13 to 2024-11-23: 23 − 13 + 1 = 11) [2024年11月13日至23日]"
            ]
        );
        assert_eq!(findings_of("duration-mismatch", "2024年11月28日至12月2日，为期四天的访问。").len(), 1);
        assert_eq!(findings_of("duration-mismatch", "2013年至2023年，這15年間合作不斷。").len(), 1);
    }

    #[test]
    fn right_durations_do_not_fire() {
        for text in [
            "2024年11月13日至23日，主席出訪。\n\n11天時間裏，行程逾4萬公里。",
            "2024年11月28日至12月2日，为期五天的访问。",
            "2013年至2023年，這10年間合作不斷。",
            "2013年至2023年，這11年間合作不斷。",
            "2024年11月13日至23日，主席出訪。此前3天，代表團先行抵達。",
        ] {
            assert_eq!(findings_of("duration-mismatch", text), Vec::<String>::new(), "{text}");
        }
    }
}
