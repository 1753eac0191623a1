//! What every reporter works with: the `Reporter` trait, a letter as
//! linted, its rendered report, the output's style, and the JSON helpers
//! the machine formats share. Reporters import it; `mod.rs` only lists
//! them.

use crate::diagnostic::Severity;
use crate::source::Source;
use crate::FileReport;
use serde::Serialize;
use std::any::Any;
use std::io::{self, Write};

/// An output format: its name on the command line and its reporter.
#[derive(Debug)]
pub struct Format {
    pub name: &'static str,
    /// What `--help` says of it, beyond its name.
    pub about: Option<&'static str>,
    /// Whether people read it rather than programs: only then may other
    /// output (the `--statistics` table) share standard output with it.
    pub for_people: bool,
    pub(super) new: fn(Style) -> Box<dyn Reporter>,
}

impl Format {
    /// A reporter for one run.
    pub fn reporter(&self, style: Style) -> Box<dyn Reporter> {
        (self.new)(style)
    }
}

/// Writes one run's reports. Workers render each letter's report while the
/// reporter writes the ones before it, so every method takes `&self`: what
/// the output adds up as it goes (the JSON summary, the SARIF rule indexes)
/// is kept behind a lock that only `write` and `finish` take.
pub trait Reporter: Sync {
    /// One letter's report, rendered by the worker that linted it.
    fn render(&self, file: &Linted) -> Rendered;

    /// Writes what comes before the first letter's report.
    fn start(&self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// Writes one letter's rendered report; letters come in order.
    fn write(&self, rendered: Rendered, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(rendered.take::<String>().as_bytes())
    }

    /// Writes what comes after the last letter's report.
    fn finish(&self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// Hears a problem the run told on standard error (a file not read, a
    /// bad config), before `finish`: a SARIF log records it, since a CI
    /// upload may be all that anyone sees of the run.
    fn problem(&self, _level: Severity, _problem: &str) {}

    /// Writes every report in one go: for callers that hold all their
    /// letters.
    fn report_all(&self, files: &[Linted], out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        for file in files {
            self.write(self.render(file), out)?;
        }
        self.finish(out)
    }
}

/// One letter's report as its reporter rendered it, waiting for its turn
/// to be written. What it holds is that reporter's business: text for most,
/// results still to be numbered for SARIF.
pub struct Rendered(Box<dyn Any + Send>);

impl Rendered {
    pub(super) fn new(content: impl Any + Send) -> Rendered {
        Rendered(Box::new(content))
    }

    /// The content, as the reporter that rendered it knows it.
    pub(super) fn take<T: Any>(self) -> T {
        *self
            .0
            .downcast()
            .expect("a report is written by the reporter that rendered it")
    }
}

/// A letter and what linting it found.
pub struct Linted {
    /// The letter, after its fixes when `--fix` or `--diff` changed it.
    pub source: Source,
    pub report: FileReport,
    /// The score the letter's configuration asks for.
    pub min_score: u32,
    /// What `--fix` or `--diff` changed: the report is of the text after.
    pub changed: Option<Changed>,
}

/// A letter that its fixes changed.
pub struct Changed {
    /// The letter as read, before its fixes.
    pub before: String,
    /// How many fixes were applied.
    pub fixes: usize,
}

impl Linted {
    pub fn new(source: Source, report: FileReport, min_score: u32) -> Linted {
        Linted {
            source,
            report,
            min_score,
            changed: None,
        }
    }

    /// Whether the letter fails the run: a finding at error level, or a
    /// score below the bar its configuration sets.
    pub fn fails(&self) -> bool {
        self.report.count(Severity::Error) > 0 || self.report.score < self.min_score
    }

    /// Whether its fixes would change it: what fails a `--diff` run.
    pub fn would_change(&self) -> bool {
        self.changed.is_some()
    }
}

/// What a run writes: the format, how it looks, and whether the
/// `--statistics` table follows the reports.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub format: &'static Format,
    pub style: Style,
    pub statistics: bool,
}

/// How the human report looks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
    /// Only error-level findings and each file's summary line: `--quiet`.
    pub quiet: bool,
    /// How much of the scorecard: `--scorecard`.
    pub scorecard: Scorecard,
    /// Whether unsafe fixes count as fixable: `--unsafe-fixes`.
    pub unsafe_fixes: bool,
}

/// How much of the scorecard the human report prints: `--scorecard`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Scorecard {
    /// Every signal, and for each one missing, what would show it.
    Full,
    /// Every signal, and what would show a missing one only where no
    /// finding has said it already.
    #[default]
    Short,
    /// No scorecard.
    Off,
}

/// Output that could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write output: {0}")]
pub struct WriteError(io::Error);

/// Whether the output was written, as far as a run cares: a closed pipe
/// (`letterlint … | head`) is not a failure, since what was not written was
/// not wanted.
pub fn written(result: io::Result<()>) -> Result<(), WriteError> {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(WriteError(e)),
        _ => Ok(()),
    }
}

/// The one array of a pretty-printed JSON document that grows letter by
/// letter. serde_json prints the document with that array empty; the
/// elements go between its brackets, indented as they would be in place.
pub(super) struct JsonArray {
    /// How deep the elements are nested in the document.
    pub depth: usize,
    pub len: usize,
}

impl JsonArray {
    /// `document` cut just inside the brackets of the empty array `key`,
    /// the first `key` in it.
    pub(super) fn split<'a>(document: &'a str, key: &str) -> (&'a str, &'a str) {
        let open = format!("\"{key}\": [");
        let at = document.find(&open).expect("the document holds the array") + open.len();
        document.split_at(at)
    }

    pub(super) fn push(&mut self, element: &str, out: &mut dyn Write) -> io::Result<()> {
        let comma = if self.len == 0 { "" } else { "," };
        self.len += 1;
        write!(
            out,
            "{comma}\n{:width$}{element}",
            "",
            width = 2 * self.depth
        )
    }

    /// Closes the array as serde_json does: an empty one stays `[]`.
    pub(super) fn close(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.len == 0 {
            return Ok(());
        }
        write!(out, "\n{:width$}", "", width = 2 * (self.depth - 1))
    }
}

/// `value` pretty-printed as an element of a [`JsonArray`] at `depth`.
pub(super) fn pretty_at(value: &impl Serialize, depth: usize) -> String {
    let text = serde_json::to_string_pretty(value).expect("reports serialize");
    // A line break in a JSON string is escaped, so every raw one is layout.
    text.replace('\n', &format!("\n{:width$}", "", width = 2 * depth))
}

/// The path CI tools match against repository files: forward slashes, no
/// leading `./`, and a name for standard input, which has no path.
pub(super) fn repository_path(path: &str) -> String {
    if path == "-" {
        return "stdin".to_string();
    }
    let path = path.replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    rest.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repository_paths_are_relative_and_forward_slashed() {
        assert_eq!(repository_path("./letters/a.md"), "letters/a.md");
        assert_eq!(repository_path(r".\letters\a.md"), "letters/a.md");
        assert_eq!(repository_path("letters/./a.md"), "letters/./a.md");
        assert_eq!(repository_path("-"), "stdin");
    }
}
