//! Reporters: one file per output format. Only reporters turn byte offsets
//! into lines and columns.

use crate::source::Source;
use crate::FileReport;
use std::io::{self, Write};

mod github;
mod human;
mod json;
mod sarif;
mod statistics;

pub use statistics::statistics;

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

pub fn write(
    format: Format,
    files: &[Linted],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::write(files, style, out),
        Format::Json => json::write(files, out),
        Format::Sarif => sarif::write(files, out),
        Format::Github => github::write(files, out),
    }
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
