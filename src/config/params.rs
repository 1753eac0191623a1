//! A rule's parameters as a config file writes them, read the way the rule
//! reads them, so that a value it refuses is reported at its place in the
//! file, by its key, and in plain words rather than serde's (`usize`,
//! `a sequence`, `struct Bounds`).

use crate::rules;
use crate::suggest::shown;
use std::borrow::Cow;
use std::ops::Range;
use toml::de::{DeTable, DeValue, Deserializer};
use toml::Spanned;

/// A key as parsed, and where it is written.
type Key<'i> = Spanned<Cow<'i, str>>;

/// Why a rule refuses its parameters. `table` is the header they sit
/// under, as a user would write it: `[words.sections."Day-one proposal"]`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParamProblem {
    /// `what` is the key (`` `min` ``), or ``each item of `extra` ``.
    #[error("{what} in {table} must be {expected}, got {found}")]
    Value {
        what: String,
        table: String,
        expected: String,
        found: String,
    },
    #[error("{table} needs `{key}`")]
    Missing { key: String, table: String },
    /// The rule's own words (`min (500) is above max (100)`), after the
    /// table or key they are about.
    #[error("{place}: {message}")]
    Other { place: String, message: String },
}

/// Reads `written`, the table `[{dotted}]` in the file `text`, over
/// `params` (the rule's defaults and the profile's), leaving out the key
/// `skip`, as rule `id`'s parameters. An error is a byte offset into the
/// file and what is wrong there.
pub(super) fn check(
    id: &str,
    text: &str,
    written: &Spanned<DeValue<'_>>,
    dotted: &str,
    params: &toml::Table,
    skip: Option<&str>,
) -> Result<(), (usize, ParamProblem)> {
    let (Some(builtin), DeValue::Table(table)) = (rules::builtin(id), written.get_ref()) else {
        return Ok(());
    };
    let span = written.span();
    let defaults: Vec<(&str, String)> = params
        .iter()
        .filter(|(key, _)| !table.contains_key(key.as_str()))
        .map(|(key, value)| (key.as_str(), value.to_string()))
        .collect();
    let mut merged = table.clone();
    if let Some(skip) = skip {
        merged.remove(skip);
    }
    // A default has no place in the file: an empty span at the table's.
    let nowhere = span.start..span.start;
    for (key, value) in &defaults {
        if let Ok(value) = DeValue::parse(value) {
            merged.insert(
                Spanned::new(nowhere.clone(), Cow::Borrowed(*key)),
                Spanned::new(nowhere.clone(), value.into_inner()),
            );
        }
    }
    (builtin.check)(Deserializer::from(Spanned::new(span.clone(), merged))).map_err(|e| {
        let at = e.span().unwrap_or(span);
        (at.start, explain(e.message(), text, table, dotted, &at))
    })
}

/// Puts serde's `message` about the value at `at` in plain words, naming
/// the key and the table it is in.
fn explain(
    message: &str,
    text: &str,
    table: &DeTable,
    dotted: &str,
    at: &Range<usize>,
) -> ParamProblem {
    let found = locate(table, at);
    let last = found.keys.split_last();
    if let (Some(expected), Some(value), Some((key, tables))) =
        (expected(message), found.value, last)
    {
        return ParamProblem::Value {
            what: if found.item {
                format!("each item of `{key}`")
            } else {
                format!("`{key}`")
            },
            table: header(dotted, tables, text),
            expected: plain(expected),
            found: shown(text.get(at.clone()).unwrap_or_default(), value),
        };
    }
    // The rule's own words, about a key or a whole table.
    let place = match (found.value, last) {
        (Some(value), Some((key, tables))) if !matches!(value, DeValue::Table(_)) => {
            format!("`{key}` in {}", header(dotted, tables, text))
        }
        _ => header(dotted, &found.keys, text),
    };
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'));
    match missing {
        Some(key) => ParamProblem::Missing {
            key: key.to_string(),
            table: place,
        },
        None => ParamProblem::Other {
            place,
            message: message.replacen("unknown field", "unknown key", 1),
        },
    }
}

/// Where a span falls in a table: the keys down to it, the value there
/// (none when the span is a key: it is about the table holding the key),
/// and whether that value is an item of a list.
#[derive(Default)]
struct Located<'t, 'i> {
    keys: Vec<&'t Key<'i>>,
    value: Option<&'t DeValue<'i>>,
    item: bool,
}

/// The deepest place in `table` that holds `at`. The search is not by
/// nesting alone: a table written as a `[header]` spans only its header.
fn locate<'t, 'i>(table: &'t DeTable<'i>, at: &Range<usize>) -> Located<'t, 'i> {
    let mut best = Located::default();
    search(table, at, &mut Vec::new(), &mut best);
    best
}

fn search<'t, 'i>(
    table: &'t DeTable<'i>,
    at: &Range<usize>,
    keys: &mut Vec<&'t Key<'i>>,
    best: &mut Located<'t, 'i>,
) {
    let holds =
        |span: Range<usize>| !span.is_empty() && span.start <= at.start && at.end <= span.end;
    for (key, value) in table.iter() {
        if holds(key.span()) && keys.len() >= best.keys.len() {
            *best = Located {
                keys: keys.clone(),
                ..Located::default()
            };
        }
        keys.push(key);
        if holds(value.span()) && keys.len() >= best.keys.len() {
            *best = Located {
                keys: keys.clone(),
                value: Some(value.get_ref()),
                item: false,
            };
        }
        match value.get_ref() {
            DeValue::Table(inner) => search(inner, at, keys, best),
            DeValue::Array(items) if best.keys == *keys => {
                if let Some(item) = items.iter().find(|item| holds(item.span())) {
                    best.value = Some(item.get_ref());
                    best.item = true;
                }
            }
            _ => {}
        }
        keys.pop();
    }
}

/// `[words.sections."Day-one proposal"]`: the header of the table the
/// `keys` lead to from `[{dotted}]`, each key spelt as in `text`.
fn header(dotted: &str, keys: &[&Key], text: &str) -> String {
    let mut header = format!("[{dotted}");
    for key in keys {
        header.push('.');
        header.push_str(text.get(key.span()).unwrap_or(key.get_ref()));
    }
    header.push(']');
    header
}

/// What serde says a value should have been: `usize` in "invalid value:
/// integer `-5`, expected usize".
fn expected(message: &str) -> Option<&str> {
    let rest = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))?;
    rest.rsplit_once(", expected ")
        .map(|(_, expected)| expected)
}

/// serde's name for what a Rust type expects, in a config writer's words.
fn plain(expected: &str) -> String {
    let words = match expected {
        "usize" | "u8" | "u16" | "u32" | "u64" | "u128" => "a whole number of 0 or more",
        "isize" | "i8" | "i16" | "i32" | "i64" | "i128" => "a whole number",
        "f32" | "f64" => "a number",
        "a string" | "a borrowed string" | "a character" => "text in quotes",
        "a boolean" => "true or false",
        "a sequence" => "a list",
        "a map" => "a table",
        other if other.starts_with("struct ") => "a table",
        other => {
            return match other.strip_prefix("a tuple of size ") {
                Some(n) => format!("a list of {n} items"),
                None => other.to_string(),
            }
        }
    };
    words.to_string()
}
