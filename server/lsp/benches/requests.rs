//! LSP-side benchmarks on a 25 KB news article, each next to a peer in the same run: building
//! the rope (the least any request costs) and converting every finding to a diagnostic.
//! documentSymbol and foldingRange are timed once the outline is built, and building it apart.
//!
//! Code actions are timed both ways a client can get them: `_eager` computes every conversion's
//! edit with the offer (clients without `codeAction/resolve`), `_offer` leaves edits to
//! `codeAction/resolve` (VS Code, Neovim), and `resolve_document_t2s` is that resolve for the
//! document. The `_1mb` cases use the 1 MB article of `bench/run.sh`.
//!
//! Run: `cargo bench -p zhnews-lsp --bench requests` (the inputs of `bench/run.sh`, from
//! the `zhnews-bench-inputs` crate: the largest file of `$ZHNEWS_CORPUS` or of
//! `../shared/corpus` beside the checkout; without a corpus, a synthetic article).

#![allow(clippy::unwrap_used)]

use divan::{Bencher, black_box};
use ropey::Rope;
use tower_lsp_server::ls_types::Uri;
use zhnews_core::convert::OpenccConfig;
use zhnews_core::{Analysis, Config, TextRange, analyse};
use zhnews_lsp::code_actions::{Request, code_actions};
use zhnews_lsp::convert_actions::resolve;
use zhnews_lsp::encoding::PositionEncoding;

fn main() {
    divan::main();
}

/// The 25 KB article of `bench/run.sh` (see `zhnews-bench-inputs`).
fn article() -> String {
    zhnews_bench_inputs::article_25kb().0
}

struct Fixture {
    uri: Uri,
    rope: Rope,
    config: Config,
    analysis: Analysis,
}

fn fixture() -> Fixture {
    let text = article();
    let config = Config::default();
    let analysis = analyse(&text, &config);
    Fixture { uri: "file:///bench/article.txt".parse().unwrap(), rope: Rope::from_str(&text), config, analysis }
}

fn request(fixture: &Fixture, range: TextRange, resolve_edits: bool) -> Request<'_> {
    Request {
        uri: &fixture.uri,
        version: 1,
        rope: &fixture.rope,
        analysis: &fixture.analysis,
        config: &fixture.config,
        range,
        encoding: PositionEncoding::Utf16,
        only: None,
        resolve_edits,
        automatic: false,
    }
}

/// Peer: building the rope of the text, which every didOpen pays.
#[divan::bench]
fn peer_rope_from_str(bencher: Bencher) {
    let text = article();
    bencher.bench(|| Rope::from_str(black_box(&text)));
}

/// Peer: every finding as an LSP diagnostic (what a publishDiagnostics costs past analysis).
#[divan::bench]
fn peer_diagnostics_to_proto(bencher: Bencher) {
    let fixture = fixture();
    bencher.bench(|| {
        fixture
            .analysis
            .findings
            .iter()
            .map(|finding| {
                zhnews_lsp::to_proto::diagnostic(&fixture.uri, &fixture.rope, finding, PositionEncoding::Utf16)
            })
            .collect::<Vec<_>>()
    });
}

/// documentSymbol once the outline is built: the conversion to LSP symbols with UTF-16
/// positions (issue 6: under 2 ms for 25 KB).
#[divan::bench]
fn document_symbol(bencher: Bencher) {
    let fixture = fixture();
    fixture.analysis.outline();
    bencher.bench(|| {
        zhnews_lsp::outline::document_symbols(&fixture.rope, fixture.analysis.outline(), PositionEncoding::Utf16).len()
    });
}

/// foldingRange once the outline is built.
#[divan::bench]
fn folding_range(bencher: Bencher) {
    let fixture = fixture();
    fixture.analysis.outline();
    bencher.bench(|| zhnews_lsp::outline::folding_ranges(black_box(&fixture.analysis)).len());
}

/// Building the outline itself, which the first documentSymbol or foldingRange after an edit
/// pays (it is not part of the analysis a keystroke waits for).
#[divan::bench]
fn outline_build(bencher: Bencher) {
    let fixture = fixture();
    bencher
        .bench(|| zhnews_core::outline::outline(black_box(&fixture.analysis.document), &fixture.config.outline).len());
}

