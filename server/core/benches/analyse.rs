//! End-to-end analysis of a ~25 KB article (document model, figures, all rules), next to a
//! peer in the same run: a bare scan that only walks the characters and classifies them, the
//! least any analysis must do. Read the two medians as a ratio.
//!
//! The article is `004` of the shared corpus when `ZHNEWS_CORPUS` is set, else the figure
//! fixtures repeated to 25 KB. Run: `cargo bench -p zhnews-core --bench analyse`.

use std::sync::OnceLock;

use zhnews_core::{Config, analyse};

fn main() {
    divan::main();
}

fn article() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = manifest.parent().and_then(|p| p.parent()).expect("workspace root");
        if let Some(dir) = std::env::var_os("ZHNEWS_CORPUS") {
            let dir = root.join(dir);
            if let Some(text) =
                std::fs::read_dir(&dir).ok().into_iter().flatten().filter_map(Result::ok).find_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.starts_with("004").then(|| std::fs::read_to_string(e.path()).ok()).flatten()
                })
            {
                return text;
            }
        }
        let mut fixtures: Vec<_> = std::fs::read_dir(root.join("tests/fixtures/figures"))
            .expect("fixtures folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        fixtures.sort();
        let mut text = String::new();
        while text.len() < 25_000 {
            for path in &fixtures {
                let body = std::fs::read_to_string(path).unwrap_or_default();
                text.extend(body.lines().filter(|l| !l.starts_with("#!")).map(|l| format!("{l}\n")));
            }
        }
        text
    })
}

#[divan::bench]
fn analyse_article(bencher: divan::Bencher) {
    let config = Config::default();
    let text = article();
    bencher.counter(divan::counter::BytesCount::new(text.len())).bench(|| analyse(divan::black_box(text), &config));
}

/// The peer: one pass over the characters, counting Han characters and digits.
#[divan::bench]
fn bare_char_scan(bencher: divan::Bencher) {
    let text = article();
    bencher.counter(divan::counter::BytesCount::new(text.len())).bench(|| {
        let mut han = 0usize;
        let mut digits = 0usize;
        for c in divan::black_box(text).chars() {
            if zhnews_core::text::is_han(c) {
                han += 1;
            } else if c.is_ascii_digit() {
                digits += 1;
            }
        }
        (han, digits)
    });
}
