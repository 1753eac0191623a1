//! One finding drawn as rustc draws it, by annotate-snippets: the title
//! with the rule id, the source lines with the span underlined, the help,
//! and the note that points to the rule's `--explain` page.

use super::reporter::Linted;
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::Applicability;
use crate::source::LineIndex;
use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{Annotation, AnnotationKind, Level, Origin, Renderer, Snippet};
use std::ops::Range;

/// How wide the renderer draws, as rustc does.
const WIDTH: usize = 140;

/// The longest source line a span over several lines is drawn across whole:
/// the width, less what the gutter and the span's bar take.
const WHOLE_LINE: usize = WIDTH - 20;

/// The renderer, with colour or without.
pub(super) fn renderer(color: bool) -> Renderer {
    let renderer = match color {
        true => Renderer::styled(),
        false => Renderer::plain(),
    };
    renderer.decor_style(DecorStyle::Ascii).term_width(WIDTH)
}

/// One finding as annotate-snippets drew it.
pub(super) struct Drawn {
    pub rule: String,
    pub text: String,
    /// The note that points to the rule's `--explain` page: written only
    /// under the rule's first finding in the run, which is known only when
    /// the letters before are written.
    pub explain: Option<String>,
}

/// One finding as one annotate-snippets group: its title (marked `[*]`
/// when `fixable` by this run's `--fix`, as ruff marks it), where it is,
/// its help, its fix, and, when `first` of its rule in the letter, the
/// note that points to the rule's `--explain` page.
pub(super) fn draw(
    renderer: &Renderer,
    file: &Linted,
    index: &LineIndex,
    d: &Diagnostic,
    first: bool,
    fixable: bool,
) -> Drawn {
    let path = file.report.path.as_str();
    let message = match fixable {
        true => format!("[*] {}", d.message),
        false => d.message.clone(),
    };
    let title = level(d.severity).primary_title(message).id(&d.rule);
    let mut group = match &d.span {
        // Letter-wide: nothing to underline, so the location is the file.
        None => title.element(Origin::path(path)),
        Some(span) => title.element(snippet(file, index, span, d.label.as_deref())),
    };
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    if let Some(fix) = &d.fix {
        let name = match fix.applicability {
            Applicability::Safe => "fix",
            Applicability::Unsafe => "unsafe fix",
            Applicability::DisplayOnly => "suggestion",
        };
        group = group.element(Level::HELP.with_name(name).message(fix.message.as_str()));
    }
    let note = first.then(|| {
        format!(
            "for more on this rule, try `letterlint --explain {}`",
            d.rule
        )
    });
    if let Some(note) = &note {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    let mut text = renderer.render(&[group]);
    // The note is the group's last line: kept apart, for `write` to
    // decide on.
    let explain = match (note, text.rfind('\n')) {
        (Some(_), Some(at)) => {
            let line = text.split_off(at + 1);
            text.truncate(at);
            Some(line)
        }
        _ => None,
    };
    Drawn {
        rule: d.rule.clone(),
        text,
        explain,
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Where a finding is: the lines its span touches, the span underlined.
fn snippet<'a>(
    file: &'a Linted,
    index: &LineIndex,
    span: &Range<usize>,
    label: Option<&'a str>,
) -> Snippet<'a, Annotation<'a>> {
    // Only the lines the span touches go to the renderer: a 1 MB letter
    // does not make every snippet cost 1 MB.
    let lines = index.lines_around(span);
    let text = &file.source.text[lines.clone()];
    let span = span.start - lines.start..span.end.min(lines.end).max(span.start) - lines.start;
    let snippet = Snippet::source(text)
        .line_start(index.line_col(lines.start).line)
        .path(file.report.path.as_str());
    // rustc draws a span over several lines with a bar down the gutter and
    // a rule to its end; under a line too long to show whole, that rule
    // would run the line's full length while the line is cut. Such a span
    // is underlined line by line instead, each cut around its underline as
    // a one-line span is.
    let whole = !text.contains('\n') || text.lines().all(|l| l.chars().count() <= WHOLE_LINE);
    let parts = match whole {
        true => vec![span],
        false => line_parts(text, span),
    };
    let last = parts.len() - 1;
    snippet.annotations(parts.into_iter().enumerate().map(|(i, part)| {
        let annotation = AnnotationKind::Primary.span(part);
        match label {
            Some(label) if i == last => annotation.label(label),
            _ => annotation,
        }
    }))
}

/// The part of `span` on each line of `text` it touches, blank parts left
/// out.
fn line_parts(text: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.trim_end().len();
        let part = span.start.max(start)..span.end.min(end);
        if !part.is_empty() && !text[part.clone()].trim().is_empty() {
            parts.push(part);
        }
        start += line.len();
    }
    if parts.is_empty() {
        parts.push(span);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_over_lines_is_cut_into_its_part_on_each_line() {
        let text = "one two\nthree four\r\n\nfive six";
        let parts: Vec<&str> = line_parts(text, 4..text.len() - 4)
            .into_iter()
            .map(|part| &text[part])
            .collect();
        assert_eq!(parts, ["two", "three four", "five"]);
    }

    #[test]
    fn a_span_with_no_text_on_any_line_is_kept_whole() {
        assert_eq!(line_parts("a\n\nb", 2..3), vec![2..3]);
    }
}
