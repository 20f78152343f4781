//! Hostile input over stdio: huge documents, floods of edits, stale versions, positions past
//! the end and inside surrogate pairs. The server answers, stays up, and gives memory back.

use serde_json::json;
use zhnews_tests::lsp::Server;

const URI: &str = "file:///tmp/zhnews-hostile.txt";

fn start() -> Server {
    let mut server = Server::start_with(&[], &[("ZHNEWS_LSP_TEST_METHODS", "1")]);
    server.initialize(json!({}));
    server
}

fn text_of(server: &mut Server, uri: &str) -> String {
    let response = server.request("zhnews/documentText", json!({"textDocument": {"uri": uri}}));
    response["result"]["text"].as_str().unwrap_or_else(|| panic!("{response}")).to_owned()
}

/// A paragraph of news-like text, repeated to `bytes`.
fn big_text(bytes: usize) -> String {
    let paragraph = "國家主席習近平抵達秘魯首都利馬，出席亞太經合組織第三十一次領導人非正式會議。𠮷\r\n";
    paragraph.repeat(bytes / paragraph.len() + 1)
}

/// Opens the big document, asks for something, closes it; returns the RSS after the close.
fn open_and_close(server: &mut Server, text: &str, other: &str) -> (u64, u64) {
    server.open(URI, "plaintext", text);
    let info = server.request("zhnews/documentInfo", json!({"textDocument": {"uri": URI}}));
    assert_eq!(info["result"]["script"], "traditional", "{info}");
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 100000, "character": 5}}),
    );
    assert!(hover.get("error").is_none(), "{hover}");
    // Let the debounced analysis finish too: it ends with a publish.
    server.diagnostics(URI, 1);
    let peak = server.rss_kib().expect("Linux /proc");
    server.notify("textDocument/didClose", json!({"textDocument": {"uri": URI}}));
    // A request on the other document proves didClose was processed before we measure.
    assert_eq!(text_of(server, other), "國家主席習近平抵達利馬。");
    let closed = server.request("zhnews/documentInfo", json!({"textDocument": {"uri": URI}}));
    assert_eq!(closed["error"]["code"], -32602, "{closed}");
    (peak, server.rss_kib().expect("Linux /proc"))
}

/// A 10 MB document is analysed and served.
#[test]
fn a_ten_megabyte_document_is_served() {
    let mut server = start();
    let other = "file:///tmp/zhnews-small.txt";
    server.open(other, "plaintext", "國家主席習近平抵達利馬。");
    let text = big_text(10 * 1024 * 1024);
    let (peak, _) = open_and_close(&mut server, &text, other);
    assert!(peak > 10 * 1024, "the document was in memory: {peak} KiB");
    assert_eq!(server.shutdown(), Some(0));
}

/// Closing a large document gives most of its memory back, and opening and closing it again
/// and again does not grow the server (see `zhnews_lsp::memory`). Some stays: transport buffers
/// keep the capacity the largest message needed. (2 MB rather than 10 MB keeps five debug-build
/// analyses quick.)
#[test]
fn closing_large_documents_returns_memory() {
    let mut server = start();
    let other = "file:///tmp/zhnews-small.txt";
    server.open(other, "plaintext", "國家主席習近平抵達利馬。");
    let text = big_text(2 * 1024 * 1024);
    // A first cycle loads what is loaded lazily (the jieba tagger, ~50 MB): that stays.
    open_and_close(&mut server, &text, other);
    std::thread::sleep(std::time::Duration::from_secs(2));
    let baseline = server.rss_kib().expect("Linux /proc");
    let (peak, after_first) = open_and_close(&mut server, &text, other);
    let mut after = after_first;
    for _ in 0..4 {
        after = open_and_close(&mut server, &text, other).1;
    }
    eprintln!("RSS: baseline {baseline}, peak {peak}, first close {after_first}, fifth close {after} KiB");
    // (Compared without subtraction: background warm-up can leave the baseline above the
    // level after a close.)
    assert!(
        after_first * 2 < peak + baseline,
        "most memory is returned: baseline {baseline}, peak {peak}, after close {after_first} KiB"
    );
    // A leak of the document would add its whole footprint per cycle (four more cycles: four
    // footprints); allocator fragmentation adds some MB over the cycles (measured 7 to 27 MB
    // against a footprint of about 73 MB, depending on how the threads' arenas are hit; half a
    // footprint was once exceeded on a loaded CI machine), so the bound is one footprint: a
    // leak of a quarter of the document per cycle still crosses it.
    assert!(
        after < after_first + peak.saturating_sub(baseline.min(after_first)),
        "no growth over five open/close cycles: baseline {baseline}, first close {after_first}, fifth close {after} KiB"
    );
    assert_eq!(server.shutdown(), Some(0));
}

