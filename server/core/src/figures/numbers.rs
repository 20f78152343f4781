//! Quantities: a number (or an interval) with its unit or classifier, as news writes them.
//!
//! `逾4萬公里`, `近40場`, `60多項`, `三四個`, `5到7天`, `4萬到400萬元`, `20%`, `百分之二十`,
//! `三分之一`, `1.8万人`, `第三十一次`. A Chinese numeral counts only when a unit or
//! classifier follows it (so `一帶一路` and `萬水千山` are not figures); an Arabic number always
//! counts, with or without a unit.

use crate::numerals::{arabic_digit, chinese_digit, is_chinese_numeral_char, parse_integer};
use crate::text::TextRange;

use super::Span;
use super::text::{fold, is_break, noun_after};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuantityKind {
    /// A number with a unit or classifier (`60多項`, `4萬公里`), or a bare Arabic number.
    Count,
    /// `20%`, `百分之二十`.
    Percent,
    /// `三分之一`, stored as a percentage.
    Fraction,
    /// `3個百分點`.
    PercentPoint,
    /// `第三十一次`: an ordinal, not an amount.
    Ordinal,
}

/// How an approximate figure is qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approx {
    /// `60多`, `60餘`, `3年多`: more than the number, below the next step of its last digit.
    More,
    /// `逾`, `超過`, `以上`, `至少`: at least the number.
    Over,
    /// `近`, `將近`: a little below the number.
    Nearly,
    /// `約`, `左右`, `大約`: around the number.
    About,
    /// `上千`, `上萬`: of that order.
    Order,
}

/// One quantity.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub span: Span,
    /// The number as written (60 for `60多`, the upper end for a range).
    pub value: f64,
    /// The interval of values the text allows (`60多` is 60 up to but excluding 70).
    pub low: f64,
    pub high: f64,
    pub approx: Option<Approx>,
    /// True for a written range (`5到7天`, `三四個`).
    pub is_range: bool,
    /// The unit or classifier as written (`項`, `億美元`, `%`), empty for a bare number.
    pub unit: String,
    /// The unit folded to Simplified (`项`), for comparisons.
    pub unit_key: String,
    /// The Han text after the unit, up to 8 characters (`合作文件`).
    pub noun: String,
    pub kind: QuantityKind,
    /// Where the number itself ends in the joined text (before the unit).
    pub number_end: usize,
}

impl Quantity {
    pub(super) fn placed(mut self, span: &dyn Fn(TextRange) -> Span) -> Quantity {
        self.span = span(self.span.joined);
        self
    }

    /// True when the value is exact (no approximation, not a range).
    pub fn is_exact(&self) -> bool {
        self.approx.is_none() && !self.is_range
    }

    /// True when the two quantities cannot have the same value.
    pub fn disjoint(&self, other: &Quantity) -> bool {
        self.high < other.low || other.high < self.low
    }

    /// The value as an integer when it is a whole number.
    pub fn integer(&self) -> Option<u64> {
        (self.value.fract() == 0.0 && self.value >= 0.0 && self.value < 1e15).then_some(self.value as u64)
    }
}

