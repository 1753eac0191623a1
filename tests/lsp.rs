//! Conversations with the language server in-process, over lsp-server's
//! memory connection: what an editor sends, and what it is answered, as
//! JSON (snapshots with the temporary folder written `$DIR`).

mod common;

use common::{temp_dir, write, TempFolder};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// A hard-wrapped letter: a slot, a cliché on a paragraph's first line,
/// another on its second, and too few words (a letter-wide finding).
const LETTER: &str = "+++\ncompany = \"Halyard Logistics\"\n+++\nDear Hiring Manager,\n\n\
I am applying to [Company Name] as a team player who owns\n\
the dispatch service, and I am a quick learner too.\n\nSincerely,\nAna\n";

/// The editor's side of a conversation.
struct Client {
    connection: Connection,
    server: Option<JoinHandle<u8>>,
    dir: TempFolder,
    next_id: i32,
    /// Notifications that came while something else was awaited.
    heard: VecDeque<Notification>,
    /// Requests from the server, each answered with `null` as it came.
    asked: Vec<Request>,
}

impl Client {
    /// A client whose messages are queued before the server starts, so
    /// that the server finds them all waiting.
    fn new(dir: TempFolder) -> (Client, Connection) {
        let (server, client) = Connection::memory();
        let client = Client {
            connection: client,
            server: None,
            dir,
            next_id: 0,
            heard: VecDeque::new(),
            asked: Vec::new(),
        };
        (client, server)
    }

    /// Initializes a server for `dir` with these client capabilities, and
    /// returns the initialize result.
    fn start(dir: TempFolder, capabilities: Value) -> (Client, Value) {
        let (mut client, server) = Client::new(dir);
        let id = client.send_initialize(capabilities);
        client.notify("initialized", json!({}));
        client.serve(server);
        let result = client.response(id);
        (client, result["result"].clone())
    }

    fn send_initialize(&mut self, capabilities: Value) -> RequestId {
        let folder = json!({"uri": self.uri(""), "name": "letters"});
        let params = json!({"capabilities": capabilities, "workspaceFolders": [folder]});
        self.send_request("initialize", params)
    }

    fn serve(&mut self, server: Connection) {
        self.server = Some(thread::spawn(move || letterlint::lsp::serve(&server)));
    }

    fn uri(&self, name: &str) -> String {
        format!("file://{}/{name}", self.dir.display())
            .trim_end_matches('/')
            .to_string()
    }

    fn send_request(&mut self, method: &str, params: Value) -> RequestId {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let request = Request::new(id.clone(), method.to_string(), params);
        self.connection.sender.send(request.into()).unwrap();
        id
    }

    fn notify(&self, method: &str, params: Value) {
        let notification = Notification::new(method.to_string(), params);
        self.connection.sender.send(notification.into()).unwrap();
    }

    /// The next response or notification; a request from the server is
    /// answered and kept.
    fn receive(&mut self) -> Message {
        let wait = Duration::from_secs(10);
        loop {
            match self.connection.receiver.recv_timeout(wait) {
                Ok(Message::Request(request)) => {
                    let answer = Response::new_ok(request.id.clone(), Value::Null);
                    self.connection.sender.send(answer.into()).unwrap();
                    self.asked.push(request);
                }
                Ok(message) => return message,
                Err(e) => panic!("the server said nothing more: {e}"),
            }
        }
    }

