//! Conversion code actions over stdio against the real binary: titles, minimal edits, positions
//! in the negotiated encoding (𠮷 is two UTF-16 units and four UTF-8 bytes), CRLF line ends,
//! and `source.fixAll.zhnews`.

use serde_json::{Value, json};
use zhnews_tests::lsp::Server;

const URI: &str = "file:///tmp/zhnews-convert-test.txt";

/// A Traditional article with a stray Simplified word (互动) and 𠮷 before every change.
const TRADITIONAL: &str = "𠮷國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議。\r\n\r\n兩國元首見證雙方𠮷互动合作，\r\n推進經貿往來。\r\n";

fn start(encoding: &str, text: &str) -> Server {
    let mut server = Server::start();
    let result = server.initialize(json!({"general": {"positionEncodings": [encoding]}}));
    assert_eq!(result["capabilities"]["positionEncoding"], encoding);
    server.open(URI, "plaintext", text);
    server
}

fn code_actions(server: &mut Server, range: Value, only: &[&str]) -> Vec<Value> {
    let response = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": range, "context": {"diagnostics": [], "only": only}}),
    );
    response["result"].as_array().cloned().unwrap_or_default()
}

fn titled<'a>(actions: &'a [Value], title: &str) -> &'a Value {
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    actions.iter().find(|a| a["title"] == title).unwrap_or_else(|| panic!("no {title:?} among {titles:#?}"))
}

fn edits(action: &Value) -> Vec<Value> {
    action["edit"]["documentChanges"][0]["edits"].as_array().cloned().expect("one document edit")
}

/// Applies LSP text edits, counting `character` in `encoding` units as the protocol says.
fn apply(text: &str, edits: &[Value], encoding: &str) -> String {
    let offset = |position: &Value| -> usize {
        let line = position["line"].as_u64().expect("line") as usize;
        let character = position["character"].as_u64().expect("character") as usize;
        let mut start = 0;
        for _ in 0..line {
            start += text[start..].find('\n').expect("line exists") + 1;
        }
        let mut units = 0;
        for (at, c) in text[start..].char_indices() {
            if units >= character {
                return start + at;
            }
            units += match encoding {
                "utf-8" => c.len_utf8(),
                "utf-16" => c.len_utf16(),
                _ => 1,
            };
        }
        text.len()
    };
    let mut ranges: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| (offset(&e["range"]["start"]), offset(&e["range"]["end"]), e["newText"].as_str().expect("newText")))
        .collect();
    ranges.sort();
    let mut out = text.to_owned();
    for (start, end, new_text) in ranges.into_iter().rev() {
        out.replace_range(start..end, new_text);
    }
    out
}

