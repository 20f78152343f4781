//! ## What it does
//! Flags a weekday written with a date (`11月17日（五）`, `2024年11月16日星期六`,
//! `11月16日週六`, or before it: `週六（11月16日）`) that the calendar contradicts. The year
//! is the one written with the date, or else the document's reference date's (see the figures
//! engine), choosing the year that puts the date nearest to it.
//!
//! ## Why is this bad?
//! Readers plan by weekdays; when date and weekday disagree, one of them is wrong and nobody
//! can tell which.
//!
//! ## Example
//! ```text
//! 2024年11月16日（五），兩國元首舉行會談。
//! ```
//! 16 November 2024 was a Saturday: write `（六）`, or check the date.

use crate::figures::Weekday;
use crate::figures::YearSource;
use crate::figures::support::finding;
use crate::finding::Finding;
use crate::rule_codes::RuleLevel;
use crate::rules::{Rule, RuleContext};

const CODE: &str = "weekday-mismatch";

pub const RULE: Rule =
    Rule { code: CODE, summary: "A weekday the calendar contradicts", default_level: RuleLevel::Error, check };

pub fn check(context: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for mention in context.until_cancelled(&context.figures.dates, |d| d.span.paragraph) {
        let Some((written, weekday_span)) = mention.weekday else { continue };
        let Some(date) = mention.start.date() else { continue };
        let actual = Weekday::of(date);
        if actual == written {
            continue;
        }
        let year_note = match mention.start.year_source {
            Some(YearSource::Written) => String::new(),
            _ => format!(" (year {} from the document's date)", date.year()),
        };
        let text = context.document.text();
        out.push(finding(
            CODE,
            weekday_span.range,
            format!(
                "{} is a {} ({}){year_note}, not a {} ({})",
                date,
                actual.english(),
                actual.chinese(),
                written.english(),
                &text[weekday_span.range.as_range()]
            ),
            vec![(mention.span.range, format!("the date: {date}"))],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::figures::support::findings_of;

    /// A day with no month takes the month of the full date before it.
    #[test]
    fn a_day_alone_takes_the_month_before_it() {
        let text = "更新時間 2012年12月10日\n\n他在星期一（12月10日）道歉。議員計劃在星期三（11日）提出動議。";
        assert_eq!(findings_of("weekday-mismatch", text).len(), 1, "{text}");
        let text = "更新时间 2012年12月10日\n\n他在星期一（12月10日）道歉。议员计划在星期二（11日）提出动议。";
        assert_eq!(findings_of("weekday-mismatch", text), Vec::<String>::new());
        // A month without its day sets no month for a later day.
        let text = "2025年11月28日\n\n去年7月至今巡查16次。截至周五（28日）下午3時。";
        assert_eq!(findings_of("weekday-mismatch", text), Vec::<String>::new());
    }

    #[test]
    fn wrong_weekdays_fire() {
        assert_eq!(
            findings_of("weekday-mismatch", "2024年11月16日（五），兩國元首舉行會談。"),
            ["（五）: 2024-11-16 is a Saturday (星期六), not a Friday (（五）) [2024年11月16日]"]
        );
        assert_eq!(findings_of("weekday-mismatch", "2024年11月1日报道。11月18日星期六，代表团抵达。").len(), 1);
        assert_eq!(findings_of("weekday-mismatch", "2023年11月14日電。11月15日週一，會晤舉行。").len(), 1);
        assert_eq!(findings_of("weekday-mismatch", "2024年11月1日电。周五（11月16日），代表团抵达。").len(), 1);
    }

    #[test]
    fn right_weekdays_and_unknown_years_do_not_fire() {
        for text in [
            "2024年11月16日（六），兩國元首舉行會談。",
            "2024年11月1日报道。11月18日星期一，代表团抵达。",
            "11月18日星期六，代表團抵達。",
            "2024年11月1日电。周六（11月16日），代表团抵达。",
            "2024年11月16日（六）至18日，會議舉行。",
        ] {
            assert_eq!(findings_of("weekday-mismatch", text), Vec::<String>::new(), "{text}");
        }
    }
}
