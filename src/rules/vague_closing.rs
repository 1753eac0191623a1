use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::fix::Fix;
use crate::forms::WordList;
use crate::letter::Letter;
use crate::phrases::PhraseSet;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Formulas a closing is made of when it offers nothing, with their
    /// forms: "looking forward to", "I'd welcome the chance".
    stock: WordList,
    /// Verbs of a concrete offer: "walk you through", "send", "share".
    offers: Vec<String>,
    /// What the reader can hold: "a code sample", "a design doc".
    offered_things: Vec<String>,
    /// Words that make an offer verb an offer: "I can send", "glad to share".
    willing: Vec<String>,
    /// Objects that turn an offer back into a formula: "share my experience".
    vague_objects: Vec<String>,
    /// A specific question in statement form: "I'd like to hear how you…".
    asks: Vec<String>,
    /// The suggestion shown under a finding when the letter names a
    /// technology, which stands in for `{technology}`.
    offer: String,
}

pub struct VagueClosing {
    stock: PhraseSet,
    offers: PhraseSet,
    offered_things: PhraseSet,
    willing: PhraseSet,
    vague_objects: PhraseSet,
    asks: PhraseSet,
    offer: String,
}

impl VagueClosing {
    pub fn new(params: Params) -> Self {
        VagueClosing {
            stock: PhraseSet::of_words(params.stock.all_forms(), &[]),
            offers: PhraseSet::of_words(params.offers, &[]),
            offered_things: PhraseSet::of_words(params.offered_things, &[]),
            willing: PhraseSet::of_words(params.willing, &[]),
            vague_objects: PhraseSet::of_words(params.vague_objects, &[]),
            asks: PhraseSet::of_words(params.asks, &[]),
            offer: params.offer,
        }
    }

    /// An offer built on the technology the letter names most (the first,
    /// of several as often): a closing that could only be this writer's.
    /// None when the letter names none: then there is nothing concrete to
    /// suggest that the help does not already say.
    fn offer(&self, letter: &Letter) -> Option<Fix> {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for mention in &letter.technologies {
            *counts.entry(mention.tech).or_default() += 1;
        }
        let most = counts.values().copied().max()?;
        let named = letter
            .technologies
            .iter()
            .find(|m| counts[&m.tech] == most)?;
        // As the letter reads, not as it is typed: a LaTeX macro expanded.
        let name = letter.blocks[named.block].text().get(named.prose.clone())?;
        Some(Fix::suggestion(self.offer.replace("{technology}", name)))
    }

    /// A question, a specific ask, or an offer of something the reader can
    /// hold: a design doc, a walk-through, a sample.
    fn is_concrete(&self, sentence: &str) -> bool {
        if sentence
            .trim_end_matches(['"', '\'', ')', '’', '”'])
            .ends_with('?')
            || self.asks.is_match(sentence)
            || self.offered_things.is_match(sentence)
        {
            return true;
        }
        self.offers.find(sentence).iter().any(|offer| {
            let willing = self.willing.is_match(&sentence[..offer.range.start]);
            let after: String = sentence[offer.range.end..]
                .split_whitespace()
                .take(5)
                .collect::<Vec<_>>()
                .join(" ");
            willing && !self.vague_objects.is_match(&after)
        })
    }
}

