//! `[[custom]]` rules from letterlint.toml: a team's own bans (a former
//! employer's code names, a competitor's product), as regex existence rules.

use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use regex::{Regex, RegexBuilder};

/// How large a custom pattern may compile to: a config file must not be able
/// to make every letter slow.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Why a custom rule's pattern cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PatternError {
    #[error("pattern too large: it compiles to more than {0} bytes; simplify it")]
    TooLarge(usize),
    /// The regex crate's own explanation, without its drawing of the pattern.
    #[error("invalid pattern: regex parse error: {0}")]
    Invalid(String),
    /// `""`, `x*`: a finding at every position of every letter.
    #[error("pattern matches empty text, so it would fire everywhere; give it something to match")]
    MatchesEmpty,
}

pub struct CustomRule {
    pattern: Regex,
    message: String,
}

impl CustomRule {
    pub const PENALTY: u32 = 5;
    pub const MAX_PENALTY: u32 = 15;

    pub fn new(pattern: Regex, message: String) -> Self {
        CustomRule { pattern, message }
    }

    /// Compiles a pattern under a size limit, so no config file can make
    /// linting a letter slow or use unbounded memory.
    pub fn compile(pattern: &str) -> Result<Regex, PatternError> {
        let regex = RegexBuilder::new(pattern)
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|e| match e {
                regex::Error::CompiledTooBig(limit) => PatternError::TooLarge(limit),
                other => {
                    let text = other.to_string();
                    let last = text
                        .lines()
                        .rev()
                        .find(|l| !l.trim().is_empty())
                        .unwrap_or("")
                        .trim();
                    PatternError::Invalid(last.trim_start_matches("error: ").to_string())
                }
            })?;
        if regex.is_match("") {
            return Err(PatternError::MatchesEmpty);
        }
        Ok(regex)
    }
}

impl Rule for CustomRule {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        let mut findings = Vec::new();
        for block in &letter.blocks {
            for m in self.pattern.find_iter(block.text()) {
                if !m.is_empty() {
                    findings.push(Finding::at(
                        block.prose.source_range(m.range()),
                        self.message.clone(),
                    ));
                }
            }
        }
        findings
    }
}
