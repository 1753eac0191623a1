//! The one tokenizer. A word is a run of letters, digits and `_`; every
//! rule, metric, phrase list and posting match reads words from here, so
//! "a word" means one thing across letterlint. `Prose` is the text the
//! words are found in, with the way back to the source.

use std::ops::Range;

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The end of the run of word characters starting at `start`, and its
/// FNV-1a hash, ASCII lower-cased: equal for words that are equal ignoring
/// ASCII case. A collision only costs a comparison that fails. One pass,
/// byte by byte for ASCII, since every phrase set scans every letter.
pub(crate) fn word_at(text: &str, start: usize) -> (usize, u64) {
    let add = |hash: u64, byte: u8| {
        (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    };
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut at = start;
    let bytes = text.as_bytes();
    while at < bytes.len() {
        let byte = bytes[at];
        if byte.is_ascii_alphanumeric() || byte == b'_' {
            hash = add(hash, byte);
            at += 1;
            continue;
        }
        let Some(c) = text[at..]
            .chars()
            .next()
            .filter(|&c| !c.is_ascii() && is_word_char(c))
        else {
            break;
        };
        hash = text[at..at + c.len_utf8()].bytes().fold(hash, add);
        at += c.len_utf8();
    }
    (at, hash)
}

/// A word of a text: a run of letters, digits and `_`, with the hash its
/// phrases are kept by in every `PhraseSet`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub(crate) hash: u64,
}

impl Word {
    /// The same word in a slice of its text that starts `by` bytes later.
    pub fn shifted_back(self, by: usize) -> Word {
        Word {
            start: self.start - by,
            end: self.end - by,
            hash: self.hash,
        }
    }
}

/// The words of `text`. A letter's blocks keep theirs (`Block::words`):
/// every phrase set scans every block, and finding the words once is most
/// of the cost of a scan.
pub fn words(text: &str) -> Vec<Word> {
    // About one word in six bytes of prose.
    let mut words = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let starts_word = if byte.is_ascii() {
            byte.is_ascii_alphanumeric() || byte == b'_'
        } else {
            text[at..].chars().next().is_some_and(is_word_char)
        };
        if !starts_word {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let (end, hash) = word_at(text, at);
        words.push(Word {
            start: at,
            end,
            hash,
        });
        at = end;
    }
    words
}

/// `text` cut at each character between two words that `cuts`: words
/// with the marks that cling to them, where a rule reads those marks
/// ("C++", "Pay's,"). A word is never cut; a piece may be empty.
pub fn cut_between_words(text: &str, cuts: impl Fn(char) -> bool) -> Vec<std::ops::Range<usize>> {
    let words = words(text);
    let gaps = std::iter::once(0)
        .chain(words.iter().map(|w| w.end))
        .zip(words.iter().map(|w| w.start).chain([text.len()]));
    let mut pieces = Vec::new();
    let mut start = 0;
    for (from, to) in gaps {
        for (i, c) in text[from..to].char_indices().filter(|&(_, c)| cuts(c)) {
            pieces.push(start..from + i);
            start = from + i + c.len_utf8();
        }
    }
    pieces.push(start..text.len());
    pieces
}

/// Words as the corpus counts them (its README): whitespace-separated tokens
/// holding at least one letter or digit. "C++" and "2024" are words, "—" is not.
pub fn count_words(text: &str) -> usize {
    if text.is_ascii() {
        // The same count, byte by byte: every block and sentence is counted.
        return text
            .as_bytes()
            .split(|&b| char::from(b).is_whitespace())
            .filter(|t| t.iter().any(u8::is_ascii_alphanumeric))
            .count();
    }
    text.split_whitespace()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .count()
}

/// Prose text assembled from source pieces. Markup, code, HTML and URLs are
/// left out; each piece is copied verbatim so offsets map back exactly,
/// except a piece that stands for what its source makes (LaTeX's `\'e` is
/// "é"): it maps back as a whole.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    pub text: String,
    /// Where in `text` a new source line begins (after the first).
    pub line_starts: Vec<usize>,
    pub(crate) pieces: Vec<Piece>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece {
    pub(crate) prose_start: usize,
    pub(crate) source_start: usize,
    pub(crate) len: usize,
    /// The source bytes the piece stands for: `len` for a verbatim piece.
    pub(crate) source_len: usize,
}

impl Prose {
    /// Appends `source[range]`, joined to the previous piece by nothing when
    /// the two touch, a space when only markup or a line break lies between,
    /// and a line break when a blank line does (a new paragraph in a list item).
    pub(crate) fn push(&mut self, source: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        if let Some(last) = self.pieces.last_mut() {
            let last_end = last.source_start + last.source_len;
            if range.start == last_end && last.len == last.source_len {
                last.len += range.len();
                last.source_len += range.len();
                self.text.push_str(&source[range]);
                return;
            }
        }
        self.push_as(source, range.clone(), &source[range]);
    }

    /// Appends `text` standing for `source[range]`, joined to the previous
    /// piece as [`Prose::push`] joins: a span inside `text` maps back to the
    /// whole range.
    pub(crate) fn push_as(&mut self, source: &str, range: Range<usize>, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.pieces.last() {
            let last_end = last.source_start + last.source_len;
            if range.start < last_end {
                return;
            }
            let gap = &source[last_end..range.start];
            if gap_has_blank_line(gap) {
                self.text.push('\n');
            } else if gap.chars().any(char::is_whitespace) {
                self.text.push(' ');
            }
            if gap.contains('\n') {
                self.line_starts.push(self.text.len());
            }
        }
        self.pieces.push(Piece {
            prose_start: self.text.len(),
            source_start: range.start,
            len: text.len(),
            source_len: range.len(),
        });
        self.text.push_str(text);
    }

    /// Maps a range of `text` to the source. An end that falls between two
    /// pieces snaps back to the end of the first; a start snaps forward.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.map(range.start, true);
        let end = self.map(range.end, false).max(start);
        start..end
    }

    pub fn source_offset(&self, offset: usize) -> usize {
        self.map(offset, true)
    }

    fn map(&self, offset: usize, forward: bool) -> usize {
        // An end on a boundary belongs to the piece before it, a start to the one after.
        let i = self
            .pieces
            .partition_point(|p| p.prose_start < offset || (forward && p.prose_start == offset));
        if i == 0 {
            return self.pieces.first().map_or(0, |p| p.source_start);
        }
        let piece = self.pieces[i - 1];
        let into = offset - piece.prose_start;
        let end = piece.source_start + piece.source_len;
        if into <= piece.len && !(forward && into == piece.len && i < self.pieces.len()) {
            match (piece.len == piece.source_len, into) {
                (true, _) => piece.source_start + into,
                (false, 0) => piece.source_start,
                // Inside a piece that stands for its source as a whole.
                (false, _) if forward && into < piece.len => piece.source_start,
                (false, _) => end,
            }
        } else if forward {
            self.pieces.get(i).map_or(end, |p| p.source_start)
        } else {
            end
        }
    }
}

fn gap_has_blank_line(gap: &str) -> bool {
    let lines: Vec<&str> = gap.split('\n').collect();
    lines.len() > 2
        && lines[1..lines.len() - 1]
            .iter()
            .any(|line| line.chars().all(|c| c.is_whitespace() || c == '>'))
}
