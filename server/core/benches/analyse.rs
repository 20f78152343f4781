//! Core benchmarks on a 25 KB news article, each next to a peer measured in the same run so the
//! numbers read as ratios: merely scanning the text, and segmenting it with jieba-rs.
//!
//! Run: `cargo bench -p zhnews-core --bench analyse` (reads the largest file of
//! `$ZHNEWS_CORPUS`, or of `../shared/corpus` beside the checkout; without a corpus, a
//! synthetic article written for this bench).

#![allow(clippy::unwrap_used)]

use divan::{Bencher, black_box};
use zhnews_core::{Config, analyse};

fn main() {
    divan::main();
}

/// Our own sentences in the style of a Hong Kong news report, repeated to 25 KB.
const SYNTHETIC: &str = "【本報訊】政府統計處昨日公布，本港今年第三季本地生產總值按年實質增長百分之二點一，\
較上季的百分之三點一放緩。財政司司長陳茂波表示，出口表現仍然穩健，但環球經濟前景不明朗。\n\n\
據統計處資料，第三季整體貨物出口按年上升百分之五點五，服務輸出則上升百分之三點九；\
私人消費開支按年下跌百分之一點二，連續第三個季度錄得跌幅。\n\n\
二、零售業\n\n零售業總會主席黃家和指出，十月份零售額約三百二十億元，按年減少百分之四點四，\
而訪港旅客人次達四百萬，較去年同期增加百分之十二。\n\n";

/// The 25 KB article: the largest corpus file when a corpus is at hand.
fn article() -> String {
    let dir = std::env::var_os("ZHNEWS_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    let largest = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
        .max_by_key(String::len);
    largest.unwrap_or_else(|| SYNTHETIC.repeat(25_000 / SYNTHETIC.len() + 1))
}

/// Peer: the time to merely read the text once (count its Han characters).
#[divan::bench]
fn peer_scan_chars(bencher: Bencher) {
    let text = article();
    bencher.counter(divan::counter::BytesCount::of_str(&text)).bench(|| {
        black_box(&text)
            .chars()
            .filter(|c| zhnews_core::script::classify(*c) != zhnews_core::CharScript::NotHan)
            .count()
    });
}

/// Peer: a bare jieba-rs segmentation pass (the dictionary loaded beforehand).
#[divan::bench]
fn peer_jieba_cut(bencher: Bencher) {
    let text = article();
    let jieba = jieba_rs::Jieba::new();
    bencher.counter(divan::counter::BytesCount::of_str(&text)).bench(|| jieba.cut(black_box(&text), true).len());
}

/// The whole pipeline: document model, script profile, every rule, entities.
#[divan::bench]
fn analyse_25kb(bencher: Bencher) {
    let text = article();
    let config = Config::default();
    analyse(&text, &config);
    bencher.counter(divan::counter::BytesCount::of_str(&text)).bench(|| analyse(black_box(&text), &config));
}

/// Hover on an analysed document: at every named entity, and at 100 evenly spaced offsets
/// (most of which have nothing to say; they must cost next to nothing).
#[divan::bench]
fn hover_after_analysis(bencher: Bencher) {
    let text = article();
    let analysis = analyse(&text, &Config::default());
    let mut offsets: Vec<usize> = analysis.entities.iter().map(|m| m.range.start).collect();
    offsets.extend(text.char_indices().map(|(at, _)| at).step_by(text.chars().count() / 100 + 1));
    bencher
        .counter(divan::counter::ItemsCount::new(offsets.len()))
        .bench(|| offsets.iter().filter(|&&at| zhnews_core::hover::hover(&analysis, black_box(at)).is_some()).count());
}

/// The 1 MB article of `bench/run.sh`: the corpus articles one after another until 1 MB.
fn article_1mb() -> String {
    let dir = std::env::var_os("ZHNEWS_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut texts: Vec<String> = files.iter().filter_map(|path| std::fs::read_to_string(path).ok()).collect();
    if texts.is_empty() {
        texts.push(SYNTHETIC.to_owned());
    }
    let mut article = String::new();
    for text in texts.iter().cycle() {
        if article.len() >= 1_000_000 {
            break;
        }
        article.push_str(text.trim());
        article.push_str("\n\n");
    }
    article
}

/// One character typed in the middle of the 1 MB article, then the whole article analysed
/// again (`full`) or from the analysis before the keystroke (`incremental`): the ratio is what
/// the per-paragraph cache saves the language server on every keystroke.
#[divan::bench(args = ["full", "incremental"])]
fn keystroke_1mb(bencher: Bencher, mode: &str) {
    keystroke(bencher, &article_1mb(), mode);
}

/// The same on the 25 KB article: what a hover right after a keystroke waits for.
#[divan::bench(args = ["full", "incremental"])]
fn keystroke_25kb(bencher: Bencher, mode: &str) {
    keystroke(bencher, &article(), mode);
}

fn keystroke(bencher: Bencher, text: &str, mode: &str) {
    let config = Config::default();
    let index = zhnews_core::entities::EntityIndex::builtin();
    let before = zhnews_core::analyse_with(text, &config, index);
    let middle = (text.len() / 2..text.len()).find(|&at| text.is_char_boundary(at)).unwrap_or(0);
    let mut edited = text.to_owned();
    edited.insert(middle, '的');
    bencher.counter(divan::counter::BytesCount::of_str(&edited)).bench(|| match mode {
        "full" => zhnews_core::analyse_with(black_box(&edited), &config, index),
        _ => zhnews_core::analyse_incremental(black_box(&edited), &config, index, &before),
    });
}
