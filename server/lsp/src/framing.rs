//! A guard in front of tower-lsp-server's stdio transport.
//!
//! tower-lsp-server ends the whole session when it reads a message it cannot decode (malformed
//! JSON, or JSON that is not a JSON-RPC message). The protocol wants an error response and a
//! server that keeps serving, so every frame from the client is checked here first: valid
//! messages go on to the server, invalid ones are answered here (`-32700` parse error or
//! `-32600` invalid request) and dropped. Headers without a usable `Content-Length` are skipped
//! until the next frame. Output from the server and from this guard share one writer, so frames
//! never interleave.

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc::UnboundedSender;

/// What the single writer receives.
pub enum Output {
    Frame(Vec<u8>),
    /// Everything before this has been queued; write it and stop.
    End,
}

/// The largest message accepted (a 10 MB document fits with room to spare).
const MAX_BODY: usize = 256 * 1024 * 1024;

/// Reads one frame's body: headers up to a blank line, then `Content-Length` bytes. `Ok(None)`
/// at the end of input. A header block without a valid length yields `Err(())` (skipped).
async fn read_frame<R: AsyncRead + Unpin>(reader: &mut BufReader<R>) -> std::io::Result<Option<Result<Vec<u8>, ()>>> {
    let mut length: Option<usize> = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = text.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let Some(length) = length.filter(|&l| l <= MAX_BODY) else { return Ok(Some(Err(()))) };
    let mut body = vec![0; length];
    match reader.read_exact(&mut body).await {
        Ok(_) => Ok(Some(Ok(body))),
        Err(err) if err.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
        Err(err) => Err(err),
    }
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn error_response(id: Value, code: i64, message: &str) -> Vec<u8> {
    frame(json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}}).to_string().as_bytes())
}

/// Checks a body: `Ok` to pass it on, `Err(response)` to answer it here.
fn check(body: &[u8]) -> Result<(), Vec<u8>> {
    let value: Value = serde_json::from_slice(body).map_err(|_| error_response(Value::Null, -32700, "Parse error"))?;
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let valid_id = matches!(id, Value::Null | Value::Number(_) | Value::String(_));
    let is_request = value.get("method").is_some_and(Value::is_string);
    let is_response = value.get("id").is_some() && (value.get("result").is_some() || value.get("error").is_some());
    let params_ok = value.get("params").is_none_or(|p| p.is_object() || p.is_array() || p.is_null());
    if value.get("jsonrpc") == Some(&json!("2.0")) && valid_id && params_ok && (is_request || is_response) {
        Ok(())
    } else if !valid_id {
        Err(error_response(Value::Null, -32600, "Invalid request"))
    } else if is_request || value.get("id").is_none() {
        // A malformed notification gets no answer (there is no id to answer to), a request one.
        match value.get("id") {
            Some(_) => Err(error_response(id, -32600, "Invalid request")),
            None => Err(Vec::new()),
        }
    } else {
        Err(error_response(id, -32600, "Invalid request"))
    }
}

/// Copies valid frames from the client to the server; answers the rest.
pub async fn forward_input<R, W>(input: R, mut to_server: W, output: UnboundedSender<Output>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = BufReader::new(input);
    loop {
        match read_frame(&mut reader).await {
            Ok(Some(Ok(body))) => match check(&body) {
                Ok(()) => {
                    if to_server.write_all(&frame(&body)).await.is_err() || to_server.flush().await.is_err() {
                        return;
                    }
                }
                Err(response) => {
                    tracing::warn!("rejected a malformed message from the client");
                    if !response.is_empty() {
                        let _ = output.send(Output::Frame(response));
                    }
                }
            },
            Ok(Some(Err(()))) => tracing::warn!("skipped a message without a valid Content-Length"),
            Ok(None) => return,
            Err(err) => {
                // Also how the runtime's shutdown ends a read that is still waiting.
                tracing::debug!("reading stdin ended: {err}");
                return;
            }
        }
    }
}

/// Splits the server's output into frames for the writer; sends [`Output::End`] when it ends.
pub async fn collect_output<R: AsyncRead + Unpin>(from_server: R, output: UnboundedSender<Output>) {
    let mut reader = BufReader::new(from_server);
    while let Ok(Some(Ok(body))) = read_frame(&mut reader).await {
        if output.send(Output::Frame(frame(&body))).is_err() {
            return;
        }
    }
    let _ = output.send(Output::End);
}

/// The one writer of stdout.
pub async fn write_output<W: AsyncWrite + Unpin>(
    mut receiver: tokio::sync::mpsc::UnboundedReceiver<Output>,
    mut out: W,
) {
    while let Some(Output::Frame(bytes)) = receiver.recv().await {
        if out.write_all(&bytes).await.is_err() || out.flush().await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_jsonrpc_messages_pass() {
        assert!(check(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","method":"initialized"}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","id":0,"result":null}"#).is_ok());
        let parse_error = String::from_utf8(check(b"{not json").unwrap_err()).unwrap();
        assert!(parse_error.contains("-32700"), "{parse_error}");
        let invalid = String::from_utf8(check(br#"{"jsonrpc":"2.0","id":7,"method":3}"#).unwrap_err()).unwrap();
        assert!(invalid.contains("-32600") && invalid.contains("\"id\":7"), "{invalid}");
        let invalid = String::from_utf8(check(br#"{"id":{"x":1},"method":"a"}"#).unwrap_err()).unwrap();
        assert!(invalid.contains("-32600"), "{invalid}");
        // A malformed notification is dropped without an answer.
        assert_eq!(check(br#"{"jsonrpc":"2.0","method":"x","params":5}"#), Err(Vec::new()));
    }

    #[tokio::test]
    async fn frames_without_length_are_skipped() {
        let input = b"Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}".to_vec();
        let mut reader = BufReader::new(&input[..]);
        assert_eq!(read_frame(&mut reader).await.unwrap(), Some(Err(())));
        assert_eq!(read_frame(&mut reader).await.unwrap(), Some(Ok(b"{}".to_vec())));
        assert_eq!(read_frame(&mut reader).await.unwrap(), None);
    }
}
