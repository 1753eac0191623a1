//! Finds quantified outcomes: numbers tied to throughput, latency,
//! reliability, cost or scale. Computed once per letter; the metric rules,
//! the claim rule and the scorecard all read the result.
//!
//! A number alone is never a metric. It needs a unit or a word around it
//! that says what it measures (`rules/lexicon/metrics.toml`); dates, clock
//! times, phone numbers, versions, ordinals, years of tenure and alert
//! thresholds are set aside first.

use crate::letter::Letter;
use crate::lexicon::embedded;
use regex::Regex;
use serde::{Deserialize, Serialize};
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

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    embedded(
        "rules/lexicon/metrics.toml",
        include_str!("../rules/lexicon/metrics.toml"),
    )
});

/// A word of a sentence, lower-cased, with its range in the sentence.
#[derive(Debug)]
struct Token<'a> {
    text: String,
    range: Range<usize>,
    raw: &'a str,
}

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[$€£]?[\p{L}\p{N}]+(?:[.,'’/:-][\p{L}\p{N}]+)*%?\+?").expect("valid regex")
});

// ASCII twins of the costliest patterns, for sentences that are all ASCII
// (every letter of the labelled corpus is). Unicode classes make a pattern
// slow to compile (ZERO_CLAIM takes 2 ms, more than linting a whole letter),
// and on ASCII text a twin matches exactly what its pattern does, because
// each class keeps its ASCII members. The Unicode pattern is then compiled
// only if some sentence needs it.
static TOKEN_ASCII: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\$?[A-Za-z0-9]+(?:[.,'/:-][A-Za-z0-9]+)*%?\+?").expect("valid regex")
});

/// A number at the start of a token: currency, digits, and what is glued on.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<cur>[$€£])?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)(?P<rest>.*)$")
        .expect("valid regex")
});

static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b").expect("valid regex"));

/// "from 41 to 6", or its ASCII twin: `(?-u)`, and each class with a
/// non-ASCII member (currency signs, `.`) cut to its ASCII members.
fn from_to(ascii: bool) -> Regex {
    let approx = r"(?:(?:about|roughly|around|nearly|almost|over|under|up to|just|an average of|a median of|a few|fewer than|less than|more than|below|above)\s+)*";
    let (unicode, currency, any) = if ascii {
        // `.` is any character but a line break: here any ASCII one.
        ("(?-u)", r"\$", r"[\x00-\x09\x0B-\x7F]")
    } else {
        ("", "[$€£]", ".")
    };
    let num = format!(
        r"(?:{currency}?\d+(?:[.,]\d+)*(?:%|[a-z]+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred|hundreds|thousands|half)"
    );
    Regex::new(&format!(
        r"{unicode}(?i)\bfrom\s+{approx}(?P<a>{num})\b(?P<mid>{any}{{0,80}}?)\bto\s+{approx}(?P<b>{num})"
    ))
    .expect("valid regex")
}

static FROM_TO: LazyLock<Regex> = LazyLock::new(|| from_to(false));
static FROM_TO_ASCII: LazyLock<Regex> = LazyLock::new(|| from_to(true));

const ZERO_CLAIM_PATTERN: &str = r"(?i)\b(?:zero|not a single|without a single|(?:has|have|did)\s*(?:not|n't)\s+(?:\w+\s+){0,2}a single)\s+(?:[\w-]+\s+){0,5}?(?:duplicate|duplicated|dropped|lost|skipped|missed|failed|incident|outage|error|page|oversell|double|data loss|downtime|mismatch)[\w-]*";

static ZERO_CLAIM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(ZERO_CLAIM_PATTERN).expect("valid regex"));

/// `(?-u)` makes `\w`, `\s`, `\b` and case folding ASCII-only.
static ZERO_CLAIM_ASCII: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?-u){ZERO_CLAIM_PATTERN}")).expect("valid regex"));

static TO_NONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bto\s+(?:none|zero|nothing)\b").expect("valid regex"));

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

pub fn find(letter: &Letter) -> Vec<Metric> {
    let mut metrics = Vec::new();
    for (index, block) in letter.blocks.iter().enumerate() {
        for sentence in &block.sentences {
            let text = &block.text()[sentence.clone()];
            for (range, kind) in find_in_sentence(text) {
                let prose = sentence.start + range.start..sentence.start + range.end;
                metrics.push(Metric {
                    block: index,
                    span: block.prose.source_range(prose),
                    kind,
                });
            }
        }
    }
    metrics
}