/// Units and classifiers, longest first within each leading character.
const UNITS: &[&str] = &[
    "個百分點",
    "个百分点",
    "百分點",
    "百分点",
    "平方公里",
    "億美元",
    "亿美元",
    "萬美元",
    "万美元",
    "億人民幣",
    "亿人民币",
    "億元",
    "亿元",
    "萬元",
    "万元",
    "美元",
    "港元",
    "歐元",
    "欧元",
    "元",
    "公里",
    "千米",
    "公頃",
    "公顷",
    "公斤",
    "噸",
    "吨",
    "個月",
    "个月",
    "個年頭",
    "个年头",
    "個小時",
    "个小时",
    "小時",
    "小时",
    "分鐘",
    "分钟",
    "周年",
    "週年",
    "年",
    "天",
    "歲",
    "岁",
    "倍",
    "%",
    "％",
    "個",
    "个",
    "項",
    "项",
    "名",
    "人",
    "件",
    "場",
    "场",
    "次",
    "家",
    "所",
    "座",
    "條",
    "条",
    "種",
    "种",
    "位",
    "份",
    "架",
    "艘",
    "輛",
    "辆",
    "部",
    "批",
    "屆",
    "届",
    "點",
    "点",
    "大",
    "篇",
    "國",
    "国",
    "隻",
    "只",
    "戶",
    "户",
    "例",
    "宗",
    "起",
    "枚",
    "頁",
    "页",
    "米",
    "方面",
    // Classifiers of things counted in reports: buildings, containers, stitches, teams,
    // models, rounds.
    "幢",
    "棟",
    "栋",
    "桶",
    "針",
    "针",
    "間",
    "间",
    "張",
    "张",
    "台",
    "臺",
    "股",
    "頭",
    "头",
    "匹",
    "棵",
    "株",
    "箱",
    "袋",
    "瓶",
    "盒",
    "套",
    "支",
    "隊",
    "队",
    "組",
    "组",
    "類",
    "类",
    "款",
    "輪",
    "轮",
    "趟",
];

/// Units after which `多` still belongs to the figure (`3年多`, `兩個多月` is handled apart).
const MORE_AFTER_UNIT: &[&str] = &["年", "天", "小時", "小时", "個月", "个月"];

struct Number {
    value: f64,
    /// For `三四`: the lower value.
    low: Option<f64>,
    end: usize,
    arabic: bool,
    /// A bare large unit (`千`, `萬`): `上千`, `上萬`.
    bare_unit: bool,
}

fn is_large_unit(c: char) -> bool {
    matches!(c, '萬' | '万' | '億' | '亿' | '千' | '百')
}

/// Parses the number that starts at byte `at` of `text`.
fn parse_number(text: &str, at: usize) -> Option<Number> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    if arabic_digit(first).is_some() {
        return parse_arabic(text, at);
    }
    if !is_chinese_numeral_char(first) {
        return None;
    }
    let len = rest.char_indices().find(|&(_, c)| !is_chinese_numeral_char(c)).map_or(rest.len(), |(i, _)| i);
    let run = &rest[..len];
    let chars: Vec<char> = run.chars().collect();
    let end = at + len;
    let bare_unit = chars.len() == 1 && is_large_unit(chars[0]);
    // 三四, 十五六, 三四十, 三四百, 三四萬: two neighbouring digits give a range.
    if let Some(range) = consecutive_range(&chars) {
        return Some(Number { value: range.1, low: Some(range.0), end, arabic: false, bare_unit: false });
    }
    // Digit-by-digit numbers are years, which the date scanner owns; `一一` is no number.
    if chars.len() > 1 && chars.iter().all(|&c| chinese_digit(c).is_some()) {
        return None;
    }
    let value = parse_integer(run)? as f64;
    Some(Number { value, low: None, end, arabic: false, bare_unit })
}

/// `三四` → (3, 4); `十五六` → (15, 16); `三四十` → (30, 40); `三四萬` → (30000, 40000).
fn consecutive_range(chars: &[char]) -> Option<(f64, f64)> {
    let digit = |c: char| chinese_digit(c).filter(|&d| d > 0 && c != '兩' && c != '两');
    match chars {
        [a, b] => {
            let (a, b) = (digit(*a)?, digit(*b)?);
            (b == a + 1).then_some((a as f64, b as f64))
        }
        [a, b, unit] if !chinese_digit(*unit).is_some_and(|_| true) => {
            let (a, b) = (digit(*a)?, digit(*b)?);
            let scale = parse_integer(&unit.to_string())? as f64;
            (b == a + 1 && scale >= 10.0).then_some((a as f64 * scale, b as f64 * scale))
        }
        ['十', a, b] => {
            let (a, b) = (digit(*a)?, digit(*b)?);
            (b == a + 1).then_some((10.0 + a as f64, 10.0 + b as f64))
        }
        _ => None,
    }
}