    /// The response to request `id`, as JSON.
    fn response(&mut self, id: RequestId) -> Value {
        loop {
            match self.receive() {
                Message::Response(r) if r.id == id => return response_json(r),
                Message::Notification(n) => self.heard.push_back(n),
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.response(id)
    }

    /// The next diagnostics published for `name`.
    fn diagnostics(&mut self, name: &str) -> Value {
        let uri = self.uri(name);
        let published = |n: &Notification| {
            n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri.as_str()
        };
        if let Some(i) = self.heard.iter().position(published) {
            return self.heard.remove(i).unwrap().params["diagnostics"].clone();
        }
        loop {
            match self.receive() {
                Message::Notification(n) if published(&n) => {
                    return n.params["diagnostics"].clone()
                }
                Message::Notification(n) => self.heard.push_back(n),
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    fn open(&self, name: &str, text: &str) {
        let document =
            json!({"uri": self.uri(name), "languageId": "markdown", "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": document}));
    }

    fn change(&self, name: &str, version: i32, text: &str) {
        let document = json!({"uri": self.uri(name), "version": version});
        let changes = json!([{"text": text}]);
        let params = json!({"textDocument": document, "contentChanges": changes});
        self.notify("textDocument/didChange", params);
    }

    /// Shuts the server down and says exit; the server's exit status.
    fn finish(mut self) -> u8 {
        let shutdown = self.request("shutdown", Value::Null);
        assert_eq!(shutdown["result"], Value::Null, "{shutdown}");
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap()
    }

    /// `value` as pretty JSON, the temporary folder written `$DIR`.
    fn shown(&self, value: &Value) -> String {
        let text = serde_json::to_string_pretty(value).unwrap();
        text.replace(&self.dir.display().to_string(), "$DIR")
    }
}

fn response_json(response: Response) -> Value {
    serde_json::to_value(response).unwrap()
}

/// The client capabilities of an editor that counts in UTF-8 and watches
/// files for its servers.
fn utf8_client() -> Value {
    json!({
        "general": {"positionEncodings": ["utf-8", "utf-16"]},
        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}
    })
}

/// A `general` profile, so that the engineering rules do not crowd the
/// snapshots.
fn letters() -> TempFolder {
    let dir = temp_dir("lsp");
    write(&dir.join("letterlint.toml"), "profile = \"general\"\n");
    dir
}

/// The rules of the findings; a problem that kept the letter from being
/// linted whole has none.
fn rules(diagnostics: &Value) -> Vec<&str> {
    let all = diagnostics.as_array().unwrap();
    all.iter().filter_map(|d| d["code"].as_str()).collect()
}

/// The text with a code action's edits made, last first.
fn apply(text: &str, action: &Value, uri: &str) -> String {
    let mut edits = action["edit"]["changes"][uri].as_array().unwrap().clone();
    edits.sort_by_key(|e| {
        let start = &e["range"]["start"];
        (start["line"].as_u64(), start["character"].as_u64())
    });
    let mut text = text.to_string();
    for edit in edits.iter().rev() {
        let at = |p: &Value| {
            let line_start: usize = text
                .split_inclusive('\n')
                .take(p["line"].as_u64().unwrap() as usize)
                .map(str::len)
                .sum();
            line_start + p["character"].as_u64().unwrap() as usize
        };
        let range = at(&edit["range"]["start"])..at(&edit["range"]["end"]);
        text.replace_range(range, edit["newText"].as_str().unwrap());
    }
    text
}

#[test]
fn initialize_offers_utf8_to_a_client_that_counts_in_it() {
    let (client, result) = Client::start(letters(), utf8_client());
    insta::assert_snapshot!("initialize", client.shown(&result));
    assert_eq!(client.finish(), 0);
    let (client, result) = Client::start(letters(), json!({}));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(client.finish(), 0);
}

#[test]
fn a_client_that_watches_files_is_asked_to_watch_config_files() {
    let (mut client, _) = Client::start(letters(), utf8_client());
    // The request comes before the answer to any request sent after it.
    client.request("textDocument/hover", json!({"textDocument": {"uri": client.uri("none.md")}, "position": {"line": 0, "character": 0}}));
    let register = client.asked.first().expect("asked to watch");
    insta::assert_snapshot!("register_watcher", client.shown(&json!(register)));
    assert_eq!(client.finish(), 0);
    let (mut client, _) = Client::start(letters(), json!({}));
    client.request("textDocument/hover", json!({"textDocument": {"uri": client.uri("none.md")}, "position": {"line": 0, "character": 0}}));
    assert!(client.asked.is_empty());
    assert_eq!(client.finish(), 0);
}

#[test]
fn opening_a_letter_publishes_its_findings() {
    let (mut client, _) = Client::start(letters(), utf8_client());
    client.open("draft.md", LETTER);
    let diagnostics = client.diagnostics("draft.md");
    insta::assert_snapshot!("open", client.shown(&diagnostics));
    // The letter-wide word count stands on the first line of the body.
    let word_count = diagnostics
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "word-count");
    assert_eq!(
        word_count.unwrap()["range"]["start"],
        json!({"line": 5, "character": 0})
    );
    assert_eq!(client.finish(), 0);
}

#[test]
fn queued_changes_are_linted_once_from_the_latest_text() {
    let (mut client, server) = Client::new(letters());
    let id = client.send_initialize(utf8_client());
    client.notify("initialized", json!({}));
    client.open("draft.md", LETTER);
    client.change(
        "draft.md",
        2,
        &LETTER.replace("a team player", "the engineer"),
    );
    let fixed = LETTER
        .replace("[Company Name]", "Halyard")
        .replace("a team player", "one");
    client.change("draft.md", 3, &fixed);
    let shutdown = client.send_request("shutdown", Value::Null);
    client.serve(server);
    client.response(id);
    client.response(shutdown);
    let published: Vec<&Notification> = client
        .heard
        .iter()
        .filter(|n| n.method == "textDocument/publishDiagnostics")
        .collect();
    assert_eq!(published.len(), 1, "{published:?}");
    let diagnostics = &published[0].params["diagnostics"];
    assert_eq!(
        rules(diagnostics),
        ["word-count", "cliche", "generic-opening"]
    );
    assert!(diagnostics[1]["message"]
        .as_str()
        .unwrap()
        .contains("quick learner"));
    client.notify("exit", Value::Null);
    assert_eq!(client.server.take().unwrap().join().unwrap(), 0);
}

#[test]
fn a_change_is_linted_and_a_close_clears_the_findings() {
    let (mut client, _) = Client::start(letters(), utf8_client());
    client.open("draft.md", LETTER);
    assert!(rules(&client.diagnostics("draft.md")).contains(&"placeholder"));
    client.change("draft.md", 2, &LETTER.replace("[Company Name]", "Halyard"));
    assert!(!rules(&client.diagnostics("draft.md")).contains(&"placeholder"));
    let document = json!({"uri": client.uri("draft.md")});
    client.notify("textDocument/didClose", json!({"textDocument": document}));
    assert_eq!(client.diagnostics("draft.md"), json!([]));
    assert_eq!(client.finish(), 0);
}

/// "Zoë" with a combining diaeresis and a face outside the basic plane
/// before the cliché: a column in UTF-16 units, or in bytes.
#[test]
fn columns_are_counted_in_the_negotiated_encoding() {
    let before = "I am Zoe\u{308} 😀, a ";
    let text = format!("Dear team,\n\n{before}team player.\n");
    let expected = [
        (json!({}), before.encode_utf16().count()),
        (utf8_client(), before.len()),
    ];
    for (capabilities, column) in expected {
        let (mut client, _) = Client::start(letters(), capabilities);
        client.open("zoe.md", &text);
        let diagnostics = client.diagnostics("zoe.md");
        let cliche = diagnostics
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "cliche");
        let start = &cliche.unwrap()["range"]["start"];
        assert_eq!(start, &json!({"line": 2, "character": column}));
        assert_eq!(client.finish(), 0);
    }
}

/// A point in a document, as a range for code actions.
fn point(line: u32, character: u32) -> Value {
    let at = json!({"line": line, "character": character});
    json!({"start": at, "end": at})
}

impl Client {
    fn hover(&mut self, name: &str, line: u32, character: u32) -> Value {
        let at = json!({"line": line, "character": character});
        let params = json!({"textDocument": {"uri": self.uri(name)}, "position": at});
        self.request("textDocument/hover", params)["result"].clone()
    }

