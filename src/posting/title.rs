//! The posting's company and role, read carefully: from a line that says
//! so ("Company: Acme"), an "About <Company>" label, and the title, split
//! where a dash, a bar or "at" joins a role and a company. Which side of
//! "Acme — Partnerships Manager" is the role is decided by the job noun
//! it holds, or by the company named elsewhere; when nothing decides, the
//! reading is marked unsure.

use super::lexicon::{TitleWords, LEXICON};
use super::shape::Page;
use super::text::straighten;
use crate::phrases::PhraseSet;
use std::sync::LazyLock;

/// Something taken from the posting, with the line it came from. `sure`
/// is false when the posting's shape left room for doubt (a title with no
/// job noun, a split that could go either way).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated {
    pub text: String,
    pub line: usize,
    pub sure: bool,
}

static NOUNS: LazyLock<PhraseSet> =
    LazyLock::new(|| PhraseSet::of_words(LEXICON.title.nouns.iter().cloned(), &[]));

pub(super) struct Named {
    pub company: Option<Stated>,
    pub role: Option<Stated>,
}

fn has_job_noun(text: &str) -> bool {
    NOUNS.is_match(&straighten(text))
}

fn is_link(text: &str) -> bool {
    text.contains("://") || text.starts_with("www.") || text.contains('@')
}

/// A name as a label or title gives it: short, no link, no sentence.
fn plausible(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=8).contains(&words) && !is_link(text) && !text.ends_with(['.', '!', '?'])
}

/// Two names of one company: one holds the other, any case ("Kestrel" is
/// "Kestrel Pay").
pub fn same_company(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim().to_lowercase(), b.trim().to_lowercase());
    a.contains(&b) || b.contains(&a)
}

pub(super) fn read(page: &Page, words: &TitleWords) -> Named {
    let stated = |text: &str, line: usize, sure: bool| Stated {
        text: text.trim().to_string(),
        line,
        sure,
    };
    let fact = |keys: &[String]| {
        page.facts
            .iter()
            .find(|(key, value)| keys.contains(key) && plausible(&value.text))
            .map(|(_, value)| stated(&value.text, value.line, true))
    };
    let about = page.labels.iter().find_map(|label| {
        let rest = strip_word(&label.text, "about")?;
        let rest = rest.trim_end_matches(['?', ':', '!']).trim();
        let first = rest.split_whitespace().next()?;
        let named = first.starts_with(char::is_uppercase)
            && !words
                .not_company
                .iter()
                .any(|w| w.eq_ignore_ascii_case(&straighten(first)));
        (named && plausible(rest)).then(|| stated(rest, label.line, true))
    });
    let known_company = fact(&words.company_keys).or(about);
    let (title_role, title_company) = match &page.title {
        Some(title) => split_title(&title.text, title.line, known_company.as_ref()),
        None => (None, None),
    };
    Named {
        company: known_company
            .or(title_company)
            .or_else(|| subtitle_company(page, words)),
        role: fact(&words.role_keys).or(title_role),
    }
}

/// "Pellamy Health · Quenby Wells or remote", "Ellingmoor Water": a short
/// name of capitalised words on the line under the title, sure when the
/// posting names it again.
fn subtitle_company(page: &Page, words: &TitleWords) -> Option<Stated> {
    let line = page.subtitle.as_ref()?;
    let name = [" · ", " | ", " — ", " – ", ", ", " - ", " ("]
        .iter()
        .fold(line.text.as_str(), |text, separator| {
            text.split(separator).next().unwrap_or(text)
        })
        .trim();
    let small = ["&", "and", "of", "the", "for", "de", "la"];
    let capitalised = name
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase) || small.contains(&w));
    let is_name = (1..=5).contains(&name.split_whitespace().count())
        && capitalised
        && !name.contains([':', '@'])
        && !name.chars().any(|c| c.is_ascii_digit())
        && !has_job_noun(name)
        && !words
            .company_keys
            .iter()
            .any(|k| k.eq_ignore_ascii_case(name));
    if !is_name {
        return None;
    }
    let named_again = page
        .prose
        .iter()
        .filter(|(_, number)| *number != line.line)
        .any(|(text, _)| text.contains(name));
    Some(Stated {
        text: name.to_string(),
        line: line.line,
        sure: named_again,
    })
}

/// The text after a leading `word` ("About Kestrel Pay"), any case.
fn strip_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let (first, rest) = text.split_once(char::is_whitespace)?;
    first.eq_ignore_ascii_case(word).then_some(rest)
}

/// "Senior Backend Engineer — Kestrel Pay", "Acme — Partnerships Manager",
/// "Data Engineer at Tidewater": the role and the company of a title.
fn split_title(
    title: &str,
    line: usize,
    known_company: Option<&Stated>,
) -> (Option<Stated>, Option<Stated>) {
    let stated = |text: &str, sure: bool| {
        plausible(text).then(|| Stated {
            text: text.trim().to_string(),
            line,
            sure,
        })
    };
    let is_known = |text: &str| {
        !text.trim().is_empty() && known_company.is_some_and(|k| same_company(&k.text, text))
    };
    for at in [" at ", " @ "] {
        if let Some((role, company)) = title.split_once(at) {
            return (stated(role, has_job_noun(role)), stated(company, true));
        }
    }
    for separator in [" — ", " – ", " ‒ ", " - ", " | ", " · ", ": "] {
        let Some((a, b)) = title.split_once(separator) else {
            continue;
        };
        let (a_noun, b_noun) = (has_job_noun(a), has_job_noun(b));
        let a_is_company = is_known(a) && !is_known(b);
        let b_is_company = is_known(b) && !is_known(a);
        return if a_is_company || (!b_is_company && b_noun && !a_noun) {
            (stated(b, true), stated(a, true))
        } else if b_is_company || (a_noun && !b_noun) {
            (stated(a, true), stated(b, true))
        } else {
            (stated(a, false), stated(b, false))
        };
    }
    if is_known(title) {
        return (None, None);
    }
    (stated(title, has_job_noun(title)), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Reading = Option<(String, bool)>;

    fn split(title: &str) -> (Reading, Reading) {
        let (role, company) = split_title(title, 1, None);
        let pair = |s: Option<Stated>| s.map(|s| (s.text, s.sure));
        (pair(role), pair(company))
    }

    #[test]
    fn the_side_with_a_job_noun_is_the_role() {
        let sure = |t: &str| Some((t.to_string(), true));
        assert_eq!(
            split("Acme Robotics — Partnerships Manager"),
            (sure("Partnerships Manager"), sure("Acme Robotics"))
        );
        assert_eq!(
            split("Senior Backend Engineer, Payments – Kestrel Pay"),
            (
                sure("Senior Backend Engineer, Payments"),
                sure("Kestrel Pay")
            )
        );
        assert_eq!(
            split("Data Engineer at Tidewater"),
            (sure("Data Engineer"), sure("Tidewater"))
        );
    }

    #[test]
    fn an_undecided_title_is_unsure_and_a_link_is_no_company() {
        let (role, company) = split("Acme — Partnerships");
        assert_eq!(role, Some(("Acme".to_string(), false)));
        assert_eq!(company, Some(("Partnerships".to_string(), false)));
        let (role, company) = split("Data Engineer — https://tidewater.example/jobs");
        assert_eq!(role, Some(("Data Engineer".to_string(), true)));
        assert_eq!(company, None);
    }
}
