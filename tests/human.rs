//! The human report, through the command line: findings in the order of the
//! text, a scorecard that does not repeat them, a total after several
//! letters, one pointer to each rule's `--explain` page, long lines cut the
//! same way as their underlines, and rustc's colours.

mod common;

use common::{letterlint, letterlint_in, stdout, temp_dir};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;

fn human(args: &[&str]) -> String {
    stdout(&letterlint(&[&["--color", "never"], args].concat()))
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(&letterlint(
        &[&["--format", "json"], args].concat(),
    )))
    .unwrap()
}

/// Where each finding of a report points: `(line, column)`, or `None` for
/// a letter-wide one, in the order printed.
fn locations(report: &str) -> Vec<Option<(usize, usize)>> {
    report
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("--> "))
        .map(|at| {
            let mut parts = at.rsplit(':');
            let column = parts.next()?.parse().ok()?;
            let line = parts.next()?.parse().ok()?;
            Some((line, column))
        })
        .collect()
}

#[test]
fn findings_are_listed_by_line_and_column_and_letter_wide_ones_last() {
    for letter in ["examples/weak.md", "examples/template.md"] {
        let printed = locations(&human(&[letter]));
        let located: Vec<_> = printed.iter().take_while(|l| l.is_some()).collect();
        assert!(located.len() >= 9, "{letter}: {printed:?}");
        assert!(located.windows(2).all(|w| w[0] <= w[1]), "{printed:?}");
        let letter_wide = &printed[located.len()..];
        assert!(!letter_wide.is_empty());
        assert!(letter_wide.iter().all(Option::is_none), "{printed:?}");

        // The JSON report keeps DESIGN.md's order: letter-wide first, then
        // by position.
        let report = json(&[letter]);
        let diagnostics = report["files"][0]["diagnostics"].as_array().unwrap();
        assert_eq!(diagnostics.len(), printed.len());
        let first_located = diagnostics.iter().position(|d| !d["span"].is_null());
        assert_eq!(first_located, Some(letter_wide.len()));
    }
}

#[test]
fn the_short_scorecard_does_not_repeat_the_findings() {
    let report = json(&["examples/weak.md"]);
    let helps: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["help"].as_str())
        .collect();
    let scorecard = |extra: &[&str]| -> Vec<String> {
        let text = human(&[extra, &["examples/weak.md"]].concat());
        text.lines()
            .skip_while(|l| !l.starts_with("scorecard: "))
            .skip(1)
            .take_while(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    };

    let short = scorecard(&[]);
    assert_eq!(short, scorecard(&["--scorecard", "short"]));
    assert_eq!(short.len(), 9, "{short:#?}");
    let observability = short
        .iter()
        .find(|l| l.contains("✗ observability"))
        .unwrap();
    assert!(
        observability.ends_with("see no-observability above"),
        "{observability}"
    );
    for line in &short {
        let said_again = helps.iter().any(|help| {
            let detail = line.split("  ").last().unwrap().trim();
            help.contains(detail)
        });
        assert!(!said_again, "{line}");
    }
    // The ones no finding spoke of keep their hint.
    assert!(short
        .iter()
        .any(|l| l.contains("explain one choice you made")));

    let full = scorecard(&["--scorecard", "full"]);
    assert_eq!(full.len(), 9);
    assert!(full.iter().any(|l| l.contains("what you instrumented")));
    assert!(full.iter().all(|l| !l.contains(" above")));

    let off = human(&["--scorecard", "off", "examples/weak.md"]);
    assert!(!off.contains("scorecard"), "{off}");
    assert!(off.ends_with("examples/weak.md: score 0/100 · 0 errors · 14 warnings · 4 infos\n"));
}

#[test]
fn several_letters_end_with_a_total_and_one_letter_does_not() {
    let letters = [
        "examples/weak.md",
        "examples/strong.md",
        "examples/template.md",
    ];
    let summary = &json(&letters)["summary"];
    let count = |key: &str| summary[key].as_u64().unwrap();
    let text = human(&letters);
    assert_eq!(
        text.lines().last().unwrap(),
        format!(
            "Found {} errors, {} warnings and {} infos in 3 letters; 2 letters fail the run.",
            count("errors"),
            count("warnings"),
            count("infos")
        )
    );
    let text = human(&["examples/strong.md", "examples/nurse.md"]);
    assert!(
        text.ends_with("\n\nFound 0 errors and 0 warnings in 2 letters.\n"),
        "{text}"
    );
    assert!(!human(&["examples/weak.md"]).contains("Found"));
    // `--quiet` is the summary lines and nothing else.
    let quiet = human(&["--quiet", "examples/weak.md", "examples/strong.md"]);
    assert_eq!(quiet.lines().count(), 2, "{quiet}");
}

