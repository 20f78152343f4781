//! The inputs every benchmark measures, built in one place: the divan benches of zhnews-core
//! and zhnews-lsp call these functions, and `bench/run.sh` writes the same texts to files with
//! the `bench-inputs` binary, so a 25 KB or 1 MB figure means the same text everywhere.
//!
//! The texts come from the shared corpus (`$ZHNEWS_CORPUS`, else `../shared/corpus` beside the
//! checkout); without one, from [`SYNTHETIC`], so the benches still run.

use std::path::{Path, PathBuf};

/// A short Traditional report with figures, enumerations and names: the stand-in when no
/// corpus is at hand.
pub const SYNTHETIC: &str = "【本報訊】政府統計處昨日公布，本港今年第三季本地生產總值按年實質增長百分之二點一，\
較上季的百分之三點一放緩。財政司司長陳茂波表示，出口表現仍然穩健，但環球經濟前景不明朗。\n\n\
據統計處資料，第三季整體貨物出口按年上升百分之五點五，服務輸出則上升百分之三點九；\
私人消費開支按年下跌百分之一點二，連續第三個季度錄得跌幅。\n\n\
二、零售業\n\n零售業總會主席黃家和指出，十月份零售額約三百二十億元，按年減少百分之四點四，\
而訪港旅客人次達四百萬，較去年同期增加百分之十二。\n\n";

/// The size of the corpus repeated for the throughput benchmarks.
pub const CORPUS_BYTES: usize = 17_000_000;

/// The corpus folder: `$ZHNEWS_CORPUS`, else `../shared/corpus` beside the checkout.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("ZHNEWS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"))
}

/// The corpus articles as (file name, text), sorted by name; empty without a corpus.
pub fn corpus() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read_to_string(path).ok()?))
        })
        .collect()
}

/// The corpus texts, or [`SYNTHETIC`] alone without a corpus.
fn texts() -> Vec<String> {
    let texts: Vec<String> = corpus().into_iter().map(|(_, text)| text).collect();
    if texts.is_empty() { vec![SYNTHETIC.to_owned()] } else { texts }
}

/// The 25 KB article: the largest corpus file (a speech of about 25 KB), or [`SYNTHETIC`]
/// repeated to 25 KB. Returns the text and where it came from.
pub fn article_25kb() -> (String, String) {
    match corpus().into_iter().max_by_key(|(_, text)| text.len()) {
        Some((name, text)) => (text, name),
        None => (SYNTHETIC.repeat(25_000 / SYNTHETIC.len() + 1), "synthetic".to_owned()),
    }
}

/// The 1 MB article: the corpus articles, each trimmed and followed by a blank line, one after
/// another as one story until it reaches 1,000,000 bytes.
pub fn article_1mb() -> String {
    let mut article = String::new();
    for text in texts().iter().cycle() {
        if article.len() >= 1_000_000 {
            break;
        }
        article.push_str(text.trim());
        article.push_str("\n\n");
    }
    article
}

/// How many copies of the corpus make [`CORPUS_BYTES`] (at least one).
pub fn corpus_copies() -> usize {
    let size: usize = texts().iter().map(String::len).sum();
    CORPUS_BYTES.div_ceil(size.max(1)).max(1)
}

// ---------------------------------------------------------------------------------------------
// Scaling inputs (issue 19, "quadratic cliffs"): each shape at any size, so `bench/scaling.sh`
// can time 1×, 4× and 16× of it and fail when the time grows faster than the input.

/// The shapes of input the scaling benchmark grows, each one that once made a rule or the
/// outline quadratic.
pub const SCALING_SHAPES: &[&str] = &[
    "one-line",
    "date-ranges",
    "multi-article",
    "list-no-breaks",
    "distinct-articles",
    "day-offsets",
    "event-offsets",
];

/// The text of `shape` ([`SCALING_SHAPES`]) at `scale` times its 1× size, or None for an
/// unknown shape.
pub fn scaling_input(shape: &str, scale: usize) -> Option<String> {
    match shape {
        "one-line" => Some(one_line_article(scale * 320_000)),
        "date-ranges" => Some(date_ranges(scale * 3_000)),
        "multi-article" => Some(multi_article(scale * 1_000_000)),
        "list-no-breaks" => Some(list_without_breaks(scale * 100_000)),
        "distinct-articles" => Some(distinct_articles(scale * 1_000_000)),
        "day-offsets" => Some(day_offsets(scale * 100_000)),
        "event-offsets" => Some(event_offsets(scale * 100_000)),
        _ => None,
    }
}

/// One paragraph of at least `bytes` bytes with no sentence end, of clauses that date a report
/// from an event, the count of days changing every clause (figure-conflict's day offsets once
/// searched back for their sentence from every offset: a 560 KB paragraph took 59 s).
pub fn day_offsets(bytes: usize) -> String {
    let mut text = String::from("# 事故調查\n\n");
    let mut k = 0;
    while text.len() < bytes {
        text.push_str(&format!("事發前{}天，住戶致電投訴，", k % 9 + 1));
        k += 1;
    }
    text.push('\n');
    text
}

