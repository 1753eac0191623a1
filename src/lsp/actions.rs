//! Code actions: a finding's fixes, a comment that switches its rule off
//! for its line (or, for a finding about the whole letter, for the
//! letter), and one action that applies every safe fix.

use super::diagnostics::{self, span};
use super::document::Document;
use super::position::Lines;
use crate::diagnostic::Diagnostic;
use crate::front_matter;
use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, Uri, WorkspaceEdit};
use std::collections::HashMap;
use std::ops::Range;

/// The actions for the findings that touch `asked`, and the source
/// actions for the whole document, of the kinds the client wants.
pub fn code_actions(
    document: &Document,
    lines: &Lines,
    asked: Range<usize>,
    only: Option<&[CodeActionKind]>,
) -> Vec<CodeActionOrCommand> {
    let Some(report) = &document.report else {
        return Vec::new();
    };
    let mut actions: Vec<CodeAction> = Vec::new();
    if wanted(only, &CodeActionKind::QUICKFIX) {
        let touched = report.diagnostics.iter().filter(|d| {
            let at = span(report, d);
            at.start <= asked.end && asked.start <= at.end
        });
        for d in touched {
            let shown = diagnostics::from_finding(report, d, lines);
            let fixes = fix_actions(document, lines, d);
            for mut action in fixes.into_iter().chain(disable(document, lines, d)) {
                action.diagnostics = Some(vec![shown.clone()]);
                // Two findings of one rule on one line share one comment.
                if !actions.iter().any(|a| a.title == action.title) {
                    actions.push(action);
                }
            }
        }
    }
    if wanted(only, &CodeActionKind::SOURCE_FIX_ALL) {
        actions.extend(fix_all(document, lines));
    }
    actions
        .into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

/// The fixes a finding carries, as code actions: each a quick fix,
/// preferred when it is safe to apply without reading it. Findings carry
/// no fixes yet; when they do, this is the one place that turns them into
/// actions, and "fix all" takes the preferred ones from here.
fn fix_actions(_document: &Document, _lines: &Lines, _finding: &Diagnostic) -> Vec<CodeAction> {
    Vec::new()
}

/// Every safe fix of the document in one edit.
fn fix_all(document: &Document, lines: &Lines) -> Option<CodeAction> {
    let report = document.report.as_ref()?;
    let safe = report
        .diagnostics
        .iter()
        .flat_map(|d| fix_actions(document, lines, d))
        .filter(|action| action.is_preferred == Some(true));
    let edits = safe
        .filter_map(|action| action.edit?.changes?.remove(&document.uri))
        .flatten();
    let edits = apart(edits.collect());
    (!edits.is_empty()).then(|| CodeAction {
        title: "Fix all safe problems (letterlint)".to_string(),
        kind: Some(CodeActionKind::SOURCE_FIX_ALL),
        edit: Some(changes(&document.uri, edits)),
        ..CodeAction::default()
    })
}

/// The edits in document order, without each that overlaps one before
/// it: as `--fix` does, the first is applied and the rest wait for the
/// next lint.
fn apart(mut edits: Vec<TextEdit>) -> Vec<TextEdit> {
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut kept: Vec<TextEdit> = Vec::new();
    for edit in edits {
        match kept.last() {
            Some(last) if edit.range.start < last.range.end => continue,
            _ => kept.push(edit),
        }
    }
    kept
}

fn wanted(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    only.is_none_or(|kinds| {
        kinds.iter().any(|k| {
            let (k, kind) = (k.as_str(), kind.as_str());
            kind == k
                || kind
                    .strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

fn changes(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// How a suppression comment is written in a document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Markdown,
    PlainText,
    Latex,
}

impl Syntax {
    fn of(document: &Document) -> Syntax {
        let name = document.name().display().to_string().to_ascii_lowercase();
        match name.rsplit_once('.').map(|(_, extension)| extension) {
            Some("txt") => Syntax::PlainText,
            Some("tex") => Syntax::Latex,
            _ => Syntax::Markdown,
        }
    }

    fn comment(self, directive: &str) -> String {
        match self {
            Syntax::Markdown | Syntax::PlainText => format!("<!-- letterlint-{directive} -->"),
            Syntax::Latex => format!("% letterlint-{directive}"),
        }
    }
}

/// "Disable <rule> for this line", or for a finding about the whole
/// letter, which no line's comment silences, "for this letter". A finding
/// in the front matter gets none: no comment can stand there.
fn disable(document: &Document, lines: &Lines, finding: &Diagnostic) -> Option<CodeAction> {
    let text = &document.text;
    let syntax = Syntax::of(document);
    let front = front_matter::parse(text)
        .map(|f| f.range)
        .unwrap_or_default();
    let rule = &finding.rule;
    let (title, at, new_text) = match &finding.span {
        Some(span) if span.start < front.end => return None,
        Some(span) => {
            let comment = syntax.comment(&format!("disable-next-line {rule}"));
            let (at, new_text) = above(text, lines, span.start, syntax, comment);
            (format!("Disable {rule} for this line"), at, new_text)
        }
        None => {
            // Under the front matter, whose range ends with its line.
            let at = front.end;
            let comment = syntax.comment(&format!("disable {rule}"));
            let new_text = match at == text.len() && !text.is_empty() && !text.ends_with('\n') {
                true => format!("\n{comment}\n"),
                false => format!("{comment}\n"),
            };
            (format!("Disable {rule} for this letter"), at, new_text)
        }
    };
    let position = lines.position(at);
    let insert = TextEdit::new(lsp_types::Range::new(position, position), new_text);
    Some(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        edit: Some(changes(&document.uri, vec![insert])),
        ..CodeAction::default()
    })
}

/// Where a comment for the line holding `offset` goes, and its text: on a
/// line of its own above, indented as the line is; in Markdown, when the
/// line above is text the comment can end without changing what it is, at
/// the end of that line instead, so a paragraph wrapped over several lines
/// is not split in two.
fn above(
    text: &str,
    lines: &Lines,
    offset: usize,
    syntax: Syntax,
    comment: String,
) -> (usize, String) {
    let start = lines.line_start(offset);
    let line = &text[start..lines.line_end(start)];
    if syntax == Syntax::Markdown {
        if let Some(previous) = lines.previous_line(start) {
            let end = lines.line_end(previous);
            if takes_a_comment(&text[previous..end]) {
                return (end, format!(" {comment}"));
            }
        }
    }
    let indent = &line[..line.len() - line.trim_start().len()];
    (start, format!("{indent}{comment}\n"))
}

/// Whether a Markdown line is prose (of a paragraph, a heading, a list
/// item or a quote) that a comment at its end leaves as it is: not blank,
/// not a fence, a rule, a table row or HTML.
fn takes_a_comment(line: &str) -> bool {
    let trimmed = line.trim();
    let Some(first) = trimmed.chars().next() else {
        return false;
    };
    let one_mark = trimmed.chars().all(|c| c == first || c == ' ');
    let fence = trimmed.starts_with("```") || trimmed.starts_with("~~~");
    let prose_start = first.is_alphanumeric() || "#>-*+_[(\"'“‘".contains(first);
    prose_start && !fence && !(one_mark && "-*_=+".contains(first))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::Position;

    fn edit(from: (u32, u32), to: (u32, u32)) -> TextEdit {
        let at = |(line, character)| Position::new(line, character);
        TextEdit::new(lsp_types::Range::new(at(from), at(to)), String::new())
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_lint() {
        let edits = vec![
            edit((2, 0), (2, 4)),
            edit((0, 5), (0, 9)),
            edit((0, 7), (0, 12)),
        ];
        assert_eq!(apart(edits), [edit((0, 5), (0, 9)), edit((2, 0), (2, 4))]);
    }

    #[test]
    fn a_comment_ends_only_lines_of_prose() {
        for prose in [
            "I built it",
            "- a list item",
            "## Why Kestrel",
            "> quoted",
            "1. first",
        ] {
            assert!(takes_a_comment(prose), "{prose}");
        }
        for other in [
            "",
            "   ",
            "+++",
            "---",
            "```",
            "~~~ text",
            "| a | b |",
            "<div>",
            "***",
        ] {
            assert!(!takes_a_comment(other), "{other}");
        }
    }

    #[test]
    fn a_source_action_is_asked_for_by_its_family() {
        let source = [CodeActionKind::SOURCE];
        assert!(wanted(Some(&source), &CodeActionKind::SOURCE_FIX_ALL));
        assert!(!wanted(Some(&source), &CodeActionKind::QUICKFIX));
        assert!(wanted(None, &CodeActionKind::QUICKFIX));
        let refactor = [CodeActionKind::new("quick")];
        assert!(!wanted(Some(&refactor), &CodeActionKind::QUICKFIX));
    }
}
