//! ## What it does
//! Flags dates that do not exist: a month above 12 (`2024年13月`), a day past the end of its
//! month (`11月31日`, `2月30日`), or 29 February in a year that is not a leap year
//! (`2023年2月29日`).
//!
//! ## Why is this bad?
//! An impossible date is a typo that readers cannot repair: was `11月31日` meant to be 30
//! November or 1 December? Fact-checkers must ask the source.
//!
//! ## Example
//! ```text
//! 峰會於2024年11月31日閉幕。
//! ```
//! November has 30 days; write the date the source gives, such as `2024年11月30日`.

use crate::figures::DatePart;
use crate::figures::support::finding;
use crate::finding::Finding;
use crate::rule_codes::RuleLevel;
use crate::rules::{Rule, RuleContext};

const CODE: &str = "invalid-date";

pub const RULE: Rule =
    Rule { code: CODE, summary: "A date that does not exist", default_level: RuleLevel::Error, check };

pub fn check(context: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for mention in context.until_cancelled(&context.figures.dates, |d| d.span.paragraph) {
        for part in std::iter::once(&mention.start).chain(mention.end.as_ref()) {
            if let Some(message) = problem(part) {
                let written = &context.document.text()[mention.span.range.as_range()];
                out.push(finding(CODE, mention.span.range, format!("{written}: {message}"), Vec::new()));
                break;
            }
        }
    }
    out
}

fn problem(part: &DatePart) -> Option<String> {
    let month = part.month?;
    if !(1..=12).contains(&month) {
        return Some(format!("there is no month {month}; a year has 12"));
    }
    let day = part.day?;
    if day == 0 {
        return Some("there is no day 0".to_owned());
    }
    // Without a year, February may have 29 days.
    let year = if part.year_source.is_some() { part.year.unwrap_or(2024) } else { 2024 };
    let length = jiff::civil::Date::new(year, month as i8, 1).ok()?.days_in_month() as u8;
    if day > length {
        let of_year =
            if month == 2 && length == 28 { format!(" in {year}, which is not a leap year") } else { String::new() };
        return Some(format!("month {month} has {length} days{of_year}, so day {day} does not exist"));
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::figures::support::findings_of;

    #[test]
    fn impossible_dates_fire() {
        assert_eq!(
            findings_of("invalid-date", "峰會於2024年11月31日閉幕，另一會議在2月30日舉行。"),
            [
                "2024年11月31日: 2024年11月31日: month 11 has 30 days, so day 31 does not exist []",
                "2月30日: 2月30日: month 2 has 29 days, so day 30 does not exist []"
            ]
        );
        assert_eq!(findings_of("invalid-date", "據報2023年2月29日成交。").len(), 1);
        assert_eq!(findings_of("invalid-date", "计划于2025年13月启动。").len(), 1);
    }

    #[test]
    fn real_dates_do_not_fire() {
        for text in [
            "會議於2024年2月29日舉行。",
            "2月29日，代表團抵達。",
            "11月30日至12月1日，雙方會談。",
            "為期13個月的計劃。",
            "第31屆會議召開，歷時31天。",
        ] {
            assert_eq!(findings_of("invalid-date", text), Vec::<String>::new(), "{text}");
        }
    }
}
