//! Core benchmarks on a 25 KB news article, each next to a peer measured in the same run so the
//! numbers read as ratios: merely scanning the text, and segmenting it with jieba-rs.
//!
//! Run: `cargo bench -p zhnews-core --bench analyse` (the inputs of `bench/run.sh`, from
//! the `zhnews-bench-inputs` crate: the largest file of `$ZHNEWS_CORPUS` or of
//! `../shared/corpus` beside the checkout; without a corpus, a synthetic article).

#![allow(clippy::unwrap_used)]

use divan::{Bencher, black_box};
use zhnews_core::{Config, analyse};

fn main() {
    divan::main();
}

/// The 25 KB article of `bench/run.sh` (see `zhnews-bench-inputs`).
fn article() -> String {
    zhnews_bench_inputs::article_25kb().0
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
    let mut offsets: Vec<usize> = analysis.entities().iter().map(|m| m.range.start).collect();
    offsets.extend(text.char_indices().map(|(at, _)| at).step_by(text.chars().count() / 100 + 1));
    bencher
        .counter(divan::counter::ItemsCount::new(offsets.len()))
        .bench(|| offsets.iter().filter(|&&at| zhnews_core::hover::hover(&analysis, black_box(at)).is_some()).count());
}

/// The 1 MB article of `bench/run.sh` (see `zhnews-bench-inputs`).
fn article_1mb() -> String {
    zhnews_bench_inputs::article_1mb()
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
