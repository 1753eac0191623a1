//! A job posting, read with the same Letter model as a letter: its company
//! and role, the technologies it names and its requirement phrases, each
//! with the posting line it came from, so every conclusion can be checked.

use crate::front_matter::Field;
use crate::letter::{BlockKind, Letter};
use crate::lexicon::technologies;
use crate::phrases::PhraseSet;
use crate::source::{LineIndex, Source};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lexicon {
    requirement_headings: Vec<String>,
    nice_headings: Vec<String>,
    about_prefixes: Vec<String>,
    stopwords: Vec<String>,
    repeat_threshold: usize,
}

struct Compiled {
    requirement_headings: PhraseSet,
    nice_headings: PhraseSet,
    about_prefixes: Vec<String>,
    stopwords: HashSet<String>,
    repeat_threshold: usize,
}

static LEXICON: LazyLock<Compiled> = LazyLock::new(|| {
    let lex: Lexicon = embedded!("rules/lexicon/posting");
    Compiled {
        requirement_headings: PhraseSet::of_words(lex.requirement_headings, &[]),
        nice_headings: PhraseSet::of_words(lex.nice_headings, &[]),
        about_prefixes: lex.about_prefixes,
        stopwords: lex.stopwords.into_iter().collect(),
        repeat_threshold: lex.repeat_threshold,
    }
});

/// Something taken from the posting, with the line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub text: String,
    pub line: usize,
    /// Under "Nice to have": listed, not required.
    pub nice: bool,
    /// The stemmed content words a letter must touch to cover it.
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Posting {
    pub path: String,
    pub company: Option<Item>,
    pub role: Option<Item>,
    /// Distinct technologies in the order the posting first names them.
    pub technologies: Vec<Item>,
    /// Each sentence or list that names two or more technologies, in its
    /// own order (tech ids), with its line: the stacks a letter could quote.
    pub stack_lists: Vec<(Vec<usize>, usize)>,
    pub requirements: Vec<Requirement>,
    /// Every run of words in the posting's prose, lower-cased, with lines:
    /// what posting-echo compares a letter against.
    pub words: Vec<(String, usize)>,
}

impl Posting {
    /// Reads a posting. An empty one is an error: there is nothing to match.
    pub fn parse(source: &Source) -> Result<Posting, String> {
        // Always Markdown: a plain-text posting's "- item" lines are a list
        // in Markdown, and its lists are where the requirements are.
        let letter = Letter::parse(&source.text, false).map_err(|e| e.to_string())?;
        if letter.word_count() == 0 {
            return Err("the posting is empty".into());
        }
        let index = LineIndex::new(&source.text);
        let line_of = |offset: usize| index.line_col(offset).line;
        let lex = &*LEXICON;

        let first_heading = letter
            .blocks
            .first()
            .map(|b| (b.text().trim().to_string(), line_of(b.range.start)));
        let (title_role, title_company) = match &first_heading {
            Some((text, line)) => split_title(text, *line),
            None => (None, None),
        };
        let about = letter
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .find_map(|b| {
                let text = b.text().trim();
                let (first, rest) = text.split_once(char::is_whitespace)?;
                lex.about_prefixes
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(first))
                    .then(|| Item {
                        text: rest.trim().to_string(),
                        line: line_of(b.range.start),
                    })
            });
        let declared = |field: &Option<Field>| {
            field.as_ref().map(|f| Item {
                text: f.text.clone(),
                line: line_of(f.span.start),
            })
        };
        let company = declared(&letter.front_matter.company)
            .or(about)
            .or(title_company);
        let role = declared(&letter.front_matter.role).or(title_role);

        let mut named: Vec<Item> = Vec::new();
        for m in &letter.technologies {
            let name = technologies().name(m.tech).to_string();
            if !named.iter().any(|t| t.text == name) {
                named.push(Item {
                    text: name,
                    line: line_of(m.span.start),
                });
            }
        }
        // A list item holds one name at most: consecutive items of one list
        // form one stack, like the names of one sentence.
        let mut stack_lists: Vec<(Vec<usize>, usize)> = Vec::new();
        let mut last: Option<(usize, Option<usize>)> = None; // (block or list, sentence)
        for m in &letter.technologies {
            let block = &letter.blocks[m.block];
            let key = match block.kind {
                BlockKind::ListItem { list, .. } => (usize::MAX - list, None),
                _ => (
                    m.block,
                    block
                        .sentences
                        .iter()
                        .position(|s| s.start <= m.prose.start && m.prose.end <= s.end),
                ),
            };
            match stack_lists.last_mut() {
                Some((ids, _)) if last == Some(key) => ids.push(m.tech),
                _ => stack_lists.push((vec![m.tech], line_of(m.span.start))),
            }
            last = Some(key);
        }
        stack_lists.retain(|(ids, _)| ids.len() >= 2);

