//! The harness's LSP client: the end-to-end tests' client (`zhnews_tests::lsp`, which stamps
//! every message with the time it was read), set up the way an editor sets up a session.

use std::ops::{Deref, DerefMut};
use std::time::Instant;

use serde_json::json;

pub struct Server {
    inner: zhnews_tests::lsp::Server,
}

impl Server {
    /// `BIN serve`, timed from here (`started`).
    pub fn start(bin: &str) -> Server {
        Server { inner: zhnews_tests::lsp::Server::start_program(std::path::Path::new(bin), &[], &[]) }
    }

    /// `initialize` with UTF-16 positions, versioned push diagnostics and code actions resolved
    /// lazily (as editors do), then `initialized`; returns when the result arrived.
    pub fn initialize(&mut self) -> Instant {
        let id = self.inner.send_request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                // As VS Code and Neovim declare: code actions' edits may come on resolve.
                "textDocument": {"publishDiagnostics": {"versionSupport": true},
                                 "codeAction": {"dataSupport": true, "resolveSupport": {"properties": ["edit"]}}}
            }}),
        );
        let (at, _) = self.inner.wait_for_timed(|m| m.get("id") == Some(&json!(id)));
        self.inner.notify("initialized", json!({}));
        at
    }

    /// Opens `uri` as plain text at version 0.
    pub fn open(&mut self, uri: &str, text: &str) {
        self.inner.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 0, "text": text}}),
        );
    }

    /// When the diagnostics of `uri` at `version` arrived.
    pub fn wait_diagnostics(&mut self, uri: &str, version: i64) -> Instant {
        self.inner.diagnostics_timed(uri, version).0
    }

    pub fn shutdown(self) {
        let _ = self.inner.shutdown();
    }
}

impl Deref for Server {
    type Target = zhnews_tests::lsp::Server;

    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}

impl DerefMut for Server {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.inner
    }
}

pub fn fail(message: &str) -> ! {
    eprintln!("lsp-latency: {message}");
    std::process::exit(2)
}
