//! Days counted from a dated event in a dated passage: `出生4天后` where the birth is dated
//! (`在6月16日产下一名男婴`) and so is the scene the offset is told in (`6月21日，…上午9点多，…`).
//! The event's date plus the days must be the passage's date.
//!
//! Which date a passage is at is a judgement; the rule reads it only where news makes it plain:
//! - the passage's date is the nearest one-day date before the offset, and it opens its sentence
//!   (`6月21日，是…`, `6月21日上午，…`): a date inside a sentence dates that sentence's action,
//!   not the scene after it;
//! - it stands in the offset's paragraph or the three before, with no subhead between;
//! - the scene is still on that day at the offset: the offset is in the date's sentence, or a
//!   time of day (`上午9点多`, `当天`) comes after the date's sentence and before the offset,
//!   and nothing between moves the story to another day (`次日`, `后来`, another `N天后`);
//! - the offset is narrated, not quoted, reported or general (`一般出生3天后可出院`), and tells
//!   of the scene, not of an earlier day (`就`, `已`, or a count far short of the passage's).
//!
//! The event's date must be the only date the text gives that event (two births dated
//! differently leave the offset's event unknown). `N天后` agrees with a passage `d` days after
//! the event when N is d, or d + 1 for a writer who counts the event's own day (the count can
//! only grow that way, so `4天后` five days on is wrong either way); `后第N天` likewise.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::figures::DateMention;
use crate::figures::offsets::{Anchor, DatedEvent, DayOffset, dated_events, day_offsets};
use crate::figures::support::finding;
use crate::figures::text::{Sentences, sentence_at};
use crate::finding::Finding;
use crate::rules::RuleContext;
use crate::text::TextRange;

/// How many paragraphs before an offset the passage's date may stand.
const PASSAGE_PARAGRAPHS: usize = 3;

/// The most text (bytes of joined text) read between the passage's date and an offset: further
/// apart, the offset is not checked, so each offset's look back is bounded.
const PASSAGE_BYTES: usize = 4000;

/// Words between the passage's date and the offset that move the story to another day, or tell
/// of another time (`午夜`, `凌晨` after an evening are the next day).
const DAY_SHIFTS: &[&str] = &[
    "次日",
    "翌日",
    "第二天",
    "第二日",
    "隔天",
    "隔日",
    "次晨",
    "昨天",
    "昨日",
    "前天",
    "明天",
    "今天",
    "今日",
    "天后",
    "天後",
    "日后",
    "日後",
    "周后",
    "週後",
    "个月后",
    "個月後",
    "星期后",
    "星期後",
    "后来",
    "後來",
    "此后",
    "此後",
    "几天",
    "幾天",
    "数天",
    "數天",
    "多天",
    "当年",
    "當年",
    "午夜",
    "半夜",
    "深夜",
    "凌晨",
    "通宵",
    "天亮",
    "隔夜",
];

/// Words in the offset's sentence that make it quoted, recalled, general or hypothetical rather
/// than narrated, or tell of an earlier day (`出生3天后就`, `已`).
const NOT_NARRATED: &[&str] = &[
    "回忆", "回憶", "回想", "表示", "称", "稱", "说", "說", "透露", "介绍", "介紹", "告诉", "告訴", "据", "據", "曾",
    "一般", "通常", "往往", "可以", "即可", "需要", "必须", "必須", "应", "應", "规定", "規定", "最快", "最迟", "最遲",
    "至少", "将", "將", "会", "會", "如果", "若", "假如", "每", "就", "便", "已", "早在",
];

fn day_shift() -> &'static regex::Regex {
    static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    PATTERN.get_or_init(|| regex::Regex::new(&DAY_SHIFTS.join("|")).expect("valid pattern"))
}

/// A time of day or a same-day word: the scene is still on the passage's date.
fn same_day() -> &'static regex::Regex {
    static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    PATTERN.get_or_init(|| {
        regex::Regex::new(
            r"[0-9０-９]{1,2}[点點时時]|[一二三四五六七八九十]{1,3}[点點]|上午|中午|下午|晚上|傍晚|清晨|早上|早晨|当天|當天|当日|當日|同日|同一天|此时|此時|这时|這時",
        )
        .expect("valid pattern")
    })
}

