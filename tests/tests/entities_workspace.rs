//! The workspace index of entities over LSP: references and workspace symbols reach `.txt`
//! files the editor has not opened, across scripts, in the negotiated position encoding; the
//! open document's text wins over the disk; a file changed on disk is re-read when the file
//! watcher reports it, a closed one when it closes.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use zhnews_tests::lsp::Server;

/// The open document (Traditional).
const OPEN: &str = "國家主席習近平抵達利馬。\n";
/// Unopened, Simplified: 𠮷 (two UTF-16 units, four UTF-8 bytes) before the name.
const SIMPLIFIED: &str = "新华社利马电\n𠮷国家主席习近平出席会议。\n";
/// Unopened, Traditional.
const TRADITIONAL: &str = "習近平與博魯阿爾特會談。\n";

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("zhnews.toml"), "[check]\nexclude = [\"drafts\"]\n").unwrap();
        std::fs::write(root.join(".gitignore"), "ignored/\n").unwrap();
        std::fs::write(root.join("open.txt"), OPEN).unwrap();
        std::fs::create_dir_all(root.join("news")).unwrap();
        std::fs::write(root.join("news/simplified.txt"), SIMPLIFIED).unwrap();
        std::fs::write(root.join("news/traditional.txt"), TRADITIONAL).unwrap();
        // Neither is read: `[check] exclude` and `.gitignore` apply as in `zhnews check`.
        for skipped in ["drafts/a.txt", "ignored/b.txt"] {
            std::fs::create_dir_all(root.join(skipped).parent().unwrap()).unwrap();
            std::fs::write(root.join(skipped), "习近平习近平\n").unwrap();
        }
        Workspace { dir }
    }

    fn uri(&self, relative: &str) -> String {
        uri(&self.dir.path().join(relative))
    }

    fn start(&self, encodings: &[&str]) -> Server {
        let mut server =
            Server::start_with(&[], &[("ZHNEWS_USER_GAZETTEER", "/nonexistent/zhnews-test-gazetteer.toml")]);
        let root = uri(self.dir.path());
        let response = server.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root,
                "workspaceFolders": [{"uri": root, "name": "news"}],
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}
                }
            }),
        );
        assert!(response.get("result").is_some(), "{response}");
        server.notify("initialized", json!({}));
        server.open(&self.uri("open.txt"), "plaintext", OPEN);
        server
    }
}

