//! Front matter through the binary: what counts as front matter, and the
//! warnings for keys and values letterlint would otherwise ignore.

mod common;

use common::{letterlint_in, root, stderr, stdout, temp_dir, write};
use std::fs;
use std::path::Path;

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--no-config", "--format", "json"];
    all.extend(args);
    let out = letterlint_in(dir, &all, None);
    serde_json::from_str(&stdout(&out)).unwrap_or_else(|_| panic!("no JSON: {}", stderr(&out)))
}

#[test]
fn a_rule_above_the_letter_is_not_front_matter() {
    let dir = temp_dir("front-matter-rule");
    let letter =
        "---\n\nDear Ms. Adebayo,\n\nI am applying for the Backend Engineer role at Kestrel Pay, \
                  where I would build the ledger service.\n\nRegards,\nPriya\n---\n";
    write(&dir.join("rule.md"), letter);
    let report = json(&dir, &["rule.md"]);
    let file = &report["files"][0];
    assert_eq!(file["words"], 23, "the letter is read, not swallowed");
    // The opening names the company and role: it is not taken for a header.
    for rule in ["invalid-front-matter", "generic-opening"] {
        let fired = file["diagnostics"].as_array().unwrap();
        assert!(fired.iter().all(|d| d["rule"] != rule), "{rule}: {fired:?}");
    }
}

#[test]
fn an_unclosed_toml_block_is_an_error_and_other_letters_are_linted() {
    let dir = temp_dir("front-matter-unclosed");
    let unclosed = "+++\ncompany = \"Kestrel Pay\"\n\nDear team,\n";
    write(&dir.join("open.md"), unclosed);
    write(&dir.join("fine.md"), "Dear team,\n\nI am a team player.\n");
    let out = letterlint_in(&dir, &["--no-config", "open.md", "fine.md"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: open.md: front matter opened with `+++` on line 1 is never closed; \
         end it with a `+++` line\n"
    );
    assert!(stdout(&out).contains("fine.md: score"));
}

#[test]
fn ignored_keys_are_warned_about_in_every_format_without_changing_the_exit_code() {
    let dir = temp_dir("front-matter-keys");
    let strong = fs::read_to_string(root().join("examples/strong.md")).unwrap();
    let typo = strong.replacen("+++\n", "+++\ncompny = \"Acme\"\nprofile = 12\n", 1);
    write(&dir.join("typo.md"), &typo);
    let yaml = strong
        .replacen("+++\n", "---\nfoo: bar\n", 1)
        .replacen("\n+++\n", "\n---\n", 1);
    write(&dir.join("yaml.md"), &yaml.replace(" = ", ": "));

    let run = |args: &[&str]| {
        let mut all = vec!["--no-config", "--color", "never"];
        all.extend(args);
        letterlint_in(&dir, &all, None)
    };
    let human = run(&["typo.md"]);
    let text = stdout(&human);
    assert!(
        text.contains(
            "warning[invalid-front-matter]: unknown front matter key `compny` (did you mean `company`?)\n --> typo.md:2:1"
        ),
        "{text}"
    );
    assert!(
        text.contains("front matter `profile` must be text, got 12\n --> typo.md:3:11"),
        "{text}"
    );
    assert_eq!(
        human.status.code(),
        Some(0),
        "a warning alone passes: {text}"
    );
    assert_eq!(run(&["-D", "warnings", "typo.md"]).status.code(), Some(1));

    let report = json(&dir, &["typo.md", "yaml.md"]);
    let found: Vec<(String, u64, u64)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .filter(|d| d["rule"] == "invalid-front-matter")
        .map(|d| {
            assert_eq!(d["severity"], "warning");
            assert_eq!(d["penalty"], 0);
            let span = &d["span"];
            (
                d["message"].as_str().unwrap().to_string(),
                span["line"].as_u64().unwrap(),
                span["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "unknown front matter key `compny` (did you mean `company`?)".to_string(),
                2,
                1
            ),
            (
                "front matter `profile` must be text, got 12".to_string(),
                3,
                11
            ),
            ("unknown front matter key `foo`".to_string(), 2, 1),
        ]
    );

    let sarif: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["--format", "sarif", "typo.md"]))).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "invalid-front-matter"
        && r["locations"][0]["physicalLocation"]["region"]["startLine"] == 2));

    let github = stdout(&run(&["--format", "github", "typo.md"]));
    assert!(
        github.lines().any(|l| l.starts_with(
            "::warning file=typo.md,line=2,col=1,endLine=2,endColumn=7,title=letterlint (invalid-front-matter)::unknown front matter key `compny`"
        )),
        "{github}"
    );
}
