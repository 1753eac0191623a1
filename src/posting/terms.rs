//! The terms a requirement is made of, and a letter's sentence holds: the
//! technologies it names, the synonym groups it uses (K8s is Kubernetes),
//! and its content words, stemmed so "trading" meets "trade" and split at
//! hyphens so "cross-functional" meets "cross functional". Words every
//! posting uses ("data", "team") are marked generic: they never cover a
//! requirement by themselves.

use super::lexicon::LEXICON;
use super::text::straighten;
use crate::lexicon::{technologies, TechKind};
use crate::phrases::PhraseSet;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

struct Compiled {
    stopwords: HashSet<String>,
    /// Generic words and their stems.
    generic: HashSet<String>,
    negations: PhraseSet,
    clause_ends: PhraseSet,
    synonyms: PhraseSet,
    practices: PhraseSet,
    kindred_kinds: Vec<TechKind>,
    stemmer: Stemmer,
}

static WORDS: LazyLock<Compiled> = LazyLock::new(|| {
    let words = &LEXICON.words;
    let stemmer = Stemmer::create(Algorithm::English);
    let generic = words
        .generic
        .iter()
        .flat_map(|w| {
            [
                w.to_lowercase(),
                stemmer.stem(&w.to_lowercase()).into_owned(),
            ]
        })
        .collect();
    let groups = |groups: &[Vec<String>]| {
        let spellings = groups.iter().enumerate().flat_map(|(group, spellings)| {
            spellings.iter().map(move |s| (s.clone(), group, false))
        });
        PhraseSet::new(spellings.collect::<Vec<_>>(), &[])
    };
    Compiled {
        stopwords: words.stopwords.iter().map(|w| w.to_lowercase()).collect(),
        generic,
        negations: PhraseSet::of_words(
            words
                .negating
                .iter()
                .flat_map(|n| {
                    words
                        .experience_verbs
                        .iter()
                        .map(move |v| format!("{n} {v}"))
                })
                .chain(words.lacking.iter().cloned()),
            &[],
        ),
        clause_ends: PhraseSet::of_words(words.clause_ends.iter().cloned(), &[]),
        synonyms: groups(&words.synonyms),
        practices: groups(&words.practices),
        kindred_kinds: words.kindred_kinds.clone(),
        stemmer,
    }
});

/// One thing a requirement asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A technology of the lexicon, by its id, with its kind.
    Technology(usize, TechKind),
    /// One of the posting lexicon's synonym groups, by its number.
    Synonym(usize),
    /// One of its practices, methods or credentials (on-call, Agile,
    /// CIMA), by its number.
    Practice(usize),
    /// A content word's stem; `generic` when it says nothing alone,
    /// `rare` when the posting uses it in this requirement only: a word
    /// such as "soldering" then answers the requirement by itself.
    Word {
        stem: String,
        generic: bool,
        rare: bool,
    },
}

impl Term {
    /// A technology or a practice: naming it is evidence enough.
    pub fn is_named(&self) -> bool {
        matches!(self, Term::Technology(..) | Term::Practice(..))
    }

    pub fn is_generic(&self) -> bool {
        matches!(self, Term::Word { generic: true, .. })
    }

    pub fn is_rare(&self) -> bool {
        matches!(self, Term::Word { rare: true, .. })
    }

    /// Whether a letter's term answers this one. Stems meet when equal or
    /// when one extends the other by a letter or two: the English stemmer
    /// leaves "reconcili" for "reconciliation" and "reconcil" for
    /// "reconciled".
    pub fn answers(&self, other: &Term) -> bool {
        match (self, other) {
            (Term::Word { stem: a, .. }, Term::Word { stem: b, .. }) => {
                let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
                short == long
                    || (short.len() >= 6
                        && long.starts_with(short.as_str())
                        && long.len() - short.len() <= 2)
            }
            _ => self == other,
        }
    }

    /// Another technology of a kind whose members stand in for each other:
    /// RabbitMQ for "message queues (we use NATS)".
    pub fn is_kindred(&self, other: &Term) -> bool {
        match (self, other) {
            (Term::Technology(a, kind), Term::Technology(b, other_kind)) => {
                a != b && kind == other_kind && WORDS.kindred_kinds.contains(kind)
            }
            _ => false,
        }
    }
}

pub fn stem(word: &str) -> String {
    WORDS.stemmer.stem(&word.to_lowercase()).into_owned()
}

/// Every term of `text` with its byte range in the straightened text, and
/// the straightened text itself.
fn found(text: &str) -> (String, Vec<(Term, Range<usize>)>) {
    let text = straighten(text);
    let words = crate::text::words(&text);
    let lexicon = &*WORDS;
    let mut found: Vec<(Term, Range<usize>)> = technologies()
        .find(0, &text, &words, |r| r)
        .into_iter()
        .map(|m| (Term::Technology(m.tech, m.kind), m.prose))
        .chain(
            lexicon
                .synonyms
                .in_words(&text, &words)
                .map(|m| (Term::Synonym(m.id), m.range)),
        )
        .chain(
            lexicon
                .practices
                .in_words(&text, &words)
                .map(|m| (Term::Practice(m.id), m.range)),
        )
        .collect();
    let named: Vec<Range<usize>> = found.iter().map(|(_, r)| r.clone()).collect();
    for word in &words {
        if named
            .iter()
            .any(|r| r.start <= word.start && word.end <= r.end)
        {
            continue;
        }
        let lower = text[word.start..word.end].to_lowercase();
        // "you'll", "team's": the piece after an apostrophe is no word.
        let after_apostrophe = text[..word.start].ends_with('\'') && lower.len() <= 2;
        if after_apostrophe
            || lower.chars().count() < 3
            || !lower.chars().any(char::is_alphabetic)
            || lexicon.stopwords.contains(&lower)
        {
            continue;
        }
        let stem = stem(&lower);
        let generic = lexicon.generic.contains(&lower) || lexicon.generic.contains(&stem);
        let term = Term::Word {
            stem,
            generic,
            rare: false,
        };
        found.push((term, word.start..word.end));
    }
    found.sort_by_key(|(_, r)| r.start);
    (text, found)
}

