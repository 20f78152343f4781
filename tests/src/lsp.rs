//! A minimal LSP client over the child's stdio, for tests and for the latency harness of
//! `bench/peers`. Messages are `serde_json::Value`s so tests can send malformed ones too; each
//! message is timestamped when it is read, so a harness can time requests and notifications.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Generous: debug builds under a loaded CI machine analyse a 10 MB document in tens of seconds.
pub const TIMEOUT: Duration = Duration::from_secs(120);

pub struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    /// Messages with the time each was read.
    incoming: Receiver<(Instant, Value)>,
    /// Messages read but not yet asked for.
    backlog: Vec<(Instant, Value)>,
    next_id: i64,
    /// When the process was started.
    pub started: Instant,
}

impl Server {
    pub fn start() -> Server {
        Server::start_with(&[], &[])
    }

    pub fn start_with(args: &[&str], env: &[(&str, &str)]) -> Server {
        Server::start_program(&crate::zhnews_bin(), args, env)
    }

    /// `program serve ARGS` with `env` added to the environment: any zhnews binary (the
    /// latency harness runs release builds).
    pub fn start_program(program: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Server {
        let started = Instant::now();
        let mut command = Command::new(program);
        command.arg("serve").args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::inherit());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().unwrap_or_else(|err| panic!("cannot start {}: {err}", program.display()));
        let stdout = child.stdout.take().expect("piped stdout");
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send((Instant::now(), message)).is_err() {
                    break;
                }
            }
        });
        let stdin = child.stdin.take();
        Server { child, stdin, incoming, backlog: Vec::new(), next_id: 1, started }
    }

    /// The server's resident memory in KiB (Linux), from /proc.
    pub fn rss_kib(&self) -> Option<u64> {
        self.status_kib("VmRSS:")
    }

    /// A field of the server's `/proc/PID/status` in KiB (`VmRSS:`, `VmHWM:`), Linux only.
    pub fn status_kib(&self, field: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|line| line.starts_with(field))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// The CPU time the server has used so far, user and system (Linux, from
    /// `/proc/PID/stat`).
    pub fn cpu_time(&self) -> Option<Duration> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).ok()?;
        // After the command name (in parentheses, which may hold spaces) come the fields from
        // the third on: utime and stime are the 14th and 15th.
        let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
        let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
        // Counted in USER_HZ, which is 100 on every architecture Linux runs on today.
        Some(Duration::from_millis(ticks * 10))
    }

    /// Writes raw bytes (for malformed-input tests).
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(bytes).expect("server reads");
        stdin.flush().expect("flush");
    }

    pub fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Sends a request and waits for its response (the whole message: `result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// Initializes with the given client capabilities and returns the `initialize` result.
    pub fn initialize(&mut self, capabilities: Value) -> Value {
        self.initialize_params(json!({"processId": null, "rootUri": null, "capabilities": capabilities}))
    }

    /// [`Self::initialize`] with `initializationOptions` (the server's first settings layer).
    pub fn initialize_with_options(&mut self, capabilities: Value, options: Value) -> Value {
        self.initialize_params(
            json!({"processId": null, "rootUri": null, "capabilities": capabilities, "initializationOptions": options}),
        )
    }

    /// Initializes with the whole `initialize` params (a `processId`, say) and returns the result.
    pub fn initialize_params(&mut self, params: Value) -> Value {
        let response = self.request("initialize", params);
        self.notify("initialized", json!({}));
        response["result"].clone()
    }

    /// Waits for the first message (from the backlog or the wire) that matches.
    pub fn wait_for(&mut self, matches: impl FnMut(&Value) -> bool) -> Value {
        self.wait_for_timed(matches).1
    }

    /// [`Self::wait_for`], with the time the message was read.
    pub fn wait_for_timed(&mut self, mut matches: impl FnMut(&Value) -> bool) -> (Instant, Value) {
        if let Some(index) = self.backlog.iter().position(|(_, message)| matches(message)) {
            return self.backlog.remove(index);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok((at, message)) => {
                    // Answer server-to-client requests (registerCapability…) so it never waits.
                    if message.get("id").is_some() && message.get("method").is_some() {
                        self.send(&json!({"jsonrpc": "2.0", "id": message["id"], "result": null}));
                    }
                    if matches(&message) {
                        return (at, message);
                    }
                    self.backlog.push((at, message));
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out; unmatched messages: {:#?}", self.backlog)
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("server closed stdout; unmatched messages: {:#?}", self.backlog)
                }
            }
        }
    }

    /// Sends a request and returns how long its response took, `None` for an error response.
    pub fn timed_request(&mut self, method: &str, params: Value) -> Option<Duration> {
        let sent = Instant::now();
        let id = self.send_request(method, params);
        let (at, response) = self.wait_for_timed(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none());
        response.get("error").is_none().then(|| at - sent)
    }

    /// Waits for `publishDiagnostics` for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.diagnostics_timed(uri, version).1;
        message["params"]["diagnostics"].as_array().cloned().unwrap_or_default()
    }

    /// [`Self::diagnostics`]: the whole message, and when it was read.
    pub fn diagnostics_timed(&mut self, uri: &str, version: i64) -> (Instant, Value) {
        self.wait_for_timed(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        })
    }

    pub fn open(&mut self, uri: &str, language_id: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language_id, "version": 1, "text": text}}),
        );
    }

    pub fn close_stdin(&mut self) {
        self.stdin.take();
    }

    /// Waits for the process to end and returns its exit code.
    pub fn wait_exit(mut self) -> Option<i32> {
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("wait works") {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        panic!("server did not exit");
    }

    /// Ends the session politely: shutdown, exit, and the exit code.
    pub fn shutdown(mut self) -> Option<i32> {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        self.notify("exit", Value::Null);
        self.wait_exit()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
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
