//! `tests/fixtures/<rule-id>/*`: each letter is linted with only that rule
//! on. Files named `fires-*` must produce a finding, `quiet-*` must not, and
//! the findings are snapshotted beside the input so a reviewer sees both.

mod common;

use letterlint::source::LineIndex;
use letterlint::{rules, Letter};
use std::fmt::Write;
use std::path::Path;

fn rule_and_kind(path: &Path) -> (String, bool) {
    let rule = path
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let name = path.file_name().unwrap().to_str().unwrap();
    let fires = if name.starts_with("fires-") {
        true
    } else if name.starts_with("quiet-") {
        false
    } else {
        panic!(
            "{}: fixture names start with fires- or quiet-",
            path.display()
        )
    };
    (rule, fires)
}

fn render(text: &str, path: &Path, rule: &str) -> String {
    let name = path.file_name().unwrap().to_str().unwrap();
    let diagnostics = common::lint_one(rule, name, text);
    let index = LineIndex::new(text);
    let mut out = format!("{text}\n──── {rule} ────\n");
    if diagnostics.is_empty() {
        out.push_str("(no findings)\n");
    }
    for d in &diagnostics {
        match &d.span {
            Some(span) => {
                let at = index.line_col(span.start);
                let _ = writeln!(
                    out,
                    "{}:{} {}: {}",
                    at.line,
                    at.column,
                    d.severity.as_str(),
                    d.message
                );
                let _ = writeln!(
                    out,
                    "    `{}` {}",
                    &text[span.clone()],
                    d.label.as_deref().unwrap_or("")
                );
            }
            None => {
                let _ = writeln!(out, "letter-wide {}: {}", d.severity.as_str(), d.message);
            }
        }
    }
    out
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/*/*.*", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let (rule, should_fire) = rule_and_kind(path);
        let doc = rules::doc(&rule).unwrap_or_else(|| panic!("{}: no rule {rule}", path.display()));
        let plain = path.extension().is_some_and(|e| e == "txt");
        if doc.engineering {
            // A quiet fixture that is not an engineering letter would pass
            // only because the rule never ran.
            assert!(
                Letter::parse(&text, plain).unwrap().is_engineering(),
                "{}: an engineering rule's fixture must read as an engineering letter",
                path.display()
            );
        }
        let fired =
            !common::lint_one(&rule, path.file_name().unwrap().to_str().unwrap(), &text).is_empty();
        assert_eq!(fired, should_fire, "{}", path.display());
        insta::assert_snapshot!(render(&text, path, &rule));
    });
}
