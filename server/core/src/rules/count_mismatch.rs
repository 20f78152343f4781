//! ## What it does
//! Flags a stated count that disagrees with the items it names:
//! - a list joined by `、` (or `丶`, or `；` between clauses) right before the count:
//!   `經濟、金融、貿易、數字、生態等六個方面` names five;
//! - an inline enumeration `一是…二是…` and the count that announces it (`提出四點建議：一是…`)
//!   or sums it up (`這「五個共同」`);
//! - numbered sections `第一個亮點是…第六個亮點是` and the count of the same noun that announces
//!   them in the paragraph before (`有六大亮點值得回顧`) or sums them up after the last one
//!   (`這六大亮點`);
//! - a list after the count: after `：`, `——`, `分別是`, `包括`, `即` (`機構有四家，分別是甲、
//!   乙、丙和丁`), as quoted names that end with the counted noun (`成立3個工作組，…「調查
//!   工作組」、…「支援工作組」`), or as the next paragraph under a label that ends with the
//!   count (`內野手（7人）` above `林智勝、王勝偉、…`).
//!
//! An open list is not a mismatch: `等多個`, and `等` with a count above the items when only two
//! or three are named (`北京、上海等10個城市`). With four or more items named, `等` closes the
//! list and the count must match.
//!
//! ## Why is this bad?
//! A count that does not match its list means an item was dropped or the number is wrong;
//! readers and translators cannot tell which.
//!
//! ## Example
//! ```text
//! 從經濟、金融、貿易、數字、生態等六個方面提出主張。
//! ```
//! Five areas are listed: write `五個方面`, or add the missing one.

use crate::figures::support::{finding, paragraph_text, span_text};
use crate::figures::text::fold;
use crate::figures::{Quantity, QuantityKind, SequenceStyle};
use crate::finding::Finding;
use crate::numerals::MarkerStyle;
use crate::rule_codes::RuleLevel;
use crate::rules::{Rule, RuleContext};
use crate::text::{TextRange, floor_char_boundary};

const CODE: &str = "count-mismatch";

pub const RULE: Rule = Rule {
    code: CODE,
    summary: "A stated count disagrees with the items listed",
    default_level: RuleLevel::Warning,
    check,
};

/// Classifiers a count of listed items takes.
const CLASSIFIERS: &[&str] = &[
    "个", "项", "大", "点", "种", "条", "方面", "位", "名", "家", "国", "座", "所", "件", "场", "届", "批", "部", "份",
    "组", "类", "款", "间", "支", "队", "台", "张", "人",
];

pub fn check(context: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut marks = ListMarks::default();
    for quantity in context.until_cancelled(&context.figures.quantities, |q| q.span.paragraph) {
        if let Some(f) = list_count(context, quantity, &mut marks) {
            out.push(f);
        }
    }
    for quantity in context.until_cancelled(&context.figures.quantities, |q| q.span.paragraph) {
        out.extend(following_list(context, quantity));
    }
    out.extend(enumeration_counts(context));
    out.extend(section_counts(context));
    out
}

fn countable(q: &Quantity) -> Option<u64> {
    if q.kind != QuantityKind::Count || !q.is_exact() || !CLASSIFIERS.contains(&q.unit_key.as_str()) {
        return None;
    }
    q.integer().filter(|n| (2..=30).contains(n))
}

/// The most pieces a list before a count may have: the count is at most 30, and a paragraph
/// of `、`-joined names with no clause break in it is a roll, not a list one count sums up.
const MAX_PIECES: usize = 64;

/// Clause breaks: a list before a count runs back to the last of them.
const CLAUSE_BREAKS: &[char] = &['，', '。', '：', '「', '」', '（', '）', '！', '？', '《', '》', '“', '”', ','];

/// Where a paragraph's clause breaks ([`CLAUSE_BREAKS`]) and list separators (`、`, `丶`,
/// `；`) are: byte offsets in its joined text, for one paragraph at a time, so each count's
/// list is found by binary search, not by reading back to the paragraph's start (quadratic on
/// a paragraph of `、`-joined items with no clause break).
#[derive(Default)]
struct ListMarks {
    paragraph: Option<usize>,
    /// The end of each clause break.
    breaks: Vec<usize>,
    /// `、` and `丶`.
    commas: Vec<usize>,
    /// `；`.
    semicolons: Vec<usize>,
}

impl ListMarks {
    fn of(&mut self, paragraph: usize, text: &str) -> &ListMarks {
        if self.paragraph != Some(paragraph) {
            self.paragraph = Some(paragraph);
            self.breaks.clear();
            self.commas.clear();
            self.semicolons.clear();
            for (at, c) in text.char_indices() {
                match c {
                    '、' | '丶' => self.commas.push(at),
                    '；' => self.semicolons.push(at),
                    _ if CLAUSE_BREAKS.contains(&c) => self.breaks.push(at + c.len_utf8()),
                    _ => {}
                }
            }
        }
        self
    }

