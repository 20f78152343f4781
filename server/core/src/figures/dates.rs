//! Dates: `2024年11月13日`, `11月13日至23日`, `2024年11月13日至12月2日`, `13日晚`,
//! `二○一二年`, `廿四日`, `去年`/`今年`/`明年`, `X年前`, with the weekday written after them
//! (`（五）`, `星期六`, `週六`). Calendar arithmetic is jiff's.

use jiff::civil::Date;

use crate::numerals::{arabic_digit, chinese_digit, is_chinese_numeral_char, parse_integer};
use crate::text::TextRange;

use super::Span;

/// Where a year came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearSource {
    /// Written out: `2024年`, `二○一二年`.
    Written,
    /// `今年` (0), `去年` (-1), `明年` (1), `前年` (-2), `後年` (2), `X年前` (-X): relative to the
    /// reference date.
    Relative(i16),
    /// Not written: taken from the reference date (the year that puts the date nearest to it).
    Reference,
}

/// One end of a date as written; missing parts are `None` until resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DatePart {
    pub year: Option<i16>,
    pub year_source: Option<YearSource>,
    /// As written, possibly out of range (`13月`): the invalid-date rule reports those.
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The joined range of this end.
    pub joined: TextRange,
}

impl DatePart {
    /// The date when year, month and day are all written out and valid.
    pub fn full_date(&self) -> Option<Date> {
        if self.year_source != Some(YearSource::Written) {
            return None;
        }
        Date::new(self.year?, i8::try_from(self.month?).ok()?, i8::try_from(self.day?).ok()?).ok()
    }

    /// The date once the year is known (written or resolved).
    pub fn date(&self) -> Option<Date> {
        Date::new(self.year?, i8::try_from(self.month?).ok()?, i8::try_from(self.day?).ok()?).ok()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    fn from_char(c: char) -> Option<Weekday> {
        Some(match c {
            '一' => Weekday::Monday,
            '二' => Weekday::Tuesday,
            '三' => Weekday::Wednesday,
            '四' => Weekday::Thursday,
            '五' => Weekday::Friday,
            '六' => Weekday::Saturday,
            '日' | '天' => Weekday::Sunday,
            _ => return None,
        })
    }

    pub fn of(date: Date) -> Weekday {
        match date.weekday() {
            jiff::civil::Weekday::Monday => Weekday::Monday,
            jiff::civil::Weekday::Tuesday => Weekday::Tuesday,
            jiff::civil::Weekday::Wednesday => Weekday::Wednesday,
            jiff::civil::Weekday::Thursday => Weekday::Thursday,
            jiff::civil::Weekday::Friday => Weekday::Friday,
            jiff::civil::Weekday::Saturday => Weekday::Saturday,
            jiff::civil::Weekday::Sunday => Weekday::Sunday,
        }
    }

    /// `星期五` style name (the Traditional and Simplified forms are the same).
    pub fn chinese(self) -> &'static str {
        match self {
            Weekday::Monday => "星期一",
            Weekday::Tuesday => "星期二",
            Weekday::Wednesday => "星期三",
            Weekday::Thursday => "星期四",
            Weekday::Friday => "星期五",
            Weekday::Saturday => "星期六",
            Weekday::Sunday => "星期日",
        }
    }

    pub fn english(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }
}

/// A date or a date range, with the weekday written after it.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub span: Span,
    pub start: DatePart,
    /// The second end of a range (`至23日`), with missing parts taken from the start.
    pub end: Option<DatePart>,
    pub weekday: Option<(Weekday, Span)>,
}

/// A resolved range: both ends known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub start: Date,
    pub end: Date,
}

impl DateRange {
    /// Days from start to end, counting both (news counts inclusively: 13日至23日 is 11 days).
    pub fn inclusive_days(&self) -> Option<i64> {
        let span = self.start.until(self.end).ok()?;
        Some(i64::from(span.get_days()) + 1)
    }
}

impl DateMention {
    pub(super) fn joined_range(&self) -> TextRange {
        self.span.joined
    }

    pub(super) fn placed(mut self, span: &dyn Fn(TextRange) -> Span) -> DateMention {
        self.span = span(self.span.joined);
        if let Some((weekday, s)) = self.weekday {
            self.weekday = Some((weekday, span(s.joined)));
        }
        self
    }

