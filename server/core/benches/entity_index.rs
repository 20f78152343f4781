//! Loading the built-in entity index (curated gazetteer + CC-CEDICT proper nouns), step by step,
//! next to jieba-rs loading its dictionary (`Jieba::new()`) in the same run, so the figures read
//! as ratios; and the automaton alone with `aho-corasick` (the default, and its noncontiguous
//! NFA) and `daachorse` (what zhnews uses) on the same keys.
//!
//! Run: `cargo bench -p zhnews-core --bench entity_index`.

#![allow(clippy::unwrap_used)]

use divan::{Bencher, black_box};
use zhnews_core::entities::{EntityIndex, Gazetteer, Source, cedict};

fn main() {
    divan::main();
}

/// Peer: jieba-rs loading its embedded dictionary.
#[divan::bench(sample_count = 10)]
fn peer_jieba_new() -> jieba_rs::Jieba {
    jieba_rs::Jieba::new()
}

/// Everything the server does before the first analysis: both gazetteers and the automaton.
#[divan::bench(sample_count = 10)]
fn builtin_from_scratch() -> EntityIndex {
    let curated = Gazetteer::from_toml_str(zhnews_core::entities::gazetteer::CURATED_TOML, Source::Curated).unwrap();
    let cedict = cedict::load();
    EntityIndex::build_with(Some(&cedict), &[&curated])
}

#[divan::bench(sample_count = 10)]
fn curated_toml() -> Gazetteer {
    Gazetteer::from_toml_str(zhnews_core::entities::gazetteer::CURATED_TOML, Source::Curated).unwrap()
}

#[divan::bench(sample_count = 10)]
fn cedict_load() -> cedict::Cedict<'static> {
    cedict::load()
}

/// The automaton alone, from gazetteers already parsed.
#[divan::bench(sample_count = 10)]
fn index_build(bencher: Bencher) {
    let curated = Gazetteer::from_toml_str(zhnews_core::entities::gazetteer::CURATED_TOML, Source::Curated).unwrap();
    let cedict = cedict::load();
    bencher.bench(|| EntityIndex::build_with(Some(black_box(&cedict)), &[black_box(&curated)]));
}

/// The lookup keys of both gazetteers, deduplicated (what the automaton is built from).
fn keys() -> Vec<String> {
    let curated = Gazetteer::from_toml_str(zhnews_core::entities::gazetteer::CURATED_TOML, Source::Curated).unwrap();
    let cedict = cedict::load();
    let mut keys: Vec<String> = curated
        .entities
        .iter()
        .flat_map(|e| [e.traditional.clone(), e.simplified.clone()].into_iter().chain(e.aliases.clone()))
        .chain(cedict.entries.iter().flat_map(|e| [e.traditional.to_owned(), e.simplified.to_owned()]))
        .map(|name| zhnews_core::entities::normalise(&name))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

#[divan::bench(sample_count = 10)]
fn automaton_aho_default(bencher: Bencher) {
    let keys = keys();
    bencher.bench(|| aho_corasick::AhoCorasick::new(black_box(&keys)).unwrap());
}

#[divan::bench(sample_count = 10)]
fn automaton_aho_noncontiguous(bencher: Bencher) {
    let keys = keys();
    bencher.bench(|| {
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
            .build(black_box(&keys))
            .unwrap()
    });
}

#[divan::bench(sample_count = 10)]
fn automaton_daachorse_charwise(bencher: Bencher) {
    let keys = keys();
    bencher.bench(|| {
        daachorse::CharwiseDoubleArrayAhoCorasick::<u32>::with_values(
            black_box(&keys).iter().enumerate().map(|(i, k)| (k.as_str(), i as u32)),
        )
        .unwrap()
    });
}

#[divan::bench(sample_count = 10)]
fn normalise_keys(bencher: Bencher) {
    let cedict = cedict::load();
    zhnews_core::entities::normalise("國");
    bencher.bench(|| {
        cedict.entries.iter().map(|e| zhnews_core::entities::normalise(black_box(e.traditional)).len()).sum::<usize>()
    });
}
