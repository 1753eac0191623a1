//! A sentence as the metric finder reads it: the words of `crate::text`,
//! the terms they join into, its clauses, and the terms around a figure.

use super::kind::MetricKind;
use super::lexicon::{lexicon, Words};
use crate::text::{self, Word};
use std::cell::OnceCell;
use std::ops::Range;

/// Words joined by one mark inside them ("9,400", "customer-reported",
/// "txns/month", "p.m"), with a currency sign before ("$14k") and a `%`
/// or `+` after ("99.9%", "12M+"): what a cue or a unit is compared with.
pub(super) struct Term<'a> {
    /// The term lower-cased (ASCII letters only).
    pub text: &'a str,
    pub range: Range<usize>,
    /// Its words, as indices into `Sentence::words`.
    pub words: Range<usize>,
}

pub(super) struct Sentence<'a> {
    pub text: &'a str,
    /// `text` with ASCII letters lower-cased, at the same offsets.
    pub lower: &'a str,
    pub words: Vec<Word>,
    pub terms: Vec<Term<'a>>,
    /// Where its clauses break: found when a figure first asks.
    breaks: OnceCell<Vec<Range<usize>>>,
}

pub(super) fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£')
}

/// White space, and nothing else.
pub(super) fn spaced(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace)
}

impl<'a> Sentence<'a> {
    pub fn new(text: &'a str, lower: &'a str) -> Self {
        let words = text::words(text);
        let terms = terms(text, lower, &words);
        Sentence {
            text,
            lower,
            words,
            terms,
            breaks: OnceCell::new(),
        }
    }

    /// Word `k` lower-cased; empty past the last word.
    pub fn word(&self, k: usize) -> &'a str {
        self.words
            .get(k)
            .map_or("", |w| &self.lower[w.start..w.end])
    }

    /// What stands between word `k` and the next one (or the end).
    pub fn gap(&self, k: usize) -> &'a str {
        let start = self.words.get(k).map_or(self.text.len(), |w| w.end);
        let end = self.words.get(k + 1).map_or(self.text.len(), |w| w.start);
        &self.text[start..end]
    }

    /// Where `phrase` (lower-case words, one space apart) ends when its
    /// words start at word `k`, with only white space between them.
    pub fn phrase_end(&self, k: usize, phrase: &str) -> Option<usize> {
        let mut at = k;
        for (n, part) in phrase.split(' ').enumerate() {
            if self.word(at) != part || (n > 0 && !spaced(self.gap(at - 1))) {
                return None;
            }
            at += 1;
        }
        Some(at)
    }

    /// The word after the run of words joined by hyphens from word `k`
    /// ("customer-reported").
    pub fn hyphenated_end(&self, k: usize) -> usize {
        let mut last = k;
        while last + 1 < self.words.len() && self.gap(last) == "-" {
            last += 1;
        }
        last + 1
    }

    /// The hyphenated words that lie inside `range`, lower-cased.
    pub fn hyphenated_in(&self, range: Range<usize>) -> impl Iterator<Item = &'a str> + '_ {
        let mut k = self.words.partition_point(|w| w.start < range.start);
        std::iter::from_fn(move || {
            let start = self.words.get(k).filter(|w| w.end <= range.end)?.start;
            let mut end = self.hyphenated_end(k);
            while self.words[end - 1].end > range.end {
                end -= 1;
            }
            k = end;
            Some(&self.lower[start..self.words[end - 1].end])
        })
    }

    /// The byte range of the clause around `at`: clauses break at ", ",
    /// ";", ":", dashes and parentheses, and a comma inside "9,400" does not
    /// break one. The breaks are found once, and each figure's clause by a
    /// binary search.
    fn clause_of(&self, at: usize) -> Range<usize> {
        let breaks = self.breaks.get_or_init(|| clause_breaks(self.text));
        let next = breaks.partition_point(|b| b.start < at);
        let start = next.checked_sub(1).map_or(0, |i| breaks[i].end);
        let end = breaks.get(next).map_or(self.text.len(), |b| b.start);
        start..end
    }
}

