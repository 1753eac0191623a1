use super::rule::{word_list, Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::phrases::PhraseSet;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    terms: Vec<String>,
    /// Phrases in which a term means something else: "bring to the table".
    not_terms: Vec<String>,
    /// Roles for which the seeds put infrastructure before data shape:
    /// SRE, DevOps, platform, infrastructure, frontend.
    skip_roles: Vec<String>,
    #[serde(default)]
    extra: Vec<String>,
    #[serde(default)]
    allow: Vec<String>,
}

pub struct NoDataModel {
    terms: PhraseSet,
    skip_roles: PhraseSet,
}

impl NoDataModel {
    pub fn new(params: Params) -> Self {
        let terms = word_list(&params.terms, &params.extra, &params.allow);
        NoDataModel {
            terms: PhraseSet::of_words(terms, &params.not_terms),
            skip_roles: PhraseSet::of_words(params.skip_roles, &[]),
        }
    }

    /// The role is read from the front matter, or from the opening
    /// paragraph, where letters name it ("the Site Reliability Engineer role").
    fn skipped_role(&self, letter: &Letter) -> bool {
        let opening = letter.body_paragraphs().next().map(|(_, b)| b.text());
        letter
            .front_matter
            .role()
            .into_iter()
            .chain(opening)
            .any(|text| self.skip_roles.is_match(text))
    }
}

impl Rule for NoDataModel {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        if letter.mentions(&self.terms) || self.skipped_role(letter) {
            return Vec::new();
        }
        vec![Finding::letter_wide(
            "nothing about data or contracts: no schema, migration, data model, API contract or versioning",
        )]
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::fires;

    const ID: &str = "no-data-model";

    #[test]
    fn one_data_model_word_is_enough() {
        for text in [
            "I versioned the normalization contract alongside the Postgres ledger schema.",
            "I wrote the migration plan for splitting the reservations table.",
            "Cursor pagination is backed by a composite index.",
            "We shipped it as a new API version with a deprecation schedule.",
            "I designed the fact table around event time.",
            "We kept backwards compatibility for webhooks.",
        ] {
            assert!(!fires(ID, text), "{text}");
        }
    }

    #[test]
    fn infrastructure_alone_fires() {
        for text in [
            "I built microservices on Kubernetes and Kafka and optimized database queries.",
            "I have built numerous REST APIs and integrated third-party systems.",
            "I bring strong skills to the table.",
            "I took a contract role and migrated our apps to the cloud.",
        ] {
            assert!(fires(ID, text), "{text}");
        }
    }

    #[test]
    fn infrastructure_roles_are_not_asked_for_a_data_model() {
        let sre = "Dear team,\n\nI'm applying for the Site Reliability Engineer role.\n\nI rebuilt alerting on Kubernetes.\n\nBest,\nI";
        assert!(!fires(ID, sre));
        let front = "+++\nrole = \"Senior DevOps Engineer\"\n+++\nDear team,\n\nHello.\n\nBest,\nI";
        assert!(!fires(ID, front));
        let backend = "Dear team,\n\nI'm applying for the Backend Engineer, Inference Platform role.\n\nI built a gateway.\n\nBest,\nI";
        assert!(fires(ID, backend));
    }
}