/// Issue 19, item 3: the analysis of a version that is no longer current stops at its next
/// paragraph, so keystrokes on a large document do not pile up analyses, and a hover waits
/// only for the current version's. Measured against one analysis of the same text in the same
/// server: before, typing eight characters 0.3 s apart on a 3 MB page (whose first analysis
/// takes about 3 s of CPU in a debug build) finished every version's analysis, each from
/// scratch, and the hover waited for them all on two cores: 7.1× one analysis's CPU, the hover
/// 6.2× its time. Now each analysis stops when the next keystroke comes and the next one goes
/// on from the paragraphs it had done: 0.6–0.9× the CPU, the hover 0.4–0.6× the time.
#[test]
fn keystrokes_on_a_large_document_cancel_outdated_analyses() {
    let mut server = start();
    // Names found without jieba's guesses, so that the tagger loading in the background does
    // not send every paragraph through recognition again in the middle of the measurement.
    server.notify("workspace/didChangeConfiguration", json!({"settings": {"entities": {"guesses": false}}}));
    let text = page(3 * 1024 * 1024);
    // One analysis of the page, with the built-in tables already loaded.
    let warm = "file:///tmp/zhnews-warm.txt";
    server.open(warm, "plaintext", "國家主席習近平抵達利馬。");
    server.diagnostics(warm, 1);
    wait_until_idle(&server);
    let once = "file:///tmp/zhnews-once.txt";
    let (cpu, sent) = (server.cpu_time().expect("Linux /proc"), std::time::Instant::now());
    server.open(once, "plaintext", &text);
    let (answered, _) = server.diagnostics_timed(once, 1);
    let (one_cpu, one_wall) = (server.cpu_time().unwrap() - cpu, answered - sent);
    server.notify("textDocument/didClose", json!({"textDocument": {"uri": once}}));
    wait_until_idle(&server);
    // Eight keystrokes 0.3 s apart from the moment the page is opened, then a hover.
    let cpu = server.cpu_time().unwrap();
    server.open(URI, "plaintext", &text);
    for version in 2..10 {
        std::thread::sleep(std::time::Duration::from_millis(300));
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "的"}]}),
        );
    }
    let hover = json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 1}});
    let waited = server.timed_request("textDocument/hover", hover).expect("the hover is answered");
    let typing_cpu = server.cpu_time().unwrap() - cpu;
    let (cpu_ratio, wait_ratio) =
        (typing_cpu.as_secs_f64() / one_cpu.as_secs_f64(), waited.as_secs_f64() / one_wall.as_secs_f64());
    eprintln!(
        "one analysis: {one_wall:?} ({one_cpu:?} CPU); typing: CPU {typing_cpu:?} ({cpu_ratio:.1}×), \
         hover waited {waited:?} ({wait_ratio:.1}×)"
    );
    assert!(cpu_ratio < 4.0, "outdated analyses were not abandoned: {cpu_ratio:.1}× one analysis's CPU");
    assert!(wait_ratio < 2.5, "the hover waited for {wait_ratio:.1}× one analysis");
    assert_eq!(server.shutdown(), Some(0));
}

/// Waits until the server has used no CPU for 0.3 s (the tables and jieba it loads in the
/// background are in).
fn wait_until_idle(server: &Server) {
    let mut before = server.cpu_time().expect("Linux /proc");
    for _ in 0..600 {
        std::thread::sleep(std::time::Duration::from_millis(300));
        let now = server.cpu_time().expect("Linux /proc");
        if now == before {
            return;
        }
        before = now;
    }
    panic!("the server never went idle");
}

/// A news page of about `bytes`: the figure fixtures' clean articles, each copy's sentences
/// numbered so that no paragraph repeats another.
fn page(bytes: usize) -> String {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/figures");
    let mut names: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().is_some_and(|name| name.to_string_lossy().starts_with("clean-")))
        .collect();
    names.sort();
    let articles: String = names
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .flat_map(|article| {
            article.lines().filter(|line| !line.starts_with("#!")).map(str::to_owned).collect::<Vec<_>>()
        })
        .map(|line| line + "\n")
        .collect();
    let mut page = String::new();
    for copy in 0.. {
        if page.len() >= bytes {
            break;
        }
        page.push_str(&articles.replace("。\n", &format!("（{copy}）。\n")));
        page.push('\n');
    }
    page
}

#[test]
fn a_thousand_rapid_edits_end_in_the_right_text() {
    let mut server = start();
    server.open(URI, "plaintext", "");
    let mut expected = String::new();
    for i in 0..1000 {
        let c = if i % 3 == 0 { "𠮷" } else { "習" };
        let column = expected.encode_utf16().count();
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": i + 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": column}, "end": {"line": 0, "character": column}}, "text": c}]}),
        );
        expected.push_str(c);
    }
    assert_eq!(text_of(&mut server, URI), expected);
    // Diagnostics are published for the newest version only (older ones were debounced away).
    let published = server.wait_for(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == URI);
    assert_eq!(published["params"]["version"], 1001, "{published}");
    assert_eq!(server.shutdown(), Some(0));
}

