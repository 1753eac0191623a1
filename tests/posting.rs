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

#[test]
fn extraction_carries_the_posting_line_of_everything() {
    for name in ["backend-payments.md", "ai-platform.md", "data-platform.txt"] {
        let text = std::fs::read_to_string(root().join("tests/postings").join(name)).unwrap();
        let posting = Posting::parse(&Source::new(name, text)).unwrap();
        let mut out = String::new();
        let item = |i: &Option<letterlint::posting::Item>| {
            i.as_ref()
                .map_or("-".into(), |i| format!("{} (line {})", i.text, i.line))
        };
        let _ = writeln!(
            out,
            "company: {}\nrole: {}",
            item(&posting.company),
            item(&posting.role)
        );
        let techs: Vec<String> = posting
            .technologies
            .iter()
            .map(|t| format!("{} ({})", t.text, t.line))
            .collect();
        let _ = writeln!(out, "technologies: {}", techs.join(", "));
        let _ = writeln!(out, "requirements:");
        for r in &posting.requirements {
            let _ = writeln!(
                out,
                "  line {:2} {}{}  [{}]",
                r.line,
                r.text,
                if r.nice { " (nice)" } else { "" },
                r.keywords.join(" ")
            );
        }
        insta::assert_snapshot!(name, out);
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
    assert_eq!(keys, ["covered", "letter_line", "line", "text"]);
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
