//! The rule trait and the one registry of every built-in rule.
//!
//! Adding a rule = one `src/rules/<id>.rs`, one `rules/<id>.toml`, one line
//! in `BUILTINS`. The TOML holds what a person edits (docs, level, penalty,
//! word lists, thresholds); the Rust file only the logic.

use crate::diagnostic::Level;
use crate::embedded::from_json;
use serde::de::DeserializeOwned;
use serde::Deserialize;

pub use rule::{Context, Rule};
use std::sync::LazyLock;

mod buried_lead;
mod cliche;
mod conflict_marker;
pub mod custom;
mod generic_opening;
mod invalid_front_matter;
mod invalid_suppression;
mod language_list;
mod lazy_regex;
mod long_sentence;
mod metric_coverage;
mod missing_metrics;
mod no_data_model;
mod no_failure_story;
mod no_observability;
mod placeholder;
mod posting_coverage;
mod posting_echo;
mod role_fit;
mod role_mismatch;
mod rule;
mod stack_soup;
mod unquantified_claim;
mod vague_closing;
mod word_count;
mod wrong_company;

/// `rules/<id>.toml`: the rule's documentation, defaults and parameters.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDoc {
    pub id: String,
    pub summary: String,
    pub level: Level,
    /// Score cost of one finding at full strength.
    pub penalty: u32,
    /// Most this rule can cost one letter.
    pub max_penalty: u32,
    /// Silent for letters that are not software-engineering applications.
    #[serde(default)]
    pub engineering: bool,
    pub help: String,
    pub why: String,
    pub advice: Vec<String>,
    pub bad: String,
    pub good: String,
    #[serde(default)]
    pub params: toml::Table,
}

pub struct Builtin {
    pub id: &'static str,
    /// `rules/<id>.toml`, as JSON (see `src/build.rs`).
    pub doc: &'static str,
    pub build: fn(toml::Table) -> Result<Box<dyn Rule>, toml::de::Error>,
    /// Reads params as `build` does, from a config file's text: its
    /// errors carry a span in the file.
    pub check: fn(toml::de::Deserializer<'_>) -> Result<(), toml::de::Error>,
}

/// Deserializes a rule's `[params]` (`deny_unknown_fields`, so a typo in a
/// user's override is an error) and compiles it once.
fn build<P: DeserializeOwned, R: Rule + 'static>(
    params: toml::Table,
    make: fn(P) -> R,
) -> Result<Box<dyn Rule>, toml::de::Error> {
    Ok(Box::new(make(params.try_into()?)))
}

/// Deserializes params for `make` without compiling anything.
fn check<P: DeserializeOwned, R>(
    params: toml::de::Deserializer<'_>,
    _make: fn(P) -> R,
) -> Result<(), toml::de::Error> {
    P::deserialize(params).map(drop)
}

macro_rules! builtin {
    ($id:literal, $make:expr) => {
        Builtin {
            id: $id,
            doc: include_str!(concat!(env!("OUT_DIR"), "/rules/", $id, ".json")),
            build: |params| build(params, $make),
            check: |params| check(params, $make),
        }
    };
}

/// Every built-in rule, alphabetical.
pub static BUILTINS: &[Builtin] = &[
    builtin!("buried-lead", buried_lead::BuriedLead::new),
    builtin!("cliche", cliche::Cliche::new),
    builtin!("conflict-marker", conflict_marker::ConflictMarker::new),
    builtin!("generic-opening", generic_opening::GenericOpening::new),
    builtin!(
        "invalid-front-matter",
        invalid_front_matter::InvalidFrontMatter::new
    ),
    builtin!(
        "invalid-suppression",
        invalid_suppression::InvalidSuppression::new
    ),
    builtin!("language-list", language_list::LanguageList::new),
    builtin!("long-sentence", long_sentence::LongSentence::new),
    builtin!("metric-coverage", metric_coverage::MetricCoverage::new),
    builtin!("missing-metrics", missing_metrics::MissingMetrics::new),
    builtin!("no-data-model", no_data_model::NoDataModel::new),
    builtin!("no-failure-story", no_failure_story::NoFailureStory::new),
    builtin!("no-observability", no_observability::NoObservability::new),
    builtin!("placeholder", placeholder::Placeholder::new),
    builtin!("posting-coverage", posting_coverage::PostingCoverage::new),
    builtin!("posting-echo", posting_echo::PostingEcho::new),
    builtin!("role-fit", role_fit::RoleFit::new),
    builtin!("role-mismatch", role_mismatch::RoleMismatch::new),
    builtin!("stack-soup", stack_soup::StackSoup::new),
    builtin!(
        "unquantified-claim",
        unquantified_claim::UnquantifiedClaim::new
    ),
    builtin!("vague-closing", vague_closing::VagueClosing::new),
    builtin!("word-count", word_count::WordCount::new),
    builtin!("wrong-company", wrong_company::WrongCompany::new),
];

static DOCS: LazyLock<Vec<RuleDoc>> = LazyLock::new(|| {
    BUILTINS
        .iter()
        .map(|b| {
            let doc: RuleDoc = from_json(&format!("rules/{}", b.id), b.doc);
            assert_eq!(doc.id, b.id, "rules/{}.toml names another id", b.id);
            doc
        })
        .collect()
});

/// The parsed docs of every built-in rule, in registry order.
pub fn docs() -> &'static [RuleDoc] {
    &DOCS
}

pub fn doc(id: &str) -> Option<&'static RuleDoc> {
    docs().iter().find(|d| d.id == id)
}

pub fn builtin(id: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.id == id)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one rule alone on a snippet, with the rule's default params.
    use super::*;
    use crate::diagnostic::Finding;
    use crate::letter::Letter;

    pub fn check(id: &str, text: &str) -> Vec<Finding> {
        let doc = doc(id).expect("known rule");
        let rule =
            (builtin(id).expect("registered").build)(doc.params.clone()).expect("valid params");
        let letter = Letter::parse(text, false).expect("parses");
        rule.check(&letter, &Context::default())
    }

    pub fn fires(id: &str, text: &str) -> bool {
        !check(id, text).is_empty()
    }

    /// The source text each finding points at.
    pub fn spans<'a>(id: &str, text: &'a str) -> Vec<&'a str> {
        check(id, text)
            .into_iter()
            .filter_map(|f| f.span.map(|s| &text[s]))
            .collect()
    }
}
