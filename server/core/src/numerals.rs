//! Integers as news text writes them: Arabic (`18,000`, full-width `２０２４`), Chinese
//! (`三十一`, `兩萬`, `廿四`, `二〇一二`), and mixed (`4萬`, `1万1516`); and the ordinal markers
//! that number sections and list items (`一、`, `（一）`, `1.`, `第三部分`).
//!
//! This is the one numeral parser of zhnews: the figure rules and the outline both use it.

use crate::text::TextRange;

/// The value of a Chinese digit character, including the formal and variant forms news uses.
pub fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' | '○' | 'Ｏ' => 0,
        '一' | '壹' => 1,
        '二' | '兩' | '两' | '貳' | '贰' => 2,
        '三' | '參' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陸' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a Chinese unit character (十, 百, 千, 萬, 億) or a tens shorthand (廿 20, 卅 30).
fn chinese_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1_000,
        '萬' | '万' => 10_000,
        '億' | '亿' => 100_000_000,
        _ => return None,
    })
}

/// True for the characters a Chinese numeral is made of.
pub fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_unit(c).is_some() || matches!(c, '廿' | '卅')
}

/// The value of an ASCII or full-width digit.
pub fn arabic_digit(c: char) -> Option<u64> {
    match c {
        '0'..='9' => Some(c as u64 - '0' as u64),
        '０'..='９' => Some(c as u64 - '０' as u64),
        _ => None,
    }
}

/// Parses a whole string as an integer; `None` unless every character is part of it.
///
/// Accepts Arabic digits with `,` thousands separators, Chinese numerals with units
/// (`三十一`, `一百零五`, `兩萬三千`), digit-by-digit Chinese (`二〇二四`), `廿`/`卅`, and Arabic
/// digits followed by Chinese large units (`4萬`, `1万1516`).
pub fn parse_integer(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    if text.chars().all(|c| arabic_digit(c).is_some() || c == ',' || c == '，') {
        return parse_arabic(text);
    }
    parse_mixed(text)
}

fn parse_arabic(text: &str) -> Option<u64> {
    let mut value: u64 = 0;
    let mut digits = 0;
    for c in text.chars() {
        if let Some(d) = arabic_digit(c) {
            value = value.checked_mul(10)?.checked_add(d)?;
            digits += 1;
        }
    }
    (digits > 0).then_some(value)
}

/// Chinese numerals, possibly with Arabic digit groups before units (`1万1516`).
fn parse_mixed(text: &str) -> Option<u64> {
    let chars: Vec<char> = text.chars().collect();
    // Digit-by-digit form (二〇二四, 一九四九): only digits, no units, more than one digit.
    if chars.len() > 1 && chars.iter().all(|&c| chinese_digit(c).is_some() && c != '兩' && c != '两') {
        return chars.iter().try_fold(0u64, |acc, &c| acc.checked_mul(10)?.checked_add(chinese_digit(c)?));
    }
    let mut total: u64 = 0; // completed 億 and 萬 groups
    let mut section: u64 = 0; // the part below the current large unit
    let mut number: Option<u64> = None; // the pending digit(s)
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = arabic_digit(c) {
            let mut value = d;
            while let Some(d) = chars.get(i + 1).and_then(|&c| arabic_digit(c)) {
                value = value.checked_mul(10)?.checked_add(d)?;
                i += 1;
            }
            if number.is_some() {
                return None;
            }
            number = Some(value);
        } else if let Some(d) = chinese_digit(c) {
            if d == 0 {
                number = None; // 一百零五: the zero only marks a gap
            } else {
                if number.is_some() {
                    return None;
                }
                number = Some(d);
            }
        } else if c == '廿' || c == '卅' {
            if number.is_some() {
                return None;
            }
            section = section.checked_add(if c == '廿' { 20 } else { 30 })?;
        } else if let Some(unit) = chinese_unit(c) {
            if unit >= 10_000 {
                let group = section.checked_add(number.take().unwrap_or(0))?;
                let group = if group == 0 && total == 0 { 1 } else { group };
                if unit == 100_000_000 {
                    total = total.checked_add(group)?.checked_mul(unit)?;
                } else {
                    total = total.checked_add(group.checked_mul(unit)?)?;
                }
                section = 0;
            } else {
                // 十 alone means ten; 二十 twenty.
                let digit = number.take().unwrap_or(1);
                section = section.checked_add(digit.checked_mul(unit)?)?;
            }
        } else {
            return None;
        }
        i += 1;
    }
    total.checked_add(section)?.checked_add(number.unwrap_or(0))
}

