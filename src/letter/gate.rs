//! The engineering gate: whether building software is a letter's subject.
//! The engineering rules judge only such letters. Naming one tool (a
//! teacher's Excel, an accountant's SQL) or saying "engineering" once does
//! not make a letter one; the role it applies for, or a real share of its
//! sentences about software, does. Words and the threshold are in
//! `rules/lexicon/roles.toml`, which says the order of the questions.

use super::block::{Block, BlockKind, Part};
use crate::front_matter::FrontMatter;
use crate::lexicon::Mention;
use crate::phrases::PhraseSet;
use crate::text::{self, Word};
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleFile {
    software: Vec<String>,
    role_nouns: Vec<String>,
    not_software: Vec<String>,
    role_words: Vec<String>,
    applied_role_words: Vec<String>,
    determiners: Vec<String>,
    title_after: Vec<String>,
    title_ends: Vec<String>,
    max_title_words: usize,
    work: Vec<String>,
    not_work: Vec<String>,
    min_share: f64,
}

struct Gate {
    software: PhraseSet,
    role_nouns: PhraseSet,
    not_software: PhraseSet,
    role_words: Vec<String>,
    applied_role_words: Vec<String>,
    determiners: Vec<String>,
    title_after: PhraseSet,
    title_ends: Vec<String>,
    max_title_words: usize,
    work: PhraseSet,
    min_share: f64,
}

static GATE: LazyLock<Gate> = LazyLock::new(|| {
    let file: RoleFile = embedded!("rules/lexicon/roles");
    Gate {
        software: PhraseSet::of_words(file.software, &[]),
        role_nouns: PhraseSet::of_words(file.role_nouns, &[]),
        not_software: PhraseSet::of_words(file.not_software, &[]),
        role_words: file.role_words,
        applied_role_words: file.applied_role_words,
        determiners: file.determiners,
        title_after: PhraseSet::of_words(file.title_after, &[]),
        title_ends: file.title_ends,
        max_title_words: file.max_title_words,
        work: PhraseSet::of_words(file.work, &file.not_work),
        min_share: file.min_share,
    }
});

/// A role named in a text: the title's words ("Senior Backend Engineer"),
/// and the whole phrase with its role word ("Senior Backend Engineer role").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleTitle {
    pub title: Range<usize>,
    pub phrase: Range<usize>,
}

/// Whether the letter is a software-engineering application.
pub(super) fn is_engineering(
    front_matter: &FrontMatter,
    blocks: &[Block],
    technologies: &[Mention],
) -> bool {
    if front_matter.profile().is_some() {
        return true;
    }
    if let Some(verdict) = front_matter.role().and_then(applied_verdict) {
        return verdict;
    }
    if let Some(verdict) = opening_verdict(blocks) {
        return verdict;
    }
    software_share(blocks, technologies) >= GATE.min_share
}

/// A software role decides yes, another trade's ("Civil Engineer") no,
/// any other title nothing.
fn role_verdict(title: &str) -> Option<bool> {
    if GATE.not_software.is_match(title) {
        Some(false)
    } else if GATE.software.is_match(title) && GATE.role_nouns.is_match(title) {
        Some(true)
    } else {
        None
    }
}

/// The role a letter applies for says more than a past one: a title with
/// no software word and no engineering noun ("the Senior Accountant role",
/// "Marketing Manager") is another trade's.
fn applied_verdict(title: &str) -> Option<bool> {
    role_verdict(title).or_else(|| {
        let other_trade = !GATE.software.is_match(title) && !GATE.role_nouns.is_match(title);
        other_trade.then_some(false)
    })
}

/// The roles named before the body and in its first paragraph: a
/// software role anywhere there decides yes ("after ten years as a civil
/// engineer, I'm applying for the Backend Developer role").
fn opening_verdict(blocks: &[Block]) -> Option<bool> {
    let first_paragraph = blocks
        .iter()
        .position(|b| b.part == Part::Body && b.kind != BlockKind::Heading)?;
    let mut verdict = None;
    for block in &blocks[..=first_paragraph] {
        for role in role_titles(block.text()) {
            // "the X role" is the one applied for; "as a X" may be a past
            // one, and "the Django app opening a connection" none at all.
            let role_word = block.text()[role.title.end..role.phrase.end].trim();
            let applied = GATE
                .applied_role_words
                .iter()
                .any(|w| w.eq_ignore_ascii_case(role_word));
            let title = &block.text()[role.title.clone()];
            let said = if applied {
                applied_verdict(title)
            } else {
                role_verdict(title)
            };
            match said {
                Some(true) => return Some(true),
                Some(false) => verdict = Some(false),
                None => {}
            }
        }
    }
    verdict
}

/// The share of the body's sentences that name a technology or software work.
fn software_share(blocks: &[Block], technologies: &[Mention]) -> f64 {
    let (mut sentences, mut about) = (0, 0);
    let body = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.part == Part::Body && b.kind != BlockKind::Heading);
    for (index, block) in body {
        let from = technologies.partition_point(|m| m.block < index);
        let to = technologies.partition_point(|m| m.block <= index);
        let mut named: Vec<Range<usize>> = technologies[from..to]
            .iter()
            .map(|m| m.prose.clone())
            .chain(block.find(&GATE.work).map(|m| m.range))
            .collect();
        named.sort_by_key(|r| r.start);
        for sentence in &block.sentences {
            sentences += 1;
            let i = named.partition_point(|r| r.start < sentence.start);
            if named.get(i).is_some_and(|r| r.end <= sentence.end) {
                about += 1;
            }
        }
    }
    if sentences == 0 {
        return 0.0;
    }
    f64::from(about) / f64::from(sentences)
}