fn parse_arabic(text: &str, at: usize) -> Option<Number> {
    let bytes = text.as_bytes();
    let mut i = at;
    let mut digits = String::new();
    let mut decimal = false;
    let char_at = |i: usize| text[i..].chars().next();
    while let Some(c) = char_at(i) {
        if let Some(d) = arabic_digit(c) {
            digits.push(char::from(b'0' + d as u8));
            i += c.len_utf8();
        } else if c == ',' && !decimal {
            // A thousands separator is followed by exactly three digits.
            let next: String = text[i + 1..].chars().take(4).collect();
            let three = next.chars().take(3).filter(|c| c.is_ascii_digit()).count() == 3;
            let fourth = next.chars().nth(3).is_some_and(|c| c.is_ascii_digit());
            if !three || fourth || digits.is_empty() {
                break;
            }
            i += 1;
        } else if matches!(c, '.' | '．')
            && !decimal
            && char_at(i + c.len_utf8()).is_some_and(|c| arabic_digit(c).is_some())
        {
            decimal = true;
            digits.push('.');
            i += c.len_utf8();
        } else {
            break;
        }
    }
    let _ = bytes;
    let mut value: f64 = digits.parse().ok()?;
    // Optional spaces, then large units: 4萬, 1.8万, 400萬, 1万1516.
    let mut end = i;
    let after_space = skip_spaces(text, i);
    if let Some(c) = char_at(after_space).filter(|&c| matches!(c, '萬' | '万' | '億' | '亿' | '千' | '百')) {
        let unit_end = after_space + c.len_utf8();
        let scale = parse_integer(&c.to_string())? as f64;
        value *= scale;
        end = unit_end;
        // 1万1516, 1億2000萬: more digits after the unit.
        if !decimal {
            let tail_len = text[unit_end..]
                .char_indices()
                .find(|&(_, c)| arabic_digit(c).is_none() && !matches!(c, '萬' | '万' | '千' | '百'))
                .map_or(text.len() - unit_end, |(j, _)| j);
            if tail_len > 0
                && let Some(whole) = parse_integer(&text[at..unit_end + tail_len].replace(' ', ""))
            {
                value = whole as f64;
                end = unit_end + tail_len;
            }
        }
    }
    Some(Number { value, low: None, end, arabic: true, bare_unit: false })
}

/// Past the spaces at `at`, ordinary or no-break (two bytes in UTF-8).
fn skip_spaces(text: &str, mut at: usize) -> usize {
    while let Some(space) = text[at..].chars().next().filter(|&c| matches!(c, ' ' | '\u{a0}')) {
        at += space.len_utf8();
    }
    at
}

fn match_unit(text: &str, at: usize) -> Option<&'static str> {
    let rest = &text[at..];
    UNITS.iter().copied().filter(|unit| rest.starts_with(unit)).max_by_key(|unit| unit.len())
}

/// The magnitude of the last non-zero digit: 60 → 10, 40000 → 10000, 15 → 1.
fn step(value: f64) -> f64 {
    if value <= 0.0 || value.fract() != 0.0 {
        return 1.0;
    }
    let mut step = 1.0;
    let mut v = value as u64;
    while v >= 10 && v.is_multiple_of(10) {
        v /= 10;
        step *= 10.0;
    }
    step
}

fn interval(value: f64, approx: Option<Approx>) -> (f64, f64) {
    match approx {
        None => (value, value),
        Some(Approx::More) => (value, value + step(value) * 0.999_999),
        Some(Approx::Over) => (value, f64::INFINITY),
        Some(Approx::Nearly) => (value * 0.8, value),
        Some(Approx::About) => (value * 0.85, value * 1.15),
        Some(Approx::Order) => (value, value * 10.0),
    }
}