    /// The offsets in `positions` (sorted) within `from..to`.
    fn within(positions: &[usize], from: usize, to: usize) -> &[usize] {
        let start = positions.partition_point(|&at| at < from);
        let end = positions.partition_point(|&at| at < to);
        &positions[start..end.max(start)]
    }
}

/// A count's value, its paragraph's joined text, the text before the count (without a `等`
/// right before it) and whether the list is open (closed by that `等`).
fn count_and_text_before<'t>(context: &RuleContext<'t>, quantity: &Quantity) -> Option<(u64, &'t str, &'t str, bool)> {
    let stated = countable(quantity)?;
    let text = paragraph_text(context.document, &quantity.span);
    let before = &text[..quantity.span.joined.start];
    let (before, open) = match before.strip_suffix('等') {
        Some(rest) => (rest, true),
        None => (before, false),
    };
    Some((stated, text, before, open))
}

fn list_count(context: &RuleContext<'_>, quantity: &Quantity, marks: &mut ListMarks) -> Option<Finding> {
    let (stated, text, before, open) = count_and_text_before(context, quantity)?;
    let marks = marks.of(quantity.span.paragraph, text);
    // The list runs back to the last clause break (whole within `before`).
    let list_start =
        marks.breaks.partition_point(|&end| end <= before.len()).checked_sub(1).map_or(0, |i| marks.breaks[i]);
    let semicolons = ListMarks::within(&marks.semicolons, list_start, before.len());
    let (separators, positions): (&[char], &[usize]) = if semicolons.is_empty() {
        (&['、', '丶'], ListMarks::within(&marks.commas, list_start, before.len()))
    } else {
        (&['；'], semicolons)
    };
    if positions.is_empty() || positions.len() >= MAX_PIECES {
        return None;
    }
    // The pieces between the separators (each one character of three bytes).
    let mut pieces: Vec<&str> = Vec::with_capacity(positions.len() + 1);
    let mut from = list_start;
    for &at in positions {
        pieces.push(&text[from..at]);
        from = at + separators[0].len_utf8();
    }
    pieces.push(&text[from..before.len()]);
    let list = List { pieces: &pieces, start: list_start, semicolons: separators == ['；'], open };
    list_mismatch(context, text, quantity, stated, &list)
}

/// The items before a count: the pieces between its separators, from `start` of the
/// paragraph's joined text, joined by `；` when `semicolons`, closed by 等 when `open`.
struct List<'a> {
    pieces: &'a [&'a str],
    start: usize,
    semicolons: bool,
    open: bool,
}

/// The finding for a count `stated` and the `list` before it in the paragraph's joined `text`,
/// when the pieces read as a list and the two disagree.
fn list_mismatch(
    context: &RuleContext<'_>,
    text: &str,
    quantity: &Quantity,
    stated: u64,
    list: &List<'_>,
) -> Option<Finding> {
    let &List { pieces, start: list_start, semicolons, open } = list;
    if pieces.len() < 2 || pieces.iter().any(|p| p.trim().is_empty()) {
        return None;
    }
    // Clause lists joined by ； must close with 等 to be counted.
    if semicolons && !open {
        return None;
    }
    // Items are parallel: every item but the first (which may carry the lead-in, 從經濟) is
    // short, and the last is no longer than the middle ones (so in 中國、巴西、秘魯簽署4項協議
    // the count belongs to the verb, not to the list). (Lengths counted no further than 13, and
    // these checks before the first piece is read: it may be long.)
    let length = |p: &&str| p.chars().take(14).count();
    if pieces.len() < 3 || pieces[1..].iter().any(|p| length(p) > 12) {
        return None;
    }
    let middle = pieces[1..pieces.len() - 1].iter().map(length).max().unwrap_or(0);
    if pieces.last().map_or(0, length) > middle + 1 {
        return None;
    }
    // 甲、乙、丙和丁四國: a conjunction joins one more item than the separators show; rather
    // than guess whether 和 is a conjunction or part of a word (和平), leave such lists alone.
    let conjunction = |p: &&str| ["和", "與", "与", "及", "或"].iter().any(|c| p.contains(c));
    if pieces.first().is_some_and(conjunction) || pieces.last().is_some_and(conjunction) {
        return None;
    }
    let listed = pieces.len() as u64;
    let mismatch = if open { stated < listed || (listed >= 4 && stated != listed) } else { stated != listed };
    if !mismatch {
        return None;
    }
    // Items as written; the first without its lead-in when that is obvious.
    let lead_in = lead_in_len(pieces[0], &pieces[1..]);
    let items: Vec<&str> =
        std::iter::once(&pieces[0][lead_in..]).chain(pieces[1..].iter().copied()).map(str::trim).collect();
    let mut related = Vec::new();
    let mut offset = list_start;
    let paragraph = &context.document.paragraphs()[quantity.span.paragraph];
    for (k, piece) in pieces.iter().enumerate() {
        let start = if k == 0 { offset + lead_in } else { offset };
        let range = TextRange::new(start, offset + piece.len());
        related.push((paragraph.joined.to_original_range(range), format!("listed item: {}", items[k])));
        offset += piece.len() + '、'.len_utf8();
    }
    Some(list_finding(text, quantity, &items, related))
}

