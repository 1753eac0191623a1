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

#[test]
fn human_output() {
    for name in ["strong", "weak", "template"] {
        let out = letterlint(&["--color", "never", &format!("examples/{name}.md")]);
        insta::assert_snapshot!(format!("human_{name}"), stdout(&out));
    }
}

#[test]
fn json_output() {
    for name in ["strong", "weak", "template"] {
        let out = letterlint(&["--format", "json", &format!("examples/{name}.md")]);
        insta::assert_snapshot!(format!("json_{name}"), stdout(&out));
    }
}
