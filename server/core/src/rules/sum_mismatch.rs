//! ## What it does
//! Flags parts that do not add up to their total, within one sentence (`；` does not end it
//! here: breakdowns run over clauses):
//! - a total followed by a breakdown, opened by `其中`, `分別`, or `中的` right after the
//!   total's noun (`22條航線中的20條…，2條…`), with parts in the same unit: the parts may not
//!   exceed the total, and when the last part is the remainder (`其餘`, `其他`, `剩餘`,
//!   `餘下`, `另有`) they must equal it. A part is the first figure of each clause of the
//!   breakdown (clauses split at `；`, or at `，` when there is none), so the figures inside a
//!   part (`其中4人分別為兩名董事及2名經理；另外3人…`) are not added again. A breakdown
//!   that opens its sentence (`其中4人…`) takes its total from the sentences before, back to
//!   the paragraph before;
//! - shares of one whole: percentages or fractions after `其中`, or closed by `剩餘的`/`其餘`,
//!   that exceed 100% (or, with a remainder, miss it: `60%…剩餘的30%`);
//! - a gap between two percentages stated in points that is not their difference
//!   (`脫歐派得票率52%，留歐派以6個百分點的差距為48%`).
//!
//! Only figures with a unit take part: a bare number (`4G`, `下午5時`, a model number) is
//! no total. Approximate figures count as intervals, so `近30人` and `10多人` are compared
//! generously; ranges (`1至3日`) are no parts. Rates of change (`增長5%`, `同比上升8%`) are
//! not shares of a whole and are never added up.
//!
//! ## Why is this bad?
//! Numbers that do not add up are the first thing a careful reader checks, and the easiest
//! mistake to prevent.
//!
//! ## Example
//! ```text
//! 代表團共30人，其中官員12人、企業家20人。
//! ```
//! 12 + 20 = 32, more than the 30 stated.

use crate::figures::support::{finding, span_text};
use crate::figures::text::chars_before;
use crate::figures::{Quantity, QuantityKind};
use crate::finding::Finding;
use crate::rule_codes::RuleLevel;
use crate::rules::{Rule, RuleContext};
use crate::text::TextRange;

const CODE: &str = "sum-mismatch";

pub const RULE: Rule =
    Rule { code: CODE, summary: "Parts that do not add up to their total", default_level: RuleLevel::Warning, check };

const REMAINDER: &[&str] = &["其餘", "其余", "其他", "剩餘", "剩余", "剩下", "餘下", "余下", "另有", "其它"];

/// Words that make a percentage a rate of change rather than a share of a whole.
const CHANGE: &[&str] = &[
    "增長", "增长", "增幅", "增加", "增", "同比", "環比", "环比", "上漲", "上涨", "漲幅", "涨幅", "漲", "涨", "下降",
    "下跌", "跌幅", "跌", "減少", "减少", "降低", "降幅", "降", "提高", "提升", "上升", "升幅", "回落", "攀升", "成長",
    "成长", "年增", "年減", "年减",
];

/// How many figures before a sentence-opening breakdown are searched for its total.
const PREVIOUS_REACH: usize = 32;

/// Words that open a breakdown.
const OPENERS: &[&str] = &["其中", "分別", "分别"];

/// Words that open a clause inside a part (`…，包括3名兒童`): not a part of its own.
const NESTED: &[&str] = &["包括", "包含", "含", "當中", "当中", "其中", "分別", "分别"];

/// Conjunctions that join two parts in one clause.
const CONJUNCTIONS: &[&str] = &["和", "及", "與", "与", "以及", "或"];

/// Words around a gap in percentage points (`以6個百分點的差距`, `領先4個百分點`).
const GAP: &[&str] = &["差距", "相差", "領先", "领先", "落後", "落后", "高出", "低於", "低于", "差"];

fn same_unit(a: &Quantity, b: &Quantity) -> bool {
    let people = |u: &str| matches!(u, "人" | "名" | "位");
    a.kind == b.kind
        && !a.unit_key.is_empty()
        && (a.unit_key == b.unit_key || (people(&a.unit_key) && people(&b.unit_key)))
}

