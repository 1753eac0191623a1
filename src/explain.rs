//! `--explain RULE` and `--list-rules`: the rule docs from `rules/<id>.toml`.

use crate::rules::{doc, docs};
use owo_colors::OwoColorize;
use std::fmt::Write;

pub fn explain(id: &str, color: bool) -> String {
    let doc = doc(id).expect("caller checked the id");
    let heading = |s: &str| {
        if color {
            s.bold().to_string()
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}\n", heading(&doc.id), doc.summary);
    let _ = writeln!(
        out,
        "Default level: {} · penalty {} per finding, at most {} per letter{}\n",
        doc.level.as_str(),
        doc.penalty,
        doc.max_penalty,
        if doc.engineering {
            " · engineering letters only"
        } else {
            ""
        }
    );
    let _ = writeln!(out, "{}\n{}\n", heading("Why is this bad?"), doc.why.trim());
    let _ = writeln!(out, "{}", heading("Advice it stands on"));
    for advice in &doc.advice {
        let _ = writeln!(out, "  - {advice}");
    }
    let indent = |text: &str| {
        text.trim()
            .lines()
            .map(|l| {
                if l.is_empty() {
                    "\n".to_string()
                } else {
                    format!("    {l}\n")
                }
            })
            .collect::<String>()
    };
    let _ = writeln!(
        out,
        "\n{}\n{}",
        heading("Example (fires)"),
        indent(&doc.bad)
    );
    let _ = writeln!(
        out,
        "{}\n{}",
        heading("Instead (does not fire)"),
        indent(&doc.good)
    );
    let _ = writeln!(out, "{}\n  help: {}\n", heading("What to do"), doc.help);
    let _ = writeln!(
        out,
        "{}\n  Silence it for one run with `--ignore {id}`; run only it with `--select {id}`.",
        heading("Configure"),
    );
    out
}

pub fn list_rules() -> String {
    let width = docs().iter().map(|d| d.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for d in docs() {
        let _ = writeln!(
            out,
            "{:width$}  {:5}  {}",
            d.id,
            d.level.as_str(),
            d.summary
        );
    }
    out
}
