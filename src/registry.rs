//! The rules a letter is linted with, built from the layers of a
//! configuration: each rule's defaults, then a profile's overrides, then a
//! config file's, then the command line's say on levels, and the file's
//! custom rules.
//!
//! Rules are compiled here, once per profile per run, never per letter.

use crate::diagnostic::Level;
use crate::rules::{self, custom::CustomRule, Rule};
use crate::suggest::DidYouMean;
use std::collections::BTreeMap;

/// A level and parameter overrides for one rule.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleOverride {
    pub level: Option<Level>,
    pub params: toml::Table,
}

/// Overrides from one layer (a profile or a config file), by rule id.
pub type Overrides = BTreeMap<String, RuleOverride>;

/// A `[[custom]]` existence rule.
#[derive(Debug, Clone)]
pub struct CustomSpec {
    pub id: String,
    /// Compiled when the file is read, so a bad one is reported up front.
    pub pattern: regex::Regex,
    pub message: String,
    pub level: Level,
    pub help: Option<String>,
}

/// A rule ready to run, with everything the run needs to stamp its findings.
pub struct ActiveRule {
    pub id: String,
    pub level: Level,
    pub penalty: u32,
    pub max_penalty: u32,
    pub engineering: bool,
    pub help: String,
    pub rule: Box<dyn Rule>,
}

/// The compiled rules for one profile.
pub struct RuleSet {
    pub profile: String,
    pub engineering: bool,
    pub rules: Vec<ActiveRule>,
}

/// What one rule set is built from, besides the command line.
pub struct Layers<'a> {
    pub profile: &'a str,
    /// `false` silences every engineering rule.
    pub engineering: bool,
    /// Overrides, the later winning: the profile's, then the file's.
    pub overrides: [&'a Overrides; 2],
    pub custom: &'a [CustomSpec],
}

/// A rule's parameters, as the layers left them, that the rule refuses:
/// the config file checks their types, the rule their shape.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("[rules.{id}]: {}", .source.message())]
pub struct InvalidParams {
    pub id: String,
    pub source: Box<toml::de::Error>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("unknown rule `{id}`{hint}")]
pub struct UnknownRule {
    pub id: String,
    pub hint: DidYouMean,
}

/// Whether `id` names a built-in rule.
pub fn check_rule_id(id: &str) -> Result<(), UnknownRule> {
    if rules::doc(id).is_some() {
        return Ok(());
    }
    Err(UnknownRule::among(
        id,
        rules::docs().iter().map(|d| d.id.as_str()),
    ))
}

impl UnknownRule {
    /// `id`, which is none of `known`, with the closest of them as a hint.
    pub fn among<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> UnknownRule {
        UnknownRule {
            id: id.to_string(),
            hint: DidYouMean::new(id, known),
        }
    }
}

/// Every rule id a configuration knows, built-in first, then its custom ones.
pub fn rule_ids(custom: &[CustomSpec]) -> Vec<String> {
    rules::docs()
        .iter()
        .map(|d| d.id.clone())
        .chain(custom.iter().map(|c| c.id.clone()))
        .collect()
}

impl RuleSet {
    /// `command_line` has the last word on each rule's level: `None`
    /// leaves the rule out.
    pub fn build(
        layers: &Layers,
        command_line: impl Fn(&str, Level) -> Option<Level>,
    ) -> Result<RuleSet, InvalidParams> {
        let mut active = Vec::new();
        for doc in rules::docs() {
            let mut level = doc.level;
            let mut params = doc.params.clone();
            for layer in layers.overrides.iter().filter_map(|o| o.get(&doc.id)) {
                level = layer.level.unwrap_or(level);
                params.extend(layer.params.clone());
            }
            let Some(level) = command_line(&doc.id, level) else {
                continue;
            };
            let builtin = rules::builtin(&doc.id).expect("docs come from the registry");
            let rule = (builtin.build)(params).map_err(|source| InvalidParams {
                id: doc.id.clone(),
                source: Box::new(source),
            })?;
            active.push(ActiveRule {
                id: doc.id.clone(),
                level,
                penalty: doc.penalty,
                max_penalty: doc.max_penalty,
                engineering: doc.engineering,
                help: doc.help.clone(),
                rule,
            });
        }
        for spec in layers.custom {
            let Some(level) = command_line(&spec.id, spec.level) else {
                continue;
            };
            active.push(ActiveRule {
                id: spec.id.clone(),
                level,
                penalty: CustomRule::PENALTY,
                max_penalty: CustomRule::MAX_PENALTY,
                engineering: false,
                help: spec.help.clone().unwrap_or_default(),
                rule: Box::new(CustomRule::new(spec.pattern.clone(), spec.message.clone())),
            });
        }
        Ok(RuleSet {
            profile: layers.profile.to_string(),
            engineering: layers.engineering,
            rules: active,
        })
    }
}
