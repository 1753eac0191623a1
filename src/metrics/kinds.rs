//! Which outcome a figure measures, once its unit says what it counts:
//! one function per shape, named for the kind it mostly yields.

use super::kind::MetricKind;
use super::lexicon::lexicon;
use super::number::Figure;
use super::sentence::{Around, Term};

/// Money is cost, but "$0" saved nothing.
pub(super) fn cost(figure: &Figure) -> Option<MetricKind> {
    (figure.value > 0.0).then_some(MetricKind::Cost)
}

/// A rate is throughput, unless what it counts is a failure ("41 pages a
/// week") or a duration ("3 hours a day").
pub(super) fn rate(around: &Around, counted: &[Term]) -> Option<MetricKind> {
    let lex = lexicon();
    let reliability = &lex.cues.reliability;
    // "from roughly 300 a month": what is counted was named before.
    let named_before = counted.is_empty() && around.has_cue(10, reliability);
    if counted.iter().any(|t| lex.duration_units.has(t.text)) {
        None
    } else if named_before || counted.iter().any(|t| reliability.has(t.text)) {
        Some(MetricKind::Reliability)
    } else {
        Some(MetricKind::Throughput)
    }
}

/// A duration is latency, or reliability when it is a time to recover,
/// but only with a latency word, a percentile or a before/after change
/// around it: "a 30-minute call" and "five minutes" alone measure nothing.
pub(super) fn duration(around: &Around, adjective: bool, threshold: bool) -> Option<MetricKind> {
    let lex = lexicon();
    let percentile = around.has_cue(6, &lex.percentiles);
    let latency = percentile || around.has_cue(8, &lex.cues.latency);
    let change = around.has_cue(8, &lex.cues.change);
    if threshold || (adjective && !change) || !(latency || change) {
        None
    } else if around.has_cue(8, &lex.cues.recovery) && !percentile && !around.has_word(3, "latency")
    {
        Some(MetricKind::Reliability)
    } else {
        Some(MetricKind::Latency)
    }
}

/// A count is scale when it counts what is served or stored ("310
/// clinics"), or is large and counts something ("2 million readings");
/// "3 legacy clients" is not.
pub(super) fn scale(around: &Around, figure: &Figure) -> Option<MetricKind> {
    let lex = lexicon();
    let magnitude = lex.magnitudes.has(around.next(1)) || lex.magnitude_suffixes.has(figure.unit);
    let counted = [1, 2, 3].map(|k| around.next(k));
    let counts_listed = counted.iter().any(|w| lex.scale_nouns.has(w));
    let plural = counted.iter().any(|w| {
        w.len() > 3 && w.ends_with('s') && w.chars().all(|c| c.is_alphabetic() || c == '-')
    });
    let scale = (figure.value >= 10.0 && counts_listed)
        || ((figure.value >= 1000.0 || magnitude) && plural);
    let glued_letters = figure.rest.chars().any(char::is_alphabetic);
    (scale && (magnitude || !glued_letters)).then_some(MetricKind::Scale)
}
