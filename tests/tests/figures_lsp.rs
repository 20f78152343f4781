//! Figure diagnostics and hover over stdio against the real `zhnews serve`.

use serde_json::json;
use zhnews_tests::lsp::Server;

const URI: &str = "file:///tmp/zhnews-figures-test.txt";

#[test]
fn figure_diagnostics_carry_codes_and_related_information() {
    let text = "2024年11月16日（五），主席行程逾4萬公里。\n\n## 一、甲\n\n## 三、乙\n\n## 二、丙\n";
    let mut server = Server::start();
    server.initialize(json!({"textDocument": {"publishDiagnostics": {"relatedInformation": true}}}));
    server.open(URI, "plaintext", text);
    let diagnostics = server.diagnostics(URI, 1);
    let codes: Vec<&str> = diagnostics.iter().filter_map(|d| d["code"].as_str()).collect();
    assert_eq!(codes, ["weekday-mismatch", "sequence-order"], "{diagnostics:#?}");
    for diagnostic in &diagnostics {
        assert_eq!(diagnostic["source"], "zhnews");
        assert!(diagnostic["relatedInformation"].as_array().is_some_and(|r| !r.is_empty()), "{diagnostic:#?}");
    }
    let weekday = &diagnostics[0];
    assert!(weekday["message"].as_str().unwrap().contains("Saturday"), "{weekday:#?}");

    let character = text.lines().next().unwrap().chars().position(|c| c == '萬').unwrap();
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": character}}),
    );
    assert_eq!(hover["result"]["contents"]["value"], "**more than 40,000 km**", "{hover:#?}");
    let date = server
        .request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 3}}));
    assert_eq!(date["result"]["contents"]["value"], "**2024-11-16 (Saturday)**", "{date:#?}");
    server.shutdown();
}