/// The finding for a count and the items listed with it.
fn list_finding(text: &str, quantity: &Quantity, items: &[&str], related: Vec<(TextRange, String)>) -> Finding {
    let count_text = &text[quantity.span.joined.as_range()];
    finding(
        CODE,
        quantity.span.range,
        format!("{count_text}{} but {} items are listed: {}", quantity.noun, items.len(), items.join("、")),
        related,
    )
}

/// How far after a count its list may run, in bytes (about 200 characters): a bound, so a
/// page with no sentence end is not searched to its end from every count.
const LIST_REACH: usize = 600;

/// Words that introduce the items after a count (`有四家，分別是…`).
const INTRODUCERS: &[&str] =
    &["：", ":", "——", "分別是", "分别是", "分別為", "分别为", "包括", "包含", "即", "依次是", "依次为", "依次為"];

/// Conjunctions that join the last item of a list.
const LAST_JOINERS: &[&str] = &["以及", "和", "及", "與", "与", "跟"];

/// The items of a list after a count: the count is the last figure of its clause, an
/// introducer follows its noun, and the items run to the end of the clause; or quoted names
/// ending with the counted noun follow in the sentence; or the count ends a label paragraph and
/// the next paragraph is the list.
fn following_list(context: &RuleContext<'_>, quantity: &Quantity) -> Option<Finding> {
    let stated = countable(quantity)?;
    let text = paragraph_text(context.document, &quantity.span);
    let here = quantity.span.paragraph;
    let noun_end = quantity.span.joined.end + noun_len(&quantity.noun, &text[quantity.span.joined.end..]);
    let after = &text[noun_end..];
    // Introduced items to the end of the clause.
    let introduced = INTRODUCERS.iter().find_map(|w| {
        let rest = after.strip_prefix('，').unwrap_or(after);
        let rest = rest.strip_prefix("有").unwrap_or(rest);
        rest.strip_prefix(w).map(|items| (noun_end + (after.len() - items.len()), items))
    });
    // The items, where the list starts in the joined text, and the paragraph it is in.
    let (items, start, index) = match introduced {
        Some((start, rest)) => {
            let rest = &rest[..floor_char_boundary(rest, LIST_REACH)];
            let end = rest.find(['，', '。', '；', '！', '？', '（', '(']).unwrap_or(rest.len());
            (split_items(&rest[..end])?, start, here)
        }
        None => match quoted_items(text, noun_end, &quantity.noun) {
            Some((start, items)) => (items, start, here),
            None => (label_list(context, quantity, text)?, 0, here + 1),
        },
    };
    let listed = items.len() as u64;
    if listed == stated {
        return None;
    }
    let paragraph = &context.document.paragraphs()[index];
    // Items that carry figures of their own (兩董事、工程顧問; 地下2座、高架11座) are groups,
    // not one item each.
    let list_span = TextRange::new(start, start + items.last().map_or(0, |&(at, item)| at + item.len()));
    if context.figures.quantities_in(index).iter().any(|q| list_span.contains(q.span.joined.start)) {
        return None;
    }
    // People counted by their roles (8名人士，包括工程顧問、分判商及中間人; 3名男子，分別是
    // 公司的董事及顧問): a role may be held by several. Only names are counted one each.
    let people = matches!(quantity.unit_key.as_str(), "人" | "名" | "位");
    let name_like = |item: &str| strip_notes(item).chars().filter(|c| !c.is_whitespace()).count() <= 4;
    if people && !items.iter().all(|&(_, item)| name_like(item)) {
        return None;
    }
    // 包括 may list only some (including…): a mismatch only when more are listed than counted.
    let partial = introduced.is_some_and(|(at, _)| ["包括", "包含"].iter().any(|w| text[..at].ends_with(w)));
    if partial && listed < stated {
        return None;
    }
    let related = items
        .iter()
        .map(|&(at, item)| {
            let range = TextRange::new(start + at, start + at + item.len());
            (paragraph.joined.to_original_range(range), format!("listed item: {item}"))
        })
        .collect();
    let names: Vec<&str> = items.iter().map(|&(_, item)| item).collect();
    Some(list_finding(text, quantity, &names, related))
}

