//! LaTeX letters through the command line: a letter in each common class
//! raises the findings its Markdown twin raises, quoting the same text;
//! every span slices the `.tex`; company and role come from the class's
//! own commands; folders lint the `.tex` files that are letters; standard
//! input reads as LaTeX; and bad TeX gives one clear line.

mod common;

use common::{letterlint_in, stderr, stdout, temp_dir};
use serde_json::Value;
use std::fs;
use std::path::Path;

const CLASSES: [&str; 5] = ["letter", "moderncv", "awesome-cv", "scrlttr2", "article"];

fn report(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = letterlint_in(dir, &all, None);
    serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(&out), stderr(&out)))
}

/// Each finding of a file's report as its rule and what it quotes: the
/// source its span covers, or the message of a letter-wide one.
fn findings(file: &Value, source: &str) -> Vec<(String, String)> {
    file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let quoted = match d["span"].as_object() {
                Some(span) => {
                    let at = |key: &str| span[key].as_u64().unwrap() as usize;
                    let (start, end) = (at("start"), at("end"));
                    assert!(
                        source.is_char_boundary(start) && source.is_char_boundary(end),
                        "{d}"
                    );
                    source[start..end].to_string()
                }
                None => d["message"].as_str().unwrap().to_string(),
            };
            (d["rule"].as_str().unwrap().to_string(), quoted)
        })
        .collect()
}

/// What each finding quotes (see [`findings`]).
fn quotes(file: &Value, source: &str) -> Vec<String> {
    findings(file, source).into_iter().map(|(_, q)| q).collect()
}

/// `letter` written to `dir/cover.tex`, linted with `rule` alone: its report.
fn lint_cover(dir: &Path, rule: &str, letter: &str) -> Value {
    fs::write(dir.join("cover.tex"), letter).unwrap();
    report(dir, &["--select", rule, "cover.tex"])["files"][0].clone()
}

/// `key` of each item of a JSON array: each file's path, each finding's rule.
fn each<'v>(items: &'v Value, key: &str) -> Vec<&'v str> {
    let items = items.as_array().unwrap().iter();
    items.map(|item| item[key].as_str().unwrap()).collect()
}

#[test]
fn each_class_raises_what_its_markdown_twin_raises() {
    let root = common::root();
    for class in CLASSES {
        let tex = format!("tests/latex/{class}.tex");
        let md = format!("tests/latex/{class}.md");
        let report = report(&root, &[&tex, &md]);
        let files = report["files"].as_array().unwrap();
        let read = |path: &str| fs::read_to_string(root.join(path)).unwrap();
        let (tex_findings, md_findings) = (
            findings(&files[0], &read(&tex)),
            findings(&files[1], &read(&md)),
        );
        assert!(files[0]["words"].as_u64().unwrap() >= 250, "{class}");
        assert_eq!(tex_findings, md_findings, "{class}");
    }
}

#[test]
fn every_finding_of_the_class_letters_quotes_its_prose() {
    // A letter of every finding kind the class letters raise, and one
    // with TeX forms inside its findings' spans.
    let raised: usize = CLASSES
        .iter()
        .map(|class| {
            let path = format!("tests/latex/{class}.tex");
            let report = report(&common::root(), &[&path]);
            let source = fs::read_to_string(common::root().join(&path)).unwrap();
            let found = findings(&report["files"][0], &source);
            for (rule, quoted) in &found {
                assert!(
                    !quoted.contains(['\\', '{', '}', '%']),
                    "{class}: {rule} {quoted}"
                );
            }
            found.len()
        })
        .sum();
    assert!(raised >= 10, "the class letters raise {raised} findings");
}

#[test]
fn company_and_role_come_from_the_class_macros_and_comments() {
    let dir = temp_dir("latex-company");
    let letters = [
        // \recipient{Company}{…}
        ("a.tex", "\\recipient{Halyard Logistics}{1 Dock St}\n\\opening{Dear team,}\nI once worked with Kestrel Pay."),
        // a user macro
        ("b.tex", "\\newcommand{\\company}{Kestrel Pay}\n\\opening{Dear team,}\nI admire \\company{} and Northwind Freight."),
        // \setkomavar{toname}
        ("c.tex", "\\setkomavar{toname}{Northwind Freight}\n\\opening{Dear team,}\nHalyard Logistics taught me a lot."),
        // the magic comment, over a recipient that names a person
        ("d.tex", "% letterlint: company = \"Corvid Analytics\"\n\\recipient{Ms. Ng}{}\n\\opening{Dear Ms. Ng,}\nNorthwind Freight was my last team."),
    ];
    for (name, text) in letters {
        fs::write(dir.join(name), text).unwrap();
    }
    let report = report(
        &dir,
        &[
            "--select",
            "wrong-company",
            "a.tex",
            "b.tex",
            "c.tex",
            "d.tex",
        ],
    );
    let messages: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| each(&f["diagnostics"], "message"))
        .collect();
    assert_eq!(
        messages,
        [
            "names Kestrel Pay, but this letter is for Halyard Logistics",
            "names Northwind Freight, but this letter is for Kestrel Pay",
            "names Halyard Logistics, but this letter is for Northwind Freight",
            "names Northwind Freight, but this letter is for Corvid Analytics",
        ]
    );
}

