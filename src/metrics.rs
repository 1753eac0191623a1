//! Finds quantified outcomes: numbers tied to throughput, latency,
//! reliability, cost or scale. Computed once per letter; the metric rules,
//! the claim rule and the scorecard all read the result.
//!
//! A number alone is never a metric. It needs a unit or a word around it
//! that says what it measures (`rules/lexicon/metrics.toml`); dates, clock
//! times, phone numbers, versions, ordinals, years of tenure and alert
//! thresholds are set aside first.

use serde::{Deserialize, Serialize};
use std::cell::LazyCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricKind {
    Throughput,
    Latency,
    Reliability,
    Cost,
    Scale,
}

impl MetricKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MetricKind::Throughput => "throughput",
            MetricKind::Latency => "latency",
            MetricKind::Reliability => "reliability",
            MetricKind::Cost => "cost",
            MetricKind::Scale => "scale",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metric {
    pub block: usize,
    /// Range in the source.
    pub span: Range<usize>,
    pub kind: MetricKind,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lexicon {
    duration_units: Vec<String>,
    rate_periods: Vec<String>,
    rate_units: Vec<String>,
    tenure_units: Vec<String>,
    size_units: Vec<String>,
    magnitudes: Vec<String>,
    scale_nouns: Vec<String>,
    percentiles: Vec<String>,
    cues: Cues,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cues {
    reliability: Vec<String>,
    latency: Vec<String>,
    cost: Vec<String>,
    throughput: Vec<String>,
    recovery: Vec<String>,
    change: Vec<String>,
    threshold: Vec<String>,
    threshold_context: Vec<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| embedded!("rules/lexicon/metrics"));

/// A word of a sentence, lower-cased, with its range in the sentence.
#[derive(Debug)]
struct Token<'a> {
    /// `raw` with ASCII letters lower-cased.
    text: &'a str,
    range: Range<usize>,
    raw: &'a str,
}

// The matchers below stand in for regexes this module used to compile
// (compiling them was a third of the start-up of a one-letter run). Each
// follows its pattern's leftmost-first semantics: where the pattern could
// backtrack, the candidates are tried in the order the regex tried them.
// The patterns are kept in the tests, which compare the two on random text.
//
// The character classes come from `char`, whose Unicode tables are not the
// regex crate's. They agree on ASCII and on the non-ASCII text a letter
// plausibly holds (accented letters, decomposed accents, curly quotes,
// currency signs, ½ and ², non-Latin digits, emoji and their selectors).
// They differ on marks of other scripts (Devanagari vowel signs, Hebrew
// points …), on circled letters such as Ⓐ, and on characters that only
// std's newer Unicode version has assigned. See `is_token_char` and
// `is_word`.

/// `[\p{L}\p{N}]`, what a token is made of. `is_alphanumeric` also counts
/// the marks and symbols Unicode calls alphabetic (Devanagari vowel signs,
/// Hebrew points, Ⓐ), which the class does not.
fn is_token_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The first of each run of ten decimal digits in Unicode 16, the version
/// of the regex crate's `\d` (general category Nd): ٠ ۰ ߀ ० … ０ ….
/// std has no test for it, and `is_numeric` also takes ½, ² and Ⅻ.
const DIGIT_ZEROS: [u32; 76] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50, 0x11D50,
    0x11DA0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE, 0x1D7D8,
    0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// `\d`: a decimal digit of any script.
fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    let next = DIGIT_ZEROS.partition_point(|&zero| zero <= c as u32);
    next > 0 && c as u32 - DIGIT_ZEROS[next - 1] < 10
}

/// `\w`: letters, marks, decimal digits, connector punctuation (`_`, ‿ …)
/// and the zero-width joiners. std has no table of marks: those kept are
/// the ones the alphabetic test misses and a letter may hold, combining
/// accents (a decomposed é), the marks put on symbols (a keycap) and the
/// variation selectors that follow emoji.
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    c.is_alphabetic()
        || is_digit(c)
        || matches!(
            c,
            '\u{0300}'..='\u{036F}'
                | '\u{20D0}'..='\u{20F0}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{200C}'
                | '\u{200D}'
                | '\u{203F}'
                | '\u{2040}'
                | '\u{2054}'
                | '\u{FE33}'
                | '\u{FE34}'
                | '\u{FE4D}'..='\u{FE4F}'
                | '\u{FF3F}'
        )
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£')
}

// Every matcher reads the text a character at a time through these three;
// testing for an ASCII byte first makes them several times faster on the
// text of a letter, which is nearly all ASCII.

fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        byte if byte.is_ascii() => Some(char::from(byte)),
        _ => text[at..].chars().next(),
    }
}

fn char_before(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes()[..at].last()? {
        byte if byte.is_ascii() => Some(char::from(byte)),
        _ => text[..at].chars().next_back(),
    }
}

/// Where the run of characters from `at` that pass `test` ends.
fn skip(text: &str, at: usize, test: impl Fn(char) -> bool) -> usize {
    let mut end = at;
    while let Some(c) = char_at(text, end).filter(|&c| test(c)) {
        end += c.len_utf8();
    }
    end
}

/// `\s+`: the end of the white space at `at`, if there is some.
fn spaces(text: &str, at: usize) -> Option<usize> {
    let end = skip(text, at, char::is_whitespace);
    (end > at).then_some(end)
}

