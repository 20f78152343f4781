//! Median time to compute every code action (quick fixes, conversions for the selection, line,
//! paragraph and document, fix-all) at a cursor in a 25 KB document. Target: under 10 ms.
//!
//! `cargo bench -p zhnews-lsp --bench code_actions` (no harness: plain timing, median of runs).

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::str::FromStr;
use std::time::{Duration, Instant};

use ropey::Rope;
use tower_lsp_server::ls_types::Uri;
use zhnews_core::{Config, TextRange};
use zhnews_lsp::code_actions::{Request, code_actions};
use zhnews_lsp::encoding::PositionEncoding;

fn document(target_len: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/convert/");
    let seed = std::fs::read_to_string(format!("{dir}traditional-hk.txt")).unwrap();
    let mut text = String::new();
    while text.len() < target_len {
        text.push_str(&seed);
        text.push('\n');
    }
    // One stray Simplified word, so there is a mixed-script fix too.
    text.push_str("兩國互动頻繁。\n");
    text
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let text = document(25_000);
    let converter = zhnews_core::convert::converter(
        zhnews_core::convert::Backend::DEFAULT,
        zhnews_core::convert::OpenccConfig::T2s,
    )
    .unwrap();
    let whole = TextRange::new(0, text.len());
    let none = zhnews_core::convert::Protected::NONE;
    let samples: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(zhnews_core::convert::conversion_edits(converter, &text, whole, none).unwrap());
            start.elapsed()
        })
        .collect();
    println!("core conversion_edits t2s, whole document: median {:.2} ms", median(samples).as_secs_f64() * 1e3);
    let samples: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(converter.convert(&text).unwrap());
            start.elapsed()
        })
        .collect();
    println!("core convert t2s, whole document: median {:.2} ms", median(samples).as_secs_f64() * 1e3);
    let config = Config::default();
    let analysis = zhnews_core::analyse(&text, &config);
    let rope = Rope::from_str(&text);
    // Position conversion of the document's t2s edits: one rope lookup per offset (as before)
    // against the one-pass cursor that `to_proto::workspace_edit` uses now.
    let edits = zhnews_core::convert::conversion_edits(converter, &text, whole, none).unwrap();
    let encoding = PositionEncoding::Utf16;
    let samples: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            for edit in &edits {
                std::hint::black_box(zhnews_lsp::encoding::byte_range_to_range(
                    &rope,
                    edit.range.start,
                    edit.range.end,
                    encoding,
                ));
            }
            start.elapsed()
        })
        .collect();
    println!(
        "positions of {} edits, one lookup each: median {:.3} ms",
        edits.len(),
        median(samples).as_secs_f64() * 1e3
    );
    let samples: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            let mut cursor = zhnews_lsp::encoding::PositionCursor::new(&rope, &text, encoding);
            for edit in &edits {
                std::hint::black_box(cursor.range(edit.range.start, edit.range.end));
            }
            start.elapsed()
        })
        .collect();
    println!("positions of {} edits, one pass: median {:.3} ms", edits.len(), median(samples).as_secs_f64() * 1e3);
    let uri = Uri::from_str("file:///bench.txt").unwrap();
    let at = text.len() / 2;
    let at = (at..text.len()).find(|i| text.is_char_boundary(*i)).unwrap();
    for (name, range) in [("cursor", TextRange::empty(at)), ("selection of 300 bytes", TextRange::new(at, at + 300))] {
        let request = Request {
            uri: &uri,
            version: 1,
            rope: &rope,
            analysis: &analysis,
            config: &config,
            range,
            encoding: PositionEncoding::Utf16,
            only: None,
            resolve_edits: false,
            automatic: false,
        };
        // Warm up: converters are built on first use.
        let count = code_actions(&request).len();
        let samples: Vec<Duration> = (0..50)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(code_actions(&request));
                start.elapsed()
            })
            .collect();
        println!(
            "code actions, {} KB document, {name}: {count} actions, median {:.2} ms, max {:.2} ms",
            text.len() / 1000,
            median(samples.clone()).as_secs_f64() * 1e3,
            samples.iter().max().unwrap().as_secs_f64() * 1e3
        );
    }
}
