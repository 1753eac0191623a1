//! `letterlint lsp`: a language server over standard input and output, so
//! an editor shows a letter's findings as it is written.
//!
//! A plain synchronous loop over lsp-server's connection: each message is
//! handled in turn, and a changed document is linted once the messages
//! queued behind the change are read, from the latest text. A letter lints
//! in well under a millisecond, so nothing else holds linting back.
//!
//! - `transport.rs`: framing on standard input and output, and the
//!   JSON-RPC errors for what does not parse;
//! - `workspace.rs`: config files and the companies of the workspace's
//!   letters; `document.rs`: an open document and its lint;
//! - `diagnostics.rs`, `hover.rs`, `actions.rs`: what the editor shows and
//!   offers; `position.rs`, `uri.rs`: the protocol's positions and names.

mod actions;
mod diagnostics;
mod document;
mod hover;
mod position;
mod transport;
mod uri;
mod workspace;

use crate::inputs::Inputs;
use document::Document;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Exit, Initialized, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _, Shutdown};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, HoverParams, HoverProviderCapability,
    InitializeParams, InitializeResult, PublishDiagnosticsParams, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use position::{Encoding, Lines};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use workspace::Workspace;

/// Serves the editor on standard input and output until it says exit.
pub fn run() -> ExitCode {
    let (connection, writer) = transport::stdio();
    let status = serve(&connection);
    // The writer stops once the last sender is gone, every message written.
    drop(connection);
    if !matches!(writer.join(), Ok(Ok(()))) {
        eprintln!("letterlint lsp: standard output closed before every message was written");
    }
    ExitCode::from(status)
}