/// The approximation written just before byte `at`.
fn prefix_approx(text: &str, at: usize, bare_unit: bool) -> Option<Approx> {
    let before = &text[..at];
    let table: &[(&str, Approx)] = &[
        ("超過", Approx::Over),
        ("超过", Approx::Over),
        ("至少", Approx::Over),
        ("逾", Approx::Over),
        ("將近", Approx::Nearly),
        ("将近", Approx::Nearly),
        ("近", Approx::Nearly),
        ("大約", Approx::About),
        ("大约", Approx::About),
        ("約", Approx::About),
        ("约", Approx::About),
    ];
    if bare_unit && before.ends_with('上') {
        return Some(Approx::Order);
    }
    table.iter().find(|(word, _)| before.ends_with(word)).map(|&(_, approx)| approx)
}

/// Finds the quantities of one paragraph's joined text, skipping the `masked` ranges (dates).
pub fn scan(text: &str, masked: &[TextRange]) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(c) = text[at..].chars().next() else { break };
        // `masked` is in text order and does not overlap: binary search, not a scan per char.
        let next_mask = masked.partition_point(|m| m.end <= at);
        if let Some(mask) = masked.get(next_mask).filter(|m| m.contains(at)) {
            at = mask.end.max(at + c.len_utf8());
            continue;
        }
        match quantity_at(text, at) {
            Some(mut q) => {
                // A prefix word never reaches back into the quantity before it (`二大` then
                // `大約一年`: the second starts at `約`), so quantities stay in order and apart.
                if let Some(previous) = out.last() {
                    let start = q.span.joined.start.max(previous.span.joined.end);
                    q.span.joined.start = start;
                    q.span.range.start = start;
                }
                at = q.span.joined.end.max(at + c.len_utf8());
                out.push(q);
            }
            None => {
                // Skip the rest of a numeral run so `二十` is not read again as `十`.
                at += c.len_utf8();
                if arabic_digit(c).is_some() || is_chinese_numeral_char(c) {
                    while let Some(n) = text[at..]
                        .chars()
                        .next()
                        .filter(|&n| arabic_digit(n).is_some() || is_chinese_numeral_char(n) || n == '.')
                    {
                        at += n.len_utf8();
                    }
                }
            }
        }
    }
    out
}

fn quantity_at(text: &str, at: usize) -> Option<Quantity> {
    let prev = text[..at].chars().next_back();
    // 百分之二十, 三分之一
    if let Some(q) = fraction_at(text, at) {
        return Some(q);
    }
    let first = text[at..].chars().next()?;
    if arabic_digit(first).is_some()
        && prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '.' || p == '-' || p == '/')
    {
        return None;
    }
    let number = parse_number(text, at)?;
    let ordinal = prev == Some('第');
    let mut approx = if ordinal { None } else { prefix_approx(text, at, number.bare_unit) };
    let mut cursor = skip_spaces(text, number.end);
    if !ordinal && (text[cursor..].starts_with('多') || text[cursor..].starts_with(['餘', '余'])) {
        let after = cursor + '多'.len_utf8();
        if match_unit(text, after).is_some() || !number.arabic {
            approx = Some(Approx::More);
            cursor = after;
        }
    }
    let mut unit = match_unit(text, cursor).filter(|unit| unit_fits(unit, &number, text, cursor + unit.len()));
    let mut end = unit.map_or(number.end, |u| cursor + u.len());
    // 兩個多月: 個 + 多 + 月.
    if unit.is_some_and(|u| u == "個" || u == "个") && text.get(end..).is_some_and(|t| t.starts_with("多月")) {
        approx = Some(Approx::More);
        unit = Some(if unit == Some("個") { "個月" } else { "个月" });
        end += "多月".len();
    }
    if !number.arabic && unit.is_none() && !ordinal {
        return None;
    }
    let unit = unit.unwrap_or("");
    if approx.is_none() && MORE_AFTER_UNIT.contains(&unit) && text[end..].starts_with('多') {
        approx = Some(Approx::More);
        end += '多'.len_utf8();
    }
    if text[end..].starts_with("左右") {
        approx = Some(Approx::About);
        end += "左右".len();
    } else if text[end..].starts_with("以上") {
        approx = Some(Approx::Over);
        end += "以上".len();
    }
    let kind = if ordinal {
        QuantityKind::Ordinal
    } else if unit == "%" || unit == "％" {
        QuantityKind::Percent
    } else if unit.contains("百分") {
        QuantityKind::PercentPoint
    } else {
        QuantityKind::Count
    };
    let (mut low, high) = interval(number.value, approx);
    let mut is_range = false;
    if let Some(l) = number.low {
        low = l;
        is_range = true;
    }
    // 5到7天, 4萬到400萬元, 60%至70%
    if !ordinal && let Some((second, sep_end)) = range_tail(text, end) {
        let first_unit_ok = unit.is_empty() || second.unit_key == fold(unit);
        if first_unit_ok && second.low >= number.value && (!unit.is_empty() || !second.unit.is_empty()) {
            let start = at;
            let _ = sep_end;
            let mut merged = second;
            merged.low = low;
            merged.is_range = true;
            merged.span.joined = TextRange::new(start, merged.span.joined.end);
            return Some(merged);
        }
    }
    let start = match approx {
        Some(_) => prefix_start(text, at, approx),
        None => at,
    };
    let start = if ordinal { at - '第'.len_utf8() } else { start };
    Some(Quantity {
        span: Span { paragraph: 0, joined: TextRange::new(start, end), range: TextRange::new(start, end) },
        value: number.value,
        low,
        high,
        approx,
        is_range,
        unit: unit.to_owned(),
        unit_key: fold(unit),
        noun: noun_after(text, end, 8),
        kind,
        number_end: number.end,
    })
}

