use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::metrics::MetricKind;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricCoverage {
    /// How many of throughput, reliability and latency a letter should quantify.
    min_core_kinds: usize,
}

impl MetricCoverage {
    pub fn new(params: MetricCoverage) -> Self {
        params
    }
}

const CORE: [MetricKind; 3] = [
    MetricKind::Throughput,
    MetricKind::Reliability,
    MetricKind::Latency,
];

impl Rule for MetricCoverage {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        // No figures at all is missing-metrics' finding, not this one's.
        if letter.metrics.is_empty() {
            return Vec::new();
        }
        let has = |kind| letter.metrics.iter().any(|m| m.kind == kind);
        let present: Vec<&str> = CORE
            .iter()
            .filter(|k| has(**k))
            .map(|k| k.as_str())
            .collect();
        let missing: Vec<&str> = CORE
            .iter()
            .filter(|k| !has(**k))
            .map(|k| k.as_str())
            .collect();
        if present.len() < self.min_core_kinds {
            let message = match present.as_slice() {
                [] => "no throughput, reliability or latency figure".to_string(),
                [only] => {
                    format!("of throughput, reliability and latency, only {only} is quantified")
                }
                _ => format!("only {} are quantified", present.join(" and ")),
            };
            return vec![Finding::letter_wide(message)
                .help(format!("add a {} figure", missing.join(" or ")))];
        }
        if has(MetricKind::Throughput) && !has(MetricKind::Reliability) {
            let first = letter
                .metrics
                .iter()
                .find(|m| m.kind == MetricKind::Throughput)
                .expect("present");
            return vec![Finding::at(
                first.span.clone(),
                "throughput without any reliability figure",
            )
            .label("what happened to errors at this rate?")
            .help(
                "name the failure mode, the error rate or the zero-incident window at that load",
            )];
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, fires};

    #[test]
    fn two_core_kinds_with_reliability_pass() {
        assert!(!fires(
            "metric-coverage",
            "Throughput went from 300 to 5,200 documents per second with zero dropped events."
        ));
        assert!(!fires(
            "metric-coverage",
            "p99 fell from 640 to 95 milliseconds and availability held at 99.9%."
        ));
    }

    #[test]
    fn throughput_without_reliability() {
        let findings = check(
            "metric-coverage",
            "It serves 45,000 requests per second and p99 fell from 90 to 12 milliseconds.",
        );
        assert_eq!(
            findings[0].message,
            "throughput without any reliability figure"
        );
    }

    #[test]
    fn one_core_kind_is_not_enough_and_none_is_another_rule() {
        assert!(fires(
            "metric-coverage",
            "Monthly spend fell from $118,000 to $71,000."
        ));
        assert!(!fires(
            "metric-coverage",
            "I have seven years of experience."
        ));
    }
}
