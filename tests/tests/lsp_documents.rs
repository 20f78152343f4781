//! Document sync and analysis over stdio: incremental edits land exactly where the client's
//! copy has them, in every position encoding, and random edit sequences never break the server.

use proptest::prelude::*;
use serde_json::{Value, json};
use zhnews_tests::lsp::Server;

const URI: &str = "file:///tmp/zhnews-sync.txt";

/// The text the server holds, through the test-only request `zhnews/documentText`.
fn server_text(server: &mut Server) -> String {
    let response = server.request("zhnews/documentText", json!({"textDocument": {"uri": URI}}));
    response["result"]["text"].as_str().unwrap_or_else(|| panic!("{response}")).to_owned()
}

fn start(encoding: &str) -> Server {
    let mut server = Server::start_with(&[], &[("ZHNEWS_LSP_TEST_METHODS", "1")]);
    let result = server.initialize(json!({"general": {"positionEncodings": [encoding]}}));
    assert_eq!(result["capabilities"]["positionEncoding"], encoding);
    server
}

fn change(server: &mut Server, version: i64, changes: Value) {
    server.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": changes}),
    );
}

/// Columns of `prefix`'s end in the given encoding.
fn column(prefix: &str, encoding: &str) -> usize {
    match encoding {
        "utf-8" => prefix.len(),
        "utf-16" => prefix.encode_utf16().count(),
        _ => prefix.chars().count(),
    }
}

#[test]
fn edits_around_extension_b_in_every_encoding() {
    for encoding in ["utf-8", "utf-16", "utf-32"] {
        let mut server = start(encoding);
        server.open(URI, "plaintext", "𠮷野家在秘魯\r\n開店。");
        // Replace 野 with 之, then append after 秘魯 on line 0, then edit line 1.
        let at = column("𠮷", encoding) as u64;
        let after = column("𠮷之家在秘魯", encoding) as u64;
        change(
            &mut server,
            2,
            json!([{"range": {"start": {"line": 0, "character": at}, "end": {"line": 0, "character": at + column("野", encoding) as u64}}, "text": "之"}]),
        );
        change(
            &mut server,
            3,
            json!([
                {"range": {"start": {"line": 0, "character": after}, "end": {"line": 0, "character": after}}, "text": "利馬"},
                {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": column("開", encoding)}}, "text": "新"}
            ]),
        );
        assert_eq!(server_text(&mut server), "𠮷之家在秘魯利馬\r\n新店。", "{encoding}");
        // A full replacement works too.
        change(&mut server, 4, json!([{"text": "全新"}]));
        assert_eq!(server_text(&mut server), "全新", "{encoding}");
        assert_eq!(server.shutdown(), Some(0));
    }
}

#[test]
fn chinese_documents_are_analysed_and_english_ones_are_not() {
    let mut server = start("utf-16");
    server.open(URI, "plaintext", "國家主席習近平抵達秘魯首都利馬，出席亞太經合組織會議。");
    // Push diagnostics arrive for version 1 (no rule fires on this sentence).
    assert_eq!(server.diagnostics(URI, 1), Vec::<Value>::new());
    let info = server.request("zhnews/documentInfo", json!({"textDocument": {"uri": URI}}));
    assert_eq!(info["result"]["isChinese"], true, "{info}");
    assert_eq!(info["result"]["scriptLabel"], "繁");
    let english = "file:///tmp/english.txt";
    server.open(english, "plaintext", "The president arrived in Lima for the APEC meeting.");
    let info = server.request("zhnews/documentInfo", json!({"textDocument": {"uri": english}}));
    assert_eq!(info["result"]["isChinese"], false, "{info}");
    assert_eq!(server.shutdown(), Some(0));
}

/// A hover sent right after an edit and that edit's diagnostics (no debounce) both need the new
/// version's analysis at once: they wait for one analysis, not compute one each.
#[test]
fn requests_racing_for_a_version_share_one_analysis() {
    let mut server = start("utf-16");
    server.notify("workspace/didChangeConfiguration", json!({"settings": {"lsp": {"debounce_ms": 0}}}));
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/figures");
    let article: String = ["clean-01-hant-visit.txt", "clean-05-hant-shi.txt", "clean-07-hant-di.txt"]
        .iter()
        .map(|name| std::fs::read_to_string(fixtures.join(name)).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
        .repeat(100);
    server.open(URI, "plaintext", &article);
    server.diagnostics(URI, 1);
    let edits = 10;
    for version in 2..2 + edits {
        change(
            &mut server,
            version,
            json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "的"}]),
        );
        let hover = server.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 1}}),
        );
        assert!(hover.get("error").is_none(), "{hover}");
        server.diagnostics(URI, version);
    }
    let response = server.request("zhnews/documentText", json!({"textDocument": {"uri": URI}}));
    let analyses = response["result"]["analyses"].as_u64().unwrap_or_else(|| panic!("{response}"));
    // One per version (computing one each would make it twice that). Once jieba has loaded, the
    // server analyses the current version again to add its guesses; that may fall inside the
    // test and add one analysis.
    let versions = 1 + edits as u64;
    assert!((versions..=versions + 1).contains(&analyses), "{analyses} analyses of {versions} versions");
    assert_eq!(server.shutdown(), Some(0));
}

