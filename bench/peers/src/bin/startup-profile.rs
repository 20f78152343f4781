//! What the first analysis pays for: each lazily built table of zhnews-core timed on its own,
//! in the order the first `analyse` would build them, then a cold and a warm `analyse` of the
//! article. Usage: startup-profile ARTICLE

use std::time::{Duration, Instant};

use zhnews_core::Config;
use zhnews_core::convert::{Backend, OpenccConfig, converter};
use zhnews_core::entities::{EntityIndex, cedict, gazetteer::Gazetteer, tagger};

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> Duration {
    let start = Instant::now();
    std::hint::black_box(f());
    let elapsed = start.elapsed();
    println!("| {what} | {:.1} |", elapsed.as_secs_f64() * 1000.0);
    elapsed
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: startup-profile ARTICLE");
        std::process::exit(2);
    };
    let text = zhnews_bench_peers::read(std::path::Path::new(&path));
    let config = Config::default();
    println!("| step (cold, in order) | ms |");
    println!("|---|---|");
    timed("script tables (OpenCC character tables)", || zhnews_core::script::classify('國'));
    timed("curated gazetteer", Gazetteer::curated);
    timed("CC-CEDICT gazetteer (gunzip + parse)", cedict::gazetteer);
    timed("entity index (Aho-Corasick over both)", EntityIndex::builtin);
    timed("first analyse of the article (tables built)", || zhnews_core::analyse(&text, &config));
    timed("warm analyse of the article", || zhnews_core::analyse(&text, &config));
    timed("not on the path: jieba tagger (entities guesses)", tagger::load);
    timed("not on the path: t2s converter (embedded)", || converter(Backend::Embedded, OpenccConfig::T2s).is_ok());
}
