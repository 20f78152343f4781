//! Days counted from an event: `事发前一天`, `出事三天前`, `出生4天后`. News dates an action by
//! its distance from the event the story is about, and states the same distance more than once
//! (in a subhead and in the body); the figure rules compare those statements. The events a
//! story dates in the verb's clause (`在6月16日产下一名男婴`) are found here too
//! ([`dated_events`]), so an offset can be measured against the event's date.

use std::sync::OnceLock;

use regex::Regex;

use crate::document::Document;
use crate::figures::DateMention;
use crate::text::TextRange;

/// The events days are counted from, each written several ways, with the name they are compared
/// by: a story has one incident, so `事发` and `出事` name the same one.
const ANCHORS: &[(&str, Anchor)] = &[
    ("事发", Anchor::Incident),
    ("事發", Anchor::Incident),
    ("出事", Anchor::Incident),
    ("案发", Anchor::Incident),
    ("案發", Anchor::Incident),
    ("事故发生", Anchor::Incident),
    ("事故發生", Anchor::Incident),
    ("事故", Anchor::Incident),
    ("爆炸", Anchor::Incident),
    ("失事", Anchor::Incident),
    ("出生", Anchor::Birth),
    ("诞生", Anchor::Birth),
    ("誕生", Anchor::Birth),
    ("去世", Anchor::Death),
    ("离世", Anchor::Death),
    ("離世", Anchor::Death),
    ("逝世", Anchor::Death),
    ("身亡", Anchor::Death),
    ("入院", Anchor::Admission),
    ("住院", Anchor::Admission),
    ("出院", Anchor::Discharge),
    ("成立", Anchor::Founding),
    ("开业", Anchor::Opening),
    ("開業", Anchor::Opening),
    ("开工", Anchor::Groundbreaking),
    ("開工", Anchor::Groundbreaking),
    ("动工", Anchor::Groundbreaking),
    ("動工", Anchor::Groundbreaking),
    ("失踪", Anchor::Disappearance),
    ("失蹤", Anchor::Disappearance),
];

/// Actions news dates from an event (reporting, calling, noticing, arriving, signing…), in
/// both scripts: two offsets are about the same thing when their clauses share one.
const ACTIONS: &[&str] = &[
    "举报", "舉報", "报警", "報警", "报案", "報案", "投诉", "投訴", "求助", "拨打", "撥打", "致电", "致電", "通知",
    "告知", "提醒", "警告", "发现", "發現", "察觉", "察覺", "觉察", "覺察", "购买", "購買", "入住", "就诊", "就診",
    "就医", "就醫", "到达", "到達", "抵达", "抵達", "离开", "離開", "出发", "出發", "签订", "簽訂", "签署", "簽署",
    "辞职", "辭職", "失联", "失聯", "见面", "見面", "发帖", "發帖", "体检", "體檢", "收到", "接到", "转账", "轉賬",
    "汇款", "匯款",
];

/// Words that say an action happened more than once, so two offsets may both be right.
const REPEATED: &[&str] = &["再次", "再度", "再一次", "又一次", "第二次", "多次", "屡次", "屢次"];

/// Verbs that state that an event happened, with the event they name: a date in the same clause
/// dates the event (`在6月16日产下一名男婴`, `公司成立於2020年3月1日`).
const EVENT_VERBS: &[(&str, Anchor)] = &[
    ("发生", Anchor::Incident),
    ("發生", Anchor::Incident),
    ("爆炸", Anchor::Incident),
    ("失事", Anchor::Incident),
    ("出生", Anchor::Birth),
    ("诞生", Anchor::Birth),
    ("誕生", Anchor::Birth),
    ("降生", Anchor::Birth),
    ("出世", Anchor::Birth),
    ("产下", Anchor::Birth),
    ("產下", Anchor::Birth),
    ("生下", Anchor::Birth),
    ("分娩", Anchor::Birth),
    ("去世", Anchor::Death),
    ("离世", Anchor::Death),
    ("離世", Anchor::Death),
    ("逝世", Anchor::Death),
    ("病逝", Anchor::Death),
    ("身亡", Anchor::Death),
    ("入院", Anchor::Admission),
    ("住院", Anchor::Admission),
    ("出院", Anchor::Discharge),
    ("成立", Anchor::Founding),
    ("开业", Anchor::Opening),
    ("開業", Anchor::Opening),
    ("开工", Anchor::Groundbreaking),
    ("開工", Anchor::Groundbreaking),
    ("动工", Anchor::Groundbreaking),
    ("動工", Anchor::Groundbreaking),
    ("失踪", Anchor::Disappearance),
    ("失蹤", Anchor::Disappearance),
];

