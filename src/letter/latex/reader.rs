//! A LaTeX letter's tokens turned into blocks of prose: paragraphs split
//! on blank lines and `\par`, list items, headings, the salutation and the
//! sign-off, with TeX's text forms read as what they make.

use super::builder::Builder;
use super::commands::{self, Command, LatexOptions};
use super::frames::{Frame, Stack};
use super::outline::{self, Outline};
use super::scan::{Scanner, Token};
use crate::letter::block::{Block, BlockKind, Part};
use std::collections::HashMap;
use std::ops::Range;

/// User macros by name: the text each makes, `None` for one that takes
/// arguments (read as an unknown command is).
pub(super) type Macros<'s> = HashMap<&'s str, Option<String>>;

/// The most characters a macro expands to: `\def\b{\a\a}` nested thirty
/// deep must not fill the memory.
const MAX_MACRO_CHARS: usize = 300;

pub(super) struct Reader<'s, 'o> {
    pub(super) src: &'s str,
    pub(super) options: &'o LatexOptions,
    pub(super) macros: &'o Macros<'s>,
    /// Where the class prints the salutation and the sign-off.
    pub(super) title_at: Option<usize>,
    pub(super) closing_at: Option<usize>,
    pub(super) scanner: Scanner<'s>,
    pub(super) stack: Stack<'s, 'o>,
    pub(super) out: Builder<'s>,
    pub(super) lists: usize,
    pub(super) list_stack: Vec<usize>,
    /// Emphasis groups open: text inside them is not plain.
    pub(super) emphasis: usize,
    /// Reading a `\closing{…}`: a line break ends a paragraph.
    pub(super) closing: bool,
    /// Reading an argument as a block of its own (a heading, the
    /// salutation): one inside it is read in place.
    pub(super) nested: bool,
    /// The salutation and sign-off, kept for where the class prints them.
    pub(super) opening: Option<Range<usize>>,
    pub(super) sign_off: Option<Range<usize>>,
}

/// The blocks `range` makes when read on its own: a field, a macro's body.
pub(super) fn read_range(
    src: &str,
    range: Range<usize>,
    macros: &Macros,
    options: &LatexOptions,
) -> Vec<Block> {
    let mut reader = Reader::new(src, range, macros, options);
    reader.nested = true;
    reader.run();
    reader.out.finish()
}

/// The text of each macro a letter defines, in the order defined: a
/// macro's text uses those defined before it.
pub(super) fn macros<'s>(src: &'s str, outline: &Outline<'s>) -> Macros<'s> {
    let options = LatexOptions::default();
    let mut macros = Macros::new();
    for definition in &outline.definitions {
        let text = (!definition.takes_arguments).then(|| {
            let blocks = read_range(src, definition.body.clone(), &macros, &options);
            let text: Vec<&str> = blocks.iter().map(|b| b.text()).collect();
            text.join(" ").chars().take(MAX_MACRO_CHARS).collect()
        });
        macros.insert(definition.name, text);
    }
    macros
}

/// `\\[1em]`: the option of a line break is a length, else it is text
/// (`\\ [Your Name]`).
fn is_length(text: &str) -> bool {
    let text = text.trim();
    text.starts_with('\\') || text.starts_with(|c: char| c.is_ascii_digit() || c == '.')
}

impl<'s, 'o> Reader<'s, 'o> {
    pub(super) fn new(
        src: &'s str,
        range: Range<usize>,
        macros: &'o Macros<'s>,
        options: &'o LatexOptions,
    ) -> Self {
        Reader {
            src,
            options,
            macros,
            title_at: None,
            closing_at: None,
            scanner: Scanner::new(src, range),
            stack: Stack::default(),
            out: Builder::new(src),
            lists: 0,
            list_stack: Vec::new(),
            emphasis: 0,
            closing: false,
            nested: false,
            opening: None,
            sign_off: None,
        }
    }

