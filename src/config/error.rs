//! What can be wrong with a configuration, and where it was found.

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
    /// Why the file could not be read, as `source::io_cause` puts it.
    #[error("{0}")]
    Unreadable(String),
    #[error(transparent)]
    UnknownRule(#[from] UnknownRule),
    #[error(transparent)]
    UnknownProfile(#[from] UnknownProfile),
    #[error(transparent)]
    InvalidParams(#[from] InvalidParams),
    #[error(transparent)]
    Pattern(#[from] PatternError),
    /// `table` is the header the key sits under, as written: `[words]`.
    #[error("unknown key `{key}`{}{hint}", in_table(.table))]
    UnknownKey {
        key: String,
        table: Option<String>,
        hint: DidYouMean,
    },
    #[error("level must be one of error, warn, info, off; found `{found}`{hint}")]
    UnknownLevel { found: String, hint: DidYouMean },
    /// A rule parameter of another TOML type than its default.
    #[error("`{key}` must be {}, found {found}", article(.expected))]
    WrongType {
        key: String,
        expected: &'static str,
        found: &'static str,
    },
    #[error("expected a string, found {0}")]
    NotAString(&'static str),
    /// `[words]`, `[rules.<id>]` or `[rules.cliche]` is not a table.
    #[error("expected a table: {0}")]
    NotATable(String),
    #[error("expected [[custom]] tables")]
    CustomNotAList,
    #[error("expected a table")]
    CustomNotATable,
    #[error("a custom rule needs `{0}`")]
    CustomNeeds(&'static str),
    #[error("rule ids are kebab-case (lower-case letters, digits, '-'); found `{0}`")]
    NotKebabCase(String),
    #[error("rule id `{0}` is already taken")]
    TakenId(String),
    #[error("min_score must be a whole number from 0 to 100")]
    MinScore,
    #[error("companies must be a list of names")]
    Companies,
    #[error("`{0}` under [latex] must be a list of command names")]
    LatexCommands(&'static str),
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

fn article(type_name: &str) -> String {
    match type_name {
        "integer" | "array" => format!("an {type_name}"),
        other => format!("a {other}"),
    }
}
