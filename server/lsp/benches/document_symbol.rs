//! `cargo bench -p zhnews-lsp --bench document_symbol`: the median time of answering
//! `textDocument/documentSymbol` for a 25 KB document once it is analysed (the outline is part
//! of the analysis; this measures the conversion to LSP with UTF-16 positions), and, for
//! reference, of computing the outline itself. Uses `ZHNEWS_CORPUS/004_*` (a 25 KB speech)
//! when set, else the outline fixtures repeated to 25 KB.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ropey::Rope;
use zhnews_core::{Config, Document, analyse};
use zhnews_lsp::encoding::PositionEncoding;
use zhnews_lsp::outline::{document_symbols, folding_ranges};

fn text() -> (String, String) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    if let Some(corpus) = std::env::var_os("ZHNEWS_CORPUS") {
        let corpus = root.join(corpus);
        let file = std::fs::read_dir(&corpus)
            .ok()
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("004")));
        if let Some(text) = file.and_then(|f| std::fs::read_to_string(f).ok()) {
            return (text, "corpus 004".to_owned());
        }
    }
    let dir = root.join("tests/fixtures/outline");
    let mut pieces: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    pieces.sort();
    let mut text = String::new();
    while text.len() < 25_000 {
        for piece in &pieces {
            text.push_str(piece);
            text.push_str("\n\n");
        }
    }
    (text, "fixtures repeated".to_owned())
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    for _ in 0..runs / 10 {
        f();
    }
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

#[allow(clippy::print_stdout)]
fn main() {
    let (text, source) = text();
    let config = Config::default();
    let analysis = analyse(&text, &config);
    let rope = Rope::from_str(&text);
    let symbols = document_symbols(&rope, analysis.outline(), PositionEncoding::Utf16);
    let count: usize = analysis.outline().iter().map(|n| n.walk().len()).sum();
    let symbol_time = time(500, || {
        black_box(document_symbols(&rope, black_box(analysis.outline()), PositionEncoding::Utf16));
    });
    let folding_time = time(500, || {
        black_box(folding_ranges(black_box(&analysis)));
    });
    let document = Document::new(text.as_str());
    let outline_time = time(100, || {
        black_box(zhnews_core::outline::outline(black_box(&document), &config.outline));
    });
    println!("{source}: {} bytes, {count} outline nodes, {} top-level symbols", text.len(), symbols.len());
    println!("documentSymbol (after analysis), median: {symbol_time:?}");
    println!("foldingRange (after analysis), median:   {folding_time:?}");
    println!("outline in core (built on the first outline request), median: {outline_time:?}");
}
