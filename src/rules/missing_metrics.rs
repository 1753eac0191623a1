use super::Rule;
use crate::diagnostic::Finding;
use crate::letter::Letter;
use serde::Deserialize;

/// The judging lives in `metrics.rs`, shared with metric-coverage and the
/// scorecard; this rule only says when none was found.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingMetrics {}

impl MissingMetrics {
    pub fn new(params: MissingMetrics) -> Self {
        params
    }
}

impl Rule for MissingMetrics {
    fn check(&self, letter: &Letter) -> Vec<Finding> {
        if !letter.metrics.is_empty() {
            return Vec::new();
        }
        vec![Finding::letter_wide(
            "no quantified outcome anywhere in the letter",
        )]
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::fires;

    #[test]
    fn numbers_that_are_not_outcomes_do_not_count() {
        let text = "Dear team,\n\nI have 8 years of experience and was engineer #3 on the team, which I joined in 2019. I moved 3 legacy clients to Python 3.12 in March 2024. Call me at (555) 014-2298 after 3 p.m. for a 30-minute chat.\n\nBest,\nM";
        assert!(fires("missing-metrics", text));
    }

    #[test]
    fn one_outcome_is_enough() {
        for text in [
            "We scaled from 8,500 to 72,000 orders per minute.",
            "p99 went from 1.8s to 210ms.",
            "Availability held at 99.995%.",
            "The bill dropped from $14k/mo to $1,800.",
            "The ledger runs at 12M+ txns/month.",
        ] {
            assert!(!fires("missing-metrics", text), "{text}");
        }
    }
}
