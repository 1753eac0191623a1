//! What can be wrong with a configuration, and where it was found.

use super::params::ParamProblem;
use crate::registry::{InvalidParams, UnknownRule};
use crate::rules::custom::PatternError;
use crate::suggest::DidYouMean;

/// A problem, and where it is: a place in a file, a file as a whole, or
/// the command line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    /// `letterlint.toml:7:1: …`.
    #[error("{file}:{line}:{column}: {problem}")]
    At {
        file: String,
        line: usize,
        column: usize,
        problem: Problem,
    },
    #[error("{file}: {problem}")]
    File { file: String, problem: Problem },
    #[error("{0}")]
    Usage(Problem),
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    /// The file is not TOML; the parser says why.
    #[error("{}", .0.message().trim())]
    Syntax(Box<toml::de::Error>),
    #[error("duplicate key `{0}`; keep one of the two")]
    DuplicateKey(String),
    /// Why the file could not be read, as `source::io_cause` puts it.
    #[error("{0}")]
    Unreadable(String),
    #[error("not valid UTF-8 (byte 0x{byte:02x} at byte offset {offset}); save the file as UTF-8")]
    NotUtf8 { byte: u8, offset: usize },
    #[error(transparent)]
    UnknownRule(#[from] UnknownRule),
    #[error(transparent)]
    UnknownProfile(#[from] UnknownProfile),
    #[error(transparent)]
    InvalidParams(#[from] InvalidParams),
    #[error(transparent)]
    Pattern(#[from] PatternError),
    /// Boxed: it is the largest problem, and rare.
    #[error("{0}")]
    Param(Box<ParamProblem>),
    /// `table` is the header the key sits under, as written: `[words]`.
    #[error("unknown key `{key}`{}{hint}", in_table(.table))]
    UnknownKey {
        key: String,
        table: Option<String>,
        hint: DidYouMean,
    },
    #[error("level must be one of error, warn, info, off; found `{found}`{hint}")]
    UnknownLevel { found: String, hint: DidYouMean },
    /// `key` as [`Document::name`](super::document::Document::name) puts it.
    #[error("{key} must be text in quotes, got {found}")]
    NotAString { key: String, found: String },
    /// `[words]`, `[rules.<id>]` or `[rules.cliche]` is not a table.
    #[error("{header} must be a table, got {found}")]
    NotATable { header: String, found: String },
    #[error("`custom` must be [[custom]] tables, got {0}")]
    CustomNotAList(String),
    #[error("each item of `custom` must be a [[custom]] table, got {0}")]
    CustomNotATable(String),
    #[error("a custom rule needs `{0}`")]
    CustomNeeds(&'static str),
    #[error("rule ids are kebab-case (lower-case letters, digits, '-'); found `{0}`")]
    NotKebabCase(String),
    #[error("rule id `{0}` is already taken")]
    TakenId(String),
    #[error("min_score must be a whole number from 0 to 100, got {0}")]
    MinScore(String),
    #[error("companies must be a list of names, got {0}")]
    Companies(String),
    #[error("`{key}` under [latex] must be a list of command names, got {found}")]
    LatexCommands { key: &'static str, found: String },
    #[error(
        "`{0}` is not a LaTeX command name (letters only, as `lettercontent` or `\\lettercontent`)"
    )]
    LatexCommand(String),
}

/// Names the profiles there are, since a user cannot guess them.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("unknown profile `{name}`{hint}; the profiles are {}", .known.join(", "))]
pub struct UnknownProfile {
    pub name: String,
    pub hint: DidYouMean,
    pub known: &'static [&'static str],
}

fn in_table(table: &Option<String>) -> String {
    table
        .as_ref()
        .map(|t| format!(" in {t}"))
        .unwrap_or_default()
}
