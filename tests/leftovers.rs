//! What a merge or a template leaves in a letter, through the command
//! line: an unresolved conflict and an unfilled instruction are errors in
//! a Markdown, plain-text or LaTeX letter, and in a file a LaTeX letter
//! inputs, on the line where they stand.

mod common;

use common::{letterlint_in, stdout, temp_dir, write};
use std::path::Path;

const CONFLICT: &str =
    "<<<<<<< HEAD\nI cut the run to 40 minutes.\n=======\nI rebuilt the run.\n>>>>>>> draft\n";

/// `body` in a Markdown, a plain-text and a LaTeX letter, each under a
/// heading "Opening": each letter's name and the line `body` starts on.
fn in_every_format(dir: &Path, body: &str) -> [(&'static str, usize); 3] {
    write(
        &dir.join("a.md"),
        &format!("Dear team,\n\n## Opening\n\n{body}\nBest,\nAna\n"),
    );
    write(
        &dir.join("b.txt"),
        &format!("Dear team,\n\nOpening\n\n{body}\nBest,\nAna\n"),
    );
    write(
        &dir.join("c.tex"),
        &format!("\\begin{{document}}\n\\opening{{Dear team,}}\n\\section*{{Opening}}\n{body}\\closing{{Best,}}\n\\end{{document}}\n"),
    );
    [("a.md", 5), ("b.txt", 5), ("c.tex", 4)]
}

/// Lints `name` in `dir` with `rule` alone: the run must fail, and its
/// report hold each of `findings` (message, lines below `line`).
fn fails_with(dir: &Path, rule: &str, (name, line): (&str, usize), findings: &[(String, usize)]) {
    let out = letterlint_in(dir, &["--select", rule, name], None);
    assert_eq!(out.status.code(), Some(1), "{name}");
    let report = stdout(&out);
    for (message, below) in findings {
        let at = format!("error[{rule}]: {message}\n --> {name}:{}:1\n", line + below);
        assert!(report.contains(&at), "{at}\n{report}");
    }
    assert_eq!(report.matches("error[").count(), findings.len(), "{report}");
}

#[test]
fn a_conflict_fails_the_run_in_every_format() {
    let dir = temp_dir("conflict");
    let markers =
        [("<<<<<<< HEAD", 0), ("=======", 2), (">>>>>>> draft", 4)].map(|(marker, below)| {
            (
                format!("unresolved merge conflict marker `{marker}`"),
                below,
            )
        });
    for letter in in_every_format(&dir, CONFLICT) {
        fails_with(&dir, "conflict-marker", letter, &markers);
    }
}

#[test]
fn a_template_instruction_fails_the_run_in_every_format() {
    let dir = temp_dir("instruction");
    let body = "PARAGRAPH TWO: say why you want this job.\n\nI cut the run to 40 minutes.\n";
    let instruction = [(
        "template instruction `PARAGRAPH TWO:` left in the letter".to_string(),
        0,
    )];
    for letter in in_every_format(&dir, body) {
        fails_with(&dir, "placeholder", letter, &instruction);
    }
}

#[test]
fn a_conflict_in_an_input_is_found_on_its_first_line() {
    let dir = temp_dir("conflict-input");
    write(
        &dir.join("main.tex"),
        "\\begin{document}\nDear team,\n\n\\input{body}\n\nBest,\n\\end{document}\n",
    );
    write(&dir.join("body.tex"), CONFLICT);
    let out = letterlint_in(&dir, &["--select", "conflict-marker", "main.tex"], None);
    assert_eq!(out.status.code(), Some(1));
    let report = stdout(&out);
    assert!(report.contains(" --> body.tex:1:1\n"), "{report}");
    assert!(report.contains(" --> body.tex:5:1\n"), "{report}");
}
