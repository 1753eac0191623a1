//! Hostile input through the command line: files that are empty, huge,
//! binary, not UTF-8, deeply nested, one enormous line, folders, links and
//! unreadable files. Each case runs beside a good letter, and checks the
//! exit code, the message, and that the good letter is still reported.
//! Every case must finish quickly even in a debug build (no time is
//! asserted, but a non-linear algorithm shows up as a hung suite).

mod common;

use common::{letterlint_in, stderr, stdout, temp_dir, TempFolder};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// A letter that passes: these tests are about files, not prose.
const GOOD: &str = include_str!("../examples/strong.md");

/// A fresh folder holding `good.md`.
fn folder(name: &str) -> TempFolder {
    let dir = temp_dir(&format!("hostile-{name}"));
    fs::write(dir.join("good.md"), GOOD).unwrap();
    dir
}

/// `letterlint --format json ARGS… good.md` in `dir`, ready to run.
fn json_command(dir: &Path, args: &[&str]) -> Command {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    all.push("good.md");
    common::command(dir, &all)
}

/// Runs `letterlint --format json ARGS… good.md` in `dir`.
fn run_json(dir: &Path, args: &[&str]) -> (Output, Value) {
    with_report(common::run(json_command(dir, args), None))
}

/// A run's output with the JSON report it printed.
fn with_report(out: Output) -> (Output, Value) {
    let report = serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(&out), stderr(&out)));
    (out, report)
}

fn paths(report: &Value) -> Vec<&str> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect()
}

fn file<'a>(report: &'a Value, path: &str) -> &'a Value {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("{path} not reported"))
}

/// A file that cannot be linted: exit 2, exactly this error line, and the
/// good letter still reported.
fn refused(dir: &Path, name: &str, message: &str) {
    assert_refused(common::run(json_command(dir, &[name]), None), name, message);
}

/// What `refused` checks, on the output of a run of `json_command`.
fn assert_refused(out: Output, name: &str, message: &str) {
    let (out, report) = with_report(out);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(stderr(&out).trim(), format!("error: {name}: {message}"));
    assert_eq!(paths(&report), ["good.md"]);
}

/// A file that is linted: no error, both letters reported.
fn linted(dir: &Path, name: &str) -> Value {
    let (out, report) = run_json(dir, &[name]);
    assert_eq!(stderr(&out), "", "{name}");
    assert_ne!(out.status.code(), Some(2), "{name}");
    assert_eq!(paths(&report), [name, "good.md"]);
    report
}

