//! Byte offsets, which every span of letterlint is, and the line and
//! character positions an editor speaks in: characters counted in UTF-8
//! bytes when the client offers that, else in UTF-16 code units, the
//! protocol's default.

use lsp_types::{Position, PositionEncodingKind, Range as LspRange};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client lists it (a byte offset is then a column with
    /// no counting), else UTF-16, which every client must accept.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// A text with the offset each line starts at. Lines end at `\n`; a `\r`
/// before it belongs to no column.
pub struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str, encoding: Encoding) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines {
            text,
            starts,
            encoding,
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = self.boundary(offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let before = &self.text[self.starts[line]..offset];
        let character = before.chars().map(|c| self.encoding.width(c)).sum();
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, span: &Range<usize>) -> LspRange {
        LspRange::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position; one past a line's end is its end,
    /// and one inside a character is that character's start.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self.line_end(start);
        let mut counted = 0;
        for (i, c) in self.text[start..end].char_indices() {
            counted += self.encoding.width(c);
            if counted > position.character as usize {
                return start + i;
            }
        }
        end
    }

    pub fn span(&self, range: LspRange) -> Range<usize> {
        let start = self.offset(range.start);
        start..self.offset(range.end).max(start)
    }

    /// The byte offset of a 1-based line and column counted in characters,
    /// as letterlint's own messages give them.
    pub fn char_offset(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let end = self.line_end(start);
        let mut characters = self.text[start..end].char_indices();
        characters
            .nth(column.saturating_sub(1))
            .map_or(end, |(i, _)| start + i)
    }

    /// The start of the line holding `offset`.
    pub fn line_start(&self, offset: usize) -> usize {
        self.starts[self.starts.partition_point(|&s| s <= offset) - 1]
    }

    /// The end of the line starting at `start`, before its line break.
    pub fn line_end(&self, start: usize) -> usize {
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        match self.text[..end].ends_with('\r') {
            true => end - 1,
            false => end,
        }
    }

    /// The start of the line before the one starting at `start`.
    pub fn previous_line(&self, start: usize) -> Option<usize> {
        let line = self.starts.partition_point(|&s| s < start);
        line.checked_sub(1).map(|l| self.starts[l])
    }

    /// The nearest character boundary at or before `offset`.
    fn boundary(&self, mut offset: usize) -> usize {
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// A count as the protocol's `uinteger`; no letter comes near its limit.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "é" written as e and a combining acute accent, then a face that
    /// takes two UTF-16 units and four bytes.
    const TEXT: &str = "Cafe\u{301} 😀 team\nsecond\r\nthird";

    #[test]
    fn columns_count_in_the_negotiated_encoding() {
        let team = TEXT.find("team").unwrap();
        let utf16 = Lines::new(TEXT, Encoding::Utf16);
        let utf8 = Lines::new(TEXT, Encoding::Utf8);
        // C a f e ◌́ space 😀 space: 5 + 1 + 2 + 1 UTF-16 units.
        assert_eq!(utf16.position(team), Position::new(0, 9));
        assert_eq!(utf8.position(team), Position::new(0, team as u32));
        assert_eq!(utf16.offset(Position::new(0, 9)), team);
        assert_eq!(utf8.offset(Position::new(0, team as u32)), team);
    }

    #[test]
    fn a_position_inside_a_character_or_past_a_line_is_clamped() {
        let lines = Lines::new(TEXT, Encoding::Utf16);
        let face = TEXT.find('😀').unwrap();
        // Between the two halves of the surrogate pair.
        assert_eq!(lines.offset(Position::new(0, 7)), face);
        let second = TEXT.find("second").unwrap();
        assert_eq!(lines.offset(Position::new(1, 99)), second + "second".len());
        assert_eq!(lines.offset(Position::new(9, 0)), TEXT.len());
        assert_eq!(lines.position(TEXT.len()), Position::new(2, 5));
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        let utf32 = [PositionEncodingKind::UTF32];
        assert_eq!(Encoding::negotiate(Some(&utf32)), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
