use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::phrases::PhraseSet;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    concepts: BTreeMap<String, Vec<String>>,
}

pub struct RoleFit {
    names: Vec<String>,
    /// One set for all concepts; a match's id is the concept's index.
    words: PhraseSet,
}

impl RoleFit {
    pub fn new(params: Params) -> Self {
        let names: Vec<String> = params.concepts.keys().cloned().collect();
        let words = params
            .concepts
            .into_values()
            .enumerate()
            .flat_map(|(id, words)| words.into_iter().map(move |w| (w, id, false)));
        RoleFit {
            words: PhraseSet::new(words, &[]),
            names,
        }
    }
}

impl Rule for RoleFit {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        let mut touched = vec![false; self.names.len()];
        for block in &letter.blocks {
            for m in block.find(&self.words) {
                touched[m.id] = true;
            }
        }
        let missing: Vec<&str> = self
            .names
            .iter()
            .zip(&touched)
            .filter(|(_, t)| !**t)
            .map(|(n, _)| n.as_str())
            .collect();
        if missing.is_empty() {
            return Vec::new();
        }
        let list = match missing.as_slice() {
            [one] => one.to_string(),
            [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
            [] => unreachable!("checked above"),
        };
        vec![Finding::letter_wide(format!(
            "never touches {list} ({} of {} concepts this role expects)",
            missing.len(),
            self.names.len()
        ))
        .strength(missing.len() as f64 / self.names.len() as f64)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;

    fn fintech() -> RoleFit {
        RoleFit::new(
            toml::from_str(
                r#"concepts = { ledger = ["ledger"], "audit trail" = ["audit trail", "audit log"], reconciliation = ["reconcile", "reconciliation"] }"#,
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
            "never touches audit trail or reconciliation (2 of 3 concepts this role expects)"
        );
        assert!((findings[0].strength - 2.0 / 3.0).abs() < 1e-9);
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