/// Serves one client on `connection`. The exit status: 0 when the client
/// asked to shut down before it said exit, else 1 (as the protocol asks),
/// also when it went away without a word.
pub fn serve(connection: &Connection) -> u8 {
    let (id, params) = match connection.initialize_start() {
        Ok(start) => start,
        Err(e) => {
            eprintln!("letterlint lsp: {e}");
            return 1;
        }
    };
    let params: InitializeParams = match serde_json::from_value(params) {
        Ok(params) => params,
        Err(e) => {
            let code = ErrorCode::InvalidParams as i32;
            let _ = connection
                .sender
                .send(Response::new_err(id, code, e.to_string()).into());
            return 1;
        }
    };
    let mut server = Server::new(connection, &params);
    let result = InitializeResult {
        capabilities: server.capabilities(),
        server_info: Some(ServerInfo {
            name: "letterlint".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    };
    server.send(Response::new_ok(id, result));
    server.run()
}

struct Server<'c> {
    connection: &'c Connection,
    encoding: Encoding,
    /// The client watches files for the servers that ask it to.
    can_watch: bool,
    /// By URI.
    documents: BTreeMap<String, Document>,
    workspace: Workspace,
    shut_down: bool,
}

/// A request that cannot be answered, and why.
type Refusal = (ErrorCode, String);

impl<'c> Server<'c> {
    fn new(connection: &'c Connection, params: &InitializeParams) -> Self {
        let capabilities = &params.capabilities;
        let general = capabilities.general.as_ref();
        let offered = general.and_then(|g| g.position_encodings.as_deref());
        let watched = capabilities.workspace.as_ref();
        let watched = watched.and_then(|w| w.did_change_watched_files.as_ref());
        Server {
            connection,
            encoding: Encoding::negotiate(offered),
            can_watch: watched.and_then(|w| w.dynamic_registration) == Some(true),
            documents: BTreeMap::new(),
            workspace: Workspace::scan(folders(params)),
            shut_down: false,
        }
    }

    fn capabilities(&self) -> ServerCapabilities {
        let code_actions = CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, actions::fix_all_kind()]),
            ..CodeActionOptions::default()
        };
        // Saves too: a LaTeX letter reads the files it inputs as saved.
        let sync = TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::Supported(true)),
            ..TextDocumentSyncOptions::default()
        };
        ServerCapabilities {
            position_encoding: Some(self.encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(sync)),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            code_action_provider: Some(CodeActionProviderCapability::Options(code_actions)),
            ..ServerCapabilities::default()
        }
    }

    fn run(&mut self) -> u8 {
        let receiver = &self.connection.receiver;
        loop {
            // Every queued message first: a burst of changes is linted once.
            let message = match receiver.try_recv() {
                Ok(message) => message,
                Err(e) if e.is_empty() => {
                    self.lint_stale();
                    match receiver.recv() {
                        Ok(message) => message,
                        Err(_) => return 1,
                    }
                }
                Err(_) => return 1,
            };
            match message {
                Message::Request(request) => {
                    self.lint_stale();
                    self.request(request);
                }
                Message::Notification(n) if n.method == Exit::METHOD => {
                    return if self.shut_down { 0 } else { 1 };
                }
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => {}
            }
        }
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        let answer = match request.method.as_str() {
            _ if self.shut_down => Err((
                ErrorCode::InvalidRequest,
                "the server is shut down; only exit is expected".to_string(),
            )),
            Shutdown::METHOD => {
                self.shut_down = true;
                Ok(Value::Null)
            }
            HoverRequest::METHOD => params(request).map(|p| to_json(self.hover(p))),
            CodeActionRequest::METHOD => params(request).map(|p| to_json(self.code_actions(p))),
            method => Err((
                ErrorCode::MethodNotFound,
                format!("unknown method {method}"),
            )),
        };
        self.send(match answer {
            Ok(result) => Response::new_ok(id, result),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        });
    }

    /// A notification is never answered: one that cannot be read is told
    /// on standard error, which editors keep as the server's log.
    fn notification(&mut self, n: Notification) {
        let method = n.method.clone();
        let done = match method.as_str() {
            Initialized::METHOD => {
                self.watch_config_files();
                Ok(())
            }
            DidOpenTextDocument::METHOD => params(n).map(|p| self.open(p)),
            DidChangeTextDocument::METHOD => params(n).map(|p| self.change(p)),
            DidCloseTextDocument::METHOD => params(n).map(|p| self.close(p)),
            DidSaveTextDocument::METHOD => params(n).map(|p| self.saved(p)),
            DidChangeWatchedFiles::METHOD => params(n).map(|p| self.files_changed(p)),
            _ => Ok(()),
        };
        if let Err((_, cause)) = done {
            eprintln!("letterlint lsp: {method}: {cause}");
        }
    }

    fn open(&mut self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let key = document.uri.as_str().to_string();
        let document = Document::new(document.uri, document.text);
        self.documents.insert(key, document);
    }

    /// Full sync: each change holds the whole text, and the last is the
    /// text now.
    fn change(&mut self, mut params: DidChangeTextDocumentParams) {
        let document = self.documents.get_mut(params.text_document.uri.as_str());
        if let (Some(document), Some(change)) = (document, params.content_changes.pop()) {
            document.text = change.text;
            document.stale = true;
            // A LaTeX letter that inputs it reads it as it stands.
            if document.is_latex() {
                self.mark_stale(Document::is_latex);
            }
        }
    }

    /// The open documents `which` picks are to be linted again.
    fn mark_stale(&mut self, which: impl Fn(&Document) -> bool) {
        let picked = self.documents.values_mut().filter(|d| which(d));
        picked.for_each(|d| d.stale = true);
    }

    /// A saved config file is read again, as when the client reports it
    /// changed: an editor that does not watch files still saves them. Any
    /// other file may be one a LaTeX letter inputs: the open LaTeX letters
    /// are linted again.
    fn saved(&mut self, params: DidSaveTextDocumentParams) {
        let path = uri::to_path(&params.text_document.uri);
        match path.filter(|p| workspace::is_config(p)) {
            Some(config) => self.configs_changed(&[config]),
            None => self.mark_stale(Document::is_latex),
        }
    }

    /// Clears the document's findings. Its company is again the one its
    /// file on disk names, if any.
    fn close(&mut self, params: DidCloseTextDocumentParams) {
        let Some(document) = self.documents.remove(params.text_document.uri.as_str()) else {
            return;
        };
        if document.is_latex() {
            self.mark_stale(Document::is_latex);
        }
        self.publish(document.uri.clone(), Vec::new());
        let on_disk = document.path.as_ref().filter(|p| p.is_file()).map(|path| {
            let letter = Inputs::default().read(Ok(path.clone()));
            letter.company().map(String::from)
        });
        if self
            .workspace
            .set_company(&document.name(), on_disk.flatten().as_deref())
        {
            self.mark_stale(|_| true);
        }
    }

    fn files_changed(&mut self, params: DidChangeWatchedFilesParams) {
        let configs = params
            .changes
            .iter()
            .filter_map(|change| uri::to_path(&change.uri));
        let configs: Vec<PathBuf> = configs.filter(|path| workspace::is_config(path)).collect();
        self.configs_changed(&configs);
    }

    fn configs_changed(&mut self, configs: &[PathBuf]) {
        for config in configs {
            self.workspace.reload(config);
        }
        if !configs.is_empty() {
            self.mark_stale(|_| true);
        }
    }

    /// Asks the client to say when a config file changes, if it can.
    fn watch_config_files(&mut self) {
        if self.can_watch {
            self.send(workspace::watch_config_files());
        }
    }

    /// Lints each document changed since it was last linted, and the
    /// others again when one names another company than before.
    fn lint_stale(&mut self) {
        // Run on every message: the open texts are gathered only when needed.
        let stale = self.documents.values().any(|d| d.stale);
        let unsaved = document::unsaved_latex(self.documents.values().filter(|_| stale));
        while let Some(document) = self.documents.values_mut().find(|d| d.stale) {
            let linted = document.lint(&mut self.workspace, self.encoding, &unsaved);
            let uri = document.uri.clone();
            if linted.companies_changed {
                self.mark_stale(|other| other.uri != uri);
            }
            self.publish(uri, linted.diagnostics);
        }
        for (file, error) in self.workspace.take_reports() {
            let shown = error.map(|e| diagnostics::config_error(&file, &e, self.encoding));
            if let Some(uri) = uri::from_path(&file) {
                self.publish(uri, shown.into_iter().collect());
            }
        }
    }

    fn hover(&mut self, params: HoverParams) -> Option<lsp_types::Hover> {
        let at = params.text_document_position_params;
        let document = self.documents.get(at.text_document.uri.as_str())?;
        let lines = Lines::new(&document.text, self.encoding);
        let config = self.workspace.config(document.path.as_deref());
        hover::hover(document, &lines, lines.offset(at.position), config)
    }

    fn code_actions(&self, params: CodeActionParams) -> Vec<lsp_types::CodeActionOrCommand> {
        let Some(document) = self.documents.get(params.text_document.uri.as_str()) else {
            return Vec::new();
        };
        let lines = Lines::new(&document.text, self.encoding);
        let only = params.context.only.as_deref();
        actions::code_actions(document, &lines, lines.span(params.range), only)
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        };
        self.send(Notification::new(
            PublishDiagnostics::METHOD.to_string(),
            params,
        ));
    }

    /// Sends a message; a client that has gone away is noticed by the
    /// loop, which then ends.
    fn send(&self, message: impl Into<Message>) {
        let _ = self.connection.sender.send(message.into());
    }
}

/// The folders the client opened, as paths: their letters' companies are
/// what wrong-company checks each letter against.
fn folders(params: &InitializeParams) -> Vec<PathBuf> {
    #[allow(deprecated)] // The root is how clients before workspace folders say it.
    let root = params.root_uri.iter().cloned();
    let folders = params
        .workspace_folders
        .iter()
        .flatten()
        .map(|f| f.uri.clone());
    let uris: Vec<Uri> = match params.workspace_folders {
        Some(_) => folders.collect(),
        None => root.collect(),
    };
    uris.iter()
        .filter_map(uri::to_path)
        .filter(|p| p.is_dir())
        .collect()
}

/// The params of a request or notification, or why they are refused.
fn params<P: DeserializeOwned>(message: impl Into<Message>) -> Result<P, Refusal> {
    let params = match message.into() {
        Message::Request(r) => r.params,
        Message::Notification(n) => n.params,
        Message::Response(_) => Value::Null,
    };
    serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn to_json(value: impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}
