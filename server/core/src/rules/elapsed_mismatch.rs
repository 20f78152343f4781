//! ## What it does
//! Flags elapsed years and anniversaries that disagree with the years the text gives:
//! - `時隔N年` against the last year written before it in the same or the previous sentence
//!   (`2015年訪美 … 時隔8年再訪` in a 2023 story is right);
//! - `N年來` and `N個年頭` against a starting year written with `自`/`從` or `以來` in the same
//!   sentence;
//! - `N周年` against a founding year written with its event (`1912年成立`, `建交於1979年`);
//! - `N年前` against the one year written in the same sentence (`117年前發生…於1918年發生大火`,
//!   `8年前，2011年2月10日`), measured from the story's date: `N年前` is the whole years
//!   between the two dates, or one more when the months are not written;
//! - `去（2022）年`, `今（2023）年`: the year in brackets against the story's date.
//!
//! The later year is a year written in the same sentence, or `今年`/`明年`/`去年`, or else the
//! document's reference date (see the figures engine). `時隔` and `年來` allow one year either
//! way for months not yet reached (2015年12月 to 2023年11月 is 時隔7年 or 8年); anniversaries
//! must be exact.
//!
//! ## Why is this bad?
//! Anniversaries and intervals are arithmetic readers can check; getting them wrong undermines
//! the rest of the story.
//!
//! ## Example
//! ```text
//! 2023年11月14日電 習近平主席2015年曾訪問西雅圖，時隔6年再度訪美。
//! ```
//! 2023 − 2015 = 8: write `時隔8年`.

use std::sync::OnceLock;

use regex::Regex;

use crate::figures::support::{finding, paragraph_text, span_text};
use crate::figures::text::{Sentences, chars_before};
use crate::figures::{DateMention, Quantity, QuantityKind, YearSource};
use crate::finding::Finding;
use crate::rule_codes::RuleLevel;
use crate::rules::{Rule, RuleContext};
use crate::text::TextRange;

const CODE: &str = "elapsed-mismatch";

pub const RULE: Rule = Rule {
    code: CODE,
    summary: "Elapsed years or an anniversary disagree with the years given",
    default_level: RuleLevel::Warning,
    check,
};

const FOUNDING: &[&str] = &[
    "成立", "建交", "創立", "创立", "創辦", "创办", "創建", "创建", "建立", "誕生", "诞生", "開通", "开通", "提出",
    "簽署", "签署", "落成", "建成", "開幕", "开幕", "啟用", "启用",
];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Gap,
    Since,
    YearsTouched,
    Anniversary,
}

pub fn check(context: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    // Figures in text order: each sentence is read once (see `Sentences`).
    let mut sentences = Sentences::default();
    for quantity in context.until_cancelled(&context.figures.quantities, |q| q.span.paragraph) {
        if quantity.kind != QuantityKind::Count || !quantity.is_exact() {
            continue;
        }
        let Some(stated) = quantity.integer() else { continue };
        let text = paragraph_text(context.document, &quantity.span);
        let before = &text[..quantity.span.joined.start];
        let after = &text[quantity.span.joined.end..];
        let kind = match quantity.unit.as_str() {
            "年" if ["時隔", "时隔", "相隔", "闊別", "阔别"].iter().any(|w| before.ends_with(w)) => {
                Kind::Gap
            }
            "年" if after.starts_with(['來', '来']) => Kind::Since,
            "個年頭" | "个年头" => Kind::YearsTouched,
            "周年" | "週年" => Kind::Anniversary,
            "年" if after.starts_with('前') => {
                out.extend(check_ago(context, &mut sentences, quantity, stated));
                continue;
            }
            _ => continue,
        };
        if let Some(f) = check_one(context, &mut sentences, quantity, stated, kind) {
            out.push(f);
        }
    }
    out.extend(bracketed_years(context));
    out
}

/// `去（2022）年`: a relative year with the year it means in brackets.
fn bracketed_year() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| Regex::new(r"([去今明前])[（(]((?:19|20)[0-9]{2})[）)]年").expect("valid pattern"))
}

fn bracketed_years(context: &RuleContext<'_>) -> Vec<Finding> {
    let Some(reference) = context.figures.reference else { return Vec::new() };
    let mut out = Vec::new();
    for paragraph in context.document.paragraphs() {
        if (context.cancelled)() {
            break;
        }
        let text = paragraph.joined.text.as_str();
        for c in bracketed_year().captures_iter(text) {
            let (Some(word), Some(year)) = (c.get(1), c.get(2)) else { continue };
            let offset: i16 = match word.as_str() {
                "去" => -1,
                "今" => 0,
                "明" => 1,
                _ => -2,
            };
            let Ok(written) = year.as_str().parse::<i16>() else { continue };
            let meant = reference.date.year() + offset;
            if written == meant {
                continue;
            }
            let whole = c.get(0).map_or(TextRange::empty(0), |m| TextRange::new(m.start(), m.end()));
            let relative = format!("{}年", word.as_str());
            out.push(finding(
                CODE,
                paragraph.joined.to_original_range(whole),
                format!(
                    "{} but {relative} in a story dated {} is {} ({} {} {})",
                    &text[whole.as_range()],
                    reference.date,
                    meant,
                    reference.date.year(),
                    if offset < 0 { "−" } else { "+" },
                    offset.abs()
                ),
                Vec::new(),
            ));
        }
    }
    out
}