/// Characters that, right after an event verb, make it part of a noun (`出生证明`, `成立大会`,
/// `住院部`, `出生率`) or of a time counted from it (`出生后`, `成立以来`, `出生时`): the clause
/// then does not date the event.
const NOT_AFTER_EVENT: &[char] = &[
    '证', '證', '医', '醫', '地', '率', '人', '口', '登', '缺', '体', '體', '时', '時', '年', '后', '後', '前', '以',
    '之', '部', '费', '費', '大', '周', '週', '纪', '紀', '日', '典', '仪', '儀', '式', '会', '會', '初', '来', '來',
    '至', '迄', '满', '滿', '已', '不', '數', '数', '量', '期', '病', '者', '小', '手', '记', '記', '单', '單', '卡',
    '资', '資', '报', '報',
];

/// Characters that, right before an event verb, deny it or put it in the future or in doubt
/// (`未发生`, `将开工`, `可能发生`, `防止发生`).
const NOT_BEFORE_EVENT: &[char] =
    &['未', '没', '沒', '不', '再', '将', '將', '会', '會', '能', '可', '免', '止', '防', '拟', '擬', '要', '计', '計'];

/// An event verb whose clause gives the event's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DatedEvent {
    pub anchor: Anchor,
    /// The date's index in the document's dates.
    pub date: usize,
    pub paragraph: usize,
    /// The verb in the paragraph's joined text.
    pub verb: TextRange,
}

/// The start of the clause before the one at `clause_start`, past its leading spaces, when
/// that clause opens a sentence and ends with `，`.
fn sentence_opening_clause(text: &str, clause_start: usize) -> Option<usize> {
    let first = text[..clause_start].strip_suffix('，')?;
    let start = match first.rfind(is_clause_break) {
        Some(i) => {
            let c = first[i..].chars().next()?;
            if !super::text::SENTENCE_END.contains(&c) {
                return None;
            }
            i + c.len_utf8()
        }
        None => 0,
    };
    Some(start + (first[start..].len() - first[start..].trim_start().len()))
}

/// True when `text` starts with a count of days (`4天后`): the verb before it is an offset's.
fn counts_days(text: &str) -> bool {
    let number = text
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || crate::numerals::is_chinese_numeral_char(c)))
        .map_or(text.len(), |(i, _)| i);
    number > 0 && text[number..].starts_with(['天', '日'])
}

fn event_verb() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        let verbs: Vec<&str> = EVENT_VERBS.iter().map(|(v, _)| *v).collect();
        Regex::new(&verbs.join("|")).expect("valid pattern")
    })
}

/// Punctuation that ends a clause: an event and its date are read within one.
fn is_clause_break(c: char) -> bool {
    matches!(c, '，' | ',' | '。' | '！' | '？' | '!' | '?' | '；' | ';' | '：' | ':' | '“' | '”' | '「' | '」' | '\n')
}

