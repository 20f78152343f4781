//! ## What it does
//! Flags a stated duration that disagrees with the date range it describes. News counts days
//! inclusively: `11月13日至23日` is 11 days, so `11天時間裏` agrees and `10天` does not. A
//! duration is paired with the nearest date range before it (same paragraph or the next two),
//! and only when it is written as a duration: `為期N天`, `歷時N天`, `N天時間`, `N天裏`,
//! `N天內`, `N天的行程`. Year ranges (`2013年至2023年`) are compared with `N年間`/`N年裏`
//! allowing both ways of counting (10 or 11 years).
//!
//!
//! Two more ways news states one period twice:
//! - a period counted from a date (`明（11月29日）起下半旗5日`) and a range elsewhere that starts on
//!   the same date and names the same action (`由11月29日至12月1日…下半旗誌哀`): the count must be
//!   the range's days;
//! - a clock time followed by the time it took (`21时35分，经过约7.5小时，…完成出舱活动`) and
//!   the clock time the activity began, the nearest earlier time of day in the same or the next
//!   two paragraphs (`14时10分，…打开舱门`): `约` allows half an hour either way.
//! - days counted from a dated event (`出生4天后`, `成立10天後`, `失踪后第3天`, from the birth,
//!   founding, opening, groundbreaking, disappearance, incident, death, admission or
//!   discharge) in a passage whose own date is plain: the event's date plus the days must be
//!   the passage's date. The event is dated by a date in its verb's clause (`在6月16日产下一名
//!   男婴`, `成立於2023年5月10日`, `6月16日凌晨，她产下…`), and only when the text gives it
//!   no other date. The passage's date is the nearest one-day date before the offset, opening
//!   its sentence, in the same paragraph or the three before with no subhead between, and the
//!   scene must still be on that day: the offset is in the date's sentence, or a time of day
//!   (`上午9点多`, `当天`) comes between and nothing moves the story on (`次日`, `后来`,
//!   `午夜`, another `N天后`). Quoted, reported and general offsets (`一般出生3天后出院`) and
//!   look backs (`就`, `已`) are not read. `N天后` agrees with a passage `d` days on when N is
//!   d, or d + 1 for a writer who counts the event's own day; never with fewer days. A count
//!   short by more than 2 days and by more than half itself reads as a look back, and is left
//!   alone.
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
//!
//! ```text
//! 6月16日，她产下一名男婴。6月21日，记者来到医院。上午9点多，产妇在孩子出生4天后第一次抱起了他。
//! ```
//! 6月16日 + 4 days = 6月20日, but the scene is dated 6月21日: five days after the birth.

use std::sync::OnceLock;

use regex::Regex;

use crate::figures::support::{finding, paragraph_text, sentence_of, span_text};
use crate::figures::{DateMention, Quantity, QuantityKind};
use crate::finding::Finding;
use crate::rule_codes::RuleLevel;
use crate::rules::{Rule, RuleContext};
use crate::text::TextRange;

mod event_offsets;

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
    for quantity in context.until_cancelled(&figures.quantities, |q| q.span.paragraph) {
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
    out.extend(dated_periods(context, &ranges));
    out.extend(clock_periods(context));
    out.extend(event_offsets::check(context, CODE));
    out
}

/// `D起 + action + N日`: the action, up to four characters, and N days.
fn dated_period() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"^[）)]?起(\p{Han}{2,4}?)([0-9]{1,3}|[一二兩两三四五六七八九十]{1,3})[日天]")
            .expect("valid pattern")
    })
}