        // Requirements: list items under a requirement heading, or under a
        // short line that reads like one ("**What you'll do**").
        let mut requirements = Vec::new();
        let mut label: Option<bool> = None; // Some(nice) while inside a requirement list
        let mut listed = HashSet::new();
        for (i, block) in letter.blocks.iter().enumerate() {
            let text = block.text().trim();
            let next_is_item = matches!(
                letter.blocks.get(i + 1).map(|b| b.kind),
                Some(BlockKind::ListItem { .. })
            );
            let is_label = block.kind == BlockKind::Heading
                || (block.kind == BlockKind::Paragraph
                    && next_is_item
                    && crate::text::count_words(text) <= 6);
            if is_label {
                label = lex
                    .requirement_headings
                    .is_match(text)
                    .then(|| lex.nice_headings.is_match(text));
                continue;
            }
            match (block.kind, label) {
                (BlockKind::ListItem { .. }, Some(nice)) => {
                    listed.insert(i);
                    requirements.push(Requirement {
                        text: text.to_string(),
                        line: line_of(block.range.start),
                        nice,
                        keywords: keywords(text),
                    });
                }
                (BlockKind::ListItem { .. }, None) => {}
                _ => label = None,
            }
        }
        // Words the posting keeps coming back to outside its lists.
        let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for (i, block) in letter.blocks.iter().enumerate() {
            if listed.contains(&i) || block.kind == BlockKind::Heading {
                continue;
            }
            for word in content_words(block.text()) {
                let entry = counts
                    .entry(stem(&word))
                    .or_insert((0, line_of(block.range.start)));
                entry.0 += 1;
            }
        }
        let covered: HashSet<String> = requirements
            .iter()
            .flat_map(|r| r.keywords.clone())
            .collect();
        for (word, (count, line)) in counts {
            if count >= lex.repeat_threshold && !covered.contains(&word) {
                requirements.push(Requirement {
                    text: word.clone(),
                    line,
                    nice: false,
                    keywords: vec![word],
                });
            }
        }
        requirements.sort_by_key(|r| r.line);

        let mut words = Vec::new();
        for block in &letter.blocks {
            let line = line_of(block.range.start);
            for w in block.text().split_whitespace() {
                let w = normalize(w);
                if !w.is_empty() {
                    words.push((w, line));
                }
            }
        }
        Ok(Posting {
            path: source.path.clone(),
            company,
            role,
            technologies: named,
            stack_lists,
            requirements,
            words,
        })
    }

    /// The requirements that count towards coverage: the required ones, or
    /// every one when the posting marks none as required.
    pub fn required(&self) -> Vec<&Requirement> {
        let required: Vec<&Requirement> = self.requirements.iter().filter(|r| !r.nice).collect();
        if required.is_empty() {
            self.requirements.iter().collect()
        } else {
            required
        }
    }
}

/// "Senior Backend Engineer — Kestrel Pay", "Data Engineer at Tidewater":
/// the role before the separator, the company after it.
fn split_title(text: &str, line: usize) -> (Option<Item>, Option<Item>) {
    for separator in [" — ", " – ", " - ", " | ", " at ", " @ "] {
        if let Some((role, company)) = text.split_once(separator) {
            let item = |t: &str| {
                Some(Item {
                    text: t.trim().to_string(),
                    line,
                })
            };
            return (item(role), item(company));
        }
    }
    (
        Some(Item {
            text: text.to_string(),
            line,
        }),
        None,
    )
}

/// Lower-cased, without surrounding punctuation: how words are compared.
pub fn normalize(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// A crude stem: singular, then the first six letters. Enough to let
/// "migrations" meet "migrate", "reconciled" meet "reconciliation" and
/// "measured" meet "measure", without a dictionary.
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    let singular = if let Some(base) = w.strip_suffix("ies").filter(|b| b.len() > 1) {
        format!("{base}y")
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w
    };
    singular.chars().take(6).collect()
}

/// A line's words that can name a requirement, lower-cased, with the marks
/// of a name kept on them ("C++", "C#", "on-call"); no stop word or figure.
fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    crate::text::cut_between_words(text, |c| !matches!(c, '\'' | '-' | '+' | '#'))
        .into_iter()
        .map(|piece| text[piece].trim_matches(['\'', '-']).to_lowercase())
        .filter(|w| {
            w.chars().count() >= 2
                && !LEXICON.stopwords.contains(w)
                && w.chars().any(char::is_alphabetic)
        })
}

