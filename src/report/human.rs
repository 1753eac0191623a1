//! The default output, shaped like rustc's: a header with the rule id, the
//! source line with the span underlined, help lines, then a summary per file.

use super::{Linted, Style};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::LineIndex;
use annotate_snippets::renderer::{
    DecorStyle, Style as AnsiStyle, DEFAULT_EMPHASIS_STYLE, DEFAULT_ERROR_STYLE,
    DEFAULT_INFO_STYLE, DEFAULT_WARNING_STYLE,
};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use owo_colors::OwoColorize;
use std::fmt::Write as _;

/// One letter's report: each finding, the posting's coverage, the
/// scorecard and the summary line.
pub(super) fn render(file: &Linted, style: Style) -> String {
    let color = style.color;
    if style.quiet {
        return summary(file, color) + "\n";
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let index = LineIndex::new(&file.source.text);
    let mut out = String::new();
    for diagnostic in &file.report.diagnostics {
        render_diagnostic(
            &mut out,
            &renderer,
            &index,
            &file.source.text,
            &file.report.path,
            diagnostic,
            color,
        );
        out += "\n\n";
    }
    out += &coverage(file);
    out += &scorecard(file, &index, color);
    out += &summary(file, color);
    out.push('\n');
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// One finding, shaped like rustc's. annotate-snippets lays out the
/// snippet, but it copies every character through a styled buffer, and the
/// title and help text were a quarter of its time: they are written here
/// instead, in the same bytes and colours.
fn render_diagnostic(
    out: &mut String,
    renderer: &Renderer,
    index: &LineIndex,
    text: &str,
    path: &str,
    d: &Diagnostic,
    color: bool,
) {
    title(out, renderer, d, color);
    let Some(span) = &d.span else {
        // Letter-wide: nothing to underline, so the location is the file.
        let (arrow, help) = if color {
            ("-->".blue().bold().to_string(), "help".bold().to_string())
        } else {
            ("-->".to_string(), "help".to_string())
        };
        let _ = write!(out, "\n {arrow} {path}");
        if let Some(text) = &d.help {
            let _ = write!(out, "\n  = {help}: {text}");
        }
        return;
    };
    // Only the lines the span touches go to the renderer: a 1 MB letter
    // does not make every snippet cost 1 MB.
    let lines = index.lines_around(span);
    let local = span.start - lines.start..span.end.min(lines.end).max(span.start) - lines.start;
    let mut annotation = AnnotationKind::Primary.span(local);
    if let Some(label) = &d.label {
        annotation = annotation.label(label.as_str());
    }
    let mut group = Group::with_level(level(d.severity)).element(
        Snippet::source(&text[lines.clone()])
            .line_start(index.line_col(lines.start).line)
            .path(path)
            .annotation(annotation),
    );
    if d.help.is_some() {
        // The crate draws the help line up to `help: `; the text follows.
        group = group.element(Level::HELP.message(""));
    }
    let snippet = renderer.render(&[group]);
    out.push('\n');
    out.push_str(&snippet);
    if let Some(help) = &d.help {
        // Later lines of the help text line up after ` = help: `, nine
        // columns past the gutter (the origin line's indent).
        let gutter = snippet.len() - snippet.trim_start_matches(' ').len();
        out.push_str(&help.replace('\n', &format!("\n{:1$}", "", gutter + 9)));
    }
}

/// `warning[rule]: message`, as annotate-snippets writes it. A message with
/// characters the crate replaces or a line break it indents goes to the
/// crate.
fn title(out: &mut String, renderer: &Renderer, d: &Diagnostic, color: bool) {
    let rewritten = |c: char| {
        c.is_ascii_control()
            || matches!(c, '\u{200d}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if d.message.contains(rewritten) {
        let title = level(d.severity).primary_title(&d.message).id(&d.rule);
        out.push_str(&renderer.render(&[Group::with_title(title)]));
        return;
    }
    let (name, message) = if color {
        let name = match d.severity {
            Severity::Error => DEFAULT_ERROR_STYLE,
            Severity::Warning => DEFAULT_WARNING_STYLE,
            Severity::Info => DEFAULT_INFO_STYLE,
        };
        (name, DEFAULT_EMPHASIS_STYLE)
    } else {
        (AnsiStyle::new(), AnsiStyle::new())
    };
    let _ = write!(
        out,
        "{name}{}[{}]{name:#}{message}: {}{message:#}",
        d.severity.as_str(),
        d.rule,
        d.message
    );
}

/// The posting's requirements: covered or not, and where in the letter.
fn coverage(file: &Linted) -> String {
    let Some(matched) = &file.report.posting else {
        return String::new();
    };
    let posting = &matched.posting;
    let name = |item: &Option<crate::posting::Item>| {
        item.as_ref().map_or("?", |i| i.text.as_str()).to_string()
    };
    let mut out = format!(
        "posting: {} ({} at {})\n",
        posting.path,
        name(&posting.role),
        name(&posting.company)
    );
    let shorten = |text: &str| {
        let mut short: String = text.chars().take(60).collect();
        if short.len() < text.len() {
            short.push('…');
        }
        short
    };
    let rows: Vec<(String, String, &str, String)> = matched
        .coverage
        .iter()
        .map(|c| {
            let text = if c.requirement.nice {
                format!("{} (nice to have)", shorten(&c.requirement.text))
            } else {
                shorten(&c.requirement.text)
            };
            let line = format!("line {}", c.requirement.line);
            let covered = if c.covered { "yes" } else { "no" };
            let at = match (c.covered, c.letter_line) {
                (true, Some(l)) => format!("letter line {l}"),
                _ => String::new(),
            };
            (text, line, covered, at)
        })
        .collect();
    let width = rows
        .iter()
        .map(|r| r.0.chars().count())
        .max()
        .unwrap_or(0)
        .max("requirement".len());
    let _ = writeln!(
        out,
        "  {:width$}  {:9}  {:7}  where",
        "requirement", "posting", "covered"
    );
    for (text, line, covered, at) in rows {
        let row = format!("  {text:width$}  {line:9}  {covered:7}  {at}");
        let _ = writeln!(out, "{}", row.trim_end());
    }
    out.push('\n');
    out
}

/// Each signal with a mark, the line that shows it, or what would show it.
fn scorecard(file: &Linted, index: &LineIndex, color: bool) -> String {
    let signals = &file.report.signals;
    if signals.is_empty() {
        return String::new();
    }
    let width = signals
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(0);
    let shown = signals.iter().filter(|s| s.present()).count();
    let mut out = format!(
        "scorecard: {shown} of {} signals a hiring manager scans for\n",
        signals.len()
    );
    for signal in signals {
        let (mark, detail) = match signal.at {
            Some(at) => ("✓", format!("line {}", index.line_col(at).line)),
            None => ("✗", signal.hint.clone()),
        };
        let mark = match (color, signal.present()) {
            (false, _) => mark.to_string(),
            (true, true) => mark.green().bold().to_string(),
            (true, false) => mark.red().bold().to_string(),
        };
        let _ = writeln!(out, "  {mark} {:width$}  {detail}", signal.name);
    }
    out.push('\n');
    out
}

fn summary(file: &Linted, color: bool) -> String {
    let report = &file.report;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut line = format!(
        "{}: score {}/100 · {} · {}",
        report.path,
        report.score,
        plural(report.count(Severity::Error), "error"),
        plural(report.count(Severity::Warning), "warning"),
    );
    let infos = report.count(Severity::Info);
    if infos > 0 {
        line.push_str(&format!(" · {}", plural(infos, "info")));
    }
    if !color {
        return line;
    }
    if report.count(Severity::Error) > 0 || report.score < 70 {
        line.red().bold().to_string()
    } else if report.count(Severity::Warning) > 0 {
        line.yellow().bold().to_string()
    } else {
        line.green().bold().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The finding as annotate-snippets draws it whole, title and help
    /// included.
    fn whole(renderer: &Renderer, index: &LineIndex, text: &str, d: &Diagnostic) -> String {
        let span = d.span.clone().expect("a span");
        let lines = index.lines_around(&span);
        let local = span.start - lines.start..span.end.min(lines.end).max(span.start) - lines.start;
        let mut annotation = AnnotationKind::Primary.span(local);
        if let Some(label) = &d.label {
            annotation = annotation.label(label.as_str());
        }
        let mut group = level(d.severity)
            .primary_title(&d.message)
            .id(&d.rule)
            .element(
                Snippet::source(&text[lines.clone()])
                    .line_start(index.line_col(lines.start).line)
                    .path("letters/a.md")
                    .annotation(annotation),
            );
        if let Some(help) = &d.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        renderer.render(&[group])
    }

    #[test]
    fn findings_look_as_annotate_snippets_draws_them_whole() {
        let long = "word ".repeat(40);
        let texts = [
            "Dear team,\n\nI am a team player.\n".to_string(),
            format!("{long}café — “quoted”\tand a tab, {long}\n  {long}\n"),
            "中文 wide and e\u{301} combining\r\n\n\u{7} bell\n".to_string(),
            "\n".repeat(98) + "line 99\nline 100 ends",
        ];
        let messages = [
            "joiner \u{200d}",
            "cliché: \"team player\"",
            "two\nlines",
            "a\ttab",
            "bidi \u{202e}",
            "",
        ];
        let helps = [
            None,
            Some("do it"),
            Some("first\n\nthird"),
            Some("a\ttab \u{7}"),
        ];
        let labels = [None, Some("here"), Some("")];
        let severities = [Severity::Error, Severity::Warning, Severity::Info];
        let mut case = 0;
        for color in [false, true] {
            let renderer = if color {
                Renderer::styled()
            } else {
                Renderer::plain()
            }
            .decor_style(DecorStyle::Ascii);
            for text in &texts {
                let index = LineIndex::new(text);
                let bounds: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([text.len()])
                    .collect();
                let offsets: Vec<usize> = bounds
                    .iter()
                    .step_by(bounds.len() / 24 + 1)
                    .copied()
                    .collect();
                for (i, &start) in offsets.iter().enumerate() {
                    for &end in &offsets[i..] {
                        case += 1;
                        let d = Diagnostic {
                            rule: "cliche".to_string(),
                            severity: severities[case % severities.len()],
                            message: messages[case % messages.len()].to_string(),
                            span: Some(start..end),
                            label: labels[case % labels.len()].map(str::to_string),
                            help: helps[case % helps.len()].map(str::to_string),
                            penalty: 0,
                        };
                        let mut ours = String::new();
                        render_diagnostic(
                            &mut ours,
                            &renderer,
                            &index,
                            text,
                            "letters/a.md",
                            &d,
                            color,
                        );
                        assert_eq!(
                            ours,
                            whole(&renderer, &index, text, &d),
                            "{d:?} in {text:?}"
                        );
                    }
                }
            }
        }
    }
}