    fn code_actions(&mut self, name: &str, range: Value) -> Value {
        let context = json!({"diagnostics": []});
        let params =
            json!({"textDocument": {"uri": self.uri(name)}, "range": range, "context": context});
        self.request("textDocument/codeAction", params)["result"].clone()
    }

    /// Applies the action titled `title`, as the editor would, and returns
    /// the new text after the server has linted it: its findings.
    fn take_action(&mut self, name: &str, text: &mut String, title: &str, at: Value) -> Value {
        let actions = self.code_actions(name, at);
        let all = actions.as_array().unwrap();
        let action = all.iter().find(|a| a["title"] == title);
        let action = action.unwrap_or_else(|| panic!("no {title:?} in {actions:#}"));
        *text = apply(text, action, &self.uri(name));
        self.change(name, 2, text);
        self.diagnostics(name)
    }
}

#[test]
fn hover_on_a_finding_shows_its_rules_explain_page() {
    let (mut client, _) = Client::start(letters(), utf8_client());
    client.open("draft.md", LETTER);
    client.diagnostics("draft.md");
    // In "quick learner".
    let hover = client.hover("draft.md", 6, 36);
    assert_eq!(hover["contents"]["kind"], "markdown");
    let explained = common::letterlint(&["--explain", "cliche"]);
    let page = format!("```text\n{}\n```\n", common::stdout(&explained).trim_end());
    assert_eq!(hover["contents"]["value"], page);
    let range = json!({"start": {"line": 6, "character": 33}, "end": {"line": 6, "character": 46}});
    assert_eq!(hover["range"], range);
    // "team player" holds a cliché, an opening that fits any job, and the
    // line where the letter's length is shown: three pages, in that order.
    let pages = client.hover("draft.md", 5, 40)["contents"]["value"].clone();
    let heads: Vec<&str> = pages
        .as_str()
        .unwrap()
        .split("```text\n")
        .skip(1)
        .map(|page| page.split(':').next().unwrap())
        .collect();
    assert_eq!(heads, ["word-count", "cliche", "generic-opening"]);
    assert_eq!(
        client.hover("draft.md", 3, 2),
        Value::Null,
        "Dear Hiring Manager,"
    );
    assert_eq!(client.finish(), 0);
}

#[test]
fn a_custom_rules_page_comes_from_the_config() {
    let dir = letters();
    let custom = "[[custom]]\nid = \"old-codename\"\npattern = \"(?i)project falcon\"\n\
                  message = \"internal code name of a former employer\"\n";
    write(&dir.join("letterlint.toml"), custom);
    let (mut client, _) = Client::start(dir, utf8_client());
    client.open("draft.md", "Dear team,\n\nI led Project Falcon.\n");
    assert!(rules(&client.diagnostics("draft.md")).contains(&"old-codename"));
    let page = client.hover("draft.md", 2, 8)["contents"]["value"].clone();
    let page = client.shown(&page);
    assert!(
        page.contains("a custom rule from $DIR/letterlint.toml"),
        "{page}"
    );
    assert_eq!(client.finish(), 0);
}

#[test]
fn code_actions_switch_a_rule_off_for_a_line_or_for_the_letter() {
    let (mut client, _) = Client::start(letters(), utf8_client());
    client.open("draft.md", LETTER);
    client.diagnostics("draft.md");
    let actions = client.code_actions("draft.md", point(5, 40));
    insta::assert_snapshot!("code_actions", client.shown(&actions));

    // The first line of a paragraph: a comment line goes above it.
    let mut text = LETTER.to_string();
    let title = "Disable cliche for this line";
    let found = client.take_action("draft.md", &mut text, title, point(5, 40));
    assert!(text.contains("\n\n<!-- letterlint-disable-next-line cliche -->\nI am applying"));
    let cliches = found
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "cliche");
    assert_eq!(cliches.count(), 1, "{found:#}");

