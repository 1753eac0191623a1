//! Shared word lists (`rules/lexicon/*.toml`) and the one phrase matcher
//! every list uses: compiled once, then one linear scan per block.

use crate::letter::Letter;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

/// A list of phrases matched as whole words, ignoring ASCII case unless a
/// phrase is marked exact, and skipping any match that falls inside one of
/// the `not` phrases ("paging through" is not paging).
#[derive(Debug)]
pub struct PhraseSet {
    /// Every set starts as a contiguous NFA: the DFA the builder would pick
    /// for a short list scans faster but costs more to build than a whole
    /// letter takes to lint, and a process builds about thirty sets.
    nfa: AhoCorasick,
    /// The same phrases as a DFA, built once the set has scanned
    /// `FASTER_AFTER` bytes: linting one letter never pays for it, and a
    /// folder of letters gets it after a few dozen letters. Both find
    /// exactly the same matches.
    faster: OnceLock<AhoCorasick>,
    scanned: AtomicUsize,
    /// For each pattern: the id the caller gave it and whether case must match.
    patterns: Vec<(usize, bool, String)>,
    not: Option<AhoCorasick>,
}

const FASTER_AFTER: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    pub range: Range<usize>,
    pub id: usize,
}

fn automaton<'p>(
    kind: Option<AhoCorasickKind>,
    patterns: impl IntoIterator<Item = &'p str>,
) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .kind(kind)
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("phrase lists are small enough for aho-corasick")
}

impl PhraseSet {
    /// `phrases` yields (pattern, id, exact case). Several patterns may share
    /// an id (aliases).
    pub fn new<I, S>(phrases: I, not: &[String]) -> Self
    where
        I: IntoIterator<Item = (S, usize, bool)>,
        S: Into<String>,
    {
        let patterns: Vec<(usize, bool, String)> = phrases
            .into_iter()
            .map(|(p, id, exact)| (id, exact, p.into()))
            .collect();
        let contiguous = Some(AhoCorasickKind::ContiguousNFA);
        PhraseSet {
            nfa: automaton(contiguous, patterns.iter().map(|(_, _, p)| p.as_str())),
            faster: OnceLock::new(),
            scanned: AtomicUsize::new(0),
            not: (!not.is_empty()).then(|| automaton(contiguous, not.iter().map(String::as_str))),
            patterns,
        }
    }

    /// The automaton to scan `text` with, counting what this set has scanned.
    fn matcher(&self, text: &str) -> &AhoCorasick {
        if let Some(faster) = self.faster.get() {
            return faster;
        }
        if self.scanned.fetch_add(text.len(), Ordering::Relaxed) < FASTER_AFTER {
            return &self.nfa;
        }
        self.faster.get_or_init(|| {
            automaton(
                Some(AhoCorasickKind::DFA),
                self.patterns.iter().map(|(_, _, p)| p.as_str()),
            )
        })
    }

    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        self.matches(text).collect()
    }

    /// The matches in text order, found as they are asked for: `is_match`
    /// and callers that want the first match stop scanning there.
    pub fn matches<'t>(&'t self, text: &'t str) -> impl Iterator<Item = PhraseMatch> + 't {
        let excluded: Vec<Range<usize>> = self
            .not
            .as_ref()
            .map(|not| {
                not.find_iter(text)
                    .filter(|m| is_whole_word(text, m.range()))
                    .map(|m| m.range())
                    .collect()
            })
            .unwrap_or_default();
        self.matcher(text).find_iter(text).filter_map(move |m| {
            let (id, exact, pattern) = &self.patterns[m.pattern().as_usize()];
            let range = m.range();
            // Exclusions do not overlap and come in text order, so only
            // the last one starting at or before the match can hold it.
            let before = excluded.partition_point(|e| e.start <= range.start);
            let inside = before > 0 && range.end <= excluded[before - 1].end;
            let ok = is_whole_word(text, range.clone())
                && (!exact || &text[range.clone()] == pattern)
                && !inside;
            ok.then_some(PhraseMatch { range, id: *id })
        })
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.matches(text).next().is_some()
    }

    /// Whether any block of the letter uses one of the phrases.
    pub fn in_letter(&self, letter: &Letter) -> bool {
        letter.blocks.iter().any(|b| self.is_match(b.text()))
    }
}

fn is_whole_word(text: &str, range: Range<usize>) -> bool {
    let word_char = |c: char| c.is_alphanumeric() || c == '_';
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let first = text[range.clone()].chars().next();
    let last = text[range.clone()].chars().next_back();
    // Only a word character at the edge of the phrase needs a boundary:
    // "C++" may be followed by a letter-less comma, ".NET" preceded by space.
    let glued_before = first.is_some_and(word_char) && before.is_some_and(word_char);
    let glued_after = last.is_some_and(word_char) && after.is_some_and(word_char);
    !glued_before && !glued_after
}

/// A regex built from a rule's word lists and compiled the first time a
/// letter needs it. Compiling a pattern costs more than linting a whole
/// letter, so a process that lints one letter should not pay for patterns
/// it never reaches (role-mismatch's, say, when no posting is given).
#[derive(Debug)]
pub struct LazyRegex {
    pattern: String,
    regex: OnceLock<Regex>,
}

