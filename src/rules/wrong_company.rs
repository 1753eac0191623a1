use super::rule::{verbatim, Context, Rule};
use crate::diagnostic::Finding;
use crate::fix::{Applicability, Fix};
use crate::letter::Letter;
use serde::Deserialize;

/// The other companies come from the run (other letters' front matter, the
/// config's `companies`), so the rule has nothing of its own to configure.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrongCompany {}

impl WrongCompany {
    pub fn new(params: WrongCompany) -> Self {
        params
    }
}

impl Rule for WrongCompany {
    fn check(&self, letter: &Letter, context: &Context) -> Vec<Finding> {
        // Without its own company a letter cannot name the wrong one.
        let Some(own) = letter.company().map(str::trim).filter(|c| !c.is_empty()) else {
            return Vec::new();
        };
        let Some(companies) = context.companies else {
            return Vec::new();
        };
        let mut findings = Vec::new();
        for block in &letter.blocks {
            for (range, name) in companies.in_words(block.text(), block.words()) {
                if own.contains(name) || name.contains(own) {
                    continue;
                }
                let span = block.prose.source_range(range.clone());
                let finding = Finding::at(
                    span.clone(),
                    format!("names {name}, but this letter is for {own}"),
                )
                .label("another company");
                // Unsafe: the other company may be a former employer, named
                // on purpose.
                findings.push(match verbatim(letter, &span, &block.text()[range]) {
                    true => finding.fix(Fix::replace(Applicability::Unsafe, span, own)),
                    false => finding,
                });
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use crate::letter::Letter;
    use crate::lexicon::Companies;
    use crate::rules::{Context, Rule};

    fn check(text: &str, companies: &[&str]) -> Vec<String> {
        let names: Vec<String> = companies.iter().map(|c| c.to_string()).collect();
        let companies = Companies::new(&names);
        let letter = Letter::parse(text, false).unwrap();
        let context = Context {
            companies: Some(&companies),
            ..Context::default()
        };
        super::WrongCompany {}
            .check(&letter, &context)
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn another_letters_company_in_this_letter() {
        let text =
            "+++\ncompany = \"Halyard Logistics\"\n+++\nI would love to bring this to Kestrel Pay.";
        assert_eq!(
            check(text, &["Kestrel Pay"]),
            ["names Kestrel Pay, but this letter is for Halyard Logistics"]
        );
    }

    #[test]
    fn the_unsafe_fix_writes_the_letters_own_company() {
        let text =
            "+++\ncompany = \"Halyard Logistics\"\n+++\nI would love to bring this to Kestrel Pay.";
        let names = ["Kestrel Pay".to_string()];
        let companies = Companies::new(&names);
        let letter = Letter::parse(text, false).unwrap();
        let context = Context {
            companies: Some(&companies),
            ..Context::default()
        };
        let fix = super::WrongCompany {}
            .check(&letter, &context)
            .remove(0)
            .fix
            .unwrap();
        assert_eq!(fix.applicability, crate::fix::Applicability::Unsafe);
        assert_eq!(
            crate::fix::apply(text, [&fix]).text,
            text.replace("to Kestrel Pay", "to Halyard Logistics")
        );
    }

    #[test]
    fn own_company_and_unknown_own_company_stay_quiet() {
        let text = "+++\ncompany = \"Kestrel Pay\"\n+++\nKestrel Pay's settlements team.";
        assert!(check(text, &["Kestrel Pay", "Kestrel"]).is_empty());
        assert!(check("I would love to join Kestrel Pay.", &["Kestrel Pay"]).is_empty());
        let text = "+++\ncompany = \"Halyard\"\n+++\nThe apex of my career.";
        assert!(check(text, &["Apex"]).is_empty());
    }
}