    // Its second line: the comment ends the first, and the paragraph stays
    // one paragraph of as many words.
    let found = client.take_action("draft.md", &mut text, title, point(7, 36));
    assert!(text.contains("who owns <!-- letterlint-disable-next-line cliche -->\nthe dispatch"));
    assert!(!rules(&found).contains(&"cliche"), "{found:#}");
    assert!(found[0]["message"].as_str().unwrap().contains("27 words"));

    // A finding about the whole letter: a comment under the front matter.
    let title = "Disable word-count for this letter";
    let found = client.take_action("draft.md", &mut text, title, point(6, 0));
    assert!(text.starts_with(
        "+++\ncompany = \"Halyard Logistics\"\n+++\n<!-- letterlint-disable word-count -->\nDear"
    ));
    assert_eq!(rules(&found), ["placeholder", "generic-opening"]);
    assert_eq!(client.finish(), 0);
}

/// A letter that declares its company and leaves its slot in twice.
const SLOTS: &str = "---\ncompany: Kestrel Pay\n---\nDear Hiring Manager,\n\n\
I am applying to [Company Name] because [Company Name] runs the payments I use.\n\n\
Sincerely,\nAna\n";
const FILL: &str = "Replace with \"Kestrel Pay\" (placeholder)";
const FIX_ALL: &str = "Fix all safe problems (letterlint)";

