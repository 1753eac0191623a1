//! `--format json`: the stable report other tools read (DESIGN.md, "JSON report").

use super::reporter::{pretty_at, Format, JsonArray, Linted, Rendered, Reporter, Style};
use crate::diagnostic::Severity;
use crate::fix::Applicability;
use crate::source::LineIndex;
use serde::Serialize;
use std::io::{self, Write};
use std::sync::Mutex;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    tool: Tool,
    /// Always printed empty: the files are written into it one by one.
    files: [File<'a>; 0],
    summary: &'a Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    words: usize,
    score: u32,
    diagnostics: Vec<Diagnostic<'a>>,
    signals: Vec<Signal<'a>>,
    /// Present only when the letter was checked against a job posting.
    #[serde(skip_serializing_if = "Option::is_none")]
    posting: Option<PostingReport<'a>>,
}

#[derive(Serialize)]
struct PostingReport<'a> {
    path: &'a str,
    company: Option<&'a str>,
    role: Option<&'a str>,
    /// False when the posting's shape left its role or company in doubt;
    /// role-mismatch then only suggests.
    certain: bool,
    requirements: Vec<RequirementReport<'a>>,
    themes: &'a [String],
}

#[derive(Serialize)]
struct RequirementReport<'a> {
    text: &'a str,
    line: usize,
    nice_to_have: bool,
    covered: bool,
    /// "covered", "missed", or "gap": the letter says it lacks it.
    status: &'static str,
    letter_line: Option<usize>,
}

#[derive(Serialize)]
struct Signal<'a> {
    signal: &'a str,
    present: bool,
    line: Option<usize>,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    span: Option<Span>,
    penalty: u32,
    help: Option<&'a str>,
    /// Present only when the rule knows what would mend the finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<FixReport<'a>>,
}

#[derive(Serialize)]
struct FixReport<'a> {
    applicability: Applicability,
    message: &'a str,
    edits: Vec<EditReport<'a>>,
}

/// Byte offsets into the file as read, as `span`'s `start` and `end` are.
#[derive(Serialize)]
struct EditReport<'a> {
    start: usize,
    end: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct Span {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize, Default)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

pub(super) const FORMAT: Format = Format {
    name: "json",
    about: None,
    for_people: false,
    new,
};

fn new(_: Style) -> Box<dyn Reporter> {
    Box::new(Json {
        written: Mutex::new(Written {
            files: JsonArray {
                depth: FILES_DEPTH,
                len: 0,
            },
            summary: Summary::default(),
        }),
    })
}

/// Where the file objects sit: in `files`, in the report.
const FILES_DEPTH: usize = 2;

/// Writes the report around the file objects: its head before them, the
/// summary after.
struct Json {
    written: Mutex<Written>,
}

/// The files written so far, and their findings added up.
struct Written {
    files: JsonArray,
    summary: Summary,
}

/// One letter's file object, indented for its place in `files`, and its
/// share of the summary.
struct RenderedFile {
    text: String,
    summary: Summary,
}

impl Reporter for Json {
    fn render(&self, linted: &Linted) -> Rendered {
        let report = &linted.report;
        Rendered::new(RenderedFile {
            text: pretty_at(&file(linted), FILES_DEPTH),
            summary: Summary {
                files: 1,
                errors: report.count(Severity::Error),
                warnings: report.count(Severity::Warning),
                infos: report.count(Severity::Info),
            },
        })
    }

    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        let document = document(&Summary::default());
        let (head, _) = JsonArray::split(&document, "files");
        out.write_all(head.as_bytes())
    }

    fn write(&self, rendered: Rendered, out: &mut dyn Write) -> io::Result<()> {
        let file: RenderedFile = rendered.take();
        let mut written = self.written.lock().expect("no writer panics");
        written.summary.files += file.summary.files;
        written.summary.errors += file.summary.errors;
        written.summary.warnings += file.summary.warnings;
        written.summary.infos += file.summary.infos;
        written.files.push(&file.text, out)
    }

    fn finish(&self, out: &mut dyn Write) -> io::Result<()> {
        let written = self.written.lock().expect("no writer panics");
        written.files.close(out)?;
        let document = document(&written.summary);
        let (_, tail) = JsonArray::split(&document, "files");
        writeln!(out, "{tail}")
    }
}

/// The report with no files in it.
fn document(summary: &Summary) -> String {
    let report = Report {
        version: 1,
        tool: Tool {
            name: "letterlint",
            version: env!("CARGO_PKG_VERSION"),
        },
        files: [],
        summary,
    };
    serde_json::to_string_pretty(&report).expect("reports serialize")
}

fn file(linted: &Linted) -> File<'_> {
    let index = LineIndex::new(&linted.source.text);
    File {
        path: &linted.report.path,
        words: linted.report.words,
        score: linted.report.score,
        diagnostics: linted
            .report
            .diagnostics
            .iter()
            .map(|d| Diagnostic {
                rule: &d.rule,
                severity: d.severity,
                message: &d.message,
                span: d.span.as_ref().map(|s| {
                    let (start, end) = (index.line_col(s.start), index.line_col(s.end));
                    Span {
                        start: s.start,
                        end: s.end,
                        line: start.line,
                        column: start.column,
                        end_line: end.line,
                        end_column: end.column,
                    }
                }),
                penalty: d.penalty,
                help: d.help.as_deref(),
                fix: d.fix.as_ref().map(|fix| FixReport {
                    applicability: fix.applicability,
                    message: &fix.message,
                    edits: fix
                        .edits
                        .iter()
                        .map(|e| EditReport {
                            start: e.range.start,
                            end: e.range.end,
                            replacement: &e.replacement,
                        })
                        .collect(),
                }),
            })
            .collect(),
        signals: linted
            .report
            .signals
            .iter()
            .map(|s| Signal {
                signal: &s.id,
                present: s.present(),
                line: s.at.map(|at| index.line_col(at).line),
            })
            .collect(),
        posting: linted.report.posting.as_ref().map(|m| PostingReport {
            path: &m.posting.path,
            company: m.posting.company.as_ref().map(|c| c.text.as_str()),
            role: m.posting.role.as_ref().map(|r| r.text.as_str()),
            certain: [&m.posting.company, &m.posting.role]
                .iter()
                .all(|s| s.as_ref().is_none_or(|s| s.sure)),
            themes: &m.posting.themes,
            requirements: m
                .coverage
                .iter()
                .map(|c| RequirementReport {
                    text: &c.requirement.text,
                    line: c.requirement.line,
                    nice_to_have: c.requirement.nice,
                    covered: c.covered(),
                    status: c.judgement.as_str(),
                    letter_line: c.letter_line,
                })
                .collect(),
        }),
    }
}