/// Every role title `text` names: "the Senior Backend Engineer role", "a
/// pastry cook position", "the position of Data Analyst", "as a Site
/// Reliability Engineer". A title never crosses a sentence or a bracket,
/// so "(Insert role)" names nothing.
pub fn role_titles(text: &str) -> Vec<RoleTitle> {
    let words = text::words(text);
    let word = |w: &Word| &text[w.start..w.end];
    let is = |w: &Word, list: &[String]| list.iter().any(|l| l.eq_ignore_ascii_case(word(w)));
    let breaks = |gap: &str, marks: &[char]| gap.contains(marks);
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !is(w, &GATE.role_words) {
            continue;
        }
        // Back to the determiner: "the | Senior Backend Engineer | role".
        let mut start = i;
        while start > 0 && i - start <= GATE.max_title_words {
            let before = &words[start - 1];
            if breaks(
                &text[before.end..words[start].start],
                &['.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}'],
            ) {
                break;
            }
            if is(before, &GATE.determiners) {
                if start < i {
                    found.push(RoleTitle {
                        title: words[start].start..words[i - 1].end,
                        phrase: words[start].start..w.end,
                    });
                }
                break;
            }
            start -= 1;
        }
    }
    for m in GATE.title_after.matches(text) {
        // On to punctuation or a word that ends a title: "of | Data Analyst | at".
        let first = words.partition_point(|w| w.start < m.range.end);
        let mut end = first;
        while end < words.len() && end - first < GATE.max_title_words {
            let punctuated = end > first
                && breaks(
                    &text[words[end - 1].end..words[end].start],
                    &['.', ',', ';', ':', '!', '?', '(', ')'],
                );
            if punctuated || is(&words[end], &GATE.title_ends) {
                break;
            }
            end += 1;
        }
        if end > first {
            let title = words[first].start..words[end - 1].end;
            found.push(RoleTitle {
                phrase: title.clone(),
                title,
            });
        }
    }
    found.sort_by_key(|r| r.phrase.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::Letter;

    fn titles(text: &str) -> Vec<&str> {
        role_titles(text)
            .into_iter()
            .map(|r| &text[r.title])
            .collect()
    }

    fn engineering(text: &str) -> bool {
        Letter::parse(text, false).unwrap().is_engineering()
    }

    #[test]
    fn titles_in_the_opening() {
        assert_eq!(
            titles("I'm applying for the Senior Backend Engineer role on your team."),
            ["Senior Backend Engineer"]
        );
        assert_eq!(
            titles("I am applying for the position of Data Analyst at Acme."),
            ["Data Analyst"]
        );
        assert_eq!(
            titles("I'd like to join Acme as a Site Reliability Engineer."),
            ["Site Reliability Engineer"]
        );
        assert_eq!(
            titles("the Senior Accountant, Close and Consolidation role"),
            ["Senior Accountant, Close and Consolidation"]
        );
        assert!(titles("I am applying for the (Insert role) position.").is_empty());
        assert!(titles("I love this job. Role models matter.").is_empty());
    }

    #[test]
    fn the_role_decides() {
        assert!(engineering(
            "Dear team,\n\nI'm applying for the Backend Engineer role.\n\nI like the work.\n\nBest,\nAna"
        ));
        assert!(engineering(
            "Dear team,\n\nI am applying for the position of Data Analyst.\n\nI like numbers.\n\nBest,\nAna"
        ));
        assert!(!engineering(
            "Dear team,\n\nI am applying for the Hardware Engineering Intern position. I use C and Python.\n\nBest,\nAna"
        ));
        assert!(engineering(
            "+++\nrole = \"Senior Data Scientist\"\n+++\nDear team,\n\nI like numbers.\n"
        ));
        assert!(!engineering(
            "+++\nrole = \"Civil Engineer\"\n+++\nDear team,\n\nI drew roads in AutoCAD and wrote Python scripts.\n"
        ));
        // Another trade's role applied for, however many tools the letter names.
        assert!(!engineering(
            "Dear team,\n\nI am applying for the Senior Accountant role. I wrote SQL against SAP.\n\nI built Power BI reports in Excel.\n\nBest,\nAna"
        ));
        // A past trade does not decide; the story does.
        assert!(engineering(
            "Dear team,\n\nAfter ten years as a teacher, I write Python services on Kubernetes.\n\nBest,\nAna"
        ));
    }

    #[test]
    fn one_tool_or_one_engineering_word_does_not_make_an_engineering_letter() {
        for text in [
            "Dear Ms. Abe,\n\nI teach algebra. I keep a mastery tracker in Excel and export it weekly. This year I co-taught our engineering elective. Students built a footbridge. Parents read the tracker too.\n\nBest,\nDana",
            "Dear Mr. Ode,\n\nI am applying for the Senior Accountant role. I close the books for eleven entities. I wrote SQL that matched intercompany postings. We now close in five days. I explain variances to operations.\n\nBest,\nSofia",
        ] {
            assert!(!engineering(text), "{text}");
        }
    }

    #[test]
    fn a_letter_about_software_is_one_without_a_role() {
        assert!(engineering(
            "Dear team,\n\nI built the Go service that ingests webhooks. It now handles 9,400 events per minute.\n\nBest,\nTomasz"
        ));
    }

    #[test]
    fn a_front_matter_profile_decides() {
        assert!(engineering(
            "+++\nprofile = \"backend\"\n+++\nDear team,\n\nI bake bread.\n"
        ));
    }
}