fn position(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

#[test]
fn document_conversion_edits_only_the_changed_runs_in_every_encoding() {
    let expected = "𠮷国家主席习近平应邀赴秘鲁出席亚太经合组织领导人非正式会议。\r\n\r\n两国元首见证双方𠮷互动合作，\r\n推进经贸往来。\r\n";
    for encoding in ["utf-16", "utf-8", "utf-32"] {
        let mut server = start(encoding, TRADITIONAL);
        let range = json!({"start": position(0, 3), "end": position(0, 3)});
        let actions = code_actions(&mut server, range, &["refactor.rewrite"]);
        let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
        // Traditional text: only the Traditional-to-Simplified favourite is offered, for the
        // line and the document (the line is its own paragraph, offered once).
        assert_eq!(
            titles,
            ["Convert line to Simplified Chinese (t2s)", "Convert document to Simplified Chinese (t2s)"],
            "{encoding}"
        );
        let action = titled(&actions, "Convert document to Simplified Chinese (t2s)");
        assert_eq!(action["kind"], "refactor.rewrite");
        let edits = edits(action);
        assert!(edits.len() > 10, "one edit per changed run, not one for the document: {edits:#?}");
        assert!(edits.iter().all(|e| e["range"]["start"]["line"] == e["range"]["end"]["line"]));
        assert_eq!(apply(TRADITIONAL, &edits, encoding), expected, "{encoding}");
        assert_eq!(server.shutdown(), Some(0));
    }
}

#[test]
fn selection_conversion_touches_only_the_selection() {
    let mut server = start("utf-16", TRADITIONAL);
    // Select 見證雙方𠮷互 on line 2: 𠮷 counts two UTF-16 units.
    let range = json!({"start": position(2, 4), "end": position(2, 11)});
    let actions = code_actions(&mut server, range, &["refactor.rewrite"]);
    let action = titled(&actions, "Convert selection to Simplified Chinese (t2s)");
    // The line and its paragraph mix both scripts (互动): both directions are offered there.
    titled(&actions, "Convert line to Traditional Chinese (s2t)");
    titled(&actions, "Convert paragraph to Simplified Chinese (t2s)");
    let converted = apply(TRADITIONAL, &edits(action), "utf-16");
    assert_eq!(
        converted,
        "𠮷國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議。\r\n\r\n兩國元首见证双方𠮷互动合作，\r\n推進經貿往來。\r\n"
    );
    server.shutdown();
}

/// The scopes an action converts, from its `data`.
fn scopes(action: &Value) -> Vec<&str> {
    action["data"]["scopes"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

/// What VS Code's "Convert Document" command sends: the whole document as the range, ending on
/// the empty line after the last line break. The selection is then the document: one action,
/// titled for the selection, whose `data` says it converts the document too (issue 8: the
/// command looked for a "Convert document" title and found none).
#[test]
fn a_whole_document_range_is_one_action_for_the_selection_and_the_document() {
    for encoding in ["utf-16", "utf-8"] {
        let mut server = start(encoding, TRADITIONAL);
        let range = json!({"start": position(0, 0), "end": position(4, 0)});
        let actions = code_actions(&mut server, range, &["refactor.rewrite"]);
        let t2s: Vec<&Value> = actions.iter().filter(|a| a["data"]["config"] == "t2s").collect();
        let whole: Vec<&Value> = t2s.iter().copied().filter(|a| scopes(a).contains(&"document")).collect();
        assert_eq!(whole.len(), 1, "{actions:#?}");
        assert_eq!(whole[0]["title"], "Convert selection to Simplified Chinese (t2s)");
        assert_eq!(scopes(whole[0]), ["selection", "document"]);
        let converted = apply(TRADITIONAL, &edits(whole[0]), encoding);
        assert!(!converted.contains('國') && converted.contains("互动"), "{converted}");
        // The first line is its own line and paragraph: one action for both, named for the line.
        let line = t2s.iter().find(|a| scopes(a).contains(&"line")).expect("a line action");
        assert_eq!(scopes(line), ["line", "paragraph"]);
        assert_eq!(server.shutdown(), Some(0));
    }
    // Without a selection, the document keeps its own name.
    let mut server = start("utf-16", TRADITIONAL);
    let actions =
        code_actions(&mut server, json!({"start": position(0, 3), "end": position(0, 3)}), &["refactor.rewrite"]);
    let document = titled(&actions, "Convert document to Simplified Chinese (t2s)");
    assert_eq!(document["data"], json!({"config": "t2s", "scopes": ["document"]}));
    server.shutdown();
}

#[test]
fn simplified_text_is_offered_traditional_targets() {
    let text = "国家主席习近平应邀出席会议。\n他说软件和内存都很重要。\n";
    let mut server = start("utf-16", text);
    let range = json!({"start": position(1, 0), "end": position(1, 0)});
    let actions = code_actions(&mut server, range, &["refactor.rewrite"]);
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    assert!(!titles.iter().any(|t| t.ends_with("(t2s)")), "{titles:#?}");
    let action = titled(&actions, "Convert document to Traditional Chinese, Taiwan standard with phrases (s2twp)");
    assert_eq!(apply(text, &edits(action), "utf-16"), "國家主席習近平應邀出席會議。\n他說軟體和記憶體都很重要。\n");
    for title in [
        "Convert line to Traditional Chinese (s2t)",
        "Convert document to Traditional Chinese, Hong Kong standard (s2hk)",
        "Convert document to Traditional Chinese, Taiwan standard (s2tw)",
    ] {
        titled(&actions, title);
    }
    server.shutdown();
}

#[test]
fn fix_all_converts_every_mixed_script_run() {
    let mut server = start("utf-16", TRADITIONAL);
    let range = json!({"start": position(0, 0), "end": position(0, 0)});
    let actions = code_actions(&mut server, range, &["source.fixAll"]);
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.zhnews");
    let fixed = apply(TRADITIONAL, &edits(&actions[0]), "utf-16");
    assert_eq!(fixed, TRADITIONAL.replace("互动", "互動"));
    // The quick fix on the diagnostic does the same for the one run.
    let range = json!({"start": position(2, 10), "end": position(2, 12)});
    let actions = code_actions(&mut server, range, &["quickfix"]);
    let action = titled(&actions, "Convert 动 to Traditional Chinese (s2t)");
    assert_eq!(action["diagnostics"][0]["code"], "mixed-script");
    assert_eq!(apply(TRADITIONAL, &edits(action), "utf-16"), fixed);
    server.shutdown();
}

#[test]
fn names_keep_the_gazetteer_form_in_conversions_and_mixed_script_fixes() {
    // OpenCC alone writes the surname 于 as 於; the curated gazetteer writes 于立軍 / 于立军.
    let text = "四川省委副书记于立军出席会议并讲话。\n会议由省委办公厅主办。\n";
    let mut server = start("utf-16", text);
    let actions =
        code_actions(&mut server, json!({"start": position(0, 0), "end": position(0, 0)}), &["refactor.rewrite"]);
    for (title, expected) in [
        (
            "Convert document to Traditional Chinese (s2t)",
            "四川省委副書記于立軍出席會議並講話。\n會議由省委辦公廳主辦。\n",
        ),
        (
            "Convert line to Traditional Chinese, Hong Kong standard (s2hk)",
            "四川省委副書記于立軍出席會議並講話。\n会议由省委办公厅主办。\n",
        ),
    ] {
        assert_eq!(apply(text, &edits(titled(&actions, title)), "utf-16"), expected, "{title}");
    }
    server.shutdown();

    let story = "國家主席習近平應邀赴秘魯出席亞太經合組織領導人非正式會議並進行國事訪問。";
    let traditional = format!("{story}{story}\r\n四川省長会见于立军。\r\n");
    let mut server = start("utf-16", &traditional);
    let range = json!({"start": position(1, 5), "end": position(1, 5)});
    let actions = code_actions(&mut server, range, &["quickfix"]);
    let action = titled(&actions, "Convert 会见于立军 to Traditional Chinese (s2t)");
    assert_eq!(
        apply(&traditional, &edits(action), "utf-16"),
        traditional.replace("会见于立军", "會見于立軍"),
        "not 會見於立軍"
    );
    server.shutdown();
}

/// A client that resolves an action's `edit` later (VS Code, Neovim).
fn start_resolving(encoding: &str, text: &str) -> Server {
    let mut server = Server::start();
    let result = server.initialize(json!({
        "general": {"positionEncodings": [encoding]},
        "textDocument": {"codeAction": {"dataSupport": true, "resolveSupport": {"properties": ["edit"]}}},
    }));
    assert_eq!(result["capabilities"]["positionEncoding"], encoding);
    assert_eq!(result["capabilities"]["codeActionProvider"]["resolveProvider"], true);
    server.open(URI, "plaintext", text);
    server
}

fn resolve(server: &mut Server, action: &Value) -> Value {
    let response = server.request("codeAction/resolve", action.clone());
    assert!(response["error"].is_null(), "{response:#}");
    response["result"].clone()
}

/// Resolving clients are offered the same conversions, without edits; resolving one gives the
/// edit a client without resolve support gets with the offer. 𠮷 (two UTF-16 units, four
/// UTF-8 bytes) precedes the converted text and the file has CRLF line ends.
#[test]
fn resolving_clients_get_the_same_actions_and_their_edits_on_resolve() {
    let expected = "𠮷国家主席习近平应邀赴秘鲁出席亚太经合组织领导人非正式会议。\r\n\r\n两国元首见证双方𠮷互动合作，\r\n推进经贸往来。\r\n";
    // 見證雙方𠮷互 on line 2, in each encoding's units.
    for (encoding, selection) in [("utf-16", (4, 11)), ("utf-8", (12, 31))] {
        let mut eager = start(encoding, TRADITIONAL);
        let mut lazy = start_resolving(encoding, TRADITIONAL);
        let ranges = [
            json!({"start": position(0, 3), "end": position(0, 3)}),
            json!({"start": position(2, selection.0), "end": position(2, selection.1)}),
            json!({"start": position(0, 0), "end": position(4, 0)}),
        ];
        let mut resolved_count = 0;
        for range in ranges {
            let offered = code_actions(&mut eager, range.clone(), &["refactor.rewrite"]);
            let lazy_offered = code_actions(&mut lazy, range.clone(), &["refactor.rewrite"]);
            let titles = |actions: &[Value]| -> Vec<String> {
                actions.iter().filter_map(|a| a["title"].as_str().map(str::to_owned)).collect()
            };
            assert_eq!(titles(&lazy_offered), titles(&offered), "{encoding} {range}");
            for (eager_action, lazy_action) in offered.iter().zip(&lazy_offered) {
                assert!(!eager_action["edit"].is_null(), "{eager_action:#}");
                assert!(lazy_action["edit"].is_null(), "offered without its edit: {lazy_action:#}");
                assert_eq!(lazy_action["kind"], "refactor.rewrite");
                assert_eq!(lazy_action["data"]["config"], eager_action["data"]["config"]);
                assert_eq!(lazy_action["data"]["scopes"], eager_action["data"]["scopes"]);
                assert_eq!(lazy_action["data"]["uri"], URI);
                assert_eq!(lazy_action["data"]["version"], 1);
                let resolved = resolve(&mut lazy, lazy_action);
                assert_eq!(resolved["title"], lazy_action["title"]);
                assert_eq!(resolved["data"], lazy_action["data"]);
                assert_eq!(resolved["edit"], eager_action["edit"], "{encoding} {}", lazy_action["title"]);
                resolved_count += 1;
            }
        }
        assert!(resolved_count >= 6, "{resolved_count}");
        let actions =
            code_actions(&mut lazy, json!({"start": position(0, 3), "end": position(0, 3)}), &["refactor.rewrite"]);
        let document = resolve(&mut lazy, titled(&actions, "Convert document to Simplified Chinese (t2s)"));
        assert_eq!(apply(TRADITIONAL, &edits(&document), encoding), expected, "{encoding}");
        let range = json!({"start": position(2, selection.0), "end": position(2, selection.1)});
        let actions = code_actions(&mut lazy, range, &["refactor.rewrite"]);
        let selection = resolve(&mut lazy, titled(&actions, "Convert selection to Simplified Chinese (t2s)"));
        assert_eq!(
            apply(TRADITIONAL, &edits(&selection), encoding),
            TRADITIONAL.replace("見證雙方𠮷互", "见证双方𠮷互"),
            "{encoding}"
        );
        assert_eq!(eager.shutdown(), Some(0));
        assert_eq!(lazy.shutdown(), Some(0));
    }
}

/// Resolve support that does not cover `edit`, or no `data` support: edits come with the offer.
#[test]
fn clients_that_cannot_resolve_edits_get_them_with_the_offer() {
    for code_action in [
        json!({"dataSupport": true, "resolveSupport": {"properties": ["command"]}}),
        json!({"resolveSupport": {"properties": ["edit"]}}),
        json!({}),
    ] {
        let mut server = Server::start();
        let result = server.initialize(json!({"textDocument": {"codeAction": code_action}}));
        assert_eq!(result["capabilities"]["codeActionProvider"]["resolveProvider"], true);
        server.open(URI, "plaintext", TRADITIONAL);
        let actions =
            code_actions(&mut server, json!({"start": position(0, 3), "end": position(0, 3)}), &["refactor.rewrite"]);
        assert_eq!(actions.len(), 2, "{actions:#?}");
        for action in &actions {
            assert!(!edits(action).is_empty(), "{code_action}: {action:#}");
            assert_eq!(action["data"].as_object().map(|o| o.len()), Some(2), "only config and scopes: {action:#}");
        }
        assert_eq!(server.shutdown(), Some(0));
    }
}

/// After an edit, a line's action would edit stale positions: ContentModified. The document's
/// action converts the new version (its range is the whole document whatever the version).
#[test]
fn resolving_after_an_edit_converts_the_new_document_and_refuses_stale_ranges() {
    let mut server = start_resolving("utf-16", TRADITIONAL);
    let actions =
        code_actions(&mut server, json!({"start": position(2, 3), "end": position(2, 3)}), &["refactor.rewrite"]);
    let line = titled(&actions, "Convert line to Simplified Chinese (t2s)").clone();
    let document = titled(&actions, "Convert document to Simplified Chinese (t2s)").clone();
    server.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": URI, "version": 2},
            "contentChanges": [{"range": {"start": position(0, 0), "end": position(0, 0)}, "text": "臺灣"}],
        }),
    );
    let changed = format!("臺灣{TRADITIONAL}");
    let response = server.request("codeAction/resolve", line.clone());
    assert_eq!(response["error"]["code"], -32801, "ContentModified: {response:#}");
    let resolved = resolve(&mut server, &document);
    assert_eq!(resolved["edit"]["documentChanges"][0]["textDocument"]["version"], 2);
    assert_eq!(
        apply(&changed, &edits(&resolved), "utf-16"),
        "台湾𠮷国家主席习近平应邀赴秘鲁出席亚太经合组织领导人非正式会议。\r\n\r\n两国元首见证双方𠮷互动合作，\r\n推进经贸往来。\r\n"
    );
    // Offered again on the new version, the line's action resolves.
    let actions =
        code_actions(&mut server, json!({"start": position(2, 3), "end": position(2, 3)}), &["refactor.rewrite"]);
    let line = resolve(&mut server, titled(&actions, "Convert line to Simplified Chinese (t2s)"));
    assert_eq!(
        apply(&changed, &edits(&line), "utf-16"),
        changed.replace("兩國元首見證雙方𠮷互动合作，", "两国元首见证双方𠮷互动合作，")
    );
    // A closed document has nothing to resolve against.
    server.notify("textDocument/didClose", json!({"textDocument": {"uri": URI}}));
    let response = server.request("codeAction/resolve", document);
    assert_eq!(response["error"]["code"], -32801, "{response:#}");
    assert_eq!(server.shutdown(), Some(0));
}

