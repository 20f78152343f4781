//! Configuration over the protocol: `zhnews.toml` found from the file, editor settings layered
//! over it, invalid files reported, and reloads when the file changes.

use serde_json::json;
use zhnews_tests::lsp::Server;

/// A fresh folder under the system temp dir.
fn temp_folder(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhnews-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// Latin-heavy text with a little Chinese: Han letters are 4 of 14.
const MOSTLY_LATIN: &str = "APEC summit in Lima 利馬峰會";

fn is_chinese(server: &mut Server, uri: &str) -> bool {
    let info = server.request("zhnews/documentInfo", json!({"textDocument": {"uri": uri}}));
    info["result"]["isChinese"].as_bool().unwrap_or_else(|| panic!("{info}"))
}

#[test]
fn editor_settings_override_the_file_and_invalid_files_are_reported() {
    let dir = temp_folder("lsp-config");
    let config = dir.join("zhnews.toml");
    std::fs::write(&config, "[analysis]\nmin_han_share = 0.2\n").unwrap();
    let article = dir.join("a.txt");
    let article_uri = uri(&article);

    let mut server = Server::start();
    server.initialize(json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}));
    server.wait_for(|m| m["method"] == "client/registerCapability");
    server.open(&article_uri, "plaintext", MOSTLY_LATIN);
    assert!(is_chinese(&mut server, &article_uri), "0.29 ≥ 0.2 from zhnews.toml");

    // Editor settings win over the file.
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"zhnews": {"analysis": {"min_han_share": 0.5}}}}),
    );
    assert!(!is_chinese(&mut server, &article_uri), "0.29 < 0.5 from the editor");
    server.notify("workspace/didChangeConfiguration", json!({"settings": {"zhnews": {}}}));
    assert!(is_chinese(&mut server, &article_uri));

    // A broken file: a message, a diagnostic on the file's line, and the old config in force.
    std::fs::write(&config, "[analysis]\nmin_han_share = 0.2\nno_such_key = 1\n").unwrap();
    server.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&config), "type": 2}]}));
    assert!(is_chinese(&mut server, &article_uri), "the previous configuration stays in force");
    let message = server.wait_for(|m| m["method"] == "window/showMessage");
    assert!(message["params"]["message"].as_str().unwrap().contains("no_such_key"), "{message}");
    let diagnostics =
        server.wait_for(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri(&config));
    assert_eq!(diagnostics["params"]["diagnostics"][0]["range"]["start"]["line"], 2, "{diagnostics}");

    // Fixed: the diagnostic goes away and the new value applies.
    std::fs::write(&config, "[analysis]\nmin_han_share = 0.9\n").unwrap();
    server.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&config), "type": 2}]}));
    let cleared = server.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri(&config)
            && m["params"]["diagnostics"] == json!([])
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    assert!(!is_chinese(&mut server, &article_uri));
    assert_eq!(server.shutdown(), Some(0));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn initialization_options_are_a_settings_layer() {
    let mut server = Server::start();
    let result = server.initialize_with_options(json!({}), json!({"analysis": {"min_han_share": 0.9}}));
    assert!(!result.is_null(), "no initialize result");
    server.open("file:///tmp/zhnews-init-options.txt", "plaintext", MOSTLY_LATIN);
    assert!(!is_chinese(&mut server, "file:///tmp/zhnews-init-options.txt"));
    assert_eq!(server.shutdown(), Some(0));
}

/// A settings change is no keystroke: the open documents are analysed and published at once,
/// not after the typing debounce (the same path serves gazetteer changes and the tagger having
/// loaded). The debounce here outlasts the test's time-out.
#[test]
fn a_settings_change_republishes_without_waiting_for_the_debounce() {
    let text = "论坛围绕五个方面展开：一是贸易，二是投资，三是科技，四是人文。\n";
    let findings = zhnews_core::analyse(text, &zhnews_core::Config::default()).findings;
    assert!(findings.iter().any(|f| f.rule == "count-mismatch"), "{findings:?}");
    let slow = json!({"debounce_ms": 600_000});
    let mut server = Server::start();
    let result = server.initialize_with_options(json!({}), json!({"lsp": slow}));
    assert!(!result.is_null(), "no initialize result");
    let uri = "file:///tmp/zhnews-settings-republish.txt";
    server.open(uri, "plaintext", text);
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"lsp": slow, "rules": {"count-mismatch": "off"}}}),
    );
    let published = server.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["diagnostics"]
                .as_array()
                .is_some_and(|list| list.iter().all(|d| d["code"] != "count-mismatch"))
    });
    assert_eq!(published["params"]["version"], 1, "{published}");
    assert_eq!(server.shutdown(), Some(0));
}

