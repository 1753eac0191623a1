use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::fix::{Applicability, Fix};
use crate::letter::Letter;
use crate::suggest::DidYouMean;
use serde::Deserialize;

/// Reads the letter's directives against the run's rule ids, so a typo in a
/// suppression is reported instead of silently suppressing nothing.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvalidSuppression {}

impl InvalidSuppression {
    pub fn new(params: InvalidSuppression) -> Self {
        params
    }
}

const DIRECTIVES: [&str; 3] = ["disable", "enable", "disable-next-line"];

impl Rule for InvalidSuppression {
    fn check(&self, letter: &Letter, context: &Context) -> Vec<Finding> {
        let mut findings = Vec::new();
        for s in &letter.suppressions {
            if s.directive.is_none() {
                findings.push(
                    Finding::at(
                        s.span.clone(),
                        format!(
                            "unknown directive `letterlint-{}`{}",
                            s.word,
                            DidYouMean::new(&s.word, DIRECTIVES)
                        ),
                    )
                    .label("suppresses nothing"),
                );
                continue;
            }
            for (id, span) in &s.rules {
                if !context.rule_ids.contains(id) {
                    let hint = DidYouMean::new(id, context.rule_ids.iter().map(String::as_str));
                    let finding = Finding::at(
                        span.clone(),
                        format!("unknown rule `{id}` in a suppression{hint}"),
                    )
                    .label("suppresses nothing");
                    // Safe: the comment is the writer's note to letterlint,
                    // and the rule it suggests is the one a typo missed.
                    findings.push(match hint.suggestion() {
                        Some(rule) => {
                            finding.fix(Fix::replace(Applicability::Safe, span.clone(), rule))
                        }
                        None => finding,
                    });
                }
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use crate::letter::Letter;
    use crate::rules::{Context, Rule};

    #[test]
    fn unknown_rules_and_directives_are_reported() {
        let text =
            "<!-- letterlint-disable cliche, stack-sup -->\n\n<!-- letterlint-disabel cliche -->\n";
        let rule_ids = ["cliche".to_string(), "stack-soup".to_string()];
        let letter = Letter::parse(text, false).unwrap();
        let context = Context {
            rule_ids: &rule_ids,
            ..Context::default()
        };
        let found = super::InvalidSuppression {}.check(&letter, &context);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "unknown rule `stack-sup` in a suppression (did you mean `stack-soup`?)",
                "unknown directive `letterlint-disabel` (did you mean `disable`?)",
            ]
        );
        let fixed = crate::fix::apply(text, found.iter().filter_map(|f| f.fix.as_ref()));
        assert_eq!(
            fixed.text,
            "<!-- letterlint-disable cliche, stack-soup -->\n\n<!-- letterlint-disabel cliche -->\n"
        );
    }
}
