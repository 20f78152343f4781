//! People named in a byline or a credit line, the way every Chinese-language outlet credits its
//! writers: a line of its own (作者：储百亮, 编辑丨菠菜, 记者 苑苏文 包志明) or a bracket after the
//! dateline (（记者 王小明、李华）, 【财新网】（记者 苑苏文 实习记者 黄雨馨）). Pen names
//! (脱落酸, 菠菜) are words to a dictionary and to the model; in a credit they are people.
//!
//! The signal is the credit's shape, all of it: a role word ([`ROLES`]) at the start of a line
//! or right after an opening bracket (or after the outlet the writer works for, 新京报记者), then
//! nothing but names of two to four Han characters, separators, outlets and more roles, to the
//! end of the line or the closing bracket (and at most one closing word, 报道 or 摄). A line or a bracket with anything else in it (记者从医院了解到, a
//! sentence, a figure) is not a credit, and none of its words is taken.

use crate::text::{TextRange, is_han};

use super::normalise::normalise;

/// Words that credit a person, in lookup form, longest first where one begins another.
const ROLES: &[&str] = &[
    "实习记者",
    "特约记者",
    "见习记者",
    "首席记者",
    "记者",
    "通讯员",
    "实习生",
    "责任编辑",
    "编辑",
    "责编",
    "编审",
    "审校",
    "校对",
    "作者",
    "撰文",
    "采写",
    "摄影",
    "摄像",
    "翻译",
    "编译",
    "整理",
    "主笔",
    "监制",
    "制图",
    "文",
];

/// Words a credit may end with: 报道 in （记者 王小明 报道）, 摄 after a photographer.
const CLOSING_WORDS: &[&str] = &["报道", "摄", "综合报道"];

/// Characters between the role and the names, and between names.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\t' | '：' | ':' | '丨' | '︱' | '|' | '｜' | '/' | '、' | '，' | ',')
}

/// The longest credit in brackets, in characters: five people with their roles.
const MAX_BRACKET_CHARS: usize = 60;

/// The ranges of the people a document's credits name, in text order.
pub fn byline_names(text: &str) -> Vec<TextRange> {
    let mut names = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let opening = body.len() - body.trim_start().len();
        names.extend(credit(text, line_start + opening, line_start + body.len(), false));
        for (at, c) in body.char_indices().filter(|&(_, c)| matches!(c, '（' | '(')) {
            let start = line_start + at + c.len_utf8();
            // Only as far as the longest credit: a bracket left open must not make a scan to the
            // end of the line for every bracket on it.
            let window = text[start..line_start + body.len()].char_indices().take(MAX_BRACKET_CHARS + 1);
            let close = window.filter(|&(_, c)| matches!(c, '）' | ')')).map(|(end, _)| start + end).next();
            if let Some(close) = close {
                names.extend(credit(text, start, close, true));
            }
        }
        line_start += line.len();
    }
    names
}