fn is_share(q: &Quantity) -> bool {
    matches!(q.kind, QuantityKind::Percent | QuantityKind::Fraction)
}

/// True when a percentage is a rate of change: a change word in its clause before it.
fn is_change(text: &str, q: &Quantity) -> bool {
    let clause = chars_before(text, q.span.joined.start, 8);
    let clause = clause.rsplit(['，', '、', '；', '：', ',']).next().unwrap_or(clause);
    CHANGE.iter().any(|w| clause.contains(w))
}

/// Sentences for breakdowns: they end at `。！？` only, since the parts of a breakdown are
/// often clauses joined by `；`.
fn sentences(text: &str) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？' | '!' | '?') {
            out.push(TextRange::new(start, i));
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push(TextRange::new(start, text.len()));
    }
    out
}

pub fn check(context: &RuleContext<'_>) -> Vec<Finding> {
    let document = context.document;
    let mut out = Vec::new();
    for (index, paragraph) in document.paragraphs().iter().enumerate() {
        if (context.cancelled)() {
            break;
        }
        let text = paragraph.joined.text.as_str();
        // In text order, so each sentence's quantities are found by binary search.
        let quantities = context.figures.quantities_in(index);
        if quantities.is_empty() {
            continue;
        }
        // The figures before a sentence: of the earlier sentences and of the paragraph before
        // (one paragraph per line puts a breakdown on the line after its total).
        let mut previous: Vec<&Quantity> = match index.checked_sub(1) {
            Some(before) => context.figures.quantities_in(before).iter().collect(),
            None => Vec::new(),
        };
        for sentence in sentences(text) {
            let first = quantities.partition_point(|q| q.span.joined.start < sentence.start);
            let last = quantities.partition_point(|q| q.span.joined.start < sentence.end);
            let inside: Vec<&Quantity> = quantities[first..last.max(first)]
                .iter()
                .filter(|q| q.span.joined.end <= sentence.end)
                .filter(|q| q.kind != QuantityKind::Ordinal)
                .collect();
            if !inside.is_empty() {
                out.extend(check_sentence(context, text, sentence, &inside, &previous));
                out.extend(check_gap(context, text, &inside));
            }
            previous.extend(inside);
            // A breakdown's total is near it: the last few figures are enough, and keeping
            // them all made a long paragraph of 其中 sentences quadratic.
            if previous.len() > PREVIOUS_REACH {
                previous.drain(..previous.len() - PREVIOUS_REACH);
            }
        }
    }
    out
}

