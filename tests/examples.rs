//! The bundled example letters: their scores and their full output in both
//! formats, snapshotted and reviewed.

mod common;

use common::{letterlint, stdout};

fn score(path: &str) -> u64 {
    let out = letterlint(&["--format", "json", path]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    report["files"][0]["score"].as_u64().unwrap()
}

#[test]
fn strong_scores_at_least_90_and_weak_at_most_50() {
    assert!(score("examples/strong.md") >= 90);
    assert!(score("examples/weak.md") <= 50);
}

fn report(path: &str) -> serde_json::Value {
    let out = letterlint(&["--format", "json", path]);
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn strong_shows_every_signal() {
    let report = report("examples/strong.md");
    let signals = report["files"][0]["signals"].as_array().unwrap();
    assert_eq!(signals.len(), 9);
    for signal in signals {
        assert_eq!(signal["present"], true, "{signal}");
        assert!(signal["line"].as_u64().unwrap() > 0);
    }
}

#[test]
fn a_non_engineering_letter_gets_no_engineering_finding() {
    let engineering: Vec<String> = letterlint::rules::docs()
        .iter()
        .filter(|d| d.engineering)
        .map(|d| d.id.clone())
        .collect();
    let report = report("examples/nurse.md");
    for d in report["files"][0]["diagnostics"].as_array().unwrap() {
        assert!(
            !engineering.iter().any(|id| d["rule"] == id.as_str()),
            "{d}"
        );
    }
    // Its scorecard leaves the engineering signals out.
    let signals: Vec<&str> = report["files"][0]["signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["signal"].as_str().unwrap())
        .collect();
    assert!(!signals.contains(&"observability"));
}

#[test]
fn profile_general_silences_engineering_rules() {
    let weak = std::fs::read_to_string(common::root().join("examples/weak.md")).unwrap();
    let general = format!("+++\nprofile = \"general\"\n+++\n{weak}");
    let out = common::letterlint_in(
        &common::root(),
        &["--format", "json", "-"],
        Some(general.as_bytes()),
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rules: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"cliche"));
    for id in [
        "stack-soup",
        "missing-metrics",
        "no-observability",
        "language-list",
    ] {
        assert!(!rules.contains(&id), "{id} under profile = general");
    }
}

#[test]
fn human_output() {
    for name in ["strong", "weak", "template", "nurse"] {
        let out = letterlint(&["--color", "never", &format!("examples/{name}.md")]);
        insta::assert_snapshot!(format!("human_{name}"), stdout(&out));
    }
}

#[test]
fn json_output() {
    for name in ["strong", "weak", "template", "nurse"] {
        let out = letterlint(&["--format", "json", &format!("examples/{name}.md")]);
        insta::assert_snapshot!(format!("json_{name}"), stdout(&out));
    }
}

#[test]
fn explain_pages() {
    for doc in letterlint::rules::docs() {
        let out = letterlint(&["--color", "never", "--explain", &doc.id]);
        insta::assert_snapshot!(format!("explain_{}", doc.id), stdout(&out));
    }
    insta::assert_snapshot!("list_rules", stdout(&letterlint(&["--list-rules"])));
}
