//! Entities end to end: the real binary over LSP (hover, references, highlights, semantic
//! tokens, workspace symbols, positions with astral characters and CRLF) and on the command line.

use serde_json::{Value, json};
use zhnews_tests::lsp::Server;

const TRADITIONAL: &str = "國家主席習近平抵達秘魯首都利馬，出席亞太經合組織（APEC）會議。";
const SIMPLIFIED: &str = "国家主席习近平抵达秘鲁首都利马。中美关系和中方立场。";
// Lines of about one width, as a wrapped paragraph (a line much narrower than its neighbours
// ends its paragraph, see zhnews_core::document).
const ASTRAL_CRLF: &str = "𠮷的習近平\r\n今日對秘\r\n魯訪問。";

fn position(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

fn start() -> Server {
    // An empty user gazetteer keeps the developer's own out of the test.
    let mut server = Server::start_with(&[], &[("ZHNEWS_USER_GAZETTEER", "/nonexistent/zhnews-test-gazetteer.toml")]);
    server.initialize(json!({}));
    server.open("file:///news/a.txt", "plaintext", TRADITIONAL);
    server.open("file:///news/b.txt", "plaintext", SIMPLIFIED);
    server.open("file:///news/c.txt", "plaintext", ASTRAL_CRLF);
    server
}

#[test]
fn hover_shows_the_entity_in_both_scripts() {
    let mut server = start();
    let hover = server.request("textDocument/hover", position("file:///news/a.txt", 0, 5));
    let result = &hover["result"];
    let markdown = result["contents"]["value"].as_str().unwrap_or_default();
    assert!(markdown.contains("**習近平** · **习近平** — *Xí Jìnpíng*"), "{hover}");
    assert!(markdown.contains("source: curated gazetteer"), "{hover}");
    assert_eq!(result["range"], json!({"start": {"line": 0, "character": 4}, "end": {"line": 0, "character": 7}}));

    let hover = server.request("textDocument/hover", position("file:///news/b.txt", 0, 4));
    let markdown = hover["result"]["contents"]["value"].as_str().unwrap_or_default();
    assert!(markdown.contains("Xi Jinping"), "{hover}");

    // Relational compounds and "X side" forms have no hover.
    for character in [16, 22] {
        let hover = server.request("textDocument/hover", position("file:///news/b.txt", 0, character));
        assert_eq!(hover["result"], Value::Null, "{character}: {hover}");
    }
    assert_eq!(server.shutdown(), Some(0));
}

#[test]
fn people_from_the_lac_model_reach_the_hover_after_the_diagnostics() {
    let mut server = start();
    // 陳建宏 (an invented name) is in no dictionary: the model proposes him after the analysis,
    // in the background.
    server.open("file:///news/d.txt", "plaintext", "行政院長陳建宏今天表示支持。");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let markdown = loop {
        let hover = server.request("textDocument/hover", position("file:///news/d.txt", 0, 5));
        let markdown = hover["result"]["contents"]["value"].as_str().unwrap_or_default().to_owned();
        if markdown.contains("LAC model") || std::time::Instant::now() > deadline {
            break markdown;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert!(markdown.contains("**陳建宏** · **陈建宏**"), "{markdown}");
    assert!(markdown.contains("source: LAC model guess"), "{markdown}");
    let hover = server.request("textDocument/hover", position("file:///news/d.txt", 0, 5));
    assert_eq!(
        hover["result"]["range"],
        json!({"start": {"line": 0, "character": 4}, "end": {"line": 0, "character": 7}})
    );
}

#[test]
fn positions_count_utf16_units_and_names_span_crlf() {
    let mut server = start();
    // 𠮷 is two UTF-16 units: 習 starts at character 3.
    let hover = server.request("textDocument/hover", position("file:///news/c.txt", 0, 4));
    assert_eq!(
        hover["result"]["range"],
        json!({"start": {"line": 0, "character": 3}, "end": {"line": 0, "character": 6}}),
        "{hover}"
    );
    // 秘魯 is broken by a CRLF: one hover over both lines, two semantic tokens.
    let hover = server.request("textDocument/hover", position("file:///news/c.txt", 2, 0));
    assert_eq!(
        hover["result"]["range"],
        json!({"start": {"line": 1, "character": 3}, "end": {"line": 2, "character": 1}}),
        "{hover}"
    );
    let tokens =
        server.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": "file:///news/c.txt"}}));
    // [deltaLine, deltaStart, length, type, modifiers]: 習近平 (person), 秘 and 魯 (place).
    assert_eq!(tokens["result"]["data"], json!([0, 3, 3, 0, 0, 1, 3, 1, 1, 0, 1, 0, 1, 1, 0]), "{tokens}");
    assert_eq!(server.shutdown(), Some(0));
}

#[test]
fn references_highlights_and_symbols_match_across_scripts() {
    let mut server = start();
    let references = server.request(
        "textDocument/references",
        json!({"textDocument": {"uri": "file:///news/a.txt"}, "position": {"line": 0, "character": 5},
               "context": {"includeDeclaration": true}}),
    );
    let uris: Vec<&str> = references["result"]
        .as_array()
        .map(|l| l.iter().filter_map(|l| l["uri"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(uris, ["file:///news/a.txt", "file:///news/b.txt", "file:///news/c.txt"], "{references}");

    let highlights = server.request("textDocument/documentHighlight", position("file:///news/b.txt", 0, 9));
    assert_eq!(highlights["result"].as_array().map(Vec::len), Some(1), "{highlights}");
    assert_eq!(highlights["result"][0]["range"]["start"], json!({"line": 0, "character": 9}));

    let symbols = server.request("workspace/symbol", json!({"query": "peru"}));
    let names: Vec<&str> =
        symbols["result"].as_array().map(|s| s.iter().filter_map(|s| s["name"].as_str()).collect()).unwrap_or_default();
    assert_eq!(names, ["秘魯 (Peru)", "秘鲁 (Peru)", "秘魯 (Peru)"], "{symbols}");
    assert_eq!(server.shutdown(), Some(0));
}

#[test]
fn cli_prints_mentions_as_json_lines_and_about_credits_the_data() {
    let dir = std::env::temp_dir().join(format!("zhnews-entities-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("a.txt");
    std::fs::write(&file, format!("{ASTRAL_CRLF}\n")).expect("write");
    std::fs::write(dir.join("zhnews.toml"), "[entities]\nguesses = false\n").expect("write");
    let output = std::process::Command::new(zhnews_tests::zhnews_bin())
        .args(["entities", "--format", "json"])
        .arg(&file)
        .env("ZHNEWS_USER_GAZETTEER", "/nonexistent/zhnews-test-gazetteer.toml")
        .output()
        .expect("zhnews runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let lines: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON line"))
        .collect();
    let summary: Vec<Value> = lines
        .iter()
        .map(|m| json!([m["line"], m["character"], m["end"], m["surface"], m["kind"], m["english"], m["id"]]))
        .collect();
    assert_eq!(
        summary,
        [
            json!([0, 2, {"line": 0, "character": 5}, "習近平", "person", "Xi Jinping", "xi-jinping"]),
            json!([1, 3, {"line": 2, "character": 1}, "秘\r\n魯", "place", "Peru", "peru"]),
        ]
    );
    assert_eq!(lines[0]["path"], json!(file.display().to_string()));
    std::fs::remove_dir_all(&dir).expect("cleanup");

    let about = std::process::Command::new(zhnews_tests::zhnews_bin()).arg("about").output().expect("zhnews runs");
    let about = String::from_utf8_lossy(&about.stdout);
    assert!(about.contains("CC-CEDICT") && about.contains("MDBG") && about.contains("CC BY-SA 4.0"), "{about}");
    assert!(about.contains("Paul Andrew Denisowski"), "{about}");
}
