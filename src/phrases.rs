//! The one phrase matcher every word list uses: built in microseconds, then
//! one linear scan per text, over the words the tokenizer (`text.rs`) found.

use crate::text::{is_word_char, word_at, words, Word};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// A list of phrases matched as whole words, ignoring ASCII case unless a
/// phrase is marked exact, and skipping any match that falls inside one of
/// the `not` phrases ("paging through" is not paging).
///
/// A whole-word match of a phrase that starts with a word character can
/// only start where a word of the text starts, and that word must be the
/// phrase's first word. So the phrases are kept by the hash of their first
/// word, and a scan looks each word of the text up once. A process builds
/// about thirty sets: building this index costs microseconds, where an
/// Aho-Corasick automaton cost more than linting a whole letter.
#[derive(Debug)]
pub struct PhraseSet {
    patterns: Vec<Pattern>,
    /// Phrases that start with a word character, by the hash of their
    /// first word; each list longest first, so the first hit is the longest.
    by_first_word: HashMap<u64, Vec<usize>, BuildHasherDefault<Prehashed>>,
    /// One bit per first word, at `filter_bit` of its hash: most words of a
    /// letter start no phrase, and this says so for less than a look-up.
    first_words: [u64; 16],
    /// Phrases that start with any other character (".NET"), which may
    /// start anywhere, by that character; longest first.
    by_first_char: Vec<(char, Vec<usize>)>,
    not: Option<Box<PhraseSet>>,
}

#[derive(Debug)]
struct Pattern {
    text: String,
    /// The id the caller gave it: aliases share one.
    id: usize,
    /// Case must match, not only ASCII-insensitively.
    exact: bool,
    /// Whether it ends in a word character, which then needs a boundary.
    ends_in_word: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    pub range: Range<usize>,
    pub id: usize,
}

/// Where a word's hash sets its bit in `PhraseSet::first_words`.
fn filter_bit(hash: u64) -> (usize, u64) {
    let bit = (hash >> 54) as usize; // 10 bits: 1,024 places
    (bit / 64, 1 << (bit % 64))
}

