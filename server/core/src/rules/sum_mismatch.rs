//! ## What it does
//! Flags parts that do not add up to their total, within one sentence:
//! - a total followed by `其中` (or `分別`) and parts in the same unit (`共30人，其中男性12人、女性20人`):
//!   the parts may not exceed the total, and when the last part is the remainder (`其餘`,
//!   `其他`, `剩餘`, `另有`) they must equal it;
//! - shares of one whole: percentages or fractions after `其中`, or closed by `剩餘的`/`其餘`,
//!   that exceed 100% (or, with a remainder, miss it: `60%…剩餘的30%`).
//!
//! Approximate figures count as intervals, so `近30人` and `10多人` are compared generously.
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

use crate::figures::support::{finding, paragraph_text, span_text};
use crate::figures::text::sentence_at;
use crate::figures::{Quantity, QuantityKind};
use crate::finding::Finding;
use crate::rule_codes::RuleLevel;
use crate::rules::{Rule, RuleContext};

const CODE: &str = "sum-mismatch";

pub const RULE: Rule =
    Rule { code: CODE, summary: "Parts that do not add up to their total", default_level: RuleLevel::Warning, check };

const REMAINDER: &[&str] = &["其餘", "其余", "其他", "剩餘", "剩余", "剩下", "餘下", "余下", "另有", "其它"];

fn same_unit(a: &Quantity, b: &Quantity) -> bool {
    let people = |u: &str| matches!(u, "人" | "名" | "位");
    a.kind == b.kind && (a.unit_key == b.unit_key || (people(&a.unit_key) && people(&b.unit_key)))
}

fn is_share(q: &Quantity) -> bool {
    matches!(q.kind, QuantityKind::Percent | QuantityKind::Fraction)
}

pub fn check(context: &RuleContext<'_>) -> Vec<Finding> {
    let document = context.document;
    let mut out = Vec::new();
    for (index, paragraph) in document.paragraphs().iter().enumerate() {
        let text = paragraph.joined.text.as_str();
        // In text order, so each sentence's quantities are found by binary search.
        let quantities = context.figures.quantities_in(index);
        // A total and a part, or two shares: fewer than two quantities cannot disagree.
        if quantities.len() < 2 {
            continue;
        }
        let mut sentence_start = 0;
        while sentence_start < text.len() {
            let sentence = sentence_at(text, sentence_start);
            let next = sentence.end + text[sentence.end..].chars().next().map_or(1, char::len_utf8);
            let first = quantities.partition_point(|q| q.span.joined.start < sentence.start);
            let last = quantities.partition_point(|q| q.span.joined.start < sentence.end);
            let inside: Vec<&Quantity> = quantities[first..last.max(first)]
                .iter()
                .filter(|q| q.span.joined.end <= sentence.end)
                .filter(|q| q.kind != QuantityKind::Ordinal)
                .collect();
            if inside.len() >= 2
                && let Some(f) = check_sentence(context, text, sentence, &inside)
            {
                out.push(f);
            }
            sentence_start = next.max(sentence_start + 1);
            while !text.is_char_boundary(sentence_start) && sentence_start < text.len() {
                sentence_start += 1;
            }
        }
    }
    out
}

fn check_sentence(
    context: &RuleContext<'_>,
    text: &str,
    sentence: crate::text::TextRange,
    inside: &[&Quantity],
) -> Option<Finding> {
    let body = &text[sentence.as_range()];
    let remainder_before = |q: &Quantity| {
        let before: String =
            text[..q.span.joined.start].chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
        REMAINDER.iter().any(|w| before.contains(w))
    };
    // 其中 opens a breakdown; so does 分別 (城鎮和農村分別新增3萬個和2萬個).
    let qizhong = ["其中", "分別", "分别"].iter().filter_map(|w| body.find(w)).min().map(|i| sentence.start + i);
    // Shares of one whole.
    let shares: Vec<&Quantity> = inside.iter().copied().filter(|q| is_share(q)).collect();
    let shares_after: Vec<&Quantity> = match qizhong {
        Some(at) => shares.iter().copied().filter(|q| q.span.joined.start > at).collect(),
        None => shares.clone(),
    };
    let closed = shares_after.last().is_some_and(|q| remainder_before(q));
    if shares_after.len() >= 2 && (qizhong.is_some() || closed) {
        let low: f64 = shares_after.iter().map(|q| q.low).sum();
        let high: f64 = shares_after.iter().map(|q| q.high).sum();
        if low > 100.0 + 1e-6 || (closed && shares_after.iter().all(|q| q.is_exact()) && (high - 100.0).abs() > 0.5) {
            return Some(report(context, shares_after[0], &shares_after[1..], None, low));
        }
    }
    // A total and its parts.
    let at = qizhong?;
    let total = inside.iter().copied().rfind(|q| q.span.joined.end <= at && !is_share(q))?;
    let parts: Vec<&Quantity> =
        inside.iter().copied().filter(|q| q.span.joined.start > at && same_unit(q, total) && !is_share(q)).collect();
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
            let _ = paragraph_text;
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
        ] {
            assert_eq!(findings_of("sum-mismatch", text), Vec::<String>::new(), "{text}");
        }
    }
}
