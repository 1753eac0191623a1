//! The default output, shaped like rustc's: a header with the rule id, the
//! source line with the span underlined, help lines, then a summary per file.

use super::{Linted, Style};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::LineIndex;
use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use owo_colors::OwoColorize;
use std::fmt::Write as _;
use std::io::{self, Write};

pub fn write(files: &[Linted], style: Style, out: &mut dyn Write) -> io::Result<()> {
    let color = style.color;
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    for file in files {
        if style.quiet {
            writeln!(out, "{}", summary(file, color))?;
            continue;
        }
        let index = LineIndex::new(&file.source.text);
        for diagnostic in &file.report.diagnostics {
            writeln!(
                out,
                "{}\n",
                render(
                    &renderer,
                    &index,
                    &file.source.text,
                    &file.report.path,
                    diagnostic,
                    color,
                )
            )?;
        }
        write!(out, "{}", coverage(file))?;
        write!(out, "{}", scorecard(file, &index, color))?;
        writeln!(out, "{}", summary(file, color))?;
    }
    Ok(())
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

fn render(
    renderer: &Renderer,
    index: &LineIndex,
    text: &str,
    path: &str,
    d: &Diagnostic,
    color: bool,
) -> String {
    let title = level(d.severity).primary_title(&d.message).id(&d.rule);
    let Some(span) = &d.span else {
        // Letter-wide: nothing to underline, so the location is the file.
        let mut out = renderer.render(&[Group::with_title(title)]);
        let (arrow, help) = if color {
            ("-->".blue().bold().to_string(), "help".bold().to_string())
        } else {
            ("-->".to_string(), "help".to_string())
        };
        let _ = write!(out, "\n {arrow} {path}");
        if let Some(text) = &d.help {
            let _ = write!(out, "\n  = {help}: {text}");
        }
        return out;
    };
    // Only the lines the span touches go to the renderer: a 1 MB letter
    // does not make every snippet cost 1 MB.
    let lines = index.lines_around(span);
    let local = span.start - lines.start..span.end.min(lines.end).max(span.start) - lines.start;
    let mut annotation = AnnotationKind::Primary.span(local);
    if let Some(label) = &d.label {
        annotation = annotation.label(label.as_str());
    }
    let mut group = title.element(
        Snippet::source(&text[lines.clone()])
            .line_start(index.line_col(lines.start).line)
            .path(path)
            .annotation(annotation),
    );
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    renderer.render(&[group])
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
