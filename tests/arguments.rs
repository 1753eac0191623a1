//! What the command line's arguments mean at their edges: a huge
//! `--threads`, rule ids with spaces or in capitals, `--stdin-filename`
//! alone, a letter named twice, and file names that are not UTF-8.

mod common;

use common::{letterlint, letterlint_in, stderr, stdout, temp_dir, write};
use serde_json::Value;
use std::collections::BTreeSet;
use std::process::Output;

/// A run's JSON report.
fn report(out: &Output) -> Value {
    serde_json::from_str(&stdout(out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(out)))
}

fn paths(out: &Output) -> Vec<String> {
    let report = report(out);
    let files = report["files"].as_array().unwrap();
    files
        .iter()
        .map(|f| f["path"].as_str().unwrap().into())
        .collect()
}

fn rules(out: &Output) -> BTreeSet<String> {
    let report = report(out);
    let files = report["files"].as_array().unwrap();
    files
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .map(|d| d["rule"].as_str().unwrap().into())
        .collect()
}

#[test]
fn a_huge_thread_count_lints_as_one_thread_does() {
    // Asked for 65,535 threads, a run on four letters starts four: the
    // run ends (a thread per number asked took minutes), with the output of
    // a one-thread run.
    let run = |threads: &str| letterlint(&["--color", "never", "--threads", threads, "examples"]);
    let (one, huge) = (run("1"), run("65535"));
    assert_eq!(stderr(&huge), "");
    assert_eq!(huge.status.code(), one.status.code());
    assert_eq!(stdout(&huge), stdout(&one));
    let single = letterlint(&["--quiet", "--threads", "65535", "examples/strong.md"]);
    assert_eq!(single.status.code(), Some(0), "{}", stderr(&single));

    let help = stdout(&letterlint(&["-h"]));
    let threads = help.lines().find(|l| l.contains("--threads")).unwrap();
    assert!(
        threads.contains("at most 256 and no more than the letters"),
        "the maximum is documented: {threads}"
    );
}

#[test]
fn rule_ids_take_spaces_after_commas_and_a_capitalised_one_gets_a_suggestion() {
    let out = letterlint(&[
        "--format",
        "json",
        "--select",
        "cliche, stack-soup",
        "examples/weak.md",
    ]);
    assert_eq!(stderr(&out), "");
    assert_eq!(
        rules(&out),
        BTreeSet::from(["cliche".into(), "stack-soup".into()])
    );
    let out = letterlint(&[
        "--format",
        "json",
        "--ignore",
        " cliche ,stack-soup",
        "examples/weak.md",
    ]);
    let ignored = rules(&out);
    assert!(
        !ignored.contains("cliche") && !ignored.contains("stack-soup"),
        "{ignored:?}"
    );

    // Rule ids are one spelling everywhere (config, suppressions, output):
    // another case is refused, with the id it meant.
    let out = letterlint(&["--select", "CLICHE", "examples/weak.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: unknown rule `CLICHE` (did you mean `cliche`?)\n"
    );
    let out = letterlint(&["--select", "cliche,", "examples/weak.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("empty rule id"), "{}", stderr(&out));
}

#[test]
fn stdin_filename_alone_reads_standard_input() {
    let out = letterlint_in(
        &common::root(),
        &["--format", "json", "--stdin-filename", "letters/draft.md"],
        Some(b"Dear team,\n\nI am a team player.\n"),
    );
    assert_eq!(stderr(&out), "");
    assert_eq!(paths(&out), ["letters/draft.md"]);
    assert!(rules(&out).contains("cliche"));
}

#[test]
fn a_letter_named_twice_or_also_found_in_a_folder_is_linted_once() {
    let dir = temp_dir("arguments-twice");
    let letter = std::fs::read_to_string(common::root().join("examples/weak.md")).unwrap();
    write(&dir.join("letters/a.md"), &letter);
    write(&dir.join("letters/b.md"), &letter);
    let absolute = dir.join("letters/b.md").display().to_string();
    let args = [
        "--format",
        "json",
        "letters/a.md",
        "./letters/a.md",
        "letters",
        &absolute,
        "letters/../letters",
    ];
    let out = letterlint_in(&dir, &args, None);
    assert_eq!(
        stderr(&out),
        "",
        "a folder of letters seen already is not empty"
    );
    assert_eq!(paths(&out), ["letters/a.md", "letters/b.md"]);
    assert_eq!(report(&out)["summary"]["files"], 2);
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_linted_and_shown_lossily() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("arguments-names");
    std::fs::create_dir_all(dir.join("letters")).unwrap();
    // "café.md" in Latin-1, as an old archive or a Windows share names it.
    let name = dir.join("letters").join(OsStr::from_bytes(b"caf\xe9.md"));
    let letter = std::fs::read(common::root().join("examples/strong.md")).unwrap();
    if let Err(e) = std::fs::write(&name, letter) {
        return common::skipped("file_names_that_are_not_utf8", &e.to_string());
    }
    let shown = "letters/caf\u{fffd}.md";
    let walked = letterlint_in(&dir, &["--format", "json", "letters"], None);
    let mut named = common::command(&dir, &["--format", "json"]);
    named.arg(name.strip_prefix(&*dir).unwrap());
    let named = common::run(named, None);
    for out in [walked, named] {
        assert_eq!(stderr(&out), "");
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(paths(&out), [shown]);
        assert_eq!(report(&out)["files"][0]["score"], 100);
    }
}