/// Text between an offset and a date right after it that makes the date the offset's own
/// (`出生4天后的6月20日`, `出生4天后（6月20日）`).
const DATED_OFFSET: &[&str] = &["", "的", "（", "(", "即", "，即"];

/// The findings, under the rule's code `code`.
pub(super) fn check(context: &RuleContext<'_>, code: &'static str) -> Vec<Finding> {
    let document = context.document;
    let dates = &context.figures.dates;
    let offsets: Vec<DayOffset> = day_offsets(document).into_iter().filter(|o| o.days > 0).collect();
    if offsets.is_empty() {
        return Vec::new();
    }
    // Each event's one date, or none when the text dates it twice differently.
    let mut events: HashMap<Anchor, Option<DatedEvent>> = HashMap::new();
    for event in dated_events(document, dates) {
        let day = |e: &DatedEvent| {
            let start = &dates[e.date].start;
            (start.year, start.month, start.day)
        };
        events
            .entry(event.anchor)
            .and_modify(|known| {
                if known.is_some_and(|k| day(&k) != day(&event)) {
                    *known = None;
                }
            })
            .or_insert(Some(event));
    }
    let mut out = Vec::new();
    let mut reader = Reader::default();
    for offset in context.until_cancelled(&offsets, |o| o.paragraph) {
        let Some(Some(event)) = events.get(&offset.anchor) else { continue };
        if let Some(f) = check_offset(context, &mut reader, offset, event, code) {
            out.push(f);
        }
    }
    out
}

/// What the offsets, met in text order, read of the text, kept so that no text is read twice:
/// their sentences, the quotation marks opened before them, the last passage date's sentence.
#[derive(Default)]
struct Reader {
    sentences: Sentences,
    /// The paragraph and offset read up to, and the `“` and `「` still open there.
    quotes: (usize, usize, isize, isize),
    /// The index of the last passage date looked at, and its sentence.
    date_sentence: Option<(usize, TextRange)>,
}

impl Reader {
    /// True when a quotation is open at `at` in paragraph `paragraph` (whose text is `text`).
    fn inside_quotes(&mut self, paragraph: usize, text: &str, at: usize) -> bool {
        if self.quotes.0 != paragraph || self.quotes.1 > at {
            self.quotes = (paragraph, 0, 0, 0);
        }
        for c in text.get(self.quotes.1..at).unwrap_or("").chars() {
            match c {
                '“' => self.quotes.2 += 1,
                '”' => self.quotes.2 -= 1,
                '「' => self.quotes.3 += 1,
                '」' => self.quotes.3 -= 1,
                _ => {}
            }
        }
        self.quotes.1 = at;
        self.quotes.2 > 0 || self.quotes.3 > 0
    }

    /// The sentence of the date at `index` in the document's dates.
    fn date_sentence(&mut self, index: usize, text: &str, at: usize) -> TextRange {
        match self.date_sentence {
            Some((known, sentence)) if known == index => sentence,
            _ => {
                let sentence = sentence_at(text, at);
                self.date_sentence = Some((index, sentence));
                sentence
            }
        }
    }
}

/// The longest sentence an offset is read in (bytes): longer, it is no sentence news writes, and
/// reading it for each offset would be slow.
const SENTENCE_BYTES: usize = 3000;

fn is_day(date: &DateMention) -> bool {
    date.end.is_none() && date.start.month.is_some() && date.start.day.is_some()
}

