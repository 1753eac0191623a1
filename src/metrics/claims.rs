//! Reliability without a figure: "zero customer-reported duplicates",
//! "has not seen a single outage", and a count of failures brought down
//! "to none".

use super::kind::MetricKind;
use super::lexicon::lexicon;
use super::sentence::{spaced, Sentence};
use std::ops::Range;

/// At most this many words stand between a claim's opening and its failure.
const MAX_BETWEEN: usize = 5;

pub(super) fn find(sentence: &Sentence) -> Vec<(Range<usize>, MetricKind)> {
    let mut found: Vec<_> = zero_claims(sentence)
        .into_iter()
        .map(|claim| (claim, MetricKind::Reliability))
        .collect();
    let terms = &sentence.terms;
    let reliability = &lexicon().cues.reliability;
    for m in to_nothing(sentence) {
        let before = terms.partition_point(|t| t.range.end <= m.start);
        let named = terms[..before]
            .iter()
            .rev()
            .take(12)
            .any(|t| reliability.has(t.text));
        if named {
            found.push((m, MetricKind::Reliability));
        }
    }
    found
}

/// Each claim, left to right and without overlap.
fn zero_claims(sentence: &Sentence) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut k = 0;
    while k < sentence.words.len() {
        match claim_at(sentence, k) {
            Some(last) => {
                found.push(sentence.words[k].start..sentence.words[last].end);
                k = last + 1;
            }
            None => k += 1,
        }
    }
    found
}

/// The last word of the claim whose opening starts at word `k`.
fn claim_at(sentence: &Sentence, k: usize) -> Option<usize> {
    openings(sentence, k)
        .into_iter()
        .find_map(|opening| failure_after(sentence, opening))
}

/// Where each opening at word `k` ends: "zero", "not a single", and
/// "has not … a single" with up to two words before "a single", the most
/// words first.
fn openings(sentence: &Sentence, k: usize) -> Vec<usize> {
    let claims = &lexicon().claims;
    let mut ends: Vec<usize> = claims
        .openings
        .iter()
        .filter_map(|o| sentence.phrase_end(k, o))
        .collect();
    if let Some(not) = negation_end(sentence, k) {
        for skipped in (0..=2).rev() {
            let apart = (not - 1..not + skipped).all(|w| spaced(sentence.gap(w)));
            let end = sentence.phrase_end(not + skipped, "a single");
            ends.extend(end.filter(|_| apart));
        }
    }
    ends
}

/// The word after "has not", "did n't", "hasn't" at word `k`.
fn negation_end(sentence: &Sentence, k: usize) -> Option<usize> {
    let verbs = &lexicon().claims.negated_verbs;
    let word = sentence.word(k);
    let contracted = |n: usize| sentence.gap(n) == "'" && sentence.word(n + 1) == "t";
    if verbs.has(word) && spaced(sentence.gap(k)) {
        match sentence.word(k + 1) {
            "not" => return Some(k + 2),
            "n" if contracted(k + 1) => return Some(k + 3),
            _ => {}
        }
    }
    let verb = word.strip_suffix('n')?;
    (verbs.has(verb) && contracted(k)).then_some(k + 2)
}

/// The last word of a failure ("duplicates", "data loss") at most five
/// hyphenated words after an opening that ends before word `opening_end`,
/// the fewest words first; only white space between them.
fn failure_after(sentence: &Sentence, opening_end: usize) -> Option<usize> {
    let failures = &lexicon().claims.failures;
    let mut at = opening_end;
    for between in 0..=MAX_BETWEEN {
        if !spaced(sentence.gap(at - 1)) {
            return None;
        }
        if let Some(end) = failures.iter().find_map(|f| failure_end(sentence, at, f)) {
            return Some(end - 1);
        }
        if between == MAX_BETWEEN {
            break;
        }
        at = sentence.hyphenated_end(at);
    }
    None
}

/// Where `failure` ends when it starts at word `k`: its last word need only
/// start the word ("duplicates"), and the words hyphenated to it go with it.
fn failure_end(sentence: &Sentence, k: usize, failure: &str) -> Option<usize> {
    let (whole, last) = failure.rsplit_once(' ').unwrap_or(("", failure));
    let at = if whole.is_empty() {
        k
    } else {
        sentence.phrase_end(k, whole)?
    };
    if at > k && !spaced(sentence.gap(at - 1)) {
        return None;
    }
    let word = sentence.word(at);
    (!word.is_empty() && word.starts_with(last)).then(|| sentence.hyphenated_end(at))
}

/// "to none", "to zero", "to nothing".
fn to_nothing(sentence: &Sentence) -> Vec<Range<usize>> {
    let nothing = &lexicon().claims.nothing;
    let words = &sentence.words;
    (0..words.len().saturating_sub(1))
        .filter(|&k| {
            sentence.word(k) == "to" && spaced(sentence.gap(k)) && nothing.has(sentence.word(k + 1))
        })
        .map(|k| words[k].start..words[k + 1].end)
        .collect()
}
