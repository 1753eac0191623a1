//! Which requirements a letter covers. One named term (a technology, or a
//! practice such as on-call, Agile or 0-to-1) covers an item; otherwise an
//! item of one or two specific words needs one of them, a longer one two
//! (one, when it is a word the posting uses nowhere else, or the item is a
//! list of alternatives), in one sentence or two neighbouring ones.
//! Generic words help at half weight, never alone.
//! What the letter says it lacks ("Terraform is new to me") is a gap, not
//! coverage, and a passage it quotes is the posting's words, not its own.

use super::read::{Posting, Requirement};
use super::terms::{of_sentence, Term};
use super::text::quotations;
use crate::letter::Letter;
use crate::source::LineIndex;
use std::sync::Arc;

/// A posting and how the letter being linted covers it: what the posting
/// rules and the coverage table read.
#[derive(Debug, Clone, PartialEq)]
pub struct PostingMatch {
    pub posting: Arc<Posting>,
    pub coverage: Vec<Coverage>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judgement {
    Covered,
    Missed,
    /// The letter says it lacks it: honest, and not coverage.
    Gap,
}

impl Judgement {
    pub fn as_str(self) -> &'static str {
        match self {
            Judgement::Covered => "covered",
            Judgement::Missed => "missed",
            Judgement::Gap => "gap",
        }
    }
}

/// How one requirement fares in a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub requirement: Requirement,
    pub judgement: Judgement,
    /// The letter line that covers it, or says it lacks it.
    pub letter_line: Option<usize>,
}

impl Coverage {
    pub fn covered(&self) -> bool {
        self.judgement == Judgement::Covered
    }
}

/// A sentence's terms, with whether the letter says it lacks each.
struct Sentence {
    line: usize,
    terms: Vec<(Term, bool)>,
}

pub fn coverage(posting: &Posting, letter: &Letter) -> Vec<Coverage> {
    let index = LineIndex::new(letter.source);
    let company = posting.company.as_ref().map(|c| c.text.as_str());
    // Each block's sentences; a window is one sentence or two neighbours.
    let blocks: Vec<Vec<Sentence>> = letter
        .blocks
        .iter()
        .map(|block| {
            block
                .sentences
                .iter()
                .map(|range| Sentence {
                    line: index.line_col(block.prose.source_offset(range.start)).line,
                    terms: of_sentence(&own_words(block.sentence_text(range), company)),
                })
                .collect()
        })
        .collect();
    let windows: Vec<(usize, Vec<&(Term, bool)>)> = blocks
        .iter()
        .flat_map(|sentences| {
            (0..sentences.len()).flat_map(move |i| {
                let one = &sentences[i];
                let mut windows = vec![(one.line, one.terms.iter().collect::<Vec<_>>())];
                if let Some(next) = sentences.get(i + 1) {
                    windows.push((one.line, one.terms.iter().chain(&next.terms).collect()));
                }
                windows
            })
        })
        .collect();
    let sentences: Vec<&Sentence> = blocks.iter().flatten().collect();
    posting
        .requirements
        .iter()
        .map(|requirement| {
            let covered = windows
                .iter()
                .filter_map(|(line, terms)| {
                    let own: Vec<&Term> = terms
                        .iter()
                        .filter(|(_, lacks)| !lacks)
                        .map(|(t, _)| t)
                        .collect();
                    satisfied(requirement, &own).map(|hits| (hits, *line))
                })
                .max_by_key(|(hits, line)| (*hits, std::cmp::Reverse(*line)));
            // The clause where the letter says it lacks most of it.
            let lacking = sentences
                .iter()
                .map(|s| {
                    let lacked: Vec<&Term> = s
                        .terms
                        .iter()
                        .filter(|(_, lacks)| *lacks)
                        .map(|(t, _)| t)
                        .collect();
                    (specific_hits(requirement, &lacked).len(), s.line)
                })
                .filter(|(hits, _)| *hits > 0)
                .max_by_key(|(hits, line)| (*hits, std::cmp::Reverse(*line)));
            // "We run Postgres" does not answer "PostgreSQL replication" when
            // the letter also says "I haven't run PostgreSQL replication".
            let (judgement, letter_line) = match (covered, lacking) {
                (Some((said, _)), Some((lacked, line))) if lacked >= said => {
                    (Judgement::Gap, Some(line))
                }
                (Some((_, line)), _) => (Judgement::Covered, Some(line)),
                (None, Some((_, line))) => (Judgement::Gap, Some(line)),
                (None, None) => (Judgement::Missed, None),
            };
            Coverage {
                requirement: requirement.clone(),
                judgement,
                letter_line,
            }
        })
        .collect()
}

/// The requirement's specific terms that `present` answers, a technology
/// of a kindred kind included.
fn specific_hits<'r>(requirement: &'r Requirement, present: &[&Term]) -> Vec<&'r Term> {
    requirement
        .terms
        .iter()
        .filter(|t| !t.is_generic())
        .filter(|t| present.iter().any(|p| t.answers(p) || t.is_kindred(p)))
        .collect()
}

/// Whether the letter's terms `present` answer `requirement`, and with
/// how many specific terms: one of its technologies or synonym groups; or
/// enough of its specific words, generic ones helping at half weight but
/// never alone.
fn satisfied(requirement: &Requirement, present: &[&Term]) -> Option<usize> {
    let wanted = &requirement.terms;
    let hit = |t: &Term| present.iter().any(|p| t.answers(p));
    let specific: Vec<&Term> = wanted.iter().filter(|t| !t.is_generic()).collect();
    if specific.is_empty() {
        // A vague item ("experience with data systems"): all of it.
        return (!wanted.is_empty() && wanted.iter().all(hit)).then_some(1);
    }
    let hits = specific_hits(requirement, present);
    if hits.iter().any(|t| t.is_named() && hit(t)) {
        return Some(hits.len());
    }
    let generic_hits = wanted.iter().filter(|t| t.is_generic() && hit(t)).count();
    let need =
        if specific.len() <= 2 || requirement.alternatives || hits.iter().any(|t| t.is_rare()) {
            1.0
        } else {
            2.0
        };
    (!hits.is_empty() && hits.len() as f64 + generic_hits as f64 / 2.0 >= need)
        .then_some(hits.len())
}

/// The sentence with its quotations and the company's name blanked:
/// quoting the posting is not doing what it asks, and "Ellingmoor Water"
/// says nothing of the water industry.
fn own_words(text: &str, company: Option<&str>) -> String {
    let mut text = text.to_string();
    let mut blank: Vec<std::ops::Range<usize>> = quotations(&text);
    if let Some(company) = company.filter(|c| !c.is_empty()) {
        blank.extend(
            text.match_indices(company)
                .map(|(at, _)| at..at + company.len()),
        );
    }
    for range in blank {
        text.replace_range(range.clone(), &" ".repeat(range.len()));
    }
    text
}