    /// Fills missing years from the reference date.
    pub(super) fn resolve(&mut self, reference: Date) {
        for part in std::iter::once(&mut self.start).chain(self.end.as_mut()) {
            match part.year_source {
                Some(YearSource::Relative(offset)) => part.year = Some(reference.year() + offset),
                None if part.month.is_some() => {
                    part.year = Some(nearest_year(reference, part.month, part.day));
                    part.year_source = Some(YearSource::Reference);
                }
                _ => {}
            }
        }
        // A range whose end precedes its start crosses a year end (12月28日至1月3日).
        if let (Some(start), Some(end)) = (self.start.date(), self.end.as_ref().and_then(DatePart::date))
            && end < start
            && let Some(end_part) = self.end.as_mut()
            && end_part.year_source != Some(YearSource::Written)
        {
            end_part.year = end_part.year.map(|y| y + 1);
        }
    }

    /// Both ends of a range, once known.
    pub fn range(&self) -> Option<DateRange> {
        let end = self.end.as_ref()?;
        Some(DateRange { start: self.start.date()?, end: end.date()? })
    }
}

/// The year (reference year, the one before or after) that puts month/day nearest the reference.
fn nearest_year(reference: Date, month: Option<u8>, day: Option<u8>) -> i16 {
    let year = reference.year();
    let (Some(month), day) = (month.and_then(|m| i8::try_from(m).ok()), day.and_then(|d| i8::try_from(d).ok())) else {
        return year;
    };
    let mut best = (i64::MAX, year);
    for candidate in [year - 1, year, year + 1] {
        if let Ok(date) = Date::new(candidate, month, day.unwrap_or(1).clamp(1, 28)) {
            let distance = reference.until(date).map_or(i64::MAX, |s| i64::from(s.get_days()).abs());
            if distance < best.0 {
                best = (distance, candidate);
            }
        }
    }
    best.1
}

/// A number of up to `max_digits` Arabic digits, or a Chinese numeral, at `at`, optionally
/// followed by spaces; returns (value, end after the spaces).
fn small_number(text: &str, at: usize, max_digits: usize) -> Option<(u32, usize)> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    let len = if arabic_digit(first).is_some() {
        rest.char_indices().find(|&(_, c)| arabic_digit(c).is_none()).map_or(rest.len(), |(i, _)| i)
    } else if is_chinese_numeral_char(first) {
        rest.char_indices().find(|&(_, c)| !is_chinese_numeral_char(c)).map_or(rest.len(), |(i, _)| i)
    } else {
        return None;
    };
    let run = &rest[..len];
    if arabic_digit(first).is_some() && run.chars().count() > max_digits {
        return None;
    }
    let value = u32::try_from(parse_integer(run)?).ok()?;
    Some((value, skip_spaces(text, at + len)))
}

fn skip_spaces(text: &str, mut at: usize) -> usize {
    while text[at..].starts_with(' ') {
        at += 1;
    }
    at
}

/// A written year (`2024 年`, `二○一二年`) at `at`: (year, end after 年).
fn year_at(text: &str, at: usize) -> Option<(i16, Option<YearSource>, usize)> {
    for (word, offset) in [("今年", 0), ("去年", -1), ("明年", 1), ("前年", -2), ("後年", 2), ("后年", 2)] {
        if text[at..].starts_with(word) {
            return Some((0, Some(YearSource::Relative(offset)), at + word.len()));
        }
    }
    let rest = &text[at..];
    let first = rest.chars().next()?;
    let (len, count) = if arabic_digit(first).is_some() {
        let len = rest.char_indices().find(|&(_, c)| arabic_digit(c).is_none()).map_or(rest.len(), |(i, _)| i);
        (len, rest[..len].chars().count())
    } else if chinese_digit(first).is_some() {
        let len = rest.char_indices().find(|&(_, c)| chinese_digit(c).is_none()).map_or(rest.len(), |(i, _)| i);
        (len, rest[..len].chars().count())
    } else {
        return None;
    };
    if count != 4 {
        return None;
    }
    let year = i16::try_from(parse_integer(&rest[..len])?).ok()?;
    let after = skip_spaces(text, at + len);
    text[after..].starts_with('年').then_some((year, Some(YearSource::Written), after + '年'.len_utf8()))
}

