//! A TOML document with the spans of its keys and values, so every error
//! can name the file, line and column it is about, and the checks that
//! config files and profiles share: known keys, levels, rule overrides.

use super::error::{ConfigError, Problem};
use crate::diagnostic::Level;
use crate::registry::{check_rule_id, Overrides, RuleOverride};
use crate::rules;
use crate::suggest::DidYouMean;
use std::borrow::Cow;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

pub(super) struct Document<'a> {
    file: &'a str,
    text: &'a str,
    table: toml::Table,
    spans: DeTable<'a>,
}

/// A step in a path to a key: a table key or an array index.
#[derive(Clone, Copy)]
pub(super) enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

const LEVELS: [&str; 4] = ["error", "warn", "info", "off"];

impl<'a> Document<'a> {
    pub(super) fn parse(file: &'a str, text: &'a str) -> Result<Self, ConfigError> {
        let syntax = |e: toml::de::Error| {
            let (line, column) = line_col(text, e.span().map_or(0, |s| s.start));
            ConfigError::At {
                file: file.to_string(),
                line,
                column,
                problem: Problem::Syntax(Box::new(e)),
            }
        };
        let spans = DeTable::parse(text).map_err(syntax)?.into_inner();
        let table = toml::from_str(text).map_err(syntax)?;
        Ok(Document {
            file,
            text,
            table,
            spans,
        })
    }

    /// The top-level table.
    pub(super) fn table(&self) -> &toml::Table {
        &self.table
    }

    /// An error at the key (or, with `value`, the value) at `path`.
    pub(super) fn error(&self, path: &[Step], value: bool, problem: Problem) -> ConfigError {
        let offset = self.span(path, value).map_or(0, |s| s.start);
        let (line, column) = line_col(self.text, offset);
        ConfigError::At {
            file: self.file.to_string(),
            line,
            column,
            problem,
        }
    }

    /// Finds the key (or, with `value`, the value) at `path` in the spans.
    fn span(&self, path: &[Step], value: bool) -> Option<Range<usize>> {
        let mut table = &self.spans;
        let mut current: Option<(&Spanned<Cow<'_, str>>, &Spanned<DeValue>)> = None;
        let mut array_value: Option<&Spanned<DeValue>> = None;
        for step in path {
            match *step {
                Step::Key(key) => {
                    let entry = table.get_key_value(key)?;
                    current = Some(entry);
                    array_value = None;
                    if let Some(t) = entry.1.get_ref().as_table() {
                        table = t;
                    }
                }
                Step::Index(i) => {
                    let (_, v) = current?;
                    let item = v.get_ref().as_array()?.get(i)?;
                    array_value = Some(item);
                    if let Some(t) = item.get_ref().as_table() {
                        table = t;
                    }
                }
            }
        }
        match (array_value, current) {
            (Some(item), _) => Some(item.span()),
            (None, Some((key, val))) => Some(if value { val.span() } else { key.span() }),
            _ => None,
        }
    }

    /// Every key of `table` must be one of `known`; `header` names the
    /// table in the message, as written (`[words]`), unless it is the top.
    pub(super) fn check_keys(
        &self,
        table: &toml::Table,
        path: &[Step],
        known: &[&str],
        header: Option<&str>,
    ) -> Result<(), ConfigError> {
        let Some(key) = table.keys().find(|k| !known.contains(&k.as_str())) else {
            return Ok(());
        };
        let mut at = path.to_vec();
        at.push(Step::Key(key));
        let problem = Problem::UnknownKey {
            key: key.clone(),
            table: header.map(str::to_string),
            hint: DidYouMean::new(key, known.iter().copied()),
        };
        Err(self.error(&at, false, problem))
    }

    pub(super) fn string(&self, value: &toml::Value, path: &[Step]) -> Result<String, ConfigError> {
        value
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| self.error(path, true, Problem::NotAString(value.type_str())))
    }

    pub(super) fn level(&self, value: &toml::Value, path: &[Step]) -> Result<Level, ConfigError> {
        let text = self.string(value, path)?;
        match text.as_str() {
            "error" => Ok(Level::Error),
            "warn" => Ok(Level::Warn),
            "info" => Ok(Level::Info),
            "off" => Ok(Level::Off),
            other => Err(self.error(
                path,
                true,
                Problem::UnknownLevel {
                    found: other.to_string(),
                    hint: DidYouMean::new(other, LEVELS),
                },
            )),
        }
    }

    /// `[words]` and `[rules.<id>]`, shared by config files and profiles.
    pub(super) fn overrides(&self) -> Result<Overrides, ConfigError> {
        let mut overrides = Overrides::new();
        if let Some(words) = self.table.get("words") {
            let path = [Step::Key("words")];
            let words = words
                .as_table()
                .ok_or_else(|| self.error(&path, true, Problem::NotATable("[words]".into())))?;
            let over = self.rule_params("word-count", words, &path, &[])?;
            overrides.insert("word-count".into(), over);
        }
        let Some(rules) = self.table.get("rules") else {
            return Ok(overrides);
        };
        let rules = rules.as_table().ok_or_else(|| {
            let problem = Problem::NotATable("[rules.<id>]".into());
            self.error(&[Step::Key("rules")], true, problem)
        })?;
        for (id, table) in rules {
            let path = [Step::Key("rules"), Step::Key(id)];
            check_rule_id(id).map_err(|e| self.error(&path, false, e.into()))?;
            let table = table.as_table().ok_or_else(|| {
                self.error(&path, true, Problem::NotATable(format!("[rules.{id}]")))
            })?;
            let mut over = self.rule_params(id, table, &path, &["level"])?;
            if let Some(level) = table.get("level") {
                let path = [Step::Key("rules"), Step::Key(id), Step::Key("level")];
                over.level = Some(self.level(level, &path)?);
            }
            let entry = overrides.entry(id.clone()).or_default();
            entry.level = over.level.or(entry.level);
            entry.params.extend(over.params);
        }
        Ok(overrides)
    }

    /// A rule's parameters: every key must be one of its `[params]`, of the
    /// same type as the default.
    fn rule_params(
        &self,
        id: &str,
        table: &toml::Table,
        path: &[Step],
        extra_keys: &[&str],
    ) -> Result<RuleOverride, ConfigError> {
        let defaults = &rules::doc(id).expect("checked").params;
        let mut known: Vec<&str> = defaults.keys().map(String::as_str).collect();
        known.extend(extra_keys);
        let header = if id == "word-count" && matches!(path, [Step::Key("words")]) {
            "[words]".to_string()
        } else {
            format!("[rules.{id}]")
        };
        self.check_keys(table, path, &known, Some(&header))?;
        let mut params = toml::Table::new();
        for (key, value) in table {
            let Some(default) = defaults.get(key) else {
                continue;
            };
            if !value.same_type(default) {
                let mut at = path.to_vec();
                at.push(Step::Key(key));
                let problem = Problem::WrongType {
                    key: key.clone(),
                    expected: default.type_str(),
                    found: value.type_str(),
                };
                return Err(self.error(&at, true, problem));
            }
            params.insert(key.clone(), value.clone());
        }
        Ok(RuleOverride {
            level: None,
            params,
        })
    }
}

/// 1-based line and character column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let index = crate::source::LineIndex::new(text);
    let at = index.line_col(offset.min(text.len()));
    (at.line, at.column)
}
