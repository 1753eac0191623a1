//! Observability words counted only in their engineering sense.
//!
//! Many of the words are homographs: "my experience spans", "key metrics",
//! a Looker dashboard of sales, clinical alerts, Datadog the employer. A
//! phrase list with `not` phrases sorts out the fixed ones ("key metrics",
//! "paging through"). Two senses need more context, and get a small check
//! each, with their words in `rules/lexicon/observability.toml`:
//!
//! - A term of a `[[sense]]` group ("dashboard", "alerts") takes its sense
//!   from its sentence: a systems word ("latency", "service") keeps the
//!   engineering sense; one of the group's `other` words ("Looker",
//!   "revenue"; "patients") gives the other. A sentence that says neither
//!   follows the letter's other mentions of the group: "the main dashboard"
//!   of a letter whose only other dashboard is in Looker is a Looker one.
//! - A monitoring vendor the letter names as an employer ("at Datadog",
//!   "joined Datadog", "Datadog, where I") is the employer everywhere in it.

use crate::letter::{Block, Letter};
use crate::phrases::{PhraseMatch, PhraseSet};
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    terms: Vec<String>,
    not_terms: Vec<String>,
    systems: Vec<String>,
    not_systems: Vec<String>,
    sense: Vec<SenseSpec>,
    employers: Employers,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SenseSpec {
    terms: Vec<String>,
    #[serde(default)]
    other: Vec<String>,
    /// Counted only in a sentence with a systems word ("monitor").
    #[serde(default)]
    needs_systems: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Employers {
    vendors: Vec<String>,
    /// The word before a vendor that makes it an employer: "at", "joined".
    before: Vec<String>,
    /// The word after it, past an optional comma: "where".
    after: Vec<String>,
}

/// What a matched term is.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Plain,
    Sense(usize),
    Vendor(usize),
}

/// A term's sense as its sentence shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Verdict {
    Engineering,
    Other,
    /// The sentence does not say: the letter's other mentions decide.
    Open,
}

struct Sense {
    other: PhraseSet,
    needs_systems: bool,
}

/// The observability vocabulary with its senses.
pub struct Observability {
    terms: PhraseSet,
    /// By phrase id.
    kinds: Vec<Kind>,
    senses: Vec<Sense>,
    systems: PhraseSet,
    vendors: usize,
    before: Vec<String>,
    after: Vec<String>,
}

static SHARED: LazyLock<Observability> = LazyLock::new(|| Observability::new(&[], &[]));

/// The built-in vocabulary, as the scorecard reads it.
pub fn shared() -> &'static Observability {
    &SHARED
}

impl Observability {
    /// The built-in vocabulary with a user's `extra` terms added and the
    /// `allow`ed ones taken out of every list.
    pub fn new(extra: &[String], allow: &[String]) -> Self {
        let file: File = embedded!("rules/lexicon/observability");
        let allowed = |t: &String| !allow.iter().any(|a| a.eq_ignore_ascii_case(t));
        let mut patterns = Vec::new();
        let mut kinds = Vec::new();
        let mut add = |words: &[String], kind: Kind| {
            for word in words.iter().filter(|w| allowed(w)) {
                patterns.push((word.clone(), kinds.len(), false));
                kinds.push(kind);
            }
        };
        add(&file.terms, Kind::Plain);
        add(extra, Kind::Plain);
        for (i, sense) in file.sense.iter().enumerate() {
            add(&sense.terms, Kind::Sense(i));
        }
        for (i, vendor) in file.employers.vendors.iter().enumerate() {
            add(std::slice::from_ref(vendor), Kind::Vendor(i));
        }
        Observability {
            terms: PhraseSet::new(patterns, &file.not_terms),
            kinds,
            senses: file
                .sense
                .into_iter()
                .map(|s| Sense {
                    other: PhraseSet::of_words(s.other, &[]),
                    needs_systems: s.needs_systems,
                })
                .collect(),
            systems: PhraseSet::of_words(file.systems, &file.not_systems),
            vendors: file.employers.vendors.len(),
            before: file.employers.before,
            after: file.employers.after,
        }
    }

    /// Where the letter first shows observability in its engineering
    /// sense: a block index and a range of that block's prose.
    pub fn first_in(&self, letter: &Letter) -> Option<(usize, Range<usize>)> {
        let mut found: Vec<(usize, Range<usize>, Kind, Verdict)> = Vec::new();
        let mut employer = vec![false; self.vendors];
        for (index, block) in letter.blocks.iter().enumerate() {
            let matches: Vec<PhraseMatch> = block.find(&self.terms).collect();
            let context = Context::new(self, block, &matches);
            for m in matches {
                let kind = self.kinds[m.id];
                let verdict = match kind {
                    Kind::Plain => Verdict::Engineering,
                    Kind::Vendor(v) => {
                        employer[v] |= self.is_employer(block, &m.range);
                        Verdict::Engineering
                    }
                    Kind::Sense(s) => context.verdict(block, &m.range, s, &self.senses[s]),
                };
                found.push((index, m.range, kind, verdict));
            }
        }
        // A group whose every decided mention is in the other sense takes
        // its open mentions with it.
        let mut other_only = vec![(false, false); self.senses.len()];
        for (_, _, kind, verdict) in &found {
            if let Kind::Sense(s) = kind {
                other_only[*s].0 |= *verdict == Verdict::Other;
                other_only[*s].1 |= *verdict == Verdict::Engineering;
            }
        }
        found
            .into_iter()
            .find(|(_, _, kind, verdict)| match (kind, verdict) {
                (Kind::Vendor(v), _) => !employer[*v],
                (_, Verdict::Engineering) => true,
                (Kind::Sense(s), Verdict::Open) => other_only[*s] != (true, false),
                _ => false,
            })
            .map(|(block, range, _, _)| (block, range))
    }