/// Parses one end of a date at `at`. `need_day` for the second end of a range like `至23日`.
fn part_at(text: &str, at: usize) -> Option<DatePart> {
    let prev = text[..at].chars().next_back();
    let mut part = DatePart { year: None, year_source: None, month: None, day: None, joined: TextRange::empty(at) };
    let mut cursor = at;
    if let Some((year, source, end)) = year_at(text, at) {
        part.year = (source == Some(YearSource::Written)).then_some(year);
        part.year_source = source;
        cursor = skip_spaces(text, end);
    }
    if let Some((month, end)) = small_number(text, cursor, 2)
        && text[end..].starts_with('月')
        && (1..=99).contains(&month)
    {
        let chinese = text[cursor..].chars().next().is_some_and(|c| arabic_digit(c).is_none());
        if !chinese || (1..=12).contains(&month) {
            part.month = Some(month as u8);
            cursor = skip_spaces(text, end + '月'.len_utf8());
        }
    }
    if let Some((day, end)) = small_number(text, cursor, 2)
        && text[end..].starts_with(['日', '號', '号'])
        && (1..=99).contains(&day)
    {
        let day_end = end + '日'.len_utf8();
        let next = text[day_end..].chars().next();
        let day_only = part.month.is_none() && part.year_source.is_none();
        // 13日晚 / 14日上午: a bare day is a date only with a time of day.
        let timed = next.is_some_and(|c| {
            matches!(c, '晚' | '早' | '上' | '下' | '中' | '凌' | '夜' | '傍' | '電' | '电' | '訊' | '讯')
        });
        // 於24日, 當地時間14日, or a day after a comma: a bare day in a date position.
        let placed = matches!(prev, None | Some('，' | '、' | '於' | '于' | '在' | '間' | '间' | '（' | '('));
        if !day_only || timed || placed {
            part.day = Some(day as u8);
            cursor = day_end;
        }
    }
    if part.month.is_none() && part.day.is_none() && part.year_source.is_none() {
        return None;
    }
    if part.year_source.is_some() && part.month.is_none() && part.day.is_some() {
        return None;
    }
    part.joined = TextRange::new(at, cursor);
    Some(part)
}

/// The second end of a range at `at` (right after the separator): `23日`, `12月2日`, `2023年`.
fn range_end(text: &str, at: usize, start: &DatePart) -> Option<DatePart> {
    let mut end = part_at(text, at).or_else(|| {
        // 至23日 with no time of day.
        let (day, after) = small_number(text, at, 2)?;
        if start.day.is_none() || !text[after..].starts_with(['日', '號', '号']) {
            return None;
        }
        Some(DatePart {
            year: None,
            year_source: None,
            month: None,
            day: Some(u8::try_from(day).ok()?),
            joined: TextRange::new(at, after + '日'.len_utf8()),
        })
    })?;
    // The end must be as precise as the start: 2013年至2023年, 11月13日至23日.
    if start.day.is_some() != end.day.is_some() {
        return None;
    }
    if end.year_source.is_none() {
        end.year = start.year;
        end.year_source = start.year_source;
    }
    if end.month.is_none() {
        end.month = start.month;
    }
    Some(end)
}

fn weekday_at(text: &str, at: usize) -> Option<(Weekday, TextRange)> {
    let rest = &text[at..];
    let (inner_at, close) = if rest.starts_with('（') {
        (at + '（'.len_utf8(), Some('）'))
    } else if rest.starts_with('(') {
        (at + 1, Some(')'))
    } else {
        (at, None)
    };
    let inner = &text[inner_at..];
    let prefix = ["星期", "禮拜", "礼拜", "週", "周"].into_iter().find(|p| inner.starts_with(p)).unwrap_or("");
    if close.is_none() && prefix.is_empty() {
        return None;
    }
    let day_at = inner_at + prefix.len();
    let c = text[day_at..].chars().next()?;
    // （五） but not （天） or （日）, which are not weekday shorthands on their own.
    if prefix.is_empty() && matches!(c, '天' | '日') {
        return None;
    }
    let weekday = Weekday::from_char(c)?;
    let mut end = day_at + c.len_utf8();
    if let Some(close) = close {
        if !text[end..].starts_with(close) {
            return None;
        }
        end += close.len_utf8();
    }
    Some((weekday, TextRange::new(at, end)))
}

