//! `letterlint lsp` as an editor runs it: the built binary, JSON-RPC over
//! its standard input and output.

mod common;

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

struct Server {
    /// The server's working folder, removed when the test ends.
    _dir: common::TempFolder,
    child: Child,
    input: ChildStdin,
    output: Receiver<Value>,
}

impl Server {
    fn start() -> Server {
        let dir = common::temp_dir("lsp-stdio");
        let mut command = common::command(&dir, &["lsp"]);
        let mut child = command
            .stdin(Stdio::piped())
            .spawn()
            .expect("letterlint lsp starts");
        let input = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (send, output) = mpsc::channel();
        thread::spawn(move || {
            while let Some(message) = read_frame(&mut stdout) {
                if send.send(message).is_err() {
                    return;
                }
            }
        });
        Server {
            _dir: dir,
            child,
            input,
            output,
        }
    }

    fn send_raw(&mut self, body: &str) {
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.input.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        self.send_raw(&message.to_string());
    }

    fn receive(&self) -> Value {
        let wait = Duration::from_secs(20);
        self.output.recv_timeout(wait).expect("the server answers")
    }

    /// The exit status, once the server has ended.
    fn exit_code(mut self) -> Option<i32> {
        drop(self.input);
        self.child.wait().unwrap().code()
    }
}

fn read_frame(output: &mut impl BufRead) -> Option<Value> {
    let mut length = 0;
    loop {
        let mut line = String::new();
        if output.read_line(&mut line).ok()? == 0 {
            return None;
        }
        match line.trim_end().split_once(": ") {
            Some(("Content-Length", n)) => length = n.parse().ok()?,
            _ if line.trim_end().is_empty() => break,
            _ => {}
        }
    }
    let mut body = vec![0; length];
    output.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn initialize(server: &mut Server) -> Value {
    server.send(
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    let answer = server.receive();
    server.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    answer
}

#[test]
fn a_session_over_standard_input_and_output() {
    let mut server = Server::start();
    // What is not JSON is answered as JSON-RPC says, and reading goes on.
    server.send_raw("{\"jsonrpc\": \"2.0\", \"id\": ");
    let parse_error = server.receive();
    assert_eq!(parse_error["error"]["code"], -32700, "{parse_error}");
    assert_eq!(parse_error["id"], Value::Null);

    let answer = initialize(&mut server);
    assert_eq!(answer["id"], 1);
    assert_eq!(
        answer["result"]["capabilities"]["positionEncoding"],
        "utf-16"
    );

    let text = "Dear team,\n\nI would love to join [Company Name] as a team player.\n";
    let document = json!({"uri": "file:///letters/draft.md", "languageId": "markdown", "version": 1, "text": text});
    server.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": document}}));
    let published = server.receive();
    assert_eq!(published["method"], "textDocument/publishDiagnostics");
    let codes: Vec<&str> = published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"placeholder") && codes.contains(&"cliche"),
        "{codes:?}"
    );

    server.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    assert_eq!(
        server.receive(),
        json!({"jsonrpc": "2.0", "id": 2, "result": null})
    );
    server.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(server.exit_code(), Some(0));
}

#[test]
fn exit_without_shutdown_or_a_closed_input_exits_1() {
    let mut server = Server::start();
    initialize(&mut server);
    server.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(server.exit_code(), Some(1));

    let mut server = Server::start();
    initialize(&mut server);
    assert_eq!(server.exit_code(), Some(1));
}
