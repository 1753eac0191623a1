//! Job posting match end to end: extraction (snapshotted), the three
//! posting rules on letters that cover, miss and echo three postings, the
//! JSON `posting` object, and bad postings.

mod common;

use common::{letterlint_in, root, stderr, stdout, temp_dir};
use letterlint::posting::Posting;
use letterlint::source::Source;
use std::fmt::Write;

fn rules_of(letter: &str) -> Vec<String> {
    let out = letterlint_in(
        &root(),
        &[
            "--format",
            "json",
            "--select",
            "posting-coverage,posting-echo,role-mismatch",
            letter,
        ],
        None,
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

/// What the reader takes from a posting, as a reviewer reads it.
fn extraction(name: &str) -> String {
    let text = std::fs::read_to_string(root().join("tests/postings").join(name)).unwrap();
    let posting = Posting::parse(&Source::new(name, text)).unwrap();
    let mut out = String::new();
    let stated = |s: &Option<letterlint::posting::Stated>| {
        s.as_ref().map_or("-".into(), |s| {
            format!(
                "{} (line {}{})",
                s.text,
                s.line,
                if s.sure { "" } else { ", unsure" }
            )
        })
    };
    let _ = writeln!(
        out,
        "company: {}\nrole: {}",
        stated(&posting.company),
        stated(&posting.role)
    );
    let _ = writeln!(out, "themes: {}", posting.themes.join(", "));
    for list in &posting.name_lists {
        let names: Vec<String> = list.names.iter().map(|n| n.join(" ")).collect();
        let _ = writeln!(out, "names (line {}): {}", list.line, names.join(", "));
    }
    let _ = writeln!(out, "requirements:");
    for r in &posting.requirements {
        let _ = writeln!(
            out,
            "  line {:2} {}{}",
            r.line,
            r.text,
            if r.nice { " (nice)" } else { "" },
        );
    }
    out
}

/// The postings of tests/postings with an expected reading beside them.
fn expected_postings() -> Vec<(String, toml::Value)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(root().join("tests/postings")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if let Some(stem) = name.strip_suffix(".expected.toml") {
            let expected: toml::Value =
                toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let posting = ["md", "txt"]
                .iter()
                .map(|ext| format!("{stem}.{ext}"))
                .find(|p| root().join("tests/postings").join(p).exists())
                .unwrap();
            found.push((posting, expected));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(found.len() >= 7, "the shapes of issue 16");
    found
}

#[test]
fn extraction_carries_the_posting_line_of_everything() {
    let mut names: Vec<String> = ["backend-payments.md", "ai-platform.md", "data-platform.txt"]
        .map(String::from)
        .to_vec();
    names.extend(expected_postings().into_iter().map(|(name, _)| name));
    for name in names {
        insta::assert_snapshot!(name.clone(), extraction(&name));
    }
}

/// Each posting shape: every requirement in the posting's own words, none
/// from its other sections, its company and role right.
#[test]
fn every_shape_is_read_as_a_careful_reader_reads_it() {
    for (name, expected) in expected_postings() {
        let text = std::fs::read_to_string(root().join("tests/postings").join(&name)).unwrap();
        let posting = Posting::parse(&Source::new(name.as_str(), text)).unwrap();
        let text_of = |s: &Option<letterlint::posting::Stated>| s.as_ref().map(|s| s.text.clone());
        assert_eq!(
            text_of(&posting.company).as_deref(),
            expected["company"].as_str(),
            "{name}: company"
        );
        assert_eq!(
            text_of(&posting.role).as_deref(),
            expected["role"].as_str(),
            "{name}: role"
        );
        let want: Vec<(String, bool)> = expected["requirement"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["text"].as_str().unwrap().to_string(),
                    r["nice"].as_bool().unwrap(),
                )
            })
            .collect();
        let got: Vec<(String, bool)> = posting
            .requirements
            .iter()
            .map(|r| (r.text.clone(), r.nice))
            .collect();
        assert_eq!(got, want, "{name}: requirements");
    }
}

/// Each shape's letter: every requirement judged covered, missed or a gap
/// as its fixture says; a quotation is no echo, the list named back is one;
/// and a letter naming the posting's real role and company gets no error.
#[test]
fn each_letter_is_judged_as_its_fixture_says() {
    for (posting, _) in expected_postings() {
        let stem = posting.rsplit_once('.').unwrap().0;
        let letter = format!("tests/postings/letters/{stem}-answer.md");
        let expected: toml::Value = toml::from_str(
            &std::fs::read_to_string(root().join(format!(
                "tests/postings/letters/{stem}-answer.expected.toml"
            )))
            .unwrap(),
        )
        .unwrap();
        let out = letterlint_in(&root(), &["--format", "json", &letter], None);
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let file = &report["files"][0];
        let got: Vec<(String, String)> = file["posting"]["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["text"].as_str().unwrap().to_string(),
                    r["status"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = expected["requirement"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["text"].as_str().unwrap().to_string(),
                    r["judged"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(got, want, "{letter}");
        let diagnostics = file["diagnostics"].as_array().unwrap();
        let echoes: Vec<&str> = diagnostics
            .iter()
            .filter(|d| d["rule"] == "posting-echo")
            .map(|d| d["message"].as_str().unwrap())
            .collect();
        assert!(
            echoes.iter().all(|m| !m.starts_with("copies")),
            "{letter}: a quotation is not an echo: {echoes:?}"
        );
        assert_eq!(
            echoes.iter().any(|m| m.contains("in the posting's order")),
            expected["echo"].as_bool().unwrap(),
            "{letter}: {echoes:?}"
        );
        assert!(
            !diagnostics
                .iter()
                .any(|d| d["rule"] == "role-mismatch" && d["severity"] == "error"),
            "{letter}: {diagnostics:?}"
        );
    }
}

#[test]
fn letters_that_cover_miss_and_echo_each_posting() {
    for posting in ["payments", "ai", "data"] {
        let letter = |kind: &str| format!("tests/postings/letters/{posting}-{kind}.md");
        assert_eq!(
            rules_of(&letter("covers")),
            Vec::<String>::new(),
            "{posting}-covers"
        );
        assert_eq!(
            rules_of(&letter("misses")),
            ["posting-coverage"],
            "{posting}-misses"
        );
        assert!(
            rules_of(&letter("echoes")).contains(&"posting-echo".to_string()),
            "{posting}-echoes"
        );
    }
}

#[test]
fn findings_point_at_the_copy_and_name_the_posting_line() {
    let out = letterlint_in(
        &root(),
        &[
            "--color",
            "never",
            "--select",
            "posting-echo",
            "tests/postings/letters/payments-echoes.md",
        ],
        None,
    );
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn role_and_company_mismatch_are_errors() {
    let out = letterlint_in(
        &root(),
        &[
            "--format",
            "json",
            "--select",
            "role-mismatch",
            "tests/postings/letters/payments-wrong-role.md",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let messages: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "this letter is for Halyard Logistics, but the posting is Kestrel Pay's (posting line 26)",
            "applies for Staff Data Engineer, but the posting is for Senior Backend Engineer, Payments (posting line 1)",
        ]
    );
}

#[test]
fn json_posting_object() {
    let out = letterlint_in(
        &root(),
        &["--format", "json", "tests/postings/letters/data-covers.md"],
        None,
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let posting = &report["files"][0]["posting"];
    assert_eq!(posting["path"], "tests/postings/data-platform.txt");
    assert_eq!(posting["company"], "Tidewater Analytics");
    assert_eq!(posting["role"], "Staff Data Engineer");
    let first = &posting["requirements"][0];
    assert_eq!(
        first["text"],
        "Own the streaming pipelines from point-of-sale systems into the warehouse"
    );
    assert_eq!(first["line"], 6);
    assert_eq!(first["covered"], true);
    assert_eq!(first["letter_line"], 6);
    let keys: Vec<&String> = posting["requirements"][0]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(
        keys,
        [
            "covered",
            "letter_line",
            "line",
            "nice_to_have",
            "status",
            "text"
        ]
    );
    assert_eq!(first["status"], "covered");
    assert_eq!(first["nice_to_have"], false);
    // Without a posting, the field is absent and nothing else changes.
    let out = letterlint_in(&root(), &["--format", "json", "examples/strong.md"], None);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(report["files"][0].get("posting").is_none());
}

#[test]
fn posting_flag_applies_to_every_letter_and_human_output_shows_coverage() {
    let out = letterlint_in(
        &root(),
        &[
            "--color",
            "never",
            "--posting",
            "tests/postings/ai-platform.md",
            "examples/strong.md",
        ],
        None,
    );
    let text = stdout(&out);
    assert!(
        text.contains(
            "posting: tests/postings/ai-platform.md (Backend Engineer, AI Platform at Lumenfold)"
        ),
        "{text}"
    );
    assert!(text.contains("requirement"));
    assert!(text.contains("warning[posting-coverage]"));
}

#[test]
fn a_bad_posting_is_an_error_and_the_letter_is_still_linted() {
    let dir = temp_dir("posting");
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::write(dir.join("empty.md"), "\n\n").unwrap();
    std::fs::write(dir.join("binary.md"), b"\x00\x01\x02").unwrap();
    std::fs::write(dir.join("letter.md"), "Dear team,\n\nI am a team player.\n").unwrap();
    for (posting, cause) in [
        ("missing.md", "missing.md: No such file or directory"),
        ("empty.md", "empty.md: the posting is empty"),
        (
            "binary.md",
            "binary.md: binary file (contains NUL bytes), not a job posting",
        ),
        (".", ".: is a directory, not a job posting"),
    ] {
        let out = letterlint_in(
            &dir,
            &["--format", "json", "--posting", posting, "letter.md"],
            None,
        );
        assert_eq!(out.status.code(), Some(2), "{posting}");
        assert_eq!(
            stderr(&out).trim(),
            format!("error: {cause} (job posting; its letters are linted without it)")
        );
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let file = &report["files"][0];
        assert_eq!(file["path"], "letter.md");
        assert!(file["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "cliche"));
        assert!(file.get("posting").is_none());
    }
}
