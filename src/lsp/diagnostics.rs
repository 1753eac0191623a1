//! A letter's findings as the editor shows them: each at its span (a
//! letter-wide one on the first line of the body), with its severity, its
//! rule as the code, and the help line under the message.

use super::position::{Encoding, Lines};
use crate::config::ConfigError;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::FileReport;
use crate::tex_inputs::Unfollowed;
use lsp_types::{
    Diagnostic as LspDiagnostic, DiagnosticSeverity, NumberOrString, Range as LspRange,
};
use std::ops::Range;
use std::path::Path;

/// What every diagnostic of the server says it comes from.
pub const SOURCE: &str = "letterlint";

pub fn from_report(report: &FileReport, lines: &Lines) -> Vec<LspDiagnostic> {
    report
        .diagnostics
        .iter()
        .map(|d| from_finding(report, d, lines))
        .collect()
}

pub fn from_finding(report: &FileReport, d: &Diagnostic, lines: &Lines) -> LspDiagnostic {
    let message = d.message_with_help();
    LspDiagnostic {
        range: lines.range(&span(report, d)),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.clone())),
        source: Some(SOURCE.to_string()),
        message,
        ..LspDiagnostic::default()
    }
}

/// Where a finding is shown: its span, or for a letter-wide one the line
/// the report chose.
pub fn span(report: &FileReport, d: &Diagnostic) -> Range<usize> {
    d.span.clone().unwrap_or(report.letter_wide_at.clone())
}

/// Something that kept the letter, or part of it, from being linted: a
/// front matter that does not parse, a posting that cannot be read.
pub fn problem(range: LspRange, message: String) -> LspDiagnostic {
    LspDiagnostic {
        range,
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_string()),
        message,
        ..LspDiagnostic::default()
    }
}

/// An `\input` the letter's files could not supply, on its command.
pub fn unfollowed(input: &Unfollowed, lines: &Lines) -> LspDiagnostic {
    let at = lines.char_offset(input.line, input.column);
    let end = at + input.command.len();
    let message = format!("`{}` not followed: {}", input.command, input.why);
    LspDiagnostic {
        severity: Some(DiagnosticSeverity::WARNING),
        ..problem(lines.range(&(at..end)), message)
    }
}

/// A config file's error, shown in the file where it points.
pub fn config_error(file: &Path, error: &ConfigError, encoding: Encoding) -> LspDiagnostic {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let lines = Lines::new(&text, encoding);
    let (offset, message) = match error {
        ConfigError::At {
            line,
            column,
            problem,
            ..
        } => (lines.char_offset(*line, *column), problem),
        ConfigError::File { problem, .. } | ConfigError::Usage(problem) => (0, problem),
    };
    let end = lines.line_end(lines.line_start(offset)).max(offset);
    problem(lines.range(&(offset..end)), message.to_string())
}