/// The distinct stemmed content words of a requirement.
fn keywords(text: &str) -> Vec<String> {
    let mut seen = Vec::new();
    for w in content_words(text) {
        let s = stem(&w);
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen
}

/// A posting and how the letter being linted covers it: what the posting
/// rules and the coverage table read.
#[derive(Debug, Clone, PartialEq)]
pub struct PostingMatch {
    pub posting: std::sync::Arc<Posting>,
    pub coverage: Vec<Coverage>,
}

/// How one requirement fares in a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub requirement: Requirement,
    pub covered: bool,
    /// The letter line that touches it most.
    pub letter_line: Option<usize>,
}

/// Which requirements the letter touches: at least two of a requirement's
/// words (or its only one), stemmed, in one sentence of the letter.
pub fn coverage(posting: &Posting, letter: &Letter) -> Vec<Coverage> {
    let index = LineIndex::new(letter.source);
    // Each sentence's stemmed words, once.
    let sentences: Vec<(usize, HashSet<String>)> = letter
        .sentences()
        .map(|(block, range)| {
            let offset = block.prose.source_offset(range.start);
            (
                index.line_col(offset).line,
                content_words(block.sentence_text(&range))
                    .map(|w| stem(&w))
                    .collect(),
            )
        })
        .collect();
    posting
        .requirements
        .iter()
        .map(|requirement| {
            let needed = requirement.keywords.len().min(2);
            let best = sentences
                .iter()
                .map(|(line, words)| {
                    (
                        requirement
                            .keywords
                            .iter()
                            .filter(|k| words.contains(*k))
                            .count(),
                        *line,
                    )
                })
                .filter(|(hits, _)| *hits > 0)
                .max_by_key(|(hits, line)| (*hits, std::cmp::Reverse(*line)));
            Coverage {
                requirement: requirement.clone(),
                covered: needed > 0 && best.is_some_and(|(hits, _)| hits >= needed),
                letter_line: best.map(|(_, line)| line),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const POSTING: &str = "# Senior Backend Engineer — Kestrel Pay\n\nWe move money for 40,000 merchants. Payouts must be correct; payouts must be fast; payouts must be explainable.\n\n## What you'll do\n\n- Design idempotent payment APIs\n- Own reconciliation between our ledger and the card networks\n\n## Nice to have\n\n- Experience with Kafka\n\n## About Kestrel Pay\n\nWe are 60 people.\n";

    #[test]
    fn content_words_keep_the_marks_of_a_name() {
        let words: Vec<String> =
            content_words("Ship C++ and C# on-call fixes, 24/7: don't 'panic' (x).").collect();
        assert_eq!(
            words,
            ["ship", "c++", "c#", "on-call", "fixes", "don't", "panic"]
        );
    }

    #[test]
    fn extracts_with_lines() {
        let posting = Posting::parse(&Source::new("posting.md", POSTING)).unwrap();
        assert_eq!(
            posting.role,
            Some(Item {
                text: "Senior Backend Engineer".into(),
                line: 1
            })
        );
        assert_eq!(
            posting.company,
            Some(Item {
                text: "Kestrel Pay".into(),
                line: 14
            })
        );
        let reqs: Vec<(&str, usize, bool)> = posting
            .requirements
            .iter()
            .map(|r| (r.text.as_str(), r.line, r.nice))
            .collect();
        assert_eq!(
            reqs,
            [
                ("payout", 3, false),
                ("Design idempotent payment APIs", 7, false),
                (
                    "Own reconciliation between our ledger and the card networks",
                    8,
                    false
                ),
                ("Experience with Kafka", 12, true),
            ]
        );
        assert_eq!(
            posting.technologies,
            [Item {
                text: "Kafka".into(),
                line: 12
            }]
        );
    }

    #[test]
    fn coverage_needs_two_words_in_one_sentence() {
        let posting = Posting::parse(&Source::new("posting.md", POSTING)).unwrap();
        let text =
            "I designed idempotent retries for our API. Reconciliation was someone else's job.";
        let letter = Letter::parse(text, false).unwrap();
        let covered: Vec<bool> = coverage(&posting, &letter)
            .iter()
            .map(|c| c.covered)
            .collect();
        assert_eq!(covered, [false, true, false, false]);
    }

    #[test]
    fn an_empty_posting_is_an_error() {
        assert!(Posting::parse(&Source::new("p.md", "\n\n")).is_err());
    }
}
