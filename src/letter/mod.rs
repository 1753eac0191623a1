//! The Letter model: the source turned into blocks of prose whose every
//! character maps back to a byte in the source (`markdown.rs`, `plain.rs`),
//! each block given its place in the letter (`anatomy.rs`). Rules read
//! this, never raw markdown. The Letter knows nothing of the run it is
//! linted in: facts about the run reach rules beside it.

mod anatomy;
mod block;
mod gate;
mod latex;
mod markdown;
mod plain;

pub use block::{Block, BlockKind, Part};
pub use gate::{role_titles, RoleTitle};
pub use latex::{
    document_body, escape as tex_escape, input_commands, InputCommand, LatexError, LatexOptions,
};

use crate::front_matter::{self, FrontMatter, FrontMatterError};
use crate::lexicon::{self, Mention};
use crate::metrics::{self, Metric};
use crate::phrases::PhraseSet;
use crate::source::{text_start, Source};
use crate::suppression::{self, Suppression};
use std::ops::Range;

/// Whether a `.tex` file found in a folder is a letter, not a résumé or a
/// paper: its class, its commands or its name say so, or else it reads as
/// one, a salutation at its top and a sign-off at its end, as a letter in
/// `article` does.
pub fn is_latex_letter(file_name: &str, source: &str) -> bool {
    if latex::is_letter(file_name, source) {
        return true;
    }
    // Its blocks and their parts only: no technologies or metrics.
    let Ok((mut blocks, _)) = latex::read(source, &LatexOptions::default()) else {
        return false;
    };
    anatomy::assign_parts(&mut blocks, source);
    let has = |part| blocks.iter().any(|b| b.part == part);
    has(Part::Salutation) && has(Part::SignOff)
}

/// What a letter states about its application: a Markdown or plain-text
/// letter's front matter, a LaTeX letter's class fields and `%
/// letterlint:` comment (read with its inputs set in).
pub fn front_matter(source: &Source) -> Result<FrontMatter, FrontMatterError> {
    if !source.is_latex() {
        return front_matter::parse(&source.text);
    }
    latex::front_matter(source.letter_text()).map_err(|e| match e {
        FrontMatterError::Toml { line, message } => FrontMatterError::Toml {
            line: source.letter_line(line),
            message,
        },
        other => other,
    })
}

/// A heading and the blocks under it; section 0 is everything before the
/// first heading.
#[derive(Debug, Clone)]
pub struct Section {
    pub heading: Option<String>,
    pub blocks: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Letter<'s> {
    pub source: &'s str,
    pub front_matter: FrontMatter,
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
    /// Inline and block HTML outside code: where `<Your Name>` slots and
    /// suppression comments live.
    pub html: Vec<Range<usize>>,
    pub technologies: Vec<Mention>,
    pub metrics: Vec<Metric>,
    pub suppressions: Vec<Suppression>,
}

impl<'s> Letter<'s> {
    pub fn parse(source: &'s str, plain_text: bool) -> Result<Self, FrontMatterError> {
        Ok(Self::with_front_matter(
            source,
            front_matter::parse(source)?,
            plain_text,
        ))
    }

    /// The letter under front matter already read (a run reads it once,
    /// for the companies of all its letters, before any is linted).
    pub fn with_front_matter(source: &'s str, front_matter: FrontMatter, plain_text: bool) -> Self {
        // A byte-order mark before the letter is no text of it.
        let body_start = front_matter.range.end.max(text_start(source));
        let (mut blocks, html) = if plain_text {
            (plain::parse_plain(source, body_start), Vec::new())
        } else {
            markdown::parse_markdown(source, body_start)
        };
        blocks.sort_by_key(|b| b.range.start);
        // Plain text has no HTML: a directive may stand anywhere in it.
        let whole = body_start..source.len();
        let suppressions = if plain_text {
            suppression::parse(source, std::slice::from_ref(&whole))
        } else {
            suppression::parse(source, &html)
        };
        Self::assemble(source, front_matter, blocks, html, suppressions)
    }

