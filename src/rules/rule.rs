//! What every rule is, and what it may know beyond its own letter.

use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::lexicon::Companies;
use crate::posting::PostingMatch;
use std::ops::Range;

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
    /// The writer's name from `letterlint.toml`, for a letter whose front
    /// matter does not give it.
    pub name: Option<&'r str>,
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

/// Whether the letter's source spells `prose` at `span` exactly, as a fix
/// must check before it replaces the span: markup inside it (an escaped
/// bracket, emphasis, a line break) would be lost or left unbalanced.
pub fn verbatim(letter: &Letter, span: &Range<usize>, prose: &str) -> bool {
    letter.source.get(span.clone()) == Some(prose)
}