/// The length in bytes of the counted noun as written after the count (the noun is at most a
/// few characters; it stops at punctuation).
fn noun_len(noun: &str, after: &str) -> usize {
    let mut len = 0;
    for (a, b) in noun.chars().zip(after.chars()) {
        if a != b || !crate::text::is_han(b) {
            break;
        }
        len += b.len_utf8();
    }
    // A verb after the noun (有, 是) is not part of it: the noun is as long as the known
    // nouns go, and a list's introducer is looked for right after it.
    INTRODUCERS.iter().chain(["有"].iter()).filter_map(|w| after[..len].find(w)).min().unwrap_or(len)
}

/// Splits a list into its items with their byte offsets: `、` between items, and a
/// conjunction before the last. None when it does not look like a closed list of short,
/// parallel items (an open list ending in `等`, a single item, a long clause).
fn split_items(list: &str) -> Option<Vec<(usize, &str)>> {
    let list_trimmed = list.trim_end();
    if list_trimmed.ends_with('等') || list_trimmed.ends_with("等等") || list_trimmed.is_empty() {
        return None;
    }
    let mut items: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for piece in list_trimmed.split(['、', '丶']) {
        items.push((at, piece));
        at += piece.len() + '、'.len_utf8();
    }
    // 甲、乙和丙: the conjunction before the last item.
    if let Some(&(offset, last)) = items.last() {
        let split = LAST_JOINERS.iter().filter_map(|w| last.rfind(w).map(|i| (i, w.len()))).max_by_key(|&(i, _)| i);
        if let Some((i, len)) = split
            && last[..i].chars().count() >= 2
            && last[i + len..].chars().count() >= 2
        {
            items.pop();
            items.push((offset, &last[..i]));
            items.push((offset + i + len, &last[i + len..]));
        }
    }
    let visible = |item: &str| strip_notes(item).chars().filter(|c| !c.is_whitespace()).count();
    if items.len() < 2 || items.iter().any(|&(_, item)| !(1..=15).contains(&visible(item))) {
        return None;
    }
    Some(items)
}

/// An item without its bracketed notes (`許基宏（中信）` is one name).
fn strip_notes(item: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in item.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Quoted names after the count, in its sentence, that end with the counted noun and are
/// joined by `、`, `和`, `及`: (offset of the first, items with offsets from it).
fn quoted_items<'t>(text: &'t str, from: usize, noun: &str) -> Option<(usize, Vec<(usize, &'t str)>)> {
    // The whole noun, up to the punctuation after it (工作組，).
    if !(2..=6).contains(&noun.chars().count()) {
        return None;
    }
    let reach = from + floor_char_boundary(&text[from..], LIST_REACH);
    let end = text[from..reach].find(['。', '！', '？', '；']).map_or(reach, |i| from + i);
    let sentence = &text[from..end];
    let mut items: Vec<(usize, &str)> = Vec::new();
    let mut cursor = 0;
    while let Some(open) = sentence[cursor..].find(['「', '“']).map(|i| cursor + i) {
        let inner_start = open + 3;
        let Some(close) = sentence[inner_start..].find(['」', '”']).map(|i| inner_start + i) else { break };
        let name = &sentence[inner_start..close];
        if fold(name).ends_with(&fold(noun)) && name.chars().count() > noun.chars().count() {
            if let Some(&(previous, previous_name)) = items.last() {
                let between = &sentence[previous + previous_name.len() + 3..open];
                if !between.contains(['、', '和', '及', '与', '與']) || between.contains(['，', '：']) {
                    break;
                }
            }
            items.push((inner_start, name));
        } else if !items.is_empty() {
            break;
        }
        cursor = close + 3;
    }
    let after_last = items.last().map_or("", |&(at, name)| &sentence[at + name.len()..]);
    if items.len() < 2 || after_last.trim_start_matches(['」', '”']).starts_with('等') {
        return None;
    }
    let first = items[0].0;
    Some((from + first, items.into_iter().map(|(at, name)| (at - first, name)).collect()))
}

/// A label paragraph that ends with the count (`內野手（7人）`, `入選名單（5人）：`) and the
/// list in the paragraph after it.
fn label_list<'d>(context: &'d RuleContext<'_>, quantity: &Quantity, text: &str) -> Option<Vec<(usize, &'d str)>> {
    let tail = text[quantity.span.joined.end..].trim_end();
    let tail = tail.trim_start_matches(['人', '名', '位', '個', '个']);
    if !matches!(tail, "）" | ")" | "）：" | "：" | "" | "):") || text.chars().count() > 20 {
        return None;
    }
    let next = context.document.paragraphs().get(quantity.span.paragraph + 1)?;
    let list = next.joined.text.trim_end_matches(['。', '.']);
    split_items(list)
}