#[test]
fn each_rule_points_to_its_explain_page_once_under_its_first_finding() {
    // word-count fires in both letters, cliche many times in the first.
    let letters = ["examples/weak.md", "examples/template.md"];
    let text = human(&letters);
    let report = json(&letters);
    let mut rules = BTreeSet::new();
    for file in report["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            rules.insert(d["rule"].as_str().unwrap().to_string());
        }
    }
    assert!(rules.len() > 10);
    let lines: Vec<&str> = text.lines().collect();
    for rule in &rules {
        let note = format!("= note: for more on this rule, try `letterlint --explain {rule}`");
        let at: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].trim_start() == note)
            .collect();
        assert_eq!(at.len(), 1, "{rule}: {at:?}");
        let title = format!("[{rule}]: ");
        let first = lines.iter().position(|l| l.contains(&title)).unwrap();
        let next = lines[first + 1..]
            .iter()
            .position(|l| l.contains("]: "))
            .map_or(lines.len(), |i| first + 1 + i);
        assert!(
            first < at[0] && at[0] < next,
            "{rule}: not under its first finding"
        );
    }
}

/// A sentence over two lines, the second one far wider than a terminal.
fn long_sentence_letter() -> String {
    let clauses = |n: usize| {
        (0..n)
            .map(|i| format!("handled batch number {i} with care"))
            .collect::<Vec<_>>()
            .join(" and ")
    };
    format!(
        "Dear team,\n\nI worked on a system that {}\nand {} and it was good. Then another sentence follows it here.\n",
        clauses(3),
        clauses(8)
    )
}

#[test]
fn a_long_line_and_its_underline_are_cut_the_same_way() {
    let dir = temp_dir("human-long-line");
    fs::write(dir.join("long.md"), long_sentence_letter()).unwrap();
    let out = letterlint_in(
        &dir,
        &["--color", "never", "--select", "long-sentence", "long.md"],
        None,
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let carets: Vec<usize> = (1..lines.len())
        .filter(|&i| lines[i].contains('^'))
        .collect();
    assert_eq!(carets.len(), 2, "each line of the span underlined:\n{text}");
    assert!(lines[carets[0]].ends_with('^'), "{text}");
    assert!(
        lines[carets[1]].ends_with("^ 86 words"),
        "the label at the end:\n{text}"
    );
    for i in carets {
        let (source, underline) = (lines[i - 1], lines[i]);
        assert!(source.chars().count() <= 140, "{source}");
        assert!(underline.chars().count() <= 140, "{underline}");
        // Where the underline skips, the line above skips too.
        if let Some(cut) = underline.find("...") {
            assert_eq!(
                source.get(cut..cut + 3),
                Some("..."),
                "\n{source}\n{underline}"
            );
        }
    }
}

/// The styled segments of `text`: each run of text with the escape codes
/// that precede it (empty when reset).
fn segments(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut style = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("\x1b[") {
            let end = after.find('m').unwrap();
            let code = &after[..end];
            if code == "0" {
                style.clear();
            } else {
                style += &format!("\x1b[{code}m");
            }
            rest = &after[end + 1..];
            continue;
        }
        let end = rest.find('\x1b').unwrap_or(rest.len());
        out.push((style.clone(), rest[..end].to_string()));
        rest = &rest[end..];
    }
    out
}

#[test]
fn colours_follow_rustc() {
    let text = stdout(&letterlint(&[
        "--color",
        "always",
        "examples/weak.md",
        "examples/template.md",
    ]));
    let segments = segments(&text);

    // One style for the whole gutter: arrows, bars, `=` and line numbers.
    let gutter: BTreeSet<&str> = segments
        .iter()
        .filter(|(_, text)| {
            let piece = text.trim();
            ["-->", "|", "="].contains(&piece)
                || (!piece.is_empty() && piece.chars().all(|c| c.is_ascii_digit()))
        })
        .map(|(style, _)| style.as_str())
        .collect();
    assert_eq!(gutter.len(), 1, "{gutter:?}");
    assert!(!gutter.contains(""), "the gutter is coloured");

    // The level coloured, the header's message bold.
    let title = segments
        .iter()
        .position(|(_, text)| text == "warning[cliche]")
        .unwrap();
    assert!(
        segments[title].0.contains("\x1b[33m"),
        "{:?}",
        segments[title]
    );
    assert_eq!(segments[title + 1].0, "\x1b[1m");
    assert!(segments[title + 1].1.starts_with(": cliché"));

    // On a summary line, only the score.
    for line in text.lines().filter(|l| l.contains(": score ")) {
        let painted: Vec<_> = segments_of(line);
        assert_eq!(painted.len(), 1, "{line:?}");
        assert!(painted[0].ends_with("/100"), "{line:?}");
    }
}

/// The texts of `line` that carry a style.
fn segments_of(line: &str) -> Vec<String> {
    segments(line)
        .into_iter()
        .filter(|(style, _)| !style.is_empty())
        .map(|(_, text)| text)
        .collect()
}
