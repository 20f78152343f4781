//! Comparing two editions in process: the corpus's `000` (Hong Kong, Traditional) against `002`
//! (a Chongqing page, Simplified, whose second story is the same briefing), next to its peer in
//! the same run: analysing the same two documents (`analyse`, every single-document rule), what
//! `zhnews check` does with them.
//!
//! Run: `cargo bench -p zhnews-core --bench editions` (the corpus of `$ZHNEWS_CORPUS`, else
//! `../shared/corpus` beside the checkout; without it both benches time two empty texts).

#![allow(clippy::unwrap_used)]

use divan::{Bencher, black_box};
use zhnews_core::editions::compare;
use zhnews_core::entities::EntityIndex;
use zhnews_core::{Config, Document, analyse};

fn main() {
    // The entity index is built once per process, by either command: not in the timings.
    EntityIndex::builtin();
    divan::main();
}

/// The texts of 000 and 002, or two empty texts without a corpus.
fn editions() -> (String, String) {
    let corpus = zhnews_bench_inputs::corpus();
    let find = |prefix: &str| corpus.iter().find(|(name, _)| name.starts_with(prefix)).map(|(_, text)| text.clone());
    match (find("000"), find("002")) {
        (Some(a), Some(b)) => (a, b),
        _ => (String::new(), String::new()),
    }
}

/// `zhnews editions 000 002`'s work: both documents and their comparison.
#[divan::bench]
fn compare_000_002(bencher: Bencher) {
    let (a, b) = editions();
    let config = Config::default();
    bencher.bench(|| {
        let comparison = compare(&Document::new(black_box(a.as_str())), &Document::new(black_box(b.as_str())), &config);
        comparison.a.len() + comparison.b.len()
    });
}

/// Peer: `zhnews check`'s work on the same two files (each analysed on its own).
#[divan::bench]
fn peer_analyse_000_and_002(bencher: Bencher) {
    let (a, b) = editions();
    let config = Config::default();
    bencher.bench(|| analyse(black_box(&a), &config).findings.len() + analyse(black_box(&b), &config).findings.len());
}