/// The names of the credit `text[start..end]`, or none when it is not wholly a credit. A role
/// needs a separator after it, but for a role of two characters or more inside brackets
/// (（记者王小明）): at a line's start 记者表示 is a sentence, and 文 begins many words.
fn credit(text: &str, start: usize, end: usize, in_brackets: bool) -> Vec<TextRange> {
    let span = &text[start..end];
    let key = normalise(span);
    // Lookup forms keep one character for each character written.
    let written: Vec<(usize, char)> = span.char_indices().collect();
    let chars: Vec<char> = key.chars().collect();
    if chars.len() != written.len() {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut i = 0;
    let mut after_role = false;
    while i < chars.len() {
        if is_separator(chars[i]) {
            i += 1;
            continue;
        }
        if let Some(len) = role_at(&chars, i) {
            i += len;
            let separated = chars.get(i).is_none_or(|&c| is_separator(c));
            if !separated && (!in_brackets || len == 1) {
                return Vec::new();
            }
            after_role = true;
            continue;
        }
        // A word runs to a separator, or to a role of two characters or more (a name may end
        // in 文, 苑苏文).
        let mut j = i;
        while j < chars.len()
            && !is_separator(chars[j])
            && is_han(chars[j])
            && (j == i || long_role_at(&chars, j).is_none())
        {
            j += 1;
        }
        let word: String = chars[i..j].iter().collect();
        if j < chars.len() && !is_separator(chars[j]) {
            // A word right before a role is the outlet or the desk the person writes for
            // (南方周末记者, 新京报实习生), not a name.
            if long_role_at(&chars, j).is_some() && (2..=8).contains(&(j - i)) {
                i = j;
                continue;
            }
            return Vec::new();
        }
        if CLOSING_WORDS.contains(&word.as_str()) && chars[j..].iter().all(|&c| is_separator(c)) {
            break;
        }
        // Where the writer files from ends the credit (记者 王小明 发自上海).
        if word.starts_with("发自") && after_role {
            break;
        }
        if !after_role || !(2..=4).contains(&(j - i)) {
            return Vec::new();
        }
        let from = start + written[i].0;
        let to = start + written.get(j).map_or(span.len(), |&(at, _)| at);
        names.push(TextRange::new(from, to));
        i = j;
    }
    names
}

/// [`role_at`] for roles of two characters or more.
fn long_role_at(chars: &[char], at: usize) -> Option<usize> {
    role_at(chars, at).filter(|&len| len >= 2)
}

/// The length in characters of the role word at `chars[at..]`, if one begins there.
fn role_at(chars: &[char], at: usize) -> Option<usize> {
    ROLES.iter().find_map(|role| {
        let len = role.chars().count();
        let here = chars.get(at..at + len)?;
        here.iter().copied().eq(role.chars()).then_some(len)
    })
}

/// A name with no Chinese surname read as one word of Hanyu Pinyin (脱落酸 → Tuoluosuan), the
/// way a pen name is romanised.
pub fn pen_name(key: &str) -> Option<String> {
    use pinyin::ToPinyin;
    let syllables: Vec<&str> = key.chars().map(|c| c.to_pinyin().map(|p| p.plain())).collect::<Option<_>>()?;
    let mut word = String::new();
    for (n, syllable) in syllables.iter().enumerate() {
        if n > 0 && syllable.starts_with(['a', 'e', 'o']) {
            word.push('\'');
        }
        word.push_str(syllable);
    }
    let mut chars = word.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        byline_names(text).into_iter().map(|range| &text[range.as_range()]).collect()
    }

    #[test]
    fn credit_lines_and_brackets_name_people() {
        assert_eq!(names("作者：林晓\n编辑丨青椒\n"), ["林晓", "青椒"]);
        assert_eq!(names("文 |周平\n记者 王小明 李华\n"), ["周平", "王小明", "李华"]);
        assert_eq!(names("新华社北京6月2日电（记者王小明、李华）国务院……"), ["王小明", "李华"]);
        assert_eq!(names("【本报讯】（记者 陈一鸣 实习记者 黄佳）王女士说"), ["陈一鸣", "黄佳"]);
        assert_eq!(names("（記者 陳一鳴 報道）"), ["陳一鳴"]);
        assert_eq!(names("作者︱春雨 秋风 王动\n"), ["春雨", "秋风", "王动"]);
        // A name that ends in a one-character role; the outlet before a role.
        assert_eq!(names("记者 苑苏文 包志明\n"), ["苑苏文", "包志明"]);
        assert_eq!(names("作者：南方周末记者 崔慧莹 南方周末实习生 郑洁\n"), ["崔慧莹", "郑洁"]);
        assert_eq!(names("新京报记者 庞礴 实习生 郑洁\n"), ["庞礴", "郑洁"]);
        assert_eq!(names("记者 王小明 发自上海\n"), ["王小明"]);
    }

    #[test]
    fn sentences_are_no_credits() {
        assert!(names("记者从医院了解到，伤者已脱离危险。").is_empty());
        assert!(names("编辑部决定停刊。").is_empty());
        assert!(names("（记者12日从市卫健委获悉）").is_empty());
        assert!(names("作者认为这本书很好").is_empty());
        assert!(names("（文化部门）").is_empty());
        assert!(names("记者表示同意\n").is_empty());
        assert!(names("财新记者拨通了酒店的电话。\n").is_empty());
        assert!(names("新京报\n").is_empty());
        // A name too long for a person.
        assert!(names("作者：网易科学人栏目组\n").is_empty());
    }

    #[test]
    fn pen_names_read_as_one_word() {
        assert_eq!(pen_name("脱落酸").as_deref(), Some("Tuoluosuan"));
        assert_eq!(pen_name("菠菜").as_deref(), Some("Bocai"));
        assert_eq!(pen_name("西安").as_deref(), Some("Xi'an"));
    }
}