#[test]
fn empty_front_matter_only_and_code_only_letters_have_no_words() {
    let dir = folder("no-words");
    fs::write(dir.join("empty.md"), "").unwrap();
    fs::write(
        dir.join("front.md"),
        "+++\ncompany = \"Kestrel Pay\"\n+++\n",
    )
    .unwrap();
    fs::write(dir.join("code.md"), "```rust\nfn main() {}\n```\n").unwrap();
    for name in ["empty.md", "front.md", "code.md"] {
        let report = linted(&dir, name);
        let letter = file(&report, name);
        assert_eq!(letter["words"], 0, "{name}");
        let rules: Vec<&str> = letter["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect();
        assert_eq!(rules, ["word-count"], "{name}");
    }
}

#[test]
fn binary_and_invalid_utf8_files_are_refused() {
    let dir = folder("encoding");
    fs::write(dir.join("scan.md"), b"%PDF-1.7\n\0\0\x01binary").unwrap();
    fs::write(dir.join("latin1.md"), b"Dear team,\n\nI am\nna\xefve.\n").unwrap();
    refused(
        &dir,
        "scan.md",
        "binary file (contains NUL bytes), not a letter",
    );
    refused(
        &dir,
        "latin1.md",
        "not valid UTF-8 (byte 0xef on line 4); save the file as UTF-8",
    );
}

#[test]
fn utf16_files_are_told_to_be_saved_as_utf8() {
    let dir = folder("utf16");
    let utf16 = |text: &str, bytes: fn(u16) -> [u8; 2]| -> Vec<u8> {
        text.encode_utf16().flat_map(bytes).collect()
    };
    let text = "Dear team,\n\nI built the ledger at Larkspur.\n";
    let little = [&[0xff, 0xfe][..], &utf16(text, u16::to_le_bytes)].concat();
    let big = [&[0xfe, 0xff][..], &utf16(text, u16::to_be_bytes)].concat();
    fs::write(dir.join("notepad.md"), little).unwrap();
    fs::write(dir.join("big-endian.md"), big).unwrap();
    // Without a byte-order mark: every other byte is NUL.
    fs::write(dir.join("no-mark.md"), utf16(text, u16::to_le_bytes)).unwrap();
    for name in ["notepad.md", "big-endian.md", "no-mark.md"] {
        refused(&dir, name, "UTF-16 text; save the file as UTF-8");
    }
}

#[test]
fn a_utf8_byte_order_mark_is_no_text_and_spans_stay_bytes_of_the_file() {
    let dir = folder("bom");
    let nurse = fs::read(common::root().join("examples/nurse.md")).unwrap();
    fs::write(dir.join("nurse.txt"), &nurse).unwrap();
    let mut names = vec!["nurse.txt".to_string()];
    for example in ["nurse", "template", "strong"] {
        let name = format!("{example}.md");
        fs::copy(common::root().join("examples").join(&name), dir.join(&name)).unwrap();
        names.push(name);
    }
    for name in &names {
        let text = fs::read(dir.join(name)).unwrap();
        let marked = format!("bom-{name}");
        fs::write(dir.join(&marked), [&b"\xef\xbb\xbf"[..], &text].concat()).unwrap();
        let marked_text = fs::read(dir.join(&marked)).unwrap();

        // The same findings at the same lines and columns, each span three
        // bytes later in a file three bytes longer, on the same text.
        let (_, plain) = run_json(&dir, &[name.as_str()]);
        let (_, with_mark) = run_json(&dir, &[marked.as_str()]);
        let (plain, with_mark) = (file(&plain, name), file(&with_mark, &marked));
        assert_eq!(plain["score"], with_mark["score"], "{name}");
        let findings = |letter: &Value| letter["diagnostics"].as_array().unwrap().clone();
        let (plain, with_mark) = (findings(plain), findings(with_mark));
        assert_eq!(plain.len(), with_mark.len(), "{name}: {with_mark:#?}");
        for (p, m) in plain.iter().zip(&with_mark) {
            assert_eq!(p["rule"], m["rule"], "{name}");
            assert_eq!(p["message"], m["message"], "{name}");
            let (p, m) = (&p["span"], &m["span"]);
            if p.is_null() {
                assert!(m.is_null(), "{name}");
                continue;
            }
            for key in ["line", "column", "end_line", "end_column"] {
                assert_eq!(p[key], m[key], "{name}: {key}");
            }
            let range = |span: &Value| {
                let at = |key: &str| span[key].as_u64().unwrap() as usize;
                at("start")..at("end")
            };
            let (p, m) = (range(p), range(m));
            assert_eq!(m, p.start + 3..p.end + 3, "{name}");
            assert_eq!(marked_text[m], text[p], "{name}");
        }

        // People see the same report: no mark in a snippet, no caret moved.
        let human = |name: &str| {
            let out = letterlint_in(&dir, &["--color", "never", name], None);
            stdout(&out).replace(name, "LETTER")
        };
        assert_eq!(human(&marked), human(name), "{name}");
    }
}

#[test]
fn a_50_mb_file_is_refused_above_the_documented_limit() {
    let dir = folder("huge");
    let line = "I built the ledger and kept it running. ".repeat(25) + "\n";
    let text = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    assert!(text.len() > 50 * 1024 * 1024);
    fs::write(dir.join("huge.md"), &text).unwrap();
    refused(&dir, "huge.md", "larger than 10 MiB; not a letter");
}

#[test]
fn a_hundred_thousand_list_items() {
    let dir = folder("items");
    let items: String = (0..100_000)
        .map(|i| format!("- item {i} with Kafka and Go\n"))
        .collect();
    fs::write(dir.join("items.md"), items).unwrap();
    let report = linted(&dir, "items.md");
    assert_eq!(file(&report, "items.md")["words"], 600_000);
}

/// A huge posting against a huge letter: every posting rule stays linear
/// in each (a posting's n-word windows are built once per letter, not per
/// paragraph), and only the first hundred requirements are read.
#[test]
fn a_huge_posting_against_a_huge_letter() {
    let dir = folder("huge-posting");
    let items: String = (0..5_000)
        .map(|i| format!("- Own reconciliation job {i} for the ledger, Go, Rust, Kafka and AWS\n"))
        .collect();
    fs::write(
        dir.join("posting.md"),
        format!("# Backend Engineer — Acme\n\n## Requirements\n\n{items}"),
    )
    .unwrap();
    let paragraphs: String = (0..1_000)
        .map(|i| format!("I reconciled ledger {i} nightly. I use Go, Rust, Kafka and AWS.\n\n"))
        .collect();
    fs::write(
        dir.join("letter.md"),
        format!("+++\nposting = \"posting.md\"\n+++\nDear team,\n\n{paragraphs}"),
    )
    .unwrap();
    let report = linted(&dir, "letter.md");
    let posting = &file(&report, "letter.md")["posting"];
    assert_eq!(posting["requirements"].as_array().unwrap().len(), 100);
    assert_eq!(posting["company"], "Acme");
}

#[test]
fn deeply_nested_quotes_and_lists_do_not_overflow_the_stack() {
    let dir = folder("nested");
    let depth = 100_000;
    fs::write(dir.join("quotes.md"), "> ".repeat(depth) + "deep\n").unwrap();
    fs::write(dir.join("lists.md"), "- ".repeat(depth) + "deep\n").unwrap();
    fs::write(dir.join("mixed.md"), "> - 1. ".repeat(depth / 3) + "deep\n").unwrap();
    let staircase: String = (0..2_000).map(|i| ">".repeat(i) + " step\n").collect();
    fs::write(dir.join("stairs.md"), staircase).unwrap();
    for name in ["quotes.md", "lists.md", "mixed.md"] {
        let report = linted(&dir, name);
        assert_eq!(file(&report, name)["words"], 1, "{name}");
    }
    let report = linted(&dir, "stairs.md");
    assert_eq!(file(&report, "stairs.md")["words"], 2_000);
}

#[test]
fn a_line_of_one_megabyte() {
    let dir = folder("long-line");
    // One sentence of 200,000 words: a single long-sentence finding whose
    // snippet is the whole line, in the human format users see.
    let line = "word ".repeat(200_000) + "\n";
    assert!(line.len() > 1_000_000);
    fs::write(dir.join("line.md"), line).unwrap();
    let out = letterlint_in(&dir, &["--color", "never", "line.md", "good.md"], None);
    assert_eq!(stderr(&out), "");
    let text = stdout(&out);
    assert!(text.contains("a sentence of 200000 words"), "{text:.300}");
    assert!(text.contains("line.md: score"));
    assert!(text.contains("good.md: score"));

    // A megabyte of sentences with figures and technology names: thousands
    // of findings on one line.
    let busy = "I built Kafka, Go, Postgres, Redis and AWS at 9,400 events per minute. "
        .repeat(15_000)
        + "\n";
    fs::write(dir.join("busy.md"), busy).unwrap();
    let report = linted(&dir, "busy.md");
    let stack_soup = file(&report, "busy.md")["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "stack-soup")
        .count();
    assert_eq!(stack_soup, 15_000);
}

#[test]
fn a_folder_given_where_a_letter_is_expected_is_walked() {
    let dir = folder("folder");
    // A folder named like a letter holds one; another holds none.
    fs::create_dir_all(dir.join("draft.md")).unwrap();
    fs::write(dir.join("draft.md/final.md"), GOOD).unwrap();
    fs::create_dir_all(dir.join("empty.md")).unwrap();
    let (out, report) = run_json(&dir, &["draft.md", "empty.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "warning: empty.md: no letters found (.md, .markdown, .txt, .tex)\n"
    );
    assert_eq!(paths(&report), ["draft.md/final.md", "good.md"]);
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_and_dangling_links() {
    use std::os::unix::fs::symlink;
    let dir = folder("links");
    fs::create_dir_all(dir.join("letters/nested")).unwrap();
    fs::write(dir.join("letters/nested/a.md"), GOOD).unwrap();
    symlink("..", dir.join("letters/nested/up")).unwrap();
    symlink("missing.md", dir.join("letters/gone.md")).unwrap();
    symlink("missing.md", dir.join("dangling.md")).unwrap();
    // In a folder, links are not followed: no loop, and a dangling link is
    // not a letter.
    let (out, report) = run_json(&dir, &["letters"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(paths(&report), ["letters/nested/a.md", "good.md"]);
    // Named on the command line, a dangling link is a missing file.
    refused(&dir, "dangling.md", "No such file or directory");
}

#[cfg(unix)]
#[test]
fn permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let dir = folder("permissions");
    fs::write(dir.join("locked.md"), GOOD).unwrap();
    fs::create_dir_all(dir.join("perm/locked")).unwrap();
    fs::write(dir.join("perm/locked/a.md"), GOOD).unwrap();
    let mode = |path: &str, mode| {
        fs::set_permissions(dir.join(path), fs::Permissions::from_mode(mode)).unwrap();
    };
    mode("locked.md", 0o000);
    mode("perm/locked", 0o000);
    // Root (as in many containers) reads the file anyway, so the runs are
    // made as `nobody`, whom the modes do deny, in a folder `nobody` may
    // enter.
    const NOBODY: u32 = 65534;
    let as_root = fs::read(dir.join("locked.md")).is_ok();
    mode(".", 0o755);
    let run = |name: &str| {
        let mut command = json_command(&dir, &[name]);
        if as_root {
            command.uid(NOBODY).gid(NOBODY);
        }
        command.output()
    };
    let (file, folder) = (run("locked.md"), run("perm"));
    // Unlocked again, so that the folder can be removed.
    mode("perm/locked", 0o755);
    match (file, folder) {
        (Ok(file), Ok(folder)) => {
            assert_refused(file, "locked.md", "Permission denied");
            assert_refused(folder, "perm/locked", "Permission denied");
        }
        (Err(e), _) | (_, Err(e)) => common::skipped(
            "permission_denied",
            &format!("a mode-000 file is readable here, and a run as nobody failed: {e}"),
        ),
    }
}

#[test]
fn letters_deleted_while_their_folder_is_linted() {
    let dir = temp_dir("hostile-deleted");
    let letters = dir.join("letters");
    fs::create_dir_all(&letters).unwrap();
    let names: Vec<String> = (0..2_000).map(|i| format!("{i:04}.md")).collect();
    for name in &names {
        fs::write(letters.join(name), GOOD).unwrap();
    }
    let doomed: BTreeSet<&str> = names.iter().step_by(2).map(String::as_str).collect();
    let child = common::command(
        &dir,
        &["--format", "json", "--select", "word-count", "letters"],
    )
    .spawn()
    .unwrap();
    // Every other letter goes while the run lists and reads the folder: a
    // letter may be gone before the listing, between the listing and the
    // read, or after the read. Whichever, the assertions below hold.
    for name in &doomed {
        fs::remove_file(letters.join(name)).unwrap();
    }
    let out = child.wait_with_output().unwrap();

    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    let missing: BTreeSet<&str> = err
        .lines()
        .map(|line| {
            line.strip_prefix("error: letters/")
                .and_then(|rest| rest.strip_suffix(": No such file or directory"))
                .unwrap_or_else(|| panic!("not a one-line error naming a file: {line}"))
        })
        .collect();
    assert!(missing.is_subset(&doomed), "{err}");
    assert_eq!(out.status.code() == Some(2), !missing.is_empty(), "{err}");
    assert!(matches!(out.status.code(), Some(0..=2)));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let reported: BTreeSet<&str> = paths(&report)
        .into_iter()
        .map(|p| p.strip_prefix("letters/").unwrap())
        .collect();
    assert!(reported.is_disjoint(&missing));
    for name in &names {
        assert!(
            doomed.contains(name.as_str()) || reported.contains(name.as_str()),
            "{name} was not deleted and not reported"
        );
    }
}