/// The coverbs and verbs that end a lead-in to a list (主席從|經濟, 雙方就|能源, 論壇圍繞|基建,
/// 引進了|新材料).
const LEAD_INS: &[&str] = &[
    "從", "从", "就", "在", "對", "对", "向", "將", "将", "把", "了", "圍繞", "围绕", "聚焦", "涉及", "包括", "涵蓋",
    "涵盖", "覆蓋", "覆盖",
];

/// The length in bytes of the lead-in the first piece of a list carries, 0 for none. The items
/// are parallel, so a first piece longer than every other item carries a lead-in: it ends after
/// the earliest lead-in word that leaves an item as long as one of the others. Without such a
/// word the piece is kept whole: a cut at a guess would break words (增進了|解, 加強在|線教育).
/// A lead-in has words before its coverb (雙方就, 主席在會上從): a piece that opens with a
/// lead-in character is kept whole, since the character is as likely the item's own (在|線教育).
fn lead_in_len(first: &str, others: &[&str]) -> usize {
    let lengths: Vec<usize> = others.iter().map(|p| visible_len(p)).collect();
    if lengths.iter().any(|&len| visible_len(first) <= len) {
        return 0;
    }
    first
        .char_indices()
        .skip(1)
        .find_map(|(at, _)| {
            let word = LEAD_INS.iter().find(|w| first[at..].starts_with(**w))?;
            let rest = &first[at + word.len()..];
            lengths.contains(&visible_len(rest)).then_some(first.len() - rest.trim_start().len())
        })
        .unwrap_or(0)
}