/// Invalid editor settings leave the last valid ones in force, as a broken zhnews.toml does.
#[test]
fn invalid_settings_keep_the_previous_ones() {
    let dir = temp_folder("lsp-settings-kept");
    let article_uri = uri(&dir.join("a.txt"));
    let mut server = Server::start();
    server.initialize(json!({}));
    server.open(&article_uri, "plaintext", MOSTLY_LATIN);
    assert!(!is_chinese(&mut server, &article_uri), "0.29 < 0.3 by default");
    server.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"zhnews": {"analysis": {"min_han_share": 0.2}}}}),
    );
    assert!(is_chinese(&mut server, &article_uri), "0.29 ≥ 0.2 from the editor");
    for invalid in [json!({"analysis": {"min_han_share": "lots"}}), json!({"rules": {"no-such-rule": "off"}})] {
        server.notify("workspace/didChangeConfiguration", json!({"settings": {"zhnews": invalid}}));
        assert!(is_chinese(&mut server, &article_uri), "0.2 stays in force after {invalid}");
        let message = server.wait_for(|m| m["method"] == "window/showMessage");
        let text = message["params"]["message"].as_str().unwrap();
        assert!(text.contains("invalid settings") && text.contains("previous ones"), "{message}");
    }
    assert_eq!(server.shutdown(), Some(0));
    std::fs::remove_dir_all(dir).unwrap();
}

/// A workspace gazetteer that is missing or does not parse is shown as a broken zhnews.toml is:
/// a message, and a diagnostic on the line of zhnews.toml that names it, gone once it loads.
#[test]
fn a_gazetteer_that_fails_to_load_is_shown_on_the_line_that_names_it() {
    let dir = temp_folder("lsp-gazetteer-errors");
    let config = dir.join("zhnews.toml");
    std::fs::write(&config, "# The newsroom's names.\n[entities]\ngazetteer = \"names.toml\"\n").unwrap();
    let article_uri = uri(&dir.join("a.txt"));
    let mut server = Server::start();
    server.initialize(json!({}));
    server.open(&article_uri, "plaintext", "外交部發言人華春瑩表示。");
    let on_config =
        |m: &serde_json::Value| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri(&config);
    let missing = server.wait_for(|m| m["method"] == "window/showMessage");
    assert!(missing["params"]["message"].as_str().unwrap().contains("names.toml: no such file"), "{missing}");
    let shown = server.wait_for(on_config);
    assert_eq!(shown["params"]["diagnostics"][0]["range"]["start"]["line"], 2, "{shown}");
    assert_eq!(shown["params"]["diagnostics"][0]["code"], "invalid-gazetteer", "{shown}");

    // A gazetteer that does not parse: shown again, with its error.
    std::fs::write(dir.join("names.toml"), "[[entity]\n").unwrap();
    let change = |version: i64, text: &str| json!({"textDocument": {"uri": article_uri, "version": version}, "contentChanges": [{"text": text}]});
    server.notify("textDocument/didChange", change(2, "華春瑩表示。"));
    let invalid = server.wait_for(|m| m["method"] == "window/showMessage");
    assert!(invalid["params"]["message"].as_str().unwrap().contains("names.toml"), "{invalid}");
    let shown = server.wait_for(on_config);
    assert_eq!(shown["params"]["diagnostics"][0]["range"]["start"]["line"], 2, "{shown}");

    // Fixed: the diagnostic goes.
    let entry = "[[entity]]\nid = \"hua\"\ntype = \"person\"\ntraditional = \"華春瑩\"\nsimplified = \"华春莹\"\n";
    std::fs::write(dir.join("names.toml"), entry).unwrap();
    server.notify("textDocument/didChange", change(3, "華春瑩說。"));
    let cleared = server.wait_for(on_config);
    assert_eq!(cleared["params"]["diagnostics"], json!([]), "{cleared}");
    assert_eq!(server.shutdown(), Some(0));
    std::fs::remove_dir_all(dir).unwrap();
}

/// Issue 19, item 5: the server reads a gazetteer through the bounded reader too (a 1 GB
/// gazetteer once cost it 6.2 GB): one above the limit (`ZHNEWS_MAX_FILE_SIZE`) is left out and
/// shown as a broken one is, with the size and the limit, and the server keeps serving.
#[test]
fn a_gazetteer_above_the_size_limit_is_refused() {
    let dir = temp_folder("lsp-gazetteer-too-large");
    let config = dir.join("zhnews.toml");
    std::fs::write(&config, "[entities]\ngazetteer = \"names.toml\"\n").unwrap();
    let entry = "[[entity]]\nid = \"hua\"\ntype = \"person\"\ntraditional = \"華春瑩\"\nsimplified = \"华春莹\"\n";
    std::fs::write(dir.join("names.toml"), entry.repeat(100)).unwrap();
    let article_uri = uri(&dir.join("a.txt"));
    let mut server = Server::start_with(&[], &[("ZHNEWS_MAX_FILE_SIZE", "4K")]);
    server.initialize(json!({}));
    server.open(&article_uri, "plaintext", "外交部發言人華春瑩表示。");
    let message = server.wait_for(|m| m["method"] == "window/showMessage");
    let text = message["params"]["message"].as_str().unwrap();
    assert!(text.contains("names.toml: too large to read") && text.contains("the limit is 4 KiB"), "{message}");
    let shown =
        server.wait_for(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri(&config));
    assert_eq!(shown["params"]["diagnostics"][0]["range"]["start"]["line"], 1, "{shown}");
    assert_eq!(shown["params"]["diagnostics"][0]["code"], "invalid-gazetteer", "{shown}");
    assert_eq!(server.shutdown(), Some(0));
    std::fs::remove_dir_all(dir).unwrap();
}
