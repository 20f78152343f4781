//! News outlets named by their title in 《》, the way Chinese-language news cites a paper, a
//! magazine, a programme or a web outlet: 《星島頭條》記者到現場, 據《新京報》報道, 《法庭線》
//! 翻查資料, 接受《中國新聞周刊》專訪. A title is an outlet when one of its occurrences stands
//! right before a word only a newsroom does (記者, 報道, 翻查, 獲悉, 專訪) or inside 接受…訪問;
//! then every occurrence of it in the document is. Titles of laws, plans and reports (《食品安全
//! 法》, 《總體發展規劃》) are never outlets, and a title with no such word beside it (a book,
//! a film, a law cited by name) stays unmarked.

use crate::text::TextRange;

use super::normalise::normalise;

/// Words right after a title that make it a newsroom (in lookup form).
const NEWSROOM_WORDS_AFTER: &[&str] = &["记者", "报道", "报导", "翻查", "查阅", "获悉", "专访", "编辑部"];

/// A title between 接受 and one of these is an outlet interviewing someone.
const INTERVIEW_WORDS: &[&str] = &["访问", "采访", "专访"];

/// How a title of a document, a law or a plan ends (in lookup form).
const DOCUMENT_ENDINGS: &[&str] = &[
    "法",
    "条例",
    "规定",
    "办法",
    "规划",
    "通知",
    "意见",
    "决定",
    "报告",
    "公约",
    "协议",
    "纲要",
    "白皮书",
    "条约",
    "指引",
    "指南",
    "计划",
    "方案",
    "决议",
    "声明",
];

/// The longest title taken for an outlet's name, in characters.
const MAX_TITLE_CHARS: usize = 12;

/// The ranges of every title in 《》 (the name inside the marks) that the document shows to be a
/// news outlet somewhere, in text order.
pub fn outlet_titles(text: &str) -> Vec<TextRange> {
    let titles: Vec<(TextRange, String)> = titles(text).collect();
    let outlets: std::collections::HashSet<&str> =
        titles.iter().filter(|(range, _)| cited_as_newsroom(text, *range)).map(|(_, key)| key.as_str()).collect();
    titles.iter().filter(|(_, key)| outlets.contains(key.as_str())).map(|(range, _)| *range).collect()
}

/// Every title in 《》 that could name an outlet, with its lookup form.
fn titles(text: &str) -> impl Iterator<Item = (TextRange, String)> + '_ {
    text.match_indices('《').filter_map(move |(open, mark)| {
        let start = open + mark.len();
        // Only as far as the longest title (a 《 left open must not make a scan to the end).
        let (close, _) = text[start..].char_indices().take(MAX_TITLE_CHARS + 1).find(|&(_, c)| c == '》')?;
        let close = start + close;
        let title = &text[start..close];
        let chars = title.chars().count();
        let plain = title.chars().all(|c| c.is_alphanumeric() && !c.is_whitespace());
        let key = normalise(title);
        let document = DOCUMENT_ENDINGS.iter().any(|ending| key.ends_with(ending));
        ((2..=MAX_TITLE_CHARS).contains(&chars) && plain && !document).then(|| (TextRange::new(start, close), key))
    })
}

/// True when the title at `range` stands before a newsroom's word or inside 接受…访问.
fn cited_as_newsroom(text: &str, range: TextRange) -> bool {
    let after: String = text[range.end..].chars().skip(1).take(3).collect();
    let after = normalise(&after);
    let before: String = {
        let chars: Vec<char> = text[..range.start].chars().rev().skip(1).take(2).collect();
        normalise(&chars.into_iter().rev().collect::<String>())
    };
    NEWSROOM_WORDS_AFTER.iter().any(|word| after.starts_with(word))
        || before == "接受" && INTERVIEW_WORDS.iter().any(|word| after.starts_with(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlets(text: &str) -> Vec<&str> {
        outlet_titles(text).into_iter().map(|range| &text[range.as_range()]).collect()
    }

    #[test]
    fn a_title_before_a_newsrooms_word_is_an_outlet_everywhere_in_the_document() {
        assert_eq!(outlets("《南海晚報》昨日刊出評論。《南海晚報》記者到場採訪。"), ["南海晚報", "南海晚報"]);
        assert_eq!(outlets("据《江城观察》报道，工程已经停工。"), ["江城观察"]);
        assert_eq!(outlets("他接受《港島週刊》專訪時表示支持。"), ["港島週刊"]);
        assert_eq!(outlets("《事實台》翻查資料發現，公司曾被罰款。"), ["事實台"]);
    }

    #[test]
    fn laws_plans_books_and_titles_with_no_newsrooms_word_are_not() {
        assert!(outlets("依據《食品安全法》規定，企業須召回產品。").is_empty());
        assert!(outlets("《城市總體發展規劃》報告指出，人口將增加。").is_empty());
        assert!(outlets("她最近在讀《紅樓夢》，也看了《流浪地球》。").is_empty());
        assert!(outlets("《》記者").is_empty());
        assert!(outlets("《一本書名很長很長很長很長很長的書》記者").is_empty());
    }
}
