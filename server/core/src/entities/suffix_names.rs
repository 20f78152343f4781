//! Organisations the LAC model cuts into words: a place or an organisation it found, followed by
//! the words of a unit's name that end in a generic word for a body (虹口区 | 拆迁 指挥 中心,
//! 北京交通大学 | 市政 环境 工程系, 中国 | 民主 转型 研究所, 新界 北 总区 重案组). The model tags the
//! first word `LOC` or `ORG` and the rest as common nouns, so [`super::model_names`] alone
//! would gloss 虹口区 and leave the centre unmarked.
//!
//! The signal is the shape only: a proper name the model found, then at most
//! [`MAX_WORDS_AFTER`] nominal words (nouns, verbal and adjectival nouns, adjectives, a
//! direction, 与 or 及 between two of them), the last of which ends in one of [`BODY_ENDINGS`].
//! A generic unit with no proper name before it (警方重案组, 专责工作组) is not a name and stays
//! unmarked, unless the text sets it in quotation marks as a name (「调查及规管工作组」, see
//! [`quoted_body`]).

use crate::text::TextRange;

use super::lac::Word;

/// Words a body's name ends in: offices, bureaux, units, institutes, schools, hospitals,
/// companies, associations.
const BODY_ENDINGS: &[&str] = &[
    "中心",
    "医院",
    "研究所",
    "研究院",
    "实验室",
    "委员会",
    "基金会",
    "协会",
    "学会",
    "商会",
    "工会",
    "联合会",
    "工作组",
    "关注组",
    "重案组",
    "小组",
    "法团",
    "局",
    "处",
    "署",
    "厅",
    "司",
    "系",
    "学院",
    "大学",
    "中学",
    "小学",
    "公司",
    "集团",
    "银行",
    "办公室",
    "指挥部",
];

/// True when `word` ends in a body's generic word. A one-character one (局, 系, 司) must be the
/// whole word (评估 | 司) or end one of three or more characters (环保厅, 工程系): two-character
/// words that end in one are mostly common words (格局, 布局, 关系, 上司, 签署, 当局).
fn ends_in_body(word: &str) -> bool {
    BODY_ENDINGS.iter().any(|ending| {
        word.ends_with(ending) && (ending.chars().count() > 1 || word == *ending || word.chars().count() >= 3)
    })
}

/// How many words a body's name in quotation marks may have: 「紧急 支援 及 募捐 工作组」 has five.
const MAX_QUOTED_WORDS: usize = 6;

/// A body's name set in quotation marks (in lookup form, 「…」), the way news introduces a
/// working group or a concern group it names for the first time: 「调查及规管工作组」. The
/// marks hold nothing but nominal words (and 与 or 及), the last ending in a body's word. The
/// name's range and the index of the word after the closing mark.
fn quoted_body(text: &str, words: &[Word], open: usize) -> Option<(TextRange, usize)> {
    if &text[words[open].range.as_range()] != "「" {
        return None;
    }
    let close =
        (open + 1..words.len().min(open + MAX_QUOTED_WORDS + 2)).find(|&j| &text[words[j].range.as_range()] == "」")?;
    let inside = &words[open + 1..close];
    let (last, _) = inside.split_last()?;
    let nominal = inside.iter().all(|word| {
        let joins = word.tag == "c" && matches!(&text[word.range.as_range()], "与" | "及");
        joins || is_nominal(word.tag) || matches!(word.tag, "LOC" | "ORG")
    });
    let name = TextRange::new(inside[0].range.start, last.range.end);
    let long_enough = text[name.as_range()].chars().count() >= 4;
    (nominal && long_enough && ends_in_body(&text[last.range.as_range()])).then_some((name, close + 1))
}

/// How many words may follow the proper name: 中国 | 民主 转型 研究所 has three.
const MAX_WORDS_AFTER: usize = 4;

/// True for words that point at no place or body in particular (全市, 各地, 本省, 当地, 该院),
/// tagged as places or nouns: 北京市全市中小学 and 湖北各地医院 are no bodies' names.
fn is_deictic(word: &str) -> bool {
    word.starts_with(['全', '各', '本', '当', '该', '此', '多', '两'])
}

/// Tags of the words a body's name is made of after its proper name.
fn is_nominal(tag: &str) -> bool {
    matches!(tag, "n" | "nz" | "vn" | "an" | "a" | "f" | "ns" | "nt")
}