fn middle(text: &str) -> usize {
    text.char_indices().map(|(at, _)| at).find(|&at| at >= text.len() / 2).unwrap_or(0)
}

/// About 300 bytes (100 characters) from the middle of the text.
fn selection(text: &str) -> TextRange {
    let start = middle(text);
    let end = text[start..].char_indices().nth(100).map_or(text.len(), |(at, _)| start + at);
    TextRange::new(start, end)
}

/// Code actions for the whole 25 KB document (select all, then open the menu).
#[divan::bench]
fn code_actions_whole_document_eager(bencher: Bencher) {
    let fixture = fixture();
    let whole = TextRange::new(0, fixture.analysis.document.text().len());
    bencher.bench(|| code_actions(black_box(&request(&fixture, whole, false))).len());
}

#[divan::bench]
fn code_actions_whole_document_offer(bencher: Bencher) {
    let fixture = fixture();
    let whole = TextRange::new(0, fixture.analysis.document.text().len());
    bencher.bench(|| code_actions(black_box(&request(&fixture, whole, true))).len());
}

/// Code actions at a cursor in the middle of the document.
#[divan::bench]
fn code_actions_cursor_eager(bencher: Bencher) {
    let fixture = fixture();
    let at = middle(fixture.analysis.document.text());
    bencher.bench(|| code_actions(black_box(&request(&fixture, TextRange::empty(at), false))).len());
}

#[divan::bench]
fn code_actions_cursor_offer(bencher: Bencher) {
    let fixture = fixture();
    let at = middle(fixture.analysis.document.text());
    bencher.bench(|| code_actions(black_box(&request(&fixture, TextRange::empty(at), true))).len());
}

/// Code actions for a selection of about 300 bytes in the middle of the document.
#[divan::bench]
fn code_actions_selection_eager(bencher: Bencher) {
    let fixture = fixture();
    let range = selection(fixture.analysis.document.text());
    bencher.bench(|| code_actions(black_box(&request(&fixture, range, false))).len());
}

#[divan::bench]
fn code_actions_selection_offer(bencher: Bencher) {
    let fixture = fixture();
    let range = selection(fixture.analysis.document.text());
    bencher.bench(|| code_actions(black_box(&request(&fixture, range, true))).len());
}

/// `codeAction/resolve` of "Convert document to Simplified Chinese (t2s)": the edit a resolving
/// client asks for when the user picks the action.
#[divan::bench]
fn resolve_document_t2s(bencher: Bencher) {
    let fixture = fixture();
    let whole = TextRange::new(0, fixture.analysis.document.text().len());
    bencher.bench(|| resolve(black_box(&request(&fixture, whole, false)), OpenccConfig::T2s).unwrap());
}

/// The 1 MB article of `bench/run.sh` (see `zhnews-bench-inputs`).
fn article_1mb() -> String {
    zhnews_bench_inputs::article_1mb()
}

fn fixture_1mb() -> Fixture {
    let text = article_1mb();
    let config = Config::default();
    let analysis = analyse(&text, &config);
    Fixture { uri: "file:///bench/article-1mb.txt".parse().unwrap(), rope: Rope::from_str(&text), config, analysis }
}

/// Code actions at a cursor in the middle of the 1 MB article (the document scope is over
/// `EAGER_LIMIT`, so an eager client gets the line and paragraph only).
#[divan::bench(sample_count = 10)]
fn code_actions_cursor_1mb_eager(bencher: Bencher) {
    let fixture = fixture_1mb();
    let at = middle(fixture.analysis.document.text());
    bencher.bench(|| code_actions(black_box(&request(&fixture, TextRange::empty(at), false))).len());
}

#[divan::bench(sample_count = 20)]
fn code_actions_cursor_1mb_offer(bencher: Bencher) {
    let fixture = fixture_1mb();
    let at = middle(fixture.analysis.document.text());
    bencher.bench(|| code_actions(black_box(&request(&fixture, TextRange::empty(at), true))).len());
}