fn check_offset(
    context: &RuleContext<'_>,
    reader: &mut Reader,
    offset: &DayOffset,
    event: &DatedEvent,
    code: &'static str,
) -> Option<Finding> {
    let document = context.document;
    let paragraphs = document.paragraphs();
    let dates = &context.figures.dates;
    let text = paragraphs[offset.paragraph].joined.text.as_str();
    let sentence = reader.sentences.at(offset.paragraph, text, offset.joined.start);
    if sentence.len() > SENTENCE_BYTES || reader.inside_quotes(offset.paragraph, text, offset.joined.start) {
        return None;
    }
    let sentence_text = &text[sentence.as_range()];
    if NOT_NARRATED.iter().any(|w| sentence_text.contains(w)) {
        return None;
    }
    let at = |d: &DateMention| (d.span.paragraph, d.span.joined.start);
    let next = dates.partition_point(|d| at(d) < (offset.paragraph, offset.joined.start));
    // A date right after the offset is its own; otherwise the passage's date before it.
    let own = dates.get(next).filter(|d| {
        d.span.paragraph == offset.paragraph
            && text.get(offset.joined.end..d.span.joined.start).is_some_and(|between| DATED_OFFSET.contains(&between))
    });
    let passage = match own {
        Some(date) => date,
        None => passage_date(context, reader, offset, next.checked_sub(1)?)?,
    };
    if !is_day(passage) {
        return None;
    }
    let event_date = &dates[event.date];
    let (start, end) = on_calendar(event_date, passage)?;
    let elapsed = i64::from(start.until(end).ok()?.get_days());
    let stated = offset.days;
    if elapsed <= 0 || elapsed > 366 || stated == elapsed || stated == elapsed + 1 {
        return None;
    }
    // A passage dated well after the day the offset names reads as a look back (`成立10天后拿到
    // 首笔订单` told on a later day), not as a miscount: a count short by more than 2 days and
    // more than half of itself is left alone.
    if elapsed - stated > 2 && elapsed - stated > stated / 2 {
        return None;
    }
    let written = &text[offset.joined.as_range()];
    let show = |d: Date| {
        if start.year() == end.year() {
            format!("{}月{}日", d.month(), d.day())
        } else {
            format!("{}年{}月{}日", d.year(), d.month(), d.day())
        }
    };
    let counted = start.checked_add(jiff::Span::new().days(stated)).ok()?;
    let message = if offset.ordinal {
        let first_day = start.checked_add(jiff::Span::new().days(stated - 1)).ok()?;
        format!(
            "{written}: {} + {stated} days = {} ({} counting {} as the first day), but the passage is dated {}, {elapsed} days after {}",
            show(start),
            show(counted),
            show(first_day),
            show(start),
            show(end),
            show(start)
        )
    } else {
        format!(
            "{written}: {} + {stated} days = {}, but the passage is dated {}, {elapsed} days after {} ({} counting both days)",
            show(start),
            show(counted),
            show(end),
            show(start),
            elapsed + 1
        )
    };
    let verb = &paragraphs[event.paragraph].joined.text[event.verb.as_range()];
    Some(finding(
        code,
        paragraphs[offset.paragraph].joined.to_original_range(offset.joined),
        message,
        vec![
            (event_date.span.range, format!("the date of the event ({verb}): {}", show(start))),
            (passage.span.range, format!("the passage's date: {}", show(end))),
        ],
    ))
}

/// The passage's date for an offset, from the nearest date before it (see the module's notes),
/// when the text makes it plain.
fn passage_date<'a>(
    context: &RuleContext<'a>,
    reader: &mut Reader,
    offset: &DayOffset,
    index: usize,
) -> Option<&'a DateMention> {
    let paragraphs = context.document.paragraphs();
    let date = &context.figures.dates[index];
    if !is_day(date) || date.span.paragraph + PASSAGE_PARAGRAPHS < offset.paragraph {
        return None;
    }
    let home = paragraphs[date.span.paragraph].joined.text.as_str();
    let sentence = reader.date_sentence(index, home, date.span.joined.start);
    // A date on a line of its own (a dateline, a time stamp) is the story's, not the scene's:
    // the date's sentence must end like one.
    if sentence.end >= home.trim_end().len() {
        return None;
    }
    // The date opens its sentence and is its only date.
    let opening = home[sentence.start..date.span.joined.start]
        .trim_matches(|c: char| c.is_whitespace() || "“「（(【".contains(c));
    if !opening.is_empty() {
        return None;
    }
    // One of two dates or the start of a range the scanner did not join (`6月21日或22日`).
    if home[date.span.joined.end..].starts_with(['或', '、', '至', '到', '~', '～', '-', '－', '—']) {
        return None;
    }
    let dates = context.figures.dates_in(date.span.paragraph);
    let first = dates.partition_point(|d| d.span.joined.start < sentence.start);
    if dates[first..].iter().take(2).filter(|d| d.span.joined.end <= sentence.end).count() > 1 {
        return None;
    }
    if date.span.paragraph == offset.paragraph && sentence.end >= offset.joined.end {
        return Some(date);
    }
    // The text from the end of the date's sentence to the offset, paragraph by paragraph.
    let mut between: Vec<&str> = Vec::new();
    let mut length = 0;
    let run = paragraphs.iter().enumerate().take(offset.paragraph + 1).skip(date.span.paragraph);
    for (p, paragraph) in run {
        let text = paragraph.joined.text.as_str();
        let from = if p == date.span.paragraph { sentence.end } else { 0 };
        let to = if p == offset.paragraph { offset.joined.start } else { text.len() };
        if p != date.span.paragraph && p != offset.paragraph && is_subhead(text) {
            return None;
        }
        let part = text.get(from.min(to)..to)?;
        length += part.len();
        if length > PASSAGE_BYTES {
            return None;
        }
        between.push(part);
    }
    // Nothing moves the story off the date's day, and a time of day keeps it there.
    let shifts = between.iter().any(|part| day_shift().is_match(part));
    let stays = between.iter().any(|part| same_day().is_match(part));
    (!shifts && stays).then_some(date)
}

