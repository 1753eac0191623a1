//! The commands that are not a lint run: explain a rule, list the rules,
//! write a config file; and which options each of them reads.

use crate::config::{self, Config, ConfigError};
use crate::config_choice;
use crate::explain;
use crate::registry::UnknownRule;
use crate::report::{self, WriteError};
use crate::rules;
use crate::run::RunOptions;
use crate::source::io_cause;
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What a command other than a lint run can fail at.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    /// Two things asked of one run, the second of which it would ignore.
    #[error("{0} cannot be used with {1}")]
    Conflict(&'static str, String),
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

/// The options, by clap id, that `--explain` reads: a custom rule's page
/// comes from the config.
const EXPLAIN_READS: &[&str] = &["explain", "color", "config", "no_config"];
/// The options `--list-rules` reads: the levels it shows are the ones the
/// config and the command line's selection leave.
const LIST_RULES_READS: &[&str] = &[
    "list_rules",
    "color",
    "config",
    "no_config",
    "format",
    "select",
    "ignore",
    "deny",
    "profile",
];

/// `--explain` and `--list-rules` print documentation, not a lint run: an
/// option they do not read would be silently ignored beside them, so it is
/// refused, naming both. `options` is each option by clap id and whether it
/// was given; `definition` names them as the user writes them.
pub fn refuse_unread(
    options: &[(&'static str, bool)],
    paths: &[std::path::PathBuf],
    definition: fn() -> clap::Command,
) -> Result<(), CommandError> {
    let given = |id: &str| options.contains(&(id, true));
    let (command, reads) = match (given("explain"), given("list_rules")) {
        (true, _) => ("--explain", EXPLAIN_READS),
        (false, true) => ("--list-rules", LIST_RULES_READS),
        (false, false) => return Ok(()),
    };
    let unread = options
        .iter()
        .find(|(id, given)| *given && !reads.contains(id));
    let other = match unread {
        None => return Ok(()),
        Some(("paths", _)) => format!("a letter to lint (`{}`)", paths[0].display()),
        Some((id, _)) => flag(&definition(), id),
    };
    Err(CommandError::Conflict(command, other))
}

/// How the user writes the option whose clap id is `id`: `--select`, `-D`.
fn flag(definition: &clap::Command, id: &str) -> String {
    let arg = definition.get_arguments().find(|arg| arg.get_id() == id);
    match arg.map(|arg| (arg.get_long(), arg.get_short())) {
        Some((Some(long), _)) => format!("--{long}"),
        Some((None, Some(short))) => format!("-{short}"),
        _ => id.to_string(),
    }
}

/// `--explain RULE`: what the rule checks, why, and its examples; a custom
/// rule's page comes from the configuration that governs the working folder.
pub fn explain(id: &str, options: &RunOptions, out: &mut dyn Write) -> Result<(), CommandError> {
    let color = options.output.style.color;
    let page = match rules::doc(id) {
        Some(doc) => explain::explain(doc, color),
        None => {
            let config = working_config(options)?;
            let known = config.rule_ids.iter().map(String::as_str);
            let page = explain::custom_page(&config, id, color);
            page.ok_or_else(|| CommandError::UnknownRule(UnknownRule::among(id, known)))?
        }
    };
    Ok(report::written(out.write_all(page.as_bytes()))?)
}

/// `--list-rules`: every rule with its level under the configuration that
/// governs the working folder, as README.md's table or as JSON.
pub fn list_rules(options: &RunOptions, out: &mut dyn Write) -> Result<(), CommandError> {
    let config = working_config(options)?;
    let rules = explain::listed_rules(&config);
    let text = match options.output.format.name {
        "human" => explain::rules_table(&rules),
        "json" => serde_json::to_string_pretty(&rules).expect("rules serialize") + "\n",
        other => {
            let format = format!("--format {other}");
            return Err(CommandError::Conflict("--list-rules", format));
        }
    };
    Ok(report::written(out.write_all(text.as_bytes()))?)
}

/// The configuration that governs the working folder, with the command
/// line's selection on top.
fn working_config(options: &RunOptions) -> Result<Config, ConfigError> {
    let file = options.inputs.config.file_for(None);
    config_choice::load_config(&options.selection, file, &[])
}

/// `letterlint init`: a commented config file in `dir`, never over one.
pub fn init(dir: &Path, out: &mut dyn Write) -> Result<(), CommandError> {
    let path = dir.join(config::FILE_NAME);
    let file = OpenOptions::new().write(true).create_new(true).open(&path);
    match file.and_then(|mut f| f.write_all(config::init_template().as_bytes())) {
        Ok(()) => Ok(report::written(writeln!(out, "wrote {}", path.display()))?),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(CommandError::InitExists(path)),
        Err(e) => Err(CommandError::Init(path, e)),
    }
}