fn dated_periods(context: &RuleContext<'_>, ranges: &[&DateMention]) -> Vec<Finding> {
    let mut out = Vec::new();
    let document = context.document;
    let day = |part: &crate::figures::DatePart| Some((part.year, part.month?, part.day?));
    // The ranges by their first day, so each period looks only at the ranges it may match.
    let mut by_start: std::collections::HashMap<_, Vec<&DateMention>> = std::collections::HashMap::new();
    for range in ranges {
        if let Some(start) = day(&range.start) {
            by_start.entry(start).or_default().push(range);
        }
    }
    for date in context.until_cancelled(&context.figures.dates, |d| d.span.paragraph).filter(|d| d.end.is_none()) {
        let text = paragraph_text(document, &date.span);
        let Some(c) = dated_period().captures(&text[date.span.joined.end..]) else { continue };
        let (action, number) = (c.get(1).map_or("", |m| m.as_str()), c.get(2).map_or("", |m| m.as_str()));
        let Some(stated) = crate::numerals::parse_integer(number) else { continue };
        let Some(start) = day(&date.start) else { continue };
        // A range from the same day whose sentence names the same action.
        let Some((range, counted)) = by_start.get(&start).into_iter().flatten().find_map(|r| {
            let sentence = sentence_of(document, &r.span);
            let names_action = paragraph_text(document, &r.span)[sentence.as_range()].contains(action);
            (day(&r.start) == Some(start) && names_action).then_some((*r, inclusive_days(r)?))
        }) else {
            continue;
        };
        if counted <= 0 || counted as u64 == stated {
            continue;
        }
        let start = date.start.date().map_or_else(|| format!("{}-{}", start.1, start.2), |d| d.to_string());
        let at = date.span.joined.end + c.get(2).map_or(0, |m| m.start());
        let end = date.span.joined.end + c.get(0).map_or(0, |m| m.end());
        let paragraph = &document.paragraphs()[date.span.paragraph];
        let stated_range = paragraph.joined.to_original_range(TextRange::new(at, end));
        out.push(finding(
            CODE,
            stated_range,
            format!(
                "{action}{number}{} from {start}, but {} is {counted} days counted inclusively",
                &text[at + number.len()..end],
                span_text(document, &range.span)
            ),
            vec![(range.span.range, format!("the same period: {counted} days"))],
        ));
    }
    out
}

/// The days of a range counted inclusively, in a year that has them when the year is not known
/// (no reference date).
fn inclusive_days(range: &DateMention) -> Option<i64> {
    if let Some(dates) = range.range() {
        return dates.inclusive_days();
    }
    let end = range.end.as_ref()?;
    let on = |part: &crate::figures::DatePart, year: i16| {
        jiff::civil::Date::new(year, i8::try_from(part.month?).ok()?, i8::try_from(part.day?).ok()?).ok()
    };
    let (start, mut end_date) = (on(&range.start, 2024)?, on(end, 2024)?);
    if end_date < start {
        end_date = on(end, 2025)?;
    }
    crate::figures::DateRange { start, end: end_date }.inclusive_days()
}

/// A time of day: `21时35分`, `14時10分`, `8点`.
fn clock_time() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"([0-9]{1,2})[时時点點]([0-9]{1,2})分|([0-9]{1,2})[时時点點]").expect("valid pattern")
    })
}

/// `HH时MM分，经过约N小时`: the elapsed hours after an end time.
fn elapsed_hours() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"^[，,]?(?:经过|經過|历时|歷時|历经|歷經|用时|用時)(约|約|大约|大約)?([0-9]+(?:\.[0-9]+)?)(?:个|個)?(?:小时|小時)")
            .expect("valid pattern")
    })
}

/// The times of day of a paragraph, in minutes after midnight, with their joined ranges.
fn clock_times(text: &str) -> Vec<(u32, TextRange)> {
    clock_time()
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let hour: u32 = c.get(1).or_else(|| c.get(3))?.as_str().parse().ok()?;
            let minute: u32 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
            (hour < 24 && minute < 60).then_some((hour * 60 + minute, TextRange::new(whole.start(), whole.end())))
        })
        .collect()
}