#[test]
fn a_company_held_in_a_macro_makes_the_opening_specific() {
    let dir = temp_dir("latex-opening");
    let body = "\\opening{Dear Ms.~Ng,}\n\nI would like to build the routing service at \\company{} with your team.\n\nBest,\n";
    fs::write(
        dir.join("defined.tex"),
        format!("\\newcommand{{\\company}}{{Halyard Logistics}}\n{body}"),
    )
    .unwrap();
    fs::write(dir.join("undefined.tex"), body).unwrap();
    let report = report(
        &dir,
        &[
            "--select",
            "generic-opening",
            "defined.tex",
            "undefined.tex",
        ],
    );
    let files = report["files"].as_array().unwrap();
    assert!(
        each(&files[0]["diagnostics"], "rule").is_empty(),
        "{}",
        files[0]
    );
    assert_eq!(each(&files[1]["diagnostics"], "rule"), ["generic-opening"]);
}

#[test]
fn the_role_of_a_subject_line_is_checked_against_the_posting() {
    let dir = temp_dir("latex-role");
    let letter = "\\recipient{Lumenfold}{}\n\\lettertitle{Application for Data Engineer}\n\\letteropening{Dear team,}\n\\begin{document}\n\\makelettertitle\nI build pipelines.\n\\end{document}\n";
    fs::write(dir.join("cover.tex"), letter).unwrap();
    let posting = common::root().join("tests/postings/ai-platform.md");
    let report = report(
        &dir,
        &[
            "--select",
            "role-mismatch",
            "--posting",
            posting.to_str().unwrap(),
            "cover.tex",
        ],
    );
    let found = findings(&report["files"][0], letter);
    assert_eq!(
        found,
        [("role-mismatch".to_string(), "Data Engineer".to_string())]
    );
}

#[test]
fn placeholders_are_slots_and_tex_syntax_is_not() {
    let letter = "\\newcommand{\\company}{Acme}\n\\opening{Dear <Hiring Manager>,}\n\nI want to join [Company Name] and cut latency by XXX percent. TODO: numbers.\nI also wrote \\todo[inline]{the migration story} here.\n\nNot slots: {Hiring Manager} as a group, \\mycommand[Company Name]{words here},\nand \\company itself.\n";
    let file = lint_cover(&temp_dir("latex-slots"), "placeholder", letter);
    assert_eq!(
        quotes(&file, letter),
        [
            "<Hiring Manager>",
            "[Company Name]",
            "XXX",
            "TODO",
            "\\todo[inline]{the migration story}"
        ]
    );
}

#[test]
fn suppression_comments_in_tex_syntax() {
    let letter = "Dear team,\n\n% letterlint-disable-next-line cliche\nI am a team player.\nI am a team player.\n";
    let file = lint_cover(&temp_dir("latex-suppress"), "cliche", letter);
    let lines: Vec<u64> = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["span"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [5]);
}

#[test]
fn the_config_lists_commands_to_skip_and_to_read() {
    // An unknown command's words are read; moderncv's \quote is skipped.
    let dir = temp_dir("latex-config");
    let letter = "Dear team,\n\n\\aside{I am a team player.} \\quote{I am a self-starter.}\n";
    assert_eq!(
        quotes(&lint_cover(&dir, "cliche", letter), letter),
        ["team player"]
    );
    let config = |text: &str| fs::write(dir.join("letterlint.toml"), text).unwrap();
    config("[latex]\nskip = [\"\\\\aside\"]\nread = [\"quote\"]\n");
    assert_eq!(
        quotes(&lint_cover(&dir, "cliche", letter), letter),
        ["self-starter"]
    );
    config("[latex]\nskip = [\"not a name\"]\n");
    let out = letterlint_in(&dir, &["cover.tex"], None);
    assert_eq!(
        (out.status.code(), stderr(&out).lines().next()),
        (Some(2), Some("error: letterlint.toml:2:9: `not a name` is not a LaTeX command name (letters only, as `lettercontent` or `\\lettercontent`)"))
    );
}

