//! Blocks assembled from the pieces of prose a LaTeX reader finds: each a
//! range of the source, read as it stands or as the text it makes (`~` a
//! space, `\'e` an é).

use crate::letter::block::{Block, BlockKind};
use crate::letter::markdown::SUBHEADING_MAX_WORDS;
use crate::text::Prose;
use std::ops::Range;

/// A piece of prose: `text` stands for `source[range]`, or is it.
struct Atom {
    range: Range<usize>,
    text: Option<String>,
}

struct Open {
    kind: BlockKind,
    atoms: Vec<Atom>,
    /// Some text outside emphasis: not a sub-heading.
    plain: bool,
    /// `\paragraph{…}`: a sub-heading when short, a paragraph when not.
    run_in: bool,
}

/// Where the prose stood, to take back what a group added when it turns
/// out to hold no word (`\mysetting{2cm}`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Mark {
    serial: usize,
    atoms: usize,
    pub(super) words: usize,
}

pub(super) struct Builder<'s> {
    src: &'s str,
    pub(super) blocks: Vec<Block>,
    open: Option<Open>,
    /// Changes whenever a block ends or starts: a group's prose is taken
    /// back only inside the block it began in.
    serial: usize,
    /// Pieces pushed so far that hold a word.
    pub(super) words: usize,
    /// In the preamble nothing is prose.
    pub(super) muted: bool,
}

/// A run of letters not following a digit or a point: "2em" and "0.5"
/// hold no word, "blue" and "Acme" do.
fn holds_word(text: &str) -> bool {
    let mut previous = ' ';
    for c in text.chars() {
        let starts_word = c.is_alphabetic()
            && !previous.is_alphabetic()
            && !previous.is_ascii_digit()
            && previous != '.';
        if starts_word {
            return true;
        }
        previous = c;
    }
    false
}

impl<'s> Builder<'s> {
    pub(super) fn new(src: &'s str) -> Self {
        Builder {
            src,
            blocks: Vec::new(),
            open: None,
            serial: 0,
            words: 0,
            muted: false,
        }
    }

    /// Adds `source[range]`, read as it stands (`text` is `None`) or as
    /// `text`, to the open block, opening a paragraph if none is.
    pub(super) fn push(&mut self, range: Range<usize>, text: Option<&str>, plain: bool) {
        if self.muted || range.is_empty() {
            return;
        }
        let shown = text.unwrap_or(&self.src[range.clone()]);
        if holds_word(shown) {
            self.words += 1;
        }
        let open = self.open.get_or_insert_with(|| Open {
            kind: BlockKind::Paragraph,
            atoms: Vec::new(),
            plain: false,
            run_in: false,
        });
        open.plain |= plain && !shown.trim().is_empty();
        open.atoms.push(Atom {
            range,
            text: text.map(str::to_string),
        });
    }

    /// Ends the open block and opens one of `kind`.
    pub(super) fn start(&mut self, kind: BlockKind, run_in: bool) {
        self.flush();
        self.open = Some(Open {
            kind,
            atoms: Vec::new(),
            plain: false,
            run_in,
        });
    }

    pub(super) fn mark(&self) -> Mark {
        Mark {
            serial: self.serial,
            atoms: self.open.as_ref().map_or(0, |o| o.atoms.len()),
            words: self.words,
        }
    }

    /// Takes back what was pushed since `mark`, if still in its block.
    pub(super) fn undo(&mut self, mark: Mark) {
        if mark.serial != self.serial {
            return;
        }
        if let Some(open) = &mut self.open {
            open.atoms.truncate(mark.atoms);
        }
    }

    /// Ends the open block; one with no text is dropped.
    pub(super) fn flush(&mut self) {
        self.serial += 1;
        let Some(open) = self.open.take() else {
            return;
        };
        let atoms = self.trimmed(open.atoms);
        let (Some(first), Some(last)) = (atoms.first(), atoms.last()) else {
            return;
        };
        let range = first.range.start..last.range.end;
        let mut prose = Prose::default();
        for atom in &atoms {
            match &atom.text {
                Some(text) => prose.push_as(self.src, atom.range.clone(), text),
                None => prose.push(self.src, atom.range.clone()),
            }
        }
        if prose.text.trim().is_empty() {
            return;
        }
        let mut block = Block::new(open.kind, range, prose);
        let short =
            block.prose.line_starts.is_empty() && block.word_count() <= SUBHEADING_MAX_WORDS;
        block.subheading = block.kind == BlockKind::Paragraph
            && short
            && (!open.plain
                || (open.run_in && !block.text().trim_end().ends_with(['.', '!', '?'])));
        self.blocks.push(block);
    }

    /// The atoms without the blanks at either end.
    fn trimmed(&self, mut atoms: Vec<Atom>) -> Vec<Atom> {
        let blank = |a: &Atom| match &a.text {
            Some(text) => text.trim().is_empty(),
            None => self.src[a.range.clone()].trim().is_empty(),
        };
        let first = atoms.iter().position(|a| !blank(a)).unwrap_or(atoms.len());
        atoms.drain(..first);
        while atoms.last().is_some_and(blank) {
            atoms.pop();
        }
        if let Some(first) = atoms.first_mut().filter(|a| a.text.is_none()) {
            let text = &self.src[first.range.clone()];
            first.range.start += text.len() - text.trim_start().len();
        }
        if let Some(last) = atoms.last_mut().filter(|a| a.text.is_none()) {
            let text = &self.src[last.range.clone()];
            last.range.end -= text.len() - text.trim_end().len();
        }
        atoms
    }

    pub(super) fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_letters_not_units() {
        assert!(holds_word("Acme Robotics"));
        assert!(holds_word("blue"));
        assert!(holds_word("x"));
        assert!(!holds_word("2em"));
        assert!(!holds_word("0.5"));
        assert!(!holds_word(" 12pt, 3cm "));
        assert!(holds_word("12pt and words"));
    }

    #[test]
    fn replaced_atoms_map_back_whole() {
        let src = "Caf\\'e au lait";
        let mut builder = Builder::new(src);
        builder.push(0..3, None, true);
        builder.push(3..6, Some("é"), true);
        builder.push(6..src.len(), None, true);
        let blocks = builder.finish();
        let prose = &blocks[0].prose;
        assert_eq!(prose.text, "Café au lait");
        let at = prose.text.find('é').unwrap();
        assert_eq!(&src[prose.source_range(at..at + 2)], "\\'e");
        assert_eq!(&src[prose.source_range(0..5)], "Caf\\'e");
        assert_eq!(&src[prose.source_range(6..8)], "au");
    }

    #[test]
    fn undo_takes_back_a_groups_pieces_inside_its_block() {
        let src = "keep 2cm";
        let mut builder = Builder::new(src);
        builder.push(0..5, None, true);
        let mark = builder.mark();
        builder.push(5..8, None, true);
        assert_eq!(builder.words, mark.words);
        builder.undo(mark);
        assert_eq!(builder.finish()[0].text(), "keep");
    }
}
