//! The lists of names a posting gives: "Go, Postgres, Kafka, Kubernetes
//! and AWS", or a bulleted list of one- to three-word items. A letter that
//! names them back in the same order quotes the list, whether or not the
//! technology lexicon knows the names.

use super::shape::{Page, Unit};
use super::text::{normalize, straighten};

/// Names in the posting's order, each as its normalised words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameList {
    pub names: Vec<Vec<String>>,
    pub line: usize,
}

/// Longest name a list may hold, in words.
const NAME_WORDS: usize = 3;
/// Fewest names that make a list.
const LIST_NAMES: usize = 3;

fn name(text: &str) -> Option<Vec<String>> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(normalize)
        .filter(|w| !w.is_empty())
        .collect();
    let named = words.iter().any(|w| w.chars().any(char::is_alphabetic));
    ((1..=NAME_WORDS).contains(&words.len()) && named).then_some(words)
}

pub(super) fn of(page: &Page) -> Vec<NameList> {
    let mut lists: Vec<NameList> = Vec::new();
    for unit in &page.units {
        let text = straighten(&unit.text);
        for range in crate::segment::sentences(&text) {
            if let Some(names) = comma_list(&text[range]) {
                lists.push(NameList {
                    names,
                    line: unit.line,
                });
            }
        }
    }
    let mut bullets: Vec<&Unit> = Vec::new();
    for unit in page.units.iter().chain([&Unit {
        text: String::new(),
        line: 0,
        list: None,
    }]) {
        if bullets.last().is_some_and(|b| b.list != unit.list) || unit.list.is_none() {
            let names: Option<Vec<Vec<String>>> = bullets.iter().map(|b| name(&b.text)).collect();
            if let Some(names) = names.filter(|n| n.len() >= LIST_NAMES) {
                lists.push(NameList {
                    names,
                    line: bullets[0].line,
                });
            }
            bullets.clear();
        }
        if unit.list.is_some() {
            bullets.push(unit);
        }
    }
    lists
}

/// "We use Go, Postgres, Kafka and AWS": the names after the lead-in, when
/// every one between the commas is a short name.
fn comma_list(sentence: &str) -> Option<Vec<Vec<String>>> {
    let start = sentence.rfind([':', '(']).map_or(0, |i| i + 1);
    let list = sentence[start..].trim_end_matches(['.', ')', ';', '!']);
    // "£55,000" holds no list: only a comma before a space separates.
    let mut parts: Vec<&str> = list.split(", ").map(str::trim).collect();
    if parts.len() < 2 {
        return None;
    }
    let last = parts.pop().expect("two parts");
    let last = last
        .strip_prefix("and ")
        .or_else(|| last.strip_prefix("or "))
        .unwrap_or(last);
    match [" and ", " or ", " & "]
        .into_iter()
        .find_map(|joiner| last.split_once(joiner))
    {
        Some((a, b)) => parts.extend([a, b]),
        None => parts.push(last),
    }
    // The lead-in before the first name: "We use Go" names Go.
    let first = parts[0].split_whitespace().last().unwrap_or("");
    let mut names = vec![name(first)?];
    for part in &parts[1..] {
        names.push(name(part)?);
    }
    (names.len() >= LIST_NAMES).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(sentence: &str) -> Option<Vec<String>> {
        comma_list(sentence).map(|n| n.into_iter().map(|w| w.join(" ")).collect())
    }

    #[test]
    fn comma_lists_after_a_lead_in() {
        assert_eq!(
            names("Our stack: Go, Postgres, Kafka, Kubernetes and AWS."),
            Some(
                vec!["go", "postgres", "kafka", "kubernetes", "aws"]
                    .into_iter()
                    .map(String::from)
                    .collect()
            )
        );
        assert_eq!(
            names("We use Go, Postgres and Google Cloud"),
            Some(
                vec!["go", "postgres", "google cloud"]
                    .into_iter()
                    .map(String::from)
                    .collect()
            )
        );
        assert_eq!(
            names("If you like trains, coffee and long walks in the rain, apply."),
            None
        );
    }
}
