//! The command line: clap's definition; which command it asks for (a lint
//! run, or one of those in `commands.rs`, completions or the manual page);
//! and the edge where what went wrong becomes the lines printed on standard
//! error.

use crate::commands::{self, CommandError};
use crate::config::Selection;
use crate::config_choice::ConfigChoice;
use crate::diagnostic::Severity;
use crate::fixing::{FixMode, FixOptions};
use crate::inputs::Inputs;
use crate::manual;
use crate::report::{self, Format, Output, Style};
use crate::run::{self, Exit, Problem, RunOptions};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, Parser, Subcommand};
use std::fmt::Display;
use std::io::{self, stderr, stdout, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "letterlint",
    version,
    about = "A linter for cover letters: rustc-style findings and a score",
    after_help = "Exit status: 0 pass, 1 an error-level finding or a score below --min-score (after --fix, of what remains; with --diff, something to fix), 2 the run could not complete.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Letters or folders to lint; a folder lints every .md, .markdown and
    /// .txt below it, and each .tex that is a letter, honouring .gitignore;
    /// `-` reads standard input
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, default_value = "human", value_parser = formats())]
    pub format: &'static Format,

    /// Run only these rules (comma-separated ids)
    #[arg(long, value_delimiter = ',', value_name = "RULES", value_parser = rule_id)]
    pub select: Vec<String>,

    /// Do not run these rules (comma-separated ids)
    #[arg(long, value_delimiter = ',', value_name = "RULES", value_parser = rule_id)]
    pub ignore: Vec<String>,

    /// Fail (exit 1) when a letter scores below N [default: 70]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub min_score: Option<u32>,

    /// `-D warnings`: treat every warning as an error
    #[arg(short = 'D', value_name = "warnings", value_parser = ["warnings"])]
    pub deny: Vec<String>,

    /// When to colour the output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print a rule's documentation: what it checks, why, examples; for a
    /// custom rule, its pattern, message, level and help from the config
    #[arg(long, value_name = "RULE")]
    pub explain: Option<String>,

    /// Print the table of rules: each rule's id, level and what it fires
    /// on; with `--format json`, a JSON array
    #[arg(long)]
    pub list_rules: bool,

    /// Use this configuration file instead of looking for letterlint.toml
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Use no configuration file
    #[arg(long)]
    pub no_config: bool,

    #[arg(long, value_name = "NAME", help = format!(
        "Lint under this profile, whatever the config or front matter says ({})",
        crate::config::PROFILE_NAMES.join(", ")
    ))]
    pub profile: Option<String>,

    /// The file name standard input stands for, in diagnostics and for
    /// finding the config; with no PATH, standard input is read
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Lint only the files of a folder argument that match this glob, or
    /// lie in a folder that does; relative to the folder argument
    /// (repeatable)
    ///
    /// Globs are written as in .gitignore and matched against the path
    /// below the folder argument: one without a slash matches a name at any
    /// depth, one with a slash matches from the folder argument. With
    /// `letterlint letters/`, `--include drafts` lints letters/drafts/ (and
    /// any folder named drafts deeper down), `--include '2024/*.md'` the
    /// Markdown files directly in letters/2024/, and `--include
    /// letters/drafts` nothing. A file named as an argument is always
    /// linted.
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,

    /// Skip the files of a folder argument that match this glob, or lie in a
    /// folder that does; relative to the folder argument (repeatable)
    ///
    /// Matched as --include's globs are: `letterlint --exclude drafts
    /// letters/` skips letters/drafts/ and any folder named drafts below
    /// letters/.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..), help = format!(
        "Lint with N threads, at most {} and no more than the letters [default: one per core]",
        run::MAX_THREADS
    ))]
    pub threads: Option<u16>,

    /// After the findings, a table of rule id, count and files
    #[arg(long)]
    pub statistics: bool,

    /// How much of the scorecard to print under each letter's findings
    #[arg(long, value_enum, default_value_t, value_name = "HOW")]
    pub scorecard: report::Scorecard,

    /// Print only error-level findings and each file's summary line
    #[arg(long, short)]
    pub quiet: bool,

    /// Check the letters against this job posting (markdown or text)
    #[arg(long, value_name = "FILE")]
    pub posting: Option<String>,

    /// Apply the safe fixes (a [Company Name] slot filled from the front
    /// matter) to the letters, then report what remains
    ///
    /// Only files with a fix are written, each all at once, keeping its
    /// permissions; a read-only file is not. Standard input's fixed letter
    /// is printed on standard output, and its report on standard error.
    #[arg(long)]
    pub fix: bool,

    /// With --fix or --diff, apply the unsafe fixes too (another
    /// company's name replaced with the letter's own); the report counts
    /// them as fixable
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print the fixes as a unified diff instead of a report, and write
    /// nothing; exit 1 when there is something to fix
    #[arg(long, conflicts_with = "format")]
    pub diff: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a commented letterlint.toml with every key at its default
    Init,
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    Man,
    /// Serve editors as a language server on standard input and output
    Lsp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// `auto` colours only a terminal, and never when NO_COLOR is set.
    fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// A rule id of `--select` or `--ignore`: `cliche, stack-soup` is two ids.
fn rule_id(id: &str) -> Result<String, &'static str> {
    match id.trim() {
        "" => Err("empty rule id"),
        id => Ok(id.to_string()),
    }
}

/// `--format`'s values: the formats the reporters register.
fn formats() -> impl TypedValueParser<Value = &'static Format> {
    let values = report::FORMATS
        .iter()
        .map(|format| PossibleValue::new(format.name).help(format.about));
    PossibleValuesParser::new(values)
        .map(|name| report::format(&name).expect("clap offers only registered formats"))
}