/// `\b`: a word character on one side of `at` and not on the other.
fn is_boundary(text: &str, at: usize) -> bool {
    char_before(text, at).is_some_and(is_word) != char_at(text, at).is_some_and(is_word)
}

/// The end of `word` (lower-case ASCII) if `text` has it at `at` in any
/// case. As under `(?i)`, ſ (long s) is an s and K (Kelvin sign) a k.
fn word_at(text: &str, at: usize, word: &str) -> Option<usize> {
    let mut end = at;
    for w in word.chars() {
        let c = char_at(text, end)?;
        if !(c.to_ascii_lowercase() == w || (w, c) == ('s', 'ſ') || (w, c) == ('k', '\u{212A}')) {
            return None;
        }
        end += c.len_utf8();
    }
    Some(end)
}

/// Each match in `text`, left to right and without overlap, the way a
/// regex's `find_iter` walks: `match_at` gives a match's end and value at
/// a start, tried where a word begins with one of `firsts` (lower-case
/// ASCII). Every pattern this serves starts with `\b` and one of them.
fn find_iter<T>(
    text: &str,
    firsts: &[u8],
    mut match_at: impl FnMut(usize) -> Option<(usize, T)>,
) -> Vec<T> {
    let bytes = text.as_bytes();
    let starts_word = |i: usize| {
        firsts.contains(&bytes[i].to_ascii_lowercase())
            && !char_before(text, i).is_some_and(is_word)
    };
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = (at..text.len()).find(|&i| starts_word(i)) {
        match match_at(start) {
            Some((end, m)) => {
                found.push(m);
                at = end;
            }
            None => at = start + 1,
        }
    }
    found
}

/// The words of a sentence: `[$€£]?[\p{L}\p{N}]+(?:[.,'’/:-][\p{L}\p{N}]+)*%?\+?`,
/// every part as long as it goes. `lower` is `text` with ASCII lower-cased.
fn tokenize<'a>(text: &'a str, lower: &'a str) -> Vec<Token<'a>> {
    // About one token in five bytes of prose: most sentences never regrow.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut at = 0;
    while let Some(c) = char_at(text, at) {
        let could_start = is_token_char(c) || is_currency(c);
        match could_start.then(|| token_at(text, at)).flatten() {
            Some(end) => {
                tokens.push(Token {
                    text: &lower[at..end],
                    range: at..end,
                    raw: &text[at..end],
                });
                at = end;
            }
            None => at += c.len_utf8(),
        }
    }
    tokens
}

fn token_at(text: &str, start: usize) -> Option<usize> {
    let mut at = start;
    if let Some(c) = char_at(text, at).filter(|&c| is_currency(c)) {
        at += c.len_utf8();
    }
    let word = |at: usize| Some(skip(text, at, is_token_char)).filter(|&end| end > at);
    at = word(at)?;
    while let Some(sep) =
        char_at(text, at).filter(|c| matches!(c, '.' | ',' | '\'' | '’' | '/' | ':' | '-'))
    {
        match word(at + sep.len_utf8()) {
            Some(end) => at = end,
            None => break,
        }
    }
    for mark in ['%', '+'] {
        if text[at..].starts_with(mark) {
            at += 1;
        }
    }
    Some(at)
}

/// A figure at the start of a token: a currency sign, digits with `,ddd`
/// groups and one `.d+` fraction, and what is glued on after them.
struct Number<'a> {
    currency: bool,
    digits: &'a str,
    /// Where what follows the digits starts in the token.
    rest: usize,
}

fn parse_number(raw: &str) -> Option<Number<'_>> {
    let start = char_at(raw, 0)
        .filter(|&c| is_currency(c))
        .map_or(0, char::len_utf8);
    let mut at = skip(raw, start, is_digit);
    if at == start {
        return None;
    }
    while let Some(end) = thousands(raw, at) {
        at = end;
    }
    if raw[at..].starts_with('.') {
        let end = skip(raw, at + 1, is_digit);
        if end > at + 1 {
            at = end;
        }
    }
    Some(Number {
        currency: start > 0,
        digits: &raw[start..at],
        rest: at,
    })
}

/// `,\d{3}`: a comma and exactly three digits, whatever follows them.
fn thousands(raw: &str, at: usize) -> Option<usize> {
    if !raw[at..].starts_with(',') {
        return None;
    }
    let mut end = at + 1;
    for _ in 0..3 {
        end += char_at(raw, end).filter(|&c| is_digit(c))?.len_utf8();
    }
    Some(end)
}

/// `\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b`: "(555) 017-3342", "555.017.3342".
fn phone_numbers(text: &str) -> Vec<Range<usize>> {
    let mut phones = Vec::new();
    let mut at = 0;
    while let Some(c) = char_at(text, at) {
        match (c == '(' || is_digit(c))
            .then(|| phone_at(text, at))
            .flatten()
        {
            Some(end) => {
                phones.push(at..end);
                at = end;
            }
            None => at += c.len_utf8(),
        }
    }
    phones
}

