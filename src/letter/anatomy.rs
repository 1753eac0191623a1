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
    postscripts: Vec<String>,
    contact_marks: Vec<String>,
}

struct Anatomy {
    salutations: PhraseSet,
    /// Each closing formula as its words.
    sign_offs: Vec<Vec<String>>,
    postscripts: Vec<String>,
    contact_marks: Vec<String>,
}

static ANATOMY: LazyLock<Anatomy> = LazyLock::new(|| {
    let file: AnatomyFile = embedded!("rules/lexicon/anatomy");
    Anatomy {
        salutations: PhraseSet::of_words(file.salutations, &[]),
        sign_offs: file
            .sign_offs
            .iter()
            .map(|f| f.split_whitespace().map(String::from).collect())
            .collect(),
        postscripts: file.postscripts,
        contact_marks: file.contact_marks,
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
/// "Thank you for your time." in the last paragraph is not mistaken for one;
/// without a formula, a dash and a name ("-- Ana") or, at the very end, a
/// bare name (with contact lines under it) signs the letter.
pub(super) fn assign_parts(blocks: &mut [Block], source: &str) {
    let stated = blocks
        .iter()
        .position(|b| b.stated_part == Some(Part::Salutation));
    let salutation = stated.or_else(|| {
        blocks
            .iter()
            .take(6)
            .position(|b| is_paragraph(b) && is_salutation(b.text().trim()) && b.word_count() <= 14)
    });
    let body_from = salutation.map_or(0, |i| i + 1);
    let first_line = |b: &Block| source[b.range.clone()].lines().next().unwrap_or("").trim();
    let formula = (body_from + 1..blocks.len()).find(|&i| {
        let b = &blocks[i];
        is_paragraph(b)
            && b.word_count() <= 14
            && sign_off(first_line(b))
                .is_some_and(|rest| rest.is_none_or(|rest| count_words(rest) <= 5))
    });
    let sign_off = formula
        .or_else(|| {
            (body_from + 1..blocks.len())
                .find(|&i| is_paragraph(&blocks[i]) && is_dash_signature(first_line(&blocks[i])))
        })
        .or_else(|| bare_name_signature(blocks, body_from, source));
    for (i, block) in blocks.iter_mut().enumerate() {
        let letterhead = block.stated_part == Some(Part::Header);
        block.part = match (salutation, sign_off) {
            _ if letterhead && salutation.is_none_or(|s| i < s) => Part::Header,
            (Some(s), _) if i < s => Part::Header,
            (Some(s), _) if i == s => Part::Salutation,
            (_, Some(e)) if i == e => Part::SignOff,
            (_, Some(e)) if i > e => Part::After,
            _ => Part::Body,
        };
    }
    let Some(e) = sign_off else {
        return;
    };
    // Under the sign-off: the name, contact lines, then any P.S.
    let mut signature = true;
    for block in blocks[e + 1..].iter_mut() {
        let text = block.prose.text.trim();
        if is_postscript(text) {
            block.part = Part::Postscript;
            signature = false;
        } else if signature
            && is_paragraph(block)
            && (is_name(text) || is_contact(text) || is_name_and_contacts(source, block))
        {
            block.part = Part::SignOff;
        } else {
            signature = false;
        }
    }
}

fn is_paragraph(block: &Block) -> bool {
    block.kind == BlockKind::Paragraph
}

/// "P.S.", "PS:", "P.P.S." opening a block.
fn is_postscript(text: &str) -> bool {
    let text = text.trim_start_matches(['*', '_']).to_ascii_lowercase();
    ANATOMY
        .postscripts
        .iter()
        .any(|mark| text.starts_with(mark.as_str()))
}

/// "-- Ana", "— Ana Ruiz": a dash, then a short name.
fn is_dash_signature(line: &str) -> bool {
    let rest = line.trim_start_matches(['-', '—', '–', '~']);
    rest.len() < line.len() && is_name(rest.trim())
}

/// One to four words that read as a person's name: each capitalised or an
/// initial, no sentence punctuation but an initial's period.
fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            let w = w.trim_end_matches(',');
            let initial = w.chars().count() == 2 && w.ends_with('.');
            w.chars().next().is_some_and(char::is_uppercase)
                && (initial || !w.ends_with(['.', '!', '?', ':']))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
        && !is_salutation(text)
        && sign_off(text).is_none()
}

/// A line of contact details: an address, a phone number, a profile link.
fn is_contact(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    let digits = line.chars().filter(char::is_ascii_digit).count();
    line.contains('@')
        || digits >= 7
        || ANATOMY
            .contact_marks
            .iter()
            .any(|mark| lower.contains(mark.as_str()))
}

/// A name on the first line and contact details on every line under it.
fn is_name_and_contacts(source: &str, block: &Block) -> bool {
    let mut lines = source[block.range.clone()].lines().map(str::trim);
    lines
        .next()
        .is_some_and(|first| is_name(first.trim_matches(['*', '_'])))
        && lines.all(|line| line.is_empty() || is_contact(line))
}

/// Without a formula, the letter may end in a bare name: the last
/// paragraph of the letter's first section, under any P.S. and contact
/// lines, if it reads as a name.
fn bare_name_signature(blocks: &[Block], body_from: usize, source: &str) -> Option<usize> {
    let section = blocks.get(body_from)?.section;
    let mut last = None;
    for (i, block) in blocks.iter().enumerate().skip(body_from + 1) {
        if block.section != section {
            break;
        }
        let text = block.prose.text.trim();
        let contacts_only = is_contact(text) && !is_name_and_contacts(source, block);
        if !(is_postscript(text) || contacts_only) {
            last = Some(i);
        }
    }
    let i = last?;
    let block = &blocks[i];
    (is_paragraph(block)
        && (is_name(block.prose.text.trim()) || is_name_and_contacts(source, block)))
    .then_some(i)
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
