//! "from 41 to 6", "from an average of four days to under three": two
//! figures of one thing, before and after. With a word that says what was
//! counted, the whole range is a metric, figures or not.

use super::kind::MetricKind;
use super::lexicon::lexicon;
use super::number::leading_digits;
use super::sentence::{is_currency, spaced, Sentence};
use std::ops::Range;

/// At most this many characters stand between the two figures' "from …"
/// and "to", on one line.
const MAX_BETWEEN: usize = 80;

struct FromTo {
    whole: Range<usize>,
    a: Range<usize>,
    /// From the end of `a` to the "to".
    between: Range<usize>,
    b: Range<usize>,
}

/// Adds each range with a word that says what it measures to `found`, the
/// sentence's figures so far; a range whose second figure is already a
/// metric gives its kind to the figures inside it instead.
pub(super) fn add(sentence: &Sentence, found: &mut Vec<(Range<usize>, MetricKind)>) {
    let figures = found.len();
    for m in from_tos(sentence) {
        let is_year = |r: &Range<usize>| {
            let s = &sentence.text[r.clone()];
            s.len() == 4 && (s.starts_with("19") || s.starts_with("20")) && leading_digits(s) == 4
        };
        if sentence.lower[m.between.clone()].contains("from ") || is_year(&m.a) || is_year(&m.b) {
            continue;
        }
        // "from roughly 300 to 5,200 documents per second": both ends
        // measure what the second one measures. Figures are in text order.
        let lo = found[..figures].partition_point(|(r, _)| r.start < m.a.start);
        let hi = found[..figures].partition_point(|(r, _)| r.start < m.b.end);
        let inside = &mut found[lo..hi];
        if let Some(&(_, last)) = inside.iter().rev().find(|(r, _)| r.end <= m.b.end) {
            for (r, kind) in inside.iter_mut() {
                if r.end <= m.b.end {
                    *kind = last;
                }
            }
        } else if let Some(kind) = kind_of(sentence, &m) {
            found.push((m.whole, kind));
        }
    }
}

/// The first cue among the ten terms before the range, nearest first, and
/// then the words after its first figure.
fn kind_of(sentence: &Sentence, m: &FromTo) -> Option<MetricKind> {
    let lex = lexicon();
    let cues = &lex.cues;
    let terms = &sentence.terms;
    let before = terms.partition_point(|t| t.range.end <= m.whole.start);
    let context = terms[..before]
        .iter()
        .rev()
        .take(10)
        .map(|t| t.text)
        .chain(sentence.hyphenated_in(m.a.end..m.b.end));
    context.into_iter().find_map(|w| {
        if cues.recovery.has(w) || cues.reliability.has(w) {
            Some(MetricKind::Reliability)
        } else if cues.cost.has(w) {
            Some(MetricKind::Cost)
        } else if cues.latency.has(w) || lex.percentiles.has(w) {
            Some(MetricKind::Latency)
        } else if cues.throughput.has(w) {
            Some(MetricKind::Throughput)
        } else {
            None
        }
    })
}

/// Each "from A … to B", left to right and without overlap.
fn from_tos(sentence: &Sentence) -> Vec<FromTo> {
    let mut found = Vec::new();
    let mut k = 0;
    while k < sentence.words.len() {
        match from_to_at(sentence, k) {
            Some((m, after)) => {
                found.push(m);
                k = after;
            }
            None => k += 1,
        }
    }
    found
}

/// The range whose "from" is word `from`, and the word after it.
fn from_to_at(sentence: &Sentence, from: usize) -> Option<(FromTo, usize)> {
    if sentence.word(from) != "from" {
        return None;
    }
    let (a_last, a) = figure_after(sentence, from, false)?;
    let words = &sentence.words;
    for to in a_last + 1..words.len() {
        let between = a.end..words[to].start;
        let gap = &sentence.text[between.clone()];
        if gap.contains('\n') || gap.chars().count() > MAX_BETWEEN {
            break;
        }
        if sentence.word(to) != "to" {
            continue;
        }
        if let Some((b_last, b)) = figure_after(sentence, to, true) {
            let m = FromTo {
                whole: words[from].start..b.end,
                a,
                between,
                b,
            };
            return Some((m, b_last + 1));
        }
    }
    None
}

/// The figure after word `k` ("from", "to") and the approximators that
/// may stand before it ("about", "up to"): its last word and its range.
/// Only white space stands between them, and a currency sign before a
/// figure of digits; `percent` lets a "%" end the figure.
fn figure_after(sentence: &Sentence, k: usize, percent: bool) -> Option<(usize, Range<usize>)> {
    let approximators = &lexicon().ranges.approximators;
    let opens = |gap: &str| spaced(gap.trim_end_matches(is_currency));
    if !opens(sentence.gap(k)) {
        return None;
    }
    let mut first = k + 1;
    while spaced(sentence.gap(first - 1)) {
        match approximators
            .iter()
            .find_map(|a| sentence.phrase_end(first, a))
        {
            Some(end) if opens(sentence.gap(end - 1)) => first = end,
            _ => break,
        }
    }
    figure_at(sentence, first, percent)
}

/// A figure starting at word `first`: a number word ("forty"), or digits
/// with more digits after each `.` or `,` and letters after the last
/// ("1.8s", "9,400", "$14k").
fn figure_at(sentence: &Sentence, first: usize, percent: bool) -> Option<(usize, Range<usize>)> {
    let words = &sentence.words;
    let word = words.get(first)?;
    let currency = sentence.gap(first - 1).ends_with(is_currency);
    if !currency && lexicon().ranges.number_words.has(sentence.word(first)) {
        return Some((first, word.start..word.end));
    }
    let shaped = |k: usize| {
        let w = sentence.word(k);
        let digits = leading_digits(w);
        digits > 0 && w[digits..].chars().all(char::is_alphabetic)
    };
    let all_digits = |k: usize| leading_digits(sentence.word(k)) == sentence.word(k).len();
    if !shaped(first) {
        return None;
    }
    let mut last = first;
    while all_digits(last) && matches!(sentence.gap(last), "." | ",") && shaped(last + 1) {
        last += 1;
    }
    let start = if currency {
        sentence.text[..word.start]
            .char_indices()
            .next_back()
            .map_or(word.start, |(i, _)| i)
    } else {
        word.start
    };
    let mut end = words[last].end;
    if percent && all_digits(last) && sentence.text[end..].starts_with('%') {
        end += 1;
    }
    Some((last, start..end))
}
