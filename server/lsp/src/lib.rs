//! zhnews-lsp: the language server. Thin handlers over zhnews-core: they snapshot a document,
//! analyse it off the async runtime, and convert the result with [`to_proto`].

pub mod code_actions;
pub mod convert_actions;
pub mod documents;
pub mod editions;
pub use zhnews_lsp_text::encoding;
pub mod entities;
mod framing;
pub mod ignore;
pub mod memory;
pub mod outline;
mod parent;
pub mod request;
mod server;
mod settings;
pub mod to_proto;
pub mod workspace_index;

pub use server::Backend;

/// Serves LSP on stdin/stdout until `exit`, the end of input, or the end of the client's process.
/// Returns the process exit code the protocol asks for: 0 when `shutdown` came first, 1
/// otherwise.
pub async fn serve_stdio() -> i32 {
    let (service, socket, lifecycle) = server::service();
    let (to_server, server_input) = tokio::io::duplex(1 << 16);
    let (server_output, from_server) = tokio::io::duplex(1 << 16);
    let (output, receiver) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(framing::forward_input(tokio::io::stdin(), to_server, output.clone()));
    let collector = tokio::spawn(framing::collect_output(from_server, output));
    let writer = tokio::spawn(framing::write_output(receiver, tokio::io::stdout()));
    let serving = tower_lsp_server::Server::new(server_input, server_output, socket).serve(service);
    tokio::select! {
        () = serving => {
            // The server's output pipe is closed now: let everything it wrote reach stdout.
            let _ = collector.await;
            let _ = writer.await;
        }
        // No one is left to read the output.
        () = lifecycle.orphaned.notified() => {}
    }
    if lifecycle.shutdown.load(std::sync::atomic::Ordering::SeqCst) { 0 } else { 1 }
}
