//! Finds quantified outcomes: numbers tied to throughput, latency,
//! reliability, cost or scale. Computed once per letter; the metric rules,
//! the claim rule and the scorecard all read the result.
//!
//! A number alone is never a metric. It needs a unit or a word around it
//! that says what it measures (`rules/lexicon/metrics.toml`); dates, clock
//! times, phone numbers, versions, ordinals, years of tenure and alert
//! thresholds are set aside first.
//!
//! Everything here reads the words of `crate::text`: a figure is built from
//! adjacent words and the marks between them (`number`), its unit is the
//! rest of its term or the next word (`units`), and the words around it
//! say what it measures (`kinds`). Two shapes hold no figure of their own:
//! "from 41 to 6" (`ranges`) and "zero duplicates" (`claims`).

mod claims;
mod kind;
mod kinds;
mod lexicon;
mod number;
mod ranges;
mod sentence;
mod units;

use sentence::{Around, Sentence};

use std::cell::LazyCell;
use std::ops::Range;

use units::Shape;

pub use kind::{Metric, MetricKind};
use lexicon::lexicon;

/// True when `text` holds any figure at all: what "no number in its
/// sentence" means.
pub fn has_number(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// Metrics in one sentence, as ranges in the sentence.
pub fn find_in_sentence(text: &str) -> Vec<(Range<usize>, MetricKind)> {
    let lower = text.to_ascii_lowercase();
    // Most sentences hold no figure and none of the words a range or a
    // claim starts from; a substring search says so for far less than
    // finding their words.
    // A spelled number counts only before a unit of time ("five hours").
    let has_figure = has_number(text)
        || lexicon()
            .duration_units
            .iter()
            .any(|unit| unit.len() > 3 && lower.contains(unit));
    let has_range = lower.contains("from");
    let has_claim = ["zero", "single", "none", "nothing"]
        .iter()
        .any(|w| lower.contains(w));
    if !(has_figure || has_range || has_claim) {
        return Vec::new();
    }
    let sentence = Sentence::new(text, &lower);
    let mut found = if has_figure {
        figures(&sentence)
    } else {
        Vec::new()
    };
    if has_range {
        ranges::add(&sentence, &mut found);
    }
    if has_claim {
        found.extend(claims::find(&sentence));
    }
    found.sort_by_key(|(range, _)| range.start);
    found
}

/// Each figure that measures an outcome, in text order.
fn figures(sentence: &Sentence) -> Vec<(Range<usize>, MetricKind)> {
    let lex = lexicon();
    // Asked only of figures, which most sentences do not hold.
    let is_threshold_sentence = LazyCell::new(|| {
        sentence
            .terms
            .iter()
            .any(|t| lex.cues.threshold_context.has(t.text))
    });
    let mut found = Vec::new();
    for (i, term) in sentence.terms.iter().enumerate() {
        let Some(figure) = number::figure(sentence, term).or_else(|| number::spelled(sentence, i))
        else {
            continue;
        };
        let around = Around::new(sentence, i);
        if number::is_not_an_outcome(&around, &figure) {
            continue;
        }
        // "alert when jobs wait more than five minutes": a limit.
        let threshold = *is_threshold_sentence && around.preceded_by(&lex.cues.threshold);
        let kind = match units::shape(&around, &figure) {
            Shape::Money => kinds::cost(&figure),
            Shape::Percent => (!threshold).then(|| around.nearest_cue(8)).flatten(),
            Shape::Rate { counted } => kinds::rate(&around, &sentence.terms[counted]),
            Shape::Duration { adjective } => kinds::duration(&around, adjective, threshold),
            Shape::Size => Some(MetricKind::Scale),
            Shape::Multiplier => around.nearest_cue(8),
            Shape::Count => kinds::scale(&around, &figure),
        };
        if let Some(kind) = kind {
            found.push((term.range.clone(), kind));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, MetricKind)> {
        find_in_sentence(text)
            .into_iter()
            .map(|(r, k)| (text[r].to_string(), k))
            .collect()
    }

    #[test]
    fn outcome_figures_are_metrics() {
        use MetricKind::*;
        assert_eq!(
            kinds("We scaled from 8,500 to 72,000 orders per minute."),
            [("8,500".into(), Throughput), ("72,000".into(), Throughput)]
        );
        assert_eq!(
            kinds("It cut p99 write latency from 1.8s to 210ms."),
            [("1.8s".into(), Latency), ("210ms".into(), Latency)]
        );
        assert_eq!(
            kinds("Accuracy held at 99.995%."),
            [("99.995%".into(), Reliability)]
        );
        assert_eq!(
            kinds("The bill went from $14k/mo to $1,800."),
            [("$14k/mo".into(), Cost), ("$1,800".into(), Cost)]
        );
        assert_eq!(
            kinds("The ledger runs at 12M+ txns/month."),
            [("12M+".into(), Throughput)]
        );
        assert_eq!(
            kinds("Weekly pages dropped from 41 to 6."),
            [("from 41 to 6".into(), Reliability)]
        );
        assert_eq!(
            kinds("We saw zero customer-reported duplicates."),
            [("zero customer-reported duplicates".into(), Reliability)]
        );
        assert_eq!(
            kinds("We haven't had a single outage since."),
            [("haven't had a single outage".into(), Reliability)]
        );
        assert_eq!(
            kinds("Oversell incidents went from several per sale to none."),
            [("to none".into(), Reliability)]
        );
        assert_eq!(
            kinds("It now holds about 900 million readings."),
            [("900".into(), Scale)]
        );
        assert_eq!(
            kinds("We raised $2.5M and served 10k users at 99.9% uptime."),
            [
                ("$2.5M".into(), Cost),
                ("10k".into(), Scale),
                ("99.9%".into(), Reliability)
            ]
        );
        assert_eq!(
            kinds("Deploy volume grew from five to sixty."),
            [("from five to sixty".into(), Throughput)]
        );
        assert_eq!(
            kinds("Lag fell from an average of four days to under three."),
            [("four".into(), Latency)]
        );
    }

    #[test]
    fn multipliers_spelled_durations_and_rate_periods() {
        use MetricKind::*;
        assert_eq!(kinds("We cut p99 latency 3x."), [("3x".into(), Latency)]);
        assert_eq!(
            kinds("Deploy frequency went up about 5× while rollbacks fell."),
            [("5".into(), Throughput)]
        );
        assert_eq!(
            kinds("The batch went from about five hours to fifty minutes."),
            [("five".into(), Latency), ("fifty".into(), Latency)]
        );
        assert_eq!(
            kinds("It handles 1.2B+ monthly requests."),
            [("1.2B+".into(), Throughput)]
        );
        assert_eq!(
            kinds("I grew transactions by 35%."),
            [("35%".into(), Throughput)]
        );
        assert_eq!(
            kinds("We improved stability by 30% and efficiency by 20%."),
            [("30%".into(), Reliability), ("20%".into(), Cost)]
        );
        assert_eq!(
            kinds("About 500 students used it."),
            [("500".into(), Scale)]
        );
    }

    #[test]
    fn numbers_that_are_not_outcomes() {
        for text in [
            "I have seven years of experience and 8 years in total.",
            "I joined in 2019 and left in March 2024.",
            "I was engineer #4 at a startup.",
            "Call me at (555) 017-3342 after 3 p.m. Eastern.",
            "Or at 555.017.3342, any day.",
            "The adapter runs on Python 3.12.",
            "We kept 3 legacy clients on the old feed.",
            "Would you be open to a 30-minute call?",
            "I always give 100% to a problem.",
            "Releases go to 5% of customer tenants, then to everyone, with checks on error rates.",
            "An alert fires when jobs wait more than five minutes.",
            "The company has about 40 engineers.",
            "It ran from 2019 to 2021 without errors.",
            "Our click-through rate rose 12% after the redesign.",
            "I spent five years as a teacher.",
            "One of the two teams moved first.",
            "I am 2x more motivated than most.",
        ] {
            assert_eq!(kinds(text), [], "{text}");
        }
    }
}