impl Cli {
    /// Does what the command line asks, printing each problem as a line on
    /// standard error.
    pub fn execute(self) -> ExitCode {
        // The language server speaks on standard output itself.
        if matches!(self.command, Some(Command::Lsp)) {
            return crate::lsp::run();
        }
        // Reports are written in many small pieces, and standard output on
        // its own scans every piece for a line break and writes each line:
        // for a thousand letters that is most of a JSON run. The buffer
        // writes in large blocks; it is flushed here so that a write error
        // is not lost.
        let mut out = BufWriter::new(stdout().lock());
        let mut exit = self.dispatch(&mut out);
        if let Err(e) = report::written(out.flush()) {
            say(Severity::Error, &e);
            exit = Exit::Failed;
        }
        ExitCode::from(exit as u8)
    }

    /// Lints, or does the one other thing the command line asks.
    fn dispatch(mut self, out: &mut dyn Write) -> Exit {
        let unread = commands::refuse_unread(&self.options(), &self.paths, Cli::command);
        let (command, rule) = (self.command.take(), self.explain.take());
        let list_rules = self.list_rules;
        let options = self.into_options();
        let done = match (command, rule) {
            _ if unread.is_err() => unread,
            (Some(Command::Completions { shell }), _) => {
                clap_complete::generate(shell, &mut Cli::command(), "letterlint", out);
                Ok(())
            }
            (Some(Command::Man), _) => {
                let page = manual::render(Cli::command(), out);
                report::written(page).map_err(CommandError::from)
            }
            (Some(Command::Init), _) => commands::init(Path::new("."), out),
            (Some(Command::Lsp), _) => unreachable!("served before a report is set up"),
            (None, Some(id)) => commands::explain(&id, &options, out),
            (None, None) if list_rules => commands::list_rules(&options, out),
            (None, None) => {
                let mut tell = |level, problem: &Problem| say(level, problem);
                return run::run(&options, out, &mut stderr(), &mut tell);
            }
        };
        match done {
            Ok(()) => Exit::Pass,
            Err(e) => {
                say(Severity::Error, &e);
                Exit::Failed
            }
        }
    }

    /// Every option by its clap id, and whether it was given: a default
    /// value counts as not given.
    fn options(&self) -> [(&'static str, bool); 23] {
        [
            ("paths", !self.paths.is_empty()),
            ("format", self.format.name != "human"),
            ("select", !self.select.is_empty()),
            ("ignore", !self.ignore.is_empty()),
            ("min_score", self.min_score.is_some()),
            ("deny", !self.deny.is_empty()),
            ("color", self.color != ColorChoice::Auto),
            ("explain", self.explain.is_some()),
            ("list_rules", self.list_rules),
            ("config", self.config.is_some()),
            ("no_config", self.no_config),
            ("profile", self.profile.is_some()),
            ("stdin_filename", self.stdin_filename.is_some()),
            ("include", !self.include.is_empty()),
            ("exclude", !self.exclude.is_empty()),
            ("threads", self.threads.is_some()),
            ("statistics", self.statistics),
            ("scorecard", self.scorecard != report::Scorecard::default()),
            ("quiet", self.quiet),
            ("posting", self.posting.is_some()),
            ("fix", self.fix),
            ("unsafe_fixes", self.unsafe_fixes),
            ("diff", self.diff),
        ]
    }

    fn into_options(self) -> RunOptions {
        let config = match (self.config, self.no_config) {
            (_, true) => ConfigChoice::None,
            (Some(path), false) => ConfigChoice::File(path),
            (None, false) => ConfigChoice::Discover,
        };
        // `--stdin-filename` alone lints standard input, as in ruff.
        let paths = match (self.paths.is_empty(), &self.stdin_filename) {
            (true, Some(_)) => vec![PathBuf::from("-")],
            _ => self.paths,
        };
        RunOptions {
            inputs: Inputs {
                paths,
                stdin_filename: self.stdin_filename,
                include: self.include,
                exclude: self.exclude,
                config,
                posting: self.posting,
            },
            selection: Selection {
                select: self.select,
                ignore: self.ignore,
                deny_warnings: !self.deny.is_empty(),
                min_score: self.min_score,
                profile: self.profile,
            },
            output: Output {
                format: match self.diff {
                    true => &report::DIFF,
                    false => self.format,
                },
                style: Style {
                    color: self.color.enabled(),
                    quiet: self.quiet,
                    scorecard: self.scorecard,
                    unsafe_fixes: self.unsafe_fixes,
                },
                statistics: self.statistics,
            },
            threads: self.threads.map(usize::from),
            fix: FixOptions {
                mode: match (self.diff, self.fix) {
                    (true, _) => FixMode::Diff,
                    (false, true) => FixMode::Write,
                    (false, false) => FixMode::Report,
                },
                unsafe_fixes: self.unsafe_fixes,
            },
        }
    }
}

/// The one place a problem becomes what the user reads: a line on standard
/// error.
fn say(level: Severity, problem: &dyn Display) {
    let _ = writeln!(stderr(), "{}: {problem}", level.as_str());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `--explain` and `--list-rules` refuse what they do not read only if
    /// `options` knows every option: a new one must be added there.
    #[test]
    fn options_name_every_argument() {
        let listed: Vec<&str> = Cli::parse_from(["letterlint"])
            .options()
            .iter()
            .map(|(id, given)| {
                assert!(!given, "{id} counts as given by default");
                *id
            })
            .collect();
        let defined: Vec<String> = Cli::command()
            .get_arguments()
            .map(|arg| arg.get_id().to_string())
            .filter(|id| id != "help" && id != "version")
            .collect();
        assert_eq!(listed, defined);
    }
}
