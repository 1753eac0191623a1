//! `--fix`, `--unsafe-fixes` and `--diff` through the command line (issue
//! 15): what is written, what is printed, and the exit code of what
//! remains.

mod common;

use common::{letterlint_in, stderr, stdout, temp_dir, write};
use std::fs;
use std::path::Path;

/// examples/strong.md, a letter nothing fires on, for Kestrel Pay, with
/// the company left as a slot twice: as a template leaves it.
fn with_slots() -> String {
    let strong = fs::read_to_string(common::root().join("examples/strong.md")).unwrap();
    let letter = strong
        .replace(
            "company = \"Larkspur Freight\"",
            "company = \"Kestrel Pay\"",
        )
        .replace("Larkspur Freight", "[Company Name]")
        .replace("How does your team", "How does the [Company Name] team");
    assert_eq!(letter.matches("[Company Name]").count(), 2);
    letter
}

fn filled() -> String {
    with_slots().replace("[Company Name]", "Kestrel Pay")
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--no-config", "--scorecard", "off"];
    all.extend(args);
    letterlint_in(dir, &all, None)
}

#[test]
fn fix_fills_every_slot_from_the_front_matter_and_exits_0() {
    let dir = temp_dir("fix-fills");
    write(&dir.join("letters/draft.md"), &with_slots());
    let out = run(&dir, &["--fix", "letters"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        fs::read_to_string(dir.join("letters/draft.md")).unwrap(),
        filled()
    );
    // The report is of the fixed letter: nothing remains, two were fixed.
    assert_eq!(
        stdout(&out),
        "letters/draft.md: score 100/100 · 0 errors · 0 warnings · 2 fixed\n"
    );
    // Fixed, it has nothing more to fix, and is left alone.
    let again = run(&dir, &["--fix", "letters"]);
    assert_eq!(
        stdout(&again),
        "letters/draft.md: score 100/100 · 0 errors · 0 warnings\n"
    );
}

#[test]
fn the_report_shows_each_fix_and_counts_them() {
    let dir = temp_dir("fix-report");
    write(&dir.join("draft.md"), &with_slots());
    let out = run(&dir, &["draft.md"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("error[placeholder]: [*] unfilled template slot `[Company Name]`"),
        "{text}"
    );
    assert_eq!(
        text.matches("  = fix: replace with \"Kestrel Pay\"\n")
            .count(),
        2,
        "{text}"
    );
    assert!(text.ends_with("\n[*] 2 fixable with --fix.\n"), "{text}");
    // The report writes nothing.
    assert_eq!(
        fs::read_to_string(dir.join("draft.md")).unwrap(),
        with_slots()
    );
}

#[test]
fn diff_shows_the_same_change_and_writes_nothing() {
    let dir = temp_dir("fix-diff");
    write(&dir.join("draft.md"), &with_slots());
    let out = run(&dir, &["--diff", "draft.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let diff = stdout(&out);
    assert!(
        diff.starts_with("--- a/draft.md\n+++ b/draft.md\n@@ "),
        "{diff}"
    );
    let removed: Vec<&str> = diff.lines().filter(|l| l.starts_with("-I")).collect();
    let added: Vec<&str> = diff.lines().filter(|l| l.starts_with("+I")).collect();
    assert_eq!(removed.len(), 2, "{diff}");
    for (before, after) in removed.iter().zip(&added) {
        assert_eq!(
            before[1..].replace("[Company Name]", "Kestrel Pay"),
            after[1..],
            "{diff}"
        );
    }
    assert_eq!(
        fs::read_to_string(dir.join("draft.md")).unwrap(),
        with_slots()
    );
    // Nothing to fix: no diff, and the run passes.
    write(&dir.join("draft.md"), &filled());
    let clean = run(&dir, &["--diff", "draft.md"]);
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(stdout(&clean), "");
    // What fails a --diff run is a change it would make, not a finding:
    // an unfixable error passes, a fixable warning fails.
    write(&dir.join("todo.md"), "Dear team,\n\nTODO: the story.\n");
    assert_eq!(
        run(&dir, &["--select", "placeholder", "todo.md"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run(&dir, &["--select", "placeholder", "--diff", "todo.md"])
            .status
            .code(),
        Some(0)
    );
    write(
        &dir.join("typo.md"),
        "<!-- letterlint-disable clichee -->\nDear team,\n",
    );
    let typo = ["--select", "invalid-suppression", "typo.md"];
    assert_eq!(run(&dir, &typo).status.code(), Some(0));
    let diff = run(&dir, &[&typo[..], &["--diff"]].concat());
    assert_eq!(diff.status.code(), Some(1));
    assert!(stdout(&diff)
        .contains("\n-<!-- letterlint-disable clichee -->\n+<!-- letterlint-disable cliche -->\n"));
    // --diff prints a diff, never a report in another format.
    assert_eq!(
        run(&dir, &["--diff", "--format", "json", "draft.md"])
            .status
            .code(),
        Some(2)
    );
}

/// Two letters of one run: the Halyard letter still names Kestrel Pay.
fn reused_letter(dir: &Path) {
    write(
        &dir.join("kestrel.md"),
        "+++\ncompany = \"Kestrel Pay\"\n+++\nDear team,\n",
    );
    write(
        &dir.join("halyard.md"),
        "+++\ncompany = \"Halyard Logistics\"\n+++\nDear team,\n\nI would love to bring this to Kestrel Pay.\n",
    );
}

#[test]
fn an_unsafe_fix_needs_unsafe_fixes() {
    let dir = temp_dir("fix-unsafe");
    reused_letter(&dir);
    let args = [
        "--select",
        "wrong-company",
        "--fix",
        "halyard.md",
        "kestrel.md",
    ];
    let safe_only = run(&dir, &args);
    assert_eq!(safe_only.status.code(), Some(1));
    let text = stdout(&safe_only);
    assert!(
        text.contains("  = unsafe fix: replace with \"Halyard Logistics\"\n"),
        "{text}"
    );
    assert!(
        text.ends_with("\n1 fixable with --fix --unsafe-fixes.\n"),
        "{text}"
    );
    assert!(fs::read_to_string(dir.join("halyard.md"))
        .unwrap()
        .contains("bring this to Kestrel Pay."));

    let mut unsafe_args = args.to_vec();
    unsafe_args.push("--unsafe-fixes");
    let fixed = run(&dir, &unsafe_args);
    assert_eq!(fixed.status.code(), Some(0), "{}", stdout(&fixed));
    assert!(fs::read_to_string(dir.join("halyard.md"))
        .unwrap()
        .contains("bring this to Halyard Logistics."));
}

#[test]
fn of_overlapping_fixes_the_first_is_applied_and_the_other_remains() {
    let dir = temp_dir("fix-overlap");
    write(
        &dir.join("posting.md"),
        "# Backend Engineer at Halyard Logistics\n\n## Requirements\n\n- Go and Postgres in production\n",
    );
    write(
        &dir.join("kestrel.md"),
        "+++\ncompany = \"Kestrel Pay\"\n+++\nDear team,\n",
    );
    // wrong-company mends "Kestrel Pay", role-mismatch the whole title
    // around it.
    write(
        &dir.join("halyard.md"),
        "+++\ncompany = \"Halyard Logistics\"\nrole = \"Backend Engineer\"\nposting = \"posting.md\"\n+++\nDear team,\n\nI am applying for the Kestrel Pay Data Engineer role.\n",
    );
    let args = [
        "--select",
        "wrong-company,role-mismatch",
        "--fix",
        "--unsafe-fixes",
        "halyard.md",
        "kestrel.md",
    ];
    let out = run(&dir, &args);
    assert!(fs::read_to_string(dir.join("halyard.md"))
        .unwrap()
        .contains("the Halyard Logistics Data Engineer role."));
    // The other fix is reported as remaining, for the next run.
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("error[role-mismatch]: [*] applies for Halyard Logistics Data Engineer"),
        "{text}"
    );
    assert!(text.contains("halyard.md: score 80/100 · 1 error · 0 warnings · 1 fixed"));
    assert!(
        text.contains("Found 1 error and 0 warnings in 2 letters after 1 fix; 1 letter fails the run.\n[*] 1 fixable with --fix.\n"),
        "{text}"
    );
    let again = run(&dir, &args);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
    assert!(fs::read_to_string(dir.join("halyard.md"))
        .unwrap()
        .contains("the Backend Engineer role."));
}

#[test]
fn standard_input_prints_the_fixed_letter_and_reports_on_stderr() {
    let dir = temp_dir("fix-stdin");
    let args = [
        "--no-config",
        "--fix",
        "--stdin-filename",
        "draft.md",
        "--scorecard",
        "off",
    ];
    let out = letterlint_in(&dir, &args, Some(with_slots().as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), filled());
    assert_eq!(
        stderr(&out),
        "draft.md: score 100/100 · 0 errors · 0 warnings · 2 fixed\n"
    );
    // With nothing to fix the letter comes through as it was.
    let text = "Dear team,\n\nI am a team player.\n";
    let out = letterlint_in(&dir, &args, Some(text.as_bytes()));
    assert_eq!(stdout(&out), text);
    assert!(stderr(&out).contains("warning[cliche]"));
}

#[cfg(unix)]
#[test]
fn a_fixed_file_keeps_its_permissions_and_a_link_stays_a_link() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = temp_dir("fix-permissions");
    write(&dir.join("draft.md"), &with_slots());
    fs::set_permissions(dir.join("draft.md"), fs::Permissions::from_mode(0o640)).unwrap();
    symlink("draft.md", dir.join("link.md")).unwrap();
    let out = run(&dir, &["--fix", "link.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(dir.join("draft.md")).unwrap(), filled());
    let mode = fs::metadata(dir.join("draft.md"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
    assert!(fs::symlink_metadata(dir.join("link.md"))
        .unwrap()
        .file_type()
        .is_symlink());
    // No temporary file is left beside the letter.
    let mut names: Vec<String> = fs::read_dir(&*dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["draft.md", "link.md"]);
}

#[test]
fn a_file_that_cannot_be_written_is_one_error_and_the_others_are_fixed() {
    let dir = temp_dir("fix-read-only");
    write(&dir.join("a-locked.md"), &with_slots());
    write(&dir.join("b-open.md"), &with_slots());
    let mut permissions = fs::metadata(dir.join("a-locked.md")).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(dir.join("a-locked.md"), permissions).unwrap();
    let out = run(&dir, &["--fix", "a-locked.md", "b-open.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: a-locked.md: not fixed: the file is read-only\n"
    );
    assert_eq!(
        fs::read_to_string(dir.join("a-locked.md")).unwrap(),
        with_slots()
    );
    assert_eq!(fs::read_to_string(dir.join("b-open.md")).unwrap(), filled());
    assert!(stdout(&out).contains("b-open.md: score 100/100"));
}

#[test]
fn the_writers_name_comes_from_the_front_matter_or_the_config() {
    let dir = temp_dir("fix-name");
    write(&dir.join("letterlint.toml"), "name = \"Ana Ruiz\"\n");
    write(&dir.join("plain.md"), "Dear team,\n\nBest,\n[Your Name]\n");
    write(
        &dir.join("own.md"),
        "+++\nname = \"Mara Lindqvist\"\n+++\nDear team,\n\nBest,\n{Your Name}\n",
    );
    let out = letterlint_in(
        &dir,
        &["--select", "placeholder", "--fix", "plain.md", "own.md"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(fs::read_to_string(dir.join("plain.md"))
        .unwrap()
        .ends_with("Best,\nAna Ruiz\n"));
    assert!(fs::read_to_string(dir.join("own.md"))
        .unwrap()
        .ends_with("Best,\nMara Lindqvist\n"));
}

#[test]
fn json_gives_each_fix_with_its_edits() {
    let dir = temp_dir("fix-json");
    let letter = with_slots();
    write(&dir.join("draft.md"), &letter);
    let out = run(&dir, &["--format", "json", "draft.md"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let diagnostics = report["files"][0]["diagnostics"].as_array().unwrap();
    let fixes: Vec<&serde_json::Value> = diagnostics.iter().filter_map(|d| d.get("fix")).collect();
    assert_eq!(fixes.len(), 2);
    for fix in fixes {
        assert_eq!(fix["applicability"], "safe");
        assert_eq!(fix["message"], "replace with \"Kestrel Pay\"");
        let edit = &fix["edits"][0];
        let (start, end) = (
            edit["start"].as_u64().unwrap(),
            edit["end"].as_u64().unwrap(),
        );
        assert_eq!(&letter[start as usize..end as usize], "[Company Name]");
        assert_eq!(edit["replacement"], "Kestrel Pay");
    }
}

/// In a `.tex` letter a fix writes TeX: the company its comment declares,
/// `&` and all, goes in escaped, so the letter still builds and reads back
/// as the company.
#[test]
fn a_latex_letter_gets_its_slot_filled_in_tex() {
    let dir = temp_dir("fix-latex");
    let letter = "% letterlint: company = \"Johnson & Johnson\"\n\\documentclass{letter}\n\\begin{document}\n\\begin{letter}{Hiring Team}\n\\opening{Dear Hiring Team,}\nI would like to join [Company Name] as a backend engineer.\n\\closing{Best regards,}\n\\end{letter}\n\\end{document}\n";
    write(&dir.join("cover_letter.tex"), letter);
    let out = run(&dir, &["--fix", "cover_letter.tex"]);
    let fixed = fs::read_to_string(dir.join("cover_letter.tex")).unwrap();
    assert_eq!(
        fixed,
        letter.replace("[Company Name]", "Johnson \\& Johnson"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("1 fixed"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("placeholder"), "{}", stdout(&out));
}