/// Characters other than whitespace (a list may wrap over a hard line break).
fn visible_len(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// `一是…五是` against `這五個…` after it or `提出四點…：` before it.
fn enumeration_counts(context: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut marks = Marks::default();
    for run in context.figures.sequences.iter().filter(|r| r.style == SequenceStyle::Shi && r.items.len() >= 2) {
        let Some(first) = run.items.first() else { continue };
        let Some(last) = run.items.last() else { continue };
        if run.items.iter().enumerate().any(|(i, item)| item.value != i as u64 + 1) {
            continue; // sequence-order reports that
        }
        let listed = run.items.len() as u64;
        let text = paragraph_text(context.document, &last.span);
        let quantities = context.figures.quantities_in(last.span.paragraph);
        let (breaks, stops) = marks.of(last.span.paragraph, text);
        // Only two stretches of the paragraph can hold the count: the clause that ends at the
        // first item (nothing but `：` between them) and the text after the last item up to
        // the second `。`. Quantities do not overlap, so both their starts and their ends rise:
        // each stretch's quantities are found by binary search, not by reading every count of
        // the paragraph for every enumeration in it (quadratic on a paragraph of 5 MB).
        let mut candidates = Vec::new();
        if first.span.paragraph == last.span.paragraph {
            let clause = breaks.partition_point(|&at| at < first.span.joined.start).checked_sub(1).map(|i| breaks[i]);
            let from = clause.map_or(0, |at| quantities.partition_point(|q| q.span.joined.end <= at));
            let to = quantities.partition_point(|q| q.span.joined.end <= first.span.joined.start);
            candidates.extend(from..to.max(from));
        }
        let after = stops.partition_point(|&at| at < last.span.joined.end);
        let second_stop = stops.get(after + 1).copied().unwrap_or(text.len());
        let from = quantities.partition_point(|q| q.span.joined.start <= last.span.joined.end);
        let to = quantities.partition_point(|q| q.span.joined.start <= second_stop);
        let past = candidates.last().map_or(0, |last| last + 1);
        candidates.extend(from.max(past)..to);
        for quantity in candidates.into_iter().map(|i| &quantities[i]) {
            let Some(stated) = countable(quantity) else { continue };
            let start = quantity.span.joined.start;
            let announced = quantity.span.paragraph == first.span.paragraph
                && quantity.span.joined.end <= first.span.joined.start
                && {
                    let between = &text[quantity.span.joined.end..first.span.joined.start];
                    between.trim_end().ends_with(['：', ':']) && !between.contains(['。', '；', '，'])
                };
            let summed = start > last.span.joined.end && {
                let lead = text[..start].trim_end_matches(['「', '“', '『']);
                let after_last = &text[last.span.joined.end..start];
                ["這", "这", "以上", "上述"].iter().any(|w| lead.ends_with(w)) && after_last.matches('。').count() <= 1
            };
            if !(announced || summed) || stated == listed {
                continue;
            }
            let written: Vec<String> =
                run.items.iter().map(|i| span_text(context.document, &i.span).to_owned()).collect();
            let related = run.items.iter().map(|i| (i.span.range, format!("item {}", i.value))).collect();
            out.push(finding(
                CODE,
                quantity.span.range,
                format!(
                    "{}{} but {listed} items are enumerated: {}",
                    &text[quantity.span.joined.as_range()],
                    quantity.noun,
                    written.join("…")
                ),
                related,
            ));
        }
    }
    out
}

/// Where a paragraph's clauses (`。`, `；`, `，`) and sentences (`。`) end: the byte offsets of
/// those characters in its joined text, for one paragraph at a time.
#[derive(Default)]
struct Marks {
    paragraph: Option<usize>,
    breaks: Vec<usize>,
    stops: Vec<usize>,
}

impl Marks {
    fn of(&mut self, paragraph: usize, text: &str) -> (&[usize], &[usize]) {
        if self.paragraph != Some(paragraph) {
            self.paragraph = Some(paragraph);
            self.breaks = text.match_indices(['。', '；', '，']).map(|(at, _)| at).collect();
            self.stops = text.match_indices('。').map(|(at, _)| at).collect();
        }
        (&self.breaks, &self.stops)
    }
}

/// How many paragraphs after the last numbered section a summary (`這六大亮點`) may come.
const SUMMARY_REACH: usize = 12;

/// `第一個亮點是…第六個亮點是` against `六大亮點` in the paragraph before the first section or
/// `這六大亮點` after the last one.
fn section_counts(context: &RuleContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for run in &context.figures.sequences {
        let SequenceStyle::Marker(MarkerStyle::Di, noun) = &run.style else { continue };
        // The counted noun: 亮點 of 個亮點 (部分, 章 and the like are parts of one text, not
        // things a sentence counts).
        let Some(head) = noun.strip_prefix(['個', '个']) else { continue };
        let head = fold(head);
        let (Some(first), Some(last)) = (run.items.first(), run.items.last()) else { continue };
        if run.items.len() < 2 || run.items.iter().enumerate().any(|(i, item)| item.value != i as u64 + 1) {
            continue; // sequence-order reports that
        }
        let listed = run.items.len() as u64;
        let counts_sections = |q: &Quantity| countable(q).is_some() && fold(&q.noun).starts_with(&head);
        let announced = first
            .span
            .paragraph
            .checked_sub(1)
            .into_iter()
            .flat_map(|p| context.figures.quantities_in(p))
            .filter(|q| counts_sections(q));
        let summed = (last.span.paragraph + 1..=last.span.paragraph + SUMMARY_REACH)
            .flat_map(|p| context.figures.quantities_in(p))
            .filter(|q| {
                let text = paragraph_text(context.document, &q.span);
                let lead = text[..q.span.joined.start].trim_end_matches(['「', '“', '『']);
                counts_sections(q) && ["這", "这", "以上", "上述"].iter().any(|w| lead.ends_with(w))
            });
        for quantity in announced.chain(summed) {
            let Some(stated) = countable(quantity) else { continue };
            if stated == listed {
                continue;
            }
            let text = paragraph_text(context.document, &quantity.span);
            let counted: String = quantity.noun.chars().take(head.chars().count()).collect();
            let related = run.items.iter().map(|i| (i.span.range, format!("section {}", i.value))).collect();
            out.push(finding(
                CODE,
                quantity.span.range,
                format!(
                    "{}{counted} but {listed} sections are numbered: {}…{}",
                    &text[quantity.span.joined.as_range()],
                    span_text(context.document, &first.span),
                    span_text(context.document, &last.span),
                ),
                related,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::support::findings_of;

    #[test]
    fn counts_that_disagree_fire() {
        assert_eq!(
            findings_of("count-mismatch", "主席從經濟、金融、貿易、數字、生態等六個方面提出主張。"),
            [
                "六個: 六個方面提出主張 but 5 items are listed: 經濟、金融、貿易、數字、生態 [經濟 | 金融 | 貿易 | 數字 | 生態]"
            ]
        );
        assert_eq!(findings_of("count-mismatch", "双方在农业、能源、矿产三个领域加强合作。").len(), 0);
        assert_eq!(findings_of("count-mismatch", "双方在农业、能源、矿产、基建三个领域加强合作。").len(), 1);
        assert_eq!(findings_of("count-mismatch", "提出四點建議：一是合作；二是開放；三是共贏。").len(), 1);
        assert_eq!(
            findings_of(
                "count-mismatch",
                "雙方應：一是樹立認知；二是管控分歧；三是推進合作；四是承擔責任。這「五個共同」意義重大。"
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_first_item_is_named_without_its_lead_in() {
        let items = |text: &str| {
            let found = findings_of("count-mismatch", text);
            assert_eq!(found.len(), 1, "{text}");
            found[0].split_once(" [").map(|(_, related)| related.trim_end_matches(']').to_owned()).unwrap_or_default()
        };
        // A coverb ends the lead-in, in both scripts.
        assert_eq!(items("雙方還就能源、通訊、金融、教育等五個方面交換意見。"), "能源 | 通訊 | 金融 | 教育");
        assert_eq!(items("双方还就能源、通讯、金融、教育等五个方面交换意见。"), "能源 | 通讯 | 金融 | 教育");
        assert_eq!(items("本屆論壇圍繞基建、金融、科技、旅遊等五個方面展開討論。"), "基建 | 金融 | 科技 | 旅遊");
        assert_eq!(items("园区今年引进了芯片、电池、光伏、储能等三个产业的项目。"), "芯片 | 电池 | 光伏 | 储能");
        // The earliest lead-in word that leaves an item as long as another: not 在 (會上從能源 is
        // longer than any item) but 從; and 就 of 就業 stays in the item.
        assert_eq!(items("主席在會上從能源、農業、教育、衛生等三個方面闡述主張。"), "能源 | 農業 | 教育 | 衛生");
        assert_eq!(items("双方就就业、教育、医疗、住房等三个方面交换意见。"), "就业 | 教育 | 医疗 | 住房");
        // A first item no longer than the others has no lead-in, even when it opens with one.
        assert_eq!(
            items("在線教育、遠程醫療、智慧交通、數字金融等三個方面。"),
            "在線教育 | 遠程醫療 | 智慧交通 | 數字金融"
        );
        // A lead-in character inside a word is not cut at when what is left is not as long as
        // another item: the lead-in stays rather than a word being broken.
        assert_eq!(
            items("加強在線教育、遠程醫療、智慧交通、數字金融等三個方面。"),
            "加強在線教育 | 遠程醫療 | 智慧交通 | 數字金融"
        );
        assert_eq!(items("两国增进了解、互信、友谊、合作等三个方面。"), "两国增进了解 | 互信 | 友谊 | 合作");
        // A piece that opens with a lead-in character is kept whole, even where cutting it would
        // leave an item as long as another: 在 is 在线's own here, and 从 of 从能源 is left in
        // rather than guessed at.
        assert_eq!(items("在线教育、芯片、光伏、储能、氢能源等四大产业。"), "在线教育 | 芯片 | 光伏 | 储能 | 氢能源");
        assert_eq!(items("会上，从能源、农业、教育、卫生等三个方面阐述主张。"), "从能源 | 农业 | 教育 | 卫生");
        // Without a lead-in word the piece is kept whole rather than cut at a guess.
        assert_eq!(items("同时布局人工智能、量子、航天、海洋两大前沿方向。"), "同时布局人工智能 | 量子 | 航天 | 海洋");
    }

    /// A short article numbered `第X個亮點`, announced by `announce` and summed up by `summary`.
    fn highlights(announce: &str, sections: usize, summary: &str) -> String {
        let mut text = format!("回顧這一年，{announce}值得回顧。\n\n");
        for n in 1..=sections {
            let numeral = crate::figures::ordinals::chinese_numeral(n as u64);
            text.push_str(&format!("第{numeral}個亮點是，合作邁出新步伐。\n\n各方積極參與，成果豐碩。\n\n"));
        }
        text.push_str(&format!("{summary}，譜寫了合作共贏的新篇章。\n"));
        text
    }

    #[test]
    fn numbered_sections_and_their_count() {
        let fired = |text: &str| findings_of("count-mismatch", text);
        assert_eq!(fired(&highlights("有六大亮點", 6, "這六大亮點")), Vec::<String>::new());
        assert_eq!(fired(&highlights("有五大亮點", 5, "這五個亮點")), Vec::<String>::new());
        assert_eq!(
            fired(&highlights("有六大亮點", 5, "這五大亮點")),
            [
                "六大: 六大亮點 but 5 sections are numbered: 第一個亮點…第五個亮點 [第一個亮點 | 第二個亮點 | 第三個亮點 | 第四個亮點 | 第五個亮點]"
            ]
        );
        assert_eq!(fired(&highlights("有六大亮點", 6, "這七大亮點")).len(), 1);
        // Simplified, and a count of something else stays silent.
        let simplified = highlights("有六大亮点", 6, "这七大亮点").replace('個', "个").replace('點', "点");
        assert_eq!(fired(&simplified).len(), 1);
        assert_eq!(fired(&highlights("有三大任務", 6, "這三大任務")), Vec::<String>::new());
        // A count far after the sections, or without 這, is not their summary.
        assert_eq!(fired(&highlights("有六大亮點", 6, "明年還有三大亮點")), Vec::<String>::new());
    }

    #[test]
    fn lists_after_the_count_fire() {
        for text in [
            "參與研發的機構有三家，分別是中國疾控中心、中國醫學科學院、武漢病毒所和軍事醫學科學院。",
            "参与研发的机构有三家，分别是中国疾控中心、中国医学科学院、武汉病毒所和军事医学科学院。",
            "政府成立3個專責小組，由局長領導的「搜救專責小組」、由副局長領導的「善後專責小組」，即日運作。",
            "政府成立3个专责小组，由局长领导的“搜救专责小组”、由副局长领导的“善后专责小组”，即日运作。",
            "守門員（3人）\n\n王大文、李志明。",
            "守门员（3人）\n\n王大文、李志明。",
            "本屆設四大獎項——最佳新人、最佳歌手、最佳樂隊。",
        ] {
            assert_eq!(findings_of("count-mismatch", text).len(), 1, "{text}");
        }
    }

    #[test]
    fn lists_after_the_count_that_agree_or_are_open_do_not_fire() {
        for text in [
            "參與研發的機構有四家，分別是中國疾控中心、中國醫學科學院、武漢病毒所和軍事醫學科學院。",
            "政府成立2個專責小組，由局長領導的「搜救專責小組」、由副局長領導的「善後專責小組」，即日運作。",
            "守門員（2人）\n\n王大文、李志明（南區）。",
            "守门员（2人）\n\n王大文、李志明（南区）。",
            // Roles, not individuals; groups with counts of their own; 包括 lists only some.
            "廉署拘捕8名人士，包括工程顧問、棚架工程分判商及中間人。",
            "警方拘捕3名男子，分別是大廈維修工程公司的董事及顧問。",
            "第二期設13座車站，包含地下2座、高架11座。",
            "共有10個城市，包括北京、上海和廣州。",
            "机构有三家，分别是中国疾控中心、中国医学科学院等。",
        ] {
            assert_eq!(findings_of("count-mismatch", text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn agreeing_and_open_lists_do_not_fire() {
        for text in [
            "主席從經濟、金融、貿易、數字、生態等五個方面提出主張。",
            "北京、上海等10個城市參與。",
            "北京、上海等多個城市參與。",
            "雙方應：一是樹立認知；二是管控分歧；三是推進合作。這「三個共同」意義重大。",
            "美國不尋求新冷戰，不支持台獨，無意衝突，這是三點承諾。",
            "中美兩國，中、美、俄三國元首。",
            "數字經濟、人工\n智能、綠色航運三個新領域。",
            "秋千項目奪冠；龍舟項目收穫4個二等獎、2個三等獎。",
            "中國、巴西、秘魯簽署4項協議。",
            "秘魯、巴西、智利和阿根廷四國代表出席。",
        ] {
            assert_eq!(findings_of("count-mismatch", text), Vec::<String>::new(), "{text}");
        }
    }

    /// The definition [`super::list_count`] replaced: the look back for the clause break with
    /// `rfind` from every count (quadratic on a paragraph with no clause break).
    fn list_count_by_search(context: &RuleContext<'_>, quantity: &Quantity) -> Option<Finding> {
        let (stated, text, before, open) = super::count_and_text_before(context, quantity)?;
        // The list runs back to the last clause break.
        let list_start = before
            .rfind(['，', '。', '：', '「', '」', '（', '）', '！', '？', '《', '》', '“', '”', ','])
            .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
        let segment = &before[list_start..];
        let semicolons = segment.contains('；');
        let separators: &[char] = if semicolons { &['；'] } else { &['、', '丶'] };
        let pieces: Vec<&str> = segment.split(separators).collect();
        let list = super::List { pieces: &pieces, start: list_start, semicolons, open };
        super::list_mismatch(context, text, quantity, stated, &list)
    }

    /// Items of lists before counts, some with counts of their own, and what follows each:
    /// separators (most often), clause breaks, `等`, a line break.
    const ITEMS: &[&str] = &[
        "北京",
        "上海",
        "廣州",
        "從經濟",
        "人工智能",
        "和平",
        "北京等5個城市",
        "等3項",
        "等四國",
        "2個",
        "甲乙丙丁戊己庚辛壬癸子丑",
    ];
    const AFTER: &[&str] = &["、", "、", "、", "、", "丶", "；", "，", "。", "：", "等", " ", "\n", ""];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// The lists found through the paragraph's marks are those the search back found.
        #[test]
        fn lists_found_by_marks_are_those_found_by_searching_back(
            pieces in proptest::collection::vec((0..ITEMS.len(), 0..AFTER.len()), 0..40),
        ) {
            let text: String = pieces.iter().flat_map(|&(item, after)| [ITEMS[item], AFTER[after]]).collect();
            let analysis = crate::analyse(&text, &crate::Config::default());
            let context = crate::rules::RuleContext {
                document: &analysis.document,
                figures: &analysis.figures,
                config: &crate::Config::default(),
                entities: analysis.entities(),
                cancelled: &|| false,
            };
            let mut marks = super::ListMarks::default();
            for quantity in &analysis.figures.quantities {
                let found = super::list_count(&context, quantity, &mut marks).map(|f| (f.range, f.message, f.related.len()));
                let searched = list_count_by_search(&context, quantity).map(|f| (f.range, f.message, f.related.len()));
                proptest::prop_assert_eq!(found, searched, "{}", text);
            }
        }
    }
}