fn terms<'a>(text: &str, lower: &'a str, words: &[Word]) -> Vec<Term<'a>> {
    let joined = |gap: &str| matches!(gap, "." | "," | "'" | "’" | "/" | ":" | "-");
    let mut terms = Vec::with_capacity(words.len());
    let mut first = 0;
    while first < words.len() {
        let mut last = first;
        while last + 1 < words.len() && joined(&text[words[last].end..words[last + 1].start]) {
            last += 1;
        }
        let mut start = words[first].start;
        if let Some(sign) = text[..start]
            .chars()
            .next_back()
            .filter(|&c| is_currency(c))
        {
            start -= sign.len_utf8();
        }
        let mut end = words[last].end;
        for mark in ['%', '+'] {
            if text[end..].starts_with(mark) {
                end += 1;
            }
        }
        terms.push(Term {
            text: &lower[start..end],
            range: start..end,
            words: first..last + 1,
        });
        first = last + 1;
    }
    terms
}

/// Whether `rest` starts with a word that opens a new clause ("while").
fn starts_with_clause_word(rest: &str) -> bool {
    lexicon().clause_words.iter().any(|word| {
        rest.get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
            && rest[word.len()..].starts_with(' ')
    })
}

fn clause_breaks(text: &str) -> Vec<Range<usize>> {
    text.char_indices()
        .filter(|&(i, c)| {
            matches!(c, ';' | ':' | '—' | '–' | '(' | ')')
                || (c == ',' && text[i + 1..].starts_with(' '))
                // "went up 5× while rollbacks fell": two outcomes.
                || (c == ' ' && starts_with_clause_word(&text[i + 1..]))
        })
        .map(|(i, c)| i..i + c.len_utf8())
        .collect()
}

/// A figure's term, and the clause it stands in: a cue counts only inside
/// it. In "rates rose from 72% to 94%, and fees fell", "fees" says nothing
/// about 72%.
pub(super) struct Around<'s, 'a> {
    pub sentence: &'s Sentence<'a>,
    /// The figure's index in `sentence.terms`.
    pub term: usize,
    clause: Range<usize>,
}

impl<'s, 'a> Around<'s, 'a> {
    pub fn new(sentence: &'s Sentence<'a>, term: usize) -> Self {
        let clause = sentence.clause_of(sentence.terms[term].range.start);
        Around {
            sentence,
            term,
            clause,
        }
    }

    /// The term `k` places after the figure; empty past the end.
    pub fn next(&self, k: usize) -> &'a str {
        self.sentence
            .terms
            .get(self.term + k)
            .map_or("", |t| t.text)
    }

    pub fn previous(&self) -> &'a str {
        let terms = &self.sentence.terms;
        self.term.checked_sub(1).map_or("", |p| terms[p].text)
    }

    /// The terms of the clause at most `radius` terms away, with their distance.
    fn within(&self, radius: usize) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        let terms = &self.sentence.terms;
        let lo = self.term.saturating_sub(radius);
        let hi = (self.term + radius + 1).min(terms.len());
        (lo..hi)
            .filter(move |&k| {
                let range = &terms[k].range;
                k != self.term && self.clause.start <= range.start && range.end <= self.clause.end
            })
            .map(move |k| (k.abs_diff(self.term), terms[k].text))
    }

    pub fn has_cue(&self, radius: usize, cues: &Words) -> bool {
        self.within(radius).any(|(_, t)| cues.has(t))
    }

    pub fn has_word(&self, radius: usize, word: &str) -> bool {
        self.within(radius).any(|(_, t)| t == word)
    }

    /// The kind named by the closest cue, the earlier one on a tie.
    pub fn nearest_cue(&self, radius: usize) -> Option<MetricKind> {
        let cues = &lexicon().cues;
        // A business rate nearest the figure ("click-through rate up 12%")
        // measures none of the kinds.
        let kinds = [
            (&cues.business, None),
            (&cues.reliability, Some(MetricKind::Reliability)),
            (&cues.cost, Some(MetricKind::Cost)),
            (&cues.latency, Some(MetricKind::Latency)),
            (&cues.throughput, Some(MetricKind::Throughput)),
        ];
        self.within(radius)
            .filter_map(|(distance, t)| {
                let (_, kind) = kinds.iter().find(|(list, _)| list.has(t))?;
                Some((distance, *kind))
            })
            .min_by_key(|(distance, _)| *distance)
            .and_then(|(_, kind)| kind)
    }

    /// True when the terms right before the figure spell one of `phrases`.
    pub fn preceded_by(&self, phrases: &Words) -> bool {
        let before = &self.sentence.terms[..self.term];
        phrases.iter().any(|phrase| {
            let words: Vec<&str> = phrase.split(' ').collect();
            before.len() >= words.len()
                && words
                    .iter()
                    .zip(&before[before.len() - words.len()..])
                    .all(|(w, t)| *w == t.text)
        })
    }
}
