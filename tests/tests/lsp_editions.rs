//! Edition findings over LSP (`[[editions]]`): an open edition's diagnostics point into the other
//! edition (its file on disk, or its open text), in the negotiated position encoding; they are
//! published again when the other edition changes; the quick fix takes the other edition's
//! wording with an exact edit.

use std::path::Path;

use serde_json::{Value, json};
use zhnews_tests::lsp::Server;
use zhnews_tests::workspace_root;

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(workspace_root().join("tests/fixtures/editions").join(name)).unwrap()
}

/// A workspace pairing `hk.txt` (Traditional) with `cn.txt` (Simplified), and `weather.txt`,
/// an edition of nothing.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("zhnews.toml"), "[[editions]]\nfiles = [\"hk.txt\", \"cn.txt\"]\n").unwrap();
    std::fs::write(root.join("hk.txt"), fixture("briefing.hk.txt")).unwrap();
    std::fs::write(root.join("cn.txt"), fixture("briefing.cn.txt")).unwrap();
    std::fs::write(root.join("weather.txt"), "天文台表示，明日大致天晴，最高氣溫約二十六度。\n").unwrap();
    dir
}

fn start(root: &Path, encodings: &[&str]) -> Server {
    let mut server = Server::start_with(&[], &[("ZHNEWS_USER_GAZETTEER", "/nonexistent/zhnews-test-gazetteer.toml")]);
    let root = uri(root);
    let result = server.initialize_params(json!({
        "processId": null,
        "rootUri": root,
        "workspaceFolders": [{"uri": root, "name": "news"}],
        "capabilities": {"general": {"positionEncodings": encodings}}
    }));
    assert_eq!(result["capabilities"]["positionEncoding"], encodings[0]);
    server
}

/// (rule, start line, start character, related uri, related line, related character) of each
/// edition diagnostic.
fn editions(diagnostics: &[Value]) -> Vec<(String, u64, u64, String, u64, u64)> {
    diagnostics
        .iter()
        .filter(|d| d["code"].as_str().is_some_and(|code| code.starts_with("edition-")))
        .map(|d| {
            let related = &d["relatedInformation"][0]["location"];
            (
                d["code"].as_str().unwrap().to_owned(),
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["range"]["start"]["character"].as_u64().unwrap(),
                related["uri"].as_str().unwrap().rsplit('/').next().unwrap().to_owned(),
                related["range"]["start"]["line"].as_u64().unwrap(),
                related["range"]["start"]["character"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn each_edition_points_into_the_other_and_follows_its_changes() {
    let dir = workspace();
    let (hk, cn) = (uri(&dir.path().join("hk.txt")), uri(&dir.path().join("cn.txt")));
    // UTF-8 positions: 勢量 is the 16th character of its line, at byte 45; 近40場 at byte 49.
    let mut server = start(dir.path(), &["utf-8", "utf-16"]);
    server.open(&hk, "plaintext", &fixture("briefing.hk.txt"));
    let diagnostics = server.diagnostics(&hk, 1);
    let expected_hk = vec![
        ("edition-figure".to_owned(), 0, 49, "cn.txt".to_owned(), 0, 49),
        ("edition-text".to_owned(), 2, 45, "cn.txt".to_owned(), 2, 45),
    ];
    assert_eq!(editions(&diagnostics), expected_hk, "{diagnostics:#?}");
    let text = diagnostics.iter().find(|d| d["code"] == "edition-text").unwrap();
    assert_eq!(text["relatedInformation"][0]["location"]["range"]["end"], json!({"line": 2, "character": 51}));
    assert!(text["codeDescription"]["href"].as_str().unwrap().ends_with("docs/rules.md#edition-text"), "{text}");

    // The quick fix takes the other edition's wording, in this edition's script.
    let response = server.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": hk},
            "range": text["range"],
            "context": {"diagnostics": [], "only": ["quickfix"]}
        }),
    );
    let actions = response["result"].as_array().unwrap();
    let fix = actions.iter().find(|a| a["title"] == "Take the other edition's wording: `聲勢`").expect("the quick fix");
    assert_eq!(fix["diagnostics"][0]["code"], "edition-text");
    let edit = &fix["edit"]["documentChanges"][0];
    assert_eq!(edit["textDocument"], json!({"uri": hk, "version": 1}));
    assert_eq!(
        edit["edits"],
        json!([{"range": {"start": {"line": 2, "character": 45}, "end": {"line": 2, "character": 51}}, "newText": "聲勢"}])
    );

    // The other edition, opened, points back.
    server.open(&cn, "plaintext", &fixture("briefing.cn.txt"));
    let diagnostics = server.diagnostics(&cn, 1);
    let expected_cn = vec![
        ("edition-figure".to_owned(), 0, 49, "hk.txt".to_owned(), 0, 49),
        ("edition-text".to_owned(), 2, 45, "hk.txt".to_owned(), 2, 45),
    ];
    assert_eq!(editions(&diagnostics), expected_cn, "{diagnostics:#?}");

    // Taking the Hong Kong wording into the open mainland edition: the Hong Kong edition's
    // diagnostics are published again, without the difference (its version is still 1).
    server.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": cn, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 2, "character": 45}, "end": {"line": 2, "character": 51}}, "text": "势量"}]
        }),
    );
    let republished = server.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == hk
            && m["params"]["diagnostics"].as_array().is_some_and(|d| !d.iter().any(|d| d["code"] == "edition-text"))
    });
    assert_eq!(republished["params"]["version"], 1);
    let diagnostics = republished["params"]["diagnostics"].as_array().unwrap();
    assert_eq!(editions(diagnostics), expected_hk[..1], "{diagnostics:#?}");
    let diagnostics = server.diagnostics(&cn, 2);
    assert_eq!(editions(&diagnostics), expected_cn[..1], "{diagnostics:#?}");

    // A file that is nobody's edition has no edition findings.
    let weather = uri(&dir.path().join("weather.txt"));
    server.open(&weather, "plaintext", "天文台表示，明日大致天晴，最高氣溫約二十六度。\n");
    assert!(editions(&server.diagnostics(&weather, 1)).is_empty());
    server.shutdown();
}

#[test]
fn pulled_diagnostics_carry_the_edition_findings_in_utf16() {
    let dir = workspace();
    let hk = uri(&dir.path().join("hk.txt"));
    let mut server = Server::start_with(&[], &[("ZHNEWS_USER_GAZETTEER", "/nonexistent/zhnews-test-gazetteer.toml")]);
    let root = uri(dir.path());
    server.initialize_params(json!({
        "processId": null,
        "rootUri": root,
        "capabilities": {"textDocument": {"diagnostic": {}}}
    }));
    server.open(&hk, "plaintext", &fixture("briefing.hk.txt"));
    let response = server.request("textDocument/diagnostic", json!({"textDocument": {"uri": hk}}));
    let items = response["result"]["items"].as_array().unwrap();
    assert_eq!(
        editions(items),
        [
            ("edition-figure".to_owned(), 0, 17, "cn.txt".to_owned(), 0, 17),
            ("edition-text".to_owned(), 2, 15, "cn.txt".to_owned(), 2, 15)
        ],
        "{items:#?}"
    );
    server.shutdown();
}
