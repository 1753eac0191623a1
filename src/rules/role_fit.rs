use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::phrases::PhraseSet;
use crate::scorecard;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    concepts: BTreeMap<String, Vec<String>>,
    /// Concepts the scorecard also scans for, by the id of its signal: the
    /// signal's evidence counts for the concept, so the finding never says
    /// "never touches cross-functional work" beside a ticked collaboration.
    #[serde(default)]
    signals: BTreeMap<String, String>,
    /// Fires only when more than this share of the concepts is missing.
    most: f64,
}

struct Concept {
    name: String,
    /// The scorecard signal that shows it too, if any.
    signal: Option<String>,
    /// What would show it: the signal's hint, or the first few words.
    hint: String,
}

pub struct RoleFit {
    concepts: Vec<Concept>,
    /// One set for all concepts; a match's id is the concept's index.
    words: PhraseSet,
    most: f64,
}

impl RoleFit {
    pub fn new(params: Params) -> Self {
        let mut concepts = Vec::new();
        let mut words = Vec::new();
        for (id, (name, list)) in params.concepts.into_iter().enumerate() {
            let signal = params.signals.get(&name).cloned();
            // Three words that differ by more than an ending: "API, endpoint, contract".
            let mut examples: Vec<&str> = Vec::new();
            for word in &list {
                let lower = word.to_lowercase();
                if examples.len() < 3
                    && !examples
                        .iter()
                        .any(|e| lower.starts_with(&e.to_lowercase()))
                {
                    examples.push(word);
                }
            }
            let examples = examples.join(", ");
            concepts.push(Concept {
                hint: format!("e.g. {examples}"),
                name,
                signal,
            });
            words.extend(list.into_iter().map(move |w| (w, id, false)));
        }
        RoleFit {
            words: PhraseSet::new(words, &[]),
            concepts,
            most: params.most,
        }
    }
}

impl Rule for RoleFit {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        let mut touched = vec![false; self.concepts.len()];
        for block in &letter.blocks {
            for m in block.find(&self.words) {
                touched[m.id] = true;
            }
        }
        let mut hints: Vec<String> = self.concepts.iter().map(|c| c.hint.clone()).collect();
        if self.concepts.iter().any(|c| c.signal.is_some()) {
            for signal in scorecard::scan(letter, true) {
                for (i, concept) in self.concepts.iter().enumerate() {
                    if concept.signal.as_deref() == Some(signal.id.as_str()) {
                        touched[i] |= signal.present();
                        hints[i] = signal.hint.clone();
                    }
                }
            }
        }
        let missing: Vec<usize> = (0..self.concepts.len()).filter(|&i| !touched[i]).collect();
        let share = missing.len() as f64 / self.concepts.len().max(1) as f64;
        if share <= self.most {
            return Vec::new();
        }
        let names: Vec<&str> = missing
            .iter()
            .map(|&i| self.concepts[i].name.as_str())
            .collect();
        let list = match names.as_slice() {
            [one] => one.to_string(),
            [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
            [] => unreachable!("more than none is missing"),
        };
        let help = missing
            .iter()
            .map(|&i| format!("{}: {}", self.concepts[i].name, hints[i]))
            .collect::<Vec<_>>()
            .join("; ");
        vec![Finding::letter_wide(format!(
            "misses most of what this kind of team scans for: never touches {list} ({} of {})",
            missing.len(),
            self.concepts.len()
        ))
        .help(format!(
            "if it is true of your work, show one of them. {help}"
        ))
        .strength(share)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;

    fn fintech() -> RoleFit {
        RoleFit::new(
            toml::from_str(
                r#"most = 0.5
concepts = { ledger = ["ledger"], "audit trail" = ["audit trail", "audit log"], reconciliation = ["reconcile", "reconciliation"] }"#,
            )
            .unwrap(),
        )
    }

    #[test]
    fn lists_what_is_missing_and_scales_with_it() {
        let letter = Letter::parse("I built the ledger.", false).unwrap();
        let findings = fintech().check(&letter, &Context::default());
        assert_eq!(
            findings[0].message,
            "misses most of what this kind of team scans for: never touches audit trail or reconciliation (2 of 3)"
        );
        assert_eq!(
            findings[0].help.as_deref(),
            Some("if it is true of your work, show one of them. audit trail: e.g. audit trail, audit log; reconciliation: e.g. reconcile, reconciliation")
        );
        assert!((findings[0].strength - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn missing_only_a_few_is_quiet() {
        let letter = Letter::parse("I built the ledger and reconcile it nightly.", false).unwrap();
        assert!(fintech().check(&letter, &Context::default()).is_empty());
    }

    #[test]
    fn never_contradicts_the_scorecard() {
        let rule = || {
            RoleFit::new(
                toml::from_str(
                    r#"most = 0.0
signals = { "cross-functional work" = "collaboration" }
concepts = { "cross-functional work" = ["cross-functional"], ledger = ["ledger"] }"#,
                )
                .unwrap(),
            )
        };
        // "reviews" shows collaboration on the scorecard, so only the
        // ledger is missing, and the help is the scorecard's own.
        let letter = Letter::parse("I ran the design reviews.", false).unwrap();
        let findings = rule().check(&letter, &Context::default());
        assert!(findings[0]
            .message
            .contains("never touches ledger (1 of 2)"));
        let letter = Letter::parse("I built the ledger.", false).unwrap();
        let findings = rule().check(&letter, &Context::default());
        assert!(findings[0]
            .help
            .as_deref()
            .unwrap()
            .contains("show who you worked with"));
    }

    #[test]
    fn every_concept_touched_is_quiet() {
        let letter = Letter::parse(
            "The ledger has an audit log, and a nightly job reconciles it. We reconcile daily.",
            false,
        )
        .unwrap();
        assert!(fintech().check(&letter, &Context::default()).is_empty());
    }
}