impl Rule for VagueClosing {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        let region = letter.closing_region();
        // An offer or a question anywhere in the ending, a P.S. included,
        // gives the reader something to answer.
        let ending = region.iter().copied().chain(letter.postscripts());
        if ending
            .flat_map(|b| b.sentences.iter().map(move |s| b.sentence_text(s)))
            .any(|sentence| self.is_concrete(sentence))
        {
            return Vec::new();
        }
        // Without a formula the last paragraph is body text, not a closing.
        let Some((closing, formula)) = region
            .iter()
            .rev()
            .find_map(|b| b.find(&self.stock).next().map(|m| (b, m)))
        else {
            return Vec::new();
        };
        let finding = Finding::at(
            closing.prose.source_range(formula.range),
            "the closing offers nothing concrete",
        )
        .label("stock phrase");
        vec![match self.offer(letter) {
            Some(offer) => finding.fix(offer),
            None => finding,
        }]
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, spans};

    fn letter(closing: &str) -> String {
        format!("Dear team,\n\nI built the ledger.\n\n{closing}\n\nSincerely,\nAna")
    }

    #[test]
    fn stock_closings_fire_on_the_first_formula() {
        let text = letter(
            "Thank you for your time and consideration. I look forward to hearing from you.",
        );
        assert_eq!(spans("vague-closing", &text), ["Thank you for your time"]);
        assert!(fires(
            "vague-closing",
            &letter("I look forward to hearing from you. I can be reached at (555) 017-3342.")
        ));
        assert!(fires(
            "vague-closing",
            &letter("I would love to share more about my experience and how I can contribute.")
        ));
    }

    #[test]
    fn a_concrete_offer_or_question_is_not_vague() {
        for closing in [
            "I look forward to hearing from you, and in the meantime I'd be glad to walk you through the postmortem on a call.",
            "Would a call next week work to talk through how you deduplicate retries?",
            "I can send a redacted version of the design doc.",
            "I'd like to hear how your team handles releases around its busiest days.",
        ] {
            assert!(!fires("vague-closing", &letter(closing)), "{closing}");
        }
    }

    #[test]
    fn the_suggestion_offers_a_walk_through_of_what_the_letter_names_most() {
        use crate::rules::testing::check;
        let text = "Dear team,\n\nI moved billing from Postgres to Kafka, and Kafka consumers now post the ledger.\n\nI look forward to hearing from you.\n\nBest,\nAna";
        let fix = check("vague-closing", text).remove(0).fix.unwrap();
        assert!(fix.edits.is_empty());
        assert_eq!(
            fix.message,
            "end on an offer instead: \"I'd be glad to walk you through the Kafka work on a call\""
        );
        // Nothing named, nothing concrete to suggest.
        let found = check(
            "vague-closing",
            &letter("I look forward to hearing from you."),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].fix, None);
    }

    #[test]
    fn a_last_paragraph_without_a_formula_is_not_a_closing() {
        assert!(!fires("vague-closing", "Dear team,\n\nI am a team player."));
    }

    #[test]
    fn the_closing_is_the_paragraph_before_the_sign_off() {
        let text = "Dear team,\n\nI rebuilt the ledger.\n\nThank you for your time.\n\nBest,\nAna\n\n## Day-one proposal\n\nI would send a plan.";
        assert!(fires("vague-closing", text));
    }

    #[test]
    fn the_ending_is_the_closing_region_and_any_postscript() {
        // A short line of formulas leans on the paragraph before it.
        let offer = "Dear team,\n\nI rebuilt the ledger.\n\nI would be glad to walk you through the reconciliation design.\n\nThank you for your time.\n\nBest,\nAna";
        assert!(!fires("vague-closing", offer));
        // Trailing lines after the closing are not the closing.
        let trailing = "Dear team,\n\nI rebuilt the ledger.\n\nThank you for your time and consideration. I look forward to hearing from you soon.\n\nThanks again!\n\nBest,\nAna";
        assert_eq!(
            spans("vague-closing", trailing),
            ["Thank you for your time"]
        );
        // A P.S. with an offer makes the ending concrete.
        let postscript = "Dear team,\n\nI rebuilt the ledger.\n\nThank you for your time and consideration. I look forward to hearing from you soon.\n\nBest,\nAna\n\nP.S. I can send the runbook I wrote for the cut-over.";
        assert!(!fires("vague-closing", postscript));
        // So does a question, under a bare-name signature.
        let bare = "Dear team,\n\nI rebuilt the ledger.\n\nThank you for your consideration. I look forward to hearing from you soon.\n\nAna Ruiz\n\nPS: how do you test the cut-over today?";
        assert!(!fires("vague-closing", bare));
    }
}
