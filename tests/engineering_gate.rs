//! The engineering gate on whole letters: `tests/gate/not-engineering-*`
//! are letters of other trades that name one tool or say "engineering"
//! once, and no engineering-only rule may judge them; their scorecard
//! never speaks of systems. `tests/gate/engineering-*` are engineering
//! letters the gate must let through, including a short one that names no
//! tool. The tune corpus's letters labelled `other` are held to the same.

mod common;

use letterlint::{lint, rules, Config, Letter, Source};
use std::fs;
use std::path::Path;

fn engineering_rules() -> Vec<&'static str> {
    rules::docs()
        .iter()
        .filter(|d| d.engineering)
        .map(|d| d.id.as_str())
        .collect()
}

/// What the gate and the rules make of the letter at `path`: whether it is
/// an engineering letter, the engineering-only rules that fire on it, and
/// its scorecard's hints.
fn judge(path: &Path) -> (bool, Vec<String>, Vec<String>) {
    let text = fs::read_to_string(path).unwrap();
    let is_engineering = Letter::parse(&text, false).unwrap().is_engineering();
    let report = lint(
        &Source::new(path.display().to_string(), text),
        &Config::default(),
    )
    .unwrap();
    let engineering = engineering_rules();
    let fired = report
        .diagnostics
        .iter()
        .filter(|d| engineering.contains(&d.rule.as_str()))
        .map(|d| d.rule.clone())
        .collect();
    let hints = report.signals.iter().map(|s| s.hint.clone()).collect();
    (is_engineering, fired, hints)
}

fn letters(prefix: &str) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = fs::read_dir(common::root().join("tests/gate"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no tests/gate/{prefix}* letters");
    found
}

#[test]
fn letters_of_other_trades_get_no_engineering_rule() {
    for path in letters("not-engineering-") {
        let (is_engineering, fired, hints) = judge(&path);
        assert!(!is_engineering, "{}", path.display());
        assert!(fired.is_empty(), "{}: {fired:?}", path.display());
        for hint in hints {
            for word in ["system", "incident", "database", "pipeline", "p99"] {
                assert!(!hint.contains(word), "{}: {hint}", path.display());
            }
        }
    }
}

#[test]
fn engineering_letters_are_judged_even_without_a_tool() {
    for path in letters("engineering-") {
        let (is_engineering, fired, _) = judge(&path);
        assert!(is_engineering, "{}", path.display());
        assert!(
            !fired.is_empty(),
            "{}: no engineering rule ran",
            path.display()
        );
    }
}

#[test]
fn no_engineering_rule_fires_on_a_tune_letter_labelled_other() {
    let corpus = common::root().join("tests/corpus/tune");
    let labels: toml::Table =
        toml::from_str(&fs::read_to_string(corpus.join("labels.toml")).unwrap()).unwrap();
    let mut others = 0;
    for (key, label) in labels["letters"].as_table().unwrap() {
        if label["profession"].as_str() != Some("other") {
            continue;
        }
        others += 1;
        let path = corpus.join(format!("letters/{key}.md"));
        let (_, fired, _) = judge(&path);
        assert!(fired.is_empty(), "{}: {fired:?}", path.display());
    }
    assert!(others > 0, "the tune corpus labels some letters other");
}