fn phone_at(text: &str, start: usize) -> Option<usize> {
    let digits = |at: usize, n: usize| {
        let mut end = at;
        for _ in 0..n {
            end += char_at(text, end).filter(|&c| is_digit(c))?.len_utf8();
        }
        Some(end)
    };
    let separator = |at: usize| {
        let c = char_at(text, at).filter(|&c| c.is_whitespace() || c == '.' || c == '-')?;
        Some(at + c.len_utf8())
    };
    // Without its "(", a match could not start at one.
    let mut at = start + usize::from(text[start..].starts_with('('));
    if char_before(text, at).is_some_and(is_word) {
        return None;
    }
    at = digits(at, 3)?;
    // Without its ")", the separator would have to be one.
    at += usize::from(text[at..].starts_with(')'));
    at = digits(separator(at)?, 3)?;
    at = digits(separator(at)?, 4)?;
    is_boundary(text, at).then_some(at)
}

/// "from 41 to 6": the figures `a` and `b`, and what lies between `a` and
/// the "to".
struct FromTo {
    whole: Range<usize>,
    a: Range<usize>,
    mid: Range<usize>,
    b: Range<usize>,
}

/// Words that may stand before either figure of "from … to …".
const APPROXIMATORS: [&str; 17] = [
    "about",
    "roughly",
    "around",
    "nearly",
    "almost",
    "over",
    "under",
    "up to",
    "just",
    "an average of",
    "a median of",
    "a few",
    "fewer than",
    "less than",
    "more than",
    "below",
    "above",
];

/// Words that stand for a figure, in the order the pattern tried them:
/// "six" comes before "sixty", so "to sixty" ends at "six".
const NUMBER_WORDS: [&str; 29] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "hundred",
    "hundreds",
    "thousands",
    "half",
];

/// The pattern was
/// `(?i)\bfrom\s+A*(?P<a>N)\b(?P<mid>.{0,80}?)\bto\s+A*(?P<b>N)`, with `A`
/// an approximator and a space and `N` a figure:
/// `[$€£]?\d+(?:[.,]\d+)*(?:%|[a-z]+)?` or a number word. Only `a` and the
/// lazy `mid` can backtrack; `from_to_at` tries each way in turn.
fn from_to_matches(text: &str) -> Vec<FromTo> {
    let mut approximated = HashMap::new();
    find_iter(text, b"f", |start| {
        let m = from_to_at(text, start, &mut approximated)?;
        Some((m.whole.end, m))
    })
}

fn from_to_at(
    text: &str,
    start: usize,
    approximated: &mut HashMap<usize, usize>,
) -> Option<FromTo> {
    let after_from = spaces(text, word_at(text, start, "from")?)?;
    let a = skip_approximators(text, after_from, approximated);
    for a_end in first_figure_ends(text, a) {
        let mut to = a_end;
        for _ in 0..=80 {
            if let Some(b) = second_figure(text, to, approximated) {
                return Some(FromTo {
                    whole: start..b.end,
                    a: a..a_end,
                    mid: a_end..to,
                    b,
                });
            }
            match char_at(text, to) {
                Some(c) if c != '\n' => to += c.len_utf8(),
                _ => break,
            }
        }
    }
    None
}

/// Where `a` may end, in the order the regex tried: the most `[.,]\d+`
/// groups first, each with a `%`, then letters, then nothing after it. Only
/// ends at a word boundary count. Fewer digits, or fewer letters, would end
/// before a digit or a letter, never at a boundary.
fn first_figure_ends(text: &str, at: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    for &end in digit_groups(text, at).iter().rev() {
        if text[end..].starts_with('%') {
            ends.push(end + 1);
        }
        let letters = skip(text, end, is_unit_letter);
        if letters > end {
            ends.push(letters);
        }
        ends.push(end);
    }
    ends.extend(NUMBER_WORDS.iter().filter_map(|w| word_at(text, at, w)));
    ends.retain(|&end| is_boundary(text, end));
    ends
}

/// `\bto\s+A*(?P<b>N)` at `at`: nothing follows `b`, so it is the first
/// figure found there, as long as it goes.
fn second_figure(
    text: &str,
    at: usize,
    approximated: &mut HashMap<usize, usize>,
) -> Option<Range<usize>> {
    let after_to = spaces(text, word_at(text, at, "to")?)?;
    if char_before(text, at).is_some_and(is_word) {
        return None;
    }
    let b = skip_approximators(text, after_to, approximated);
    let end = match digit_groups(text, b).last() {
        Some(&end) if text[end..].starts_with('%') => end + 1,
        Some(&end) => skip(text, end, is_unit_letter),
        None => NUMBER_WORDS.iter().find_map(|w| word_at(text, b, w))?,
    };
    Some(b..end)
}

/// `(?i)[a-z]`.
fn is_unit_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || c == 'ſ' || c == '\u{212A}'
}

/// `[$€£]?\d+(?:[.,]\d+)*` at `at`: where its first run of digits ends,
/// and each group after it. Empty when there is no figure.
fn digit_groups(text: &str, at: usize) -> Vec<usize> {
    let start = at
        + char_at(text, at)
            .filter(|&c| is_currency(c))
            .map_or(0, char::len_utf8);
    let mut end = skip(text, start, is_digit);
    if end == start {
        return Vec::new();
    }
    let mut ends = vec![end];
    while text[end..].starts_with(['.', ',']) {
        let next = skip(text, end + 1, is_digit);
        if next == end + 1 {
            break;
        }
        end = next;
        ends.push(end);
    }
    ends
}

