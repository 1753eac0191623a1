//! Helpers shared by the integration tests.
#![allow(dead_code)]

use letterlint::config::{FileConfig, Selection};
use letterlint::posting::Posting;
use letterlint::{lint_with_posting, Config, Diagnostic, Source};
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use tempfile::TempDir;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Lints `text` as `path` with only `rule` switched on, in a run where
/// another letter is for Kestrel Pay (what wrong-company's examples need).
pub fn lint_one(rule: &str, path: &str, text: &str) -> Vec<Diagnostic> {
    let mut config = Config::new(
        FileConfig::default(),
        &Selection {
            select: vec![rule.to_string()],
            ..Selection::default()
        },
    )
    .expect("known rule");
    config.add_run_companies(&["Kestrel Pay".to_string()]);
    // A `posting` in the front matter is relative to the repository here:
    // the examples in rules/*.toml have no folder of their own.
    let posting = letterlint::front_matter::parse(text)
        .ok()
        .and_then(|f| f.posting)
        .map(|f| f.text)
        .map(|p| {
            let text = std::fs::read_to_string(root().join(&p)).expect("posting fixture");
            Arc::new(Posting::parse(&Source::new(p, text)).expect("posting parses"))
        });
    lint_with_posting(&Source::new(path, text), &config, posting)
        .expect("lints")
        .diagnostics
}

/// Runs the built binary from the repository root.
pub fn letterlint(args: &[&str]) -> Output {
    letterlint_in(&root(), args, None)
}

pub fn letterlint_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    run(command(dir, args), stdin)
}

/// The built binary with `args`, in `dir`, its output captured, for a test
/// that must change how it runs (its user) or wait on it while it runs.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_letterlint"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs `command` to its end, with `stdin` as its standard input if given.
pub fn run(mut command: Command, stdin: Option<&[u8]>) -> Output {
    if stdin.is_some() {
        command.stdin(Stdio::piped());
    }
    let mut child = command.spawn().expect("binary runs");
    if let Some(input) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("piped")
            .write_all(input)
            .expect("stdin written");
    }
    child.wait_with_output().expect("binary finishes")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 stdout")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8 stderr")
}

/// A fresh folder under the system temp dir, deleted with everything in it
/// when this value is dropped, so a test run leaves nothing behind. It reads
/// as the folder's path, so tests join paths onto it directly.
pub struct TempFolder(TempDir);

impl Deref for TempFolder {
    type Target = Path;

    fn deref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<Path> for TempFolder {
    fn as_ref(&self) -> &Path {
        self.0.path()
    }
}

/// A [`TempFolder`] whose name starts `letterlint-{name}-`, to tell whose
/// it is while the test runs.
pub fn temp_dir(name: &str) -> TempFolder {
    let folder = tempfile::Builder::new()
        .prefix(&format!("letterlint-{name}-"))
        .tempdir()
        .expect("temp folder created");
    TempFolder(folder)
}

/// Says that `test` did not run, and why, where `cargo test` shows it: the
/// harness keeps back what a passing test prints with `eprintln!`, but not
/// what it writes to the standard error handle itself.
pub fn skipped(test: &str, reason: &str) {
    use std::io::Write;
    writeln!(std::io::stderr(), "skipped: {test}: {reason}").expect("stderr is writable");
}

/// Says that `test` did not run for want of the shared corpus beside the
/// repository; under `LETTERLINT_REQUIRE_CORPUS=1` (as CI sets it) fails.
pub fn without_corpus(test: &str, reason: &str) {
    let required = std::env::var_os("LETTERLINT_REQUIRE_CORPUS").is_some_and(|v| v == "1");
    assert!(
        !required,
        "{reason}; LETTERLINT_REQUIRE_CORPUS=1 requires it"
    );
    skipped(test, reason);
}

/// Writes a file, creating its folders.
pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}