    pub(super) fn run(&mut self) {
        while let Some(token) = self.scanner.next() {
            match token {
                Token::Text(range) => self.text(range),
                Token::LineEnd { par: true } => self.out.flush(),
                Token::LineEnd { par: false } => {}
                Token::Open(_) => self.stack.push(Frame::Group {
                    rest: "",
                    undo: None,
                    emphasis: false,
                }),
                Token::Close(_) => self.close_group(),
                Token::Special(b'~', at) => self.push(at..at + 1, Some(" ")),
                // `&`, `#`, `^`, `_` outside math make no text.
                Token::Special(..) => {}
                Token::Command(range) => self.command(range),
            }
        }
    }

    pub(super) fn push(&mut self, range: Range<usize>, text: Option<&str>) {
        if text != Some("") {
            self.out.push(range, text, self.emphasis == 0);
        }
    }

    /// A run of text, its ligatures read as what they make.
    fn text(&mut self, range: Range<usize>) {
        let bytes = self.src.as_bytes();
        let mut from = range.start;
        let mut at = range.start;
        while at < range.end {
            let typed = &bytes[at..range.end];
            let Some((form, made)) = commands::ligatures()
                .iter()
                .find(|(form, _)| typed.starts_with(form.as_bytes()))
            else {
                at += 1;
                continue;
            };
            self.push(from..at, None);
            self.push(at..at + form.len(), Some(made));
            at += form.len();
            from = at;
        }
        self.push(from..range.end, None);
    }

    fn command(&mut self, range: Range<usize>) {
        let name = self.scanner.name(&range);
        match name {
            "" => {}
            "begin" => self.begin(),
            "end" => self.end(),
            "\\" => self.line_break(range),
            "item" => self.item(),
            "makelettertitle" => {
                self.out.flush();
                if let Some(opening) = self.opening.take() {
                    self.salutation(opening);
                }
            }
            "makeletterclosing" => {
                self.out.flush();
                if let Some(sign_off) = self.sign_off.take() {
                    self.part(sign_off, BlockKind::Paragraph, false, true);
                }
            }
            _ if outline::is_definition(name) => {
                outline::definition(&mut self.scanner, name);
            }
            _ => match self.macros.get(name) {
                Some(Some(text)) => {
                    let text: &'o str = text;
                    self.push(range, Some(text));
                }
                Some(None) => self.arguments("U"),
                None => self.known(range, name),
            },
        }
    }

    fn known(&mut self, range: Range<usize>, name: &str) {
        let command = self.options.command(name);
        let word = name.starts_with(|c: char| c.is_ascii_alphabetic());
        if word && !matches!(command, Command::Accent(_)) {
            self.scanner.skip_star();
            self.scanner.skip_options();
        }
        if word && matches!(command, Command::Skip | Command::Unknown) {
            let rest = &self.src[self.scanner.pos..self.scanner.end];
            if let Some(length) = commands::length_at(rest) {
                self.scanner.pos += length;
                return;
            }
        }
        match command {
            Command::Arguments(spec) => self.arguments(spec),
            Command::Skip => self.skip_arguments(),
            Command::Read => self.arguments("R"),
            Command::Emphasis => self.arguments("E"),
            Command::Heading => self.block_argument(BlockKind::Heading, false),
            Command::Subheading => self.block_argument(BlockKind::Paragraph, true),
            Command::Opening => self.letter_part(range.start, false),
            Command::Closing => self.letter_part(range.start, true),
            Command::ParagraphBreak => self.out.flush(),
            Command::LineBreak => self.line_break(range),
            Command::Slot => {
                self.skip_arguments();
                self.push(range.start..self.scanner.pos, Some("TODO"));
            }
            Command::Symbol(text) => {
                let typed = &self.src[range.start + 1..range.end];
                if typed == text {
                    self.push(range.start + 1..range.end, None);
                } else {
                    self.push(range, Some(text));
                }
            }
            Command::Accent(letters) => self.accent(range, letters, word),
            Command::Unknown => self.arguments("U"),
        }
    }

    /// Reads the braced arguments that follow as `spec` says, one letter
    /// each: `s` skipped, `r` read. `R` reads every one, `E` every one as
    /// emphasis, `U` every one, taken back when it holds no word.
    pub(super) fn arguments(&mut self, spec: &'o str) {
        let mut rest = spec;
        while let Some(kind) = rest.chars().next() {
            self.scanner.skip_options();
            if !self.scanner.group_follows() {
                return;
            }
            if kind == 's' {
                self.scanner.group();
                rest = &rest[1..];
                continue;
            }
            self.scanner.open_group();
            let emphasis = kind == 'E';
            self.emphasis += usize::from(emphasis);
            let undo = (kind == 'U').then(|| self.out.mark());
            let rest = if kind == 'r' { &rest[1..] } else { rest };
            self.stack.push(Frame::Group {
                rest,
                undo,
                emphasis,
            });
            return;
        }
    }

