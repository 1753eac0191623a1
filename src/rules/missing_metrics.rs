use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use regex::Regex;
use serde::Deserialize;

/// The judging lives in `src/metrics/`, shared with metric-coverage and the
/// scorecard; this rule only says when none was found.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Nouns whose count is scope enough ("40 users", "1,200 tests"): empty
    /// for production roles; the early-career profile fills it.
    scope_nouns: Vec<String>,
}

pub struct MissingMetrics {
    scope: Option<Regex>,
}

impl MissingMetrics {
    pub fn new(params: Params) -> Self {
        let nouns: Vec<String> = params
            .scope_nouns
            .iter()
            .map(|n| regex::escape(n))
            .collect();
        let scope = (!nouns.is_empty()).then(|| {
            Regex::new(&format!(
                r"(?i)\b\d[\d,.]*\+?\s+(?:[\w-]+\s+){{0,2}}?(?:{})\b",
                nouns.join("|")
            ))
            .expect("escaped nouns make a valid regex")
        });
        MissingMetrics { scope }
    }
}

impl Rule for MissingMetrics {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        if !letter.metrics.is_empty() {
            return Vec::new();
        }
        if let Some(scope) = &self.scope {
            if letter.blocks.iter().any(|b| scope.is_match(b.text())) {
                return Vec::new();
            }
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
    fn scope_counts_only_when_configured() {
        use crate::letter::Letter;
        use crate::rules::Rule;
        let letter = Letter::parse(
            "My capstone API served 8 users and ran 350 tests in CI.",
            false,
        )
        .unwrap();
        let early = super::MissingMetrics::new(
            toml::from_str(r#"scope_nouns = ["users", "tests"]"#).unwrap(),
        );
        assert!(early
            .check(&letter, &crate::rules::Context::default())
            .is_empty());
        let default = super::MissingMetrics::new(toml::from_str("scope_nouns = []").unwrap());
        assert_eq!(
            default
                .check(&letter, &crate::rules::Context::default())
                .len(),
            1
        );
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