#[test]
fn a_folder_lints_the_tex_files_that_are_letters() {
    let dir = temp_dir("latex-walk");
    let write = |name: &str, text: &str| common::write(&dir.join(name), text);
    write("letters/acme.tex", "\\documentclass{letter}\n\\begin{document}\n\\begin{letter}{Acme}\n\\opening{Dear team,}\nBody.\n\\end{letter}\n\\end{document}\n");
    write(
        "letters/cover_letter.tex",
        "\\documentclass{article}\n\\begin{document}\nDear team,\n\nBody.\n\\end{document}\n",
    );
    write("letters/cv.tex", "\\documentclass{moderncv}\n\\begin{document}\n\\makecvtitle\n\\section{Experience}\n\\end{document}\n");
    write("letters/paper.tex", "\\documentclass{article}\n\\begin{document}\n\\section{Results}\nWe show.\n\\end{document}\n");
    write("letters/body.tex", "I built the ledger.\n");
    // An `article` letter under any name reads as one: a salutation on top,
    // a sign-off at the end. A paper that greets its reader does not.
    write(
        "letters/kestrel.tex",
        "\\documentclass{article}\n\\begin{document}\nDear Ms.~Okafor,\n\nI built the ledger.\n\nBest regards,\\\\\nAna Lima\n\\end{document}\n",
    );
    write(
        "letters/notes.tex",
        "\\documentclass{article}\n\\begin{document}\nHello and welcome to these notes.\n\n\\section{Results}\nWe show.\n\\end{document}\n",
    );
    let walked = report(&dir, &["letters"]);
    assert_eq!(
        each(&walked["files"], "path"),
        [
            "letters/acme.tex",
            "letters/cover_letter.tex",
            "letters/kestrel.tex"
        ]
    );
    // Named on the command line, a résumé is linted all the same.
    let named = report(&dir, &["letters/cv.tex"]);
    assert_eq!(named["files"][0]["path"], "letters/cv.tex");
}

#[test]
fn standard_input_named_tex_is_read_as_latex() {
    let letter = "\\documentclass{letter}\n\\begin{document}\n\\opening{Dear team,}\nI am a \\textbf{team player}.\n\\end{document}\n";
    let out = letterlint_in(
        &common::root(),
        &[
            "--format",
            "json",
            "--select",
            "cliche",
            "--stdin-filename",
            "cover.tex",
            "-",
        ],
        Some(letter.as_bytes()),
    );
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let file = &report["files"][0];
    assert_eq!(file["path"], "cover.tex");
    assert_eq!(
        findings(file, letter),
        [("cliche".to_string(), "team player".to_string())]
    );
    assert_eq!(file["diagnostics"][0]["span"]["line"], 4);
}

#[test]
fn bad_tex_gives_one_clear_line_and_the_other_letters_are_linted() {
    let dir = temp_dir("latex-bad");
    let deep = format!(
        "Dear team,\n\n{}I built it.{}\n",
        "{".repeat(100_000),
        "}".repeat(100_000)
    );
    fs::write(dir.join("deep.tex"), deep).unwrap();
    fs::write(
        dir.join("open.tex"),
        "Dear team,\n\n\\textbf{I built it.\n\nBest,\n",
    )
    .unwrap();
    fs::write(dir.join("lone.tex"), "Dear team,\n\nI built it. \\").unwrap();
    fs::write(dir.join("good.md"), "Dear team,\n\nI built it.\n").unwrap();
    let out = letterlint_in(
        &dir,
        &[
            "--format", "json", "deep.tex", "open.tex", "lone.tex", "good.md",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: open.tex: unbalanced braces: the `{` on line 3 is never closed\n"
    );
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        each(&report["files"], "path"),
        ["deep.tex", "lone.tex", "good.md"]
    );
}

/// A suggestion quotes the letter as it reads: a technology held in a
/// macro is named, not the macro.
#[test]
fn a_suggestion_names_what_a_macro_holds() {
    let dir = temp_dir("latex-suggestion");
    let letter = "\\documentclass{letter}\n\\newcommand{\\stack}{Kafka Streams}\n\\begin{document}\n\\begin{letter}{Fernbrook Analytics}\n\\opening{Dear Ms Lee,}\nAt Quill I moved our nightly batch to \\stack\\ and cut it from six hours to forty minutes.\n\nThank you for your time and consideration. I look forward to hearing from you.\n\\closing{Best regards,}\n\\end{letter}\n\\end{document}\n";
    common::write(&dir.join("cover_letter.tex"), letter);
    let report = report(&dir, &["--no-config", "cover_letter.tex"]);
    let diagnostics = report["files"][0]["diagnostics"].as_array().unwrap();
    let closing = diagnostics.iter().find(|d| d["rule"] == "vague-closing");
    let suggestion = closing.expect("a stock closing")["fix"]["message"].as_str();
    assert!(
        suggestion.is_some_and(|s| s.contains("walk you through the Kafka Streams work")),
        "{suggestion:?}"
    );
}
