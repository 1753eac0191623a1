//! The scorecard: which of the signals a hiring manager scans for the letter
//! shows, and where. The signals and their words live in
//! `rules/lexicon/signals.toml`.

use crate::diagnostic::Diagnostic;
use crate::letter::Letter;
use crate::metrics::MetricKind;
use crate::observability;
use crate::phrases::PhraseSet;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignalFile {
    signal: Vec<SignalSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignalSpec {
    id: String,
    name: String,
    engineering: bool,
    #[serde(default)]
    metric_kinds: Vec<MetricKind>,
    /// A shared lexicon that also shows the signal.
    #[serde(default)]
    lexicon: Option<String>,
    phrases: Vec<String>,
    hint: String,
    /// The hint for a letter that is not an engineering application, when
    /// `hint` speaks of systems: a nurse is not told about pipelines.
    #[serde(default)]
    general_hint: Option<String>,
    /// Rules whose finding already gives the signal's advice.
    #[serde(default)]
    rules: Vec<String>,
}

struct Signal {
    spec: SignalSpec,
    phrases: PhraseSet,
}

static SIGNALS: LazyLock<Vec<Signal>> = LazyLock::new(|| {
    let file: SignalFile = embedded!("rules/lexicon/signals");
    file.signal
        .into_iter()
        .map(|spec| Signal {
            phrases: PhraseSet::of_words(spec.phrases.iter().cloned(), &[]),
            spec,
        })
        .collect()
});

/// One line of the scorecard. `at` is a byte offset into the source.
#[derive(Debug, Clone, PartialEq)]
pub struct SignalResult {
    pub id: String,
    pub name: String,
    pub at: Option<usize>,
    pub hint: String,
    /// Rules whose finding already gives this signal's advice.
    pub rules: &'static [String],
}

impl SignalResult {
    pub fn present(&self) -> bool {
        self.at.is_some()
    }

    /// The rule of the first finding that already gave this signal's
    /// advice: a rule that stands for the signal, or one whose help quotes
    /// the hint (role-fit borrows the scorecard's hints). A report then
    /// need not say it twice.
    pub fn said_by<'a>(&self, diagnostics: &'a [Diagnostic]) -> Option<&'a str> {
        diagnostics
            .iter()
            .find(|d| {
                self.rules.contains(&d.rule)
                    || d.help
                        .as_ref()
                        .is_some_and(|help| help.contains(&self.hint))
            })
            .map(|d| d.rule.as_str())
    }
}

pub fn scan(letter: &Letter, engineering: bool) -> Vec<SignalResult> {
    SIGNALS
        .iter()
        .filter(|s| engineering || !s.spec.engineering)
        .map(|signal| SignalResult {
            id: signal.spec.id.clone(),
            name: signal.spec.name.clone(),
            at: first_evidence(letter, signal),
            hint: match &signal.spec.general_hint {
                Some(general) if !engineering => general.clone(),
                _ => signal.spec.hint.clone(),
            },
            rules: &signal.spec.rules,
        })
        .collect()
}

/// The earliest place the letter shows the signal: a phrase or a metric.
fn first_evidence(letter: &Letter, signal: &Signal) -> Option<usize> {
    let by_lexicon = match signal.spec.lexicon.as_deref() {
        Some("observability") => observability::shared()
            .first_in(letter)
            .map(|(block, range)| letter.blocks[block].prose.source_offset(range.start)),
        Some(other) => panic!("signals.toml names an unknown lexicon `{other}`"),
        None => None,
    };
    let by_phrase = letter.blocks.iter().find_map(|block| {
        // Only the first match counts, so the scan stops there.
        let at = block.find(&signal.phrases).next()?.range.start;
        Some(block.prose.source_offset(at))
    });
    let by_metric = letter
        .metrics
        .iter()
        .find(|m| signal.spec.metric_kinds.contains(&m.kind))
        .map(|m| m.span.start);
    by_phrase
        .into_iter()
        .chain(by_lexicon)
        .chain(by_metric)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_general_letters_hints_never_speak_of_systems() {
        let letter = Letter::parse("Dear Ms. Abe,\n\nI teach algebra.\n", false).unwrap();
        let signals = scan(&letter, false);
        assert_eq!(signals.len(), 5);
        for signal in signals {
            for word in [
                "system", "incident", "database", "pipeline", "service", "p99",
            ] {
                assert!(
                    !signal.hint.contains(word),
                    "{}: {}",
                    signal.id,
                    signal.hint
                );
            }
        }
    }

    #[test]
    fn a_signal_is_said_by_its_rules_or_by_a_help_that_quotes_its_hint() {
        let letter = Letter::parse("Dear team,\n\nI built it.\n", false).unwrap();
        let signals = scan(&letter, true);
        let signal = |id: &str| signals.iter().find(|s| s.id == id).unwrap();
        let finding = |rule: &str, help: &str| Diagnostic {
            rule: rule.to_string(),
            severity: crate::Severity::Warning,
            message: String::new(),
            span: None,
            label: None,
            help: Some(help.to_string()),
            penalty: 0,
            fix: None,
        };
        let collaboration = signal("collaboration");
        let quoted = format!("show one of them. team: {}", collaboration.hint);
        let found = [
            finding("no-observability", "add a trace"),
            finding("role-fit", &quoted),
        ];
        assert_eq!(
            signal("observability").said_by(&found),
            Some("no-observability")
        );
        assert_eq!(collaboration.said_by(&found), Some("role-fit"));
        assert_eq!(signal("tradeoff").said_by(&found), None);
        assert_eq!(signal("observability").said_by(&found[1..]), None);
    }

    #[test]
    fn an_engineering_letter_gets_the_engineering_hints() {
        let letter = Letter::parse("Dear team,\n\nI built it.\n", false).unwrap();
        let numbers = scan(&letter, true).into_iter().find(|s| s.id == "numbers");
        assert!(numbers.unwrap().hint.contains("p99"));
    }
}
