//! `--format github`: one workflow command per finding, escaped so that no
//! path or message can end a property or the command early.

mod common;

use common::{letterlint, letterlint_in, stdout};
use std::fs;

#[test]
fn template_annotations() {
    let out = letterlint(&["--format", "github", "examples/template.md"]);
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l
            == "::error file=examples/template.md,line=5,col=47,endLine=5,endColumn=61,\
                title=letterlint (placeholder)::unfilled template slot `[Company Name]`\
                %0Ahelp: replace the slot with the real text, or delete the sentence"),
        "{text}"
    );
    // A finding about the whole letter has no line to point at.
    assert!(text.lines().any(|l| l.starts_with(
        "::warning file=examples/template.md,title=letterlint (word-count)::the letter has "
    )));
    insta::assert_snapshot!("template", text);
}

#[test]
fn one_command_per_diagnostic() {
    let json: serde_json::Value = serde_json::from_str(&stdout(&letterlint(&[
        "--format",
        "json",
        "examples/weak.md",
    ])))
    .unwrap();
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    let out = letterlint(&["--format", "github", "examples/weak.md"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    // And one more: the letter scores below the minimum.
    assert_eq!(lines.len(), diagnostics.len() + 1);
    for (line, d) in lines.iter().zip(diagnostics) {
        let command = match d["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        assert!(line.starts_with(&format!("::{command} file=examples/weak.md")));
        assert!(line.contains(&format!(
            ",title=letterlint ({})::",
            d["rule"].as_str().unwrap()
        )));
    }
    assert_eq!(
        out.status.code(),
        Some(1),
        "the format does not change the exit code"
    );
}

#[test]
fn a_score_under_the_gate_is_an_error_naming_score_and_gate() {
    // Cliches alone: warnings only, a score of 88.
    let run = |extra: &[&str]| {
        let args = [&["--format", "github", "--select", "cliche"], extra].concat();
        letterlint(&[args.as_slice(), &["examples/weak.md"]].concat())
    };
    let score_line = "::error file=examples/weak.md,title=letterlint (score)::";

    let out = run(&["--min-score", "95"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text
        .lines()
        .all(|l| !l.starts_with("::error") || l.starts_with(score_line)));
    assert_eq!(
        text.lines().last(),
        Some(format!("{score_line}score 88 is below the minimum 95").as_str()),
        "{text}"
    );

    // At the bar or above it, the run passes and says nothing of the score.
    let out = run(&["--min-score", "88"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!stdout(&out).contains("(score)"), "{}", stdout(&out));
}

#[cfg(unix)]
#[test]
fn paths_and_messages_are_escaped() {
    let dir = common::temp_dir("github");
    let name = "cover, v2: 100%\r\nfinal.md";
    fs::write(
        dir.join(name),
        "Dear team,\n\nI want the [Role: 50%, remote] job.\n\nSee [Company\nName] soon.\n",
    )
    .unwrap();
    let out = letterlint_in(
        &dir,
        &["--format", "github", "--select", "placeholder", name],
        None,
    );
    let help = "%0Ahelp: replace the slot with the real text, or delete the sentence";
    let file = "file=cover%2C v2%3A 100%25%0D%0Afinal.md";
    assert_eq!(
        stdout(&out),
        format!(
            "::error {file},line=3,col=12,endLine=3,endColumn=31,title=letterlint (placeholder)\
             ::unfilled template slot `[Role: 50%25, remote]`{help}\n\
             ::error {file},line=5,endLine=6,title=letterlint (placeholder)\
             ::unfilled template slot `[Company Name]`{help}\n"
        ),
        "a span over two lines gets no columns: GitHub takes those on one line only"
    );
}

#[test]
fn paths_are_the_repository_paths() {
    let out = letterlint(&[
        "--format",
        "github",
        "--select",
        "placeholder",
        "./examples/template.md",
    ]);
    assert!(stdout(&out).starts_with("::error file=examples/template.md,line=1,"));
    let out = letterlint_in(
        &common::root(),
        &["--format", "github", "--select", "placeholder", "-"],
        Some(b"Dear [Hiring Manager],\n"),
    );
    assert!(stdout(&out).starts_with("::error file=stdin,line=1,col=6,"));
}
