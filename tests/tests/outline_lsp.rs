//! Document symbols, folding ranges and selection ranges over stdio against the real binary,
//! with an astral character (𠮷, two UTF-16 units, four UTF-8 bytes) and CRLF line endings.

use serde_json::{Value, json};
use zhnews_tests::lsp::Server;

const URI: &str = "file:///tmp/zhnews-outline-test.txt";

/// Lines: 0 title, 2 dateline, 4 section 一, 6 body, 8 section 二, 10 body.
const TEXT: &str = "# 𠮷野家開業 慶祝活動今起一連三日\r\n\r\n本報訊 𠮷野家今日在旺角開設首間分店。\r\n\r\n## 一、𠮷祥開張\r\n\r\n開業首日吸引逾千人排隊。\r\n\r\n## 二、優惠\r\n\r\n全日八折，會員再減一成。\r\n";

fn pos(line: u64, character: u64) -> Value {
    json!({"line": line, "character": character})
}

fn range(start: (u64, u64), end: (u64, u64)) -> Value {
    json!({"start": pos(start.0, start.1), "end": pos(end.0, end.1)})
}

fn start(capabilities: Value) -> Server {
    let mut server = Server::start();
    let result = server.initialize(capabilities);
    let caps = &result["capabilities"];
    assert_eq!(caps["documentSymbolProvider"], json!(true), "{caps}");
    assert_eq!(caps["foldingRangeProvider"], json!(true), "{caps}");
    assert_eq!(caps["selectionRangeProvider"], json!(true), "{caps}");
    server.open(URI, "plaintext", TEXT);
    server
}

#[test]
fn hierarchical_symbols_in_utf16() {
    let mut server = start(json!({"textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": true}}}));
    let response = server.request("textDocument/documentSymbol", json!({"textDocument": {"uri": URI}}));
    let symbols = response["result"].as_array().expect("symbols").clone();
    assert_eq!(symbols.len(), 1, "{response}");
    let root = &symbols[0];
    assert_eq!(root["name"], "𠮷野家開業 慶祝活動今起一連三日");
    assert_eq!(root["detail"], "本報訊");
    assert_eq!(root["kind"], 2, "a story is a module");
    // 𠮷 counts two UTF-16 units: 2 + 4 + 1 + 10 = 17 units after "# ".
    assert_eq!(root["selectionRange"], range((0, 2), (0, 19)));
    assert_eq!(root["range"], range((0, 0), (10, 12)));
    let children = root["children"].as_array().expect("children");
    assert_eq!(children.len(), 2);
    assert_eq!(children[0]["name"], "一、𠮷祥開張");
    assert_eq!(children[0]["kind"], 3, "a numbered section is a namespace");
    // 一、𠮷祥開張: 1 + 1 + 2 + 3 units.
    assert_eq!(children[0]["selectionRange"], range((4, 3), (4, 10)));
    assert_eq!(children[0]["range"], range((4, 0), (6, 12)));
    assert_eq!(children[0]["detail"], "18字", "no markup, no whitespace");
    assert_eq!(children[1]["range"], range((8, 0), (10, 12)));
    server.shutdown();
}

#[test]
fn utf8_positions_when_negotiated() {
    let mut server = start(json!({
        "general": {"positionEncodings": ["utf-8", "utf-16"]},
        "textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": true}}
    }));
    let response = server.request("textDocument/documentSymbol", json!({"textDocument": {"uri": URI}}));
    let section = &response["result"][0]["children"][0];
    // "## " is 3 bytes, then 一(3) 、(3) 𠮷(4) 祥(3) 開(3) 張(3) = 19 bytes.
    assert_eq!(section["selectionRange"], range((4, 3), (4, 22)), "{response}");
    server.shutdown();
}

#[test]
fn flat_symbols_name_their_container() {
    let mut server = start(json!({}));
    let response = server.request("textDocument/documentSymbol", json!({"textDocument": {"uri": URI}}));
    let symbols = response["result"].as_array().expect("symbols");
    let names: Vec<(&str, Option<&str>)> =
        symbols.iter().map(|s| (s["name"].as_str().unwrap_or(""), s["containerName"].as_str())).collect();
    assert_eq!(
        names,
        [
            ("𠮷野家開業 慶祝活動今起一連三日", None),
            ("一、𠮷祥開張", Some("𠮷野家開業 慶祝活動今起一連三日")),
            ("二、優惠", Some("𠮷野家開業 慶祝活動今起一連三日")),
        ]
    );
    assert_eq!(symbols[1]["location"]["uri"], URI);
    assert_eq!(symbols[1]["location"]["range"], range((4, 0), (6, 12)));
    server.shutdown();
}

#[test]
fn folding_ranges_for_story_and_sections() {
    let mut server = start(json!({}));
    let response = server.request("textDocument/foldingRange", json!({"textDocument": {"uri": URI}}));
    let folds: Vec<(u64, u64)> = response["result"]
        .as_array()
        .expect("folding ranges")
        .iter()
        .map(|f| (f["startLine"].as_u64().unwrap_or(99), f["endLine"].as_u64().unwrap_or(99)))
        .collect();
    assert_eq!(folds, [(0, 10), (4, 6), (8, 10)], "{response}");
    server.shutdown();
}

#[test]
fn selection_grows_sentence_paragraph_section_story() {
    let mut server = start(json!({}));
    // In "全日八折，會員再減一成。" on line 10, after the 𠮷-free prefix.
    let response = server.request(
        "textDocument/selectionRange",
        json!({"textDocument": {"uri": URI}, "positions": [pos(10, 3), pos(2, 5)]}),
    );
    let mut chain = Vec::new();
    let mut node = &response["result"][0];
    while !node.is_null() {
        chain.push(node["range"].clone());
        node = &node["parent"];
    }
    assert_eq!(
        chain,
        [range((10, 0), (10, 12)), range((8, 0), (10, 12)), range((0, 0), (10, 12)), range((0, 0), (11, 0))],
        "{response}"
    );
    // On the dateline line (one sentence, so sentence and paragraph are one range), 𠮷 shifts
    // UTF-16 columns: 3 + 1 + 2 + 13 + 1 units; outside every section, the story comes next.
    let dateline = &response["result"][1];
    assert_eq!(dateline["range"], range((2, 0), (2, 20)), "{response}");
    assert_eq!(dateline["parent"]["range"], range((0, 0), (10, 12)), "{response}");
    server.shutdown();
}