    /// A LaTeX letter under its front matter ([`front_matter`]). Its
    /// blocks stand in the order they are printed: a class may print a
    /// sign-off set in the preamble.
    pub fn from_latex(
        source: &'s str,
        front_matter: FrontMatter,
        options: &LatexOptions,
    ) -> Result<Self, LatexError> {
        let (blocks, comments) = latex::read(source, options)?;
        let suppressions = suppression::parse_tex(source, &comments);
        Ok(Self::assemble(
            source,
            front_matter,
            blocks,
            Vec::new(),
            suppressions,
        ))
    }

    /// The letter made of its blocks: each given its section and part, and
    /// its technologies and metrics found.
    fn assemble(
        source: &'s str,
        front_matter: FrontMatter,
        mut blocks: Vec<Block>,
        html: Vec<Range<usize>>,
        suppressions: Vec<Suppression>,
    ) -> Self {
        let sections = assign_sections(&mut blocks);
        anatomy::assign_parts(&mut blocks, source);
        let technologies = find_technologies(&blocks);
        let metrics = find_metrics(&blocks);
        Letter {
            source,
            front_matter,
            blocks,
            sections,
            suppressions,
            html,
            technologies,
            metrics,
        }
    }

    pub fn word_count(&self) -> usize {
        self.blocks.iter().map(Block::word_count).sum()
    }

    /// The technologies named in one block, in text order. Mentions are
    /// found block by block, so a binary search finds a block's share: a
    /// rule never rescans every mention for every block, which made a
    /// letter of 100,000 list items take a minute.
    pub fn technologies_in(&self, block: usize) -> &[Mention] {
        let start = self.technologies.partition_point(|m| m.block < block);
        let end = self.technologies.partition_point(|m| m.block <= block);
        &self.technologies[start..end]
    }

    /// Each sentence of the letter with the technologies named inside it, in
    /// order. Sentences and mentions both run in text order, so one pointer
    /// walks both: a long paragraph is not rescanned per sentence.
    pub fn technologies_by_sentence(&self) -> Vec<(&Block, Vec<&Mention>)> {
        let mut out = Vec::new();
        for (index, block) in self.blocks.iter().enumerate() {
            let in_block = self.technologies_in(index);
            let mut next = 0;
            for sentence in &block.sentences {
                while in_block
                    .get(next)
                    .is_some_and(|m| m.prose.start < sentence.start)
                {
                    next += 1;
                }
                let names = in_block[next..]
                    .iter()
                    .take_while(|m| m.prose.start < sentence.end)
                    .filter(|m| m.prose.end <= sentence.end)
                    .collect();
                out.push((block, names));
            }
        }
        out
    }

    /// Blocks of the letter proper: after the salutation, before the sign-off.
    pub fn body(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.part == Part::Body)
    }

    /// Body paragraphs (and list items), in order: what "the first paragraph"
    /// and "the second paragraph" mean to the rules.
    pub fn body_paragraphs(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.body()
            .filter(|(_, b)| b.kind != BlockKind::Heading && !b.subheading)
    }

    /// The last substantive paragraph before the sign-off (short trailing
    /// lines such as "Thank you!" or "Résumé attached." are not it);
    /// without a sign-off, the last such paragraph of the body.
    pub fn closing(&self) -> Option<&Block> {
        self.closing_region().last().copied()
    }

    /// Where a letter ends: its closing paragraph, and the paragraph before
    /// it when the closing is a short line of formulas ("I look forward to
    /// hearing from you.") that only finishes what that paragraph said.
    pub fn closing_region(&self) -> Vec<&Block> {
        let signed = self.blocks.iter().any(|b| b.part == Part::SignOff);
        let paragraphs: Vec<&Block> = self
            .blocks
            .iter()
            .take_while(|b| !signed || b.part != Part::SignOff)
            .filter(|b| b.part == Part::Body && b.kind == BlockKind::Paragraph && !b.subheading)
            .collect();
        let substantive: Vec<&Block> = paragraphs
            .iter()
            .rev()
            .skip_while(|b| b.word_count() <= TRAILING_LINE_WORDS)
            .take(2)
            .copied()
            .collect();
        match substantive.as_slice() {
            [last, before] if last.word_count() <= SHORT_CLOSING_WORDS => vec![*before, *last],
            [last, ..] => vec![*last],
            [] => Vec::new(),
        }
    }

    /// The P.S. lines under the signature: part of the letter's ending.
    pub fn postscripts(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.part == Part::Postscript)
    }

    /// Every sentence of the letter, with its block: the unit most rules judge.
    pub fn sentences(&self) -> impl Iterator<Item = (&Block, Range<usize>)> {
        self.blocks
            .iter()
            .flat_map(|b| b.sentences.iter().map(move |s| (b, s.clone())))
    }

    pub fn company(&self) -> Option<&str> {
        self.front_matter.company()
    }

    /// True when building software is the letter's subject (`gate.rs`):
    /// its role, or a real share of its sentences. The engineering rules
    /// stay silent otherwise (a nurse is not told to mention OpenTelemetry).
    pub fn is_engineering(&self) -> bool {
        gate::is_engineering(&self.front_matter, &self.blocks, &self.technologies)
    }

    /// Whether any block uses a phrase of `set`: the question of every rule
    /// that fires when a whole kind of evidence is missing.
    pub fn mentions(&self, set: &PhraseSet) -> bool {
        self.blocks.iter().any(|b| b.find(set).next().is_some())
    }
}

