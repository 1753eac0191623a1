use super::rule::{word_list, Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::lexicon;
use crate::phrases::PhraseSet;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default)]
    extra: Vec<String>,
    #[serde(default)]
    allow: Vec<String>,
}

pub struct NoObservability {
    terms: PhraseSet,
}

impl NoObservability {
    pub fn new(params: Params) -> Self {
        let (terms, not) = lexicon::observability_terms();
        let terms = word_list(&terms, &params.extra, &params.allow);
        NoObservability {
            terms: PhraseSet::new(terms.into_iter().map(|t| (t, 0, false)), &not),
        }
    }
}

impl Rule for NoObservability {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        if letter.mentions(&self.terms) {
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
        ] {
            assert!(fires("no-observability", text), "{text}");
        }
    }
}
