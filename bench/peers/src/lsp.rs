//! A minimal LSP client over a child's stdio that timestamps every message it receives.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const TIMEOUT: Duration = Duration::from_secs(120);

pub struct Server {
    pub child: Child,
    stdin: ChildStdin,
    incoming: Receiver<(Instant, Value)>,
    next_id: i64,
    pub started: Instant,
}

impl Server {
    pub fn start(bin: &str) -> Server {
        let started = Instant::now();
        let mut child = Command::new(bin)
            .arg("serve")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|err| fail(&format!("cannot start {bin}: {err}")));
        let stdout = child.stdout.take().unwrap_or_else(|| fail("no stdout"));
        let stdin = child.stdin.take().unwrap_or_else(|| fail("no stdin"));
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send((Instant::now(), message)).is_err() {
                    break;
                }
            }
        });
        Server { child, stdin, incoming, next_id: 1, started }
    }

    pub fn send(&mut self, message: &Value) {
        let body = message.to_string();
        let framed = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        if self.stdin.write_all(framed.as_bytes()).and_then(|()| self.stdin.flush()).is_err() {
            fail("the server stopped reading");
        }
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Waits for the first message matching `matches`; returns when it arrived. Other
    /// messages are dropped, except that server requests get an empty answer.
    pub fn wait_for(&mut self, mut matches: impl FnMut(&Value) -> bool) -> (Instant, Value) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let Ok((at, message)) = self.incoming.recv_timeout(left) else {
                fail("timed out waiting for the server");
            };
            if matches(&message) {
                return (at, message);
            }
            if message.get("method").is_some() && message.get("id").is_some() {
                let id = message["id"].clone();
                self.send(&json!({"jsonrpc": "2.0", "id": id, "result": null}));
            }
        }
    }

    /// Sends a request and returns its round-trip time; `None` when the server does not
    /// implement the method (so the harness runs against older builds too).
    pub fn timed_request(&mut self, method: &str, params: Value) -> Option<Duration> {
        let sent = Instant::now();
        let id = self.send_request(method, params);
        let (at, response) = self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none());
        if let Some(error) = response.get("error") {
            if error["code"] == -32601 {
                return None;
            }
            fail(&format!("{method} failed: {error}"));
        }
        Some(at - sent)
    }

    pub fn wait_diagnostics(&mut self, uri: &str, version: i64) -> Instant {
        let (at, _) = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"].as_i64().is_none_or(|v| v >= version)
        });
        at
    }

    pub fn shutdown(mut self) {
        let id = self.send_request("shutdown", Value::Null);
        self.wait_for(|m| m.get("id") == Some(&json!(id)));
        self.notify("exit", Value::Null);
        let _ = self.child.wait();
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

pub fn fail(message: &str) -> ! {
    eprintln!("lsp-latency: {message}");
    std::process::exit(2)
}

impl Server {
    /// A field of the server's `/proc/PID/status` in KiB (`VmRSS`, `VmHWM`), Linux only.
    pub fn status_kib(&self, field: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|line| line.starts_with(field))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// `initialize` with UTF-16 positions, versioned push diagnostics and code actions resolved
    /// lazily (as editors do), then `initialized`.
    pub fn initialize(&mut self) -> Instant {
        let id = self.send_request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                // As VS Code and Neovim declare: code actions' edits may come on resolve.
                "textDocument": {"publishDiagnostics": {"versionSupport": true},
                                 "codeAction": {"dataSupport": true, "resolveSupport": {"properties": ["edit"]}}}
            }}),
        );
        let (at, _) = self.wait_for(|m| m.get("id") == Some(&json!(id)));
        self.notify("initialized", json!({}));
        at
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 0, "text": text}}),
        );
    }
}