/// Where a figure with a prefix approximation starts (`逾4萬` starts at `逾`).
fn prefix_start(text: &str, at: usize, approx: Option<Approx>) -> usize {
    let before = &text[..at];
    for word in ["超過", "超过", "至少", "將近", "将近", "大約", "大约", "逾", "近", "約", "约", "上"]
    {
        if before.ends_with(word) && approx.is_some() {
            return at - word.len();
        }
    }
    at
}

/// The second half of a range: `到7天` after `5`.
fn range_tail(text: &str, end: usize) -> Option<(Quantity, usize)> {
    let rest = &text[end..];
    let sep = ["到", "至", "~", "～", "－", "-", "—", "–"].into_iter().find(|s| rest.starts_with(s))?;
    let next = end + sep.len();
    let first = text[next..].chars().next()?;
    if arabic_digit(first).is_none() && !is_chinese_numeral_char(first) {
        return None;
    }
    let q = quantity_at(text, next)?;
    (q.kind != QuantityKind::Ordinal).then_some((q, next))
}

/// Filters units that the numeral cannot take in this position.
fn unit_fits(unit: &str, number: &Number, text: &str, after: usize) -> bool {
    let next = text[after..].chars().next();
    match unit {
        // 六大亮點 but not 二十大 (the party congress) or 一大早.
        "大" => !number.arabic && (2.0..=10.0).contains(&number.value) && next.is_some_and(|c| !is_break(c)),
        // 10點30分 is a time of day.
        "點" | "点" => !number.arabic,
        // 一起 (together), 一部分 is still a count but 一起 never is.
        "起" => number.arabic,
        // 2024年 is a date (the date scanner owns it); a bare 年 count is not a year.
        "年" => !(number.arabic && number.value >= 1000.0),
        "人" | "國" | "国" => {
            !next.is_some_and(|c| matches!(c, '民' | '家' | '士' | '類' | '类' | '際' | '际' | '內' | '内' | '外'))
        }
        _ => true,
    }
}

