//! letterlint in a repository of letters: folders, .gitignore, globs,
//! parallel runs, standard input with a name, quiet and statistics output,
//! the pre-commit hook's entry command, completions and the man page.

mod common;

use common::{letterlint_in, stderr, stdout, temp_dir, write};
use std::fs;

/// A deterministic letter that differs from its neighbours in company,
/// figures, phrasing and length, so the 1,000 reports are not all alike.
fn letter(i: usize) -> String {
    let examples = ["strong", "weak", "template", "nurse"];
    let base = fs::read_to_string(common::root().join(format!("examples/{}.md", examples[i % 4])))
        .unwrap();
    let extra = match i % 5 {
        0 => "\n\nI am a team player and a quick learner.".to_string(),
        1 => format!(
            "\n\nThroughput went from {} to {} events per second.",
            i,
            i * 7 + 3
        ),
        2 => "\n\n- Python\n- Java\n- Go\n- Rust\n".to_string(),
        3 => format!("\n\nI significantly improved build {i}."),
        _ => String::new(),
    };
    base.replace("Larkspur", &format!("Larkspur{i}")) + &extra
}

#[test]
fn a_thousand_letters_in_nested_folders_parallel_equals_one_thread() {
    let root = temp_dir("repository-thousand");
    let letters = root.join("letters");
    for i in 0..1000 {
        let ext = if i % 10 == 9 { "txt" } else { "md" };
        write(
            &letters.join(format!("team{}/year{}/letter{i:04}.{ext}", i % 7, i % 3)),
            &letter(i),
        );
    }
    // Ignored by .gitignore, hidden, or not a letter: never linted.
    write(&letters.join(".gitignore"), "drafts/\n*.bak.md\n");
    write(&letters.join("drafts/ignored.md"), "I am a team player.");
    write(&letters.join("team0/old.bak.md"), "I am a team player.");
    write(&letters.join(".hidden/secret.md"), "I am a team player.");
    write(&letters.join("team1/notes.rs"), "fn main() {}");

    let parallel = letterlint_in(&root, &["--color", "never", "letters"], None);
    let single = letterlint_in(
        &root,
        &["--color", "never", "--threads", "1", "letters"],
        None,
    );
    assert_eq!(parallel.status.code(), Some(1));
    assert!(stderr(&parallel).is_empty(), "{}", stderr(&parallel));
    assert_eq!(
        parallel.stdout, single.stdout,
        "parallel and one-thread output differ"
    );
    let summaries: Vec<String> = stdout(&parallel)
        .lines()
        .filter(|l| l.contains(": score "))
        .map(|l| l.split(": score").next().unwrap().to_string())
        .collect();
    assert_eq!(summaries.len(), 1000);
    let mut sorted = summaries.clone();
    sorted.sort();
    assert_eq!(summaries, sorted, "files are reported in path order");
    for skipped in ["ignored.md", "old.bak.md", "secret.md", "notes.rs"] {
        assert!(!stdout(&parallel).contains(skipped), "{skipped} was linted");
    }

    let json_parallel = letterlint_in(&root, &["--format", "json", "letters"], None);
    let json_single = letterlint_in(
        &root,
        &["--format", "json", "--threads", "1", "letters"],
        None,
    );
    assert_eq!(json_parallel.stdout, json_single.stdout);
}

#[test]
fn include_and_exclude_globs() {
    let root = temp_dir("repository-globs");
    write(&root.join("letters/a.md"), &letter(0));
    write(&root.join("letters/b.txt"), &letter(1));
    write(&root.join("letters/archive/c.md"), &letter(2));
    let paths = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--quiet"];
        all.extend(args);
        all.push("letters");
        stdout(&letterlint_in(&root, &all, None))
            .lines()
            .filter_map(|l| Some(l.split_once(": score ")?.0.to_string()))
            .collect()
    };
    assert_eq!(
        paths(&[]),
        ["letters/a.md", "letters/archive/c.md", "letters/b.txt"]
    );
    assert_eq!(
        paths(&["--include", "*.md"]),
        ["letters/a.md", "letters/archive/c.md"]
    );
    assert_eq!(
        paths(&["--exclude", "archive/"]),
        ["letters/a.md", "letters/b.txt"]
    );
}

#[test]
fn arguments_keep_their_order_and_explicit_files_are_always_linted() {
    let root = temp_dir("repository-order");
    write(&root.join("z.md"), &letter(1));
    write(&root.join("folder/a.md"), &letter(2));
    write(&root.join("folder/.gitignore"), "kept.md\n");
    write(&root.join("folder/kept.md"), &letter(3));
    let out = letterlint_in(
        &root,
        &["--quiet", "z.md", "folder", "folder/kept.md"],
        None,
    );
    let text = stdout(&out);
    // --quiet still shows error-level findings: the summaries name the files.
    let order: Vec<&str> = text
        .lines()
        .filter_map(|l| Some(l.split_once(": score ")?.0))
        .collect();
    assert_eq!(order, ["z.md", "folder/a.md", "folder/kept.md"]);
}

