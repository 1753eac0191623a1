use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::posting::Judgement;
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
        let touched = counted.iter().filter(|c| c.covered()).count();
        let share = touched as f64 / counted.len() as f64;
        if share >= self.min_share {
            return Vec::new();
        }
        let listed = |judgement: Judgement| {
            let all: Vec<String> = counted
                .iter()
                .filter(|c| c.judgement == judgement)
                .map(|c| {
                    format!(
                        "\"{}\" (posting line {})",
                        c.requirement.text, c.requirement.line
                    )
                })
                .collect();
            let more = all.len().saturating_sub(self.max_listed);
            let mut shown = all
                .into_iter()
                .take(self.max_listed)
                .collect::<Vec<_>>()
                .join(", ");
            if more > 0 {
                shown.push_str(&format!(" and {more} more"));
            }
            shown
        };
        let mut message = format!(
            "touches {touched} of the posting's {} requirements",
            counted.len()
        );
        let missed = listed(Judgement::Missed);
        if !missed.is_empty() {
            message.push_str(&format!("; missed {missed}"));
        }
        let gaps = listed(Judgement::Gap);
        if !gaps.is_empty() {
            message.push_str(&format!("; says it lacks {gaps}"));
        }
        vec![Finding::letter_wide(message).strength(1.0 - share)]
    }
}