/// (uri relative to the workspace, start line, start character, end character) of each location.
fn spans(workspace: &Workspace, result: &Value) -> Vec<(String, u64, u64, u64)> {
    let prefix = format!("{}/", uri(workspace.dir.path()));
    result
        .as_array()
        .map(|locations| {
            locations
                .iter()
                .map(|l| {
                    let uri = l["uri"].as_str().unwrap_or_default();
                    let range = &l["range"];
                    (
                        uri.strip_prefix(&prefix).unwrap_or(uri).to_owned(),
                        range["start"]["line"].as_u64().unwrap_or(u64::MAX),
                        range["start"]["character"].as_u64().unwrap_or(u64::MAX),
                        range["end"]["character"].as_u64().unwrap_or(u64::MAX),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Asks for the references of 習近平 (at `character` of line 0) in the open document until `done` holds (the index
/// fills in the background), and returns the last answer.
fn references_until(
    server: &mut Server,
    workspace: &Workspace,
    character: u32,
    mut done: impl FnMut(&[(String, u64, u64, u64)]) -> bool,
) -> Vec<(String, u64, u64, u64)> {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let response = server.request(
            "textDocument/references",
            json!({"textDocument": {"uri": workspace.uri("open.txt")}, "position": {"line": 0, "character": character},
                   "context": {"includeDeclaration": true}}),
        );
        let found = spans(workspace, &response["result"]);
        if done(&found) || Instant::now() > deadline {
            return found;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn span(file: &str, line: u64, start: u64, end: u64) -> (String, u64, u64, u64) {
    (file.to_owned(), line, start, end)
}

#[test]
fn references_and_symbols_reach_unopened_files_in_utf16() {
    let workspace = Workspace::new();
    let mut server = workspace.start(&["utf-16"]);
    let found = references_until(&mut server, &workspace, 5, |found| found.len() >= 3);
    assert_eq!(
        found,
        [span("open.txt", 0, 4, 7), span("news/simplified.txt", 1, 6, 9), span("news/traditional.txt", 0, 0, 3),]
    );

    // An entity named only in an unopened file.
    let symbols = server.request("workspace/symbol", json!({"query": "boluarte"}));
    let names: Vec<&str> =
        symbols["result"].as_array().map(|s| s.iter().filter_map(|s| s["name"].as_str()).collect()).unwrap_or_default();
    assert_eq!(names, ["博魯阿爾特 (Dina Boluarte)"], "{symbols}");
    assert_eq!(spans(&workspace, &json!([symbols["result"][0]["location"]])), [span("news/traditional.txt", 0, 4, 9)]);

    // The file changes on disk: the watcher's report makes the index read it again.
    let simplified = workspace.dir.path().join("news/simplified.txt");
    std::fs::write(&simplified, "习近平说。\n\n再见习近平。\n").unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": workspace.uri("news/simplified.txt"), "type": 2}]}),
    );
    let found = references_until(&mut server, &workspace, 5, |found| found.iter().any(|s| s.1 == 2));
    assert_eq!(
        found,
        [
            span("open.txt", 0, 4, 7),
            span("news/simplified.txt", 0, 0, 3),
            span("news/simplified.txt", 2, 2, 5),
            span("news/traditional.txt", 0, 0, 3),
        ]
    );

    // Open, the editor's text is authoritative: the name is gone from it though not from disk.
    let traditional = workspace.uri("news/traditional.txt");
    server.open(&traditional, "plaintext", "博魯阿爾特會談。\n");
    let found = references_until(&mut server, &workspace, 5, |found| found.len() == 3);
    assert!(!found.iter().any(|s| s.0 == "news/traditional.txt"), "{found:?}");
    // Closed, the file on disk counts again.
    server.notify("textDocument/didClose", json!({"textDocument": {"uri": traditional}}));
    let found = references_until(&mut server, &workspace, 5, |found| found.len() == 4);
    assert!(found.contains(&span("news/traditional.txt", 0, 0, 3)), "{found:?}");

    // Deleted: gone from the index.
    std::fs::remove_file(&simplified).unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": workspace.uri("news/simplified.txt"), "type": 3}]}),
    );
    let found = references_until(&mut server, &workspace, 5, |found| found.len() == 2);
    assert_eq!(found, [span("open.txt", 0, 4, 7), span("news/traditional.txt", 0, 0, 3)]);
    assert_eq!(server.shutdown(), Some(0));
}

#[test]
fn unopened_files_answer_in_utf8_when_negotiated() {
    let workspace = Workspace::new();
    let mut server = workspace.start(&["utf-8"]);
    // 習 starts at byte 12 of the open document.
    let found = references_until(&mut server, &workspace, 13, |found| found.len() >= 3);
    // 𠮷 is four bytes and each Han character three: 习 starts at byte 4 + 12.
    assert_eq!(
        found,
        [span("open.txt", 0, 12, 21), span("news/simplified.txt", 1, 16, 25), span("news/traditional.txt", 0, 0, 9),]
    );
    assert_eq!(server.shutdown(), Some(0));
}

#[test]
fn workspace_folders_added_and_removed_mid_session_are_followed() {
    let workspace = Workspace::new();
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("other.txt"), "记者获悉，习近平将出席峰会。\n").unwrap();
    let other_file = uri(&other.path().join("other.txt"));
    let mut server = workspace.start(&["utf-16"]);
    let found = references_until(&mut server, &workspace, 5, |found| found.len() >= 3);
    assert_eq!(found.len(), 3, "{found:?}");

    server.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": uri(other.path()), "name": "other"}], "removed": []}}),
    );
    let found = references_until(&mut server, &workspace, 5, |found| found.len() == 4);
    assert!(found.contains(&span(&other_file, 0, 5, 8)), "{found:?}");

    // The first folder goes: its unopened files leave the index; the open document stays.
    server.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [], "removed": [{"uri": uri(workspace.dir.path()), "name": "news"}]}}),
    );
    let found = references_until(&mut server, &workspace, 5, |found| found.len() == 2);
    assert_eq!(found, [span("open.txt", 0, 4, 7), span(&other_file, 0, 5, 8)]);
    assert_eq!(server.shutdown(), Some(0));
}