fn check_sentence(
    context: &RuleContext<'_>,
    text: &str,
    sentence: TextRange,
    inside: &[&Quantity],
    previous: &[&Quantity],
) -> Option<Finding> {
    let body = &text[sentence.as_range()];
    let remainder_before =
        |q: &Quantity| REMAINDER.iter().any(|w| chars_before(text, q.span.joined.start, 8).contains(w));
    // 其中 opens a breakdown; so does 分別 (城鎮和農村分別新增3萬個和2萬個), and 中的 right
    // after a figure's noun (22條航線中的20條).
    let zhongde = inside.iter().find_map(|q| {
        // Looked for in the ten characters after the figure only (a gap of eight and `中的`):
        // a search to the sentence's end from every figure was quadratic on a long sentence.
        let after = &text[q.span.joined.end..sentence.end];
        let after = &after[..after.char_indices().nth(10).map_or(after.len(), |(at, _)| at)];
        let at = after.find("中的")?;
        let gap = &after[..at];
        (gap.chars().count() <= 8 && !gap.contains(['，', '、', '；', '：'])).then_some(q.span.joined.end + at)
    });
    let opener = OPENERS.iter().filter_map(|w| body.find(w)).map(|i| sentence.start + i).chain(zhongde).min();
    // Shares of one whole.
    let shares: Vec<&Quantity> = inside.iter().copied().filter(|q| is_share(q) && !is_change(text, q)).collect();
    let shares_after: Vec<&Quantity> = match opener {
        Some(at) => shares.iter().copied().filter(|q| q.span.joined.start > at).collect(),
        None => shares.clone(),
    };
    let closed = shares_after.last().is_some_and(|q| remainder_before(q));
    if shares_after.len() >= 2 && (opener.is_some() || closed) {
        let low: f64 = shares_after.iter().map(|q| q.low).sum();
        let high: f64 = shares_after.iter().map(|q| q.high).sum();
        if low > 100.0 + 1e-6 || (closed && shares_after.iter().all(|q| q.is_exact()) && (high - 100.0).abs() > 0.5) {
            return Some(report(context, shares_after[0], &shares_after[1..], None, low));
        }
    }
    // A total and its parts.
    let at = opener?;
    let parts = clause_heads(text, at, sentence.end, inside);
    let first_part = *parts.first()?;
    let countable = |q: &&Quantity| !is_share(q) && !q.unit_key.is_empty();
    let total = match inside.iter().copied().filter(countable).rfind(|q| q.span.joined.end <= at) {
        Some(total) => total,
        // A breakdown that opens its sentence: the total is in a sentence before, the nearest
        // figure of the same unit.
        None if text[sentence.start..at].trim().is_empty() => {
            previous.iter().copied().filter(countable).rfind(|q| same_unit(q, first_part))?
        }
        None => return None,
    };
    let parts: Vec<&Quantity> = parts.into_iter().filter(|q| same_unit(q, total) && !q.is_range).collect();
    if parts.is_empty() {
        return None;
    }
    let low: f64 = parts.iter().map(|q| q.low).sum();
    let exhaustive = parts.len() >= 2 && parts.last().is_some_and(|q| remainder_before(q));
    let exact = total.is_exact() && parts.iter().all(|q| q.is_exact());
    if low > total.high + 1e-6 || (exhaustive && exact && (low - total.value).abs() > 1e-6) {
        return Some(report(context, total, &parts, Some(total), low));
    }
    None
}

/// The parts of a breakdown that runs from byte `from` to `to`: the first figure of each
/// clause (clauses split at `；`, or at `，` when there is none, and `、` between parts),
/// leaving out clauses that open a breakdown of their own part (`…，包括3名兒童`).
fn clause_heads<'q>(text: &str, from: usize, to: usize, inside: &[&'q Quantity]) -> Vec<&'q Quantity> {
    const COMMAS: &[char] = &['，', '、', ','];
    // Parts are clauses between `，` up to the first `；` when that stretch holds two parts or
    // more and none of them is broken down itself (長9.5公里，其中北市段3.8公里、新北市段5.7
    // 公里…；第二期…); otherwise the parts are the clauses between `；` (其中4人分別為…兩名董事
    // ，以及2名經理；另外3人…；餘下一人…).
    let Some(semicolon) = text[from..to].find('；').map(|i| from + i) else {
        return heads_between(text, from, to, COMMAS, inside);
    };
    let first = heads_between(text, from, semicolon, COMMAS, inside);
    let nested = first.first().is_some_and(|q| NESTED.iter().any(|w| text[q.span.joined.end..semicolon].contains(w)));
    if first.len() >= 2 && !nested { first } else { heads_between(text, from, to, &['；'], inside) }
}

