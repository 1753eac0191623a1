//! Every metric span letterlint finds, with its kind, over the letters in
//! the repository and the labelled corpus beside it. A change to how
//! metrics are found shows here span by span, before any rule or score
//! moves.

mod common;

use letterlint::Letter;
use std::fmt::Write;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The files of `dir` (and its subfolders) whose names end in one of `exts`.
fn files_under(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .is_some_and(|e| exts.iter().any(|x| e == *x))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Each file's metrics, one a line: the kind and the quoted source text.
fn spans(base: &Path, files: &[PathBuf]) -> String {
    let mut out = String::new();
    for path in files {
        let text = std::fs::read_to_string(path).unwrap();
        let plain = path.extension().is_some_and(|e| e == "txt");
        let name = path.strip_prefix(base).unwrap().display().to_string();
        let _ = writeln!(out, "── {name}");
        match Letter::parse(&text, plain) {
            Ok(letter) => {
                for metric in &letter.metrics {
                    let quoted = &text[metric.span.clone()];
                    let _ = writeln!(out, "{:<11} {quoted:?}", metric.kind.as_str());
                }
            }
            Err(e) => {
                let _ = writeln!(out, "(does not parse: {e})");
            }
        }
    }
    out
}

#[test]
fn metric_spans_in_the_repository() {
    let root = common::root();
    let mut files = files_under(&root.join("examples"), &["md"]);
    files.extend(files_under(&root.join("tests/fixtures"), &["md", "txt"]));
    files.extend(files_under(&root.join("tests/postings/letters"), &["md"]));
    insta::assert_snapshot!(spans(&root, &files));
}

#[test]
fn metric_spans_in_the_corpus() {
    let corpus = common::root().join("../shared/corpus/letters");
    if !corpus.is_dir() {
        if std::env::var("LETTERLINT_REQUIRE_CORPUS").is_ok_and(|v| v == "1") {
            panic!("no corpus at {}", corpus.display());
        }
        // Straight to stderr: the harness captures `eprintln!`, and a skip
        // nobody sees is a test nobody knows did not run.
        let _ = writeln!(
            std::io::stderr(),
            "metric_spans_in_the_corpus: no corpus at {}; skipped",
            corpus.display()
        );
        return;
    }
    let files = files_under(&corpus, &["md"]);
    insta::assert_snapshot!(spans(&corpus, &files));
}
