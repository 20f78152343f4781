//! LSP latency harness: drives the real `zhnews serve` over stdio the way an editor does.
//!
//! Usage: lsp-latency ZHNEWS_BIN ARTICLE [ARTICLE...]
//!
//! For each article (in a fresh server):
//! - startup: process start → first `publishDiagnostics` for the opened article;
//! - typing: 200 single-character insertions 50 ms apart, with a hover, a documentSymbol and a
//!   codeAction request in turn between keystrokes (latency of each, measured while the
//!   document keeps changing: a request must never wait for an older version's analysis);
//!   after each hover, the peer: a hover in a Markdown file zhnews does not analyse, which
//!   answers at once (the round trip through stdio and the server's dispatch, the floor of
//!   any request at that moment on this machine);
//! - diagnostics: 40 edits, each followed by waiting for the `publishDiagnostics` of that
//!   version (edit → diagnostics latency, which includes the server's debounce).
//!
//! Prints one Markdown table row per measurement, times in milliseconds.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use zhnews_bench_peers::lsp::{Server, fail};

const TYPED_EDITS: usize = 200;
const TYPING_GAP: Duration = Duration::from_millis(50);
const DIAGNOSTIC_EDITS: usize = 40;

/// The LSP position (UTF-16) of the `char_index`-th character of `text`.
fn position(text: &str, char_index: usize) -> Value {
    let (mut line, mut column) = (0u32, 0u32);
    for c in text.chars().take(char_index) {
        if c == '\n' {
            line += 1;
            column = 0;
        } else {
            column += c.len_utf16() as u32;
        }
    }
    json!({"line": line, "character": column})
}

fn percentile(samples: &mut [Duration], p: f64) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    samples.sort();
    let rank = ((p / 100.0) * (samples.len() - 1) as f64).round() as usize;
    samples[rank].as_secs_f64() * 1000.0
}

fn row(name: &str, what: &str, samples: &mut [Duration]) {
    println!(
        "| {name} | {what} | {} | {:.1} | {:.1} | {:.1} |",
        samples.len(),
        percentile(samples, 50.0),
        percentile(samples, 99.0),
        percentile(samples, 100.0)
    );
}

fn run(bin: &str, path: &str) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|err| fail(&format!("{path}: {err}")));
    let name = format!(
        "{} ({} KB)",
        std::path::Path::new(path).file_name().map_or(path.into(), |n| n.to_string_lossy()),
        text.len() / 1024
    );
    let uri = "file:///bench/article.txt";
    let mut server = Server::start(bin);
    let initialized_at = server.initialize();
    server.open(uri, &text);
    let floor_uri = "file:///bench/notes.md";
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": floor_uri, "languageId": "markdown", "version": 1, "text": "# notes\n"}}),
    );
    let first = server.wait_diagnostics(uri, 0);
    let mut startup = [first - server.started];
    let mut initialize = [initialized_at - server.started];
    row(&name, "startup: process start → initialize result", &mut initialize);
    row(&name, "startup: process start → first publishDiagnostics", &mut startup);

    // The edits go into the middle of the document, one character after another, as typing does.
    let mut current = text.clone();
    let mut cursor = current.chars().count() / 2;
    let mut version = 0i64;
    let type_char = |server: &mut Server, current: &mut String, cursor: &mut usize, version: &mut i64| {
        let at = position(current, *cursor);
        *version += 1;
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": *version},
                   "contentChanges": [{"range": {"start": at, "end": at}, "text": "的"}]}),
        );
        let byte = current.char_indices().nth(*cursor).map_or(current.len(), |(b, _)| b);
        current.insert(byte, '的');
        *cursor += 1;
    };

    let (mut hovers, mut floors, mut symbols, mut actions) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // Servers without documentSymbol (before the outline landed) are asked once.
    let mut symbols_supported = true;
    for i in 0..TYPED_EDITS {
        let keystroke = Instant::now();
        type_char(&mut server, &mut current, &mut cursor, &mut version);
        let at = position(&current, cursor.saturating_sub(1));
        let doc = json!({"uri": uri});
        match i % 3 {
            0 => {
                hovers.extend(server.timed_request("textDocument/hover", json!({"textDocument": doc, "position": at})));
                let floor = json!({"textDocument": {"uri": floor_uri}, "position": {"line": 0, "character": 2}});
                floors.extend(server.timed_request("textDocument/hover", floor));
            }
            1 if symbols_supported => {
                let took = server.timed_request("textDocument/documentSymbol", json!({"textDocument": doc}));
                symbols_supported = took.is_some();
                symbols.extend(took);
            }
            1 => {}
            _ => actions.extend(server.timed_request(
                "textDocument/codeAction",
                // The light bulb's request after a cursor move (triggerKind 2: automatic).
                json!({"textDocument": doc, "range": {"start": at, "end": at},
                       "context": {"diagnostics": [], "triggerKind": 2}}),
            )),
        }
        std::thread::sleep(TYPING_GAP.saturating_sub(keystroke.elapsed()));
    }
    row(&name, "typing: hover", &mut hovers);
    row(&name, "typing: hover, unanalysed Markdown file (round-trip floor)", &mut floors);
    row(&name, "typing: documentSymbol", &mut symbols);
    row(&name, "typing: codeAction (cursor)", &mut actions);
    let settled = server.wait_diagnostics(uri, version);
    let _ = settled;

    let mut diagnostics = Vec::new();
    for _ in 0..DIAGNOSTIC_EDITS {
        std::thread::sleep(Duration::from_millis(20));
        let sent = Instant::now();
        type_char(&mut server, &mut current, &mut cursor, &mut version);
        diagnostics.push(server.wait_diagnostics(uri, version) - sent);
    }
    row(&name, "edit → publishDiagnostics (includes debounce)", &mut diagnostics);
    server.shutdown();
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((bin, articles)) = args.split_first().filter(|(_, rest)| !rest.is_empty()) else {
        fail("usage: lsp-latency ZHNEWS_BIN ARTICLE [ARTICLE...]");
    };
    println!("| document | measurement | n | p50 ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|---|");
    for article in articles {
        run(bin, article);
    }
}
