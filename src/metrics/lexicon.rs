//! `rules/lexicon/metrics.toml`: every word the metric finder knows.

use serde::Deserialize;
use std::sync::LazyLock;

/// A list of lower-case words or phrases from the lexicon.
#[derive(Deserialize)]
#[serde(transparent)]
pub(super) struct Words(Vec<String>);

impl Words {
    pub(super) fn has(&self, word: &str) -> bool {
        self.0.iter().any(|w| w == word)
    }

    pub(super) fn position(&self, word: &str) -> Option<usize> {
        self.0.iter().position(|w| w == word)
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

/// `rules/lexicon/metrics.toml`; its comments say what each list is for.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Lexicon {
    pub(super) clause_words: Words,
    pub(super) duration_units: Words,
    pub(super) rate_periods: Words,
    pub(super) rate_units: Words,
    pub(super) tenure_units: Words,
    pub(super) size_units: Words,
    pub(super) magnitudes: Words,
    pub(super) scale_nouns: Words,
    pub(super) percentiles: Words,
    pub(super) months: Words,
    pub(super) clock_words: Words,
    pub(super) version_words: Words,
    pub(super) ordinal_suffixes: Words,
    pub(super) magnitude_suffixes: Words,
    pub(super) rate_words: Words,
    pub(super) rate_adjectives: Words,
    pub(super) rate_nouns: Words,
    pub(super) multipliers: Words,
    pub(super) cues: Cues,
    pub(super) ranges: RangeWords,
    pub(super) claims: ClaimWords,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Cues {
    pub(super) reliability: Words,
    pub(super) latency: Words,
    pub(super) cost: Words,
    pub(super) throughput: Words,
    pub(super) business: Words,
    pub(super) recovery: Words,
    pub(super) change: Words,
    pub(super) threshold: Words,
    pub(super) threshold_context: Words,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RangeWords {
    pub(super) approximators: Words,
    pub(super) number_words: Words,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ClaimWords {
    pub(super) openings: Words,
    pub(super) negated_verbs: Words,
    pub(super) failures: Words,
    pub(super) nothing: Words,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| embedded!("rules/lexicon/metrics"));

pub(super) fn lexicon() -> &'static Lexicon {
    &LEXICON
}
