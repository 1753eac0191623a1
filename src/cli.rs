//! The command line: clap's definition and its translation into a run.

use crate::config::Selection;
use crate::report::Format;
use crate::run::{ColorChoice, ConfigChoice, RunOptions, Task};
use clap::{CommandFactory, Parser, Subcommand};
use std::path::PathBuf;

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
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

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

/// The clap definition, for completions and the manual page.
pub fn command() -> clap::Command {
    Cli::command()
}

impl Cli {
    pub fn into_options(self) -> RunOptions {
        let task = match (self.command, self.explain, self.list_rules) {
            (Some(Command::Init), _, _) => Task::Init(PathBuf::from(".")),
            (Some(Command::Completions { shell }), _, _) => Task::Completions(shell),
            (Some(Command::Man), _, _) => Task::Man,
            (None, Some(id), _) => Task::Explain(id),
            (None, None, true) => Task::ListRules,
            (None, None, false) => Task::Lint,
        };
        let config = match (self.config, self.no_config) {
            (_, true) => ConfigChoice::None,
            (Some(path), false) => ConfigChoice::File(path),
            (None, false) => ConfigChoice::Discover,
        };
        RunOptions {
            task,
            paths: self.paths,
            format: self.format,
            selection: Selection {
                select: self.select,
                ignore: self.ignore,
                deny_warnings: !self.deny.is_empty(),
                min_score: self.min_score,
                profile: self.profile,
            },
            config,
            color: self.color,
            stdin_filename: self.stdin_filename,
            include: self.include,
            exclude: self.exclude,
            threads: self.threads.map(usize::from),
            statistics: self.statistics,
            quiet: self.quiet,
            posting: self.posting,
        }
    }
}
