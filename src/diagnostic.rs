//! What a rule reports and what the run makes of it.

use crate::fix::Fix;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The level a rule runs at. `Off` exists so configuration can name it; a
/// diagnostic never carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warn,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warn => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Info => "info",
            Level::Warn => "warn",
            Level::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a rule knows about one problem. The rule set, not the rule, decides
/// its id, severity and penalty, so a rule can never disagree with the
/// user's configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Byte range into the source; `None` for something the whole letter lacks.
    pub span: Option<Range<usize>>,
    pub message: String,
    /// Text printed under the carets.
    pub label: Option<String>,
    /// Replaces the rule's default help line when the finding knows better.
    pub help: Option<String>,
    /// 0..=1: how much of the rule's penalty this finding costs.
    pub strength: f64,
    /// A near miss, reported as info whatever the rule's level.
    pub mild: bool,
    /// What would mend it, when the rule knows.
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn at(span: Range<usize>, message: impl Into<String>) -> Self {
        Finding {
            span: Some(span),
            message: message.into(),
            label: None,
            help: None,
            strength: 1.0,
            mild: false,
            fix: None,
        }
    }

    pub fn letter_wide(message: impl Into<String>) -> Self {
        Finding {
            span: None,
            message: message.into(),
            label: None,
            help: None,
            strength: 1.0,
            mild: false,
            fix: None,
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn strength(mut self, strength: f64) -> Self {
        self.strength = strength.clamp(0.0, 1.0);
        self
    }

    pub fn mild(mut self) -> Self {
        self.mild = true;
        self
    }

    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// A finding stamped with its rule, configured severity and the score it costs.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub span: Option<Range<usize>>,
    pub label: Option<String>,
    pub help: Option<String>,
    pub penalty: u32,
    pub fix: Option<Fix>,
    /// The file the span is in when it is not the letter's own: a file
    /// a LaTeX letter inputs.
    pub path: Option<String>,
}

impl Diagnostic {
    /// The message with the help on a line of its own, for outputs that
    /// carry one text per finding (SARIF, GitHub, an editor).
    pub fn message_with_help(&self) -> String {
        match &self.help {
            Some(help) => format!("{}\nhelp: {help}", self.message),
            None => self.message.clone(),
        }
    }
}