#[test]
fn malformed_resolve_data_is_an_error_and_the_server_keeps_serving() {
    let mut server = start_resolving("utf-16", TRADITIONAL);
    let data = |config: &str, scopes: Value, bytes: Value| json!({"config": config, "scopes": scopes, "uri": URI, "version": 1, "bytes": bytes});
    for data in [
        data("x2y", json!(["document"]), json!([0, 4])),
        data("t2s", json!([]), json!([0, 4])),
        data("t2s", json!(["line"]), json!([8, 4])),
        data("t2s", json!(["line"]), json!([0, 100_000])),
        // Inside 𠮷.
        data("t2s", json!(["line"]), json!([1, 7])),
        data("t2s", json!(["line"]), json!([0])),
        data("t2s", json!(["line"]), json!([-1, 4])),
        json!({"config": "t2s", "scopes": ["document"]}),
        json!({"config": "t2s", "scopes": ["document"], "uri": 7, "version": 1, "bytes": [0, 4]}),
        json!("t2s"),
        json!(null),
    ] {
        let action = json!({"title": "Convert document to Simplified Chinese (t2s)", "data": data});
        let response = server.request("codeAction/resolve", action);
        let expected = if data.is_null() { None } else { Some(-32602) };
        assert_eq!(response["error"]["code"].as_i64(), expected, "{data}: {response:#}");
    }
    // Unknown document: nothing to resolve against any more.
    let mut unknown = data("t2s", json!(["document"]), json!([0, 4]));
    unknown["uri"] = json!("file:///tmp/zhnews-not-open.txt");
    let response = server.request("codeAction/resolve", json!({"title": "Convert", "data": unknown}));
    assert_eq!(response["error"]["code"], -32801, "{response:#}");
    // An action with nothing to resolve comes back as it was.
    let command = json!({"title": "Ignore", "kind": "quickfix", "command": {"title": "Ignore", "command": "zhnews.x"}});
    assert_eq!(resolve(&mut server, &command), command);
    // The server still serves.
    let actions =
        code_actions(&mut server, json!({"start": position(0, 3), "end": position(0, 3)}), &["refactor.rewrite"]);
    let resolved = resolve(&mut server, titled(&actions, "Convert document to Simplified Chinese (t2s)"));
    assert!(edits(&resolved).len() > 10);
    assert_eq!(server.shutdown(), Some(0));
}

