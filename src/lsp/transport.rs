//! The server's standard input and output: JSON-RPC messages framed by a
//! `Content-Length` header. lsp-server's own stdio transport gives up on
//! the first message it cannot parse; this one answers it with the
//! JSON-RPC error it calls for and reads on.

use lsp_server::{Connection, ErrorCode, Message};
use serde_json::{json, Value};
use std::io::{self, stdin, stdout, BufRead, Write};
use std::thread::{self, JoinHandle};

/// A connection over standard input and output, and the thread writing
/// to standard output: joined once the connection is dropped, it has
/// written every message sent.
pub fn stdio() -> (Connection, JoinHandle<io::Result<()>>) {
    let (server, client) = Connection::memory();
    let Connection {
        sender: to_server,
        receiver: from_server,
    } = client;
    // Not joined: at the end it may still be waiting on standard input.
    thread::spawn(move || {
        let mut input = stdin().lock();
        while let Some(frame) = read_frame(&mut input) {
            let message = match frame.map(|body| parse(&body)) {
                Ok(Ok(message)) => message,
                Ok(Err(answer)) | Err(answer) => {
                    write_frame(&answer.to_string());
                    continue;
                }
            };
            let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
            if to_server.send(message).is_err() || exit {
                return;
            }
        }
    });
    let writer = thread::spawn(move || {
        for message in from_server {
            message.write(&mut stdout().lock())?;
        }
        Ok(())
    });
    (server, writer)
}

/// The body of the next message; `None` at the end of the input, or when
/// it cannot be read. A header that makes no sense is answered as a parse
/// error: the input goes on after the blank line that ends it.
fn read_frame(input: &mut impl BufRead) -> Option<Result<Vec<u8>, Value>> {
    let mut length = None;
    let mut bad_header = false;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            break;
        }
        match line.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("Content-Length") => {
                length = value.trim().parse::<usize>().ok();
                bad_header |= length.is_none();
            }
            Some(_) => {}
            None => bad_header = true,
        }
    }
    let Some(length) = length.filter(|_| !bad_header) else {
        return Some(Err(error(ErrorCode::ParseError, Value::Null, "bad header")));
    };
    let mut body = vec![0; length];
    input.read_exact(&mut body).ok()?;
    Some(Ok(body))
}

/// A message, or the error that answers a body that is none: not JSON is
/// a parse error; JSON that is not a request, response or notification
/// is an invalid request, answered with its id when it has one.
fn parse(body: &[u8]) -> Result<Message, Value> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| error(ErrorCode::ParseError, Value::Null, &e.to_string()))?;
    let id = match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    };
    serde_json::from_value(value).map_err(|e| error(ErrorCode::InvalidRequest, id, &e.to_string()))
}

fn error(code: ErrorCode, id: Value, message: &str) -> Value {
    json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": {"code": code as i32, "message": message},
    })
}

/// Writes one framed message whole: the writer thread takes the same lock
/// for each of its messages, so the two never interleave.
fn write_frame(body: &str) {
    let mut out = stdout().lock();
    let written = write!(out, "Content-Length: {}\r\n\r\n{body}", body.len());
    if written.and_then(|()| out.flush()).is_err() {
        eprintln!("letterlint lsp: cannot write to standard output");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Result<Vec<u8>, Value>> {
        let mut input = input.as_bytes();
        std::iter::from_fn(|| read_frame(&mut input)).collect()
    }

    #[test]
    fn frames_are_read_by_their_length() {
        let read = frames("Content-Length: 2\r\n\r\n{}content-length:3\r\n\r\n[1]");
        assert_eq!(read, [Ok(b"{}".to_vec()), Ok(b"[1]".to_vec())]);
    }

    #[test]
    fn a_bad_header_is_answered_and_reading_goes_on() {
        let read = frames("Content-Length: x\r\n\r\nContent-Length: 2\r\n\r\n{}");
        assert_eq!(read[0].as_ref().unwrap_err()["error"]["code"], -32700);
        assert_eq!(read[1], Ok(b"{}".to_vec()));
    }

    #[test]
    fn what_is_not_a_message_gets_the_error_json_rpc_names() {
        let not_json = parse(b"{\"jsonrpc\": ").unwrap_err();
        assert_eq!(not_json["error"]["code"], -32700);
        assert_eq!(not_json["id"], Value::Null);
        let no_method = parse(br#"{"jsonrpc": "2.0", "id": 4}"#).unwrap_err();
        assert_eq!(no_method["error"]["code"], -32600);
        assert_eq!(no_method["id"], 4);
        assert!(parse(br#"{"jsonrpc": "2.0", "method": "initialized"}"#).is_ok());
    }
}