/// Every event verb dated in its clause, in text order: a date of one day (month and day, not a
/// range) before the verb in the clause (`在6月16日产下`), or right after it with `于`
/// (`成立于2020年3月1日`). `dates` are the document's dates, in text order.
pub fn dated_events(document: &Document, dates: &[DateMention]) -> Vec<DatedEvent> {
    let mut out = Vec::new();
    let is_day = |d: &DateMention| d.end.is_none() && d.start.month.is_some() && d.start.day.is_some();
    for (index, paragraph) in document.paragraphs().iter().enumerate() {
        let text = paragraph.joined.text.as_str();
        let first = dates.partition_point(|d| d.span.paragraph < index);
        let last = dates.partition_point(|d| d.span.paragraph <= index);
        if first == last {
            continue;
        }
        let in_paragraph = &dates[first..last];
        // The clause of each verb, found in text order with no text read twice: the text
        // between two verbs is searched once for the last clause break, and the clause before
        // a verb's once per clause.
        let (mut clause_start, mut scanned) = (0, 0);
        let mut opening_clause: Option<(usize, Option<usize>)> = None;
        for m in event_verb().find_iter(text) {
            if let Some(i) = text[scanned..m.start()].rfind(is_clause_break) {
                clause_start = scanned + i + text[scanned + i..].chars().next().map_or(1, char::len_utf8);
            }
            scanned = m.start();
            let Some(anchor) = EVENT_VERBS.iter().find(|(v, _)| *v == m.as_str()).map(|(_, a)| *a) else { continue };
            let after = text[m.end()..].chars().next();
            let before = text[..m.start()].chars().next_back();
            if after.is_some_and(|c| NOT_AFTER_EVENT.contains(&c))
                || before.is_some_and(|c| NOT_BEFORE_EVENT.contains(&c))
                || counts_days(&text[m.end()..])
            {
                continue;
            }
            // The nearest date before the verb, when it is in the verb's clause.
            let k = in_paragraph.partition_point(|d| d.span.joined.end <= m.start());
            let before_verb = k.checked_sub(1).filter(|&k| in_paragraph[k].span.joined.start >= clause_start);
            // Or `于`/`於` and a date right after the verb.
            let after_verb = (text[m.end()..].starts_with('于') || text[m.end()..].starts_with('於'))
                .then_some(k)
                .filter(|&k| in_paragraph.get(k).is_some_and(|d| d.span.joined.start == m.end() + '于'.len_utf8()));
            // Or a date that opens the sentence as a clause of its own, a time of day at most
            // after it (`6月16日凌晨，她产下一名男婴`): it dates the clause that follows.
            let opening = || {
                let start = match opening_clause {
                    Some((at, start)) if at == clause_start => start,
                    _ => {
                        let start = sentence_opening_clause(text, clause_start);
                        opening_clause = Some((clause_start, start));
                        start
                    }
                };
                let date = &in_paragraph[k.checked_sub(1)?];
                let clause_end = clause_start - '，'.len_utf8();
                let opens = date.span.joined.start == start?
                    && text.get(date.span.joined.end..clause_end).is_some_and(|rest| rest.chars().count() <= 2);
                opens.then(|| k - 1)
            };
            let Some(k) = before_verb.or(after_verb).or_else(opening) else { continue };
            if !is_day(&in_paragraph[k]) {
                continue;
            }
            out.push(DatedEvent {
                anchor,
                date: first + k,
                paragraph: index,
                verb: TextRange::new(m.start(), m.end()),
            });
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    Incident,
    Birth,
    Death,
    Admission,
    Discharge,
    Founding,
    Opening,
    Groundbreaking,
    Disappearance,
}

/// `ANCHOR前N天` (`事发前一天`) or `ANCHOR N天前` (`出事三天前`), and the same with `后`; or the
/// `N`th day after it (`出生后第5天`).
#[derive(Clone, Debug)]
pub struct DayOffset {
    pub paragraph: usize,
    /// The offset in the paragraph's joined text, anchor to `天`/`前`/`后`.
    pub joined: TextRange,
    pub anchor: Anchor,
    /// Days after the event: negative before it.
    pub days: i64,
    /// The actions ([`ACTIONS`]) of its clause, folded to Simplified.
    pub actions: Vec<String>,
    /// The clause says the action was repeated.
    pub repeated: bool,
    /// Written as the Nth day after the event (`出生后第5天`), which news counts two ways: the
    /// day after the event as the first, or the event's own day as the first.
    pub ordinal: bool,
}

fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        let anchors: Vec<&str> = ANCHORS.iter().map(|(a, _)| *a).collect();
        let anchors = anchors.join("|");
        let number = r"[0-9]{1,3}|[一二两兩三四五六七八九十]{1,3}";
        Regex::new(&format!(
            r"({anchors})(?:之?([前后後])({number})[天日]|({number})[天日]之?([前后後])|之?[后後]第({number})[天日])"
        ))
        .expect("valid pattern")
    })
}

/// A count of days written exactly: `两三天` and `十几天` are not.
fn exact_days(number: &str) -> Option<i64> {
    let chinese = !number.chars().all(|c| c.is_ascii_digit());
    if chinese && number.chars().count() > 1 && !number.contains('十') {
        return None;
    }
    crate::numerals::parse_integer(number).and_then(|n| i64::try_from(n).ok())
}

