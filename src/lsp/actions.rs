//! Code actions: a finding's fixes, a comment that switches its rule off
//! for its line (or, for a finding about the whole letter, for the
//! letter), and one action that applies every safe fix.

use super::diagnostics::{self, span};
use super::document::Document;
use super::position::Lines;
use crate::diagnostic::Diagnostic;
use crate::fix::{self, Applicability};
use crate::letter;
use crate::source::Source;
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
        let touched: Vec<&Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| {
                let at = span(report, d);
                at.start <= asked.end && asked.start <= at.end
            })
            .collect();
        // What mends a finding comes before what silences it.
        let fixes = touched
            .iter()
            .filter_map(|d| Some((d, fix_action(document, lines, d)?)));
        let place = CommentPlace::of(document);
        let comments = touched
            .iter()
            .filter_map(|d| Some((d, disable(document, lines, d, place)?)));
        for (d, mut action) in fixes.chain(comments) {
            action.diagnostics = Some(vec![diagnostics::from_finding(report, d, lines)]);
            // Two findings of one rule on one line share one comment.
            let same = |a: &CodeAction| a.title == action.title && a.edit == action.edit;
            if !actions.iter().any(same) {
                actions.push(action);
            }
        }
    }
    if wanted(only, &fix_all_kind()) {
        actions.extend(fix_all(document, lines));
    }
    actions
        .into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

/// What "fix all" is asked for by: a source action of letterlint's own,
/// which an editor can run on save (`source.fixAll` asks for it too).
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.letterlint")
}

/// A finding's fix as a quick fix. A safe one is preferred, so an editor
/// may apply it at a keystroke; an unsafe one is offered for the writer to
/// read and choose, never preferred. A suggestion has no edit to offer,
/// and a fix that does not fit the text (`fix::take` leaves it) is not one.
fn fix_action(document: &Document, lines: &Lines, finding: &Diagnostic) -> Option<CodeAction> {
    let fix = finding.fix.as_ref()?;
    let taken = fix::take(&document.text, [fix]);
    if taken.applied == 0 {
        return None;
    }
    let safe = fix.applicability == Applicability::Safe;
    let mut title = format!("{} ({})", capitalized(&fix.message), finding.rule);
    if !safe {
        title.push_str(": unsafe, read it first");
    }
    Some(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        edit: Some(changes(&document.uri, text_edits(lines, taken))),
        is_preferred: Some(safe),
        ..CodeAction::default()
    })
}

/// Every safe fix of the document in one edit, taken as `--fix` takes
/// them: in the findings' order, each that overlaps one before it left for
/// the next lint.
fn fix_all(document: &Document, lines: &Lines) -> Option<CodeAction> {
    let report = document.report.as_ref()?;
    let safe = report
        .diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|fix| fix.applies(false));
    let taken = fix::take(&document.text, safe);
    (taken.applied > 0).then(|| CodeAction {
        title: "Fix all safe problems (letterlint)".to_string(),
        kind: Some(fix_all_kind()),
        edit: Some(changes(&document.uri, text_edits(lines, taken))),
        ..CodeAction::default()
    })
}

fn text_edits(lines: &Lines, taken: fix::Taken) -> Vec<TextEdit> {
    taken
        .edits
        .into_iter()
        .map(|edit| TextEdit::new(lines.range(&edit.range), edit.replacement.clone()))
        .collect()
}

fn capitalized(message: &str) -> String {
    let mut chars = message.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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
    fn of(source: &Source) -> Syntax {
        if source.is_latex() {
            Syntax::Latex
        } else if source.is_plain_text() {
            Syntax::PlainText
        } else {
            Syntax::Markdown
        }
    }

    fn comment(self, directive: &str) -> String {
        match self {
            Syntax::Markdown | Syntax::PlainText => format!("<!-- letterlint-{directive} -->"),
            Syntax::Latex => format!("% letterlint-{directive}"),
        }
    }
}

/// What a suppression comment in a document depends on, read once for all
/// the findings under the cursor: the comment syntax, and where the front
/// matter ends (no comment can stand in it).
#[derive(Clone, Copy)]
struct CommentPlace {
    syntax: Syntax,
    front_end: usize,
}

impl CommentPlace {
    fn of(document: &Document) -> CommentPlace {
        let source = document.source();
        let front = letter::front_matter(&source).map(|f| f.range.end);
        CommentPlace {
            syntax: Syntax::of(&source),
            front_end: front.unwrap_or(0),
        }
    }
}

/// "Disable <rule> for this line", or for a finding about the whole
/// letter, which no line's comment silences, "for this letter". A finding
/// in the front matter gets none: no comment can stand there.
fn disable(
    document: &Document,
    lines: &Lines,
    finding: &Diagnostic,
    CommentPlace { syntax, front_end }: CommentPlace,
) -> Option<CodeAction> {
    let text = &document.text;
    let rule = &finding.rule;
    let (title, at, new_text) = match &finding.span {
        Some(span) if span.start < front_end => return None,
        Some(span) => {
            let comment = syntax.comment(&format!("disable-next-line {rule}"));
            let (at, new_text) = above(text, lines, span.start, syntax, comment);
            (format!("Disable {rule} for this line"), at, new_text)
        }
        None => {
            // Under the front matter, whose range ends with its line.
            let at = front_end;
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
        assert!(wanted(Some(&source), &fix_all_kind()));
        let fix_all = [CodeActionKind::SOURCE_FIX_ALL];
        assert!(wanted(Some(&fix_all), &fix_all_kind()));
        assert!(!wanted(Some(&source), &CodeActionKind::QUICKFIX));
        assert!(wanted(None, &CodeActionKind::QUICKFIX));
        let refactor = [CodeActionKind::new("quick")];
        assert!(!wanted(Some(&refactor), &CodeActionKind::QUICKFIX));
    }
}
