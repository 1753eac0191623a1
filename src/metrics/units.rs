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
    /// "3x", "5×", "ten times": what it multiplies says its kind.
    Multiplier,
    /// Anything else: a count, which the words after it may make a scale.
    Count,
}

pub(super) fn shape(around: &Around, figure: &Figure) -> Shape {
    let lex = lexicon();
    let next = around.next(1);
    let unit = figure.unit_or(next);
    let term_end = around.sentence.terms[around.term].range.end;
    let glued_mark = around.sentence.text[term_end..].chars().next();
    let multiplies = lex.multipliers.has(figure.rest)
        || glued_mark.is_some_and(|c| lex.multipliers.has(c.encode_utf8(&mut [0; 4])))
        || lex.multipliers.has(next);
    if figure.currency || next == "dollars" {
        Shape::Money
    } else if figure.rest.starts_with('%') || next == "percent" {
        Shape::Percent
    } else if let Some(end) = rate_end(around, figure.rest) {
        Shape::Rate {
            counted: around.term + 1..end,
        }
    } else if multiplies {
        // After rates: "30 times a day" counts deploys, "3x" multiplies.
        Shape::Multiplier
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
        // "40M+ monthly requests"
        let counted_next = terms.get(j + 1).is_some_and(|t| lex.rate_nouns.has(t.text));
        if lex.rate_adjectives.has(w) && counted_next {
            return Some(j + 2);
        }
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