/// True when `text` holds any figure at all: what "no number in its
/// sentence" means.
pub fn has_number(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// Metrics in one sentence, as ranges in the sentence.
pub fn find_in_sentence(text: &str) -> Vec<(Range<usize>, MetricKind)> {
    let lex = &*LEXICON;
    let lower = text.to_ascii_lowercase();
    let ascii = text.is_ascii();
    let token = if ascii { &TOKEN_ASCII } else { &TOKEN };
    let tokens: Vec<Token> = token
        .find_iter(text)
        .map(|m| Token {
            text: lower[m.range()].to_string(),
            range: m.range(),
            raw: m.as_str(),
        })
        .collect();
    // Most sentences hold no figure and none of the words the patterns
    // below start from. A substring test says so for far less than a regex
    // search, so each pattern runs only where it could match: a test here
    // may only rule out sentences the pattern cannot match.
    let has_digit = text.chars().any(char::is_numeric);
    let phones: Vec<Range<usize>> = if has_digit {
        PHONE.find_iter(text).map(|m| m.range()).collect()
    } else {
        Vec::new()
    };
    let breaks = clause_breaks(text);
    let is_threshold_sentence = tokens
        .iter()
        .any(|t| lex.cues.threshold_context.contains(&t.text));
    let mut found = Vec::new();

    for (i, token) in tokens.iter().enumerate() {
        let number_like = token
            .raw
            .starts_with(|c: char| c.is_numeric() || matches!(c, '$' | '€' | '£'));
        if !number_like {
            continue;
        }
        let Some(caps) = NUMBER.captures(token.raw) else {
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
        let num = &caps["num"];
        let rest = caps["rest"].to_ascii_lowercase();
        let value: f64 = num.replace(',', "").parse().unwrap_or(0.0);
        let prev = i
            .checked_sub(1)
            .map(|p| tokens[p].text.as_str())
            .unwrap_or("");
        let next = |k: usize| tokens.get(i + k).map_or("", |t| t.text.as_str());
        let is_plain_int =
            caps.name("cur").is_none() && rest.is_empty() && !num.contains([',', '.']);

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
        if VERSION_WORDS.contains(&prev) || num.matches('.').count() > 1 {
            continue;
        }
        if ["st", "nd", "rd", "th"].contains(&rest.as_str()) {
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
        let threshold = is_threshold_sentence && preceded_by(&tokens, i, &lex.cues.threshold);
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
                        .find(|(list, _)| list.contains(&tokens[k].text))
                        .map(|(_, kind)| (k.abs_diff(i), *kind))
                })
                .min_by_key(|(distance, _)| *distance)
                .map(|(_, kind)| kind)
        };
        let has_cue =
            |radius: usize, list: &[String]| window(radius).any(|k| list.contains(&tokens[k].text));
        let kinds = [
            (&lex.cues.reliability, MetricKind::Reliability),
            (&lex.cues.cost, MetricKind::Cost),
            (&lex.cues.latency, MetricKind::Latency),
            (&lex.cues.throughput, MetricKind::Throughput),
        ];

        let kind = if caps.name("cur").is_some() || next_word == "dollars" {
            (value > 0.0).then_some(MetricKind::Cost)
        } else if rest.starts_with('%') || next_word == "percent" {
            if threshold {
                None
            } else {
                nearest_cue(8, &kinds)
            }
        } else if let Some(j) = rate_end(tokens, i, &rest) {
            let counted = &tokens[i + 1..j];
            // "from roughly 300 a month": what is counted was named before.
            let named_before = counted.is_empty() && has_cue(10, &lex.cues.reliability);
            if counted.iter().any(|t| lex.duration_units.contains(&t.text)) {
                None
            } else if named_before
                || counted
                    .iter()
                    .any(|t| lex.cues.reliability.contains(&t.text))
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
            let magnitude = lex.magnitudes.contains(&next_word.to_string())
                || ["k", "m", "b", "bn", "m+", "k+"].contains(&unit);
            let counted = (1..=3).map(next).collect::<Vec<_>>();
            let listed = counted
                .iter()
                .any(|w| lex.scale_nouns.iter().any(|n| n == w));
            let plural = counted.iter().any(|w| {
                w.len() > 3 && w.ends_with('s') && w.chars().all(|c| c.is_alphabetic() || c == '-')
            });
            let scale = (value >= 10.0 && listed) || ((value >= 1000.0 || magnitude) && plural);
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
    // (?i) folds no other character to f, r, o, m, z, e, n, i, g, l, t or h,
    // so an ASCII lower-case test is exact for the patterns below.
    let from_to_regex = if ascii { &FROM_TO_ASCII } else { &FROM_TO };
    let from_to = lower
        .contains("from")
        .then(|| from_to_regex.captures_iter(text));
    for caps in from_to.into_iter().flatten() {
        let whole = caps.get(0).expect("match");
        let (a, b) = (caps.name("a").expect("a"), caps.name("b").expect("b"));
        if caps["mid"].to_ascii_lowercase().contains("from ") {
            continue;
        }
        let is_year = |s: &str| {
            s.len() == 4
                && (s.starts_with("19") || s.starts_with("20"))
                && s.bytes().all(|c| c.is_ascii_digit())
        };
        if is_year(a.as_str()) || is_year(b.as_str()) {
            continue;
        }
        let before = tokens.partition_point(|t| t.range.end <= whole.start());
        let context = tokens[..before]
            .iter()
            .rev()
            .take(10)
            .map(|t| t.text.as_str())
            .chain(lower[a.end()..b.end()].split(|c: char| !c.is_alphanumeric() && c != '-'));
        let mut kind = None;
        for word in context {
            let w = word.to_string();
            kind = if lex.cues.recovery.contains(&w) || lex.cues.reliability.contains(&w) {
                Some(MetricKind::Reliability)
            } else if lex.cues.cost.contains(&w) {
                Some(MetricKind::Cost)
            } else if lex.cues.latency.contains(&w) || lex.percentiles.contains(&w) {
                Some(MetricKind::Latency)
            } else if lex.cues.throughput.contains(&w) {
                Some(MetricKind::Throughput)
            } else {
                continue;
            };
            break;
        }
        // "from roughly 300 to 5,200 documents per second": both ends
        // measure what the second one measures.
        let lo = found[..by_token].partition_point(|(r, _)| r.start < a.start());
        let hi = found[..by_token].partition_point(|(r, _)| r.start < b.end());
        let inside = &mut found[lo..hi];
        if let Some(&(_, last)) = inside.iter().rev().find(|(r, _)| r.end <= b.end()) {
            for (r, k) in inside.iter_mut() {
                if r.end <= b.end() {
                    *k = last;
                }
            }
        } else if let Some(kind) = kind {
            found.push((whole.start()..b.end(), kind));
        }
    }

    if lower.contains("zero") || lower.contains("ingle") {
        let zero_claim = if ascii {
            &ZERO_CLAIM_ASCII
        } else {
            &ZERO_CLAIM
        };
        for m in zero_claim.find_iter(text) {
            found.push((m.range(), MetricKind::Reliability));
        }
    }
    // "oversell incidents went from several per sale to none"
    let to_none = ["none", "zero", "nothing"]
        .iter()
        .any(|w| lower.contains(w))
        .then(|| TO_NONE.find_iter(text));
    for m in to_none.into_iter().flatten() {
        let before = tokens.partition_point(|t| t.range.end <= m.start());
        if tokens[..before]
            .iter()
            .rev()
            .take(12)
            .any(|t| lex.cues.reliability.contains(&t.text))
        {
            found.push((m.range(), MetricKind::Reliability));
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
        let w = tokens[j].text.as_str();
        if lex.rate_units.iter().any(|u| u == w) || slash_period(w) {
            return Some(j);
        }
        let per = ["per", "a", "an", "each", "every"].contains(&w);
        if per && tokens.get(j + 1).is_some_and(|t| is_period(&t.text)) {
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
    use crate::lexicon::twins::{ascii_text, matches};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ascii_twins_match_what_their_patterns_match(text in ascii_text()) {
            for (unicode, ascii) in [
                (&TOKEN, &TOKEN_ASCII),
                (&FROM_TO, &FROM_TO_ASCII),
                (&ZERO_CLAIM, &ZERO_CLAIM_ASCII),
            ] {
                prop_assert_eq!(matches(unicode, &text), matches(ascii, &text));
            }
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
