//! TeX source as tokens: commands, braces, runs of text, line ends. What
//! is never prose is passed over here, once, for every reader of the
//! source: comments (kept aside for suppression directives), math,
//! `\verb`, raw environments (code, drafts in `comment`) and `\iffalse`
//! blocks. Every step moves forward, so a scan is linear in the source.

use super::commands;
use crate::source::text_start;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token {
    /// `\name` or `\x`, backslash included; a lone `\` at the end has no name.
    Command(Range<usize>),
    Open(usize),
    Close(usize),
    /// Text on one line; blanks before a line end or a comment are left out.
    Text(Range<usize>),
    /// A line break; `par` when a blank line follows (a new paragraph).
    LineEnd {
        par: bool,
    },
    /// `~`, `&`, `#`, `^` or `_`, at its offset.
    Special(u8, usize),
}

/// A brace that has no partner, at its offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unbalanced {
    Unclosed(usize),
    Unopened(usize),
}

pub(super) struct Scanner<'s> {
    pub(super) src: &'s str,
    pub(super) pos: usize,
    pub(super) end: usize,
    /// Every comment passed, `%` included, to its line end.
    pub(super) comments: Vec<Range<usize>>,
    /// The first group read as an argument that is never closed.
    pub(super) unclosed: Option<usize>,
}

const TEXT_STOPS: &[u8] = b"\\{}%~$&#^_\n";

/// The longest environment name looked for after `\begin`: a scan never
/// looks far ahead from every command, which made a file of one long line
/// quadratic.
const MAX_NAME_BYTES: usize = 100;

pub(super) fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r')
}

impl<'s> Scanner<'s> {
    pub(super) fn new(src: &'s str, range: Range<usize>) -> Self {
        Scanner {
            src,
            // A UTF-8 byte-order mark is not text.
            pos: range.start.max(text_start(src)),
            end: range.end.min(src.len()),
            comments: Vec::new(),
            unclosed: None,
        }
    }

    pub(super) fn byte(&self, at: usize) -> Option<u8> {
        (at < self.end).then(|| self.src.as_bytes()[at])
    }