fn clock_periods(context: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let document = context.document;
    let paragraphs = document.paragraphs();
    // Each paragraph's times of day, found once.
    let times: Vec<Vec<(u32, TextRange)>> = paragraphs.iter().map(|p| clock_times(&p.joined.text)).collect();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let text = paragraph.joined.text.as_str();
        for (k, &(end_minutes, end_range)) in times[index].iter().enumerate() {
            let Some(c) = elapsed_hours().captures(&text[end_range.end..]) else { continue };
            let approximate = c.get(1).is_some();
            let Some(hours) = c.get(2).and_then(|m| m.as_str().parse::<f64>().ok()) else { continue };
            // The start: the nearest earlier time of day after this one in the text, in this
            // paragraph or the next two (a report gives the end first, then the story).
            let later = (index..paragraphs.len().min(index + 3)).flat_map(|p| {
                let skip = if p == index { k + 1 } else { 0 };
                times[p].iter().skip(skip).map(move |&(m, r)| (p, m, r))
            });
            let Some((p, start_minutes, start_range)) = later.into_iter().find(|(_, m, _)| *m < end_minutes) else {
                continue;
            };
            let elapsed = f64::from(end_minutes - start_minutes) / 60.0;
            let tolerance = if approximate { 0.5 } else { 0.1 };
            if (elapsed - hours).abs() <= tolerance {
                continue;
            }
            let stated_at = end_range.end + c.get(0).map_or(0, |m| m.start());
            let stated_end = end_range.end + c.get(0).map_or(0, |m| m.end());
            let stated = TextRange::new(stated_at, stated_end);
            let start_text = &paragraphs[p].joined.text[start_range.as_range()];
            out.push(finding(
                CODE,
                paragraph.joined.to_original_range(stated),
                format!(
                    "{} but {start_text} to {} is {}h{:02}m ({elapsed:.1} hours)",
                    text[stated.as_range()].trim_start_matches(['，', ',']),
                    &text[end_range.as_range()],
                    (end_minutes - start_minutes) / 60,
                    (end_minutes - start_minutes) % 60
                ),
                vec![(paragraphs[p].joined.to_original_range(start_range), format!("the start: {start_text}"))],
            ));
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
    fn periods_stated_twice_fire() {
        for text in [
            "由3月8日至3月10日，全港政府建築物下半旗誌哀。\n\n政府宣布明（3月8日）起下半旗5日。",
            "由3月8日至3月10日，全港政府建筑物下半旗志哀。\n\n政府宣布明（3月8日）起下半旗5日。",
            "10月5日18时20分，经过约4.5小时，航天员圆满完成出舱活动。\n\n11时50分，航天员打开舱门。",
            "10月5日18時20分，經過約4.5小時，太空人圓滿完成出艙活動。\n\n11時50分，太空人打開艙門。",
        ] {
            assert_eq!(findings_of("duration-mismatch", text).len(), 1, "{text}");
        }
    }

    #[test]
    fn right_durations_do_not_fire() {
        for text in [
            "2024年11月13日至23日，主席出訪。\n\n11天時間裏，行程逾4萬公里。",
            "2024年11月28日至12月2日，为期五天的访问。",
            "2013年至2023年，這10年間合作不斷。",
            "2013年至2023年，這11年間合作不斷。",
            "2024年11月13日至23日，主席出訪。此前3天，代表團先行抵達。",
            "由3月8日至3月10日，全港政府建築物下半旗誌哀。\n\n政府宣布明（3月8日）起下半旗3日。",
            "由3月8日至3月10日，全港停課。\n\n政府宣布明（3月8日）起下半旗5日。",
            "10月5日18时20分，经过约6.5小时，航天员圆满完成出舱活动。\n\n11时50分，航天员打开舱门。",
            "10月5日18时20分，经过约6.5小时，航天员圆满完成出舱活动。",
        ] {
            assert_eq!(findings_of("duration-mismatch", text), Vec::<String>::new(), "{text}");
        }
    }
}
