//! Unresolved merge conflicts through the command line: an error in a
//! Markdown, plain-text or LaTeX letter, and in a file a LaTeX letter
//! inputs, on the line where the marker stands.

mod common;

use common::{letterlint_in, stdout, temp_dir, write};

const CONFLICT: &str =
    "<<<<<<< HEAD\nI cut the run to 40 minutes.\n=======\nI rebuilt the run.\n>>>>>>> draft\n";

#[test]
fn a_conflict_fails_the_run_in_every_format() {
    let dir = temp_dir("conflict");
    write(
        &dir.join("a.md"),
        &format!("Dear team,\n\n{CONFLICT}\nBest,\nAna\n"),
    );
    write(
        &dir.join("b.txt"),
        &format!("Dear team,\n\n{CONFLICT}\nBest,\nAna\n"),
    );
    write(
        &dir.join("c.tex"),
        &format!("\\documentclass{{letter}}\n\\begin{{document}}\n\\opening{{Dear team,}}\n{CONFLICT}\\closing{{Best,}}\n\\end{{document}}\n"),
    );
    for (name, line) in [("a.md", 3), ("b.txt", 3), ("c.tex", 4)] {
        let out = letterlint_in(&dir, &["--select", "conflict-marker", name], None);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let report = stdout(&out);
        for (marker, below) in [("<<<<<<< HEAD", 0), ("=======", 2), (">>>>>>> draft", 4)] {
            let at = format!("error[conflict-marker]: unresolved merge conflict marker `{marker}`\n --> {name}:{}:1\n", line + below);
            assert!(report.contains(&at), "{at}\n{report}");
        }
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
