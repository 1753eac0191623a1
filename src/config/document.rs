//! A TOML document with the spans of its keys and values, so every error
//! can name the file, line and column it is about, and the checks that
//! config files and profiles share: known keys, levels, rule overrides.

use super::error::{ConfigError, Problem};
use super::params;
use crate::diagnostic::Level;
use crate::registry::{check_rule_id, Overrides, RuleOverride};
use crate::rules;
use crate::suggest::{shown, DidYouMean};
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
            let span = e.span().unwrap_or_default();
            // toml says "duplicate key" and points at it: name it.
            let problem = match text.get(span.clone()) {
                Some(key) if e.message().trim() == "duplicate key" => {
                    Problem::DuplicateKey(key.to_string())
                }
                _ => Problem::Syntax(Box::new(e)),
            };
            error_at(file, text, span.start, problem)
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
        let offset = self.entry(path).map_or(0, |(key, item)| match key {
            Some(key) if !value => key.start,
            _ => item.span().start,
        });
        self.error_at(offset, problem)
    }

    pub(super) fn error_at(&self, offset: usize, problem: Problem) -> ConfigError {
        error_at(self.file, self.text, offset, problem)
    }

    /// The value at `path` as a message quotes it.
    pub(super) fn found(&self, path: &[Step]) -> String {
        self.entry(path)
            .map(|(_, value)| {
                let raw = self.text.get(value.span()).unwrap_or_default();
                shown(raw, value.get_ref())
            })
            .unwrap_or_default()
    }

    /// The key at `path` as a message names it: `` `level` ``, or
    /// ``each item of `companies` `` for an item of a list.
    pub(super) fn name(path: &[Step]) -> String {
        match path {
            [.., Step::Key(key), Step::Index(_)] => format!("each item of `{key}`"),
            [.., Step::Key(key)] => format!("`{key}`"),
            _ => "the value".to_string(),
        }
    }

    /// The value at `path`, with its spans, and the span of its key (none
    /// for an item of a list).
    pub(super) fn entry(
        &self,
        path: &[Step],
    ) -> Option<(Option<Range<usize>>, &Spanned<DeValue<'a>>)> {
        let mut found: Option<(Option<Range<usize>>, &Spanned<DeValue<'a>>)> = None;
        for step in path {
            let table = match found {
                None => &self.spans,
                Some((_, value)) => match value.get_ref() {
                    DeValue::Table(table) => table,
                    DeValue::Array(items) => {
                        let Step::Index(i) = *step else { return None };
                        found = Some((None, items.get(i)?));
                        continue;
                    }
                    _ => return None,
                },
            };
            let Step::Key(key) = *step else { return None };
            let (key, value) = table.get_key_value(key)?;
            found = Some((Some(key.span()), value));
        }
        found
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
        value.as_str().map(str::to_string).ok_or_else(|| {
            let problem = Problem::NotAString {
                key: Self::name(path),
                found: self.found(path),
            };
            self.error(path, true, problem)
        })
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
    /// `base` is what they override besides each rule's defaults: the
    /// profile a config file selects.
    pub(super) fn overrides(&self, base: &Overrides) -> Result<Overrides, ConfigError> {
        let mut overrides = Overrides::new();
        if let Some(words) = self.table.get("words") {
            let path = [Step::Key("words")];
            let words = words
                .as_table()
                .ok_or_else(|| self.not_a_table(&path, "[words]"))?;
            let over = self.rule_params("word-count", words, &path, "words", base)?;
            overrides.insert("word-count".into(), over);
        }
        let Some(rules) = self.table.get("rules") else {
            return Ok(overrides);
        };
        let rules = rules
            .as_table()
            .ok_or_else(|| self.not_a_table(&[Step::Key("rules")], "[rules.<id>]"))?;
        for (id, table) in rules {
            let path = [Step::Key("rules"), Step::Key(id)];
            check_rule_id(id).map_err(|e| self.error(&path, false, e.into()))?;
            let dotted = format!("rules.{id}");
            let table = table
                .as_table()
                .ok_or_else(|| self.not_a_table(&path, &format!("[{dotted}]")))?;
            let over = self.rule_params(id, table, &path, &dotted, base)?;
            let entry = overrides.entry(id.clone()).or_default();
            entry.level = over.level.or(entry.level);
            entry.params.extend(over.params);
        }
        Ok(overrides)
    }

    pub(super) fn not_a_table(&self, path: &[Step], header: &str) -> ConfigError {
        let problem = Problem::NotATable {
            header: header.to_string(),
            found: self.found(path),
        };
        self.error(path, true, problem)
    }

    /// A rule's table at `path`, `[{dotted}]` as written: every key must be
    /// `level` (outside `[words]`) or one of its `[params]`, and the rule
    /// must accept the values over the `base` profile's.
    fn rule_params(
        &self,
        id: &str,
        table: &toml::Table,
        path: &[Step],
        dotted: &str,
        base: &Overrides,
    ) -> Result<RuleOverride, ConfigError> {
        let defaults = &rules::doc(id).expect("checked").params;
        let level_key = (dotted != "words").then_some("level");
        let mut known: Vec<&str> = defaults.keys().map(String::as_str).collect();
        known.extend(level_key);
        self.check_keys(table, path, &known, Some(&format!("[{dotted}]")))?;
        let mut over = RuleOverride::default();
        if let Some(level) = level_key.and_then(|key| table.get(key)) {
            let mut at = path.to_vec();
            at.push(Step::Key("level"));
            over.level = Some(self.level(level, &at)?);
        }
        let mut params = defaults.clone();
        params.extend(base.get(id).into_iter().flat_map(|o| o.params.clone()));
        // Spans and values come from the same text; were they ever to
        // differ, the rule set, built before any letter, still refuses.
        if let Some((_, written)) = self.entry(path) {
            params::check(id, self.text, written, dotted, &params, level_key)
                .map_err(|(at, problem)| self.error_at(at, Problem::Param(Box::new(problem))))?;
        }
        over.params = table
            .iter()
            .filter(|(key, _)| Some(key.as_str()) != level_key)
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        Ok(over)
    }
}

pub(super) fn error_at(file: &str, text: &str, offset: usize, problem: Problem) -> ConfigError {
    let (line, column) = line_col(text, offset);
    ConfigError::At {
        file: file.to_string(),
        line,
        column,
        problem,
    }
}

/// 1-based line and character column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let index = crate::source::LineIndex::new(text);
    let at = index.line_col(offset.min(text.len()));
    (at.line, at.column)
}