#[test]
fn a_slot_is_filled_by_its_fix_and_fix_all_fills_every_slot() {
    let (mut client, _) = Client::start(letters(), utf8_client());
    client.open("draft.md", SLOTS);
    let slots = |found: &Value| rules(found).iter().filter(|r| **r == "placeholder").count();
    assert_eq!(slots(&client.diagnostics("draft.md")), 2);

    // At the first slot: its fix, preferred, and the source action.
    let actions = client.code_actions("draft.md", point(5, 20));
    insta::assert_snapshot!("fix_actions", client.shown(&actions));
    let titled = |title: &str| {
        let all = actions.as_array().unwrap();
        all.iter().find(|a| a["title"] == title).cloned()
    };
    let fill = titled(FILL).expect("the slot's fix");
    assert_eq!(
        (&fill["kind"], &fill["isPreferred"]),
        (&json!("quickfix"), &json!(true))
    );
    let all = titled(FIX_ALL).expect("fix all");
    assert_eq!(all["kind"], "source.fixAll.letterlint");
    assert_eq!(
        all["edit"]["changes"][client.uri("draft.md")]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // An editor that asks only for source.fixAll, as on save, gets it alone.
    let params = json!({
        "textDocument": {"uri": client.uri("draft.md")},
        "range": point(0, 0),
        "context": {"diagnostics": [], "only": ["source.fixAll"]},
    });
    let asked = client.request("textDocument/codeAction", params)["result"].clone();
    assert_eq!(asked, json!([all]));

    // The quick fix fills one slot; fix all, the rest.
    let mut text = SLOTS.to_string();
    let steps = [
        (
            FILL,
            point(5, 20),
            "Kestrel Pay because [Company Name] runs",
            1,
        ),
        (
            FIX_ALL,
            point(0, 0),
            "Kestrel Pay because Kestrel Pay runs",
            0,
        ),
    ];
    for (title, at, filled, left) in steps {
        let found = client.take_action("draft.md", &mut text, title, at);
        assert!(text.contains(filled), "{text}");
        assert_eq!(slots(&found), left, "{found:#}");
    }
    assert_eq!(client.finish(), 0);
}

#[test]
fn a_latex_letter_s_magic_comment_fills_its_slot() {
    let (mut client, _) = Client::start(letters(), utf8_client());
    let tex = "% letterlint: company = \"Kestrel Pay\"\n\\documentclass{letter}\n\
               \\begin{document}\nI am applying to [Company Name] for the role.\n\\end{document}\n";
    client.open("draft.tex", tex);
    assert!(rules(&client.diagnostics("draft.tex")).contains(&"placeholder"));
    let mut text = tex.to_string();
    let found = client.take_action("draft.tex", &mut text, FIX_ALL, point(3, 20));
    assert!(
        text.contains("\nI am applying to Kestrel Pay for the role.\n"),
        "{text}"
    );
    assert!(!rules(&found).contains(&"placeholder"), "{found:#}");
    assert_eq!(client.finish(), 0);
}

#[test]
fn an_unsafe_fix_is_offered_never_preferred_and_a_suggestion_is_no_action() {
    let dir = letters();
    write(
        &dir.join("kestrel.md"),
        "+++\ncompany = \"Kestrel Pay\"\n+++\nDear team,\n",
    );
    let (mut client, _) = Client::start(dir, utf8_client());
    let text = "+++\ncompany = \"Halyard Logistics\"\n+++\nDear team,\n\n\
                I would bring this to Kestrel Pay as a team player.\n";
    client.open("halyard.md", text);
    let found = client.diagnostics("halyard.md");
    assert!(rules(&found).contains(&"wrong-company") && rules(&found).contains(&"cliche"));
    let actions = client.code_actions(
        "halyard.md",
        json!({
            "start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 50}
        }),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    let unsafe_fix = "Replace with \"Halyard Logistics\" (wrong-company): unsafe, read it first";
    assert!(titles.contains(&unsafe_fix), "{titles:?}");
    // The cliché's swap is a suggestion in its message, not an edit; and
    // with no safe fix there is nothing to fix all.
    assert!(!titles.iter().any(|t| t.contains("(cliche)")), "{titles:?}");
    assert!(
        !titles.iter().any(|t| t.starts_with("Fix all")),
        "{titles:?}"
    );
    let action = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == unsafe_fix);
    assert_eq!(action.unwrap()["isPreferred"], false);
    assert_eq!(client.finish(), 0);
}

#[test]
fn a_comment_is_written_in_the_files_own_syntax_and_never_in_front_matter() {
    let (mut client, _) = Client::start(letters(), utf8_client());
    let tex = "\\documentclass{letter}\n\\begin{document}\nI am a team player.\n\\end{document}\n";
    let wrapped = "Dear team,\n\nI own the dispatch service\nand I am a team player.\n";
    let front = "+++\ncompny = \"Halyard\"\n+++\nDear team,\n";
    let cases = [
        ("draft.tex", tex, "cliche"),
        ("draft.txt", wrapped, "cliche"),
        ("draft.md", front, "invalid-front-matter"),
    ];
    for (name, text, rule) in cases {
        client.open(name, text);
        let found = client.diagnostics(name);
        let found = found.as_array().unwrap().iter().find(|d| d["code"] == rule);
        let start = &found.unwrap()["range"]["start"];
        let at = json!({"start": start, "end": start});
        let actions = client.code_actions(name, at);
        let edits: Vec<String> = actions
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["diagnostics"][0]["code"] == rule)
            .map(|a| {
                let edit = &a["edit"]["changes"][client.uri(name)][0];
                let at = &edit["range"]["start"];
                format!(
                    "{} at {}:{}: {}",
                    a["title"], at["line"], at["character"], edit["newText"]
                )
            })
            .collect();
        insta::assert_snapshot!(format!("comment_{name}"), edits.join("\n"));
    }
    assert_eq!(client.finish(), 0);
}

