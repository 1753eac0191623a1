//! The resolved configuration of a run: which rules are on, at what level,
//! with which parameters, and the score a letter must reach. Rules are
//! compiled here, once per run, never per letter.

use crate::diagnostic::Level;
use crate::rules::{self, Rule};

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

pub struct Config {
    pub min_score: u32,
    /// `general` turns the engineering rules off.
    pub profile: String,
    pub rules: Vec<ActiveRule>,
}

pub const DEFAULT_MIN_SCORE: u32 = 70;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("unknown rule `{id}`{}", did_you_mean(.suggestion))]
    UnknownRule {
        id: String,
        suggestion: Option<String>,
    },
    #[error("rule `{id}`: {message}")]
    BadParams { id: String, message: String },
}

fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default()
}

/// The closest known name within a small edit distance, for "did you mean".
pub fn suggest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(word, k), k))
        .filter(|(d, k)| *d <= 3.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.to_string())
}

/// What the command line says about rules.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only these rules (empty: all).
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// `-D warnings`: every warning is an error.
    pub deny_warnings: bool,
    pub min_score: Option<u32>,
}

impl Config {
    pub fn new(selection: &Selection) -> Result<Config, ConfigError> {
        for id in selection.select.iter().chain(&selection.ignore) {
            check_rule_id(id)?;
        }
        let mut active = Vec::new();
        for doc in rules::docs() {
            let mut level = doc.level;
            if !selection.select.is_empty() && !selection.select.contains(&doc.id) {
                level = Level::Off;
            }
            if selection.ignore.contains(&doc.id) {
                level = Level::Off;
            }
            if selection.deny_warnings && level == Level::Warn {
                level = Level::Error;
            }
            if level == Level::Off {
                continue;
            }
            let builtin = rules::builtin(&doc.id).expect("docs come from the registry");
            let rule = (builtin.build)(doc.params.clone()).map_err(|e| ConfigError::BadParams {
                id: doc.id.clone(),
                message: e.message().to_string(),
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
        Ok(Config {
            min_score: selection.min_score.unwrap_or(DEFAULT_MIN_SCORE),
            profile: "backend".to_string(),
            rules: active,
        })
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::new(&Selection::default()).expect("built-in rules are valid")
    }
}

pub fn check_rule_id(id: &str) -> Result<(), ConfigError> {
    if rules::doc(id).is_some() {
        return Ok(());
    }
    Err(ConfigError::UnknownRule {
        id: id.to_string(),
        suggestion: suggest(id, rules::docs().iter().map(|d| d.id.as_str())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_rule_suggests_the_closest() {
        let err = check_rule_id("stack-soupp").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown rule `stack-soupp` (did you mean `stack-soup`?)"
        );
        let err = check_rule_id("zzzzzzzzzzzz").unwrap_err();
        assert_eq!(err.to_string(), "unknown rule `zzzzzzzzzzzz`");
    }

    #[test]
    fn select_ignore_and_deny_warnings() {
        let config = Config::new(&Selection {
            select: vec!["cliche".into(), "placeholder".into()],
            ignore: vec!["placeholder".into()],
            deny_warnings: true,
            min_score: Some(90),
        })
        .unwrap();
        let ids: Vec<(&str, Level)> = config
            .rules
            .iter()
            .map(|r| (r.id.as_str(), r.level))
            .collect();
        assert_eq!(ids, [("cliche", Level::Error)]);
        assert_eq!(config.min_score, 90);
    }
}