fn heads_between<'q>(
    text: &str,
    from: usize,
    to: usize,
    separators: &[char],
    inside: &[&'q Quantity],
) -> Vec<&'q Quantity> {
    let span = &text[from..to];
    let mut heads = Vec::new();
    let mut start = from;
    for clause in span.split(separators) {
        let end = start + clause.len();
        let nested = start > from && NESTED.iter().any(|w| clause.trim_start().starts_with(w));
        // Quantities do not overlap and are in text order: the clause's are found by binary
        // search (a look at every figure of the sentence for each clause was quadratic).
        let first = inside.partition_point(|q| q.span.joined.start < start);
        let in_clause: Vec<&Quantity> = inside[first..]
            .iter()
            .copied()
            .take_while(|q| q.span.joined.start < end)
            .filter(|q| q.span.joined.end <= end)
            .collect();
        if !nested && in_clause.first().is_some_and(|q| !is_share(q)) {
            heads.push(in_clause[0]);
            // Parts joined by a conjunction share a clause: 分別新增3萬個和2萬個.
            for pair in in_clause.windows(2) {
                let gap = text[pair[0].span.joined.end..pair[1].span.joined.start].trim();
                if !CONJUNCTIONS.contains(&gap) {
                    break;
                }
                heads.push(pair[1]);
            }
        }
        start = end + text[end..].chars().next().map_or(1, char::len_utf8);
    }
    heads
}

/// Two percentages and the gap between them in points: the gap must be their difference.
fn check_gap(context: &RuleContext<'_>, text: &str, inside: &[&Quantity]) -> Option<Finding> {
    let gap = inside.iter().copied().find(|q| {
        q.kind == QuantityKind::PercentPoint && q.is_exact() && {
            let around = format!("{}{}", chars_before(text, q.span.joined.start, 4), q.noun);
            GAP.iter().any(|w| around.contains(w))
        }
    })?;
    // The two percentages nearest the gap: one on each side when there are, else the two
    // before it (A為52%、B為48%，相差4個百分點).
    let shares: Vec<&Quantity> =
        inside.iter().copied().filter(|q| q.kind == QuantityKind::Percent && !is_change(text, q)).collect();
    let split = shares.partition_point(|q| q.span.joined.start < gap.span.joined.start);
    let (a, b) = match (&shares[..split], &shares[split..]) {
        ([.., a], [b, ..]) => (*a, *b),
        ([.., a, b], []) => (*a, *b),
        _ => return None,
    };
    if !(a.is_exact() && b.is_exact()) {
        return None;
    }
    let difference = (a.value - b.value).abs();
    if (difference - gap.value).abs() < 0.05 {
        return None;
    }
    let fmt = |v: f64| if v.fract() == 0.0 { format!("{v}") } else { format!("{v:.1}") };
    let document = context.document;
    Some(finding(
        CODE,
        gap.span.range,
        format!(
            "{} − {} = {} percentage points, but the gap is given as {}",
            span_text(document, &a.span),
            span_text(document, &b.span),
            fmt(difference),
            span_text(document, &gap.span)
        ),
        vec![
            (a.span.range, format!("one share: {}", span_text(document, &a.span))),
            (b.span.range, format!("the other: {}", span_text(document, &b.span))),
        ],
    ))
}

