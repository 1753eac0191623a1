//! The posting lexicon, `rules/lexicon/posting.toml`: one struct per table,
//! read once, so each part of the reader finds its words in one place.

use crate::lexicon::TechKind;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Lexicon {
    pub labels: Labels,
    pub title: TitleWords,
    pub words: Words,
    pub limits: Limits,
    pub themes: Themes,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Limits {
    pub max_requirements: usize,
    pub max_name_lists: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Labels {
    pub nice: Vec<String>,
    pub not_requirements: Vec<String>,
    pub requirements: Vec<String>,
    pub role: Vec<String>,
    pub not_requirement_text: Vec<String>,
    pub nice_marks: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TitleWords {
    pub nouns: Vec<String>,
    pub company_keys: Vec<String>,
    pub role_keys: Vec<String>,
    pub not_company: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Words {
    pub stopwords: Vec<String>,
    pub generic: Vec<String>,
    pub negating: Vec<String>,
    pub experience_verbs: Vec<String>,
    pub lacking: Vec<String>,
    pub clause_ends: Vec<String>,
    pub synonyms: Vec<Vec<String>>,
    pub practices: Vec<Vec<String>>,
    pub kindred_kinds: Vec<TechKind>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Themes {
    pub min_repeats: usize,
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| embedded!("rules/lexicon/posting"));
