//! `--format github`: GitHub Actions workflow commands, which the runner
//! turns into annotations on the changed lines of a pull request.

use super::reporter::{repository_path, Files, Format, Linted, Rendered, Reporter, Style};
use crate::diagnostic::Severity;
use std::fmt::Write as _;

pub(super) const FORMAT: Format = Format {
    name: "github",
    about: Some("GitHub Actions workflow commands: annotations on the pull request"),
    for_people: false,
    new,
};

fn new(_: Style) -> Box<dyn Reporter> {
    Box::new(Github)
}

struct Github;

impl Reporter for Github {
    /// One workflow command per finding, and an error for a score below
    /// the bar: otherwise a run could fail on warnings alone with nothing
    /// to say why.
    fn render(&self, file: &Linted) -> Rendered {
        let mut out = String::new();
        let files = Files::new(&file.source);
        let path = property(&repository_path(&file.report.path));
        for d in &file.report.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (source, index) = files.of(d);
            let mut properties = format!("file={}", property(&repository_path(&source.path)));
            if let Some(span) = &d.span {
                let (start, end) = (index.line_col(span.start), index.line_col(span.end));
                // GitHub takes a column range only within one line.
                properties += &if start.line == end.line {
                    format!(
                        ",line={},col={},endLine={},endColumn={}",
                        start.line, start.column, end.line, end.column
                    )
                } else {
                    format!(",line={},endLine={}", start.line, end.line)
                };
            }
            let title = property(&format!("letterlint ({})", d.rule));
            let message = d.message_with_help();
            let _ = writeln!(
                out,
                "::{command} {properties},title={title}::{}",
                data(&message)
            );
        }
        let (score, min_score) = (file.report.score, file.min_score);
        if score < min_score {
            let _ = writeln!(
                out,
                "::error file={path},title={}::score {score} is below the minimum {min_score}",
                property("letterlint (score)")
            );
        }
        Rendered::new(out)
    }
}

/// The runner reads one command per line and unescapes these in the message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value also ends at `,` (next property) or `:` (the message).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_escapes_percent_and_line_breaks_only() {
        assert_eq!(
            data("50%: a, b\r\nnext"),
            "50%25: a, b%0D%0Anext",
            "`:` and `,` are safe after the `::`"
        );
    }

    #[test]
    fn property_also_escapes_colon_and_comma() {
        assert_eq!(property("C:\\50%,a\r\nb.md"), "C%3A\\50%25%2Ca%0D%0Ab.md");
    }

    #[test]
    fn percent_is_escaped_first_so_escapes_are_not_doubled() {
        assert_eq!(data("%0A"), "%250A");
        assert_eq!(property("%3A"), "%253A");
    }
}
