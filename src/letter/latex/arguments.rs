//! Reading a command's arguments: `{…}` groups and `[…]` options after
//! it, past the blanks and the one line break TeX allows between them.

use super::scan::{is_blank, Scanner, Token};
use std::ops::Range;

/// The longest `[…]` read as an option: an option is never looked for far
/// ahead of every command.
const MAX_OPTION_BYTES: usize = 400;

impl<'s> Scanner<'s> {
    /// Blanks, and at most one line break, before an argument (comments
    /// and their line breaks are nothing): where the next byte stands.
    pub(super) fn after_blanks(&self, lines: usize) -> usize {
        let mut at = self.pos;
        let mut breaks = 0;
        loop {
            match self.byte(at) {
                Some(b) if is_blank(b) => at += 1,
                Some(b'\n') if breaks < lines => {
                    breaks += 1;
                    at += 1;
                }
                Some(b'%') => at = (self.line_end(at) + 1).min(self.end),
                _ => return at,
            }
        }
    }

    /// Whether a `{` follows, past blanks and one line break.
    pub(super) fn group_follows(&self) -> bool {
        self.byte(self.after_blanks(1)) == Some(b'{')
    }

    /// Moves past a `{` that follows (see [`Scanner::group_follows`]).
    pub(super) fn open_group(&mut self) -> Option<usize> {
        let at = self.after_blanks(1);
        (self.byte(at) == Some(b'{')).then(|| {
            self.pos = at + 1;
            at
        })
    }

    /// The inner range of the group that follows, moved past. A group
    /// never closed runs to the end, and is remembered.
    pub(super) fn group(&mut self) -> Option<Range<usize>> {
        let open = self.open_group()?;
        let close = self.close_group();
        if close.is_none() {
            self.unclosed.get_or_insert(open);
        }
        Some(open + 1..close.unwrap_or(self.pos))
    }

    /// Inside a group: moves past its `}`, and says where it stood.
    pub(super) fn close_group(&mut self) -> Option<usize> {
        let mut depth = 1usize;
        while let Some(token) = self.next() {
            match token {
                Token::Open(_) => depth += 1,
                Token::Close(at) => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(at);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// Every `[…]` that follows on the same line, skipped.
    pub(super) fn skip_options(&mut self) {
        while let Some(option) = self.option() {
            self.pos = option.end;
        }
    }

    /// The `[…]` that follows on the same line (brackets included), without
    /// moving. One that is not closed before the paragraph ends is text.
    pub(super) fn option(&self) -> Option<Range<usize>> {
        let open = self.after_blanks(0);
        if self.byte(open) != Some(b'[') {
            return None;
        }
        let bytes = self.src.as_bytes();
        let (mut braces, mut brackets) = (0usize, 0usize);
        let mut i = open + 1;
        while i < self.end.min(open + MAX_OPTION_BYTES) {
            match bytes[i] {
                b'\\' => i += 1,
                b'{' => braces += 1,
                b'}' => braces = braces.checked_sub(1)?,
                b'[' if braces == 0 => brackets += 1,
                b']' if braces == 0 && brackets == 0 => return Some(open..i + 1),
                b']' if braces == 0 => brackets -= 1,
                b'\n' if self.blank_line_after(i) => return None,
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// Moves past a `*` that follows (`\section*`).
    pub(super) fn skip_star(&mut self) {
        if self.byte(self.pos) == Some(b'*') {
            self.pos += 1;
        }
    }

    /// The name in the `{…}` that follows (`\begin{letter}`), moved past.
    pub(super) fn name_argument(&mut self) -> Option<&'s str> {
        let name = self.peek_group()?;
        self.pos = name.end + 1;
        Some(self.src[name].trim())
    }
}