#[test]
fn pull_diagnostics_when_the_client_supports_them() {
    let mut server = Server::start();
    let result = server.initialize(json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}));
    assert_eq!(result["capabilities"]["diagnosticProvider"]["identifier"], "zhnews", "{result}");
    server.open(URI, "plaintext", "国家主席习近平抵达利马。");
    let report = server.request("textDocument/diagnostic", json!({"textDocument": {"uri": URI}}));
    assert_eq!(report["result"]["kind"], "full", "{report}");
    assert_eq!(server.shutdown(), Some(0));
}

/// One random edit: a range given in UTF-16 code units (possibly past the end or inside a
/// surrogate pair) and the text to put there.
#[derive(Clone, Debug)]
struct RandomEdit {
    start: (u32, u32),
    end: (u32, u32),
    text: String,
}

fn edit_strategy() -> impl Strategy<Value = RandomEdit> {
    let piece = prop::sample::select(vec!["", "a", "習", "𠮷", "\r\n", "\n", "。", "😀"]);
    (0u32..4, 0u32..8, 0u32..4, 0u32..8, prop::collection::vec(piece, 0..3))
        .prop_map(|(l1, c1, l2, c2, pieces)| RandomEdit { start: (l1, c1), end: (l2, c2), text: pieces.concat() })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, .. ProptestConfig::default() })]
    /// Whatever the client sends, the server stays up and answers.
    #[test]
    fn random_edit_sequences_never_break_the_server(edits in prop::collection::vec(edit_strategy(), 1..25)) {
        let mut server = start("utf-16");
        server.open(URI, "plaintext", "𠮷野家\r\n秘魯利馬");
        for (i, edit) in edits.iter().enumerate() {
            change(&mut server, i as i64 + 2, json!([{
                "range": {"start": {"line": edit.start.0, "character": edit.start.1}, "end": {"line": edit.end.0, "character": edit.end.1}},
                "text": edit.text,
            }]));
        }
        let mut client_copy = "𠮷野家\r\n秘魯利馬".to_owned();
        for edit in &edits {
            apply_utf16_edit(&mut client_copy, edit);
        }
        prop_assert_eq!(server_text(&mut server), client_copy);
        prop_assert_eq!(server.shutdown(), Some(0));
    }
}

/// The client's side of an edit, written independently of the server: lines split at LF, CRLF
/// or CR; a position past a line's end clamps to it, past the last line to the end of the text,
/// inside a surrogate pair to the pair's start; a reversed range collapses to its start.
fn apply_utf16_edit(text: &mut String, edit: &RandomEdit) {
    let offset = |(line, character): (u32, u32)| -> usize {
        let mut line_start = 0;
        let mut current = 0;
        let bytes = text.as_bytes();
        while current < line {
            match bytes[line_start..].iter().position(|&b| b == b'\n' || b == b'\r') {
                Some(i) => {
                    let at = line_start + i;
                    line_start = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') { at + 2 } else { at + 1 };
                    current += 1;
                }
                None => return text.len(),
            }
        }
        let line_end =
            bytes[line_start..].iter().position(|&b| b == b'\n' || b == b'\r').map_or(text.len(), |i| line_start + i);
        let mut units = 0;
        for (i, c) in text[line_start..line_end].char_indices() {
            if units + c.len_utf16() > character as usize {
                return line_start + i;
            }
            units += c.len_utf16();
        }
        line_end
    };
    let start = offset(edit.start);
    let end = offset(edit.end).max(start);
    text.replace_range(start..end, &edit.text);
}
