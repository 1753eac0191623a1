use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::{BlockKind, Letter};
use crate::phrases::PhraseSet;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Verbs that turn a technology mention into a story of yours: "built", "migrated".
    verbs: Vec<String>,
    /// Nouns that name a system as well as a technology would: "service", "pipeline".
    systems: Vec<String>,
    /// The lead must appear within this many body paragraphs.
    max_paragraph: usize,
}

pub struct BuriedLead {
    verbs: PhraseSet,
    systems: PhraseSet,
    max_paragraph: usize,
}

impl BuriedLead {
    pub fn new(params: Params) -> Self {
        BuriedLead {
            verbs: PhraseSet::of_words(params.verbs, &[]),
            systems: PhraseSet::of_words(params.systems, &[]),
            max_paragraph: params.max_paragraph,
        }
    }

    /// Something you built or own: a verb of building beside a technology
    /// or a system noun ("I own the service that ingests webhooks").
    fn is_story(&self, text: &str, has_tech: bool) -> bool {
        self.verbs.is_match(text) && (has_tech || self.systems.is_match(text))
    }
}

impl Rule for BuriedLead {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        // Which blocks carry a figure or a technology, marked in one pass each.
        let mut has_metric = vec![false; letter.blocks.len()];
        for m in &letter.metrics {
            has_metric[m.block] = true;
        }
        let mut has_tech = vec![false; letter.blocks.len()];
        for m in &letter.technologies {
            has_tech[m.block] = true;
        }
        // A bullet list reads as one paragraph, however many items it has.
        let mut position = 0;
        let mut previous_list = None;
        let mut lead = None;
        for (index, block) in letter.body_paragraphs() {
            let list = match block.kind {
                BlockKind::ListItem { list, .. } => Some(list),
                _ => None,
            };
            if previous_list.is_none() || list != previous_list {
                position += 1;
            }
            previous_list = list;
            if has_metric[index] || self.is_story(block.text(), has_tech[index]) {
                lead = Some(block);
                break;
            }
        }
        // No story and no figure anywhere is missing-metrics' finding, not this one's.
        let Some(block) = lead else {
            return Vec::new();
        };
        if position <= self.max_paragraph {
            return Vec::new();
        }
        let first = block
            .sentences
            .first()
            .cloned()
            .unwrap_or(0..block.text().len());
        vec![Finding::at(
            block.prose.source_range(first),
            format!("the first system story or figure comes only in paragraph {position}"),
        )
        .label("the lead is here")
        .help("move this system and its numbers to the first or second paragraph")]
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, fires, spans};

    const ID: &str = "buried-lead";

    #[test]
    fn a_lead_in_the_third_paragraph_is_buried() {
        let text = "Dear team,\n\nI am applying for the role.\n\nI care about quality and people.\n\nAt Greyfield I rebuilt the eligibility lookup in Java. It got faster.\n\nBest,\nHelen";
        assert_eq!(
            spans(ID, text),
            ["At Greyfield I rebuilt the eligibility lookup in Java."]
        );
        assert_eq!(
            check(ID, text)[0].message,
            "the first system story or figure comes only in paragraph 3"
        );
        let figure = "Dear team,\n\nHello.\n\nBackground.\n\n- p99 went from 900 ms to 85 ms.\n\nBest,\nHelen";
        assert_eq!(spans(ID, figure), ["p99 went from 900 ms to 85 ms."]);
    }

    #[test]
    fn a_bullet_list_counts_as_one_paragraph() {
        let text = "Dear team,\n\nHello.\n\n- Terraform\n- Ansible\n- Docker\n\nI migrated billing to Kafka.\n\nBest,\nA";
        assert_eq!(
            check(ID, text)[0].message,
            "the first system story or figure comes only in paragraph 3"
        );
        let text =
            "Dear team,\n\nWhat I did:\n\n- Wrote docs.\n- Migrated billing to Kafka.\n\nBest,\nA";
        assert!(!fires(ID, text));
    }

    #[test]
    fn a_lead_in_the_first_two_paragraphs_is_not() {
        let text = "Dear team,\n\nI am applying for the role.\n\nI rebuilt the ledger service in Go.\n\nMore later.\n\nBest,\nA";
        assert!(!fires(ID, text));
        let figure = "Dear team,\n\nIngest went from 300 to 5,200 documents per second.\n\nA.\n\nB.\n\nBest,\nA";
        assert!(!fires(ID, figure));
    }

    #[test]
    fn a_technology_without_a_build_verb_is_not_a_story() {
        // Paragraph two names tools but tells nothing; paragraph three does.
        let text = "Dear team,\n\nHello.\n\nDay to day I work in Java and Postgres.\n\nI migrated billing to Kafka.\n\nBest,\nA";
        assert_eq!(spans(ID, text), ["I migrated billing to Kafka."]);
        // A verb alone, or a system alone, is not a story either.
        let text = "Dear team,\n\nI led a reading group.\n\nI like backend services.\n\nI own the service that ingests webhooks.\n\nBest,\nA";
        assert_eq!(
            spans(ID, text),
            ["I own the service that ingests webhooks."]
        );
    }

    #[test]
    fn silent_without_any_story_or_figure() {
        let text = "Dear team,\n\nHello.\n\nI work hard.\n\nI know Java.\n\nThanks for reading.\n\nBest,\nA";
        assert!(!fires(ID, text));
    }

    #[test]
    fn the_proposal_after_the_sign_off_does_not_count() {
        let text = "Dear team,\n\nHello.\n\nI work hard.\n\nBest,\nA\n\n## Day-one proposal\n\nI would migrate billing to Kafka.";
        assert!(!fires(ID, text));
    }
}
