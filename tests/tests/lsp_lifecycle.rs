//! The server's lifecycle and protocol plumbing, over stdio against the real binary.

use serde_json::{Value, json};
use zhnews_tests::lsp::Server;

fn encoding_offer(encodings: &[&str]) -> Value {
    json!({"general": {"positionEncodings": encodings}})
}

#[test]
fn negotiates_the_position_encoding() {
    for (offer, chosen) in [
        (Some(vec!["utf-8"]), "utf-8"),
        (Some(vec!["utf-16", "utf-32"]), "utf-32"),
        (Some(vec!["utf-32", "utf-16", "utf-8"]), "utf-8"),
        (Some(vec!["utf-16"]), "utf-16"),
        (None, "utf-16"),
    ] {
        let mut server = Server::start();
        let capabilities = match &offer {
            Some(encodings) => encoding_offer(encodings),
            None => json!({}),
        };
        let result = server.initialize(capabilities);
        assert_eq!(result["capabilities"]["positionEncoding"], chosen, "offer {offer:?}");
        assert_eq!(result["capabilities"]["textDocumentSync"]["change"], 2, "incremental sync");
        assert_eq!(result["serverInfo"]["name"], "zhnews");
        assert_eq!(server.shutdown(), Some(0));
    }
}

#[test]
fn accepts_the_stdio_flag_that_vscode_appends() {
    let mut server = Server::start_with(&["--stdio"], &[]);
    server.initialize(json!({}));
    assert_eq!(server.shutdown(), Some(0));
}

#[test]
fn exit_without_shutdown_ends_with_status_1() {
    let mut server = Server::start();
    server.initialize(json!({}));
    server.notify("exit", Value::Null);
    assert_eq!(server.wait_exit(), Some(1));
}

#[test]
fn closing_stdin_ends_the_server() {
    let mut server = Server::start();
    server.initialize(json!({}));
    server.close_stdin();
    assert_eq!(server.wait_exit(), Some(1));
}

#[test]
fn requests_before_initialize_get_the_spec_error() {
    let mut server = Server::start();
    let response = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///a.txt"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(response["error"]["code"], -32002, "{response}");
    server.initialize(json!({}));
    assert_eq!(server.shutdown(), Some(0));
}

#[test]
fn a_bad_request_fails_alone() {
    let mut server = Server::start_with(&[], &[("ZHNEWS_LSP_TEST_METHODS", "1")]);
    server.initialize(json!({}));
    server.open("file:///tmp/a.txt", "plaintext", "國家主席習近平抵達利馬。");
    // Bad params: the spec's InvalidParams.
    let response = server.request("textDocument/hover", json!({"textDocument": "not an identifier"}));
    assert_eq!(response["error"]["code"], -32602, "{response}");
    // A handler that panics answers with an internal error…
    let response = server.request("zhnews/testPanic", json!({}));
    assert_eq!(response["error"]["code"], -32603, "{response}");
    // An unknown method gets MethodNotFound.
    let response = server.request("zhnews/noSuchMethod", json!({}));
    assert_eq!(response["error"]["code"], -32601, "{response}");
    // …and the server keeps serving.
    let info = server.request("zhnews/documentInfo", json!({"textDocument": {"uri": "file:///tmp/a.txt"}}));
    assert_eq!(info["result"]["script"], "traditional", "{info}");
    assert_eq!(server.shutdown(), Some(0));
}

#[test]
fn malformed_json_does_not_stop_the_server() {
    let mut server = Server::start();
    server.initialize(json!({}));
    let body = b"{not json";
    server.send_raw(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    server.send_raw(body);
    let error = server.wait_for(|m| m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700, "{error}");
    // JSON that is not a JSON-RPC message: invalid request, answered with its id.
    server.send(&json!({"jsonrpc": "2.0", "id": 41, "method": 12}));
    let error = server.wait_for(|m| m["id"] == 41);
    assert_eq!(error["error"]["code"], -32600, "{error}");
    // A header block without Content-Length is skipped; a too-short length cuts a body in two.
    server.send_raw(b"Content-Type: application/json\r\n\r\n");
    let body = br#"{"jsonrpc":"2.0","id":42,"method":"shutdown"}"#;
    server.send_raw(format!("Content-Length: {}\r\n\r\n", body.len() - 5).as_bytes());
    server.send_raw(body);
    server.send_raw(b"\r\n\r\n");
    let error = server.wait_for(|m| m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700, "{error}");
    assert_eq!(server.shutdown(), Some(0));
}

#[test]
fn unknown_documents_are_invalid_params() {
    let mut server = Server::start();
    server.initialize(json!({}));
    let response = server.request("zhnews/documentInfo", json!({"textDocument": {"uri": "file:///nowhere.txt"}}));
    assert_eq!(response["error"]["code"], -32602, "{response}");
    assert_eq!(server.shutdown(), Some(0));
}

/// The server exits (status 1: no shutdown came) once the process named by `processId` is gone,
/// as the spec asks, and not while it runs.
#[test]
fn the_server_exits_when_the_client_process_is_gone() {
    let mut client = std::process::Command::new("sleep").arg("600").spawn().unwrap();
    let mut server = Server::start();
    server.initialize_params(json!({"processId": client.id(), "rootUri": null, "capabilities": {}}));
    // Longer than the server waits between two looks.
    std::thread::sleep(std::time::Duration::from_secs(4));
    let response = server.request("zhnews/documentInfo", json!({"textDocument": {"uri": "file:///nowhere.txt"}}));
    assert_eq!(response["error"]["code"], -32602, "still serving: {response}");
    client.kill().unwrap();
    client.wait().unwrap();
    let gone = std::time::Instant::now();
    assert_eq!(server.wait_exit(), Some(1));
    assert!(gone.elapsed() < std::time::Duration::from_secs(10), "exited {:?} after the client", gone.elapsed());
}