/// The keys are word hashes (`word_at`) already: hashing them again buys
/// nothing.
#[derive(Debug, Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys are hashed")
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl PhraseSet {
    /// A word list: phrases matched in any ASCII case, all standing for one
    /// thing, with `not` phrases that hide a match.
    pub fn of_words<S: Into<String>>(words: impl IntoIterator<Item = S>, not: &[String]) -> Self {
        Self::new(words.into_iter().map(|w| (w, 0, false)), not)
    }

    /// `phrases` yields (pattern, id, exact case). Several patterns may share
    /// an id (aliases). An empty pattern matches nothing.
    pub fn new<I, S>(phrases: I, not: &[String]) -> Self
    where
        I: IntoIterator<Item = (S, usize, bool)>,
        S: Into<String>,
    {
        let patterns: Vec<Pattern> = phrases
            .into_iter()
            .map(|(text, id, exact)| {
                let text = text.into();
                Pattern {
                    ends_in_word: text.chars().next_back().is_some_and(is_word_char),
                    text,
                    id,
                    exact,
                }
            })
            .filter(|p| !p.text.is_empty())
            .collect();
        Self::index(patterns, not)
    }

    fn index(patterns: Vec<Pattern>, not: &[String]) -> Self {
        let mut by_first_word: HashMap<u64, Vec<usize>, _> = HashMap::default();
        let mut by_first_char: Vec<(char, Vec<usize>)> = Vec::new();
        for (index, pattern) in patterns.iter().enumerate() {
            let first = pattern.text.chars().next().expect("not empty");
            if is_word_char(first) {
                let (_, hash) = word_at(&pattern.text, 0);
                by_first_word.entry(hash).or_default().push(index);
            } else if let Some((_, list)) = by_first_char.iter_mut().find(|(c, _)| *c == first) {
                list.push(index);
            } else {
                by_first_char.push((first, vec![index]));
            }
        }
        let longest_first = |list: &mut Vec<usize>| {
            list.sort_by_key(|&i| std::cmp::Reverse(patterns[i].text.len()));
        };
        by_first_word.values_mut().for_each(longest_first);
        let mut first_words = [0; 16];
        for hash in by_first_word.keys() {
            let (slot, bit) = filter_bit(*hash);
            first_words[slot] |= bit;
        }
        by_first_char.iter_mut().for_each(|(_, l)| longest_first(l));
        PhraseSet {
            not: (!not.is_empty()).then(|| {
                Box::new(PhraseSet::new(
                    not.iter().map(|n| (n.as_str(), 0, false)),
                    &[],
                ))
            }),
            patterns,
            by_first_word,
            first_words,
            by_first_char,
        }
    }

    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        self.matches(text).collect()
    }

    /// The matches in text order, leftmost first and longest at each
    /// start, never overlapping; found as they are asked for, so `is_match`
    /// and callers that want the first match stop scanning there.
    pub fn matches<'t>(&'t self, text: &'t str) -> impl Iterator<Item = PhraseMatch> + 't {
        self.scan(text, Cow::Owned(words(text)))
    }

    /// `matches` over a block's text, with the words the block keeps.
    /// `matches` over `text` whose `words` were found already
    /// (`Block::sentence_words`), for callers that scan it with several sets.
    pub fn in_words<'t>(
        &'t self,
        text: &'t str,
        words: &'t [Word],
    ) -> impl Iterator<Item = PhraseMatch> + 't {
        self.scan(text, Cow::Borrowed(words))
    }

    fn scan<'t>(
        &'t self,
        text: &'t str,
        words: Cow<'t, [Word]>,
    ) -> impl Iterator<Item = PhraseMatch> + 't {
        let excluded: Vec<Range<usize>> = self
            .not
            .as_ref()
            .map(|not| not.scan(text, words.clone()).map(|m| m.range).collect())
            .unwrap_or_default();
        // Nothing before `at` can start a match; `next` is the first word
        // that may.
        let mut at = 0;
        let mut next = 0;
        std::iter::from_fn(move || loop {
            while words
                .get(next)
                .is_some_and(|w| w.start < at || !self.may_start(w.hash))
            {
                next += 1;
            }
            let word = words.get(next);
            let gap = at..word.map_or(text.len(), |w| w.start);
            // Phrases like ".NET" start on a character between words.
            let in_gap = (!self.by_first_char.is_empty())
                .then(|| {
                    text[gap].char_indices().find_map(|(i, c)| {
                        let (_, list) = self.by_first_char.iter().find(|(first, _)| *first == c)?;
                        let start = at + i;
                        self.longest_at(text, start, list).map(|p| (start, p))
                    })
                })
                .flatten();
            let (start, index) = match (in_gap, word) {
                (Some(found), _) => found,
                (None, None) => return None,
                (None, Some(word)) => {
                    at = word.end;
                    let found = self.by_first_word.get(&word.hash);
                    match found.and_then(|list| self.longest_at(text, word.start, list)) {
                        Some(index) => (word.start, index),
                        None => continue,
                    }
                }
            };
            let pattern = &self.patterns[index];
            let range = start..start + pattern.text.len();
            at = range.end;
            // Exclusions do not overlap and come in text order, so only
            // the last one starting at or before the match can hold it.
            let before = excluded.partition_point(|e| e.start <= range.start);
            if before > 0 && range.end <= excluded[before - 1].end {
                continue;
            }
            return Some(PhraseMatch {
                range,
                id: pattern.id,
            });
        })
    }

    /// Whether a phrase may start with the word of this hash.
    fn may_start(&self, hash: u64) -> bool {
        let (slot, bit) = filter_bit(hash);
        self.first_words[slot] & bit != 0
    }

    /// The longest of `candidates` that matches `text` at `at` as a whole
    /// word (the caller has checked the start).
    fn longest_at(&self, text: &str, at: usize, candidates: &[usize]) -> Option<usize> {
        let rest = &text.as_bytes()[at..];
        candidates.iter().copied().find(|&i| {
            let pattern = &self.patterns[i];
            let Some(found) = rest.get(..pattern.text.len()) else {
                return false;
            };
            let same = if pattern.exact {
                found == pattern.text.as_bytes()
            } else {
                found.eq_ignore_ascii_case(pattern.text.as_bytes())
            };
            same && !(pattern.ends_in_word
                && text[at + found.len()..]
                    .chars()
                    .next()
                    .is_some_and(is_word_char))
        })
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.matches(text).next().is_some()
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

    /// The definition the index implements, checked at every position: the
    /// leftmost whole-word match, the longest there, then on from its end.
    fn naive(phrases: &[(&str, bool)], text: &str) -> Vec<PhraseMatch> {
        let mut found = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let before = text[..at].chars().next_back();
            let hit = phrases
                .iter()
                .enumerate()
                .filter(|(_, (p, exact))| {
                    let Some(there) = text.get(at..at + p.len()) else {
                        return false;
                    };
                    let first = p.chars().next().unwrap();
                    let last = p.chars().next_back().unwrap();
                    let after = text[at + p.len()..].chars().next();
                    (if *exact {
                        there == *p
                    } else {
                        there.eq_ignore_ascii_case(p)
                    }) && !(is_word_char(first) && before.is_some_and(is_word_char))
                        && !(is_word_char(last) && after.is_some_and(is_word_char))
                })
                .max_by_key(|(i, (p, _))| (p.len(), std::cmp::Reverse(*i)));
            match hit {
                Some((id, (p, _))) => {
                    found.push(PhraseMatch {
                        range: at..at + p.len(),
                        id,
                    });
                    at += p.len();
                }
                None => at += text[at..].chars().next().unwrap().len_utf8(),
            }
        }
        found
    }

    proptest::proptest! {
        #[test]
        fn the_index_finds_what_the_definition_finds(
            text in "(go|Go|golang|c|C\\+\\+|\\.net|asp|team|player|team player|é|_| |\\.|,|x|\n){0,30}"
        ) {
            let phrases = [
                ("go", false), ("Go", true), ("golang", false), ("c", false), ("C++", false),
                (".NET", false), ("ASP.NET", false), ("team player", false), ("team", false),
                ("é", false), ("x_", false),
            ];
            let set = PhraseSet::new(phrases.iter().enumerate().map(|(i, (p, e))| (*p, i, *e)), &[]);
            proptest::prop_assert_eq!(set.find(&text), naive(&phrases, &text));
            let words = words(&text);
            proptest::prop_assert_eq!(set.in_words(&text, &words).collect::<Vec<_>>(), set.find(&text));
        }
    }
}