/// A client that cannot resolve edits gets no conversion of a scope over 128 KB when it asks on
/// its own (triggerKind 2, a light bulb after a cursor move); when the user asks (triggerKind 1,
/// or no triggerKind) it gets them all, with edits.
#[test]
fn automatic_requests_of_eager_clients_skip_large_scopes() {
    let large = TRADITIONAL.repeat(140 * 1024 / TRADITIONAL.len() + 1);
    assert!(large.len() > 140 * 1024);
    let mut server = start("utf-16", &large);
    let request = |server: &mut Server, trigger: Option<u32>| -> Vec<String> {
        let mut context = json!({"diagnostics": [], "only": ["refactor.rewrite"]});
        if let Some(trigger) = trigger {
            context["triggerKind"] = json!(trigger);
        }
        let range = json!({"start": position(0, 3), "end": position(0, 3)});
        let response = server.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": range, "context": context}),
        );
        let actions = response["result"].as_array().cloned().unwrap_or_default();
        assert!(actions.iter().all(|a| !edits(a).is_empty()), "{actions:#?}");
        actions.iter().filter_map(|a| a["title"].as_str().map(str::to_owned)).collect()
    };
    let line = "Convert line to Simplified Chinese (t2s)";
    let document = "Convert document to Simplified Chinese (t2s)";
    assert_eq!(request(&mut server, Some(2)), [line]);
    assert_eq!(request(&mut server, Some(1)), [line, document]);
    assert_eq!(request(&mut server, None), [line, document]);
    assert_eq!(server.shutdown(), Some(0));
    // A resolving client is offered the document at no cost, automatic or not.
    let mut server = start_resolving("utf-16", &large);
    let range = json!({"start": position(0, 3), "end": position(0, 3)});
    let context = json!({"diagnostics": [], "only": ["refactor.rewrite"], "triggerKind": 2});
    let response = server
        .request("textDocument/codeAction", json!({"textDocument": {"uri": URI}, "range": range, "context": context}));
    let titles: Vec<&str> =
        response["result"].as_array().into_iter().flatten().filter_map(|a| a["title"].as_str()).collect();
    assert_eq!(titles, [line, document]);
    assert_eq!(server.shutdown(), Some(0));
}