/// The distinct terms of a requirement.
pub(super) fn of(text: &str) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    for (term, _) in found(text).1 {
        if !terms.iter().any(|t| t.answers(&term)) {
            terms.push(term);
        }
    }
    terms
}

/// The terms of one sentence of a letter, each with whether the letter
/// says it lacks it: a negation ("haven't used", "is new to me") holds for
/// its whole clause, up to "but", "though" or a semicolon.
pub fn of_sentence(text: &str) -> Vec<(Term, bool)> {
    let (text, found) = found(text);
    let lexicon = &*WORDS;
    let negations: Vec<Range<usize>> = lexicon.negations.matches(&text).map(|m| m.range).collect();
    if negations.is_empty() {
        return found.into_iter().map(|(t, _)| (t, false)).collect();
    }
    let mut breaks: Vec<usize> = lexicon
        .clause_ends
        .matches(&text)
        .map(|m| m.range.start)
        .collect();
    breaks.extend(text.match_indices([';', ':']).map(|(i, _)| i));
    breaks.sort_unstable();
    let clause = |at: usize| {
        let start = breaks
            .iter()
            .rev()
            .find(|b| **b <= at)
            .copied()
            .unwrap_or(0);
        let end = breaks
            .iter()
            .find(|b| **b > at)
            .copied()
            .unwrap_or(text.len());
        start..end
    };
    let negated: Vec<Range<usize>> = negations.iter().map(|n| clause(n.start)).collect();
    found
        .into_iter()
        .map(|(term, range)| {
            let lacks = negated
                .iter()
                .any(|c| c.start <= range.start && range.end <= c.end);
            (term, lacks)
        })
        .collect()
}

/// Marks the words each requirement alone uses in the whole posting.
pub(super) fn mark_rare<'t>(terms: impl Iterator<Item = &'t mut Term>, prose: &[(String, usize)]) {
    // Grouped by the stem's first six letters, which stems that answer each
    // other share: each term is compared with its group, not the posting.
    let key = |stem: &str| stem.chars().take(6).collect::<String>();
    let mut groups: HashMap<String, Vec<Term>> = HashMap::new();
    for (text, _) in prose {
        for (term, _) in found(text).1 {
            if let Term::Word { stem, .. } = &term {
                groups.entry(key(stem)).or_default().push(term);
            }
        }
    }
    for term in terms {
        let Term::Word { stem, .. } = &*term else {
            continue;
        };
        let group = groups.get(&key(stem)).map_or(&[][..], Vec::as_slice);
        let uses = group.iter().filter(|t| term.answers(t)).count();
        if let Term::Word {
            rare,
            generic: false,
            ..
        } = term
        {
            *rare = uses <= 1;
        }
    }
}

/// The content words of `text` as written, lower-cased: neither stop
/// words, generic words nor technologies.
pub(super) fn plain_words(text: &str) -> Vec<String> {
    let (text, found) = found(text);
    found
        .into_iter()
        .filter(|(term, _)| matches!(term, Term::Word { generic: false, .. }))
        .map(|(_, range)| text[range].to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        of(text)
            .into_iter()
            .filter_map(|t| match t {
                Term::Word {
                    stem,
                    generic: false,
                    ..
                } => Some(stem),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn hyphens_split_and_inflections_meet() {
        assert_eq!(
            stems("event-driven trading desks"),
            ["event", "driven", "trade", "desk"]
        );
        assert_eq!(stems("trade desk"), ["trade", "desk"]);
        let a = &of("reconciliation")[0];
        let b = &of("reconciled")[0];
        assert!(a.answers(b));
    }

    #[test]
    fn apostrophe_pieces_and_generic_words_say_nothing() {
        assert_eq!(
            stems("You'll own the team's data systems"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn synonyms_and_technologies_are_one_term() {
        assert_eq!(of("K8s"), of("Kubernetes"));
        assert_eq!(of("on-call rotation")[0], of("on call")[0]);
    }

    #[test]
    fn a_negation_holds_for_its_clause() {
        let lacks: Vec<bool> =
            of_sentence("I haven't used Terraform yet, but I wrote Ansible playbooks")
                .into_iter()
                .map(|(_, lacks)| lacks)
                .collect();
        assert_eq!(lacks.first(), Some(&true));
        assert_eq!(lacks.last(), Some(&false));
        let kafka = of_sentence("Kafka is new to me");
        assert!(kafka.iter().all(|(_, lacks)| *lacks));
    }
}
