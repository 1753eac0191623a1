//! Hover on a finding: its rule's `--explain` page, so the reason and the
//! advice behind a squiggle are one mouse move away.

use super::diagnostics::span;
use super::document::Document;
use super::position::Lines;
use crate::config::Config;
use crate::explain::{custom_page, explain};
use crate::rules;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

/// The pages of the rules whose findings lie at `offset`, the first
/// finding's range highlighted.
pub fn hover(document: &Document, lines: &Lines, offset: usize, config: &Config) -> Option<Hover> {
    let report = document.report.as_ref()?;
    let mut range = None;
    let mut rules: Vec<&str> = Vec::new();
    for d in &report.diagnostics {
        let at = span(report, d);
        if at.start <= offset && offset <= at.end && !rules.contains(&d.rule.as_str()) {
            range.get_or_insert(at);
            rules.push(&d.rule);
        }
    }
    let pages: Vec<String> = rules.iter().filter_map(|id| page(id, config)).collect();
    if pages.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: pages.join("\n---\n\n"),
        }),
        range: range.map(|r| lines.range(&r)),
    })
}

/// A rule's page as the terminal prints it, in a fenced block: its
/// examples are indented as code and its suppression comments are HTML,
/// which Markdown would render or hide.
fn page(id: &str, config: &Config) -> Option<String> {
    let text = match rules::doc(id) {
        Some(doc) => explain(doc, false),
        None => custom_page(config, id, false)?,
    };
    Some(format!("```text\n{}\n```\n", text.trim_end()))
}
