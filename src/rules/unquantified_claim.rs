use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::metrics::has_number;
use crate::phrases::PhraseSet;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Degree adverbs that inflate a claim: "significantly", "highly", "far".
    intensifiers: Vec<String>,
    /// Phrases in which an intensifier is not one: "so far", "how much".
    not_intensifiers: Vec<String>,
    /// Words that make it a claim about an outcome: "improved", "scalable", "cheaper".
    claims: Vec<String>,
    /// Words that may stand between the two: "much more reliable".
    max_gap: usize,
}

pub struct UnquantifiedClaim {
    intensifiers: PhraseSet,
    claims: PhraseSet,
    max_gap: usize,
}

impl UnquantifiedClaim {
    pub fn new(params: Params) -> Self {
        UnquantifiedClaim {
            intensifiers: PhraseSet::of_words(params.intensifiers, &params.not_intensifiers),
            claims: PhraseSet::of_words(params.claims, &[]),
            max_gap: params.max_gap,
        }
    }

    /// A gap joins intensifier and claim only within one clause: in "so
    /// fast, and reliable" the comma ends the first claim. The gap is read
    /// only as far as `max_gap` words: every intensifier of a long sentence
    /// is checked against the claim after it, and reading each whole gap
    /// would make the sentence quadratic.
    fn joins(&self, gap: &str) -> bool {
        let mut words = 0;
        for token in gap.split_whitespace() {
            if token.contains([',', ';', ':', '—', '–', '(', ')']) {
                return false;
            }
            if token.chars().any(char::is_alphanumeric) {
                words += 1;
                if words > self.max_gap {
                    return false;
                }
            }
        }
        true
    }
}

impl Rule for UnquantifiedClaim {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        let mut findings = Vec::new();
        for (block, range) in letter.sentences() {
            let sentence = block.sentence_text(&range);
            // Any figure in the sentence may be the evidence; a digit is enough.
            if has_number(sentence) {
                continue;
            }
            let words = block.sentence_words(&range);
            let claims: Vec<_> = self.claims.in_words(sentence, &words).collect();
            // Both lists are in text order, so one forward walk pairs them.
            let mut next_claim = claims.iter().peekable();
            let pair = self.intensifiers.in_words(sentence, &words).find_map(|i| {
                while next_claim
                    .peek()
                    .is_some_and(|c| c.range.start < i.range.end)
                {
                    next_claim.next();
                }
                let claim = next_claim.peek()?;
                self.joins(&sentence[i.range.end..claim.range.start])
                    .then_some(i.range.start..claim.range.end)
            });
            if let Some(phrase) = pair {
                let text = sentence[phrase.clone()].to_lowercase();
                let start = range.start + phrase.start;
                let span = block.prose.source_range(start..range.start + phrase.end);
                findings.push(
                    Finding::at(span, format!("\"{text}\" with no number in the sentence"))
                        .label("by how much?"),
                );
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, fires, spans};

    const ID: &str = "unquantified-claim";

    #[test]
    fn intensified_claims_without_a_number() {
        let text = "I significantly improved the performance of several endpoints. The new design is highly scalable and much more reliable. The service is dramatically faster and far cheaper to run.";
        assert_eq!(
            spans(ID, text),
            [
                "significantly improved",
                "highly scalable",
                "dramatically faster"
            ]
        );
        assert_eq!(
            check(ID, text)[0].message,
            "\"significantly improved\" with no number in the sentence"
        );
        assert_eq!(
            spans(ID, "It made our reports far more dependable."),
            ["far more dependable"]
        );
        assert_eq!(
            spans(ID, "I greatly improved the accuracy of their reports."),
            ["greatly improved"]
        );
    }

    #[test]
    fn a_number_in_the_sentence_is_the_evidence() {
        assert!(!fires(
            ID,
            "I significantly improved p99 from 900 ms to 85 ms."
        ));
        assert!(!fires(
            ID,
            "The gateway is highly available and serves 1,900 requests per second."
        ));
    }

    #[test]
    fn intensifiers_without_a_claim_stay_quiet() {
        for text in [
            "I highly recommend the talk your CTO gave.",
            "Payments is a highly regulated industry.",
            "So far we improved the docs.",
            "We run a highly available Postgres cluster.",
            "I learned how much the support team relied on it.",
            "It was significantly harder than it looked, and improved my judgment.",
            "I improved the reporting layer a great deal.",
        ] {
            assert!(!fires(ID, text), "{text}");
        }
    }

    #[test]
    fn code_is_not_prose() {
        assert!(!fires(
            ID,
            "The flag is `highly_scalable = true` in config."
        ));
    }
}
