use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::observability::Observability;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    extra: Vec<String>,
    #[serde(default)]
    allow: Vec<String>,
}

/// Fires when no observability word appears in its engineering sense; the
/// senses are `observability.rs`'s, the same the scorecard reads.
pub struct NoObservability {
    words: Observability,
}

impl NoObservability {
    pub fn new(params: Params) -> Self {
        NoObservability {
            words: Observability::new(&params.extra, &params.allow),
        }
    }
}

impl Rule for NoObservability {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        if self.words.first_in(letter).is_some() {
            return Vec::new();
        }
        vec![Finding::letter_wide(
            "no word of observability: nothing about logs, traces, dashboards, alerts or on-call",
        )]
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::fires;

    #[test]
    fn one_mention_is_enough() {
        for text in [
            "I added OpenTelemetry spans to each stage.",
            "The alert pages us on unreconciled balances.",
            "I joined the on-call rotation.",
            "We wrote a postmortem.",
            "Structured logs carry a batch ID.",
            "I wrote the runbook and led the incident to its root cause.",
        ] {
            assert!(!fires("no-observability", text), "{text}");
        }
    }

    #[test]
    fn look_alikes_are_not_observability() {
        for text in [
            "I read your engineering blog and the catalog page after login.",
            "Customers paging through years of history hit timeouts.",
            "I worked on a telemetry unit for six years.",
            "We wrote a one-page summary for the web page.",
            "My experience spans payments and search, and I track the key metrics.",
            "I built the Looker dashboards that track sales by store.",
            "I spent three years at Datadog on pricing.",
        ] {
            assert!(fires("no-observability", text), "{text}");
        }
    }
}
