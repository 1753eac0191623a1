//! A LaTeX letter's `\input` and `\include` through the command line: the
//! files are read in the order the letter inputs them, each finding points
//! into the file its text is in (human, JSON, SARIF, github), a signal or
//! a posting's covered line stands where the letter inputs its text, and an
//! input that cannot be followed is one warning line, never a hang.

mod common;

use common::{letterlint_in, stderr, stdout, temp_dir, write};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// A letter whose body is in three files whose names do not follow their
/// order, one included from a folder by a path with `./`, one without
/// `.tex`, one through another.
const LETTER_IN_PARTS: [(&str, &str); 4] = [
    (
        "letters/main.tex",
        "\\documentclass{letter}\n\\begin{document}\n\\begin{letter}{Halyard Logistics}\n\\opening{Dear Ms.~Okafor,}\n% \\input{parts/old-draft}\n\\input{parts/zeta}\n\\include{./parts/alpha.tex}\n\\closing{Best regards,}\n\\end{letter}\n\\end{document}\n",
    ),
    (
        "letters/parts/zeta.tex",
        "I am a team player who cut the settlement run from 6 hours to 40 minutes.\n\n\\input{middle}\n",
    ),
    (
        "letters/parts/middle.tex",
        "% letterlint-disable-next-line cliche\nI am passionate about ledgers.\nI joined [Company Name] in 2019.\n",
    ),
    (
        "letters/parts/alpha.tex",
        "I would welcome a call about your reconciliation service.\n",
    ),
];

fn letter_in_parts(dir: &Path) {
    for (path, text) in LETTER_IN_PARTS {
        write(&dir.join(path), text);
    }
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let out = letterlint_in(dir, &[&["--format", "json"], args].concat(), None);
    serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)))
}

/// Each located finding as (rule, file, quoted text), the text sliced from
/// the file the finding names by its JSON span.
fn located(dir: &Path, file: &Value) -> Vec<(String, String, String)> {
    let letter = file["path"].as_str().unwrap();
    let diagnostics = file["diagnostics"].as_array().unwrap();
    diagnostics
        .iter()
        .filter(|d| d["span"].is_object())
        .map(|d| {
            let path = d["path"].as_str().unwrap_or(letter);
            let text = fs::read_to_string(dir.join(path)).unwrap();
            let at = |key: &str| d["span"][key].as_u64().unwrap() as usize;
            let quoted = text[at("start")..at("end")].to_string();
            (d["rule"].as_str().unwrap().into(), path.into(), quoted)
        })
        .collect()
}

#[test]
fn inputs_are_read_in_order_and_findings_point_into_their_files() {
    let dir = temp_dir("latex-inputs");
    letter_in_parts(&dir);
    let report = json(&dir, &["letters/main.tex"]);
    let file = &report["files"][0];
    assert_eq!(file["path"], "letters/main.tex");
    assert_eq!(
        located(&dir, file),
        [
            (
                "cliche".into(),
                "letters/parts/zeta.tex".into(),
                "team player".into()
            ),
            (
                "placeholder".into(),
                "letters/parts/middle.tex".into(),
                "[Company Name]".into()
            ),
        ]
    );
    // zeta's story opens the letter, not alpha's offer of a call, which
    // would be a generic opening.
    let rules: Vec<&str> = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.contains(&"generic-opening"), "{rules:?}");

    // The human report, SARIF and github annotations name the file too.
    let human = stdout(&letterlint_in(&dir, &["letters/main.tex"], None));
    assert!(
        human.contains(" --> letters/parts/zeta.tex:1:8\n"),
        "{human}"
    );
    assert!(
        human.contains(" --> letters/parts/middle.tex:3:10\n"),
        "{human}"
    );
    let sarif: Value = serde_json::from_str(&stdout(&letterlint_in(
        &dir,
        &["--format", "sarif", "letters/main.tex"],
        None,
    )))
    .unwrap();
    let placeholder = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "placeholder")
        .unwrap();
    let location = &placeholder["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "letters/parts/middle.tex"
    );
    assert_eq!(location["region"]["startLine"], 3);
    let github = stdout(&letterlint_in(
        &dir,
        &["--format", "github", "letters/main.tex"],
        None,
    ));
    assert!(
        github.contains("::error file=letters/parts/middle.tex,line=3,col=10,"),
        "{github}"
    );
}

#[test]
fn standard_input_follows_inputs_beside_the_file_it_stands_for() {
    let dir = temp_dir("latex-inputs-stdin");
    letter_in_parts(&dir);
    let text = fs::read(dir.join("letters/main.tex")).unwrap();
    let args = [
        "--format",
        "json",
        "--select",
        "placeholder",
        "--stdin-filename",
        "letters/main.tex",
        "-",
    ];
    let out = letterlint_in(&dir, &args, Some(&text));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let d = &report["files"][0]["diagnostics"][0];
    assert_eq!(d["path"], "letters/parts/middle.tex", "{}", stderr(&out));
}