    /// The name of a command token: `textbf` for `\textbf`.
    pub(super) fn name(&self, command: &Range<usize>) -> &'s str {
        &self.src[(command.start + 1).min(command.end)..command.end]
    }

    pub(super) fn next(&mut self) -> Option<Token> {
        loop {
            let at = self.pos;
            let byte = self.byte(at)?;
            match byte {
                b'\\' => {
                    let command = self.command(at);
                    if !self.passes_over(&command) {
                        return Some(Token::Command(command));
                    }
                }
                b'{' => {
                    self.pos += 1;
                    return Some(Token::Open(at));
                }
                b'}' => {
                    self.pos += 1;
                    return Some(Token::Close(at));
                }
                b'%' => {
                    let end = self.line_end(at);
                    self.comments.push(at..end);
                    self.pos = end;
                }
                b'\n' => return Some(self.line_end_token()),
                b'$' => self.math(at),
                b'~' | b'&' | b'#' | b'^' | b'_' => {
                    self.pos += 1;
                    return Some(Token::Special(byte, at));
                }
                _ => return Some(self.text(at)),
            }
        }
    }

    /// The command at `at`, which the scan moves past.
    fn command(&mut self, at: usize) -> Range<usize> {
        let bytes = self.src.as_bytes();
        let mut end = at + 1;
        if self.byte(end).is_some_and(|b| b.is_ascii_alphabetic()) {
            while self.byte(end).is_some_and(|b| b.is_ascii_alphabetic()) {
                end += 1;
            }
        } else if end < self.end {
            let width = self.src[end..].chars().next().map_or(1, char::len_utf8);
            end = (end + width).min(self.end);
        }
        debug_assert!(bytes.len() >= end);
        self.pos = end;
        at..end
    }

    /// Passes over what a command starts that is never prose: `\verb|…|`,
    /// a raw environment, `\iffalse … \fi`, `\(…\)` and `\[…\]`.
    fn passes_over(&mut self, command: &Range<usize>) -> bool {
        match self.name(command) {
            "verb" | "lstinline" => {
                self.inline_code();
                true
            }
            "iffalse" => {
                self.false_branch();
                true
            }
            "(" => self.math_until(r"\)"),
            "[" => self.math_until(r"\]"),
            "begin" => {
                let before = self.pos;
                let raw = self
                    .peek_group()
                    .filter(|name| commands::is_raw_environment(&self.src[name.clone()]));
                match raw {
                    Some(name) => {
                        let close = format!("\\end{{{}}}", &self.src[name.clone()]);
                        self.pos = name.end + 1;
                        self.pos = self.find(&close).map_or(self.end, |i| i + close.len());
                        true
                    }
                    None => {
                        self.pos = before;
                        false
                    }
                }
            }
            _ => false,
        }
    }

    /// Where `needle` next starts, within the scanned range.
    fn find(&self, needle: &str) -> Option<usize> {
        self.src[self.pos..self.end]
            .find(needle)
            .map(|i| self.pos + i)
    }

    /// The end of the line holding `at` (before its line break).
    pub(super) fn line_end(&self, at: usize) -> usize {
        self.src[at..self.end]
            .find('\n')
            .map_or(self.end, |i| at + i)
    }

    /// `\verb|code|`, `\verb*|code|`, `\lstinline[opts]{code}`: to the
    /// closing delimiter on the same line.
    fn inline_code(&mut self) {
        if self.byte(self.pos) == Some(b'*') {
            self.pos += 1;
        }
        self.skip_options();
        let Some(delimiter) = self.src[self.pos..self.end].chars().next() else {
            return;
        };
        let close = if delimiter == '{' { '}' } else { delimiter };
        let from = self.pos + delimiter.len_utf8();
        self.pos = match self.src[from..self.end].find([close, '\n']) {
            Some(i) if self.src[from + i..].starts_with(close) => from + i + close.len_utf8(),
            Some(i) => from + i,
            None => self.end,
        };
    }

    /// `\iffalse … \fi`: to the `\fi` that closes it, past nested `\if…`.
    fn false_branch(&mut self) {
        let mut depth = 1usize;
        while let Some(at) = self.src[self.pos..self.end]
            .find(['\\', '%'])
            .map(|i| self.pos + i)
        {
            if self.src.as_bytes()[at] == b'%' {
                self.pos = self.line_end(at);
                continue;
            }
            let command = self.command(at);
            let name = self.name(&command);
            if name == "fi" {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            } else if name.starts_with("if") {
                depth += 1;
            }
        }
        self.pos = self.end;
    }

    /// Passes over math opened at `at`: `$…$` or `$$…$$`. Math left open
    /// ends at the paragraph's end, as far as TeX would read before failing.
    fn math(&mut self, at: usize) {
        let display = self.byte(at + 1) == Some(b'$');
        self.pos = at + if display { 2 } else { 1 };
        let close = if display { "$$" } else { "$" };
        let bytes = self.src.as_bytes();
        let mut i = self.pos;
        while i < self.end {
            match bytes[i] {
                b'\\' => i += 2,
                b'\n' if self.blank_line_after(i) => break,
                _ if bytes[i..self.end].starts_with(close.as_bytes()) => {
                    self.pos = i + close.len();
                    return;
                }
                _ => i += 1,
            }
        }
        self.pos = i.min(self.end);
    }

    /// `\(` or `\[` math, to its `closer` or the paragraph's end.
    fn math_until(&mut self, closer: &str) -> bool {
        let paragraph_end = self.paragraph_end();
        self.pos = self.src[self.pos..paragraph_end]
            .find(closer)
            .map_or(paragraph_end, |i| self.pos + i + closer.len());
        true
    }

    /// The next blank line, or the end.
    fn paragraph_end(&self) -> usize {
        let mut at = self.pos;
        while let Some(i) = self.src[at..self.end].find('\n') {
            if self.blank_line_after(at + i) {
                return at + i;
            }
            at += i + 1;
        }
        self.end
    }

    /// Whether the line after the line break at `at` is blank.
    pub(super) fn blank_line_after(&self, at: usize) -> bool {
        let mut i = at + 1;
        while self.byte(i).is_some_and(is_blank) {
            i += 1;
        }
        self.byte(i).is_none_or(|b| b == b'\n')
    }

    fn line_end_token(&mut self) -> Token {
        let mut par = false;
        self.pos += 1;
        loop {
            while self.byte(self.pos).is_some_and(is_blank) {
                self.pos += 1;
            }
            if self.byte(self.pos) != Some(b'\n') {
                return Token::LineEnd { par };
            }
            par = true;
            self.pos += 1;
        }
    }

    fn text(&mut self, at: usize) -> Token {
        let bytes = &self.src.as_bytes()[..self.end];
        let mut end = at;
        while end < bytes.len() && !TEXT_STOPS.contains(&bytes[end]) {
            end += 1;
        }
        self.pos = end;
        let ends_line = end == bytes.len() || matches!(bytes[end], b'\n' | b'%');
        let mut kept = end;
        if ends_line {
            while kept > at && is_blank(bytes[kept - 1]) {
                kept -= 1;
            }
        }
        Token::Text(at..kept)
    }

    /// The inner range of the `{…}` group that follows, without moving.
    /// Only for names (`\begin{letter}`): short, on one line.
    pub(super) fn peek_group(&self) -> Option<Range<usize>> {
        let open = self.after_blanks(0);
        if self.byte(open) != Some(b'{') {
            return None;
        }
        let bytes = &self.src.as_bytes()[open..self.end];
        let close = bytes
            .iter()
            .take(MAX_NAME_BYTES)
            .position(|&b| b == b'}' || b == b'\n')
            .filter(|&i| bytes[i] == b'}')?;
        Some(open + 1..open + close)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(src: &str) -> Vec<String> {
        let mut scanner = Scanner::new(src, 0..src.len());
        let mut out = Vec::new();
        while let Some(token) = scanner.next() {
            out.push(match token {
                Token::Command(r) | Token::Text(r) => src[r].to_string(),
                Token::Open(_) => "{".into(),
                Token::Close(_) => "}".into(),
                Token::LineEnd { par } => if par { "¶" } else { "⏎" }.into(),
                Token::Special(b, _) => char::from(b).to_string(),
            });
        }
        out
    }

    #[test]
    fn tokens_of_a_line() {
        assert_eq!(
            tokens("Dear Ms.~Okafor, % hi\nI \\textbf{built} it.\n\n\\\\"),
            [
                "Dear Ms.", "~", "Okafor,", "⏎", "I ", "\\textbf", "{", "built", "}", " it.", "¶",
                "\\\\"
            ]
        );
    }

    #[test]
    fn what_is_never_prose_is_passed_over() {
        let src = "a $x^{2}$ b \\verb|{| c \\begin{comment}\nold {draft\n\\end{comment} d \\iffalse no \\ifx a \\fi still no \\fi e \\[ y \\] f";
        assert_eq!(tokens(src), ["a ", " b ", " c ", " d ", " e ", " f"]);
    }

    #[test]
    fn a_lone_backslash_and_open_math_end_quietly() {
        assert_eq!(tokens("text \\"), ["text ", "\\"]);
        assert_eq!(tokens("cost $5 a day\n\nnext"), ["cost ", "¶", "next"]);
    }

    #[test]
    fn options_stop_at_a_blank_line() {
        let src = "[a{]}b] rest";
        assert_eq!(Scanner::new(src, 0..src.len()).option(), Some(0..7));
        let src = "[Your Name\n\nnext]";
        assert_eq!(Scanner::new(src, 0..src.len()).option(), None);
    }

    #[test]
    fn a_byte_order_mark_is_not_text() {
        assert_eq!(tokens("\u{feff}Dear team,"), ["Dear team,"]);
    }

    #[test]
    fn comments_are_kept_aside() {
        let src = "a % one\n%two\nb";
        let mut scanner = Scanner::new(src, 0..src.len());
        while scanner.next().is_some() {}
        let comments: Vec<&str> = scanner.comments.iter().map(|r| &src[r.clone()]).collect();
        assert_eq!(comments, ["% one", "%two"]);
    }
}
