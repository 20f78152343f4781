//! "Ignore this finding" over stdio against the real binary: the quick fix runs
//! `zhnews.ignoreFinding`, which writes the workspace baseline (`zhnews-baseline.json`); the
//! finding leaves the editor (pushed and pulled diagnostics), and `zhnews check --baseline`
//! reading the same file passes.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};
use zhnews_tests::lsp::Server;

/// A Traditional story with one stray Simplified word (互动): one `mixed-script` finding.
const STORY: &str =
    "國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議。\n\n兩國元首見證雙方互动合作，推進經貿往來。\n";

fn temp_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhnews-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn start(root: &Path, capabilities: Value) -> Server {
    let mut server = Server::start();
    let response =
        server.request("initialize", json!({"processId": null, "rootUri": uri(root), "capabilities": capabilities}));
    let commands = &response["result"]["capabilities"]["executeCommandProvider"]["commands"];
    assert_eq!(commands, &json!(["zhnews.ignoreFinding"]), "{response}");
    server.notify("initialized", json!({}));
    server
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics.iter().map(|d| d["code"].as_str().unwrap_or_default().to_owned()).collect()
}

fn check(dir: &Path, args: &[&str]) -> Option<i32> {
    let output = Command::new(zhnews_tests::zhnews_bin())
        .arg("check")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("zhnews runs");
    output.status.code()
}

#[test]
fn ignoring_a_finding_writes_the_baseline_and_hides_it_in_editor_and_ci() {
    let dir = temp_folder("ignore-lsp");
    let article = dir.join("news").join("a.txt");
    std::fs::create_dir_all(article.parent().unwrap()).unwrap();
    std::fs::write(&article, STORY).unwrap();
    let article_uri = uri(&article);
    assert_eq!(check(&dir, &["news/a.txt"]), Some(1), "the finding fails CI before it is ignored");

    let mut server = start(&dir, json!({}));
    server.open(&article_uri, "plaintext", STORY);
    let diagnostics = server.diagnostics(&article_uri, 1);
    assert_eq!(codes(&diagnostics), ["mixed-script"]);
    let diagnostic = diagnostics[0].clone();

    let response = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": article_uri}, "range": diagnostic["range"],
               "context": {"diagnostics": [diagnostic], "only": ["quickfix"]}}),
    );
    let actions = response["result"].as_array().cloned().unwrap_or_default();
    let ignore = actions
        .iter()
        .find(|a| a["title"] == "Ignore this finding (mixed-script) in the baseline")
        .unwrap_or_else(|| panic!("no ignore action among {actions:#?}"))
        .clone();
    assert_eq!(ignore["kind"], "quickfix");
    assert!(ignore.get("edit").is_none(), "ignoring never edits the document: {ignore}");
    assert_eq!(ignore["diagnostics"][0]["code"], "mixed-script");
    let command = &ignore["command"];
    assert_eq!(command["command"], "zhnews.ignoreFinding");
    let fingerprint = command["arguments"][0]["fingerprint"].as_str().expect("a fingerprint").to_owned();
    assert_eq!(fingerprint.len(), 16);

    let response = server
        .request("workspace/executeCommand", json!({"command": command["command"], "arguments": command["arguments"]}));
    let baseline = dir.join("zhnews-baseline.json");
    assert_eq!(response["result"]["baseline"], baseline.display().to_string(), "{response}");
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(
        written,
        json!({"version": 1, "findings": [
            {"path": "news/a.txt", "rule": "mixed-script", "fingerprint": fingerprint, "excerpt": "动"}
        ]})
    );

    // The finding leaves the editor: the next publish for the same version has none.
    let republished = server.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == article_uri.as_str()
            && m["params"]["diagnostics"].as_array().is_some_and(|d| d.is_empty())
    });
    assert_eq!(republished["params"]["version"], 1);
    let text = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": article_uri},
        "range": diagnostic["range"], "context": {"diagnostics": [], "only": ["quickfix"]}}),
    );
    let titles: Vec<&str> =
        text["result"].as_array().into_iter().flatten().filter_map(|a| a["title"].as_str()).collect();
    assert!(titles.iter().all(|t| !t.contains("mixed-script")), "{titles:?}");
    assert_eq!(server.shutdown(), Some(0));
    assert_eq!(std::fs::read_to_string(&article).unwrap(), STORY, "the document is untouched");

    // A pulling client sees the baseline from the start.
    let mut server = start(&dir, json!({"textDocument": {"diagnostic": {}}}));
    server.open(&article_uri, "plaintext", STORY);
    let report = server.request("textDocument/diagnostic", json!({"textDocument": {"uri": article_uri}}));
    assert_eq!(report["result"]["items"], json!([]), "{report}");
    // A second, different finding in the same file is still reported.
    let more = format!("{STORY}\n雙方還討論了数字經濟。\n");
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": article_uri, "version": 2}, "contentChanges": [{"text": more}]}),
    );
    let report = server.request("textDocument/diagnostic", json!({"textDocument": {"uri": article_uri}}));
    let items = report["result"]["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(codes(&items), ["mixed-script"], "{report}");
    assert_eq!(items[0]["range"]["start"]["line"], 4, "only the new finding: {report}");
    assert_eq!(server.shutdown(), Some(0));

    // CI reading the same baseline agrees, from the root or from elsewhere.
    assert_eq!(check(&dir, &["--baseline", "zhnews-baseline.json", "news/a.txt"]), Some(0));
    let elsewhere = dir.join("news");
    assert_eq!(check(&elsewhere, &["--baseline", "../zhnews-baseline.json", "a.txt"]), Some(0));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_broken_baseline_is_left_alone_and_reported() {
    let dir = temp_folder("ignore-lsp-broken");
    let article = dir.join("a.txt");
    std::fs::write(&article, STORY).unwrap();
    std::fs::write(dir.join("zhnews-baseline.json"), "not json").unwrap();
    let article_uri = uri(&article);
    let mut server = start(&dir, json!({}));
    server.open(&article_uri, "plaintext", STORY);
    let diagnostics = server.diagnostics(&article_uri, 1);
    assert_eq!(codes(&diagnostics), ["mixed-script"], "a broken baseline filters nothing");
    let response = server.request(
        "workspace/executeCommand",
        json!({"command": "zhnews.ignoreFinding", "arguments": [{"uri": article_uri, "rule": "mixed-script",
               "fingerprint": "0123456789abcdef", "excerpt": "互动"}]}),
    );
    let message = response["error"]["message"].as_str().unwrap_or_else(|| panic!("an error: {response}"));
    assert!(message.contains("not a baseline file"), "{message}");
    assert_eq!(std::fs::read_to_string(dir.join("zhnews-baseline.json")).unwrap(), "not json");
    let response = server.request("workspace/executeCommand", json!({"command": "zhnews.noSuchCommand"}));
    assert!(response["error"]["message"].as_str().is_some_and(|m| m.contains("unknown command")), "{response}");
    assert_eq!(server.shutdown(), Some(0));
    std::fs::remove_dir_all(dir).unwrap();
}
