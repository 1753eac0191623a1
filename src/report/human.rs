//! The default output, shaped like rustc's: each finding as annotate-snippets
//! draws it (the title with the rule id, the source line with the span
//! underlined, the help), then the posting's coverage, the scorecard and a
//! summary line per file.

use super::{Format, Linted, Rendered, Reporter, Style};
use crate::diagnostic::{Diagnostic, Severity};
use crate::posting::Judgement;
use crate::source::LineIndex;
use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use owo_colors::{AnsiColors, OwoColorize, Style as Colour};
use std::fmt::Write as _;

pub(super) const FORMAT: Format = Format {
    name: "human",
    about: None,
    for_people: true,
    new,
};

fn new(style: Style) -> Box<dyn Reporter> {
    // Colour is decided here, once: a plain renderer and plain styles print
    // no escape codes.
    let renderer = match style.color {
        true => Renderer::styled(),
        false => Renderer::plain(),
    };
    let colour = |colour: AnsiColors| match style.color {
        true => Colour::new().color(colour).bold(),
        false => Colour::new(),
    };
    Box::new(Human {
        quiet: style.quiet,
        renderer: renderer.decor_style(DecorStyle::Ascii),
        bad: colour(AnsiColors::Red),
        doubtful: colour(AnsiColors::Yellow),
        good: colour(AnsiColors::Green),
    })
}

struct Human {
    quiet: bool,
    renderer: Renderer,
    /// The colours of the lines drawn here: a letter that fails the run or
    /// a scorecard signal missing; a letter with warnings; a letter that
    /// passes without any, or a signal shown.
    bad: Colour,
    doubtful: Colour,
    good: Colour,
}

impl Reporter for Human {
    /// One letter's report: each finding, the posting's coverage, the
    /// scorecard and the summary line; `--quiet` keeps only the error-level
    /// findings and the summary line, as ruff's does.
    fn render(&self, file: &Linted) -> Rendered {
        let index = LineIndex::new(&file.source.text);
        let mut out = String::new();
        let shown = |d: &&Diagnostic| !self.quiet || d.severity == Severity::Error;
        for diagnostic in file.report.diagnostics.iter().filter(shown) {
            out += &self.finding(file, &index, diagnostic);
            out += "\n\n";
        }
        if !self.quiet {
            out += &coverage(file);
            out += &self.scorecard(file, &index);
        }
        out += &self.summary(file);
        out.push('\n');
        Rendered::new(out)
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

impl Human {
    /// One finding as one annotate-snippets group: its title, where it is,
    /// and its help.
    fn finding(&self, file: &Linted, index: &LineIndex, d: &Diagnostic) -> String {
        let path = file.report.path.as_str();
        let title = level(d.severity).primary_title(&d.message).id(&d.rule);
        let mut group = match &d.span {
            // Letter-wide: nothing to underline, so the location is the file.
            None => title.element(Origin::path(path)),
            Some(span) => {
                // Only the lines the span touches go to the renderer: a 1 MB
                // letter does not make every snippet cost 1 MB.
                let lines = index.lines_around(span);
                let end = span.end.min(lines.end).max(span.start);
                let mut annotation =
                    AnnotationKind::Primary.span(span.start - lines.start..end - lines.start);
                if let Some(label) = &d.label {
                    annotation = annotation.label(label.as_str());
                }
                title.element(
                    Snippet::source(&file.source.text[lines.clone()])
                        .line_start(index.line_col(lines.start).line)
                        .path(path)
                        .annotation(annotation),
                )
            }
        };
        if let Some(help) = &d.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        self.renderer.render(&[group])
    }

    /// Each signal with a mark, the line that shows it, or what would show it.
    fn scorecard(&self, file: &Linted, index: &LineIndex) -> String {
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
            let colour = if signal.present() {
                self.good
            } else {
                self.bad
            };
            let _ = writeln!(
                out,
                "  {} {:width$}  {detail}",
                mark.style(colour),
                signal.name
            );
        }
        out.push('\n');
        out
    }

    /// The letter's score and counts, coloured by whether it fails the run
    /// (the bar its configuration sets), and if not, has warnings.
    fn summary(&self, file: &Linted) -> String {
        let report = &file.report;
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let errors = report.count(Severity::Error);
        let warnings = report.count(Severity::Warning);
        let mut line = format!(
            "{}: score {}/100 · {} · {}",
            report.path,
            report.score,
            plural(errors, "error"),
            plural(warnings, "warning"),
        );
        let infos = report.count(Severity::Info);
        if infos > 0 {
            line.push_str(&format!(" · {}", plural(infos, "info")));
        }
        let colour = if file.fails() {
            self.bad
        } else if warnings > 0 {
            self.doubtful
        } else {
            self.good
        };
        line.style(colour).to_string()
    }
}

/// The posting's requirements: covered or not, and where in the letter.
fn coverage(file: &Linted) -> String {
    let Some(matched) = &file.report.posting else {
        return String::new();
    };
    let posting = &matched.posting;
    let name = |stated: &Option<crate::posting::Stated>| match stated {
        Some(s) if s.sure => s.text.clone(),
        Some(s) => format!("{}?", s.text),
        None => "?".to_string(),
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
            let covered = match c.judgement {
                Judgement::Covered => "yes",
                Judgement::Missed => "no",
                Judgement::Gap => "gap",
            };
            let at = c
                .letter_line
                .map_or(String::new(), |l| format!("letter line {l}"));
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
    if !posting.themes.is_empty() {
        let _ = writeln!(out, "  themes: {}", posting.themes.join(", "));
    }
    out.push('\n');
    out
}
