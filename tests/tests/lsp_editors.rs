//! What the editor integrations rely on beyond plain LSP: the rule list in the initialize
//! result, pulling clients (VS Code) being told to pull again after a settings change, and a
//! server that ends when an editor closes right after starting it.

use serde_json::json;
use zhnews_tests::lsp::Server;

const ARTICLE: &str = "國家主席習近平11月14日抵達利馬，出席亞太經合組織領導人非正式會議。\n";

#[test]
fn initialize_lists_the_rules_in_experimental_capabilities() {
    let mut server = Server::start();
    let result = server.initialize(json!({}));
    let rules = result["capabilities"]["experimental"]["zhnews"]["rules"].as_array().cloned();
    let rules = rules.expect("capabilities.experimental.zhnews.rules is an array");
    for rule in &rules {
        let code = rule.as_str().expect("rule codes are strings");
        assert!(
            !code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{code} is kebab-case"
        );
    }
    // The codes of every finding the server publishes, the editions' among them.
    for code in ["figure-conflict", "edition-figure", "edition-text", "edition-name", "edition-missing"] {
        assert!(rules.iter().any(|rule| rule == code), "{code} in {rules:?}");
    }
    assert_eq!(server.shutdown(), Some(0));
}

#[test]
fn pulling_clients_are_asked_to_refresh_after_a_settings_change() {
    let mut server = Server::start();
    let capabilities = json!({
        "textDocument": {"diagnostic": {"dynamicRegistration": false}},
        "workspace": {"diagnostics": {"refreshSupport": true}},
    });
    server.initialize(capabilities);
    server.open("file:///tmp/zhnews-editors/article.txt", "plaintext", ARTICLE);
    let report = server
        .request("textDocument/diagnostic", json!({"textDocument": {"uri": "file:///tmp/zhnews-editors/article.txt"}}));
    assert_eq!(report["result"]["kind"], "full", "{report}");
    server.notify("workspace/didChangeConfiguration", json!({"settings": {"lsp": {"debounce_ms": 10}}}));
    let refresh = server.wait_for(|m| m["method"] == "workspace/diagnostic/refresh");
    assert!(refresh.get("id").is_some(), "refresh is a request: {refresh}");
    assert_eq!(server.shutdown(), Some(0));
}

/// Regression: `shutdown` handled before the `initialized` handler had sent its
/// `client/registerCapability` left that handler waiting forever, and `exit` did not end the
/// process (about one run in three; found by the editor tests).
#[test]
fn exit_right_after_initialized_ends_the_server() {
    for _ in 0..6 {
        let mut server = Server::start();
        server.initialize(json!({}));
        assert_eq!(server.shutdown(), Some(0));
    }
}

/// "Open Rule Documentation" in the editors follows `codeDescription.href`: every diagnostic of
/// a rule links to that rule's section of docs/rules.md, and the section exists.
#[test]
fn diagnostics_link_to_their_rule_documentation() {
    let mut server = Server::start();
    server.initialize(json!({}));
    let uri = "file:///tmp/zhnews-docs-link.txt";
    // 五個方面 after four named areas: count-mismatch.
    server.open(uri, "plaintext", "雙方就能源、通訊、金融、教育等五個方面交換意見。\n");
    let diagnostics = server.diagnostics(uri, 1);
    let diagnostic = diagnostics.iter().find(|d| d["code"] == "count-mismatch").expect("a count-mismatch diagnostic");
    let href = diagnostic["codeDescription"]["href"].as_str().expect("codeDescription.href");
    assert!(href.ends_with("/docs/rules.md#count-mismatch"), "{href}");
    assert_eq!(server.shutdown(), Some(0));
    let docs = std::fs::read_to_string(zhnews_tests::workspace_root().join("docs/rules.md")).expect("docs/rules.md");
    for rule in zhnews_core::rules::RULES {
        assert!(docs.lines().any(|line| line == format!("## {}", rule.code)), "docs/rules.md has ## {}", rule.code);
    }
}
