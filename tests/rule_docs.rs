//! Every rule's documentation is executable: its bad example must fire, its
//! good example must not, and the TOML files match the registry. README.md's
//! rule tables list the registry's rules at their default levels.

mod common;

use letterlint::rules::docs;
use std::collections::{BTreeMap, BTreeSet};

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

/// The rows of README.md's rule tables (those headed `| rule | level |
/// fires when |`): each rule's id and the level the table gives it.
fn readme_rule_rows() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let mut rows = Vec::new();
    let mut in_rule_table = false;
    for line in readme.lines() {
        if line == "| rule | level | fires when |" {
            in_rule_table = true;
        } else if !line.starts_with('|') {
            in_rule_table = false;
        } else if in_rule_table && !line.starts_with("|---") {
            let mut cells = line.trim_matches('|').split('|').map(str::trim);
            let id = cells.next().unwrap().trim_matches('`');
            let level = cells.next().unwrap_or_default();
            rows.push((id.to_string(), level.to_string()));
        }
    }
    rows
}

#[test]
fn readme_rule_tables_list_every_rule_at_its_default_level() {
    let rows = readme_rule_rows();
    let registered: BTreeMap<&str, &str> = docs()
        .iter()
        .map(|d| (d.id.as_str(), d.level.as_str()))
        .collect();
    let mut problems = Vec::new();
    let mut listed = BTreeMap::new();
    for (id, level) in &rows {
        if listed.insert(id.as_str(), level.as_str()).is_some() {
            problems.push(format!("{id}: listed twice"));
        }
    }
    for id in registered.keys().filter(|id| !listed.contains_key(*id)) {
        problems.push(format!("{id}: a registered rule missing from the tables"));
    }
    for (id, level) in &listed {
        match registered.get(id) {
            None => problems.push(format!("{id}: in the tables, but not a registered rule")),
            Some(default) if default != level => problems.push(format!(
                "{id}: the tables say {level}, rules/{id}.toml says {default}"
            )),
            Some(_) => {}
        }
    }
    assert!(
        problems.is_empty(),
        "README.md's rule tables and the registry differ:\n{}",
        problems.join("\n")
    );
}