fn fraction_at(text: &str, at: usize) -> Option<Quantity> {
    let rest = &text[at..];
    let (denominator, numerator_at, percent) = if let Some(after) = rest.strip_prefix("百分之") {
        let _ = after;
        (100.0, at + "百分之".len(), true)
    } else {
        let number = parse_number(text, at)?;
        let after = &text[number.end..];
        if !after.starts_with("分之") {
            return None;
        }
        (number.value, number.end + "分之".len(), false)
    };
    let numerator = parse_number(text, numerator_at)?;
    if denominator <= 0.0 {
        return None;
    }
    let value = 100.0 * numerator.value / denominator;
    let end = numerator.end;
    Some(Quantity {
        span: Span { paragraph: 0, joined: TextRange::new(at, end), range: TextRange::new(at, end) },
        value,
        low: value,
        high: value,
        approx: None,
        is_range: false,
        unit: "%".to_owned(),
        unit_key: "%".to_owned(),
        noun: noun_after(text, end, 8),
        kind: if percent { QuantityKind::Percent } else { QuantityKind::Fraction },
        number_end: end,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_no_break_space_after_a_number_is_skipped_whole() {
        // Found by the numerals fuzz target: a no-break space was skipped one byte at a time.
        for text in ["＠4\u{a0}4, ;", "4\u{a0}萬人", "4\u{a0}\u{a0} 萬人", "1.8\u{a0}"] {
            let _ = scan(text, &[]);
        }
        let found = scan("出動4\u{a0}萬人", &[]);
        assert_eq!(found.first().map(|q| q.value), Some(40_000.0), "{found:?}");
    }

    use super::*;
    use expect_test::{Expect, expect};

    #[test]
    fn a_prefix_word_does_not_reach_into_the_quantity_before_it() {
        // Found by the figures property test: `二大` and `大約一年` overlapped at `大`.
        let found = scan("二大約一年", &[]);
        for pair in found.windows(2) {
            assert!(pair[0].span.joined.end <= pair[1].span.joined.start, "{found:?}");
        }
        assert_eq!(found.last().map(|q| q.approx), Some(Some(Approx::About)), "{found:?}");
    }

    fn check(text: &str, expect: Expect) {
        let found: Vec<String> = scan(text, &[])
            .iter()
            .map(|q| {
                let approx = q.approx.map(|a| format!(" {a:?}")).unwrap_or_default();
                let high = if q.high.is_infinite() {
                    "inf".to_owned()
                } else {
                    format!("{:.6}", q.high).trim_end_matches('0').trim_end_matches('.').to_owned()
                };
                format!(
                    "{} = {}..{}{} {} {:?} [{}]",
                    &text[q.span.joined.as_range()],
                    q.low,
                    high,
                    approx,
                    q.unit,
                    q.kind,
                    q.noun
                )
            })
            .collect();
        expect.assert_eq(&found.join("\n"));
    }

    #[test]
    fn counts_with_approximations() {
        check(
            "行程逾4萬公里，密集出席近40場雙多邊活動，達成60多項合作文件，共1,200名代表。",
            expect![[r#"
                逾4萬公里 = 40000..inf Over 公里 Count []
                近40場 = 32..40 Nearly 場 Count [雙多邊活動]
                60多項 = 60..69.99999 More 項 Count [合作文件]
                1,200名 = 1200..1200 名 Count [代表]"#]],
        );
    }

    #[test]
    fn ranges_fractions_and_percentages() {
        check(
            "三四個國家，5到7天，4萬到400萬元，佔20%，百分之二十，三分之一，增長1.8个百分点，十五六人",
            expect![[r#"
                三四個 = 3..4 個 Count [國家]
                5到7天 = 5..7 天 Count []
                4萬到400萬元 = 40000..4000000 元 Count []
                20% = 20..20 % Percent []
                百分之二十 = 20..20 % Percent []
                三分之一 = 33.333333333333336..33.333333 % Fraction []
                1.8个百分点 = 1.8..1.8 个百分点 PercentPoint []
                十五六人 = 15..16 人 Count []"#]],
        );
    }

    #[test]
    fn ordinals_and_non_figures() {
        check(
            "第三十一次會議，共建一帶一路，萬水千山，二十大後，六大亮點，一起努力，G20峰會，上千人，兩個多月",
            expect![[r#"
                第三十一次 = 31..31 次 Ordinal [會議]
                六大 = 6..6 大 Count [亮點]
                上千人 = 1000..10000 Order 人 Count []
                兩個多月 = 2..2.999999 More 個月 Count []"#]],
        );
    }
}
