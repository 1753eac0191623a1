//! The shared word lists of `rules/lexicon/*.toml`: technologies and the
//! run's companies. Observability words live in `observability.rs`, with
//! their senses; role words in `letter/gate.rs`, with the engineering gate.

use crate::phrases::PhraseSet;
use crate::text::Word;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// The companies a letter must not name unless it is for them: every
/// letter's `company` in the run and the config's `companies`. Matched in
/// exact case ("Apex" the company, not "apex" the word), and built once per
/// configuration: built per letter, a folder of letters to as many
/// companies would cost the square of its size.
#[derive(Debug)]
pub struct Companies {
    names: Vec<String>,
    set: PhraseSet,
}

impl Companies {
    /// Trimmed, without empty names or repeats, in their first order.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a String>) -> Self {
        let mut seen = HashSet::new();
        let names: Vec<String> = names
            .into_iter()
            .map(|n| n.trim())
            .filter(|n| !n.is_empty() && seen.insert(*n))
            .map(String::from)
            .collect();
        let set = PhraseSet::new(
            names.iter().enumerate().map(|(i, n)| (n.as_str(), i, true)),
            &[],
        );
        Companies { names, set }
    }

    /// Each company the block names, with where.
    pub fn in_words<'t>(
        &'t self,
        text: &'t str,
        words: &'t [Word],
    ) -> impl Iterator<Item = (Range<usize>, &'t str)> + 't {
        self.set
            .in_words(text, words)
            .map(|m| (m.range, self.names[m.id].as_str()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TechKind {
    Language,
    Datastore,
    Framework,
    Messaging,
    Data,
    Infrastructure,
    Tool,
    Observability,
}

/// One technology named in the prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub block: usize,
    /// Range in the block's prose text.
    pub prose: Range<usize>,
    /// Range in the source.
    pub span: Range<usize>,
    /// Index into `Technologies::names`: aliases share it.
    pub tech: usize,
    pub kind: TechKind,
}

pub struct Technologies {
    pub names: Vec<(String, TechKind)>,
    set: PhraseSet,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TechFile {
    exact_case: Vec<String>,
    language: BTreeMap<String, Vec<String>>,
    datastore: BTreeMap<String, Vec<String>>,
    framework: BTreeMap<String, Vec<String>>,
    messaging: BTreeMap<String, Vec<String>>,
    data: BTreeMap<String, Vec<String>>,
    infrastructure: BTreeMap<String, Vec<String>>,
    tool: BTreeMap<String, Vec<String>>,
    observability: BTreeMap<String, Vec<String>>,
}

static TECHNOLOGIES: LazyLock<Technologies> = LazyLock::new(|| {
    let file: TechFile = embedded!("rules/lexicon/technologies");
    let groups = [
        (TechKind::Language, file.language),
        (TechKind::Datastore, file.datastore),
        (TechKind::Framework, file.framework),
        (TechKind::Messaging, file.messaging),
        (TechKind::Data, file.data),
        (TechKind::Infrastructure, file.infrastructure),
        (TechKind::Tool, file.tool),
        (TechKind::Observability, file.observability),
    ];
    let mut names = Vec::new();
    let mut patterns = Vec::new();
    for (kind, group) in groups {
        for (name, aliases) in group {
            let id = names.len();
            let exact = file.exact_case.contains(&name);
            patterns.push((name.clone(), id, exact));
            patterns.extend(aliases.into_iter().map(|a| (a, id, exact)));
            names.push((name, kind));
        }
    }
    Technologies {
        set: PhraseSet::new(patterns, &[]),
        names,
    }
});

pub fn technologies() -> &'static Technologies {
    &TECHNOLOGIES
}

impl Technologies {
    /// The technologies named in one block's prose; `span` maps a prose
    /// range back to the source.
    pub fn find(
        &self,
        block: usize,
        text: &str,
        words: &[Word],
        span: impl Fn(Range<usize>) -> Range<usize>,
    ) -> Vec<Mention> {
        self.set
            .in_words(text, words)
            .map(|m| Mention {
                block,
                span: span(m.range.clone()),
                prose: m.range,
                tech: m.id,
                kind: self.names[m.id].1,
            })
            .collect()
    }

    pub fn name(&self, tech: usize) -> &str {
        &self.names[tech].0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_in_names_match() {
        let t = technologies();
        let found: Vec<&str> = t
            .set
            .find("C++, C#, .NET and Node.js")
            .iter()
            .map(|m| t.name(m.id))
            .collect();
        assert_eq!(found, ["C++", "C#", ".NET", "Node.js"]);
    }
}
