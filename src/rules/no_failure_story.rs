use super::rule::{word_list, Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::phrases::PhraseSet;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    terms: Vec<String>,
    /// Phrases in which a term means something else.
    not_terms: Vec<String>,
    #[serde(default)]
    extra: Vec<String>,
    #[serde(default)]
    allow: Vec<String>,
}

pub struct NoFailureStory {
    terms: PhraseSet,
}

impl NoFailureStory {
    pub fn new(params: Params) -> Self {
        let terms = word_list(&params.terms, &params.extra, &params.allow);
        NoFailureStory {
            terms: PhraseSet::of_words(terms, &params.not_terms),
        }
    }
}

impl Rule for NoFailureStory {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        if letter.mentions(&self.terms) {
            return Vec::new();
        }
        vec![Finding::letter_wide(
            "nothing about failure: no incident, retry, rollback, timeout or recovery",
        )]
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::fires;

    const ID: &str = "no-failure-story";

    #[test]
    fn one_failure_word_is_enough() {
        for text in [
            "Every provider retry risked a second entry.",
            "I was the incident commander during a 47-minute outage.",
            "We kept a rollback path for two weekends.",
            "The consumer is idempotent on the event ID.",
            "Failed messages go to a dead-letter table.",
            "A circuit breaker per provider stops the cascade.",
            "When a supplier import does go wrong we see which step is slow.",
        ] {
            assert!(!fires(ID, text), "{text}");
        }
    }

    #[test]
    fn success_stories_alone_fire() {
        for text in [
            "I built highly scalable and reliable microservices in Go.",
            "I improved deployment processes and kept our environments secure.",
        ] {
            assert!(fires(ID, text), "{text}");
        }
    }

    #[test]
    fn look_alikes_do_not_count() {
        for text in [
            "I am not afraid of failure, and I learn from failure.",
            "I built the power-outage reports our field crews read.",
            "The shared library removed duplicate work across teams.",
        ] {
            assert!(fires(ID, text), "{text}");
        }
    }
}
