//! The shape of a letter: which block is the salutation, which the
//! sign-off, and what lies before and after them.

use super::block::{Block, BlockKind, Part};
use crate::phrases::PhraseSet;
use crate::text::count_words;
use serde::Deserialize;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnatomyFile {
    salutations: Vec<String>,
    sign_offs: Vec<String>,
}

struct Anatomy {
    salutations: PhraseSet,
    /// Each closing formula as its words.
    sign_offs: Vec<Vec<String>>,
}

static ANATOMY: LazyLock<Anatomy> = LazyLock::new(|| {
    let file: AnatomyFile = embedded!("rules/lexicon/anatomy");
    Anatomy {
        salutations: PhraseSet::new(file.salutations.into_iter().map(|g| (g, 0, false)), &[]),
        sign_offs: file
            .sign_offs
            .iter()
            .map(|f| f.split_whitespace().map(String::from).collect())
            .collect(),
    }
});

fn is_salutation(text: &str) -> bool {
    ANATOMY
        .salutations
        .matches(text)
        .next()
        .is_some_and(|m| m.range.start == 0)
}

/// If `line` is a closing formula alone ("Best regards,", "Yours
/// sincerely") or followed by punctuation and more ("Thanks, Ana"): what
/// follows the punctuation, `Some(None)` when no punctuation does. Words
/// are compared ignoring ASCII case and may be split by any white space.
fn sign_off(line: &str) -> Option<Option<&str>> {
    let after_yours =
        eat_words(line, &["yours"]).filter(|rest| rest.starts_with(char::is_whitespace));
    for text in [Some(line), after_yours.map(str::trim_start)]
        .into_iter()
        .flatten()
    {
        for formula in &ANATOMY.sign_offs {
            let Some(after) = eat_words(text, formula) else {
                continue;
            };
            // "Sincerely yours,"
            let then_yours = Some(after.trim_start())
                .filter(|rest| rest.len() < after.len())
                .and_then(|rest| eat_words(rest, &["yours"]));
            if let Some(rest) = then_yours
                .into_iter()
                .chain([after])
                .find_map(punctuated_rest)
            {
                return Some(rest);
            }
        }
    }
    None
}

/// What follows `words` at the start of `text`, white space between them.
fn eat_words<'t>(text: &'t str, words: &[impl AsRef<str>]) -> Option<&'t str> {
    let mut rest = text;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() {
                return None;
            }
            rest = trimmed;
        }
        let word = word.as_ref();
        let head = rest.get(..word.len())?;
        if !head.eq_ignore_ascii_case(word) {
            return None;
        }
        rest = &rest[word.len()..];
    }
    Some(rest)
}

/// The end of a sign-off line: nothing (`Some(None)`), or a mark and what
/// follows it (`Some(Some(rest))`); anything else is not a sign-off.
fn punctuated_rest(end: &str) -> Option<Option<&str>> {
    let mut chars = end.trim_start().chars();
    match chars.next() {
        None => Some(None),
        Some(',' | '.' | '!' | '—' | '–' | '-') => Some(Some(chars.as_str().trim_start())),
        Some(_) => None,
    }
}

/// Marks salutation, sign-off and what lies around them. A sign-off is a
/// closing formula alone on its line (or followed by a short name), so
/// "Thank you for your time." in the last paragraph is not mistaken for one.
pub(super) fn assign_parts(blocks: &mut [Block], source: &str) {
    let is_para = |b: &Block| b.kind == BlockKind::Paragraph;
    let salutation = blocks
        .iter()
        .take(6)
        .position(|b| is_para(b) && is_salutation(b.text().trim()) && b.word_count() <= 14);
    let body_from = salutation.map_or(0, |i| i + 1);
    let sign_off = (body_from + 1..blocks.len()).find(|&i| {
        let b = &blocks[i];
        if !is_para(b) || b.word_count() > 14 {
            return false;
        }
        let first_line = source[b.range.clone()].lines().next().unwrap_or("").trim();
        sign_off(first_line).is_some_and(|rest| rest.is_none_or(|rest| count_words(rest) <= 5))
    });
    for (i, block) in blocks.iter_mut().enumerate() {
        block.part = match (salutation, sign_off) {
            (Some(s), _) if i < s => Part::Header,
            (Some(s), _) if i == s => Part::Salutation,
            (_, Some(e)) if i == e => Part::SignOff,
            (_, Some(e)) if i > e => Part::After,
            _ => Part::Body,
        };
    }
    // A name on its own paragraph under the sign-off belongs to it.
    if let Some(e) = sign_off {
        if let Some(next) = blocks.get_mut(e + 1) {
            let text = next.prose.text.trim();
            let last_word = text.split_whitespace().last().unwrap_or("");
            // "Tomasz W." ends with a period; "I built it." is a sentence.
            let sentence_end =
                text.ends_with(['?', '!']) || (text.ends_with('.') && last_word.len() > 3);
            if next.kind == BlockKind::Paragraph && count_words(text) <= 6 && !sentence_end {
                next.part = Part::SignOff;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_offs_alone_or_with_a_short_name() {
        assert_eq!(sign_off("Best regards,"), Some(Some("")));
        assert_eq!(sign_off("Yours sincerely"), Some(None));
        assert_eq!(sign_off("Sincerely yours,"), Some(Some("")));
        assert_eq!(sign_off("BEST  REGARDS"), Some(None));
        assert_eq!(sign_off("Thanks, Ana"), Some(Some("Ana")));
        assert_eq!(sign_off("Cheers — Ana"), Some(Some("Ana")));
        assert_eq!(sign_off("Thank you for your time."), None);
        assert_eq!(sign_off("Bestow"), None);
        assert_eq!(sign_off("Regards to the team"), None);
    }

    #[test]
    fn salutations_start_the_line() {
        assert!(is_salutation("Dear Ms. Feld,"));
        assert!(is_salutation("Good morning team"));
        assert!(is_salutation("To whom it may concern:"));
        assert!(!is_salutation("Dearest friends"));
        assert!(!is_salutation("Oh, hello there"));
    }
}
