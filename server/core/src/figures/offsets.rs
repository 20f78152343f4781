//! Days counted from an event: `事发前一天`, `出事三天前`, `出生4天后`. News dates an action by
//! its distance from the event the story is about, and states the same distance more than once
//! (in a subhead and in the body); the figure rules compare those statements.

use std::sync::OnceLock;

use regex::Regex;

use crate::document::Document;
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
    ("去世", Anchor::Death),
    ("离世", Anchor::Death),
    ("離世", Anchor::Death),
    ("逝世", Anchor::Death),
    ("身亡", Anchor::Death),
    ("入院", Anchor::Admission),
    ("住院", Anchor::Admission),
    ("出院", Anchor::Discharge),
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    Incident,
    Birth,
    Death,
    Admission,
    Discharge,
}

/// `ANCHOR前N天` (`事发前一天`) or `ANCHOR N天前` (`出事三天前`), and the same with `后`.
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
}

fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        let anchors: Vec<&str> = ANCHORS.iter().map(|(a, _)| *a).collect();
        let anchors = anchors.join("|");
        let number = r"[0-9]{1,3}|[一二两兩三四五六七八九十]{1,3}";
        Regex::new(&format!(r"({anchors})(?:之?([前后後])({number})[天日]|({number})[天日]之?([前后後]))"))
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
        let found: Vec<(TextRange, Anchor, i64)> = pattern()
            .captures_iter(text)
            .filter_map(|c| {
                let whole = c.get(0)?;
                let written = c.get(1)?.as_str();
                let anchor = ANCHORS.iter().find(|(a, _)| *a == written)?.1;
                let (side, number) = match (c.get(2), c.get(3)) {
                    (Some(side), Some(number)) => (side, number),
                    _ => (c.get(5)?, c.get(4)?),
                };
                // `事发前三天内` and `出生后30天内` are periods, not days.
                if text[whole.end()..].starts_with(['内', '內', '里', '裏', '间', '間']) {
                    return None;
                }
                let days = exact_days(number.as_str())?;
                let days = if side.as_str() == "前" { -days } else { days };
                Some((TextRange::new(whole.start(), whole.end()), anchor, days))
            })
            .collect();
        for (k, &(joined, anchor, days)) in found.iter().enumerate() {
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
            out.push(DayOffset { paragraph: index, joined, anchor, days, actions, repeated });
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
        for text in ["事发前几天，他们举报。", "事发前两三天，他们举报。", "出生后30天内完成登记。"]
        {
            assert_eq!(offsets(text), [], "{text}");
        }
    }
}
