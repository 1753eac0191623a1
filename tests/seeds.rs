//! The score agrees with the hiring advice letterlint is built from
//! (`../shared/seeds`): the advice's model letters pass well clear of the
//! gate, its weak examples and `examples/weak.md` fail it, and an empty
//! letter fails. The letters are read from the seeds at test time, never
//! copied here; without the seeds the test says it skipped, unless
//! `LETTERLINT_REQUIRE_CORPUS=1` (as CI sets it).

mod common;

use letterlint::{lint, Config, Source};
use std::path::PathBuf;

/// The name a model letter's anonymised `[Name]` slot stands for.
const NAME: &str = "Alex Morgan";

fn seeds() -> Option<PathBuf> {
    let dir = common::root().join("../shared/seeds");
    if dir.is_dir() {
        return Some(dir);
    }
    let required = std::env::var_os("LETTERLINT_REQUIRE_CORPUS").is_some_and(|v| v == "1");
    assert!(!required, "no seeds at {}", dir.display());
    common::skipped("seeds", &format!("no seeds at {}", dir.display()));
    None
}

/// The seed whose file name starts with `number`.
fn seed(dir: &std::path::Path, number: &str) -> String {
    let entry = std::fs::read_dir(dir)
        .expect("readable seeds")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(number))
        })
        .unwrap_or_else(|| panic!("seed {number}"));
    std::fs::read_to_string(entry).expect("readable seed")
}

/// Each letter of a seed: from a "Dear …" line through its sign-off line,
/// one paragraph a line, set out as Markdown paragraphs, its name slot
/// filled.
fn letters(seed: &str, sign_off: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in seed.lines().map(str::trim) {
        if line.starts_with("Dear ") {
            current = Some(Vec::new());
        }
        let Some(paragraphs) = current.as_mut() else {
            continue;
        };
        if !line.is_empty() {
            paragraphs.push(line.replace("[Your Name]", NAME).replace("[Name]", NAME));
        }
        if line.starts_with(sign_off) {
            let mut paragraphs = current.take().expect("open letter");
            if paragraphs
                .last()
                .is_some_and(|l| l.trim_end_matches(',') == sign_off)
            {
                paragraphs.push(NAME.to_string());
            }
            found.push(paragraphs.join("\n\n") + "\n");
        }
    }
    found
}

fn score(path: &str, text: &str) -> u32 {
    let report = lint(&Source::new(path, text), &Config::default()).expect("lints");
    let findings: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| format!("{} -{} {}", d.rule, d.penalty, d.message))
        .collect();
    println!("{path}: {} {findings:#?}", report.score);
    report.score
}

#[test]
fn the_seeds_model_letters_score_at_least_85() {
    let Some(dir) = seeds() else {
        return;
    };
    let mut models = letters(&seed(&dir, "003"), "Best,");
    assert_eq!(models.len(), 4, "seed 003 has four example letters");
    // The fourth is its early-career example, which has no figure at all
    // ("Junior backend candidates rarely have massive scale stories"): it
    // is linted as its writer would, and need only pass the gate.
    let early_career = format!(
        "+++\nprofile = \"early-career\"\n+++\n{}",
        models.pop().expect("four")
    );
    assert!(score("model-early-career.md", &early_career) >= Config::default().min_score);
    models.extend(letters(&seed(&dir, "001"), "Sincerely"));
    assert_eq!(models.len(), 4, "seed 001 has one sample letter");
    let low: Vec<(usize, u32)> = models
        .iter()
        .enumerate()
        .map(|(i, text)| (i, score(&format!("model-{i}.md"), text)))
        .filter(|&(_, score)| score < 85)
        .collect();
    assert!(low.is_empty(), "model letters under 85: {low:?}");
}

#[test]
fn the_seeds_weak_examples_score_under_50() {
    let Some(dir) = seeds() else {
        return;
    };
    // Seed 001's "weak phrasing to avoid", as the letter it describes.
    let advice = seed(&dir, "001");
    let weak_lines: Vec<&str> = advice
        .lines()
        .skip_while(|l| !l.starts_with("Weak phrasing to avoid"))
        .skip(1)
        .map(|l| l.trim().trim_start_matches('•').trim())
        .take_while(|l| !l.starts_with("Writing tips"))
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(weak_lines.len(), 5, "seed 001 lists five weak phrasings");
    let weak = format!(
        "Dear Hiring Manager,\n\n{}\n\nI look forward to hearing from you.\n\nSincerely,\n{NAME}\n",
        weak_lines.join(" ")
    );
    assert!(score("weak-001.md", &weak) < 50);
    let example =
        std::fs::read_to_string(common::root().join("examples/weak.md")).expect("example");
    assert!(score("examples/weak.md", &example) < 50);
}

#[test]
fn an_empty_letter_fails_the_gate() {
    for text in [
        "",
        "\n\n",
        "+++\ncompany = \"Acme\"\n+++\n",
        "```\ncode only\n```\n",
    ] {
        let report = lint(&Source::new("empty.md", text), &Config::default()).expect("lints");
        assert!(
            report.score < Config::default().min_score,
            "{text:?} scores {}",
            report.score
        );
        assert!(report
            .diagnostics
            .iter()
            .any(|d| d.rule == "word-count" && d.message.contains("no prose")));
    }
}
