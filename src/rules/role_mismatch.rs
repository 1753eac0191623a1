use super::lazy_regex::LazyRegex;
use super::rule::{verbatim, Context, Rule};
use crate::diagnostic::Finding;
use crate::fix::{Applicability, Fix};
use crate::letter::Letter;
use crate::posting::{same_company, Stated};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Nouns a job title ends with.
    role_nouns: Vec<String>,
}

pub struct RoleMismatch {
    /// "the Senior Backend Engineer role": the title a letter applies for.
    /// Compiled only when a letter is linted against a posting.
    applied_for: LazyRegex,
}

impl RoleMismatch {
    pub fn new(params: Params) -> Self {
        let nouns: Vec<String> = params.role_nouns.iter().map(|n| regex::escape(n)).collect();
        let applied_for = LazyRegex::new(format!(
            r"\b(?:the|your|this)\s+(?P<title>(?:[\w&/+.-]+\s+){{0,5}}?(?i:{})s?(?:,\s*[\w&/ -]+?)?)\s+(?:role|position|opening|job|vacancy)\b",
            nouns.join("|")
        ));
        RoleMismatch { applied_for }
    }
}

/// Lower-case words without the team after a comma: "Senior Backend
/// Engineer, Payments" and "senior backend engineer" compare as one title.
fn core_title(title: &str) -> String {
    let head = title.split(',').next().unwrap_or(title);
    head.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Two titles agree when one contains the other: "Backend Engineer" is the
/// "Senior Backend Engineer" role, "Data Engineer" is not.
fn same_title(a: &str, b: &str) -> bool {
    let (a, b) = (core_title(a), core_title(b));
    a.contains(&b) || b.contains(&a)
}

/// A posting whose shape left its role or company in doubt ("Acme —
/// Partnerships": which side is the title?) cannot make a letter wrong:
/// the finding becomes a suggestion that says so.
fn unless_unsure(finding: Finding, theirs: &Stated) -> Finding {
    if theirs.sure {
        return finding;
    }
    let message = format!(
        "{}; letterlint is not sure it read the posting's title right",
        finding.message
    );
    Finding { message, ..finding }.mild()
}

impl Rule for RoleMismatch {
    fn check(&self, letter: &Letter, context: &Context) -> Vec<Finding> {
        let Some(matched) = context.posting else {
            return Vec::new();
        };
        let posting = &matched.posting;
        let mut findings = Vec::new();
        let front = &letter.front_matter;
        if let (Some(company), Some(theirs)) = (&front.company, &posting.company) {
            if !same_company(&company.text, &theirs.text) {
                let message = format!(
                    "this letter is for {}, but the posting is {}'s (posting line {})",
                    company.text, theirs.text, theirs.line
                );
                findings.push(unless_unsure(
                    Finding::at(company.span.clone(), message).label("not the posting's company"),
                    theirs,
                ));
            }
        }
        let Some(theirs) = &posting.role else {
            return findings;
        };
        if let Some(role) = &front.role {
            if !same_title(&role.text, &theirs.text) {
                let message = format!(
                    "this letter is for {}, but the posting is for {} (posting line {})",
                    role.text, theirs.text, theirs.line
                );
                findings.push(unless_unsure(
                    Finding::at(role.span.clone(), message).label("not the posting's role"),
                    theirs,
                ));
            }
        }
        for (block, sentence) in letter.sentences() {
            for caps in self
                .applied_for
                .get()
                .captures_iter(block.sentence_text(&sentence))
            {
                let title = caps.name("title").expect("group");
                if !same_title(title.as_str(), &theirs.text) {
                    let at = sentence.start + title.start()..sentence.start + title.end();
                    let span = block.prose.source_range(at);
                    let mut finding = Finding::at(
                        span.clone(),
                        format!(
                            "applies for {}, but the posting is for {} (posting line {})",
                            title.as_str(),
                            theirs.text,
                            theirs.line
                        ),
                    )
                    .label("not the posting's role");
                    // The front matter's role, when it is the posting's:
                    // unsafe, as the sentence may mean another role on purpose.
                    if let Some(role) = front.role.as_ref().filter(|role| {
                        same_title(&role.text, &theirs.text)
                            && verbatim(letter, &span, title.as_str())
                    }) {
                        finding = finding.fix(Fix::replace(
                            Applicability::Unsafe,
                            span,
                            role.text.trim(),
                        ));
                    }
                    findings.push(unless_unsure(finding, theirs));
                }
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::same_title;
    use crate::posting::same_company;

    #[test]
    fn titles_and_companies_compare_loosely_but_not_too_loosely() {
        assert!(same_title(
            "Backend Engineer",
            "Senior Backend Engineer, Payments"
        ));
        assert!(same_title(
            "senior backend engineer",
            "Senior Backend Engineer"
        ));
        assert!(!same_title("Data Engineer", "Senior Backend Engineer"));
        assert!(!same_title(
            "Staff Backend Engineer",
            "Senior Backend Engineer"
        ));
        assert!(same_company("Kestrel", "Kestrel Pay"));
        assert!(!same_company("Halyard", "Kestrel Pay"));
    }
}
