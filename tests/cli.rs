//! The command line as a user runs it: exit codes, stdin, bad files among
//! good ones, formats, colour.

mod common;

use common::{letterlint, letterlint_in, stderr, stdout, temp_dir};
use std::fs;

#[test]
fn strong_letter_passes_with_exit_0() {
    let out = letterlint(&["--color", "never", "examples/strong.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("examples/strong.md: score"));
}

#[test]
fn weak_letter_fails_with_exit_1() {
    let out = letterlint(&["--color", "never", "examples/weak.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).is_empty());
}

#[test]
fn an_error_level_finding_fails_even_with_a_passing_score() {
    let out = letterlint(&["--select", "placeholder", "examples/template.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[placeholder]"));
}

#[test]
fn min_score_and_deny_warnings_decide_the_exit_code() {
    let weak = ["--select", "cliche", "examples/weak.md"];
    assert_eq!(
        letterlint(&weak).status.code(),
        Some(0),
        "cliches alone cost 12 points"
    );
    let out = letterlint(&[
        "--select",
        "cliche",
        "--min-score",
        "95",
        "examples/weak.md",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let out = letterlint(&["--select", "cliche", "-D", "warnings", "examples/weak.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[cliche]"));
}

#[test]
fn missing_file_among_good_ones_exits_2_and_the_rest_are_reported() {
    let out = letterlint(&[
        "--format",
        "json",
        "examples/strong.md",
        "no-such-letter.md",
        "examples/weak.md",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "error: no-such-letter.md: No such file or directory"
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["examples/strong.md", "examples/weak.md"]);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let out = letterlint_in(
        &common::root(),
        &["--format", "json", "-"],
        Some(b"Dear team,\n\nI am a team player.\n"),
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a letter of eight words fails the gate on its length"
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["files"][0]["path"], "-");
    let rules: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    // "team player" is both a cliche and the stock phrasing of the opening.
    assert_eq!(rules, ["word-count", "cliche", "generic-opening"]);
}

#[test]
fn empty_file_is_linted_as_an_empty_letter() {
    let dir = temp_dir("cli-empty");
    fs::write(dir.join("empty.md"), "").unwrap();
    let out = letterlint_in(&dir, &["--color", "never", "empty.md"], None);
    assert!(
        stdout(&out).contains("the letter has no prose"),
        "{}",
        stdout(&out)
    );
    assert!(stderr(&out).is_empty());
}

#[test]
fn non_utf8_and_binary_files_are_clear_errors() {
    let dir = temp_dir("cli-encoding");
    fs::write(dir.join("cp1252.md"), b"Dear team,\n\nI\x92m applying.\n").unwrap();
    fs::write(dir.join("image.md"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    fs::write(dir.join("good.md"), "Dear team,\n\nI built the ledger.\n").unwrap();
    let out = letterlint_in(
        &dir,
        &["--format", "json", "cp1252.md", "image.md", "good.md"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            "error: cp1252.md: not valid UTF-8 (byte 0x92 on line 3); save the file as UTF-8",
            "error: image.md: binary file (contains NUL bytes), not a letter",
        ]
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["files"][0]["path"], "good.md");
}

/// The files a run reports, from their summary lines.
fn summarised(out: &std::process::Output) -> Vec<String> {
    stdout(out)
        .lines()
        .filter_map(|line| Some(line.split_once(": score ")?.0.to_string()))
        .collect()
}

#[test]
fn a_folder_lints_every_letter_below_it_in_path_order() {
    let paths = summarised(&letterlint(&["--quiet", "examples"]));
    assert_eq!(
        paths,
        [
            "examples/nurse.md",
            "examples/strong.md",
            "examples/template.md",
            "examples/weak.md"
        ]
    );
}

#[test]
fn bad_front_matter_names_the_file_and_line() {
    let dir = temp_dir("cli-front-matter");
    fs::write(
        dir.join("bad.md"),
        "+++\ncompany = \"A\"\nrole = \n+++\n\nDear team,\n",
    )
    .unwrap();
    let out = letterlint_in(&dir, &["bad.md"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: bad.md: front matter at line 3 is not valid TOML"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unknown_rule_is_a_usage_error_with_a_suggestion() {
    let out = letterlint(&["--select", "stack-sup", "examples/strong.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "error: unknown rule `stack-sup` (did you mean `stack-soup`?)"
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(
        letterlint(&["--format", "xml", "examples/strong.md"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(letterlint(&[]).status.code(), Some(2));
}

#[test]
fn explain_and_list_rules() {
    let out = letterlint(&["--explain", "stack-soup"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for part in [
        "Why is this bad?",
        "Example (fires)",
        "Instead (does not fire)",
        "Default level: warn",
    ] {
        assert!(text.contains(part), "{part}");
    }
    let out = letterlint(&["--explain", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    let out = letterlint(&["--list-rules"]);
    let list = stdout(&out);
    assert_eq!(list.lines().count(), 1 + letterlint::rules::docs().len());
    assert!(list
        .lines()
        .any(|l| l.starts_with("placeholder") && l.contains("error")));
}

/// A folder with a `letterlint.toml` that defines a custom rule.
fn folder_with_a_custom_rule(name: &str) -> common::TempFolder {
    let dir = temp_dir(name);
    fs::write(
        dir.join("letterlint.toml"),
        "[rules.long-sentence]\nlevel = \"off\"\n\n[[custom]]\nid = \"old-codename\"\n\
         pattern = '(?i)project falcon'\nmessage = \"internal code name of a former employer\"\n\
         level = \"error\"\nhelp = \"describe what the project did instead\"\n",
    )
    .unwrap();
    dir
}

#[test]
fn list_rules_prints_one_table_as_text_or_json() {
    let dir = folder_with_a_custom_rule("cli-list-rules");
    let out = letterlint_in(&dir, &["--list-rules", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), letterlint::rules::docs().len() + 1);
    let rule = |id: &str| listed.iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(
        rule("stack-soup"),
        serde_json::json!({"id": "stack-soup", "level": "warn", "penalty": 10,
            "summary": "technologies listed as an inventory instead of one system story",
            "engineering": true, "source": "builtin"})
    );
    assert_eq!(rule("long-sentence")["level"], "off", "the config's level");
    assert_eq!(
        rule("old-codename"),
        serde_json::json!({"id": "old-codename", "level": "error", "penalty": 5,
            "summary": "internal code name of a former employer",
            "engineering": false, "source": "custom"})
    );

    // The text table is the same rows: rule, level, fires when.
    let out = letterlint_in(&dir, &["--list-rules"], None);
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text
        .lines()
        .map(|line| {
            let (id, rest) = line.split_once(' ').unwrap();
            let (level, summary) = rest.trim_start().split_once(' ').unwrap();
            vec![id, level, summary.trim_start()]
        })
        .collect();
    assert_eq!(rows[0], ["rule", "level", "fires when"]);
    for (row, rule) in rows[1..].iter().zip(listed) {
        assert_eq!(
            row,
            &["id", "level", "summary"].map(|k| rule[k].as_str().unwrap())
        );
    }
}

#[test]
fn explain_explains_a_custom_rule_from_the_config() {
    let dir = folder_with_a_custom_rule("cli-explain-custom");
    let out = letterlint_in(&dir, &["--explain", "old-codename"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = stdout(&out);
    for part in [
        "old-codename: internal code name of a former employer",
        "Level: error",
        "a custom rule from letterlint.toml",
        "matches the pattern (?i)project falcon",
        "help: describe what the project did instead",
        "pattern = \"(?i)project falcon\"",
        "--ignore old-codename",
    ] {
        assert!(page.contains(part), "{part:?} in\n{page}");
    }
    // A misspelt custom id is offered the right one.
    let out = letterlint_in(&dir, &["--explain", "old-codenam"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: --explain: unknown rule `old-codenam` (did you mean `old-codename`?)\n"
    );
    // Where no config defines it, it is unknown.
    let out = letterlint_in(&dir, &["--no-config", "--explain", "old-codename"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn options_a_command_would_ignore_are_refused_naming_both() {
    for (args, message) in [
        (
            &["--explain", "cliche", "examples/weak.md"][..],
            "--explain cannot be used with a letter to lint (`examples/weak.md`)",
        ),
        (
            &["--list-rules", "--explain", "cliche"],
            "--explain cannot be used with --list-rules",
        ),
        (
            &["--explain", "cliche", "--format", "json"],
            "--explain cannot be used with --format",
        ),
        (
            &["--explain", "cliche", "--quiet"],
            "--explain cannot be used with --quiet",
        ),
        (
            &["--explain", "cliche", "-D", "warnings"],
            "--explain cannot be used with -D",
        ),
        (
            &["--list-rules", "examples/weak.md"],
            "--list-rules cannot be used with a letter to lint (`examples/weak.md`)",
        ),
        (
            &["--list-rules", "--format", "sarif"],
            "--list-rules cannot be used with --format sarif",
        ),
        (
            &["--list-rules", "--min-score", "80"],
            "--list-rules cannot be used with --min-score",
        ),
    ] {
        let out = letterlint(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&out), format!("error: {message}\n"), "{args:?}");
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
    // What they do read is honoured.
    let out = letterlint(&["--list-rules", "--select", "cliche", "-D", "warnings"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out)
        .lines()
        .any(|l| l.starts_with("cliche ") && l.contains(" error ")));
    assert!(stdout(&out)
        .lines()
        .any(|l| l.starts_with("stack-soup ") && l.contains(" off ")));
    let out = letterlint(&["--explain", "cliche", "--no-config", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn quiet_shows_the_error_level_findings_and_the_summary() {
    let out = letterlint(&["--quiet", "--color", "never", "examples/template.md"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.matches("error[placeholder]").count(), 9, "{text}");
    assert!(!text.contains("warning["), "{text}");
    assert!(!text.contains("info["), "{text}");
    assert!(!text.contains("scorecard"), "{text}");
    assert!(text.ends_with("examples/template.md: score 60/100 · 9 errors · 1 warning · 1 info\n"));
    // A letter with only warnings is its summary line.
    let out = letterlint(&["--quiet", "--color", "never", "examples/weak.md"]);
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
    // Under -D warnings, warnings are errors, and shown.
    let out = letterlint(&[
        "--quiet",
        "-D",
        "warnings",
        "--select",
        "cliche",
        "examples/weak.md",
    ]);
    assert!(stdout(&out).contains("error[cliche]"));
}

#[test]
fn include_and_exclude_globs_are_relative_to_the_folder_argument() {
    let dir = temp_dir("cli-globs");
    for letter in [
        "letters/drafts/one.md",
        "letters/drafts/old/two.md",
        "letters/sent/three.md",
        "letters/sent/drafts/four.md",
        "letters/2024/five.md",
        "letters/2024/q1/six.md",
        "letters/seven.md",
    ] {
        common::write(&dir.join(letter), "Dear team,\n\nI built the ledger.\n");
    }
    let linted = |globs: &[&str]| {
        let args = [&["--quiet"], globs, &["letters"]].concat();
        summarised(&letterlint_in(&dir, &args, None))
    };
    // A name matches at any depth, and a folder brings its files.
    assert_eq!(
        linted(&["--include", "drafts"]),
        [
            "letters/drafts/old/two.md",
            "letters/drafts/one.md",
            "letters/sent/drafts/four.md"
        ]
    );
    // A glob with a slash is matched from the folder argument.
    assert_eq!(
        linted(&["--include", "2024/*.md"]),
        ["letters/2024/five.md"]
    );
    assert_eq!(
        linted(&["--include", "/drafts"]),
        ["letters/drafts/old/two.md", "letters/drafts/one.md"]
    );
    assert_eq!(
        linted(&["--include", "*.md", "--exclude", "drafts"]).len(),
        4
    );
    assert_eq!(
        linted(&["--include", "drafts", "--exclude", "drafts/old"]),
        ["letters/drafts/one.md", "letters/sent/drafts/four.md"]
    );
    // Relative to the folder argument, not the working folder.
    let out = letterlint_in(&dir, &["--include", "letters/drafts", "letters"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: letters: no letters found (.md, .markdown, .txt, .tex)\n"
    );

    // The help says so, with an example.
    let help = stdout(&letterlint(&["--help"]));
    assert!(help.contains("relative to the folder argument"), "{help}");
    assert!(help.contains("`letterlint letters/`, `--include drafts` lints letters/drafts/"));
}

#[test]
fn the_man_page_names_only_what_exists() {
    let out = letterlint(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    // No page of a subcommand, `letterlint-init(1)`, is installed.
    assert!(!page.contains("(1)"), "{page}");
    let section = |name: &str| {
        let start = page
            .find(&format!(".SH {name}\n"))
            .unwrap_or_else(|| panic!("{name}: {page}"));
        let rest = &page[start..];
        let end = rest[1..].find(".SH ").map_or(rest.len(), |end| end + 1);
        rest[..end].to_string()
    };
    let synopsis: Vec<String> = section("SYNOPSIS")
        .lines()
        .filter(|line| line.starts_with(r"\fBletterlint\fR"))
        .map(|line| line.replace(r"\fBletterlint\fR", "letterlint"))
        .collect();
    assert_eq!(
        synopsis,
        [
            "letterlint [OPTIONS] [PATH]...",
            "letterlint init",
            "letterlint completions <SHELL>",
            "letterlint man",
            "letterlint lsp"
        ]
    );
    let commands = section("COMMANDS");
    for command in [
        "letterlint init",
        "letterlint completions <SHELL>",
        "letterlint man",
        "letterlint lsp",
    ] {
        assert!(
            commands.contains(&format!(".TP\n\\fB{command}\\fR\n")),
            "{commands}"
        );
    }
    assert!(
        !commands.contains("help"),
        "the page is the help: {commands}"
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let never = stdout(&letterlint(&["examples/weak.md"]));
    assert!(!never.contains('\x1b'), "a pipe is not a terminal");
    let always = stdout(&letterlint(&["--color", "always", "examples/weak.md"]));
    assert!(always.contains('\x1b'));
}

#[test]
fn json_spans_point_at_the_text() {
    let out = letterlint(&[
        "--format",
        "json",
        "--select",
        "placeholder",
        "examples/template.md",
    ]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let text = fs::read_to_string(common::root().join("examples/template.md")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for d in report["files"][0]["diagnostics"].as_array().unwrap() {
        let span = &d["span"];
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        let line = lines[span["line"].as_u64().unwrap() as usize - 1];
        let column = span["column"].as_u64().unwrap() as usize - 1;
        let width = span["end_column"].as_u64().unwrap() as usize - 1 - column;
        let by_column: String = line.chars().skip(column).take(width).collect();
        assert_eq!(by_column, &text[start..end]);
    }
}

#[test]
fn a_folder_without_letters_warns_and_a_run_without_any_fails() {
    let dir = temp_dir("cli-no-letters");
    fs::create_dir_all(dir.join("scans")).unwrap();
    fs::write(dir.join("scans/letter.pdf"), "%PDF-1.7").unwrap();
    fs::write(dir.join("good.md"), "Dear team,\n\nI built the ledger.\n").unwrap();
    let warning = "warning: scans: no letters found (.md, .markdown, .txt, .tex)\n";

    // Beside a letter, an empty folder changes nothing but the warning.
    let alone = letterlint_in(&dir, &["--format", "json", "good.md"], None);
    let out = letterlint_in(&dir, &["--format", "json", "scans", "good.md"], None);
    assert_eq!(stderr(&out), warning);
    assert_eq!(out.status.code(), alone.status.code());
    assert_eq!(stdout(&out), stdout(&alone));

    // With nothing to lint at all, the run fails as if given no letters.
    let out = letterlint_in(&dir, &["--format", "json", "scans"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), warning.replace("warning", "error"));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        report["files"],
        serde_json::json!([]),
        "a valid, empty report"
    );

    // So does a folder whose letters are all excluded.
    let out = letterlint_in(&dir, &["--exclude", "*.md", "."], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: .: no letters found (.md, .markdown, .txt, .tex)\n"
    );
}

#[test]
fn the_summary_is_red_when_the_letter_fails_the_configured_min_score() {
    let dir = temp_dir("cli-summary-colour");
    let weak = fs::read_to_string(common::root().join("examples/weak.md")).unwrap();
    fs::write(dir.join("weak.md"), &weak).unwrap();
    // Cliches alone cost 12 points: warnings, no error, a score of 88.
    let summary = |extra: &[&str]| {
        let args = [
            &["--color", "always", "--quiet", "--select", "cliche"],
            extra,
        ]
        .concat();
        let out = letterlint_in(&dir, &[args.as_slice(), &["weak.md"]].concat(), None);
        (stdout(&out), out.status.code())
    };
    // Only the score is painted, so the line holds the colour only if the
    // score has it.
    let (red, yellow) = ("\x1b[91m", "\x1b[33m");

    let (line, code) = summary(&[]);
    assert!(line.contains(yellow), "{line:?}");
    assert_eq!(code, Some(0));
    let (line, code) = summary(&["--min-score", "95"]);
    assert!(line.contains(red), "{line:?}");
    assert_eq!(code, Some(1));

    // The bar a config file sets counts the same.
    fs::write(dir.join("letterlint.toml"), "min_score = 95\n").unwrap();
    let (line, code) = summary(&[]);
    assert!(line.contains(red), "{line:?}");
    assert_eq!(code, Some(1));

    // And a letter under 70 passes, in yellow, when the bar is lower.
    let out = letterlint_in(
        &dir,
        &[
            "--color",
            "always",
            "--quiet",
            "--min-score",
            "0",
            "weak.md",
        ],
        None,
    );
    assert!(stdout(&out).contains(yellow), "{:?}", stdout(&out));
    assert_eq!(out.status.code(), Some(0));
}