#[test]
fn a_fragment_named_on_the_command_line_is_linted_alone() {
    let dir = temp_dir("latex-fragment");
    letter_in_parts(&dir);
    let report = json(
        &dir,
        &["--select", "placeholder", "letters/parts/middle.tex"],
    );
    let file = &report["files"][0];
    // Its findings are in its own file: they name no other.
    assert!(file["diagnostics"][0].get("path").is_none());
    assert_eq!(
        located(&dir, file),
        [(
            "placeholder".into(),
            "letters/parts/middle.tex".into(),
            "[Company Name]".into()
        )]
    );
}

#[test]
fn an_input_that_cannot_be_followed_is_one_warning() {
    let dir = temp_dir("latex-unfollowed");
    let body = "Dear team,\n\nI built the ledger.\n";
    write(
        &dir.join("letters/a.tex"),
        &format!("\\input{{missing}}\n\\input{{b}}\n\\input{{../outside}}\n\\input{{\\dir/x}}\n\\input{{a.tex}}\n\\input{{missing}}\n\\iffalse\\input{{draft}}\\fi\n{body}"),
    );
    write(&dir.join("letters/b.tex"), "Text.\n\\input{a}\n");
    write(&dir.join("outside.tex"), "Secret.\n");
    let out = letterlint_in(&dir, &["--select", "cliche", "letters/a.tex"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stderr(&out),
        "warning: letters/a.tex:1:1: `\\input{missing}` not followed: no file letters/missing.tex\n\
         warning: letters/b.tex:2:1: `\\input{a}` not followed: letters/a.tex is being read already (it inputs itself)\n\
         warning: letters/a.tex:3:1: `\\input{../outside}` not followed: outside.tex is outside the repository\n\
         warning: letters/a.tex:4:1: `\\input{\\dir/x}` not followed: its name is made by a macro\n\
         warning: letters/a.tex:5:1: `\\input{a.tex}` not followed: letters/a.tex is being read already (it inputs itself)\n"
    );
    // Inside a repository, a file beside the letters' folder is in it.
    fs::create_dir(dir.join(".git")).unwrap();
    let out = letterlint_in(&dir, &["--select", "cliche", "letters/a.tex"], None);
    assert!(!stderr(&out).contains("outside"), "{}", stderr(&out));
}

#[test]
fn an_endless_chain_and_too_many_inputs_end_in_one_line() {
    let dir = temp_dir("latex-chain");
    for i in 0..40 {
        write(
            &dir.join(format!("c{i}.tex")),
            &format!("Part {i}.\n\\input{{c{}}}\n", i + 1),
        );
    }
    let out = letterlint_in(&dir, &["--select", "cliche", "c0.tex"], None);
    assert_eq!(
        stderr(&out),
        "warning: c15.tex:2:1: `\\input{c16}` not followed: inputs nest more than 15 deep\n"
    );
    let many: String = (0..150).map(|i| format!("\\input{{p/{i}}}\n")).collect();
    write(&dir.join("many.tex"), &many);
    for i in 0..150 {
        write(&dir.join(format!("p/{i}.tex")), "A line.\n");
    }
    let out = letterlint_in(&dir, &["--select", "cliche", "many.tex"], None);
    assert_eq!(
        stderr(&out),
        "warning: many.tex:101:1: `\\input{p/100}` not followed: a letter reads at most 100 inputs and 10 MiB; the rest are not followed\n"
    );
}

#[test]
fn an_unbalanced_brace_in_an_input_names_its_file_and_line() {
    let dir = temp_dir("latex-input-brace");
    write(
        &dir.join("main.tex"),
        "\\begin{document}\n\\input{body}\n\\end{document}\n",
    );
    write(&dir.join("body.tex"), "I built it.\n\\textbf{the ledger\n");
    let out = letterlint_in(&dir, &["main.tex"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: main.tex: unbalanced braces: the `{` on line 2 of body.tex is never closed\n"
    );
}

#[test]
fn a_posting_line_and_a_signal_in_an_input_stand_where_the_letter_inputs_it() {
    let dir = temp_dir("latex-input-lines");
    write(
        &dir.join("posting.md"),
        "# Senior Backend Engineer at Kestrel Pay\n\n## Requirements\n\n- Kafka in production\n",
    );
    write(
        &dir.join("main.tex"),
        "\\documentclass{letter}\n\\begin{document}\n\\opening{Dear team,}\nI write to you.\n\n\\input{body}\n\\end{document}\n",
    );
    write(
        &dir.join("body.tex"),
        "Intro line.\n\nI ran Kafka in production, with tracing and alerts on every consumer.\n",
    );
    let report = json(&dir, &["--posting", "posting.md", "main.tex"]);
    let file = &report["files"][0];
    assert_eq!(file["posting"]["requirements"][0]["letter_line"], 6);
    let observability = file["signals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["signal"] == "observability")
        .unwrap();
    assert_eq!(observability["line"], 6);
}

/// `--fix` mends the letter's own file, where the slot stands after the
/// text an input sets in, and leaves the input alone: its slot shows no
/// fix, and after fixing it is still found in its file.
#[test]
fn fix_writes_the_letter_and_not_its_inputs() {
    let dir = temp_dir("latex-inputs-fix");
    let letter = "% letterlint: company = \"Halyard Logistics\"\n\\documentclass{letter}\n\\begin{document}\n\\begin{letter}{Halyard Logistics}\n\\opening{Dear Ms.~Okafor,}\n\\input{body}\nI would welcome a call about [Company Name]'s reconciliation service.\n\\closing{Best regards,}\n\\end{letter}\n\\end{document}\n";
    let body = "I cut the settlement run at [Company Name] from 6 hours to 40 minutes.\n";
    write(&dir.join("main.tex"), letter);
    write(&dir.join("body.tex"), body);

    let before = json(&dir, &["main.tex"]);
    let slots: Vec<(Option<&str>, bool)> = before["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "placeholder")
        .map(|d| (d["path"].as_str(), d.get("fix").is_some()))
        .collect();
    assert_eq!(slots, [(Some("body.tex"), false), (None, true)]);

    let after = json(&dir, &["--fix", "main.tex"]);
    let fixed = fs::read_to_string(dir.join("main.tex")).unwrap();
    assert_eq!(
        fixed,
        letter.replace("[Company Name]'s", "Halyard Logistics's")
    );
    assert_eq!(fs::read_to_string(dir.join("body.tex")).unwrap(), body);
    let remaining = located(&dir, &after["files"][0]);
    let slots: Vec<_> = remaining
        .iter()
        .filter(|(rule, ..)| rule == "placeholder")
        .collect();
    assert_eq!(
        slots,
        [&(
            "placeholder".into(),
            "body.tex".into(),
            "[Company Name]".into()
        )]
    );
}

/// A `\subfile` is a document of its own: only its body is read, and its
/// `\end{document}` does not end the letter that reads it.
#[test]
fn a_subfile_is_read_for_its_body_alone() {
    let dir = temp_dir("latex-subfile");
    let letter = "\\documentclass{letter}\n\\usepackage{subfiles}\n\\begin{document}\n\\begin{letter}{Halyard Logistics}\n\\opening{Dear Ms.~Okafor,}\n\\subfile{sections/body}\nI am a team player and would welcome a call.\n\\closing{Best regards,}\n\\end{letter}\n\\end{document}\n";
    let body = "\\documentclass[../main.tex]{subfiles}\n\\begin{document}\nI cut the settlement run at [Company Name] from 6 hours to 40 minutes.\n\\end{document}\n";
    write(&dir.join("main.tex"), letter);
    write(&dir.join("sections/body.tex"), body);
    let report = json(&dir, &["main.tex"]);
    let found = located(&dir, &report["files"][0]);
    let wanted = [
        ("placeholder", "sections/body.tex", "[Company Name]"),
        ("cliche", "main.tex", "team player"),
    ];
    for (rule, file, quoted) in wanted {
        let hit = (rule.to_string(), file.to_string(), quoted.to_string());
        assert!(found.contains(&hit), "{hit:?} not in {found:?}");
    }
    let quoted_preamble = found.iter().any(|(.., q)| q.contains("subfiles"));
    assert!(!quoted_preamble, "{found:?}");
}

/// A folder walk lints a letter with its inputs once: an input that looks
/// like a letter itself is not linted again alone, unless it is named.
#[test]
fn a_walk_does_not_lint_an_input_again_alone() {
    let dir = temp_dir("latex-walk-inputs");
    let letter = "\\documentclass{letter}\n\\begin{document}\n\\begin{letter}{Halyard Logistics}\n\\input{letter-body}\n\\closing{Best regards,}\n\\end{letter}\n\\end{document}\n";
    let body =
        "\\opening{Dear Ms.~Okafor,}\nI cut the settlement run from 6 hours to 40 minutes.\n";
    write(&dir.join("letters/main.tex"), letter);
    write(&dir.join("letters/letter-body.tex"), body);
    let paths = |report: &Value| -> Vec<String> {
        let files = report["files"].as_array().unwrap();
        files
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(paths(&json(&dir, &["letters"])), ["letters/main.tex"]);
    let named = json(&dir, &["letters", "letters/letter-body.tex"]);
    assert_eq!(
        paths(&named),
        ["letters/letter-body.tex", "letters/main.tex"]
    );
}

/// A main file that reads as no letter on its own (its letter is in an
/// input named like one) is the letter a walk lints, whole; the input is
/// not linted again alone, where its own `\input`s would be looked up
/// from the wrong folder.
#[test]
fn a_walk_lints_the_main_file_of_a_letter_kept_in_an_input() {
    let dir = temp_dir("latex-walk-main");
    let main = "\\documentclass{article}\n\\begin{document}\n\\input{sections/coverletter}\n\\end{document}\n";
    let body = "\\input{sections/contact}\nI cut the settlement run from 6 hours to 40 minutes.\n";
    write(&dir.join("app/main.tex"), main);
    write(&dir.join("app/sections/coverletter.tex"), body);
    write(&dir.join("app/sections/contact.tex"), "Ana Lima, Leith\n");
    let out = letterlint_in(&dir, &["--format", "json", "app"], None);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let files = report["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["app/main.tex"]);
    assert_eq!(stderr(&out), "", "every input is found from the main file");
}