/// How an ordinal marker is written; markers of different styles number different levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkerStyle {
    /// `一、`
    ChineseComma,
    /// `（一）` or `(一)`
    ChineseParen,
    /// `1.`, `1、`, `1．`
    ArabicDot,
    /// `（1）` or `(1)`
    ArabicParen,
    /// `第一部分`, `第三章`, `第二個亮點`: `第` + numeral + a counter noun (kept in `noun`).
    Di,
    /// `第一，` or `第二、`: `第` + numeral + a comma, the bare ordinals of a speech's points.
    DiComma,
    /// `亮點1、`, `重點二：`, `步驟3．`: a short label + numeral + punctuation (the label is kept
    /// in `noun`).
    Labelled,
}

/// A marker that opens a numbered line, such as the `二、` of `二、推動全球治理`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrdinalMarker {
    pub style: MarkerStyle,
    pub value: u64,
    /// The marker itself, punctuation included, relative to the start of the text given.
    pub range: TextRange,
    /// For [`MarkerStyle::Di`], the counter noun (`部分`, `章`, `個亮點`); empty otherwise.
    pub noun: String,
}

/// The counter nouns of `第X…` headings, longest first.
const DI_NOUNS: &[&str] = &[
    "個亮點",
    "个亮点",
    "部分",
    "部份",
    "章",
    "節",
    "节",
    "篇",
    "講",
    "讲",
    "條",
    "条",
    "點",
    "点",
    "項",
    "项",
    "季",
    "集",
    "期",
];