/// Finds the dates of one paragraph's joined text.
pub fn scan(text: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(c) = text[at..].chars().next() else { break };
        let prev = text[..at].chars().next_back();
        let starts_number = arabic_digit(c).is_some() || chinese_digit(c).is_some() || is_chinese_numeral_char(c);
        let boundary = !prev.is_some_and(|p| {
            arabic_digit(p).is_some()
                || p.is_ascii_alphabetic()
                || p == '.'
                || p == '第'
                || (starts_number && is_chinese_numeral_char(p))
        });
        if boundary && let Some(start) = part_at(text, at) {
            let mut end_at = start.joined.end;
            let mut end = None;
            let sep = ["至", "到", "—", "－", "-", "~", "～", "–"].into_iter().find(|s| text[end_at..].starts_with(s));
            if let Some(sep) = sep
                && let Some(second) = range_end(text, end_at + sep.len(), &start)
            {
                end_at = second.joined.end;
                end = Some(second);
            }
            let weekday = weekday_at(text, skip_spaces(text, end_at)).filter(|_| end.is_none() && start.day.is_some());
            let weekday = weekday.map(|(w, r)| (w, Span { paragraph: 0, joined: r, range: r }));
            let span = TextRange::new(at, end_at);
            out.push(DateMention { span: Span { paragraph: 0, joined: span, range: span }, start, end, weekday });
            at = end_at.max(at + c.len_utf8());
            continue;
        }
        at += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{Expect, expect};

    fn check(text: &str, expect: Expect) {
        let found: Vec<String> = scan(text)
            .iter()
            .map(|d| {
                let part = |p: &DatePart| format!("{:?}/{:?}/{:?} {:?}", p.year, p.month, p.day, p.year_source);
                let end = d.end.as_ref().map(|e| format!(" .. {}", part(e))).unwrap_or_default();
                let weekday = d.weekday.map(|(w, _)| format!(" {w:?}")).unwrap_or_default();
                format!("{}: {}{end}{weekday}", &text[d.span.joined.as_range()], part(&d.start))
            })
            .collect();
        expect.assert_eq(&found.join("\n"));
    }

    #[test]
    fn dates_and_ranges() {
        check(
            "2024年11月13日至23日，(2024 年 1 月 9 日，北京)，2024年11月13日至12月2日，14日晚，二○一二年，廿四日，去年11月，2013年至2023年，11月17日（五），11月18日星期六，3日，13個月，第11月",
            expect![[r#"
                2024年11月13日至23日: Some(2024)/Some(11)/Some(13) Some(Written) .. Some(2024)/Some(11)/Some(23) Some(Written)
                2024 年 1 月 9 日: Some(2024)/Some(1)/Some(9) Some(Written)
                2024年11月13日至12月2日: Some(2024)/Some(11)/Some(13) Some(Written) .. Some(2024)/Some(12)/Some(2) Some(Written)
                14日: None/None/Some(14) None
                二○一二年: Some(2012)/None/None Some(Written)
                廿四日: None/None/Some(24) None
                去年11月: None/Some(11)/None Some(Relative(-1))
                2013年至2023年: Some(2013)/None/None Some(Written) .. Some(2023)/None/None Some(Written)
                11月17日: None/Some(11)/Some(17) None Friday
                11月18日: None/Some(11)/Some(18) None Saturday
                3日: None/None/Some(3) None"#]],
        );
    }

    #[test]
    fn inclusive_days() {
        let mut mention = scan("11月13日至23日").remove(0);
        mention.resolve(Date::new(2024, 11, 1).unwrap());
        assert_eq!(mention.range().and_then(|r| r.inclusive_days()), Some(11));
        let mut mention = scan("12月28日至1月3日").remove(0);
        mention.resolve(Date::new(2024, 12, 1).unwrap());
        assert_eq!(mention.range().and_then(|r| r.inclusive_days()), Some(7));
    }
}
