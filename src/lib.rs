//! letterlint reads a cover letter the way a compiler reads code and reports
//! what a hiring manager would object to.
//!
//! ```
//! use letterlint::{lint, Config, Source};
//! let source = Source::new("draft.md", "Dear team,\n\nI am a team player.\n");
//! let report = lint(&source, &Config::default()).unwrap();
//! assert!(report.diagnostics.iter().any(|d| d.rule == "cliche"));
//! ```

/// A built-in `rules/….toml` file, given without its extension, parsed into
/// `T`. The build script (`src/build.rs`) turned it into JSON, so a syntax
/// error failed the build; a wrong shape fails every test run.
macro_rules! embedded {
    ($path:literal) => {
        $crate::embedded::from_json(
            $path,
            include_str!(concat!(env!("OUT_DIR"), "/", $path, ".json")),
        )
    };
}

pub mod cli;
pub mod commands;
pub mod config;
pub mod config_choice;
pub mod diagnostic;
pub mod embedded;
pub mod explain;
pub mod fix;
pub mod fixing;
pub mod forms;
pub mod front_matter;
pub mod inputs;
pub mod letter;
pub mod lexicon;
pub mod lint;
pub mod lsp;
pub mod manual;
pub mod metrics;
pub mod observability;
mod ordered;
pub mod phrases;
pub mod posting;
pub mod read;
pub mod registry;
pub mod report;
pub mod rules;
pub mod run;
pub mod scorecard;
pub mod segment;
pub mod source;
pub mod suggest;
pub mod suppression;
pub mod tex_inputs;
pub mod text;
#[cfg(test)]
mod twins;

pub use config::Config;
pub use diagnostic::{Diagnostic, Finding, Severity};
pub use letter::Letter;
pub use lint::{lint, lint_with_posting, FileReport, LintError};
pub use source::Source;