fn report(
    context: &RuleContext<'_>,
    first: &Quantity,
    rest: &[&Quantity],
    total: Option<&Quantity>,
    low: f64,
) -> Finding {
    let document = context.document;
    let fmt = |v: f64| if v.fract() == 0.0 { format!("{v}") } else { format!("{v:.1}") };
    match total {
        Some(total) => {
            let parts: Vec<String> = rest.iter().map(|q| fmt(q.value)).collect();
            let written: Vec<&str> = rest.iter().map(|q| span_text(document, &q.span)).collect();
            let related =
                rest.iter().map(|q| (q.span.range, format!("part: {}", span_text(document, &q.span)))).collect();
            let total_text = span_text(document, &total.span);
            finding(
                CODE,
                total.span.range,
                format!(
                    "the parts ({}) add up to {} = {}, but the total is {total_text}",
                    written.join(", "),
                    parts.join(" + "),
                    fmt(low)
                ),
                related,
            )
        }
        None => {
            let all: Vec<&Quantity> = std::iter::once(first).chain(rest.iter().copied()).collect();
            let values: Vec<String> = all.iter().map(|q| format!("{}%", fmt(q.value))).collect();
            let written: Vec<&str> = all.iter().map(|q| span_text(document, &q.span)).collect();
            let related =
                rest.iter().map(|q| (q.span.range, format!("share: {}", span_text(document, &q.span)))).collect();
            finding(
                CODE,
                first.span.range,
                format!(
                    "the shares of one whole ({}) add up to {} = {}%, not 100%",
                    written.join(", "),
                    values.join(" + "),
                    fmt(all.iter().map(|q| q.value).sum())
                ),
                related,
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::figures::support::findings_of;

    #[test]
    fn parts_that_do_not_add_up_fire() {
        assert_eq!(
            findings_of("sum-mismatch", "代表團共30人，其中官員12人、企業家20人。"),
            ["30人: the parts (12人, 20人) add up to 12 + 20 = 32, but the total is 30人 [12人 | 20人]"]
        );
        assert_eq!(findings_of("sum-mismatch", "六成即60%來自亞洲，剩餘的30%來自歐洲。").len(), 1);
        assert_eq!(findings_of("sum-mismatch", "共有12家企业参展，其中国企5家，其余8家为民企。").len(), 1);
        assert_eq!(findings_of("sum-mismatch", "共新增岗位5万个，城镇和农村分别新增3万个和3万个。").len(), 1);
        // 中的 after the total's noun opens the breakdown.
        assert_eq!(findings_of("sum-mismatch", "全市18條渡輪航線中的15條已停航，5條將視天氣而定。").len(), 1);
        assert_eq!(findings_of("sum-mismatch", "全市18条渡轮航线中的15条已停航，5条将视天气而定。").len(), 1);
        // Parts in clauses between ；, a part broken down itself, the total a sentence before.
        let text = "海關共拘捕9人。其中5人分別為兩名董事及3名經理；另外2人為司機；餘下3人為中間人。";
        assert_eq!(findings_of("sum-mismatch", text).len(), 1, "{text}");
        let text = "海关共拘捕9人。其中5人分别为两名董事及3名经理；另外2人为司机；余下3人为中间人。";
        assert_eq!(findings_of("sum-mismatch", text).len(), 1, "{text}");
        // A gap in points that is not the difference of the two percentages.
        assert_eq!(
            findings_of("sum-mismatch", "投票率達71%，贊成派得票53%，反對派以4個百分點之差得票47%。"),
            ["4個百分點: 53% − 47% = 6 percentage points, but the gap is given as 4個百分點 [53% | 47%]"]
        );
        assert_eq!(findings_of("sum-mismatch", "赞成派得票53%，反对派得票47%，相差4个百分点。").len(), 1);
    }

    #[test]
    fn parts_that_add_up_or_are_partial_do_not_fire() {
        for text in [
            "代表團共30人，其中官員12人、企業家18人。",
            "共有12家企業參展，其中國企5家。",
            "60%來自亞洲，剩餘的40%來自歐洲。",
            "出口增長5%，進口增長8%。",
            "共有12家企业参展，其中国企5家，其余7家为民企。",
            "逾百人出席，其中近30人來自海外。",
            "共新增岗位5万个，城镇和农村分别新增3万个和2万个。",
            "全市18條渡輪航線中的15條已停航，3條將視天氣而定。",
            "海關共拘捕9人。其中5人分別為兩名董事及3名經理；另外2人為司機；餘下2人為中間人。",
            "赞成派得票53%，反对派以6个百分点之差得票47%。",
            // Rates of change are not shares of one whole.
            "三年來收入增長45%，其中去年營收上升38%，上半年同比增長27%。",
            "成本分别上涨60%和55%。",
            // Bare numbers, clock times and model numbers are no totals; ranges are no parts.
            "截至下午5時，其中127幢樓宇已巡查，預期1至3日內有結果。",
            "仍有6億用戶使用4G手機，其中約40%希望換用5G手機。",
            "气温下降6℃，其中局地降温8至10℃，阵风7到9级。",
            // The breakdown ends at ； when it holds its parts before it.
            "第一期長9.5公里，其中北段3.8公里、南段5.7公里；第二期長13.3公里。",
        ] {
            assert_eq!(findings_of("sum-mismatch", text), Vec::<String>::new(), "{text}");
        }
    }
}
