//! The labelled corpus beside the repository (`../shared/corpus`), scored by
//! its own evaluation script: every judged rule must keep F1 >= 0.85. Where
//! the corpus is not checked out next to the repository, there is nothing to
//! score and the test says so.

mod common;

use std::process::Command;

#[test]
fn corpus_f1_stays_above_the_bar() {
    let shared = common::root().join("../shared");
    let script = shared.join("eval/eval.py");
    if !script.exists() {
        eprintln!("no corpus at {}; skipped", shared.display());
        return;
    }
    let out = Command::new("python3")
        .arg(&script)
        .arg(env!("CARGO_BIN_EXE_letterlint"))
        .arg(shared.join("corpus"))
        .args(["--min-f1", "0.85"])
        .output()
        .expect("python3 runs");
    let report = String::from_utf8_lossy(&out.stdout);
    println!("{report}");
    assert!(out.status.success(), "corpus F1 below 0.85:\n{report}");
}
