//! The story's own date, where news puts it: a web page's time stamp (`發佈時間：2025/11/28
//! 13:48`, `2017-03-10 09:58　来源：`), an edition or update line (`更新时间 2012年12月10日`),
//! a dateline with its year (`(2024 年 1 月 9 日，北京)`) in the lines above the body, or the
//! ROC date code that ends a CNA story (`1120823` is 2023-08-23).

use std::sync::OnceLock;

use jiff::civil::Date;
use regex::Regex;

use crate::document::Document;

/// How many non-blank lines from the top hold a story's header: headline, kicker, byline,
/// time stamp and dateline come before the body's second paragraph.
const HEADER_LINES: usize = 6;

/// How many non-blank lines at the end may hold a CNA date code.
const FOOTER_LINES: usize = 3;

/// The first complete date (year, month and day) in the header lines, numeric or Chinese.
pub fn header_date(document: &Document) -> Option<Date> {
    static DATE: OnceLock<Regex> = OnceLock::new();
    let date = DATE.get_or_init(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2}) ?[-/.年] ?([0-9]{1,2}) ?[-/.月] ?([0-9]{1,2})(?:[^0-9]|$)")
            .expect("valid date pattern")
    });
    lines(document).take(HEADER_LINES).find_map(|line| {
        date.captures_iter(line).find_map(|c| {
            let number = |i: usize| c.get(i)?.as_str().parse::<i16>().ok();
            Date::new(number(1)?, i8::try_from(number(2)?).ok()?, i8::try_from(number(3)?).ok()?).ok()
        })
    })
}

/// The date of a CNA date code standing alone on one of the last lines (`1120823`: ROC year
/// 112, that is 2023, August 23).
pub fn roc_code_date(document: &Document) -> Option<Date> {
    let count = document.lines().line_count();
    let last = (0..count).rev().map(|line| document.line_text(line)).filter(|line| !line.trim().is_empty());
    last.take(FOOTER_LINES).find_map(|line| {
        let code = line.trim();
        if code.len() != 7 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i16 = code[..3].parse().ok()?;
        Date::new(year + 1911, code[3..5].parse().ok()?, code[5..].parse().ok()?).ok()
    })
}

fn lines(document: &Document) -> impl Iterator<Item = &str> {
    (0..document.lines().line_count()).map(|line| document.line_text(line)).filter(|line| !line.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Option<String> {
        header_date(&Document::new(text)).map(|d| d.to_string())
    }

    #[test]
    fn stamps_and_datelines_in_the_header() {
        assert_eq!(header("香港大火\n作者 香港01\n發佈時間：2025/11/28 13:48\n正文。").as_deref(), Some("2025-11-28"));
        assert_eq!(header("宇航员\n2017-03-10 09:58\u{3000}来源：光明网\n正文。").as_deref(), Some("2017-03-10"));
        assert_eq!(header("标题\n更新时间 2012年12月10日, 格林尼治标准时间\n正文。").as_deref(), Some("2012-12-10"));
        assert_eq!(header("(2024 年 1 月 9 日，北京)\n正文。").as_deref(), Some("2024-01-09"));
        // Not a date: a model number, a phone number, an invalid day.
        assert_eq!(header("型號 2025-1188-77\n電話 2012.13.45\n2023/02/30"), None);
        // Below the header lines a date is the story's, not the page's.
        assert_eq!(header("一\n二\n三\n四\n五\n六\n2024年1月9日"), None);
    }

    #[test]
    fn cna_date_codes() {
        let date = roc_code_date(&Document::new("（中央社記者台北23日電）正文。\n（編輯：王）\n1120823\n"));
        assert_eq!(date.map(|d| d.to_string()).as_deref(), Some("2023-08-23"));
        assert_eq!(roc_code_date(&Document::new("正文。\n1121399\n")), None);
    }
}