/// The ordinal marker at the start of `line` (after leading spaces and Markdown `#`/`*`), if any.
pub fn leading_marker(line: &str) -> Option<OrdinalMarker> {
    let skipped = line.len() - line.trim_start_matches([' ', '\u{3000}', '\t', '#', '*']).len();
    let rest = &line[skipped..];
    let at = |len: usize| TextRange::new(skipped, skipped + len);
    let numeral_len = |s: &str, chinese: bool| -> usize {
        s.char_indices()
            .find(|&(_, c)| if chinese { !is_chinese_numeral_char(c) } else { arabic_digit(c).is_none() })
            .map_or(s.len(), |(i, _)| i)
    };
    // （一） (一) （1） (1)
    if let Some(open) = rest.chars().next().filter(|c| matches!(c, '（' | '(')) {
        let inner = &rest[open.len_utf8()..];
        for chinese in [true, false] {
            let len = numeral_len(inner, chinese);
            let close = inner[len..].chars().next();
            if len > 0 && matches!(close, Some('）' | ')')) {
                let value = parse_integer(&inner[..len])?;
                let style = if chinese { MarkerStyle::ChineseParen } else { MarkerStyle::ArabicParen };
                let total = open.len_utf8() + len + close.map_or(0, char::len_utf8);
                return Some(OrdinalMarker { style, value, range: at(total), noun: String::new() });
            }
        }
        return None;
    }
    // 第X部分
    if let Some(after) = rest.strip_prefix('第') {
        let len = numeral_len(after, true).max(numeral_len(after, false));
        if let Some(comma) = after[len..].chars().next().filter(|c| matches!(c, '，' | '、' | ',')) {
            let value = parse_integer(&after[..len])?;
            let total = '第'.len_utf8() + len + comma.len_utf8();
            return Some(OrdinalMarker { style: MarkerStyle::DiComma, value, range: at(total), noun: String::new() });
        }
        let noun = DI_NOUNS.iter().find(|noun| after[len..].starts_with(**noun))?;
        let value = parse_integer(&after[..len])?;
        let total = '第'.len_utf8() + len + noun.len();
        return Some(OrdinalMarker { style: MarkerStyle::Di, value, range: at(total), noun: (*noun).to_owned() });
    }
    // 亮點1、 重點二： (not 今年1、2月)
    let label_chars: Vec<char> =
        rest.chars().take_while(|&c| crate::text::is_han(c) && !is_chinese_numeral_char(c)).take(5).collect();
    let label: usize = label_chars.iter().map(|c| c.len_utf8()).sum();
    if (1..=4).contains(&label_chars.len())
        && rest[label..].chars().next().is_some_and(|c| c.is_ascii_digit() || is_chinese_numeral_char(c))
    {
        let after = &rest[label..];
        for chinese in [false, true] {
            let len = numeral_len(after, chinese);
            if len == 0 || (!chinese && len > 2) {
                continue;
            }
            let Some(punct) = after[len..].chars().next().filter(|c| matches!(c, '、' | '：' | ':' | '．')) else {
                continue;
            };
            let next = after[len + punct.len_utf8()..].chars().next();
            if next.is_none_or(|c| c.is_ascii_digit() || is_chinese_numeral_char(c)) {
                return None;
            }
            let value = parse_integer(&after[..len])?;
            return Some(OrdinalMarker {
                style: MarkerStyle::Labelled,
                value,
                range: at(label + len + punct.len_utf8()),
                noun: rest[..label].to_owned(),
            });
        }
    }
    // 一、
    let len = numeral_len(rest, true);
    if len > 0 && rest[len..].starts_with('、') {
        let value = parse_integer(&rest[..len])?;
        return Some(OrdinalMarker {
            style: MarkerStyle::ChineseComma,
            value,
            range: at(len + '、'.len_utf8()),
            noun: String::new(),
        });
    }
    // 1. 1、 1．  (not 1.5, not 2024.)
    let len = numeral_len(rest, false);
    if (1..=3).contains(&len) {
        let after = &rest[len..];
        let punct = after.chars().next().filter(|c| matches!(c, '.' | '、' | '．'))?;
        let next = after[punct.len_utf8()..].chars().next();
        if next.is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let value = parse_integer(&rest[..len])?;
        return Some(OrdinalMarker {
            style: MarkerStyle::ArabicDot,
            value,
            range: at(len + punct.len_utf8()),
            noun: String::new(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_markers() {
        fn marker(line: &str) -> Option<(MarkerStyle, u64, String, &str)> {
            leading_marker(line).map(|m| (m.style, m.value, m.noun, &line[m.range.as_range()]))
        }
        assert_eq!(marker("亮點2、長達一整天的續航力"), Some((MarkerStyle::Labelled, 2, "亮點".to_owned(), "亮點2、")));
        assert_eq!(marker("重点三：降低成本"), Some((MarkerStyle::Labelled, 3, "重点".to_owned(), "重点三：")));
        // Months, dates and lists of numbers are not markers.
        assert_eq!(marker("今年1、2月出口增長"), None);
        assert_eq!(marker("北京時間2：30"), None);
        assert_eq!(marker("習近平主席今天出訪"), None);
    }

    #[test]
    fn integers_in_every_notation() {
        let cases = [
            ("18,000", 18_000),
            ("２０２４", 2024),
            ("三十一", 31),
            ("十", 10),
            ("十九", 19),
            ("二十", 20),
            ("一百零五", 105),
            ("兩萬三千", 23_000),
            ("4萬", 40_000),
            ("1万1516", 11_516),
            ("400萬", 4_000_000),
            ("三億", 300_000_000),
            ("十億", 1_000_000_000),
            ("一億二千萬", 120_000_000),
            ("二〇一二", 2012),
            ("二○二四", 2024),
            ("廿四", 24),
            ("卅一", 31),
            ("兩", 2),
            ("零", 0),
            ("萬", 10_000),
        ];
        for (text, value) in cases {
            assert_eq!(parse_integer(text), Some(value), "{text}");
        }
    }

    #[test]
    fn non_numerals_are_rejected() {
        for text in ["", "三A", "十一五五", "1.5", "一二三四五六七八九十百千", "亿亿亿亿亿"] {
            assert_eq!(parse_integer(text), None, "{text}");
        }
        assert_eq!(parse_integer("99999999999999999999999"), None);
    }

    fn marker(line: &str) -> Option<(MarkerStyle, u64, String)> {
        leading_marker(line).map(|m| (m.style, m.value, format!("{}{}", &line[m.range.as_range()], m.noun.len())))
    }

    #[test]
    fn section_markers() {
        use MarkerStyle::*;
        assert_eq!(marker("## 一、引領亞太開放合作"), Some((ChineseComma, 1, "一、0".into())));
        assert_eq!(marker("十二、結語"), Some((ChineseComma, 12, "十二、0".into())));
        assert_eq!(marker("（三）推動綠色發展"), Some((ChineseParen, 3, "（三）0".into())));
        assert_eq!(marker("(2) 深化合作"), Some((ArabicParen, 2, "(2)0".into())));
        assert_eq!(marker("3. 數字經濟"), Some((ArabicDot, 3, "3.0".into())));
        assert_eq!(marker("4、綠色轉型"), Some((ArabicDot, 4, "4、0".into())));
        assert_eq!(marker("第一部分 總則"), Some((Di, 1, "第一部分6".into())));
        assert_eq!(marker("第二個亮點是，"), Some((Di, 2, "第二個亮點9".into())));
        assert_eq!(marker("第3章"), Some((Di, 3, "第3章3".into())));
        assert_eq!(marker("第一，在合作與對抗之間"), Some((DiComma, 1, "第一，0".into())));
        assert_eq!(marker("第十二、结语"), Some((DiComma, 12, "第十二、0".into())));
    }

    #[test]
    fn things_that_are_not_markers() {
        for line in [
            "2024年11月13日",
            "1.5萬人",
            "2024.11",
            "一是堅持開放",
            "第一次會議",
            "(注) 本文",
            "一個國家",
            "12345. x",
            "第，",
            "第一天，",
        ] {
            assert_eq!(marker(line), None, "{line}");
        }
    }
}
