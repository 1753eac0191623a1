//! The rule trait and the one registry of every built-in rule.
//!
//! Adding a rule = one `src/rules/<id>.rs`, one `rules/<id>.toml`, one line
//! in `BUILTINS`. The TOML holds what a person edits (docs, level, penalty,
//! word lists, thresholds); the Rust file only the logic.

use crate::diagnostic::{Finding, Level};
use crate::embedded::from_json;
use crate::letter::Letter;
use crate::lexicon::Companies;
use crate::posting::PostingMatch;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::sync::LazyLock;

mod buried_lead;
mod cliche;
pub mod custom;
mod generic_opening;
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
mod stack_soup;
mod unquantified_claim;
mod vague_closing;
mod word_count;
mod wrong_company;

/// A rule is pure: it reads the letter and says what it finds. No I/O, no
/// configuration look-ups, no printing. The struct is its `[params]`.
pub trait Rule: Send + Sync {
    fn check(&self, letter: &Letter, context: &Context) -> Vec<Finding>;
}

/// What a rule may need to know beyond its own letter: facts about the
/// whole run. They are borrowed from the run, never copied onto each
/// letter: a run over a folder of letters collects every letter's company,
/// and a copy per letter would make the run quadratic in its size.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'r> {
    /// Every rule id the run knows, built-in and custom.
    pub rule_ids: &'r [String],
    /// Companies this letter must not name: other letters' `company`, and
    /// the config's `companies`.
    pub companies: Option<&'r Companies>,
    /// The job posting the letter answers, when one was given.
    pub posting: Option<&'r PostingMatch>,
}

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
}

/// Deserializes a rule's `[params]` (`deny_unknown_fields`, so a typo in a
/// user's override is an error) and compiles it once.
fn build<P: DeserializeOwned, R: Rule + 'static>(
    params: toml::Table,
    make: fn(P) -> R,
) -> Result<Box<dyn Rule>, toml::de::Error> {
    Ok(Box::new(make(params.try_into()?)))
}

macro_rules! builtin {
    ($id:literal, $make:expr) => {
        Builtin {
            id: $id,
            doc: include_str!(concat!(env!("OUT_DIR"), "/rules/", $id, ".json")),
            build: |params| build(params, $make),
        }
    };
}

/// Every built-in rule, alphabetical.
pub static BUILTINS: &[Builtin] = &[
    builtin!("buried-lead", buried_lead::BuriedLead::new),
    builtin!("cliche", cliche::Cliche::new),
    builtin!("generic-opening", generic_opening::GenericOpening::new),
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

/// A rule's built-in phrase list with a user's `extra` phrases added and
/// their `allow`ed ones taken out: the shape every phrase-list rule takes.
pub fn word_list(base: &[String], extra: &[String], allow: &[String]) -> Vec<String> {
    base.iter()
        .chain(extra)
        .filter(|p| !allow.iter().any(|a| a.eq_ignore_ascii_case(p)))
        .cloned()
        .collect()
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one rule alone on a snippet, with the rule's default params.
    use super::*;

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
