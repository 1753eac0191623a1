//! Reporters: one file per output format, each registered by one line in
//! [`FORMATS`]. Only reporters turn byte offsets into lines and columns.
//!
//! A run writes each letter's report as soon as it and the letters before it
//! are linted, so the letters need not all be held until the end: the worker
//! that linted a letter renders its report, and the reporter writes the
//! rendered reports in order, with what comes before and after them (the
//! JSON document's head and summary, the SARIF log's rules).

mod diff;
mod finding;
mod github;
mod human;
mod json;
mod reporter;
mod sarif;
mod statistics;

pub use reporter::{
    written, Changed, Format, Linted, Output, Rendered, Reporter, Scorecard, Style, WriteError,
};
pub use statistics::Statistics;

/// Every output format `--format` offers, in the order `--help` lists them.
pub static FORMATS: &[Format] = &[human::FORMAT, json::FORMAT, sarif::FORMAT, github::FORMAT];

/// What `--diff` prints in place of a report: each letter's fixes as a
/// unified diff.
pub static DIFF: Format = diff::FORMAT;

/// The format `--format` names.
pub fn format(name: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|format| format.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_its_own_name() {
        for (i, format) in FORMATS.iter().enumerate() {
            assert!(
                FORMATS[..i].iter().all(|f| f.name != format.name),
                "{}",
                format.name
            );
            assert!(std::ptr::eq(super::format(format.name).unwrap(), format));
        }
    }
}
