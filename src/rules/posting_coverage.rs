use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostingCoverage {
    /// The share of the posting's required items a letter should touch.
    min_share: f64,
    /// How many missed requirements the message lists.
    max_listed: usize,
}

impl PostingCoverage {
    pub fn new(params: PostingCoverage) -> Self {
        params
    }
}

impl Rule for PostingCoverage {
    fn check(&self, _letter: &Letter, context: &Context) -> Vec<Finding> {
        let Some(matched) = context.posting else {
            return Vec::new();
        };
        let required: Vec<_> = matched
            .coverage
            .iter()
            .filter(|c| !c.requirement.nice)
            .collect();
        let counted = if required.is_empty() {
            matched.coverage.iter().collect()
        } else {
            required
        };
        if counted.is_empty() {
            return Vec::new();
        }
        let touched = counted.iter().filter(|c| c.covered).count();
        let share = touched as f64 / counted.len() as f64;
        if share >= self.min_share {
            return Vec::new();
        }
        let missed: Vec<String> = counted
            .iter()
            .filter(|c| !c.covered)
            .take(self.max_listed)
            .map(|c| {
                format!(
                    "\"{}\" (posting line {})",
                    c.requirement.text, c.requirement.line
                )
            })
            .collect();
        let more = counted
            .iter()
            .filter(|c| !c.covered)
            .count()
            .saturating_sub(self.max_listed);
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        vec![Finding::letter_wide(format!(
            "touches {touched} of the posting's {} requirements; missed {}{tail}",
            counted.len(),
            missed.join(", ")
        ))
        .strength(1.0 - share)]
    }
}
