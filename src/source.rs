//! The text of one letter and the line index reporters use to turn byte
//! offsets into lines and columns.

use std::io;
use std::ops::Range;

/// A letter as read: its display path (as given on the command line, `-` for
/// stdin) and its full text. Spans everywhere are byte ranges into `text`,
/// except a finding that names the file it is in (a file a LaTeX letter
/// inputs): its span is a byte range into that file.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: String,
    pub text: String,
    /// A LaTeX letter's text with the files it inputs set in; `None` when
    /// it inputs none.
    pub spliced: Option<Spliced>,
}

/// A LaTeX letter's text with each file it `\input`s set in after the
/// command, as TeX reads it, and the way back from each byte to the file
/// it came from.
#[derive(Debug, Clone, Default)]
pub struct Spliced {
    pub text: String,
    /// The files set in, each with its path as shown.
    pub files: Vec<Source>,
    /// Runs of `text` in order, each copied from one file.
    runs: Vec<Run>,
}

#[derive(Debug, Clone)]
struct Run {
    /// Where it starts in the spliced text.
    at: usize,
    /// The file it is copied from: `None` the letter, else `files[i]`.
    file: Option<usize>,
    /// Where it starts in that file.
    from: usize,
    len: usize,
    /// Where the letter's own text inputs it: the `\input` that brought
    /// in its file, or the file that did.
    anchor: usize,
}

impl Spliced {
    /// Appends `text[range]` of the letter (`file` is `None`) or of
    /// `files[file]`, input by the letter at `anchor`.
    pub fn push(&mut self, file: Option<usize>, text: &str, range: Range<usize>, anchor: usize) {
        if range.is_empty() {
            return;
        }
        self.runs.push(Run {
            at: self.text.len(),
            file,
            from: range.start,
            len: range.len(),
            anchor,
        });
        self.text.push_str(&text[range]);
    }

    /// The run that holds `offset`, or that ends at it.
    fn run(&self, offset: usize) -> Option<&Run> {
        let i = self.runs.partition_point(|r| r.at <= offset);
        self.runs.get(i.checked_sub(1)?)
    }
}

impl Source {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            path: path.into(),
            text: text.into(),
            spliced: None,
        }
    }

    /// The text the letter reads as: with its inputs set in, if any.
    pub fn letter_text(&self) -> &str {
        self.spliced.as_ref().map_or(&self.text, |s| &s.text)
    }

    /// The file a span of [`Source::letter_text`] is in (`None` for the
    /// letter itself) and the span in that file. A span that runs on into
    /// another file is cut where its first file's run ends.
    pub fn locate(&self, span: Range<usize>) -> (Option<&Source>, Range<usize>) {
        let Some(spliced) = &self.spliced else {
            return (None, span);
        };
        let Some(run) = spliced.run(span.start) else {
            return (None, span);
        };
        let start = run.from + (span.start - run.at);
        let end = run.from + (span.end - run.at).min(run.len);
        (run.file.map(|i| &spliced.files[i]), start..end.max(start))
    }

    /// Where an offset of [`Source::letter_text`] stands in the letter's
    /// own text: text from an input stands where the letter inputs it.
    pub fn in_letter(&self, offset: usize) -> usize {
        let run = self.spliced.as_ref().and_then(|s| s.run(offset));
        match run {
            Some(run) if run.file.is_none() => run.from + (offset - run.at).min(run.len),
            Some(run) => run.anchor,
            None => offset,
        }
    }

    /// The letter's own line that a 1-based line of
    /// [`Source::letter_text`] stands on (see [`Source::in_letter`]).
    pub fn letter_line(&self, line: usize) -> usize {
        self.letter_lines()(line)
    }

    /// [`Source::letter_line`] for many lines: both texts are indexed once.
    pub fn letter_lines(&self) -> impl Fn(usize) -> usize + '_ {
        let spliced = LineIndex::new(self.letter_text());
        let own = LineIndex::new(&self.text);
        move |line| own.line_col(self.in_letter(spliced.line_start(line))).line
    }

    /// The file an offset of [`Source::letter_text`] is in (`None` for the
    /// letter itself), and its 1-based line there.
    pub fn line_of(&self, offset: usize) -> (Option<String>, usize) {
        let (file, span) = self.locate(offset..offset);
        let text = file.map_or(&self.text, |f| &f.text);
        let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
        (file.map(|f| f.path.clone()), line)
    }

    /// The source a finding's `path` names: the letter, or a file it
    /// inputs.
    pub fn file(&self, path: Option<&str>) -> &Source {
        let inputs = self.spliced.iter().flat_map(|s| &s.files);
        let mut named = inputs.filter(|f| Some(f.path.as_str()) == path);
        named.next().unwrap_or(self)
    }

    /// `.txt` letters are plain paragraphs; everything but `.tex` is markdown.
    pub fn is_plain_text(&self) -> bool {
        self.path.to_ascii_lowercase().ends_with(".txt")
    }

    /// `.tex` letters are LaTeX.
    pub fn is_latex(&self) -> bool {
        is_latex(&self.path)
    }
}