/// A paragraph this short after the closing is a trailing line ("Thank
/// you!", "Résumé attached."), not the closing.
const TRAILING_LINE_WORDS: usize = 4;

/// A closing this short leans on the paragraph before it.
const SHORT_CLOSING_WORDS: usize = 12;

/// Every technology the letter names, block by block, in text order.
fn find_technologies(blocks: &[Block]) -> Vec<Mention> {
    let technologies = lexicon::technologies();
    blocks
        .iter()
        .enumerate()
        .flat_map(|(index, block)| {
            technologies.find(index, block.text(), block.words(), |range| {
                block.prose.source_range(range)
            })
        })
        .collect()
}

/// Every metric of the letter, sentence by sentence, with its source span.
fn find_metrics(blocks: &[Block]) -> Vec<Metric> {
    let mut found = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        for sentence in &block.sentences {
            for (range, kind) in metrics::find_in_sentence(block.sentence_text(sentence)) {
                let prose = sentence.start + range.start..sentence.start + range.end;
                found.push(Metric {
                    block: index,
                    span: block.prose.source_range(prose),
                    kind,
                });
            }
        }
    }
    found
}

fn assign_sections(blocks: &mut [Block]) -> Vec<Section> {
    let mut sections = vec![Section {
        heading: None,
        blocks: 0..0,
    }];
    for (i, block) in blocks.iter_mut().enumerate() {
        if block.kind == BlockKind::Heading {
            sections.last_mut().expect("one section").blocks.end = i;
            sections.push(Section {
                heading: Some(block.prose.text.trim().to_string()),
                blocks: i..i,
            });
        }
        block.section = sections.len() - 1;
    }
    sections.last_mut().expect("one section").blocks.end = blocks.len();
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_sentences_words_are_the_ones_found_in_it(
            text in "([a-zA-Z0-9_é]{1,6}|[ .!?,;:\"()\n-]|\n\n){0,40}"
        ) {
            let letter = Letter::parse(&text, true).unwrap();
            for (block, range) in letter.sentences() {
                prop_assert_eq!(
                    block.sentence_words(&range),
                    text::words(block.sentence_text(&range))
                );
            }
        }
    }

    fn parse(text: &str) -> Letter<'_> {
        Letter::parse(text, false).unwrap()
    }

    #[test]
    fn code_html_urls_and_markers_are_not_prose() {
        let text = "Dear team,\n\nI used `terraform` and <b>bold</b> a [post](https://x.example/a) ok.[^1]\n\n```yaml\nkafka: {}\n```\n\n- [ ] a task\n\n[^1]: note";
        let letter = parse(text);
        let prose: Vec<&str> = letter.blocks.iter().map(|b| b.text()).collect();
        assert_eq!(
            prose,
            [
                "Dear team,",
                "I used  and bold a post ok.",
                "a task",
                "note"
            ]
        );
        assert!(matches!(
            letter.blocks[2].kind,
            BlockKind::ListItem { task: true, .. }
        ));
        assert_eq!(letter.html.len(), 2);
    }

    #[test]
    fn prose_maps_back_to_source() {
        let text =
            "Dear team,\n\nWe **scaled** the [queue](http://a.b) to\n9,400 events per minute.";
        let letter = parse(text);
        let block = &letter.blocks[1];
        let at = block.text().find("9,400").unwrap();
        let span = block.prose.source_range(at..at + 5);
        assert_eq!(&text[span], "9,400");
        let at = block.text().find("queue").unwrap();
        assert_eq!(&text[block.prose.source_range(at..at + 5)], "queue");
    }

    #[test]
    fn salutation_sign_off_and_closing() {
        let text = "Dear Ms. Feld,\n\nFirst paragraph here.\n\nThank you for your time. I look forward to hearing from you.\n\nBest regards,\nJonah\n\n## Day-one proposal\n\nLater text.";
        let letter = parse(text);
        let parts: Vec<Part> = letter.blocks.iter().map(|b| b.part).collect();
        assert_eq!(
            parts,
            [
                Part::Salutation,
                Part::Body,
                Part::Body,
                Part::SignOff,
                Part::After,
                Part::After
            ]
        );
        assert!(letter
            .closing()
            .unwrap()
            .text()
            .starts_with("Thank you for your time."));
        assert_eq!(letter.sections.len(), 2);
        assert_eq!(
            letter.sections[1].heading.as_deref(),
            Some("Day-one proposal")
        );
    }

    #[test]
    fn signatures_without_a_formula() {
        let parts =
            |text: &str| -> Vec<Part> { parse(text).blocks.iter().map(|b| b.part).collect() };
        use Part::{Body, Postscript, Salutation, SignOff};
        assert_eq!(
            parts("Dear team,\n\nI built the ledger.\n\n-- Ana Ruiz\n"),
            [Salutation, Body, SignOff]
        );
        assert_eq!(
            parts(
                "Dear team,\n\nI built the ledger.\n\nAna Ruiz\nana@example.com\n(555) 010-2233\n"
            ),
            [Salutation, Body, SignOff]
        );
        assert_eq!(
            parts("Dear team,\n\nI built the ledger.\n\nAna Ruiz\n\nP.S. The runbook is yours to read.\n"),
            [Salutation, Body, SignOff, Postscript]
        );
        assert_eq!(
            parts("Dear team,\n\nI built the ledger.\n\nBest,\nAna\n\nana@example.com\n\nPS: ask me anything.\n"),
            [Salutation, Body, SignOff, SignOff, Postscript]
        );
        // A last short sentence is not a name.
        assert_eq!(
            parts("Dear team,\n\nI built the ledger.\n\nThanks for reading.\n"),
            [Salutation, Body, Body]
        );
    }

    #[test]
    fn bold_one_liners_are_subheadings_and_label_lines_are_items() {
        let letter = parse("Dear team,\n\n**Why Northstar**\n\nI built the ledger.\n\nLanguages: Go, Rust, Python\nCloud: AWS, GCP\n");
        assert!(letter.blocks[1].subheading);
        assert!(!letter.blocks[2].subheading);
        assert_eq!(letter.body_paragraphs().count(), 2);
        let skills = &letter.blocks[3];
        let lines: Vec<&str> = skills
            .sentences
            .iter()
            .map(|s| skills.sentence_text(s))
            .collect();
        assert_eq!(lines, ["Languages: Go, Rust, Python", "Cloud: AWS, GCP"]);
    }

    #[test]
    fn name_on_its_own_paragraph_is_part_of_the_sign_off() {
        let letter = parse("Dear team,\n\nBody text.\n\nSincerely,\n\nTomasz W.\n");
        assert_eq!(letter.blocks[3].part, Part::SignOff);
    }

    #[test]
    fn plain_text_without_blank_lines_takes_each_line_as_a_paragraph() {
        let letter = Letter::parse("Dear team,\nI built a thing.\nBest,\nAna", true).unwrap();
        assert_eq!(letter.blocks.len(), 4);
        let letter = Letter::parse("Dear team,\n\nI built\na thing.\n\nBest,\nAna", true).unwrap();
        assert_eq!(letter.blocks.len(), 3);
        assert_eq!(letter.blocks[1].text(), "I built a thing.");
    }

    #[test]
    fn words_follow_the_corpus_convention() {
        let letter =
            parse("+++\ncompany = \"A\"\n+++\n# Title here\n\nOne - two & three `code` four.\n");
        assert_eq!(letter.word_count(), 6);
    }
}
