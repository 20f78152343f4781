//! A guard in front of tower-lsp-server's stdio transport.
//!
//! tower-lsp-server ends the whole session when it reads a message it cannot decode: malformed
//! JSON, JSON that is not a JSON-RPC message, or one its types refuse (an id that is a float or
//! above `i64::MAX`, a key given twice). Its framing gives up for good after a bad frame too. The
//! protocol wants an error response and a server that keeps serving, so every frame from the
//! client is read and checked here first, and only messages the transport will decode reach it.
//!
//! Framing. A frame is a header block (`Name: value` lines, one of them a `Content-Length` that
//! is a decimal number of at most [`MAX_BODY`], then a blank line) and that many bytes of JSON.
//! When a frame goes wrong (a header line that is no header, a missing, negative or overflowing
//! length, a body that is not JSON because its length is off by some bytes or it came with no
//! header at all), the reader skips to the next `Content-Length:` it finds, wherever it is: from
//! the start of the body when only the body failed, so that a frame one byte too long (whose body
//! ends with the `C` of the next header) or too short loses nothing that follows. The bytes
//! skipped are one malformed frame.
//!
//! Answers. A malformed frame is answered as soon as it is found wrong, from the bytes read by
//! then (usually the whole message: a client writes a message at once): `-32700` (parse error)
//! with the id of the request those bytes hold when one can be read, else with id null; a
//! notification that can be read gets no answer. A frame that is JSON but not a message the
//! transport decodes gets `-32600` (invalid request), with its id when it has exactly one and it
//! is a number or a string. Output from the server and from this guard share one writer, so
//! frames never interleave.
//!
//! A length that is too long waits for as many bytes as it claims: the server cannot tell a slow
//! client from a wrong length, so it answers once the client has written again.

use serde::Deserialize;
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc::UnboundedSender;
use tower_lsp_server::jsonrpc::{Request, Response};

/// What the single writer receives.
pub enum Output {
    Frame(Vec<u8>),
    /// Everything before this has been queued; write it and stop.
    End,
}

/// The largest message accepted (a 10 MB document fits with room to spare).
const MAX_BODY: usize = 256 * 1024 * 1024;

/// The longest header block accepted.
const MAX_HEADER: usize = 8 * 1024;

const CONTENT_LENGTH: &[u8] = b"content-length:";

/// One frame from the client.
#[derive(Debug, PartialEq)]
pub enum Frame {
    /// A well-framed body that is JSON.
    Message(Vec<u8>),
    /// The bytes from where a frame went wrong up to the next `Content-Length:`, or to the end
    /// of what had been read when it was found wrong.
    Malformed(Vec<u8>),
}

/// Reads frames from a byte stream, finding the next frame again after a malformed one.
pub struct FrameReader<R> {
    reader: R,
    buffer: Vec<u8>,
    /// Where the unread bytes of `buffer` start.
    start: usize,
    /// The rest of a malformed frame comes first: skip to the next `Content-Length:`.
    skipping: bool,
}

/// What the header block at the start of the unread bytes is.
#[derive(Debug, PartialEq)]
enum Header {
    /// Complete: its length in bytes and the body's.
    Complete {
        size: usize,
        length: usize,
    },
    /// Possibly a header block, not complete yet.
    Incomplete,
    Invalid,
}