/// One paragraph of at least `bytes` bytes of dated births and scenes with days counted from
/// the birth (`她在6月16日产下一名男婴，6月21日上午9点，…出生4天后…`), a sentence end after every
/// tenth clause: duration-mismatch's dated events find each verb's clause, and its offsets
/// their sentence and passage date, without reading text twice.
pub fn event_offsets(bytes: usize) -> String {
    let mut text = String::from("# 婴儿买卖调查\n\n");
    let mut k = 0;
    while text.len() < bytes {
        text.push_str(&format!("她在6月16日产下一名男婴，6月21日上午9点，产妇在孩子出生{}天后抱起了他", k % 9 + 1));
        k += 1;
        text.push(if k % 10 == 0 { '。' } else { '，' });
    }
    text.push('\n');
    text
}

/// The corpus articles one after another with every line break removed: one paragraph, one
/// line, of at least `bytes` bytes (count-mismatch once looked at every count of a paragraph
/// for every enumeration in it).
pub fn one_line_article(bytes: usize) -> String {
    let mut line = String::new();
    for text in texts().iter().cycle() {
        if line.len() >= bytes {
            break;
        }
        line.extend(text.split(['\n', '\r']).map(str::trim));
    }
    line.push('\n');
    line
}

/// `count` paragraphs, each a date range and the duration that describes it (`為期N天`), one
/// in seven of them wrong (duration-mismatch once searched every date of the document for
/// each duration).
pub fn date_ranges(count: usize) -> String {
    let mut text = String::from("# 代表團訪問日程\n\n");
    for k in 0..count {
        let month = k % 12 + 1;
        let first = k % 20 + 1;
        let days = k % 7 + 2;
        let stated = if k % 7 == 3 { days + 1 } else { days };
        text.push_str(&format!(
            "第{}批代表團於2024年{month}月{first}日至{}日出訪，為期{stated}天，共訪問{}個城市。\n\n",
            k + 1,
            first + days - 1,
            k % 5 + 2
        ));
    }
    text
}

/// The corpus files one after another, each whole with its title, separated by a blank line,
/// until the text reaches `bytes` (figure-conflict once compared each figure with every
/// earlier one of its unit, and the outline each after-body headline with every story body).
pub fn multi_article(bytes: usize) -> String {
    let mut text = String::new();
    for article in texts().iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(article.trim_end());
        text.push_str("\n\n");
    }
    text
}

/// One paragraph of at least `bytes` bytes that is one list: city names joined by `、` with a
/// count after every five (`…等5個城市、`, one in four of them wrong), no `，` and no sentence
/// end until the last character (count-mismatch's look back for a list and the figure rules'
/// sentence of a figure once ran to the paragraph's start from every count).
pub fn list_without_breaks(bytes: usize) -> String {
    const CITIES: &[&str] = &["北京", "上海", "廣州", "深圳", "杭州", "南京", "成都", "武漢", "西安", "重慶", "天津"];
    let mut text = String::from("# 試點城市名單\n\n");
    let mut k = 0;
    while text.len() < bytes {
        for j in 0..5 {
            text.push_str(CITIES[(k * 5 + j) % CITIES.len()]);
            text.push_str(if j < 4 { "、" } else { "等" });
        }
        let count = if k % 4 == 3 { 6 } else { 5 };
        text.push_str(&format!("{count}個城市、"));
        k += 1;
    }
    text.push_str("其餘城市。\n");
    text
}

/// The corpus files one after another as in [`multi_article`], but no two copies alike: in the
/// k-th copy every Han character but numerals and date words is moved k places on in the CJK
/// block, so each copy reads as another text of the same shape (the outline's `continues` test
/// once searched the whole file for the characters around each wrapped headline's line break,
/// which a file of repeated articles finds again one copy on).
pub fn distinct_articles(bytes: usize) -> String {
    const KEPT: &str = "〇零一二兩两三四五六七八九十百千萬万億亿年月日號号時时分秒點点周週星期今去明";
    let texts = texts();
    let mut text = String::new();
    for (copy, article) in texts.iter().cycle().enumerate() {
        if text.len() >= bytes {
            break;
        }
        let shift = (copy / texts.len()) as u32;
        text.extend(article.trim_end().chars().map(|c| {
            let code = c as u32;
            if shift == 0 || !(0x4E00..0x9FA0).contains(&code) || KEPT.contains(c) {
                return c;
            }
            let moved = 0x4E00 + (code - 0x4E00 + shift * 7) % (0x9FA0 - 0x4E00);
            char::from_u32(moved).filter(|m| !KEPT.contains(*m)).unwrap_or(c)
        }));
        text.push_str("\n\n");
    }
    text
}
