//! The command line: clap's definition; the commands that are not a lint
//! run (explain, list the rules, init, completions, the manual page); and
//! the edge where what went wrong becomes the lines printed on standard
//! error.

use crate::config::{self, ConfigError, Selection};
use crate::config_choice::{self, ConfigChoice};
use crate::diagnostic::Severity;
use crate::explain;
use crate::inputs::Inputs;
use crate::registry::{check_rule_id, UnknownRule};
use crate::report::{self, Format, Output, Style, WriteError};
use crate::run::{self, Exit, Problem, RunOptions};
use crate::source::io_cause;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, Parser, Subcommand};
use std::fmt::Display;
use std::fs::OpenOptions;
use std::io::{self, stderr, stdout, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "letterlint",
    version,
    about = "A linter for cover letters: rustc-style findings and a score",
    after_help = "Exit status: 0 pass, 1 an error-level finding or a score below --min-score, 2 the run could not complete.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Letters or folders to lint; a folder lints every .md, .markdown and
    /// .txt below it, honouring .gitignore; `-` reads standard input
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,

    /// Output format
    #[arg(long, default_value = "human", value_parser = formats())]
    pub format: &'static Format,

    /// Run only these rules (comma-separated ids)
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,

    /// Do not run these rules (comma-separated ids)
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
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

    /// Print a rule's documentation: what it checks, why, examples
    #[arg(long, value_name = "RULE")]
    pub explain: Option<String>,

    /// List every rule with its level and summary
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
    /// finding the config
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Only lint files in folders that match this glob (repeatable)
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,

    /// Skip files in folders that match this glob (repeatable)
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Lint with N threads [default: one per core]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// After the findings, a table of rule id, count and files
    #[arg(long)]
    pub statistics: bool,

    /// How much of the scorecard to print under each letter's findings
    #[arg(long, value_enum, default_value_t, value_name = "HOW")]
    pub scorecard: report::Scorecard,

    /// Print only each file's summary line and errors
    #[arg(long, short)]
    pub quiet: bool,

    /// Check the letters against this job posting (markdown or text)
    #[arg(long, value_name = "FILE")]
    pub posting: Option<String>,
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

/// `--format`'s values: the formats the reporters register.
fn formats() -> impl TypedValueParser<Value = &'static Format> {
    let values = report::FORMATS
        .iter()
        .map(|format| PossibleValue::new(format.name).help(format.about));
    PossibleValuesParser::new(values)
        .map(|name| report::format(&name).expect("clap offers only registered formats"))
}

/// What a command other than a lint run can fail at.
#[derive(Debug, thiserror::Error)]
enum CommandError {
    #[error("--explain: {0}")]
    UnknownRule(UnknownRule),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{}: already exists; letterlint init never overwrites a file", .0.display())]
    InitExists(PathBuf),
    #[error("{}: {}", .0.display(), io_cause(.1))]
    Init(PathBuf, io::Error),
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl Cli {
    /// Does what the command line asks, printing each problem as a line on
    /// standard error.
    pub fn execute(self) -> ExitCode {
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
        let (command, rule) = (self.command.take(), self.explain.take());
        let list_rules = self.list_rules;
        let options = self.into_options();
        let done = match (command, rule) {
            (Some(Command::Completions { shell }), _) => {
                clap_complete::generate(shell, &mut Cli::command(), "letterlint", out);
                Ok(())
            }
            (Some(Command::Man), _) => {
                let page = clap_mangen::Man::new(Cli::command()).render(out);
                report::written(page).map_err(CommandError::from)
            }
            (Some(Command::Init), _) => init(Path::new("."), out),
            (None, Some(id)) => explain(&id, options.output.style.color, out),
            (None, None) if list_rules => list(&options, out),
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

    fn into_options(self) -> RunOptions {
        let config = match (self.config, self.no_config) {
            (_, true) => ConfigChoice::None,
            (Some(path), false) => ConfigChoice::File(path),
            (None, false) => ConfigChoice::Discover,
        };
        RunOptions {
            inputs: Inputs {
                paths: self.paths,
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
                format: self.format,
                style: Style {
                    color: self.color.enabled(),
                    quiet: self.quiet,
                    scorecard: self.scorecard,
                },
                statistics: self.statistics,
            },
            threads: self.threads.map(usize::from),
        }
    }
}

/// The one place a problem becomes what the user reads: a line on standard
/// error.
fn say(level: Severity, problem: &dyn Display) {
    let _ = writeln!(stderr(), "{}: {problem}", level.as_str());
}

/// `--explain RULE`: what the rule checks, why, and its examples.
fn explain(id: &str, color: bool, out: &mut dyn Write) -> Result<(), CommandError> {
    check_rule_id(id).map_err(CommandError::UnknownRule)?;
    Ok(report::written(
        out.write_all(explain::explain(id, color).as_bytes()),
    )?)
}

/// `--list-rules`: every rule with its level under the configuration that
/// governs the working folder.
fn list(options: &RunOptions, out: &mut dyn Write) -> Result<(), CommandError> {
    let file = options.inputs.config.file_for(None);
    let config = config_choice::load_config(&options.selection, file, &[])?;
    Ok(report::written(
        out.write_all(explain::list_rules(&config).as_bytes()),
    )?)
}

/// `letterlint init`: a commented config file in `dir`, never over one.
fn init(dir: &Path, out: &mut dyn Write) -> Result<(), CommandError> {
    let path = dir.join(config::FILE_NAME);
    let file = OpenOptions::new().write(true).create_new(true).open(&path);
    match file.and_then(|mut f| f.write_all(config::init_template().as_bytes())) {
        Ok(()) => Ok(report::written(writeln!(out, "wrote {}", path.display()))?),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(CommandError::InitExists(path)),
        Err(e) => Err(CommandError::Init(path, e)),
    }
}