#[test]
fn a_changed_config_is_read_again_and_a_broken_one_is_shown_in_its_file() {
    let dir = letters();
    let config = dir.join("letterlint.toml");
    let level =
        |level: &str| format!("profile = \"general\"\n\n[rules.cliche]\nlevel = \"{level}\"\n");
    write(&config, &level("error"));
    let (mut client, _) = Client::start(dir, utf8_client());
    let severity = |found: &Value| {
        let all = found.as_array().unwrap();
        all.iter().find(|d| d["code"] == "cliche").unwrap()["severity"].clone()
    };
    client.open("draft.md", LETTER);
    assert_eq!(severity(&client.diagnostics("draft.md")), 1);
    let changed = json!({"changes": [{"uri": client.uri("letterlint.toml"), "type": 2}]});

    write(&config, &level("loud"));
    client.notify("workspace/didChangeWatchedFiles", changed.clone());
    let error = client.diagnostics("letterlint.toml");
    insta::assert_snapshot!("config_error", client.shown(&error));
    // The last configuration that loaded stays in use.
    assert_eq!(severity(&client.diagnostics("draft.md")), 1);

    write(&config, &level("info"));
    client.notify("workspace/didChangeWatchedFiles", changed);
    assert_eq!(client.diagnostics("letterlint.toml"), json!([]));
    assert_eq!(severity(&client.diagnostics("draft.md")), 3);
    assert_eq!(client.finish(), 0);
}

