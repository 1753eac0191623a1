use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use serde::Deserialize;

/// Reports the front matter entries letterlint ignores, so a misspelt or
/// mistyped `company` does not switch wrong-company off in silence.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvalidFrontMatter {}

impl InvalidFrontMatter {
    pub fn new(params: InvalidFrontMatter) -> Self {
        params
    }
}

impl Rule for InvalidFrontMatter {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        letter
            .front_matter
            .misfits
            .iter()
            .map(|misfit| {
                Finding::at(misfit.span.clone(), misfit.problem.to_string()).label("ignored")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::check;

    #[test]
    fn every_misfit_is_a_finding_and_known_keys_are_quiet() {
        let found = check(
            "invalid-front-matter",
            "+++\ncompny = \"Acme\"\ncompany = 12\nrole = \"SRE\"\n+++\nDear team,\n",
        );
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "front matter `company` must be text, got 12",
                "unknown front matter key `compny` (did you mean `company`?)",
            ]
        );
        assert!(check(
            "invalid-front-matter",
            "---\ncompany: Acme\nrole: SRE\n---\nDear team,\n"
        )
        .is_empty());
    }
}