/// Issue 19: a client that cannot resolve edits gets no conversion of a scope over 512 KB even
/// when the user opens the menu (the menu of a 5 MB document took 10.8 s and answered 76 MB);
/// smaller scopes keep their edits, and a resolving client is still offered the document.
#[test]
fn eager_clients_get_no_conversion_of_a_scope_over_the_limit() {
    let large = TRADITIONAL.repeat(600 * 1024 / TRADITIONAL.len() + 1);
    let range = json!({"start": position(0, 3), "end": position(0, 3)});
    let context = json!({"diagnostics": [], "only": ["refactor.rewrite"], "triggerKind": 1});
    let params = json!({"textDocument": {"uri": URI}, "range": range, "context": context});
    let line = "Convert line to Simplified Chinese (t2s)";
    let document = "Convert document to Simplified Chinese (t2s)";
    let mut server = start("utf-16", &large);
    let response = server.request("textDocument/codeAction", params.clone());
    let actions = response["result"].as_array().cloned().unwrap_or_default();
    assert!(actions.iter().all(|a| !edits(a).is_empty()), "{actions:#?}");
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    assert_eq!(titles, [line]);
    assert_eq!(server.shutdown(), Some(0));
    let mut server = start_resolving("utf-16", &large);
    let response = server.request("textDocument/codeAction", params);
    let titles: Vec<&str> =
        response["result"].as_array().into_iter().flatten().filter_map(|a| a["title"].as_str()).collect();
    assert_eq!(titles, [line, document]);
    assert_eq!(server.shutdown(), Some(0));
}
