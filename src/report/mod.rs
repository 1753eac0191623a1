//! Reporters: one file per output format. Only reporters turn byte offsets
//! into lines and columns.
//!
//! A run writes each letter's report as soon as it and the letters before it
//! are linted, so the letters need not all be held until the end: the worker
//! that linted a letter renders its [`Part`], and a [`Writer`] writes the
//! parts in order, with what comes before and after them (the JSON
//! document's head and summary, the SARIF log's rules).

use crate::diagnostic::Severity;
use crate::source::Source;
use crate::FileReport;
use serde::Serialize;
use std::io::{self, Write};

mod github;
mod human;
mod json;
mod sarif;
mod statistics;

pub use statistics::Statistics;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
}

/// A letter and what linting it found.
pub struct Linted {
    pub source: Source,
    pub report: FileReport,
}

/// How the human report looks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
    /// Only each file's summary line: `--quiet`.
    pub quiet: bool,
}

/// Findings by severity: the JSON summary adds them up.
#[derive(Clone, Copy)]
struct Counts {
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// One letter's share of the output, rendered by the worker that linted it.
pub struct Part {
    content: Content,
    counts: Counts,
}

enum Content {
    /// Ready to write: human or GitHub lines, or a JSON file object.
    Text(String),
    /// SARIF results wait for their rules' indexes, which depend on the
    /// letters before them.
    Sarif(Vec<serde_json::Value>),
}

impl Part {
    pub fn errors(&self) -> usize {
        self.counts.errors
    }
}

/// Renders one letter's report in `format`.
pub fn render(format: Format, style: Style, file: &Linted) -> Part {
    let report = &file.report;
    let counts = Counts {
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        infos: report.count(Severity::Info),
    };
    let content = match format {
        Format::Human => Content::Text(human::render(file, style)),
        Format::Json => Content::Text(json::render(file)),
        Format::Sarif => Content::Sarif(sarif::render(file)),
        Format::Github => Content::Text(github::render(file)),
    };
    Part { content, counts }
}

/// Writes parts in the order they are given, between the head and the tail
/// that the format puts around them.
pub struct Writer(Kind);

enum Kind {
    Text,
    Json(json::Writer),
    Sarif(sarif::Writer),
}

impl Writer {
    pub fn new(format: Format) -> Writer {
        Writer(match format {
            Format::Human | Format::Github => Kind::Text,
            Format::Json => Kind::Json(json::Writer::new()),
            Format::Sarif => Kind::Sarif(sarif::Writer::new()),
        })
    }

    /// Writes the head of the output.
    pub fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        match &self.0 {
            Kind::Text => Ok(()),
            Kind::Json(writer) => writer.start(out),
            Kind::Sarif(writer) => writer.start(out),
        }
    }

    pub fn write(&mut self, part: Part, out: &mut dyn Write) -> io::Result<()> {
        match (&mut self.0, part.content) {
            (Kind::Text, Content::Text(text)) => out.write_all(text.as_bytes()),
            (Kind::Json(writer), Content::Text(text)) => writer.write(&text, part.counts, out),
            (Kind::Sarif(writer), Content::Sarif(results)) => writer.write(results, out),
            _ => panic!("a part must be rendered in the writer's format"),
        }
    }

    /// Writes the tail of the output.
    pub fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        match self.0 {
            Kind::Text => Ok(()),
            Kind::Json(writer) => writer.finish(out),
            Kind::Sarif(writer) => writer.finish(out),
        }
    }
}

/// Writes every report in one go: for callers that hold all their letters.
pub fn write(
    format: Format,
    files: &[Linted],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = Writer::new(format);
    writer.start(out)?;
    for file in files {
        writer.write(render(format, style, file), out)?;
    }
    writer.finish(out)
}

/// The one array of a pretty-printed JSON document that grows letter by
/// letter. serde_json prints the document with that array empty; the
/// elements go between its brackets, indented as they would be in place.
struct JsonArray {
    /// How deep the elements are nested in the document.
    depth: usize,
    len: usize,
}

impl JsonArray {
    /// `document` cut just inside the brackets of the empty array `key`,
    /// the first `key` in it.
    fn split<'a>(document: &'a str, key: &str) -> (&'a str, &'a str) {
        let open = format!("\"{key}\": [");
        let at = document.find(&open).expect("the document holds the array") + open.len();
        document.split_at(at)
    }

    fn push(&mut self, element: &str, out: &mut dyn Write) -> io::Result<()> {
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
    fn close(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.len == 0 {
            return Ok(());
        }
        write!(out, "\n{:width$}", "", width = 2 * (self.depth - 1))
    }
}

/// `value` pretty-printed as an element of a [`JsonArray`] at `depth`.
fn pretty_at(value: &impl Serialize, depth: usize) -> String {
    let text = serde_json::to_string_pretty(value).expect("reports serialize");
    // A line break in a JSON string is escaped, so every raw one is layout.
    text.replace('\n', &format!("\n{:width$}", "", width = 2 * depth))
}

/// The path CI tools match against repository files: forward slashes, no
/// leading `./`, and a name for standard input, which has no path.
fn repository_path(path: &str) -> String {
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
    use super::repository_path;

    #[test]
    fn repository_paths_are_relative_and_forward_slashed() {
        assert_eq!(repository_path("./letters/a.md"), "letters/a.md");
        assert_eq!(repository_path(r".\letters\a.md"), "letters/a.md");
        assert_eq!(repository_path("letters/./a.md"), "letters/./a.md");
        assert_eq!(repository_path("-"), "stdin");
    }
}