#[test]
fn stdin_filename_names_the_letter_and_picks_its_config() {
    let root = temp_dir("repository-stdin");
    fs::create_dir_all(root.join(".git")).unwrap();
    write(
        &root.join("letters/letterlint.toml"),
        "[rules.cliche]\nlevel = \"error\"\n",
    );
    let out = letterlint_in(
        &root,
        &[
            "--color",
            "never",
            "--stdin-filename",
            "letters/draft.md",
            "-",
        ],
        Some(b"Dear team,\n\nI am a team player.\n"),
    );
    let text = stdout(&out);
    assert!(text.contains(" --> letters/draft.md:3:8"), "{text}");
    assert!(
        text.contains("error[cliche]"),
        "the config beside the named file applies: {text}"
    );
}

#[test]
fn quiet_prints_only_summaries_and_statistics_counts_rules() {
    let root = common::root();
    let out = letterlint_in(
        &root,
        &[
            "--quiet",
            "--color",
            "never",
            "examples/weak.md",
            "examples/strong.md",
        ],
        None,
    );
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.lines().all(|l| l.contains(": score ")));

    let out = letterlint_in(
        &root,
        &[
            "--quiet",
            "--statistics",
            "examples/weak.md",
            "examples/template.md",
        ],
        None,
    );
    let text = stdout(&out);
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("rule"))
        .collect();
    assert_eq!(
        table[0].split_whitespace().collect::<Vec<_>>(),
        ["rule", "count", "files"]
    );
    let row = |id: &str| -> Vec<String> {
        let line = table
            .iter()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id}: {text}"));
        line.split_whitespace().map(str::to_string).collect()
    };
    assert_eq!(row("placeholder"), ["placeholder", "9", "1"]);
    assert_eq!(row("word-count"), ["word-count", "2", "2"]);
    // With a machine format the table goes to stderr and stdout stays JSON.
    let out = letterlint_in(
        &root,
        &["--format", "json", "--statistics", "examples/weak.md"],
        None,
    );
    assert!(serde_json::from_str::<serde_json::Value>(&stdout(&out)).is_ok());
    assert!(stderr(&out).contains("cliche"));
}

/// What pre-commit runs: the hook's entry with the staged file names.
#[test]
fn pre_commit_hook_entry_lints_the_files_it_is_given() {
    let hooks = fs::read_to_string(common::root().join(".pre-commit-hooks.yaml")).unwrap();
    let entry = hooks
        .lines()
        .find_map(|l| l.trim().strip_prefix("entry:"))
        .map(str::trim)
        .unwrap();
    assert_eq!(entry, "letterlint", "the hook runs the binary by name");
    assert!(hooks.contains("language: rust"));
    assert!(hooks.contains("types_or: [markdown, text]"));
    let files = hooks
        .lines()
        .find_map(|l| l.trim().strip_prefix("files:"))
        .map(|f| f.trim().trim_matches('\''))
        .unwrap();
    let files = regex::Regex::new(files).unwrap();
    for staged in ["letters/a.md", "b.markdown", "c.txt", "letters/cover.tex"] {
        assert!(files.is_match(staged), "the hook lints {staged}");
    }
    assert!(!files.is_match("letters/photo.png"));
    let root = temp_dir("repository-hook");
    write(
        &root.join("letters/good.md"),
        &fs::read_to_string(common::root().join("examples/strong.md")).unwrap(),
    );
    write(
        &root.join("letters/slot.md"),
        "Dear {Hiring Manager},\n\nI built the ledger.\n",
    );
    let good = letterlint_in(&root, &["letters/good.md"], None);
    assert_eq!(good.status.code(), Some(0), "a clean commit passes");
    let bad = letterlint_in(&root, &["letters/good.md", "letters/slot.md"], None);
    assert_eq!(
        bad.status.code(),
        Some(1),
        "a slot left in stops the commit"
    );
    write(
        &root.join("letters/slot.tex"),
        "\\opening{Dear team,}\nI built the ledger at \\todo{company}.\n",
    );
    let bad = letterlint_in(&root, &["letters/good.md", "letters/slot.tex"], None);
    assert_eq!(bad.status.code(), Some(1), "in a .tex letter too");
}

#[test]
fn completions_and_man_page() {
    let root = common::root();
    for shell in ["bash", "zsh", "fish"] {
        let out = letterlint_in(&root, &["completions", shell], None);
        assert_eq!(out.status.code(), Some(0));
        assert!(stdout(&out).contains("stdin-filename"), "{shell}");
    }
    let man = letterlint_in(&root, &["man"], None);
    assert_eq!(man.status.code(), Some(0));
    let text = stdout(&man);
    assert!(
        text.starts_with(".ie") || text.contains(".TH letterlint"),
        "{}",
        &text[..200.min(text.len())]
    );
    assert!(text.contains("statistics"));
}

#[test]
fn walk_errors_are_reported_and_the_rest_still_linted() {
    let root = temp_dir("repository-loop");
    write(&root.join("letters/a.md"), &letter(1));
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("letters"), root.join("letters/loop")).unwrap();
    let out = letterlint_in(&root, &["--quiet", "letters", "missing"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out).lines().count(), 1, "a.md is still linted");
    assert_eq!(
        stderr(&out).trim(),
        "error: missing: No such file or directory"
    );
}
