//! Figures: a number built from adjacent words and the marks between them
//! ("9,400", "99.9%", "$2.5M", "1.8s", "12M+"), and the figures that
//! measure no outcome (dates, clock times, phone numbers, versions,
//! ordinals, calendar years, tenure).

use super::lexicon::lexicon;
use super::sentence::{Around, Sentence, Term};

/// A figure at the start of a term: a currency sign, digits with `,ddd`
/// groups and one `.d+` fraction, and what is glued on after them.
pub(super) struct Figure<'a> {
    pub currency: bool,
    pub value: f64,
    /// No currency, no separator and nothing glued on: "2019", "3".
    pub plain: bool,
    /// What follows the digits in the term, lower-cased: "%", "k/mo",
    /// "-terabyte", "ms".
    pub rest: &'a str,
    /// `rest` without its hyphen: a "600-terabyte" lake holds 600 terabytes.
    pub unit: &'a str,
}

impl<'a> Figure<'a> {
    /// The unit glued on, or the next word when none is: "40ms", "40 ms".
    pub fn unit_or(&self, next: &'a str) -> &'a str {
        if self.unit.is_empty() {
            next
        } else {
            self.unit
        }
    }
}

/// How many ASCII digits `word` starts with.
pub(super) fn leading_digits(word: &str) -> usize {
    word.bytes().take_while(u8::is_ascii_digit).count()
}

pub(super) fn figure<'a>(sentence: &Sentence<'a>, term: &Term<'a>) -> Option<Figure<'a>> {
    let words = &sentence.words;
    let digits_of = |k: usize| leading_digits(sentence.word(k));
    // The next word of the term, when `mark` alone joins it to word `k`.
    let joined =
        |k: usize, mark: &str| (k + 1 < term.words.end && sentence.gap(k) == mark).then_some(k + 1);
    let first = term.words.start;
    let start = words[first].start;
    let mut last = first;
    let mut end = start + digits_of(first);
    if end == start {
        return None;
    }
    // "1,200,000": a comma and three digits, as often as they come.
    while end == words[last].end {
        match joined(last, ",").filter(|&k| digits_of(k) == 3) {
            Some(k) => (last, end) = (k, words[k].start + 3),
            None => break,
        }
    }
    let fraction = (end == words[last].end)
        .then(|| joined(last, ".").filter(|&k| digits_of(k) > 0))
        .flatten();
    if let Some(k) = fraction {
        end = words[k].start + digits_of(k);
    }
    let digits = &sentence.text[start..end];
    let currency = term.range.start < start;
    let rest = &sentence.lower[end..term.range.end];
    Some(Figure {
        currency,
        value: digits.replace(',', "").parse().unwrap_or(0.0),
        plain: !currency && rest.is_empty() && !digits.contains([',', '.']),
        rest,
        unit: rest.trim_start_matches('-'),
    })
}

/// A number spelled as a word, when a unit of time follows it: "five
/// hours to fifty minutes", "about seven minutes". Without a unit, "one of
/// the two teams" counts nothing.
pub(super) fn spelled<'a>(sentence: &Sentence<'a>, i: usize) -> Option<Figure<'a>> {
    let lex = lexicon();
    let terms = &sentence.terms;
    let value = lex.ranges.number_words.position(terms[i].text)?;
    let unit = terms.get(i + 1)?.text;
    (lex.duration_units.has(unit) || lex.tenure_units.has(unit)).then_some(Figure {
        currency: false,
        value: value as f64,
        plain: false,
        rest: "",
        unit: "",
    })
}

/// Dates, clock times, phone numbers, versions, ordinals, calendar years,
/// tenure, "#3", "3.12.1" and "24/7".
pub(super) fn is_not_an_outcome(around: &Around, figure: &Figure) -> bool {
    let lex = lexicon();
    let sentence = around.sentence;
    let term = &sentence.terms[around.term];
    let (previous, next) = (around.previous(), around.next(1));
    in_phone_number(sentence, term)
        || sentence.text[..term.range.start].ends_with(['#', '.', '/', ':', '-'])
        || lex.months.has(previous)
        || lex.months.has(next)
        || lex.clock_words.has(next)
        || term.text.contains(':')
        || (figure.plain && (1900.0..=2099.0).contains(&figure.value))
        || lex.version_words.has(previous)
        || lex.ordinal_suffixes.has(figure.rest)
        || lex.tenure_units.has(figure.unit_or(next))
}

/// "(555) 017-3342", "555.017.3342": words of three, three and four
/// digits, apart by one space, dot or hyphen (and a ")" after the first).
fn phone_at(sentence: &Sentence, k: usize) -> Option<std::ops::Range<usize>> {
    let [a, b, c] = sentence.words.get(k..k + 3)? else {
        return None;
    };
    let all_digits = |w: &crate::text::Word, n: usize| {
        w.end - w.start == n && leading_digits(&sentence.text[w.start..w.end]) == n
    };
    let separator = |gap: &str| {
        let mut chars = gap.chars();
        chars
            .next()
            .is_some_and(|c| c.is_whitespace() || c == '.' || c == '-')
            && chars.next().is_none()
    };
    let first_gap = sentence.gap(k);
    let phone = all_digits(a, 3)
        && all_digits(b, 3)
        && all_digits(c, 4)
        && separator(first_gap.strip_prefix(')').unwrap_or(first_gap))
        && separator(sentence.gap(k + 1));
    phone.then_some(a.start..c.end)
}

/// True when `term` lies inside a phone number: one that starts at its
/// first word or at one of the two before.
fn in_phone_number(sentence: &Sentence, term: &Term) -> bool {
    let first = term.words.start;
    (first.saturating_sub(2)..=first).any(|k| {
        phone_at(sentence, k)
            .is_some_and(|p| p.start <= term.range.start && term.range.end <= p.end)
    })
}
