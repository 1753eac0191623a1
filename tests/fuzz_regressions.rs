//! Inputs the fuzz targets (`fuzz/`) found crashing, kept as ordinary tests
//! so that they can never come back unnoticed. Each feeds the crashing
//! input through the same path the target took.

mod common;

use letterlint::config::{FileConfig, Selection};
use letterlint::posting::Posting;
use letterlint::{lint, lint_with_posting, Config, Source};
use std::sync::Arc;

/// A config from the bytes of a `letterlint.toml`, loaded the way a run
/// loads one (the `config` fuzz target does the same).
fn config(name: &str, toml: &[u8]) -> Config {
    let folder = common::temp_dir(&format!("fuzz-{name}"));
    let path = folder.join("letterlint.toml");
    std::fs::write(&path, toml).unwrap();
    Config::new(FileConfig::load(&path).unwrap(), &Selection::default()).unwrap()
}

fn rules(config: &Config, text: &str) -> Vec<String> {
    lint(&Source::new("letter.md", text), config)
        .unwrap()
        .diagnostics
        .into_iter()
        .map(|d| d.message)
        .filter(|m| m.contains("technologies"))
        .collect()
}

/// `fuzz/artifacts/config/minimized-from-44335a53…`: a threshold of 0 made
/// every sentence without a technology an "inventory" of none, and the rule
/// indexed the first of no names.
#[test]
fn stack_soup_thresholds_of_zero() {
    let zero_per_sentence = config(
        "max-per-sentence",
        b"[rules.stack-soup]\nmax_per_sentence= 0\n",
    );
    assert_eq!(
        rules(&zero_per_sentence, "Dear team,\n\nI write letters.\n"),
        Vec::<String>::new()
    );
    assert_eq!(
        rules(&zero_per_sentence, "Dear team,\n\nI write Go at work.\n"),
        ["one technologies named in one sentence"]
    );
    // The same for bullet lists, through `min_run`.
    let zero_run = config("min-run", b"[rules.stack-soup]\nmin_run = 0\n");
    assert_eq!(
        rules(&zero_run, "Tools:\n\n- pens\n- paper\n"),
        Vec::<String>::new()
    );
}

/// Found beside the one above, by reading for the same mistake: with
/// `min_technologies = 0`, every sentence "quoted" an empty run of the
/// posting's stack list.
#[test]
fn posting_echo_threshold_of_zero() {
    let config = config(
        "min-technologies",
        b"[rules.posting-echo]\nmin_technologies = 0\n",
    );
    let posting = Posting::parse(&Source::new(
        "posting.md",
        "# Backend Engineer at Kestrel Pay\n\n## Requirements\n\n- Go, Postgres, Kafka and Redis in production\n",
    ))
    .unwrap();
    let letter = Source::new("letter.md", "Dear team,\n\nI write letters by hand.\n");
    let report = lint_with_posting(&letter, &config, Some(Arc::new(posting))).unwrap();
    assert!(report.diagnostics.iter().all(|d| d.rule != "posting-echo"));
}
