use super::Rule;
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::lexicon::PhraseSet;
use serde::Deserialize;
use std::collections::HashSet;

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
    fn check(&self, letter: &Letter) -> Vec<Finding> {
        // Without its own company a letter cannot name the wrong one.
        let Some(own) = letter.company().map(str::trim).filter(|c| !c.is_empty()) else {
            return Vec::new();
        };
        let mut others: Vec<&str> = letter
            .run
            .companies
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty() && !own.contains(c) && !c.contains(own))
            .collect();
        // The run lists every letter's company, so most names come many
        // times; keep the first of each, in order.
        let mut seen = HashSet::new();
        others.retain(|c| seen.insert(*c));
        if others.is_empty() {
            return Vec::new();
        }
        // Exact case: "Apex" the company, not "apex" the word.
        let names = PhraseSet::new(others.iter().enumerate().map(|(i, c)| (*c, i, true)), &[]);
        let mut findings = Vec::new();
        for block in &letter.blocks {
            for m in names.in_block(block) {
                findings.push(
                    Finding::at(
                        block.prose.source_range(m.range),
                        format!("names {}, but this letter is for {own}", others[m.id]),
                    )
                    .label("another company"),
                );
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use crate::letter::Letter;
    use crate::rules::Rule;

    fn check(text: &str, companies: &[&str]) -> Vec<String> {
        let companies: Vec<String> = companies.iter().map(|c| c.to_string()).collect();
        let mut letter = Letter::parse(text, false).unwrap();
        letter.run.companies = &companies;
        super::WrongCompany {}
            .check(&letter)
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
    fn own_company_and_unknown_own_company_stay_quiet() {
        let text = "+++\ncompany = \"Kestrel Pay\"\n+++\nKestrel Pay's settlements team.";
        assert!(check(text, &["Kestrel Pay", "Kestrel"]).is_empty());
        assert!(check("I would love to join Kestrel Pay.", &["Kestrel Pay"]).is_empty());
        let text = "+++\ncompany = \"Halyard\"\n+++\nThe apex of my career.";
        assert!(check(text, &["Apex"]).is_empty());
    }
}