/// Every day offset of the document, in text order.
pub fn day_offsets(document: &Document) -> Vec<DayOffset> {
    let mut out = Vec::new();
    let mut sentences = super::text::Sentences::default();
    for (index, paragraph) in document.paragraphs().iter().enumerate() {
        let text = paragraph.joined.text.as_str();
        let found: Vec<(TextRange, Anchor, i64, bool)> = pattern()
            .captures_iter(text)
            .filter_map(|c| {
                let whole = c.get(0)?;
                let written = c.get(1)?.as_str();
                let anchor = ANCHORS.iter().find(|(a, _)| *a == written)?.1;
                let (side, number, ordinal) = match (c.get(2), c.get(3), c.get(6)) {
                    (Some(side), Some(number), _) => (side.as_str(), number, false),
                    (_, _, Some(number)) => ("后", number, true),
                    _ => (c.get(5)?.as_str(), c.get(4)?, false),
                };
                // `事发前三天内` and `出生后30天内` are periods, not days.
                if text[whole.end()..].starts_with(['内', '內', '里', '裏', '间', '間']) {
                    return None;
                }
                let days = exact_days(number.as_str())?;
                let days = if side == "前" { -days } else { days };
                Some((TextRange::new(whole.start(), whole.end()), anchor, days, ordinal))
            })
            .collect();
        for (k, &(joined, anchor, days, ordinal)) in found.iter().enumerate() {
            // The clause: its sentence, cut at the offsets before and after it.
            let sentence = sentences.at(index, text, joined.start);
            let start = k.checked_sub(1).map_or(sentence.start, |p| found[p].0.end.max(sentence.start));
            let end = found.get(k + 1).map_or(sentence.end, |n| n.0.start.min(sentence.end));
            let before = text.get(start..joined.start).unwrap_or("");
            let after = text.get(joined.end..end.max(joined.end)).unwrap_or("");
            let in_clause = |w: &str| before.contains(w) || after.contains(w);
            let mut actions: Vec<String> =
                ACTIONS.iter().filter(|a| in_clause(a)).map(|a| super::text::fold(a)).collect();
            actions.dedup();
            let repeated = REPEATED.iter().any(|w| in_clause(w));
            out.push(DayOffset { paragraph: index, joined, anchor, days, actions, repeated, ordinal });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offsets(text: &str) -> Vec<(i64, Vec<String>)> {
        let document = Document::new(text);
        day_offsets(&document).into_iter().map(|o| (o.days, o.actions)).collect()
    }

    #[test]
    fn offsets_and_their_actions() {
        assert_eq!(offsets("事发前一天，他们拨打电话举报。"), [(-1, vec!["举报".to_owned(), "拨打".to_owned()])]);
        assert_eq!(offsets("出事三天前，學生就已覺察到危險。"), [(-3, vec!["觉察".to_owned()])]);
        assert_eq!(offsets("孩子出生4天后，医生发现黄疸。"), [(4, vec!["发现".to_owned()])]);
        // Approximate counts and periods are not offsets.
        // The Nth day after, and the events added for dated offsets.
        let document = Document::new("公司成立后第5天，員工在失蹤3天後被找到。");
        let found: Vec<(Anchor, i64, bool)> =
            day_offsets(&document).into_iter().map(|o| (o.anchor, o.days, o.ordinal)).collect();
        assert_eq!(found, [(Anchor::Founding, 5, true), (Anchor::Disappearance, 3, false)]);
        for text in ["事发前几天，他们举报。", "事发前两三天，他们举报。", "出生后30天内完成登记。"]
        {
            assert_eq!(offsets(text), [], "{text}");
        }
    }

    /// The dated events of `text`: the event and its date as written.
    fn events(text: &str) -> Vec<(Anchor, String)> {
        let analysis = crate::analyse(text, &crate::Config::default());
        let paragraphs = analysis.document.paragraphs();
        dated_events(&analysis.document, &analysis.figures.dates)
            .into_iter()
            .map(|e| {
                let span = analysis.figures.dates[e.date].span;
                (e.anchor, paragraphs[span.paragraph].joined.text[span.joined.as_range()].to_owned())
            })
            .collect()
    }

    #[test]
    fn events_dated_in_their_clause() {
        assert_eq!(events("她在6月16日产下一名男婴。"), [(Anchor::Birth, "6月16日".to_owned())]);
        assert_eq!(events("6月16日凌晨，她产下一名男婴。"), [(Anchor::Birth, "6月16日".to_owned())]);
        assert_eq!(events("該公司成立於2023年5月10日。"), [(Anchor::Founding, "2023年5月10日".to_owned())]);
        for text in [
            // The date is in another clause, or dates a noun (`出生证明`, `出院小结`).
            "6月16日，医生查房后，她产下一名男婴。",
            "6月16日，医院开出出生证明。",
            "落款日2月25日的出院小结写道。",
            // Denied, planned, or counted from (`出生4天后`).
            "6月16日，工程未开工。",
            "6月16日，新店将开业。",
            "6月21日，孩子出生4天后第一次被抱起。",
            // A range, or no day.
            "6月16日至18日，新店开业。",
            "2019年，公司成立。",
        ] {
            assert_eq!(events(text), [], "{text}");
        }
    }
}