impl LazyRegex {
    /// `pattern` must be valid; it is only compiled on first use.
    pub fn new(pattern: String) -> Self {
        LazyRegex {
            pattern,
            regex: OnceLock::new(),
        }
    }

    pub fn get(&self) -> &Regex {
        self.regex.get_or_init(|| {
            Regex::new(&self.pattern).expect("patterns built from escaped words are valid")
        })
    }
}

/// Parses an embedded TOML file; a broken built-in list is a bug caught by
/// every test run, so it panics with the file's name.
pub fn embedded<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> T {
    toml::from_str(text).unwrap_or_else(|e| panic!("built-in {name} is invalid: {e}"))
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
    let file: TechFile = embedded(
        "rules/lexicon/technologies.toml",
        include_str!("../rules/lexicon/technologies.toml"),
    );
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
    pub fn find(&self, letter: &Letter) -> Vec<Mention> {
        let mut mentions = Vec::new();
        for (index, block) in letter.blocks.iter().enumerate() {
            for m in self.set.find(block.text()) {
                mentions.push(Mention {
                    block: index,
                    span: block.prose.source_range(m.range.clone()),
                    prose: m.range,
                    tech: m.id,
                    kind: self.names[m.id].1,
                });
            }
        }
        mentions
    }

    pub fn name(&self, tech: usize) -> &str {
        &self.names[tech].0
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermFile {
    terms: Vec<String>,
    not_terms: Vec<String>,
}

/// The observability terms and the phrases that look like them but are not.
pub fn observability_terms() -> (Vec<String>, Vec<String>) {
    let file: TermFile = embedded(
        "rules/lexicon/observability.toml",
        include_str!("../rules/lexicon/observability.toml"),
    );
    (file.terms, file.not_terms)
}

static OBSERVABILITY: LazyLock<PhraseSet> = LazyLock::new(|| {
    let (terms, not) = observability_terms();
    PhraseSet::new(terms.into_iter().map(|t| (t, 0, false)), &not)
});

/// Logs, traces, dashboards, alerts, on-call, SLOs, postmortems and the tools for them.
pub fn observability() -> &'static PhraseSet {
    &OBSERVABILITY
}

static ENGINEERING_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:software|engineers?|engineering|developers?|devops|SRE|site reliability|programmers?|back-?end|front-?end|full[- ]stack|data platform|machine learning)\b",
    )
    .expect("valid regex")
});

/// A letter can be an engineering application without naming a single tool
/// ("I am a software engineer passionate about clean code"); the role words
/// say so.
pub fn names_engineering_role(letter: &Letter) -> bool {
    letter
        .front_matter
        .role
        .iter()
        .map(String::as_str)
        .chain(letter.blocks.iter().map(|b| b.text()))
        .any(|text| ENGINEERING_ROLE.is_match(text))
}

/// Test helpers for the ASCII twins of Unicode patterns (`metrics.rs`,
/// `placeholder.rs`, `generic_opening.rs`).
#[cfg(test)]
pub(crate) mod twins {
    use proptest::prelude::*;
    use regex::Regex;

    /// ASCII text built from the words and marks the twinned patterns look
    /// for, with arbitrary ASCII between them.
    pub fn ascii_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            prop::sample::select(vec![
                "zero",
                "Zero",
                "not a single",
                "without a single",
                "has not",
                "have n't",
                "did not",
                "a single",
                "customer-reported",
                "duplicate",
                "dropped",
                "data loss",
                "from",
                "From",
                "to",
                "about",
                "up to",
                "41",
                "9,400",
                "$14k/mo",
                "1.8s",
                "210ms",
                "99.95%",
                "12M+",
                "one",
                "half",
                "events",
                "Kestrel",
                "Pay's",
                "KESTREL's",
                "x's",
                "[Company Name]",
                "{Hiring Manager}",
                "<Your Name>",
                "[",
                "]",
                "{",
                "}",
                "<",
                ">",
                "-",
                "'",
                "_",
                "&",
                "/",
                ":",
            ])
            .prop_map(String::from),
            "[ -~\t\n\x0b\x0c\r]{0,12}",
        ];
        let separator = prop::sample::select(vec!["", " ", "  ", "\t", "\n", "\x0b"]);
        prop::collection::vec((piece, separator), 0..24).prop_map(|parts| {
            parts
                .into_iter()
                .flat_map(|(piece, sep)| [piece, sep.to_string()])
                .collect()
        })
    }

    /// Every match, and every group of every match, as byte ranges.
    pub fn matches(regex: &Regex, text: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
        regex
            .captures_iter(text)
            .map(|c| c.iter().map(|g| g.map(|m| m.range())).collect())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only_and_exact_case() {
        let set = PhraseSet::new(
            [("log", 0, false), ("Go", 1, true)],
            &["paging through".into()],
        );
        assert!(set.find("our blog and catalog and login").is_empty());
        assert_eq!(set.find("the Log file").len(), 1);
        assert_eq!(set.find("we go to Go").len(), 1);
    }

    #[test]
    fn exclusions_hide_their_terms() {
        let set = PhraseSet::new([("paging", 0, false)], &["paging through".into()]);
        assert!(set.find("paging through history").is_empty());
        assert_eq!(set.find("paging on-call").len(), 1);
    }

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