/// Years written in a joined range of one paragraph, in order.
fn years_in<'a>(
    context: &'a RuleContext<'_>,
    paragraph: usize,
    range: TextRange,
) -> impl Iterator<Item = &'a DateMention> {
    // Dates do not overlap, so their ends rise with their starts: those inside the range are
    // one stretch, found by binary search (not a look at every date of a long paragraph for
    // each figure).
    let dates = context.figures.dates_in(paragraph);
    let from = dates.partition_point(|d| d.span.joined.start < range.start);
    let to = dates.partition_point(|d| d.span.joined.end <= range.end).max(from);
    dates[from..to].iter().filter(|d| d.end.is_none())
}

fn check_one(
    context: &RuleContext<'_>,
    sentences: &mut Sentences,
    quantity: &Quantity,
    stated: u64,
    kind: Kind,
) -> Option<Finding> {
    let document = context.document;
    let text = paragraph_text(document, &quantity.span);
    let sentence = sentences.at(quantity.span.paragraph, text, quantity.span.joined.start);
    let p = quantity.span.paragraph;
    let written = |d: &DateMention| d.start.year_source == Some(YearSource::Written);
    // The earlier year.
    let start: &DateMention = match kind {
        Kind::Gap => {
            // The last written year before the gap, in this sentence or the one before.
            let previous = crate::figures::text::sentence_at(text, sentence.start.saturating_sub(1));
            let window = TextRange::new(previous.start.min(sentence.start), quantity.span.joined.start);
            years_in(context, p, window).filter(|d| written(d)).last()?
        }
        Kind::Since | Kind::YearsTouched => years_in(context, p, sentence).filter(|d| written(d)).find(|d| {
            let after = &text[d.span.joined.end..];
            let before = &text[..d.span.joined.start];
            before.ends_with(['自', '從', '从']) || after.starts_with("以來") || after.starts_with("以来")
        })?,
        Kind::Anniversary => years_in(context, p, sentence).filter(|d| written(d)).find(|d| {
            let after: String = text[d.span.joined.end..].chars().take(6).collect();
            let before = chars_before(text, d.span.joined.start, 3);
            if after.starts_with(['是', '，', '、']) && !FOUNDING.iter().any(|w| before.contains(w)) {
                return false; // 2023年是…十周年: the year of the anniversary, not of the founding
            }
            FOUNDING.iter().any(|w| after.contains(w)) && !after.contains("周年") && !after.contains("週年")
                || FOUNDING.iter().any(|w| before.contains(w))
        })?,
    };
    let from = start.start.year?;
    // The later year: a different year written in the sentence after the start, a relative
    // year, or the reference year.
    let later = years_in(context, p, sentence)
        .filter(|d| d.span.joined.start > start.span.joined.end && d.start.year.is_some_and(|y| y > from))
        .find(|d| d.start.month.is_none() || kind != Kind::Anniversary)
        .map(|d| (d.start.year, Some(d.span.range), d.start.year_source));
    let (to, later_span, source) = match later {
        Some((Some(year), span, source)) => (year, span, source),
        _ => (context.figures.reference_year()?, None, None),
    };
    if to <= from {
        return None;
    }
    let difference = u64::try_from(to - from).ok()?;
    let accepted = match kind {
        Kind::Gap | Kind::Since => difference.saturating_sub(1)..=difference + u64::from(kind == Kind::Since),
        Kind::YearsTouched => difference..=difference + 1,
        Kind::Anniversary => difference..=difference,
    };
    if accepted.contains(&stated) {
        return None;
    }
    let later_note = match (later_span, source) {
        (Some(_), Some(YearSource::Relative(_))) => format!("{to} (a relative year)"),
        (Some(_), _) => to.to_string(),
        (None, _) => format!("{to} (the document's year)"),
    };
    let mut related = vec![(start.span.range, format!("the starting year: {from}"))];
    if let Some(span) = later_span {
        related.push((span, format!("the later year: {to}")));
    }
    let lead = match kind {
        Kind::Gap => chars_before(text, quantity.span.joined.start, 2),
        _ => "",
    };
    let stated_text = format!("{lead}{}", span_text(document, &quantity.span));
    let expected = match kind {
        Kind::Anniversary => format!("{difference}"),
        _ => format!("about {difference}"),
    };
    Some(finding(
        CODE,
        quantity.span.range,
        format!("{stated_text} but {later_note} − {from} = {difference}; expected {expected}"),
        related,
    ))
}