/// An editor that does not watch files (Neovim 0.7) still says when it
/// saves one: a saved config file is read again.
#[test]
fn a_saved_config_is_read_again_without_file_watching() {
    let dir = letters();
    let config = dir.join("letterlint.toml");
    let level =
        |level: &str| format!("profile = \"general\"\n\n[rules.cliche]\nlevel = \"{level}\"\n");
    write(&config, &level("error"));
    let (mut client, _) = Client::start(dir, json!({}));
    let severity = |found: &Value| {
        let all = found.as_array().unwrap();
        all.iter().find(|d| d["code"] == "cliche").unwrap()["severity"].clone()
    };
    client.open("draft.md", LETTER);
    assert_eq!(severity(&client.diagnostics("draft.md")), 1);
    write(&config, &level("info"));
    let saved = json!({"textDocument": {"uri": client.uri("letterlint.toml")}});
    client.notify("textDocument/didSave", saved);
    assert_eq!(severity(&client.diagnostics("draft.md")), 3);
    assert!(client.asked.is_empty(), "no watcher was asked for");
    assert_eq!(client.finish(), 0);
}

#[test]
fn wrong_company_knows_the_other_letters_of_the_folder() {
    let dir = letters();
    let kestrel = |company: &str| format!("+++\ncompany = \"{company}\"\n+++\nDear team,\n");
    write(&dir.join("kestrel.md"), &kestrel("Kestrel Pay"));
    let (mut client, _) = Client::start(dir, utf8_client());
    let halyard = "+++\ncompany = \"Halyard Logistics\"\n+++\nDear team,\n\nI would bring this to Kestrel Pay.\n";
    client.open("halyard.md", halyard);
    assert!(rules(&client.diagnostics("halyard.md")).contains(&"wrong-company"));
    // The other letter, open, now names another company: this one is
    // linted again and no longer names a company of the folder.
    client.open("kestrel.md", &kestrel("Brightwell Labs"));
    client.diagnostics("kestrel.md");
    assert!(!rules(&client.diagnostics("halyard.md")).contains(&"wrong-company"));
    assert_eq!(client.finish(), 0);
}

