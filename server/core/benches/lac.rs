//! The LAC model ([`zhnews_core::entities::lac`]) on the 25 KB article of `bench/run.sh`, next
//! to jieba-rs tagging the same text in the same run: both on the Simplified lookup form,
//! paragraph by paragraph, as entity recognition runs them. Also the model's loading, next to
//! jieba's.
//!
//! Run: `cargo bench -p zhnews-core --bench lac`.

#![allow(clippy::unwrap_used)]

use divan::{Bencher, black_box};
use zhnews_core::entities::{lac, normalise};

fn main() {
    divan::main();
}

/// The article's paragraphs (non-blank lines) in their lookup form.
fn paragraphs() -> Vec<String> {
    let (text, _) = zhnews_bench_inputs::article_25kb();
    text.lines().map(str::trim).filter(|line| !line.is_empty()).map(normalise).collect()
}

/// Peer: jieba-rs part-of-speech tagging with its HMM (what `entities::tagger` runs).
#[divan::bench(sample_count = 10)]
fn peer_jieba_tag(bencher: Bencher) {
    let jieba = jieba_rs::Jieba::new();
    let paragraphs = paragraphs();
    bencher.bench(|| paragraphs.iter().map(|p| jieba.tag(black_box(p), true).len()).sum::<usize>());
}

/// The model's tag sequence for every paragraph (forward pass and Viterbi).
#[divan::bench(sample_count = 10)]
fn lac_words(bencher: Bencher) {
    let model = lac::load();
    let paragraphs = paragraphs();
    bencher.bench(|| paragraphs.iter().map(|p| model.words(black_box(p)).len()).sum::<usize>());
}

/// The model's tag sequence for every paragraph, the paragraphs run as batches
/// ([`lac::Lac::words_batch`]): what entity recognition runs.
#[divan::bench(sample_count = 10)]
fn lac_words_batch(bencher: Bencher) {
    let model = lac::load();
    let paragraphs = paragraphs();
    let texts: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    bencher.bench(|| model.words_batch(black_box(&texts)).iter().map(Vec::len).sum::<usize>());
}

/// One paragraph of about 100 characters: the cost of an edit.
#[divan::bench(sample_count = 20)]
fn lac_one_paragraph(bencher: Bencher) {
    let model = lac::load();
    let paragraph: String = paragraphs().concat().chars().take(100).collect();
    bencher.bench(|| model.words(black_box(&paragraph)).len());
}

/// Peer: jieba-rs loading its dictionary.
#[divan::bench(sample_count = 5)]
fn peer_jieba_new() -> jieba_rs::Jieba {
    jieba_rs::Jieba::new()
}

/// Reading `lac.bin`, widening it to f32 and building the vocabulary (what [`lac::load`] does
/// once).
#[divan::bench(sample_count = 5)]
fn lac_load() -> usize {
    lac::Lac::from_embedded().tag_name(0).len()
}
