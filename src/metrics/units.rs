//! What a figure counts, from its unit: the rest of its term ("40ms",
//! "$14k/mo", "99.9%") or the words after it ("40 ms", "9,400 events per
//! minute").

use super::lexicon::lexicon;
use super::number::Figure;
use super::sentence::Around;
use std::ops::Range;

pub(super) enum Shape {
    /// "$1,800", "40,000 dollars".
    Money,
    /// "99.9%", "22 percent".
    Percent,
    /// "9,400 events per minute", "2,000 TPS": `counted` are the terms
    /// between the figure and the unit ("events").
    Rate { counted: Range<usize> },
    /// "210ms", "40 minutes"; an `adjective` is hyphenated ("a 30-minute call").
    Duration { adjective: bool },
    /// "600-terabyte", "3 million rows".
    Size,
    /// Anything else: a count, which the words after it may make a scale.
    Count,
}

pub(super) fn shape(around: &Around, figure: &Figure) -> Shape {
    let lex = lexicon();
    let next = around.next(1);
    let unit = figure.unit_or(next);
    if figure.currency || next == "dollars" {
        Shape::Money
    } else if figure.rest.starts_with('%') || next == "percent" {
        Shape::Percent
    } else if let Some(end) = rate_end(around, figure.rest) {
        Shape::Rate {
            counted: around.term + 1..end,
        }
    } else if lex.duration_units.has(unit) {
        Shape::Duration {
            adjective: figure.rest.starts_with('-'),
        }
    } else if lex.size_units.has(unit) {
        Shape::Size
    } else {
        Shape::Count
    }
}

/// Where a rate ends: "9,400 events per minute", "41 pages a week",
/// "12M+ txns/month", "2,000 TPS". Returns the index of the term after the
/// counted words, or None when the figure is not a rate.
fn rate_end(around: &Around, rest: &str) -> Option<usize> {
    let lex = lexicon();
    let terms = &around.sentence.terms;
    let i = around.term;
    let slash_period = |w: &str| {
        w.rsplit_once('/')
            .is_some_and(|(_, period)| lex.rate_periods.has(period))
    };
    if slash_period(rest) || lex.rate_units.has(rest.trim_start_matches(['k', 'm', '+'])) {
        return Some(i + 1);
    }
    for j in i + 1..(i + 5).min(terms.len()) {
        let w = terms[j].text;
        if lex.rate_units.has(w) || slash_period(w) {
            return Some(j);
        }
        let per_period = terms
            .get(j + 1)
            .is_some_and(|t| lex.rate_periods.has(t.text));
        if lex.rate_words.has(w) && per_period {
            return Some(j);
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    None
}
