//! How the analysis grows with its input (issue 19, "quadratic cliffs"): each input shape of
//! `zhnews_bench_inputs::SCALING_SHAPES` at 1×, 4× and 16× its size, timing the whole analysis,
//! each rule apart, the outline, and the code-action menu of a client that cannot resolve edits
//! (a cursor in the middle of the document, every conversion's edit computed with the offer).
//!
//! Times are the CPU time of the bench's thread (`CLOCK_THREAD_CPUTIME_ID`), not the wall
//! clock: on a machine shared with other builds, waiting for a core made wall times of the same
//! work differ by 2× from run to run, which said nothing about how the work grows.
//!
//! Prints one tab-separated row per measurement: `shape scale bytes part seconds`, where `part`
//! is `analyse`, `rule:<code>`, `outline` or `code-actions` (whose row also gives the bytes of the
//! JSON response). `bench/scaling.sh` runs it and fails when a part's time grows more than 5×
//! for 4× the input.
//!
//! Run: `cargo bench -p zhnews-lsp --bench scaling [-- SHAPE…]` (the inputs are built from
//! `$ZHNEWS_CORPUS`, else `../shared/corpus` beside the checkout).

#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::time::Duration;

use ropey::Rope;
use tower_lsp_server::ls_types::Uri;
use zhnews_core::rules::{RULES, RuleContext};
use zhnews_core::{Config, TextRange, analyse};
use zhnews_lsp::code_actions::{Request, code_actions};
use zhnews_lsp::encoding::PositionEncoding;

const SCALES: &[usize] = &[1, 4, 16];

fn main() {
    // `cargo bench` passes `--bench`; anything else names the shapes to run.
    let wanted: Vec<String> = std::env::args().skip(1).filter(|arg| !arg.starts_with('-')).collect();
    let config = Config::default();
    for shape in zhnews_bench_inputs::SCALING_SHAPES {
        if !wanted.is_empty() && !wanted.iter().any(|w| w == shape) {
            continue;
        }
        for &scale in SCALES {
            let text = zhnews_bench_inputs::scaling_input(shape, scale).unwrap();
            let row = |part: &str, time: Duration, extra: &str| {
                println!("{shape}\t{scale}\t{}\t{part}\t{:.4}{extra}", text.len(), time.as_secs_f64());
            };
            let started = cpu_time();
            let analysis = analyse(&text, &config);
            row("analyse", cpu_time().saturating_sub(started), "");
            let context = RuleContext {
                document: &analysis.document,
                figures: &analysis.figures,
                config: &config,
                entities: analysis.entities(),
                cancelled: &|| false,
            };
            for rule in RULES {
                row(&format!("rule:{}", rule.code), best_of(|| (rule.check)(&context).len()), "");
            }
            row("outline", best_of(|| zhnews_core::outline::outline(&analysis.document, &config.outline).len()), "");
            let uri: Uri = "file:///bench/scaling.txt".parse().unwrap();
            let rope = Rope::from_str(&text);
            let at = middle(&text);
            let request = Request {
                uri: &uri,
                version: 1,
                rope: &rope,
                analysis: &analysis,
                config: &config,
                range: TextRange::empty(at),
                encoding: PositionEncoding::Utf16,
                only: None,
                resolve_edits: false,
                automatic: false,
            };
            let mut response = 0;
            let time = best_of(|| {
                response = serde_json::to_vec(&code_actions(&request)).unwrap().len();
                response
            });
            row("code-actions", time, &format!("\t{response}"));
        }
    }
}

/// The shortest of a few runs of `work`: at least three (the machine is shared, and even CPU
/// time grows when other builds take the caches), then more while they fit in a second, at
/// most ten.
fn best_of<T>(mut work: impl FnMut() -> T) -> Duration {
    let mut best = Duration::MAX;
    let started = cpu_time();
    for run in 0..10 {
        if run >= 3 && cpu_time().saturating_sub(started) > Duration::from_secs(1) {
            break;
        }
        let one = cpu_time();
        std::hint::black_box(work());
        best = best.min(cpu_time().saturating_sub(one));
    }
    best
}

/// The CPU time this thread has used.
fn cpu_time() -> Duration {
    let now = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// The first character boundary at or after the middle of the text.
fn middle(text: &str) -> usize {
    text.char_indices().map(|(at, _)| at).find(|&at| at >= text.len() / 2).unwrap_or(0)
}