#[test]
fn malformed_requests_get_json_rpc_errors_and_the_server_goes_on() {
    let (mut client, _) = Client::start(letters(), utf8_client());
    let unknown = client.request("letterlint/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let bad = client.request("textDocument/hover", json!({"position": "here"}));
    assert_eq!(bad["error"]["code"], -32602, "{bad}");
    // A notification is never answered; the next request still is.
    client.notify("textDocument/didOpen", json!({"textDocument": 7}));
    assert_eq!(client.hover("draft.md", 0, 0), Value::Null);
    assert_eq!(client.finish(), 0);
}

#[test]
fn after_shutdown_only_exit_is_heard_and_exit_alone_is_an_error() {
    let (mut client, _) = Client::start(letters(), utf8_client());
    assert_eq!(
        client.request("shutdown", Value::Null)["result"],
        Value::Null
    );
    let refused = client.request("textDocument/hover", json!({}));
    assert_eq!(refused["error"]["code"], -32600, "{refused}");
    client.notify("exit", Value::Null);
    assert_eq!(client.server.take().unwrap().join().unwrap(), 0);

    let (mut client, _) = Client::start(letters(), utf8_client());
    client.notify("exit", Value::Null);
    assert_eq!(client.server.take().unwrap().join().unwrap(), 1);
}

#[test]
fn a_config_broken_from_the_start_is_shown_and_the_built_in_one_lints() {
    let dir = temp_dir("lsp");
    write(&dir.join("letterlint.toml"), "min_scor = 80\n");
    let (mut client, _) = Client::start(dir, utf8_client());
    client.open("draft.md", LETTER);
    assert!(rules(&client.diagnostics("draft.md")).contains(&"cliche"));
    let error = &client.diagnostics("letterlint.toml")[0];
    let message = error["message"].as_str().unwrap();
    assert!(message.starts_with("unknown key `min_scor`"), "{message}");
    assert_eq!(error["range"]["start"], json!({"line": 0, "character": 0}));
    assert_eq!(client.finish(), 0);
}

#[test]
fn a_posting_that_cannot_be_read_is_shown_at_its_name() {
    let (mut client, _) = Client::start(letters(), utf8_client());
    let text = "+++\nposting = \"gone.md\"\n+++\nDear team,\n\nI am a team player.\n";
    client.open("draft.md", text);
    let found = client.diagnostics("draft.md");
    let problem = &found[0];
    assert_eq!(problem["code"], Value::Null);
    let message = problem["message"].as_str().unwrap();
    assert!(message.starts_with("gone.md: "), "{message}");
    let range = json!({"start": {"line": 1, "character": 11}, "end": {"line": 1, "character": 18}});
    assert_eq!(problem["range"], range);
    // The letter is linted all the same.
    assert!(rules(&Value::Array(found.as_array().unwrap()[1..].to_vec())).contains(&"cliche"));
    assert_eq!(client.finish(), 0);
}

/// A LaTeX letter reads the files it inputs as saved, as the command line
/// does: their words count, what is found in them is shown in their own
/// files and not here, an input that cannot be followed is a warning on
/// its command, and saving a file lints the open LaTeX letters again.
#[test]
fn a_latex_letter_reads_its_inputs_as_saved() {
    let dir = letters();
    let story = "I rebuilt the dispatch service for the depot network. ".repeat(30);
    write(
        &dir.join("body.tex"),
        &format!("{story}\nI joined [Company Name] in 2019.\n"),
    );
    let (mut client, _) = Client::start(dir, utf8_client());
    let tex = "\\documentclass{letter}\n\\begin{document}\n\\begin{letter}{Halyard}\n\
               \\opening{Dear Ms.~Okafor,}\n\\input{body}\n\\input{missing}\n\
               \\closing{Best regards,}\n\\end{letter}\n\\end{document}\n";
    client.open("main.tex", tex);
    let found = client.diagnostics("main.tex");
    assert!(!rules(&found).contains(&"placeholder"), "{found:#}");
    assert!(!rules(&found).contains(&"word-count"), "{found:#}");
    let unfollowed = found
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"].is_null());
    let unfollowed = unfollowed.expect("the missing input is shown");
    assert_eq!(unfollowed["severity"], 2);
    assert_eq!(
        unfollowed["range"],
        json!({"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 15}})
    );
    assert!(
        unfollowed["message"]
            .as_str()
            .unwrap()
            .starts_with("`\\input{missing}` not followed: no file"),
        "{unfollowed:#}"
    );

    write(
        &client.dir.join("body.tex"),
        "I rebuilt the dispatch service.\n",
    );
    let saved = json!({"textDocument": {"uri": client.uri("body.tex")}});
    client.notify("textDocument/didSave", saved);
    let again = client.diagnostics("main.tex");
    assert!(rules(&again).contains(&"word-count"), "{again:#}");
    assert_eq!(client.finish(), 0);
}

/// An input the editor has open is read as it stands, unsaved: editing it
/// lints its letter again, and closing it brings back the saved file.
#[test]
fn a_latex_letter_reads_an_open_input_as_it_stands() {
    let dir = letters();
    write(&dir.join("body.tex"), "I rebuilt the dispatch service.\n");
    let (mut client, _) = Client::start(dir, utf8_client());
    let tex = "\\documentclass{letter}\n\\begin{document}\n\\begin{letter}{Halyard}\n\
               \\opening{Dear Ms.~Okafor,}\n\\input{body}\n\
               \\closing{Best regards,}\n\\end{letter}\n\\end{document}\n";
    client.open("main.tex", tex);
    assert!(rules(&client.diagnostics("main.tex")).contains(&"word-count"));

    client.open("body.tex", "I rebuilt the dispatch service.\n");
    client.diagnostics("body.tex");
    let story = "I rebuilt the dispatch service for the depot network. ".repeat(30);
    client.change("body.tex", 2, &story);
    let edited = client.diagnostics("main.tex");
    assert!(!rules(&edited).contains(&"word-count"), "{edited:#}");

    let closed = json!({"textDocument": {"uri": client.uri("body.tex")}});
    client.notify("textDocument/didClose", closed);
    let after = client.diagnostics("main.tex");
    assert!(rules(&after).contains(&"word-count"), "{after:#}");
    assert_eq!(client.finish(), 0);
}