    /// Skips every option and braced argument that follows.
    fn skip_arguments(&mut self) {
        self.scanner.skip_options();
        while self.scanner.group().is_some() {
            self.scanner.skip_options();
        }
    }

    fn close_group(&mut self) {
        for frame in self.stack.close_group() {
            self.end_frame(frame);
        }
    }

    pub(super) fn end_frame(&mut self, frame: Frame<'s, 'o>) {
        match frame {
            Frame::Environment {
                list,
                letterhead_from,
                ..
            } => {
                if list {
                    self.list_stack.pop();
                }
                self.out.flush();
                // Lines of a name, an address, contacts; a whole letter set
                // flush left has paragraphs longer than any of them.
                if let Some(from) = letterhead_from {
                    let laid_out = &mut self.out.blocks[from..];
                    let short = |b: &Block| b.word_count() <= commands::letterhead_max_words();
                    if laid_out.iter().all(short) {
                        for block in laid_out {
                            block.stated_part = Some(Part::Header);
                        }
                    }
                }
            }
            Frame::Group {
                rest,
                undo,
                emphasis,
            } => {
                self.emphasis -= usize::from(emphasis);
                if let Some(mark) = undo.filter(|m| m.words == self.out.words) {
                    self.out.undo(mark);
                } else if !rest.is_empty() && self.scanner.group_follows() {
                    // `\contact{Ana}{Lima}`: two arguments are two words.
                    let close = self.scanner.pos.saturating_sub(1);
                    let open = self.scanner.after_blanks(1);
                    let bytes = self.src.as_bytes();
                    let spaced = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_whitespace);
                    if !spaced(close.saturating_sub(1)) && !spaced(open + 1) {
                        self.push(close..self.scanner.pos, Some(" "));
                    }
                }
                self.arguments(rest);
            }
        }
    }

    /// `\\`, `\newline`: a line break, or in a `\closing{…}` the end of a
    /// paragraph ("Thank you for reading.\\ Sincerely,").
    fn line_break(&mut self, range: Range<usize>) {
        self.scanner.skip_star();
        if let Some(option) = self.scanner.option() {
            if is_length(&self.src[option.start + 1..option.end - 1]) {
                self.scanner.pos = option.end;
            }
        }
        if self.closing {
            self.out.flush();
            return;
        }
        // Words on either side of a break are two words.
        let next = self.src.as_bytes().get(self.scanner.pos);
        if next.is_some_and(|b| !b.is_ascii_whitespace() && *b != b'%') {
            self.push(range, Some(" "));
        }
    }

    /// `\'e`, `\'{e}`, `\c{c}`, `\c c`, `\'\i`: the accented letter.
    fn accent(&mut self, range: Range<usize>, letters: &str, word: bool) {
        if word {
            while self.src[self.scanner.pos..].starts_with([' ', '\t']) {
                self.scanner.pos += 1;
            }
        }
        let base = if self.scanner.group_follows() {
            let Some(inner) = self.scanner.group() else {
                return;
            };
            let text = self.src[inner].trim();
            text.strip_prefix('\\').unwrap_or(text).chars().next()
        } else if self.src[self.scanner.pos..].starts_with('\\') {
            match self.scanner.next() {
                Some(Token::Command(base)) => self.scanner.name(&base).chars().next(),
                _ => None,
            }
        } else {
            let base = self.src[self.scanner.pos..]
                .chars()
                .next()
                .filter(|c| c.is_alphabetic());
            self.scanner.pos += base.map_or(0, char::len_utf8);
            base
        };
        let Some(base) = base else {
            return;
        };
        let made = commands::accented(letters, base).unwrap_or(base);
        self.push(
            range.start..self.scanner.pos,
            Some(made.encode_utf8(&mut [0; 4])),
        );
    }
}
