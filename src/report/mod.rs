//! Reporters: one file per output format. Only reporters turn byte offsets
//! into lines and columns.

use crate::source::Source;
use crate::FileReport;
use std::io::{self, Write};

mod human;
mod json;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// A letter and what linting it found.
pub struct Linted {
    pub source: Source,
    pub report: FileReport,
}

pub fn write(format: Format, files: &[Linted], color: bool, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::write(files, color, out),
        Format::Json => json::write(files, out),
    }
}