/// Whether the file `path` names is read as LaTeX.
pub fn is_latex(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".tex")
}

/// The bytes a text starts with that are no text: a UTF-8 byte-order mark,
/// which some Windows editors write and none shows. It stays in the text, so
/// that every span is still a byte range into the file, and the letter, its
/// lines and its columns begin after it.
pub fn text_start(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// Start offsets of every line, built once per file so that each lookup is a
/// binary search instead of a rescan of the text.
pub struct LineIndex<'a> {
    text: &'a str,
    /// The first line starts after a byte-order mark, so its columns are
    /// those an editor shows.
    line_starts: Vec<usize>,
    /// How many characters lie before each multiple of `CHUNK` bytes. A
    /// column on a long line is then counted from the nearest checkpoint,
    /// not from the line's start: with a finding every few words on a line
    /// of a megabyte, counting from the start made reporting quadratic.
    chars_at_chunk: Vec<usize>,
}

const CHUNK: usize = 1024;

/// Characters in a run of UTF-8 bytes: every byte that is not a
/// continuation byte (`0b10xx_xxxx`) starts one. Works on any byte range,
/// boundary or not.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// A 1-based line and a 1-based column counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![text_start(text)];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut chars_at_chunk = vec![0];
        for chunk in text.as_bytes().chunks(CHUNK) {
            chars_at_chunk.push(chars_at_chunk[chars_at_chunk.len() - 1] + char_starts(chunk));
        }
        LineIndex {
            text,
            line_starts,
            chars_at_chunk,
        }
    }

    /// Characters in `text[..offset]`.
    fn chars_before(&self, offset: usize) -> usize {
        let chunk = offset / CHUNK;
        self.chars_at_chunk[chunk] + char_starts(&self.text.as_bytes()[chunk * CHUNK..offset])
    }

    /// 0-based index of the line holding `offset`; the byte-order mark is
    /// on the first.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// Where the 1-based `line` starts; the text's end past its last line.
    pub fn line_start(&self, line: usize) -> usize {
        let starts = self.line_starts.get(line.saturating_sub(1));
        starts.copied().unwrap_or(self.text.len())
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.clamp(self.line_starts[0], self.text.len());
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let chars = if offset - start <= CHUNK {
            self.text[start..offset].chars().count()
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        LineCol {
            line: line + 1,
            column: chars + 1,
        }
    }

    /// The byte range of the whole lines that `span` touches, without the
    /// final line break: what a reporter shows as the snippet. It holds the
    /// whole span, even one that starts on a byte-order mark.
    pub fn lines_around(&self, span: &Range<usize>) -> Range<usize> {
        let first = self.line_of(span.start.min(self.text.len()));
        let last = self.line_of(span.end.max(span.start).min(self.text.len()));
        let start = self.line_starts[first].min(span.start);
        let end = self
            .line_starts
            .get(last + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let end = if self.text[..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }
}

/// The OS error without Rust's "(os error 2)" suffix, and without what a
/// folder walker wraps around it ("IO error for operation on PATH: …"):
/// the message names the path already.
pub fn io_cause(e: &io::Error) -> String {
    let wrapped = e.get_ref().and_then(|inner| inner.source());
    if let Some(os) = wrapped.and_then(|e| e.downcast_ref::<io::Error>()) {
        return io_cause(os);
    }
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spliced_text_maps_back_to_its_files() {
        let letter = "one\n\\input{b}\nthree\n";
        let input = "two\ntwo more\n";
        let after = letter.find("}").unwrap() + 1;
        let mut spliced = Spliced::default();
        spliced.files.push(Source::new("b.tex", input));
        spliced.push(None, letter, 0..after, 0);
        spliced.push(Some(0), input, 0..input.len(), 4);
        spliced.push(None, letter, after..letter.len(), 0);
        let mut source = Source::new("a.tex", letter);
        source.spliced = Some(spliced);
        let text = source.letter_text();
        assert_eq!(text, "one\n\\input{b}two\ntwo more\n\nthree\n");
        let at = |word: &str| text.find(word).unwrap();
        let (file, span) = source.locate(at("more")..at("more") + 4);
        assert_eq!(
            (file.unwrap().path.as_str(), &input[span]),
            ("b.tex", "more")
        );
        let (file, span) = source.locate(at("three")..at("three") + 5);
        assert!(file.is_none());
        assert_eq!(&letter[span], "three");
        // Text from the input stands where the letter inputs it.
        assert_eq!(source.in_letter(at("more")), 4);
        assert_eq!(source.letter_line(3), 2);
        assert_eq!(source.letter_line(5), 3);
        assert_eq!(source.line_of(at("more")), (Some("b.tex".into()), 2));
        assert_eq!(source.file(Some("b.tex")).text, input);
        assert_eq!(source.file(None).path, "a.tex");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let index = LineIndex::new("héllo\nwörld\n");
        assert_eq!(index.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(3), LineCol { line: 1, column: 3 });
        let w = "héllo\n".len();
        assert_eq!(index.line_col(w + 3), LineCol { line: 2, column: 3 });
    }

    #[test]
    fn columns_on_a_long_line_count_characters() {
        // Longer than a checkpoint chunk, with multi-byte characters on
        // both sides of chunk boundaries.
        let line = "é".repeat(700) + &"a".repeat(1000) + &"€".repeat(500);
        let text = format!("x\n{line}");
        let index = LineIndex::new(&text);
        for (chars, (byte, _)) in line.char_indices().enumerate().step_by(97) {
            let at = index.line_col(2 + byte);
            assert_eq!(
                at,
                LineCol {
                    line: 2,
                    column: chars + 1
                },
                "byte {byte}"
            );
        }
        let end = index.line_col(text.len());
        assert_eq!(end.column, line.chars().count() + 1);
    }

    #[test]
    fn a_byte_order_mark_is_no_column() {
        let text = "\u{feff}Dear team,\nHi";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(3), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(8), LineCol { line: 1, column: 6 });
        assert_eq!(index.line_col(14), LineCol { line: 2, column: 1 });
        assert_eq!(&text[index.lines_around(&(8..12))], "Dear team,");
        assert_eq!(&text[index.lines_around(&(0..7))], "\u{feff}Dear team,");
    }

    #[test]
    fn lines_around_covers_whole_lines() {
        let text = "one\ntwo three\nfour";
        let index = LineIndex::new(text);
        let r = index.lines_around(&(6..9));
        assert_eq!(&text[r], "two three");
        let r = index.lines_around(&(2..15));
        assert_eq!(&text[r], "one\ntwo three\nfour");
    }
}
