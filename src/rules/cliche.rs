use super::rule::{word_list, Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::phrases::PhraseSet;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    phrases: Vec<String>,
    #[serde(default)]
    extra: Vec<String>,
    #[serde(default)]
    allow: Vec<String>,
}

pub struct Cliche {
    phrases: PhraseSet,
}

impl Cliche {
    pub fn new(params: Params) -> Self {
        let phrases = word_list(&params.phrases, &params.extra, &params.allow);
        Cliche {
            phrases: PhraseSet::new(phrases.into_iter().map(|p| (p, 0, false)), &[]),
        }
    }
}

impl Rule for Cliche {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        let mut findings = Vec::new();
        for block in &letter.blocks {
            for m in block.find(&self.phrases) {
                let phrase = &block.text()[m.range.clone()];
                findings.push(
                    Finding::at(
                        block.prose.source_range(m.range),
                        format!("cliché: \"{}\"", phrase.to_lowercase()),
                    )
                    .label("every applicant says this"),
                );
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, spans};

    #[test]
    fn finds_each_stock_phrase_in_any_case() {
        let text =
            "Dear team,\n\nI am a Quick Learner and a team-player who can hit the ground running.";
        assert_eq!(
            spans("cliche", text),
            ["Quick Learner", "team-player", "hit the ground running"]
        );
    }

    #[test]
    fn near_misses_stay_quiet() {
        assert!(!fires(
            "cliche",
            "I am passionate. Our team played well. We learned quickly."
        ));
        assert!(!fires("cliche", "The `team player` field in the schema."));
    }

    #[test]
    fn give_100_percent_counts() {
        assert_eq!(
            spans("cliche", "I always give 100% to every problem."),
            ["give 100%"]
        );
    }
}
