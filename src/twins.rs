//! Test helpers for code that must match what a pattern matches: the ASCII
//! twin in `generic_opening.rs`, and the hand-written scanner that
//! replaced a pattern in `placeholder.rs`.
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
    joined(piece, vec!["", " ", "  ", "\t", "\n", "\x0b"], 24)
}

/// Up to `max` pieces, each followed by one of `separators`.
pub fn joined(
    piece: impl Strategy<Value = String>,
    separators: Vec<&'static str>,
    max: usize,
) -> impl Strategy<Value = String> {
    let separator = prop::sample::select(separators);
    prop::collection::vec((piece, separator), 0..max).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(piece, separator)| [piece, separator.to_string()])
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
