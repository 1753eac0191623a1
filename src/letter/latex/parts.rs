//! Where the parts of a letter go: environments (lists, tables, the
//! letter itself), headings, and the salutation and sign-off that a class
//! prints where `\makelettertitle` and `\makeletterclosing` stand.

use super::commands::{self, Environment, LatexOptions};
use super::frames::Frame;
use super::outline::Outline;
use super::reader::{Macros, Reader};
use super::scan::Scanner;
use crate::letter::block::{Block, BlockKind, Part};
use std::ops::Range;

/// The blocks of a letter, in the order they are printed.
pub(super) fn read_letter(
    src: &str,
    outline: &Outline,
    macros: &Macros,
    options: &LatexOptions,
) -> Vec<Block> {
    let mut reader = Reader::new(src, 0..outline.body.end, macros, options);
    reader.title_at = outline.title_at;
    reader.closing_at = outline.closing_at;
    reader.out.muted = outline.has_preamble;
    reader.run();
    reader.out.flush();
    // Set, and never printed where the class would print them.
    if let Some(opening) = reader.opening.take() {
        reader.part(opening, BlockKind::Paragraph, false, false);
    }
    if let Some(sign_off) = reader.sign_off.take() {
        reader.part(sign_off, BlockKind::Paragraph, false, true);
    }
    reader.out.finish()
}

impl<'s, 'o> Reader<'s, 'o> {
    pub(super) fn begin(&mut self) {
        let Some(name) = self.scanner.name_argument() else {
            return;
        };
        if name == "document" {
            self.out.muted = false;
            if self.title_at.is_none() {
                if let Some(opening) = self.opening.take() {
                    self.salutation(opening);
                }
            }
            return;
        }
        self.out.flush();
        let environment = commands::environment(name);
        let list = environment == Environment::List;
        // Laid out before any prose of the letter's own: its letterhead.
        // Header marks are only ever given to the leading blocks.
        let blocks = &self.out.blocks;
        let letterhead_from = (commands::is_letterhead(name)
            && blocks
                .last()
                .is_none_or(|b| b.stated_part == Some(Part::Header)))
        .then_some(blocks.len());
        self.stack.push(Frame::Environment {
            name,
            list,
            letterhead_from,
        });
        match environment {
            Environment::List => {
                self.lists += 1;
                self.list_stack.push(self.lists);
            }
            Environment::Table(spec) => {
                self.arguments(spec);
                self.out.start(BlockKind::Table, false);
            }
            Environment::Other("") => self.arguments("U"),
            Environment::Other(spec) => self.arguments(spec),
            Environment::Raw => {}
        }
    }

    pub(super) fn end(&mut self) {
        let Some(name) = self.scanner.name_argument() else {
            return;
        };
        self.out.flush();
        for frame in self.stack.end_environment(name) {
            self.end_frame(frame);
        }
    }

    /// `\section{…}`: its argument, a block of its own.
    pub(super) fn block_argument(&mut self, kind: BlockKind, run_in: bool) {
        if self.nested {
            return self.arguments("R");
        }
        if let Some(inner) = self.scanner.group() {
            self.part(inner, kind, run_in, false);
        }
    }

    /// `\opening{…}` or `\closing{…}`: read where it stands, or where the
    /// class prints it when that comes later (moderncv and Awesome-CV set
    /// both before `\makelettertitle`, often in the preamble).
    pub(super) fn letter_part(&mut self, at: usize, closing: bool) {
        if self.nested {
            return self.arguments("R");
        }
        let Some(inner) = self.scanner.group() else {
            return;
        };
        let printed_at = if closing {
            self.closing_at
        } else {
            self.title_at
        };
        if self.out.muted || printed_at.is_some_and(|p| p > at) {
            *(if closing {
                &mut self.sign_off
            } else {
                &mut self.opening
            }) = Some(inner);
        } else if closing {
            self.part(inner, BlockKind::Paragraph, false, true);
        } else {
            self.salutation(inner);
        }
    }

    /// The salutation as a block of its own, one whatever its words
    /// ("Cloudreach recruitment team", `\salutation:`).
    pub(super) fn salutation(&mut self, inner: Range<usize>) {
        self.out.flush();
        let before = self.out.blocks.len();
        self.part(inner, BlockKind::Paragraph, false, false);
        if let Some(block) = self.out.blocks.get_mut(before) {
            block.stated_part = Some(Part::Salutation);
        }
    }

    /// `\item`, and the label of a description list's `\item[Latency]`,
    /// read as the item's first words when it holds any.
    pub(super) fn item(&mut self) {
        let label = self.scanner.option();
        let list = self.list_stack.last().copied().unwrap_or(0);
        self.out
            .start(BlockKind::ListItem { list, task: false }, false);
        let Some(label) = label else {
            return;
        };
        self.scanner.pos = label.end;
        if self.nested {
            return;
        }
        let mark = self.out.mark();
        self.read_in(label.start + 1..label.end - 1, self.closing);
        if mark.words == self.out.words {
            self.out.undo(mark);
        }
    }

    /// Reads `inner` as a block of its own, then goes on where it was.
    pub(super) fn part(
        &mut self,
        inner: Range<usize>,
        kind: BlockKind,
        run_in: bool,
        closing: bool,
    ) {
        self.out.start(kind, run_in);
        self.read_in(inner, closing);
        self.out.flush();
    }

    /// Reads `inner` on its own, into the open block, then goes on where
    /// it was. What is inside reads nothing else on its own: no recursion.
    fn read_in(&mut self, inner: Range<usize>, closing: bool) {
        let scanner = std::mem::replace(&mut self.scanner, Scanner::new(self.src, inner));
        let stack = std::mem::take(&mut self.stack);
        let outer = (self.nested, self.closing, self.out.muted, self.emphasis);
        (self.nested, self.closing, self.out.muted, self.emphasis) = (true, closing, false, 0);
        self.run();
        (self.nested, self.closing, self.out.muted, self.emphasis) = outer;
        self.stack = stack;
        self.scanner = scanner;
    }
}