/// The ranges (in the text the words were read from) of organisations that begin with a word
/// the model tagged `LOC` or `ORG` and end, a few nominal words later, in a body's generic
/// word. `text` is the text `words` cover.
pub fn body_names(text: &str, words: &[Word]) -> Vec<TextRange> {
    let mut names = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((name, next)) = quoted_body(text, words, i) {
            names.push(name);
            i = next;
            continue;
        }
        if !matches!(words[i].tag, "LOC" | "ORG") || is_deictic(&text[words[i].range.as_range()]) {
            i += 1;
            continue;
        }
        let mut end = None;
        let mut j = i + 1;
        while j < words.len() && j - i <= MAX_WORDS_AFTER {
            let word = words[j];
            // Words run on: no gap between them (a space or a bracket ends the name).
            if word.range.start != words[j - 1].range.end {
                break;
            }
            let joins = word.tag == "c" && matches!(&text[word.range.as_range()], "与" | "及");
            if !is_nominal(word.tag) && !joins || is_deictic(&text[word.range.as_range()]) {
                break;
            }
            if !joins && ends_in_body(&text[word.range.as_range()]) {
                end = Some(j);
            }
            j += 1;
        }
        match end {
            Some(end) => {
                names.push(TextRange::new(words[i].range.start, words[end].range.end));
                i = end + 1;
            }
            None => i += 1,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(spec: &str) -> (String, Vec<Word>) {
        let mut text = String::new();
        let mut words = Vec::new();
        for token in spec.split(' ') {
            let (word, tag) = token.split_once('/').unwrap();
            let start = text.len();
            text.push_str(word);
            let tag: &'static str = Box::leak(tag.to_owned().into_boxed_str());
            words.push(Word { range: TextRange::new(start, text.len()), tag });
        }
        (text, words)
    }

    fn names(spec: &str) -> Vec<String> {
        let (text, words) = words(spec);
        body_names(&text, &words).into_iter().map(|range| text[range.as_range()].to_owned()).collect()
    }

    #[test]
    fn a_proper_name_then_nominal_words_ending_in_a_body() {
        assert_eq!(names("虹口区/LOC 拆迁/vn 指挥/n 中心/n 回复/v"), ["虹口区拆迁指挥中心"]);
        assert_eq!(names("长江/LOC 水利/n 委员会/n 表示/v"), ["长江水利委员会"]);
        assert_eq!(names("江苏省/ORG 原/a 环保厅/n 延长/v"), ["江苏省原环保厅"]);
        assert_eq!(names("卫健委/ORG 监测/vn 与/c 评估/vn 司/n 指出/v"), ["卫健委监测与评估司"]);
    }

    #[test]
    fn a_body_in_quotation_marks() {
        assert_eq!(names("由/p 「/w 紧急/a 支援/vn 及/c 募捐/vn 工作组/n 」/w 负责/v"), ["紧急支援及募捐工作组"]);
        assert_eq!(names("「/w 香港竹棚业/LOC 持续/vd 发展/v 关注/vn 组/n 」/w"), Vec::<String>::new());
        assert!(names("「/w 工作组/n 」/w").is_empty());
        assert!(names("「/w 我们/r 的/u 中心/n 」/w").is_empty());
    }

    #[test]
    fn no_proper_name_a_verb_or_no_body_ending_is_no_name() {
        assert!(names("警方/n 重案组/n 拘捕/v").is_empty());
        assert!(names("上海/LOC 发布/v 中心/n").is_empty());
        assert!(names("广州/LOC 公共/a 资源/n 交易/vn 平台/n").is_empty());
        assert!(names("北京/LOC 的/u 医院/n").is_empty());
        // Common words that end in a one-character body word.
        assert!(names("中美/LOC 关系/n 缓和/v").is_empty());
        assert!(names("华为/ORG 全球/n 布局/vn 调整/v").is_empty());
        // Places that point at no place in particular.
        assert!(names("全市/LOC 中小学/n 停课/v").is_empty());
        assert!(names("各地/LOC 医院/n 收治/v").is_empty());
        assert!(names("湖北/LOC 各地/n 医院/n 收治/v").is_empty());
        // More than four words after the name: too long to tell from a sentence.
        assert!(names("国家卫健委/ORG 食品/n 安全/an 标准/n 与/c 监测/vn 评估/vn 司/n").is_empty());
    }
}