#[test]
fn odd_positions_and_versions_do_not_break_anything() {
    let mut server = start();
    server.open(URI, "plaintext", "𠮷野家\r\n秘魯");
    // Inside the surrogate pair of 𠮷 (UTF-16 column 1): rounds down to the start of 𠮷.
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 1}}, "text": "A"}]}),
    );
    assert_eq!(text_of(&mut server, URI), "A𠮷野家\r\n秘魯");
    // A stale version is applied (the client's text is the truth) and logged.
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 1}, "contentChanges": [{"range": {"start": {"line": 9, "character": 0}, "end": {"line": 9, "character": 0}}, "text": "。"}]}),
    );
    assert_eq!(text_of(&mut server, URI), "A𠮷野家\r\n秘魯。");
    // Requests with positions far past the end answer without error.
    for (line, character) in [(0, 9999), (9999, 0), (u32::MAX, u32::MAX)] {
        let hover = server.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}}),
        );
        assert!(hover.get("error").is_none(), "{hover}");
        let actions = server.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": line, "character": character}}, "context": {"diagnostics": []}}),
        );
        assert!(actions.get("error").is_none(), "{actions}");
        let selection = server.request(
            "textDocument/selectionRange",
            json!({"textDocument": {"uri": URI}, "positions": [{"line": line, "character": character}]}),
        );
        assert_eq!(selection["result"].as_array().map(Vec::len), Some(1), "{selection}");
    }
    // Changes to and requests for unknown documents.
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///nowhere.txt", "version": 2}, "contentChanges": [{"text": "x"}]}),
    );
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.txt"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(hover["result"], serde_json::Value::Null, "{hover}");
    for method in ["textDocument/documentSymbol", "textDocument/foldingRange"] {
        let response = server.request(method, json!({"textDocument": {"uri": "file:///nowhere.txt"}}));
        assert_eq!(response["result"], serde_json::Value::Null, "{method}: {response}");
    }
    assert_eq!(text_of(&mut server, URI), "A𠮷野家\r\n秘魯。");
    assert_eq!(server.shutdown(), Some(0));
}

/// A frame as a client writes it, with `length` in its `Content-Length` header.
fn raw_frame(length: &str, body: &str) -> Vec<u8> {
    format!("Content-Length: {length}\r\n\r\n{body}").into_bytes()
}

/// Ids the transport cannot hold (a float, a number above 2⁶³−1) and a key given twice used to
/// end the server with status 1; each is an invalid request, answered with the id as read (null
/// when there are two), and the server keeps serving.
#[test]
fn a_request_id_the_server_cannot_hold_is_an_invalid_request() {
    let mut server = Server::start();
    let ids = ["1.5", "1.0", "1e3", "9223372036854775808", r#"1,"id":2"#];
    for id in ids {
        let body = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"initialize","params":{{"capabilities":{{}}}}}}"#);
        server.send_raw(&raw_frame(&body.len().to_string(), &body));
    }
    let mut answered = Vec::new();
    for _ in ids {
        let error = server.wait_for(|m| m.get("error").is_some());
        assert_eq!(error["error"]["code"], -32600, "{error}");
        answered.push(error["id"].clone());
    }
    assert_eq!(answered, [json!(1.5), json!(1.0), json!(1000.0), json!(9223372036854775808u64), json!(null)]);
    let result = server.initialize(json!({}));
    assert_eq!(result["serverInfo"]["name"], "zhnews", "{result}");
    assert_eq!(server.shutdown(), Some(0));
}

/// After a malformed frame the server finds the next frame and answers every later request. A
/// request in a malformed frame is answered with a parse error and its id, where the id can be
/// read (a length one byte short or long leaves the whole message in what is skipped).
#[test]
fn after_a_malformed_frame_every_later_request_is_answered() {
    let mut server = Server::start();
    // A negative length, then initialize: the frames of the report.
    server.send_raw(&raw_frame("-1", r#"{"jsonrpc":"2.0","method":"x"}"#));
    let result = server.initialize(json!({}));
    assert_eq!(result["serverInfo"]["name"], "zhnews", "{result}");
    for id in 100..120 {
        let body = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"shutdown"}}"#);
        let malformed = match id % 6 {
            0 => raw_frame("abc", &body),
            1 => raw_frame("-1", &body),
            2 => raw_frame("99999999999999999999999", &body),
            3 => body.clone().into_bytes(),
            4 => raw_frame(&(body.len() - 1).to_string(), &body),
            _ => raw_frame(&(body.len() + 1).to_string(), &body),
        };
        server.send_raw(&malformed);
        let answer = server.request("zhnews/documentInfo", json!({"textDocument": {"uri": "file:///nowhere.txt"}}));
        assert_eq!(answer["error"]["code"], -32602, "after frame {id}: {answer}");
        let error = server.wait_for(|m| m["id"] == id);
        assert_eq!(error["error"]["code"], -32700, "frame {id}: {error}");
    }
    assert_eq!(server.shutdown(), Some(0));
}
