//! Every rule's documentation is executable: its bad example must fire, its
//! good example must not, and the TOML files match the registry. (README.md's
//! rule tables are checked against `--list-rules` in tests/readme.rs.)

mod common;

use letterlint::rules::docs;
use std::collections::BTreeSet;

#[test]
fn bad_examples_fire_and_good_examples_do_not() {
    for doc in docs() {
        let bad = common::lint_one(&doc.id, "bad.md", &doc.bad);
        assert!(
            bad.iter().any(|d| d.rule == doc.id),
            "rules/{}.toml: the bad example does not fire",
            doc.id
        );
        let good = common::lint_one(&doc.id, "good.md", &doc.good);
        assert!(
            good.is_empty(),
            "rules/{}.toml: the good example fires: {:?}",
            doc.id,
            good.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
    }
}

#[test]
fn every_rule_file_is_registered_and_every_rule_has_a_file() {
    let files: BTreeSet<String> = std::fs::read_dir(common::root().join("rules"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".toml").map(str::to_string)
        })
        .collect();
    let registered: BTreeSet<String> = docs().iter().map(|d| d.id.clone()).collect();
    assert_eq!(files, registered);
}

#[test]
fn docs_are_complete() {
    for doc in docs() {
        assert!(
            !doc.summary.is_empty() && !doc.why.trim().is_empty() && !doc.help.is_empty(),
            "{}",
            doc.id
        );
        assert!(
            !doc.advice.is_empty(),
            "{}: cite the advice the rule stands on",
            doc.id
        );
        assert!(
            doc.penalty <= doc.max_penalty,
            "{}: penalty above its cap",
            doc.id
        );
        assert!(
            doc.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}: ids are kebab-case",
            doc.id
        );
    }
}
