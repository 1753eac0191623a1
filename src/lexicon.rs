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

/// What a technology is; `rules/lexicon/technologies.toml` has one table
/// per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TechKind {
    Language,
    Framework,
    Datastore,
    Messaging,
    Data,
    Cloud,
    Infrastructure,
    Platform,
    Protocol,
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
    /// For each pattern of `set`, by its id: the technology it spells and
    /// whether it counts only when listed beside another technology.
    spellings: Vec<(usize, bool)>,
    /// Words after which a name is a person's ("Dr. Ray").
    titles: Vec<String>,
    set: PhraseSet,
}

/// No `deny_unknown_fields`: serde cannot have it beside `flatten`. A table
/// that is not a kind still fails, as an unknown variant of `TechKind`.
#[derive(Deserialize)]
struct TechFile {
    exact_case: Vec<String>,
    listed_only: Vec<String>,
    not: Vec<String>,
    titles: Vec<String>,
    #[serde(flatten)]
    kinds: BTreeMap<TechKind, BTreeMap<String, Vec<String>>>,
}

static TECHNOLOGIES: LazyLock<Technologies> = LazyLock::new(|| {
    let file: TechFile = embedded!("rules/lexicon/technologies");
    let mut names = Vec::new();
    let mut spellings = Vec::new();
    let mut patterns = Vec::new();
    for (kind, group) in file.kinds {
        for (name, aliases) in group {
            let tech = names.len();
            for spelling in std::iter::once(name.clone()).chain(aliases) {
                patterns.push((
                    spelling.clone(),
                    spellings.len(),
                    file.exact_case.contains(&spelling),
                ));
                spellings.push((tech, file.listed_only.contains(&spelling)));
            }
            names.push((name, kind));
        }
    }
    Technologies {
        set: PhraseSet::new(patterns, &file.not),
        names,
        spellings,
        titles: file.titles,
    }
});

pub fn technologies() -> &'static Technologies {
    &TECHNOLOGIES
}

/// Whether only list punctuation, "and" or "or" stand between two names,
/// and at least one of them does: "Python, R", "R and Julia", "AWS (Glue".
fn listed_together(gap: &str) -> bool {
    let separators = ",;/&()|:+";
    let mut joined = gap.contains(|c| separators.contains(c));
    for word in gap
        .split(|c: char| c.is_whitespace() || separators.contains(c))
        .filter(|w| !w.is_empty())
    {
        if !(word.eq_ignore_ascii_case("and") || word.eq_ignore_ascii_case("or")) {
            return false;
        }
        joined = true;
    }
    joined
}

impl Technologies {
    /// The technologies named in one block's prose; `span` maps a prose
    /// range back to the source. A name after a title is a person's, and a
    /// `listed_only` spelling counts only when a list joins it, directly or
    /// through other such names, to a technology that counts on its own:
    /// one pass forward and one back settle every chain.
    pub fn find(
        &self,
        block: usize,
        text: &str,
        words: &[Word],
        span: impl Fn(Range<usize>) -> Range<usize>,
    ) -> Vec<Mention> {
        let found: Vec<_> = self
            .set
            .in_words(text, words)
            .filter(|m| !self.after_title(&text[..m.range.start]))
            .collect();
        let mut counts: Vec<bool> = found.iter().map(|m| !self.spellings[m.id].1).collect();
        let joined =
            |i: usize| listed_together(&text[found[i].range.end..found[i + 1].range.start]);
        for i in 1..found.len() {
            counts[i] = counts[i] || (counts[i - 1] && joined(i - 1));
        }
        for i in (0..found.len().saturating_sub(1)).rev() {
            counts[i] = counts[i] || (counts[i + 1] && joined(i));
        }
        found
            .into_iter()
            .zip(counts)
            .filter(|(_, counts)| *counts)
            .map(|(m, _)| {
                let tech = self.spellings[m.id].0;
                Mention {
                    block,
                    span: span(m.range.clone()),
                    prose: m.range,
                    tech,
                    kind: self.names[tech].1,
                }
            })
            .collect()
    }

    /// Whether `before` ends with a title or greeting, then perhaps a
    /// period, then space: what stands before a person's name.
    fn after_title(&self, before: &str) -> bool {
        let before = before.trim_end();
        let before = before.strip_suffix('.').unwrap_or(before);
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric())
            .last()
            .map_or(before.len(), |(i, _)| i);
        let word = &before[start..];
        !word.is_empty() && self.titles.iter().any(|t| t.eq_ignore_ascii_case(word))
    }

    pub fn name(&self, tech: usize) -> &str {
        &self.names[tech].0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str) -> Vec<&'static str> {
        let t = technologies();
        let words = crate::text::words(text);
        t.find(0, text, &words, |r| r)
            .iter()
            .map(|m| t.name(m.tech))
            .collect()
    }

    #[test]
    fn symbols_in_names_match() {
        assert_eq!(
            named("C++, C#, .NET and Node.js, then ASP.NET Core, CI/CD, ES6+ and HTML5."),
            [
                "C++",
                "C#",
                ".NET",
                "Node.js",
                "ASP.NET",
                "CI/CD",
                "JavaScript",
                "HTML"
            ]
        );
    }

    #[test]
    fn homographs_count_only_in_a_list() {
        assert_eq!(
            named("I am comfortable in Python, R, Julia and Stata."),
            ["Python", "R", "Julia", "Stata"]
        );
        assert_eq!(named("Julia and R, then Go."), ["Go"]);
        assert!(named("Julia and I moved the R&D team in Spring.").is_empty());
        assert!(named("I excel at Excel. Chef Marco ran the pass.").is_empty());
        assert_eq!(
            named("Tools: SQL Server, Excel with Power Query"),
            ["SQL Server", "Excel", "Power Query"]
        );
        assert!(named("Our C-suite met in Hong Kong; react quickly, go ahead, rust.").is_empty());
    }

    #[test]
    fn a_name_after_a_title_is_a_person() {
        assert!(named("Dear Ms. Jenkins, hello Dr Cassandra").is_empty());
        assert_eq!(named("CI in Jenkins"), ["Jenkins"]);
    }

    #[test]
    fn every_spelling_is_listed_once() {
        let file: TechFile = embedded!("rules/lexicon/technologies");
        let mut seen = HashSet::new();
        let mut count = 0;
        for group in file.kinds.values() {
            for (name, aliases) in group {
                count += 1;
                for spelling in std::iter::once(name).chain(aliases) {
                    let key = if file.exact_case.contains(spelling) {
                        spelling.clone()
                    } else {
                        spelling.to_ascii_lowercase()
                    };
                    assert!(seen.insert(key), "{spelling} is listed twice");
                }
            }
        }
        assert!(count >= 600, "only {count} technologies");
        for spelling in file.listed_only.iter().chain(&file.exact_case) {
            let key_exact = seen.contains(spelling);
            assert!(
                key_exact || seen.contains(&spelling.to_ascii_lowercase()),
                "{spelling} is no spelling"
            );
        }
    }
}