/// `N年前` against the one year written in its sentence and the story's date.
fn check_ago(
    context: &RuleContext<'_>,
    sentences: &mut Sentences,
    quantity: &Quantity,
    stated: u64,
) -> Option<Finding> {
    let document = context.document;
    let text = paragraph_text(document, &quantity.span);
    let sentence = sentences.at(quantity.span.paragraph, text, quantity.span.joined.start);
    let reference = context.figures.reference?.date;
    // One year in the sentence besides the story's own date (a dateline), so it is the one
    // the interval reaches back to.
    let written: Vec<&DateMention> = years_in(context, quantity.span.paragraph, sentence)
        .filter(|d| d.start.year_source == Some(YearSource::Written) && d.start.full_date() != Some(reference))
        .collect();
    let [event] = written[..] else { return None };
    let from = event.start.year?;
    let years = i64::from(reference.year()) - i64::from(from);
    // Whole years between the two dates: one less when the anniversary is still to come this
    // year; either when the event's month is not written.
    let anniversary_passed = match (event.start.month, event.start.day) {
        (Some(month), day) => (reference.month() as u8, reference.day() as u8) >= (month, day.unwrap_or(1)),
        (None, _) => true,
    };
    let accepted = match event.start.month {
        Some(_) if anniversary_passed => years..=years,
        Some(_) => years - 1..=years - 1,
        None => years - 1..=years,
    };
    if years <= 0 || accepted.contains(&i64::try_from(stated).ok()?) {
        return None;
    }
    let expected = if accepted.start() == accepted.end() {
        accepted.start().to_string()
    } else {
        format!("{} or {}", accepted.start(), accepted.end())
    };
    Some(finding(
        CODE,
        quantity.span.range,
        format!(
            "{}前 but {} (the story's date) − {from} = {years}; expected {expected}",
            span_text(document, &quantity.span),
            reference
        ),
        vec![(event.span.range, format!("the year it reaches back to: {from}"))],
    ))
}

#[cfg(test)]
mod tests {
    use crate::figures::support::findings_of;

    #[test]
    fn wrong_intervals_fire() {
        assert_eq!(
            findings_of("elapsed-mismatch", "2023年11月14日電 主席2015年曾訪問西雅圖，時隔6年再度訪美。"),
            ["6年: 時隔6年 but 2023 (the document's year) − 2015 = 8; expected about 8 [2015年]"]
        );
        assert_eq!(findings_of("elapsed-mismatch", "该会成立于1913年，今年迎来110周年。2024年1月1日").len(), 1);
        assert_eq!(findings_of("elapsed-mismatch", "2024年1月9日 自2013年提出以來，5年來成果豐碩。").len(), 1);
        // N年前 against the story's date from a web time stamp.
        assert_eq!(
            findings_of(
                "elapsed-mismatch",
                "戲院大火\n發佈時間：2024/05/02 10:15\n最嚴重的一次於88年前發生，戲院於1926年失火。"
            ),
            ["88年: 88年前 but 2024-05-02 (the story's date) − 1926 = 98; expected 97 or 98 [1926年]"]
        );
        assert_eq!(findings_of("elapsed-mismatch", "2020年6月3日电 5年前，2017年4月1日，这里曾发生事故。").len(), 1);
        assert_eq!(
            findings_of("elapsed-mismatch", "發佈時間：2023-08-22 10:00\n去（2021）年營收增長一成。"),
            ["去（2021）年: 去（2021）年 but 去年 in a story dated 2023-08-22 is 2022 (2023 − 1) []"]
        );
        assert_eq!(findings_of("elapsed-mismatch", "发布时间：2023-08-22 10:00\n今（2022）年营收增长一成。").len(), 1);
    }

    #[test]
    fn right_intervals_do_not_fire() {
        for text in [
            "2024年1月9日 2023 年是主席提出共建「一帶一路」十周年。",
            "2023年11月14日電 主席2015年曾訪問西雅圖，時隔8年再度訪美。",
            "2023年11月14日電 主席2015年12月曾訪問西雅圖，時隔7年再度訪美。",
            "该会成立于1913年，2023年迎来110周年。",
            "2024年1月9日 自2013年提出以來，10年來成果豐碩。",
            "亞太經合組織誕生35年來成果豐碩。",
            "明年是中美建交45周年。",
            "2024年1月9日 中歐關係已走過 20 個年頭。",
            "戲院大火\n發佈時間：2024/05/02 10:15\n最嚴重的一次於98年前發生，戲院於1926年失火。",
            "2020年6月3日电 3年前，2017年4月1日，这里曾发生事故。",
            "發佈時間：2023-08-22 10:00\n去（2022）年營收增長一成，今(2023)年再升。",
            "2020年3月3日电 2年前，2017年4月1日，这里曾发生事故。",
            // Two years in the sentence: which one the interval reaches back to is unclear.
            "2020年6月3日电 10年前他从2008年的经验出发，在2010年创业。",
        ] {
            assert_eq!(findings_of("elapsed-mismatch", text), Vec::<String>::new(), "{text}");
        }
    }
}