fn is_token(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

/// Parses the header block at the start of `bytes`.
fn parse_header(bytes: &[u8]) -> Header {
    let mut length = None;
    let mut at = 0;
    loop {
        let rest = &bytes[at..bytes.len().min(MAX_HEADER)];
        let Some(newline) = rest.iter().position(|&b| b == b'\n') else {
            // A line can still become a header while its name is all token characters.
            let name_end = rest.iter().position(|&b| b == b':').unwrap_or(rest.len());
            let plausible = rest[..name_end].iter().all(|&b| is_token(b) || b == b'\r');
            return if plausible && bytes.len() < MAX_HEADER { Header::Incomplete } else { Header::Invalid };
        };
        let line = rest[..newline].strip_suffix(b"\r").unwrap_or(&rest[..newline]);
        at += newline + 1;
        if line.is_empty() {
            return match length {
                Some(length) => Header::Complete { size: at, length },
                None => Header::Invalid,
            };
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else { return Header::Invalid };
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        if name.is_empty() || !name.iter().all(|&b| is_token(b)) {
            return Header::Invalid;
        }
        if name.eq_ignore_ascii_case(&CONTENT_LENGTH[..CONTENT_LENGTH.len() - 1]) {
            let value =
                std::str::from_utf8(value).ok().map(str::trim).filter(|v| v.bytes().all(|b| b.is_ascii_digit()));
            match value.and_then(|v| v.parse::<usize>().ok()).filter(|&l| l <= MAX_BODY) {
                Some(new) if length.is_none_or(|old| old == new) => length = Some(new),
                _ => return Header::Invalid,
            }
        }
    }
}

/// Where the first `Content-Length:` in `bytes` starts, in any case.
fn find_content_length(bytes: &[u8]) -> Option<usize> {
    bytes.windows(CONTENT_LENGTH.len()).position(|window| window.eq_ignore_ascii_case(CONTENT_LENGTH))
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    pub fn new(reader: R) -> FrameReader<R> {
        FrameReader { reader, buffer: Vec::new(), start: 0, skipping: false }
    }

    fn unread(&self) -> &[u8] {
        &self.buffer[self.start..]
    }

    /// Reads more input; false at its end. Offsets into [`Self::unread`] stay valid.
    async fn fill(&mut self) -> std::io::Result<bool> {
        if self.start > 0 {
            self.buffer.drain(..self.start);
            self.start = 0;
        }
        self.buffer.reserve(64 * 1024);
        Ok(self.reader.read_buf(&mut self.buffer).await? > 0)
    }

    /// The next frame, `None` at the end of input.
    pub async fn next(&mut self) -> std::io::Result<Option<Frame>> {
        while self.skipping {
            if let Some(at) = find_content_length(self.unread()) {
                self.start += at;
                self.skipping = false;
            } else {
                // The end of what has been read may be the start of the header.
                self.start += self.unread().len().saturating_sub(CONTENT_LENGTH.len() - 1);
                if !self.fill().await? {
                    return Ok(None);
                }
            }
        }
        // Blank lines between frames are harmless.
        loop {
            let blank = self.unread().iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
            self.start += blank;
            if !self.unread().is_empty() {
                break;
            }
            if !self.fill().await? {
                return Ok(None);
            }
        }
        let (size, length) = loop {
            match parse_header(self.unread()) {
                Header::Complete { size, length } => break (size, length),
                Header::Invalid => return Ok(Some(self.malformed(0, 1))),
                Header::Incomplete if !self.fill().await? => return Ok(Some(self.malformed(0, 1))),
                Header::Incomplete => {}
            }
        };
        while self.unread().len() < size + length {
            if !self.fill().await? {
                return Ok(Some(self.malformed(size, size)));
            }
        }
        let body = &self.unread()[size..size + length];
        if serde_json::from_slice::<serde::de::IgnoredAny>(body).is_err() {
            return Ok(Some(self.malformed(size, size)));
        }
        let body = body.to_vec();
        self.start += size + length;
        Ok(Some(Frame::Message(body)))
    }

    /// A frame gone wrong: the bytes from `junk_from` (an offset into the unread bytes) to the
    /// next `Content-Length:` at or after `scan_from`. When that is not in what has been read
    /// yet, the frame is what has been read (it is answered now, not when the client writes
    /// again), and the next call skips to the next `Content-Length:` first.
    fn malformed(&mut self, junk_from: usize, scan_from: usize) -> Frame {
        let unread = self.unread();
        let found = find_content_length(&unread[scan_from..]).map(|at| scan_from + at);
        let junk = unread[junk_from..found.unwrap_or(unread.len())].to_vec();
        self.start += found.unwrap_or(scan_from);
        self.skipping = found.is_none();
        Frame::Malformed(junk)
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

/// A message's id, read without the rest; deserializing fails when `id` is given twice.
#[derive(Deserialize)]
struct IdOnly {
    #[serde(default)]
    id: Option<Value>,
}

/// The id to answer with: the message's own when it is a number or a string, else null.
fn answer_id(id: Option<Value>) -> Value {
    id.filter(|id| id.is_number() || id.is_string()).unwrap_or(Value::Null)
}

/// Checks a body: `Ok` to pass it on, `Err(response)` to answer it here (empty: no answer).
fn check(body: &[u8]) -> Result<(), Vec<u8>> {
    let value: Value = serde_json::from_slice(body).map_err(|_| error_response(Value::Null, -32700, "Parse error"))?;
    let is_request = value.get("method").is_some_and(Value::is_string);
    let is_response =
        !is_request && value.get("id").is_some() && (value.get("result").is_some() || value.get("error").is_some());
    let params_ok = value.get("params").is_none_or(|p| p.is_object() || p.is_array() || p.is_null());
    // What the transport decodes (as an untagged enum of these two types): this is what refuses
    // ids it cannot hold and keys given twice.
    let decodes = if is_response {
        serde_json::from_slice::<Response>(body).is_ok()
    } else {
        is_request && serde_json::from_slice::<Request>(body).is_ok()
    };
    if value.get("jsonrpc") == Some(&json!("2.0")) && params_ok && decodes {
        return Ok(());
    }
    if value.get("id").is_none() && !is_response {
        // A malformed notification: there is no id to answer to.
        return Err(Vec::new());
    }
    let id = serde_json::from_slice::<IdOnly>(body).ok().and_then(|message| message.id);
    Err(error_response(answer_id(id), -32600, "Invalid request"))
}

/// The answer to a malformed frame: with the id of the request it holds, if one can be read.
fn answer_malformed(junk: &[u8]) -> Vec<u8> {
    let message = junk
        .iter()
        .position(|&b| b == b'{')
        .and_then(|brace| serde_json::Deserializer::from_slice(&junk[brace..]).into_iter::<IdOnly>().next()?.ok());
    match message {
        Some(IdOnly { id: None }) => Vec::new(),
        Some(IdOnly { id }) => error_response(answer_id(id), -32700, "Parse error: malformed frame"),
        None => error_response(Value::Null, -32700, "Parse error: malformed frame"),
    }
}

/// Copies valid frames from the client to the server; answers the rest.
pub async fn forward_input<R, W>(input: R, mut to_server: W, output: UnboundedSender<Output>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = FrameReader::new(input);
    loop {
        let response = match reader.next().await {
            Ok(Some(Frame::Message(body))) => match check(&body) {
                Ok(()) => {
                    if to_server.write_all(&frame(&body)).await.is_err() || to_server.flush().await.is_err() {
                        return;
                    }
                    continue;
                }
                Err(response) => {
                    tracing::warn!("rejected a message that is not a valid JSON-RPC message");
                    response
                }
            },
            Ok(Some(Frame::Malformed(junk))) => {
                tracing::warn!("skipped {} bytes of a malformed frame", junk.len());
                answer_malformed(&junk)
            }
            Ok(None) => return,
            Err(err) => {
                // Also how the runtime's shutdown ends a read that is still waiting.
                tracing::debug!("reading stdin ended: {err}");
                return;
            }
        };
        if !response.is_empty() {
            let _ = output.send(Output::Frame(response));
        }
    }
}

/// Splits the server's output into frames for the writer; sends [`Output::End`] when it ends.
pub async fn collect_output<R: AsyncRead + Unpin>(from_server: R, output: UnboundedSender<Output>) {
    let mut reader = FrameReader::new(from_server);
    while let Ok(Some(Frame::Message(body))) = reader.next().await {
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
    fn only_messages_the_transport_decodes_pass() {
        assert!(check(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","id":"a","method":"initialize","params":{}}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","method":"initialized"}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","id":0,"result":null}"#).is_ok());
        let answer = |body: &[u8]| String::from_utf8(check(body).unwrap_err()).unwrap();
        let parse_error = answer(b"{not json");
        assert!(parse_error.contains("-32700"), "{parse_error}");
        // Invalid requests are answered with their id when they have exactly one that is a
        // number or a string, else with null.
        for (body, id) in [
            (r#"{"jsonrpc":"2.0","id":7,"method":3}"#, "7"),
            (r#"{"id":{"x":1},"method":"a"}"#, "null"),
            (r#"{"jsonrpc":"2.0","id":1.5,"method":"initialize","params":{}}"#, "1.5"),
            (r#"{"jsonrpc":"2.0","id":1.0,"method":"initialize","params":{}}"#, "1.0"),
            (r#"{"jsonrpc":"2.0","id":1e3,"method":"initialize","params":{}}"#, "1000.0"),
            (r#"{"jsonrpc":"2.0","id":9223372036854775808,"method":"initialize"}"#, "9223372036854775808"),
            (r#"{"jsonrpc":"2.0","id":1,"id":2,"method":"initialize","params":{}}"#, "null"),
            (r#"{"jsonrpc":"2.0","id":1,"method":"initialize","method":"shutdown"}"#, "1"),
            (r#"{"jsonrpc":"2.0","id":1.5,"result":null}"#, "1.5"),
        ] {
            let invalid = answer(body.as_bytes());
            assert!(invalid.contains("-32600") && invalid.contains(&format!("\"id\":{id},")), "{body}: {invalid}");
        }
        // A malformed notification is dropped without an answer.
        assert_eq!(check(br#"{"jsonrpc":"2.0","method":"x","params":5}"#), Err(Vec::new()));
    }

    /// Input that arrives in pieces, one a read.
    struct Pieces(std::collections::VecDeque<Vec<u8>>);

    impl AsyncRead for Pieces {
        fn poll_read(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
            buf: &mut tokio::io::ReadBuf<'_>,
        ) -> std::task::Poll<std::io::Result<()>> {
            if let Some(piece) = self.0.pop_front() {
                buf.put_slice(&piece);
            }
            std::task::Poll::Ready(Ok(()))
        }
    }

    /// Reads `input` to its end and shows each frame as `ok BODY` or `bad JUNK`.
    fn frames(input: &[u8]) -> Vec<String> {
        frames_in_pieces(&[input])
    }

    fn frames_in_pieces(pieces: &[&[u8]]) -> Vec<String> {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let mut reader = FrameReader::new(Pieces(pieces.iter().map(|piece| piece.to_vec()).collect()));
        let mut frames = Vec::new();
        while let Some(frame) = runtime.block_on(reader.next()).unwrap() {
            frames.push(match frame {
                Frame::Message(body) => format!("ok {}", String::from_utf8_lossy(&body)),
                Frame::Malformed(junk) => format!("bad {}", String::from_utf8_lossy(&junk)),
            });
        }
        frames
    }

    fn framed(body: &str, length: &str) -> String {
        format!("Content-Length: {length}\r\n\r\n{body}")
    }

    #[test]
    fn after_a_malformed_frame_the_next_one_is_found() {
        let a = r#"{"jsonrpc":"2.0","id":1,"method":"a"}"#;
        let b = r#"{"jsonrpc":"2.0","id":2,"method":"b"}"#;
        let next = framed(b, &b.len().to_string());
        let bad_lengths = ["abc", "-1", "99999999999999999999999", "", "1 2", "268435457"];
        for length in bad_lengths {
            let input = framed(a, length) + &next;
            assert_eq!(frames(input.as_bytes()), [format!("bad {}", framed(a, length)), format!("ok {b}")], "{length}");
        }
        // One byte short or long: the whole message is in the bytes skipped.
        for length in [a.len() - 1, a.len() + 1, a.len() + 10] {
            let input = framed(a, &length.to_string()) + &next;
            assert_eq!(frames(input.as_bytes()), [format!("bad {a}"), format!("ok {b}")], "{length}");
        }
        // A body without a header, and headers that are not headers or have no length.
        for junk in [a.to_owned(), format!("Content-Type: x\r\n\r\n{a}"), format!("not a header\r\n\r\n{a}")] {
            let input = junk.clone() + &next;
            assert_eq!(frames(input.as_bytes()), [format!("bad {junk}"), format!("ok {b}")], "{junk}");
        }
        // Two lengths that disagree.
        let input = format!("Content-Length: 3\r\n{}", framed(a, &a.len().to_string())) + &next;
        assert_eq!(
            frames(input.as_bytes()),
            ["bad Content-Length: 3\r\n".to_owned(), format!("ok {a}"), format!("ok {b}")]
        );
        // Blank lines between frames are skipped; input that ends inside a body leaves its start
        // as a malformed frame.
        let input = format!("\r\n{next}\r\n\r\n{}", &next[..30]);
        let body_start = next.find('{').unwrap();
        assert_eq!(frames(input.as_bytes()), [format!("ok {b}"), format!("bad {}", &next[body_start..30])]);
        let input = framed(a, &(a.len() + 5).to_string());
        assert_eq!(frames(input.as_bytes()), [format!("bad {a}")]);
    }

    /// A malformed frame is answered from what has been read, without waiting for the next
    /// frame; the rest of it is skipped when it comes.
    #[test]
    fn a_malformed_frame_is_not_held_back_until_the_next_one() {
        let a = r#"{"jsonrpc":"2.0","id":1,"method":"a"}"#;
        let b = r#"{"jsonrpc":"2.0","id":2,"method":"b"}"#;
        let next = framed(b, &b.len().to_string());
        let bad = framed("{not json", "9");
        assert_eq!(
            frames_in_pieces(&[bad.as_bytes(), next.as_bytes()]),
            ["bad {not json".to_owned(), format!("ok {b}")]
        );
        let header = "Content-Length: abc\r\n";
        let pieces = [header, "\r\n", a, "\r\nmore junk", &next];
        let pieces: Vec<&[u8]> = pieces.iter().map(|piece| piece.as_bytes()).collect();
        assert_eq!(frames_in_pieces(&pieces), [format!("bad {header}"), format!("ok {b}")]);
        // One byte long, with the next header cut in two.
        let long = framed(a, &(a.len() + 1).to_string()) + &next[..10];
        let pieces = [long.as_bytes(), &next.as_bytes()[10..]];
        assert_eq!(frames_in_pieces(&pieces), [format!("bad {a}{}", &next[..10]), format!("ok {b}")]);
    }

    #[test]
    fn malformed_frames_are_answered_with_the_id_they_hold() {
        let answer = |junk: &str| String::from_utf8(answer_malformed(junk.as_bytes())).unwrap();
        let with_id = answer(&format!("Content-Length: -1\r\n\r\n{}", r#"{"jsonrpc":"2.0","id":"x","method":"a"}"#));
        assert!(with_id.contains("-32700") && with_id.contains(r#""id":"x""#), "{with_id}");
        let truncated = answer(r#"{"jsonrpc":"2.0","id":1,"method":"a""#);
        assert!(truncated.contains("-32700") && truncated.contains(r#""id":null"#), "{truncated}");
        let no_body = answer("Content-Type: x\r\n\r\n");
        assert!(no_body.contains("-32700") && no_body.contains(r#""id":null"#), "{no_body}");
        // A notification is never answered.
        assert_eq!(answer(r#"{"jsonrpc":"2.0","method":"x"}"#), "");
    }
}