    /// "at Datadog", "joined Datadog", "Datadog, where I worked".
    fn is_employer(&self, block: &Block, range: &Range<usize>) -> bool {
        let text = block.text();
        let words = block.words();
        let at = words.partition_point(|w| w.end <= range.start);
        let before = at
            .checked_sub(1)
            .map(|i| &text[words[i].start..words[i].end]);
        let after = text[range.end..]
            .trim_start_matches([',', ' '])
            .split(|c: char| !c.is_alphanumeric())
            .next();
        let listed = |word: Option<&str>, list: &[String]| {
            word.is_some_and(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w)))
        };
        listed(before, &self.before) || listed(after, &self.after)
    }
}

/// The systems words of one block and each sense's other words, found
/// only when the block holds a term that needs them.
struct Context {
    systems: Vec<Range<usize>>,
    /// By sense: the ranges of its other words in the block.
    other: Vec<Vec<Range<usize>>>,
}

impl Context {
    fn new(vocabulary: &Observability, block: &Block, matches: &[PhraseMatch]) -> Self {
        let used = |s: usize| {
            matches
                .iter()
                .any(|m| matches!(vocabulary.kinds[m.id], Kind::Sense(x) if x == s))
        };
        let ranges = |set: &PhraseSet| block.find(set).map(|m| m.range).collect::<Vec<_>>();
        let any_sense = (0..vocabulary.senses.len()).any(used);
        Context {
            systems: if any_sense {
                ranges(&vocabulary.systems)
            } else {
                Vec::new()
            },
            other: vocabulary
                .senses
                .iter()
                .enumerate()
                .map(|(s, sense)| {
                    if used(s) {
                        ranges(&sense.other)
                    } else {
                        Vec::new()
                    }
                })
                .collect(),
        }
    }

    fn verdict(&self, block: &Block, term: &Range<usize>, s: usize, sense: &Sense) -> Verdict {
        let i = block.sentences.partition_point(|r| r.end <= term.start);
        let sentence = block.sentences.get(i).cloned().unwrap_or(term.clone());
        if within(&self.systems, &sentence) {
            Verdict::Engineering
        } else if sense.needs_systems || within(&self.other[s], &sentence) {
            Verdict::Other
        } else {
            Verdict::Open
        }
    }
}

/// Whether any of `ranges` (in text order) lies inside `sentence`.
fn within(ranges: &[Range<usize>], sentence: &Range<usize>) -> bool {
    let i = ranges.partition_point(|r| r.start < sentence.start);
    ranges.get(i).is_some_and(|r| r.end <= sentence.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shows(text: &str) -> bool {
        let letter = Letter::parse(text, false).unwrap();
        shared().first_in(&letter).is_some()
    }

    #[test]
    fn engineering_senses_count() {
        for text in [
            "I added OpenTelemetry spans to each stage.",
            "Each span ID is logged.",
            "The alert pages us on unreconciled balances.",
            "We built drift detection for the feature store.",
            "I led the incident and wrote the root cause up.",
            "I added freshness checks to every source table.",
            "I set up error tracking and uptime checks.",
            "The health checks ran from inside the cluster.",
            "I wrote the runbooks for the queue.",
            "We monitor p99 latency per endpoint.",
            "I built Grafana dashboards for the team.",
            "I added dashboards per route and per release.",
            "I built a dashboard for the nightly jobs.",
            "We alert through Datadog.",
        ] {
            assert!(shows(text), "{text}");
        }
    }

    #[test]
    fn other_senses_do_not() {
        for text in [
            "My experience spans backend and frontend work.",
            "I owned the key metrics for self-serve growth.",
            "We track ROI metrics and sales metrics weekly.",
            "I built the Looker dashboards for regional sales.",
            "I built the KPI dashboard for leadership.",
            "I built the sales dashboards in Tableau. The main dashboard loads in 4 seconds.",
            "The web dashboard our customers use schedules content.",
            "I was a data scientist at Datadog. Quayside is earlier than Datadog was.",
            "I joined Datadog in 2021.",
            "I configured clinical alerts for sepsis patients.",
            "I sold telemetry receivers to wildlife researchers.",
            "I monitor budgets for three departments.",
        ] {
            assert!(!shows(text), "{text}");
        }
    }

    #[test]
    fn a_systems_word_keeps_the_engineering_sense() {
        assert!(shows(
            "I built a Looker dashboard of failed loads and pipeline latency."
        ));
        assert!(shows(
            "Patients never saw it, but the alerts on the booking API paged us."
        ));
    }

    #[test]
    fn an_employer_vendor_still_lets_other_words_count() {
        assert!(shows("At Datadog I was on call for the metrics intake."));
    }
}
