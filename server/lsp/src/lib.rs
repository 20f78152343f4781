//! zhnews-lsp: the language server. Thin handlers over zhnews-core: they snapshot a document,
//! analyse it off the async runtime, and convert the result with [`to_proto`].

pub mod code_actions;
pub mod documents;
pub mod encoding;
pub mod entities;
mod server;
mod settings;
pub mod to_proto;

pub use server::Backend;

/// Serves LSP on stdin/stdout until `exit` or the end of input. Returns the process exit
/// code the protocol asks for: 0 when `shutdown` came first, 1 otherwise.
pub async fn serve_stdio() -> i32 {
    let (service, socket, shutdown) = server::service();
    tower_lsp_server::Server::new(tokio::io::stdin(), tokio::io::stdout(), socket).serve(service).await;
    if shutdown.load(std::sync::atomic::Ordering::SeqCst) { 0 } else { 1 }
}