/// Where the approximators from `at` end ("about", "up to up to …").
/// Every "to" after a "from" reads the run that follows it, and the "to"
/// of each "up to" in a run starts one: `approximated` keeps where each
/// run ends, by each of its words, so that a long run is read once.
fn skip_approximators(text: &str, at: usize, approximated: &mut HashMap<usize, usize>) -> usize {
    let mut words = Vec::new();
    let mut at = at;
    let end = loop {
        if let Some(&end) = approximated.get(&at) {
            break end;
        }
        let next = APPROXIMATORS
            .iter()
            .find_map(|w| spaces(text, word_at(text, at, w)?));
        match next {
            Some(next) => {
                words.push(at);
                at = next;
            }
            None => break at,
        }
    };
    for word in words {
        approximated.insert(word, end);
    }
    end
}

/// Nouns of failure a zero claim ends on.
const FAILURES: [&str; 16] = [
    "duplicate",
    "duplicated",
    "dropped",
    "lost",
    "skipped",
    "missed",
    "failed",
    "incident",
    "outage",
    "error",
    "page",
    "oversell",
    "double",
    "data loss",
    "downtime",
    "mismatch",
];

/// "zero customer-reported duplicates", "did not see a single outage": the
/// pattern was `(?i)\b(?:zero|not a single|without a single|(?:has|have|did)\s*(?:not|n't)\s+(?:\w+\s+){0,2}a single)\s+(?:[\w-]+\s+){0,5}?F[\w-]*`,
/// with `F` one of `FAILURES`.
fn zero_claims(text: &str) -> Vec<Range<usize>> {
    find_iter(text, b"znwhd", |start| {
        let end = zero_claim_at(text, start)?;
        Some((end, start..end))
    })
}

fn zero_claim_at(text: &str, start: usize) -> Option<usize> {
    // Where the opening ends, in the order the regex tried: after "not",
    // two words before "a single" are tried first, then one, then none.
    let mut openings: Vec<usize> = ["zero", "not a single", "without a single"]
        .iter()
        .filter_map(|w| word_at(text, start, w))
        .collect();
    let negated = ["has", "have", "did"]
        .iter()
        .find_map(|w| word_at(text, start, w))
        .map(|verb| skip(text, verb, char::is_whitespace))
        .and_then(|at| ["not", "n't"].iter().find_map(|w| word_at(text, at, w)))
        .and_then(|not| spaces(text, not));
    if let Some(at) = negated {
        let mut words = vec![at];
        while words.len() < 3 {
            let Some(next) = word_and_spaces(text, words[words.len() - 1], is_word) else {
                break;
            };
            words.push(next);
        }
        openings.extend(
            words
                .iter()
                .rev()
                .filter_map(|&at| word_at(text, at, "a single")),
        );
    }
    let word_or_hyphen = |c: char| is_word(c) || c == '-';
    openings.into_iter().find_map(|opening| {
        // Up to five words between the opening and the failure, fewest first.
        let mut at = spaces(text, opening)?;
        for words in 0..=5 {
            if let Some(end) = FAILURES.iter().find_map(|w| word_at(text, at, w)) {
                return Some(skip(text, end, word_or_hyphen));
            }
            if words == 5 {
                break;
            }
            at = word_and_spaces(text, at, word_or_hyphen)?;
        }
        None
    })
}

/// A word made of `test` characters, and the white space after it.
fn word_and_spaces(text: &str, at: usize, test: impl Fn(char) -> bool) -> Option<usize> {
    let end = skip(text, at, test);
    if end == at {
        return None;
    }
    spaces(text, end)
}

/// "went from several per sale to none": `(?i)\bto\s+(?:none|zero|nothing)\b`.
fn to_nothing(text: &str) -> Vec<Range<usize>> {
    find_iter(text, b"t", |start| {
        let at = spaces(text, word_at(text, start, "to")?)?;
        let end = ["none", "zero", "nothing"]
            .iter()
            .filter_map(|w| word_at(text, at, w))
            .find(|&end| is_boundary(text, end))?;
        Some((end, start..end))
    })
}

/// `list.contains(word)`, which a `Vec<String>` only takes of a `&String`.
fn listed(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w == word)
}

/// Where a sentence's clauses break: ", " ";" ":" "—" or parentheses, as
/// the byte range of each break. A comma inside "9,400" does not split.
/// Found once per sentence, so that finding each number's clause is a
/// binary search and not a scan of the sentence per number.
fn clause_breaks(text: &str) -> Vec<Range<usize>> {
    text.char_indices()
        .filter(|&(i, c)| {
            matches!(c, ';' | ':' | '—' | '–' | '(' | ')')
                || (c == ',' && text[i + 1..].starts_with(' '))
        })
        .map(|(i, c)| i..i + c.len_utf8())
        .collect()
}