/// A short paragraph that does not end like a sentence: a subhead, which starts another part
/// of the story.
fn is_subhead(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() <= 40 && !text.ends_with(['。', '！', '？', '!', '?', '…', '”', '」', '）', ')'])
}

/// The event's and the passage's dates on the calendar: the years resolved or written, or,
/// when neither is known, one year for both (not across the end of February, whose length
/// depends on it).
fn on_calendar(event: &DateMention, passage: &DateMention) -> Option<(Date, Date)> {
    let (e, p) = (&event.start, &passage.start);
    let day = |year: i16, part: &crate::figures::DatePart| {
        Date::new(year, i8::try_from(part.month?).ok()?, i8::try_from(part.day?).ok()?).ok()
    };
    match (e.year, p.year) {
        (Some(ey), Some(py)) => Some((day(ey, e)?, day(py, p)?)),
        (Some(year), None) | (None, Some(year)) => Some((day(year, e)?, day(year, p)?)),
        (None, None) => {
            if e.month? <= 2 && p.month? >= 3 {
                return None;
            }
            Some((day(2024, e)?, day(2024, p)?))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::figures::support::findings_of;

    fn count(text: &str) -> usize {
        findings_of("duration-mismatch", text).len()
    }

    #[test]
    fn offsets_from_a_dated_event_fire() {
        assert_eq!(
            findings_of(
                "duration-mismatch",
                "女婴于3月2日在县医院出生。\n\n3月8日，是家人约定接她回家的日子。上午10点，父亲来到病房，母亲在女儿出生4天后第一次走出医院。"
            ),
            [
                "出生4天后: 出生4天后: 3月2日 + 4 days = 3月6日, but the passage is dated 3月8日, 6 days after 3月2日 (7 counting both days) [3月2日 | 3月8日]"
            ]
        );
        for text in [
            // Traditional; the event dated by `於` after its verb.
            "該公司成立於2023年5月10日。\n\n5月25日，公司舉行記者會。下午3時，公司在成立12天後首次公布業績。",
            // The offset in the date's own sentence.
            "6月16日，她产下一名男婴。\n\n6月21日，产妇在孩子出生4天后第一次抱起了他。",
            // A date right after the offset is the offset's own.
            "6月16日，她产下一名男婴。产妇在孩子出生4天后的6月21日第一次抱起了他。",
            // The Nth day after: 6月16日 + 5 is 6月21日, or 6月20日 counting the birth's day.
            "6月16日，她产下一名男婴。\n\n6月23日上午，产妇在孩子出生后第5天第一次抱起了他。",
        ] {
            assert_eq!(count(text), 1, "{text}");
        }
        assert_eq!(
            findings_of(
                "duration-mismatch",
                "6月16日，她产下一名男婴。\n\n6月23日上午，产妇在孩子出生后第5天第一次抱起了他。"
            ),
            [
                "出生后第5天: 出生后第5天: 6月16日 + 5 days = 6月21日 (6月20日 counting 6月16日 as the first day), but the passage is dated 6月23日, 7 days after 6月16日 [6月16日 | 6月23日]"
            ]
        );
    }

    /// Each case next to the one that fires without the thing that keeps it silent.
    #[test]
    fn unclear_offsets_do_not_fire() {
        let fires =
            "6月16日，她产下一名男婴。\n\n6月21日，记者来到医院。上午9点多，产妇在孩子出生4天后第一次抱起了他。";
        assert_eq!(count(fires), 1);
        for text in [
            // Counted both ways: 5 days, or 6 with the birth's day.
            "6月16日，她产下一名男婴。\n\n6月21日，记者来到医院。上午9点多，产妇在孩子出生5天后第一次抱起了他。",
            "6月16日，她产下一名男婴。\n\n6月21日，记者来到医院。上午9点多，产妇在孩子出生6天后第一次抱起了他。",
            // The event has no date.
            "她在医院产下一名男婴。\n\n6月21日，记者来到医院。上午9点多，产妇在孩子出生4天后第一次抱起了他。",
            // The event is dated twice, differently.
            "6月16日，她产下一名男婴。6月18日，另一名产妇产下女婴。\n\n6月21日，记者来到医院。上午9点多，产妇在孩子出生4天后第一次抱起了他。",
            // Counted from another event, which has no date.
            "6月16日，她产下一名男婴。\n\n6月21日，记者来到医院。上午9点多，产妇在入院4天后第一次抱起了他。",
            // The passage's date is a range, or one of two dates.
            "6月16日，她产下一名男婴。\n\n6月20日至21日，记者来到医院。上午9点多，产妇在孩子出生4天后第一次抱起了他。",
            "6月16日，她产下一名男婴。\n\n6月21日或22日，记者来到医院。上午9点多，产妇在孩子出生4天后第一次抱起了他。",
            // The date does not open its sentence: it dates that sentence's action only.
            "6月16日，她产下一名男婴。\n\n记者于6月21日来到医院。上午9点多，产妇在孩子出生4天后第一次抱起了他。",
            // No time of day keeps the scene on the date: the offset may move the story on.
            "6月16日，她产下一名男婴。\n\n6月21日，记者来到医院。产妇在孩子出生4天后第一次抱起了他。",
            // Something between moves the story to another day.
            "6月16日，她产下一名男婴。\n\n6月21日，记者来到医院。次日上午9点多，产妇在孩子出生4天后第一次抱起了他。",
            // A subhead between starts another part of the story.
            "6月16日，她产下一名男婴。\n\n6月21日，记者来到医院。\n\n母亲的选择\n\n上午9点多，产妇在孩子出生4天后第一次抱起了他。",
            // Quoted, recalled or general.
            "6月16日，她产下一名男婴。\n\n6月21日，记者来到医院。上午9点多，产妇回忆，她在孩子出生4天后第一次抱起了他。",
            "6月16日，她产下一名男婴。\n\n6月21日，记者来到医院。上午9点多，护士说：“产妇一般在孩子出生4天后出院。”",
            // A look back: the count far short of the passage's days, or said to be earlier.
            "6月1日，公司成立。\n\n6月20日，记者来到公司。上午9点多，公司在成立10天后拿到了首笔订单。",
            "6月16日，她产下一名男婴。\n\n6月21日，记者来到医院。上午9点多，产妇在孩子出生4天后就抱起了他。",
            // A date in the clause of a noun, not of the event (`出生证明`).
            "6月16日，医院开出出生证明。\n\n6月21日，记者来到医院。上午9点多，产妇在孩子出生4天后第一次抱起了他。",
        ] {
            assert_eq!(findings_of("duration-mismatch", text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn traditional_offsets() {
        assert_eq!(
            count("醫院新院區於3月1日開業。\n\n3月15日，院方舉行記者會。下午2時，新院區在開業10天後迎來第一萬名病人。"),
            1
        );
        assert_eq!(
            count(
                "醫院新院區於3月1日開業。\n\n3月15日，院方舉行記者會。下午2時，院長表示，新院區在開業10天後門診量已翻倍。"
            ),
            0
        );
        assert_eq!(
            count("醫院新院區於3月1日開業。\n\n3月15日，院方舉行記者會。下午2時，新院區在開業14天後迎來第一萬名病人。"),
            0
        );
    }
}
