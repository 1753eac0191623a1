//! `[[custom]]` rules from letterlint.toml: a team's own bans (a former
//! employer's code names, a competitor's product), as regex existence rules.

use super::rule::{Context, Rule};
use crate::config::{CustomSpec, REGEX_SIZE_LIMIT};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use regex::{Regex, RegexBuilder};

pub struct CustomRule {
    pattern: Regex,
    message: String,
}

impl CustomRule {
    pub const PENALTY: u32 = 5;
    pub const MAX_PENALTY: u32 = 15;

    pub fn new(spec: &CustomSpec) -> Self {
        CustomRule {
            pattern: spec.pattern.clone(),
            message: spec.message.clone(),
        }
    }

    /// Compiles a pattern under a size limit, so no config file can make
    /// linting a letter slow or use unbounded memory.
    pub fn compile(pattern: &str) -> Result<Regex, String> {
        RegexBuilder::new(pattern)
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|e| match e {
                regex::Error::CompiledTooBig(limit) => {
                    format!(
                        "pattern too large: it compiles to more than {limit} bytes; simplify it"
                    )
                }
                other => {
                    let text = other.to_string();
                    let last = text
                        .lines()
                        .rev()
                        .find(|l| !l.trim().is_empty())
                        .unwrap_or("")
                        .trim();
                    format!(
                        "invalid pattern: regex parse error: {}",
                        last.trim_start_matches("error: ")
                    )
                }
            })
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