/// The byte range of the clause around `at`, between the breaks around it.
fn clause_of(text: &str, breaks: &[Range<usize>], at: usize) -> Range<usize> {
    let next = breaks.partition_point(|b| b.start < at);
    let start = next.checked_sub(1).map_or(0, |i| breaks[i].end);
    let end = breaks.get(next).map_or(text.len(), |b| b.start);
    start..end
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const VERSION_WORDS: &[&str] = &[
    "version",
    "release",
    "v",
    "python",
    "java",
    "go",
    "node",
    "ruby",
    "php",
    "ios",
    "android",
    "postgres",
    "postgresql",
    "kafka",
    "redis",
    "hl7",
    "windows",
    "macos",
    "ubuntu",
    "debian",
];

/// True when `text` holds any figure at all: what "no number in its
/// sentence" means.
pub fn has_number(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// Metrics in one sentence, as ranges in the sentence.
pub fn find_in_sentence(text: &str) -> Vec<(Range<usize>, MetricKind)> {
    let lex = &*LEXICON;
    let lower = text.to_ascii_lowercase();
    let tokens = tokenize(text, &lower);
    // Asked only of figures, which most sentences do not hold.
    let phones = LazyCell::new(|| phone_numbers(text));
    let breaks = LazyCell::new(|| clause_breaks(text));
    let is_threshold_sentence = LazyCell::new(|| {
        tokens
            .iter()
            .any(|t| listed(&lex.cues.threshold_context, t.text))
    });
    let mut found = Vec::new();

    for (i, token) in tokens.iter().enumerate() {
        let number_like = token
            .raw
            .starts_with(|c: char| c.is_numeric() || is_currency(c));
        if !number_like {
            continue;
        }
        let Some(number) = parse_number(token.raw) else {
            continue;
        };
        // Phone numbers do not overlap and come in order: only the last one
        // starting at or before the token can hold it.
        let phone = phones.partition_point(|p| p.start <= token.range.start);
        if phone > 0 && token.range.end <= phones[phone - 1].end {
            continue;
        }
        if text[..token.range.start].ends_with(['#', '.', '/', ':', '-']) {
            continue; // "#3", "3.12.1", "24/7"
        }
        let num = number.digits;
        let rest = &token.text[number.rest..];
        let value: f64 = num.replace(',', "").parse().unwrap_or(0.0);
        let prev = i.checked_sub(1).map_or("", |p| tokens[p].text);
        let next = |k: usize| tokens.get(i + k).map_or("", |t| t.text);
        let is_plain_int = !number.currency && rest.is_empty() && !num.contains([',', '.']);

        // Not metrics: dates, clock times, versions, ordinals, years.
        if MONTHS.contains(&prev) || MONTHS.contains(&next(1)) {
            continue;
        }
        if ["a.m", "p.m", "am", "pm", "a.m.", "p.m."].contains(&next(1)) || token.raw.contains(':')
        {
            continue;
        }
        if is_plain_int && (1900.0..=2099.0).contains(&value) {
            continue;
        }
        if VERSION_WORDS.contains(&prev) {
            continue;
        }
        if ["st", "nd", "rd", "th"].contains(&rest) {
            continue;
        }
        let unit = rest.trim_start_matches('-');
        let next_word = next(1);
        if lex
            .tenure_units
            .iter()
            .any(|u| u == unit || (unit.is_empty() && u == next_word))
        {
            continue;
        }
        let threshold = *is_threshold_sentence && preceded_by(&tokens, i, &lex.cues.threshold);
        // Cues count only within the number's clause: in "rates rose from
        // 72% to 94%, and fees fell", "fees" says nothing about 72%.
        let clause = &clause_of(text, &breaks, token.range.start);
        let tokens = &tokens;
        let window = |radius: usize| {
            let lo = i.saturating_sub(radius);
            let hi = (i + radius + 1).min(tokens.len());
            (lo..hi).filter(move |&k| {
                k != i && clause.start <= tokens[k].range.start && tokens[k].range.end <= clause.end
            })
        };
        let nearest_cue = |radius: usize, lists: &[(&Vec<String>, MetricKind)]| {
            window(radius)
                .filter_map(|k| {
                    lists
                        .iter()
                        .find(|(list, _)| listed(list, tokens[k].text))
                        .map(|(_, kind)| (k.abs_diff(i), *kind))
                })
                .min_by_key(|(distance, _)| *distance)
                .map(|(_, kind)| kind)
        };
        let has_cue =
            |radius: usize, list: &[String]| window(radius).any(|k| listed(list, tokens[k].text));
        let kinds = [
            (&lex.cues.reliability, MetricKind::Reliability),
            (&lex.cues.cost, MetricKind::Cost),
            (&lex.cues.latency, MetricKind::Latency),
            (&lex.cues.throughput, MetricKind::Throughput),
        ];

        let kind = if number.currency || next_word == "dollars" {
            (value > 0.0).then_some(MetricKind::Cost)
        } else if rest.starts_with('%') || next_word == "percent" {
            if threshold {
                None
            } else {
                nearest_cue(8, &kinds)
            }
        } else if let Some(j) = rate_end(tokens, i, rest) {
            let counted = &tokens[i + 1..j];
            // "from roughly 300 a month": what is counted was named before.
            let named_before = counted.is_empty() && has_cue(10, &lex.cues.reliability);
            if counted.iter().any(|t| listed(&lex.duration_units, t.text)) {
                None
            } else if named_before
                || counted
                    .iter()
                    .any(|t| listed(&lex.cues.reliability, t.text))
            {
                Some(MetricKind::Reliability)
            } else {
                Some(MetricKind::Throughput)
            }
        } else if lex
            .duration_units
            .iter()
            .any(|u| u == unit || (unit.is_empty() && u == next_word))
        {
            let adjective = rest.starts_with('-');
            let latency = has_cue(6, &lex.percentiles) || has_cue(8, &lex.cues.latency);
            let change = has_cue(8, &lex.cues.change);
            if threshold || (adjective && !change) || !(latency || change) {
                None
            } else if has_cue(8, &lex.cues.recovery)
                && !has_cue(6, &lex.percentiles)
                && !has_cue(3, &["latency".into()])
            {
                Some(MetricKind::Reliability)
            } else {
                Some(MetricKind::Latency)
            }
        } else if lex
            .size_units
            .iter()
            .any(|u| u == unit || (unit.is_empty() && u == next_word))
        {
            Some(MetricKind::Scale)
        } else {
            let magnitude = listed(&lex.magnitudes, next_word)
                || ["k", "m", "b", "bn", "m+", "k+"].contains(&unit);
            let counted = (1..=3).map(next).collect::<Vec<_>>();
            let counts_listed = counted.iter().any(|w| listed(&lex.scale_nouns, w));
            let plural = counted.iter().any(|w| {
                w.len() > 3 && w.ends_with('s') && w.chars().all(|c| c.is_alphabetic() || c == '-')
            });
            let scale =
                (value >= 10.0 && counts_listed) || ((value >= 1000.0 || magnitude) && plural);
            (scale && rest.chars().all(|c| !c.is_alphabetic() || magnitude))
                .then_some(MetricKind::Scale)
        };
        if let Some(kind) = kind {
            found.push((token.range.clone(), kind));
        }
    }

    // "from 41 to 6" with a word that says what was counted: pages.
    // Tokens and the figures found so far are in text order, so the ones
    // before or inside a match are found by binary search.
    let by_token = found.len();
    // Most sentences hold none of the words the patterns below start from,
    // and a substring search says so for far less than a matcher. A test
    // here is exact: none of its words has an s or a k, the only letters
    // `(?i)` matched to non-ASCII ones (ſ, K), so `lower` must hold it.
    let from_tos = lower.contains("from").then(|| from_to_matches(text));
    for m in from_tos.into_iter().flatten() {
        if lower[m.mid].contains("from ") {
            continue;
        }
        let is_year = |s: &str| {
            s.len() == 4
                && (s.starts_with("19") || s.starts_with("20"))
                && s.bytes().all(|c| c.is_ascii_digit())
        };
        let (a, b) = (m.a, m.b);
        if is_year(&text[a.clone()]) || is_year(&text[b.clone()]) {
            continue;
        }
        let before = tokens.partition_point(|t| t.range.end <= m.whole.start);
        let context = tokens[..before]
            .iter()
            .rev()
            .take(10)
            .map(|t| t.text)
            .chain(lower[a.end..b.end].split(|c: char| !c.is_alphanumeric() && c != '-'));
        let mut kind = None;
        for w in context {
            kind = if listed(&lex.cues.recovery, w) || listed(&lex.cues.reliability, w) {
                Some(MetricKind::Reliability)
            } else if listed(&lex.cues.cost, w) {
                Some(MetricKind::Cost)
            } else if listed(&lex.cues.latency, w) || listed(&lex.percentiles, w) {
                Some(MetricKind::Latency)
            } else if listed(&lex.cues.throughput, w) {
                Some(MetricKind::Throughput)
            } else {
                continue;
            };
            break;
        }
        // "from roughly 300 to 5,200 documents per second": both ends
        // measure what the second one measures.
        let lo = found[..by_token].partition_point(|(r, _)| r.start < a.start);
        let hi = found[..by_token].partition_point(|(r, _)| r.start < b.end);
        let inside = &mut found[lo..hi];
        if let Some(&(_, last)) = inside.iter().rev().find(|(r, _)| r.end <= b.end) {
            for (r, k) in inside.iter_mut() {
                if r.end <= b.end {
                    *k = last;
                }
            }
        } else if let Some(kind) = kind {
            found.push((m.whole, kind));
        }
    }

    // "ingle", not "single": a claim may spell it "ſingle", with a long s.
    let claims = (lower.contains("zero") || lower.contains("ingle")).then(|| zero_claims(text));
    for claim in claims.into_iter().flatten() {
        found.push((claim, MetricKind::Reliability));
    }
    // "oversell incidents went from several per sale to none"
    let to_nothings = ["none", "zero", "nothing"]
        .iter()
        .any(|w| lower.contains(w))
        .then(|| to_nothing(text));
    for m in to_nothings.into_iter().flatten() {
        let before = tokens.partition_point(|t| t.range.end <= m.start);
        if tokens[..before]
            .iter()
            .rev()
            .take(12)
            .any(|t| listed(&lex.cues.reliability, t.text))
        {
            found.push((m, MetricKind::Reliability));
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

/// Where a rate ends: "9,400 events per minute", "41 pages a week",
/// "12M+ txns/month", "2,000 TPS". Returns the index of the token after
/// the counted words, or None when the number is not a rate.
fn rate_end(tokens: &[Token], i: usize, rest: &str) -> Option<usize> {
    let lex = &*LEXICON;
    let is_period = |w: &str| lex.rate_periods.iter().any(|p| p == w);
    let slash_period = |w: &str| w.rsplit_once('/').is_some_and(|(_, p)| is_period(p));
    if slash_period(rest)
        || lex
            .rate_units
            .iter()
            .any(|u| u == rest.trim_start_matches(['k', 'm', '+']))
    {
        return Some(i + 1);
    }
    for j in i + 1..(i + 5).min(tokens.len()) {
        let w = tokens[j].text;
        if lex.rate_units.iter().any(|u| u == w) || slash_period(w) {
            return Some(j);
        }
        let per = ["per", "a", "an", "each", "every"].contains(&w);
        if per && tokens.get(j + 1).is_some_and(|t| is_period(t.text)) {
            return Some(j);
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    None
}

fn preceded_by(tokens: &[Token], i: usize, phrases: &[String]) -> bool {
    phrases.iter().any(|phrase| {
        let words: Vec<&str> = phrase.split(' ').collect();
        i >= words.len()
            && words
                .iter()
                .zip(&tokens[i - words.len()..i])
                .all(|(w, t)| *w == t.text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::twins::{ascii_text, joined};
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    /// The patterns the matchers replace, to compare the two.
    static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[$€£]?[\p{L}\p{N}]+(?:[.,'’/:-][\p{L}\p{N}]+)*%?\+?").unwrap()
    });
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<cur>[$€£])?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?P<rest>.*)$").unwrap()
    });
    static PHONE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b").unwrap());
    static FROM_TO: LazyLock<Regex> = LazyLock::new(|| {
        let approx = r"(?:(?:about|roughly|around|nearly|almost|over|under|up to|just|an average of|a median of|a few|fewer than|less than|more than|below|above)\s+)*";
        let num = r"(?:[$€£]?\d+(?:[.,]\d+)*(?:%|[a-z]+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred|hundreds|thousands|half)";
        Regex::new(&format!(
            r"(?i)\bfrom\s+{approx}(?P<a>{num})\b(?P<mid>.{{0,80}}?)\bto\s+{approx}(?P<b>{num})"
        ))
        .unwrap()
    });
    static ZERO_CLAIM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:zero|not a single|without a single|(?:has|have|did)\s*(?:not|n't)\s+(?:\w+\s+){0,2}a single)\s+(?:[\w-]+\s+){0,5}?(?:duplicate|duplicated|dropped|lost|skipped|missed|failed|incident|outage|error|page|oversell|double|data loss|downtime|mismatch)[\w-]*").unwrap()
    });
    static TO_NONE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bto\s+(?:none|zero|nothing)\b").unwrap());

    fn ranges(regex: &Regex, text: &str) -> Vec<Range<usize>> {
        regex.find_iter(text).map(|m| m.range()).collect()
    }

    /// Text with the words and marks the patterns look for, and the non-ASCII
    /// characters a letter may hold next to them: accents (one decomposed),
    /// curly quotes, currency, ½, ², non-Latin and fullwidth digits, the two
    /// letters `(?i)` folds to ASCII ones, other white space, emoji with
    /// their selector and keycap, joiners and connectors.
    fn unicode_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            prop::sample::select(vec![
                "from",
                "FROM",
                "to",
                "To",
                "up to",
                "about",
                "an average of",
                "a few",
                "less than",
                "over",
                "zero",
                "not a single",
                "without a single",
                "has not",
                "have n't",
                "did not",
                "did",
                "a single",
                "duplicates",
                "data loss",
                "pages",
                "none",
                "nothing",
                "one",
                "six",
                "sixty",
                "hundreds",
                "half",
                "41",
                "9,400",
                "1,2345",
                "3.12.1",
                "99.95%",
                "$14k/mo",
                "€5",
                "£1.2m",
                "12M+",
                "1.8s",
                "210ms",
                "(555) 017-3342",
                "555.017.3342",
                "555-017-3342",
                "555 017 3342",
                "2019",
                "x",
                "é",
                "cafe\u{301}",
                "Zoë",
                "’",
                "'",
                "—",
                "-",
                "%",
                "+",
                "/",
                ":",
                ".",
                ",",
                "(",
                ")",
                "#",
                "_",
                "½",
                "²",
                "Ⅻ",
                "①",
                "٣",
                "٠١٢",
                "３",
                "０１２",
                "ſ",
                "\u{212A}",
                "\u{a0}",
                "\u{2028}",
                "\u{3000}",
                "\u{85}",
                "\r",
                "✅",
                "\u{fe0f}",
                "1\u{fe0f}\u{20e3}",
                "\u{200d}",
                "‿",
                "中文",
                "İ",
                "ß",
                "Ω",
                "ſix",
                "juſt",
                "ſkipped",
                "haſ",
                "e\u{301}",
                "s\u{212A}ipped",
                "٩",
                "９",
                "𝟿",
            ])
            .prop_map(String::from),
            "[ -~]{0,8}",
        ];
        joined(piece, vec!["", " ", "  ", "\n", "\t", "\u{a0}"], 32)
    }

    fn same_as_the_patterns(text: &str) -> Result<(), TestCaseError> {
        let lower = text.to_ascii_lowercase();
        let tokens = tokenize(text, &lower);
        let token_ranges: Vec<_> = tokens.iter().map(|t| t.range.clone()).collect();
        prop_assert_eq!(token_ranges, ranges(&TOKEN, text));
        // Tokens, and every run of text without white space.
        for word in tokens
            .iter()
            .map(|t| t.raw)
            .chain(text.split(char::is_whitespace))
        {
            let new = parse_number(word).map(|n| (n.currency, n.digits, &word[n.rest..]));
            let old = NUMBER.captures(word).map(|c| {
                (
                    c.name("cur").is_some(),
                    c.name("num").unwrap().as_str(),
                    c.name("rest").unwrap().as_str(),
                )
            });
            prop_assert_eq!(new, old, "{:?}", word);
        }
        prop_assert_eq!(phone_numbers(text), ranges(&PHONE, text));
        let new: Vec<_> = from_to_matches(text)
            .into_iter()
            .map(|m| [m.whole, m.a, m.mid, m.b])
            .collect();
        let old: Vec<_> = FROM_TO
            .captures_iter(text)
            .map(|c| [0, 1, 2, 3].map(|i| c.get(i).unwrap().range()))
            .collect();
        prop_assert_eq!(new, old);
        prop_assert_eq!(zero_claims(text), ranges(&ZERO_CLAIM, text));
        prop_assert_eq!(to_nothing(text), ranges(&TO_NONE, text));
        Ok(())
    }

    proptest! {
        #[test]
        fn matchers_match_what_the_patterns_matched_on_ascii(text in ascii_text()) {
            same_as_the_patterns(&text)?;
        }

        #[test]
        fn matchers_match_what_the_patterns_matched(text in unicode_text()) {
            same_as_the_patterns(&text)?;
        }
    }

    #[test]
    fn matchers_match_what_the_patterns_matched_on_examples() {
        for text in [
            "Weekly pages dropped from 41 to 6.",
            "from 5% to 10%",
            "from 5%x to 10",
            "from 1.2.3 to 4",
            "from 2½ to 4 hours",
            "From about up to 300 to an average of 5,200 documents",
            "from 1 up to up to up to 9",
            "went from several per sale to none.",
            "has not seen a single a single error",
            "did n't have any a single page",
            "we had zero customer-reported, duplicates",
            "zero a b c d e duplicates",
            "zero a b c d e f duplicates",
            "call (555) 017-3342 or 555.017.33421",
            "from ٣ to ٤٥ ms",
            "from 1ſ to 2\u{212A}",
            "from 1 to ſix",
            "from almoſt 1 to 2",
            "haſ not a ſingle error",
            "zero ſkipped jobs",
            "zero cafe\u{301} duplicates",
            "from\u{301} 1 to 2",
            "zero s\u{212A}ipped jobs",
            "from hundreds to thousands of pages",
            "from 1 to hundreds",
            "from 1 to sixty",
            "from 41\nto one",
            "from 0zero\nto\t0",
        ] {
            same_as_the_patterns(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        }
        // Every word of every list, in place.
        for approximator in APPROXIMATORS {
            let text = format!("from {approximator}  5 to {approximator}\t6");
            same_as_the_patterns(&text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        }
        for number in NUMBER_WORDS {
            let text = format!("From {number} to {number}s");
            same_as_the_patterns(&text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        }
        for failure in FAILURES {
            let text = format!("Zero customer-reported {failure}s, not a single {failure}");
            same_as_the_patterns(&text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        }
        // At most 80 characters, of any width, between `a` and "to".
        for gap in [79, 80, 81] {
            for filler in ["x", "é", "\r"] {
                let text = format!("from 1 {} to 2", filler.repeat(gap - 2));
                same_as_the_patterns(&text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            }
        }
    }

    /// Every character, and the regex classes the predicates stand for:
    /// `\d` exactly; `\w` and `[\p{L}\p{N}]` but for the marks the
    /// module comment names, circled letters (So) and what Unicode 16
    /// left unassigned (Cn) but std's tables know.
    #[test]
    fn character_classes_are_the_regex_ones() {
        let all: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        let members = |class: &str| -> std::collections::HashSet<char> {
            let regex = Regex::new(class).unwrap();
            regex
                .find_iter(&all)
                .flat_map(|m| m.as_str().chars())
                .collect()
        };
        let excused = members(r"[\p{M}\p{So}\p{Cn}]");
        for (class, test) in [
            (r"\d+", is_digit as fn(char) -> bool),
            (r"\w+", is_word),
            (r"[\p{L}\p{N}]+", is_token_char),
        ] {
            let members = members(class);
            let differ: Vec<char> = all
                .chars()
                .filter(|&c| test(c) != members.contains(&c))
                .filter(|c| class == r"\d+" || !excused.contains(c))
                .collect();
            assert_eq!(differ, [], "{class}");
        }
        for c in ['\u{301}', '\u{FE0F}', '\u{20E3}'] {
            assert!(is_word(c), "{c:?}");
        }
    }

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
            kinds("It now holds about 900 million readings."),
            [("900".into(), Scale)]
        );
    }

    #[test]
    fn numbers_that_are_not_outcomes() {
        for text in [
            "I have seven years of experience and 8 years in total.",
            "I joined in 2019 and left in March 2024.",
            "I was engineer #4 at a startup.",
            "Call me at (555) 017-3342 after 3 p.m. Eastern.",
            "The adapter runs on Python 3.12.",
            "We kept 3 legacy clients on the old feed.",
            "Would you be open to a 30-minute call?",
            "I always give 100% to a problem.",
            "Releases go to 5% of customer tenants, then to everyone, with checks on error rates.",
            "An alert fires when jobs wait more than five minutes.",
            "The company has about 40 engineers.",
        ] {
            assert_eq!(kinds(text), [], "{text}");
        }
    }
}
