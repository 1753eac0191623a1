//! A block of a letter: a heading, paragraph, list item, table or footnote,
//! with its prose, sentences and words found once.

use crate::phrases::{PhraseMatch, PhraseSet};
use crate::segment;
use crate::text::{self, count_words, Prose, Word};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Paragraph,
    /// One item of a list; `list` tells items of the same list apart.
    ListItem {
        list: usize,
        task: bool,
    },
    Table,
    Footnote,
}

/// Where a block stands in the shape of a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Address lines and date before the salutation.
    Header,
    Salutation,
    Body,
    /// The sign-off ("Sincerely,") and the name under it.
    SignOff,
    /// A P.S. under the signature: still the letter's ending.
    Postscript,
    /// Anything else after the signature: a proposal section, footnotes.
    After,
}

/// A heading, paragraph, list item, table or footnote with its prose.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub part: Part,
    /// Byte range of the block in the source.
    pub range: Range<usize>,
    pub prose: Prose,
    /// Sentence ranges in `prose.text`, trimmed, each holding a letter or digit.
    pub sentences: Vec<Range<usize>>,
    /// Index into `Letter::sections`.
    pub section: usize,
    /// A one-line paragraph in bold or italics ("**Why Northstar**"): a
    /// sub-heading, not a paragraph of the letter.
    pub subheading: bool,
    /// `Label: a, b, c` lines, one sentence each: a list, one item a line.
    pub label_lines: bool,
    /// The part the source says the block is, whatever its words: a LaTeX
    /// letter's `\opening{…}` is its salutation.
    pub stated_part: Option<Part>,
    /// Found once, when the block is made: every phrase set scans every block.
    words: Vec<Word>,
    word_count: usize,
}

impl Block {
    /// A body block; its sentences and words are found here, once.
    pub(crate) fn new(kind: BlockKind, range: Range<usize>, prose: Prose) -> Block {
        let text = &prose.text;
        let lines = label_lines(&prose);
        Block {
            label_lines: lines.is_some(),
            sentences: lines.unwrap_or_else(|| segment::sentences(text)),
            words: text::words(text),
            word_count: count_words(text),
            kind,
            part: Part::Body,
            range,
            prose,
            section: 0,
            subheading: false,
            stated_part: None,
        }
    }

    pub fn text(&self) -> &str {
        &self.prose.text
    }

    pub fn sentence_text(&self, range: &Range<usize>) -> &str {
        &self.prose.text[range.clone()]
    }

    /// Words as the corpus counts them: whitespace-separated tokens holding
    /// at least one letter or digit.
    pub fn word_count(&self) -> usize {
        self.word_count
    }

    /// Where the block uses the phrases of `set`, in text order.
    pub fn find<'b>(&'b self, set: &'b PhraseSet) -> impl Iterator<Item = PhraseMatch> + 'b {
        set.in_words(self.text(), self.words())
    }

    /// Words as phrases are matched: runs of letters, digits and `_`.
    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// The words of one sentence, as `text::words` finds them in
    /// `sentence_text(range)`, taken from the block's.
    pub fn sentence_words(&self, range: &Range<usize>) -> Vec<Word> {
        let lo = self.words.partition_point(|w| w.end <= range.start);
        let hi = self.words.partition_point(|w| w.start < range.end);
        let inside = &self.words[lo..hi];
        // A sentence never starts or ends inside a word, but if one did,
        // its cut words would not be the block's.
        let cut = inside.first().is_some_and(|w| w.start < range.start)
            || inside.last().is_some_and(|w| w.end > range.end);
        if cut {
            return text::words(self.sentence_text(range));
        }
        inside.iter().map(|w| w.shifted_back(range.start)).collect()
    }
}

/// A block of `Label: a, b, c` lines ("Languages: Go, Rust" over "Cloud:
/// AWS, GCP") is a list, one item a line, not one long sentence.
fn label_lines(prose: &Prose) -> Option<Vec<Range<usize>>> {
    if prose.line_starts.is_empty() {
        return None;
    }
    let text = &prose.text;
    let bounds: Vec<usize> = std::iter::once(0)
        .chain(prose.line_starts.iter().copied())
        .chain(std::iter::once(text.len()))
        .collect();
    let lines: Vec<Range<usize>> = bounds.windows(2).map(|w| w[0]..w[1]).collect();
    let is_label_line = |line: &str| {
        let Some((label, items)) = line.split_once(':') else {
            return false;
        };
        let label_words = label.split_whitespace().count();
        (1..=4).contains(&label_words)
            && label.trim_start().starts_with(|c: char| c.is_uppercase())
            && !items.trim().is_empty()
    };
    lines
        .iter()
        .all(|line| is_label_line(&text[line.clone()]))
        .then(|| {
            lines
                .into_iter()
                .map(|line| {
                    let raw = &text[line.clone()];
                    let lead = raw.len() - raw.trim_start().len();
                    line.start + lead..line.start + lead + raw.trim().len()
                })
                .collect()
        })
}
