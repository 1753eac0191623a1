//! Reading a stretch of text as lists: pieces between separators and
//! joining words, each a technology, a label, a name the lexicon lacks or
//! a word of a story, which ends the list.

use std::collections::BTreeSet;
use std::ops::Range;

/// The words that shape a list, from the rule's parameters.
pub struct Shapes<'p> {
    /// Words that may stand between two names of a list.
    pub joiners: &'p [String],
    /// Capitalised words that are never part of a name ("I", "The").
    pub not_names: &'p [String],
    /// Most words in one name the lexicon lacks.
    pub max_name_words: usize,
    /// Most words in a label.
    pub max_label_words: usize,
}

/// Characters that separate the items of a list. `:`, `|` and `(` also
/// end a label; a line break ends a line of a skills block.
const SEPARATORS: &str = ",;/&+()[]|:·•\n";

/// A technology in the text being read, by its range there.
pub struct Name {
    pub range: Range<usize>,
    pub tech: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum Token {
    Sep(char),
    Joiner,
    Word(usize, usize),
    Name(usize),
}

/// The items of one list: distinct known technologies, and names the
/// lexicon lacks, with the range from the first item to the last.
#[derive(Default)]
pub struct List {
    pub known: BTreeSet<usize>,
    pub unknown: usize,
    /// Names the lexicon lacks that end the list inside a story.
    pub edge: usize,
    pub range: Option<Range<usize>>,
}

impl List {
    fn add(&mut self, range: Range<usize>) {
        let start = self.range.as_ref().map_or(range.start, |r| r.start);
        self.range = Some(start..range.end);
    }

    pub fn size(&self) -> usize {
        self.known.len() + self.unknown + self.edge
    }

    pub fn merge(&mut self, other: List) {
        self.known.extend(other.known);
        self.unknown += other.unknown;
        self.edge += other.edge;
        if let Some(range) = other.range {
            self.add(range);
        }
    }
}

/// The lists found in a stretch of text, and whether the stretch is
/// nothing but one list (a bare bullet item, a skills line).
pub struct Reading {
    pub lists: Vec<List>,
    pub bare: bool,
}

/// The list being read and what has been read.
struct Reader {
    list: List,
    reading: Reading,
}

impl Reader {
    /// A word that is neither name, label nor joiner ends the list and
    /// says the text is more than a list.
    fn end_list(&mut self) {
        self.reading.bare = false;
        if self.list.range.is_some() {
            self.reading.lists.push(std::mem::take(&mut self.list));
        }
    }
}

/// The words of a piece, by their ranges.
fn words(piece: &[Token]) -> Vec<(usize, usize)> {
    piece
        .iter()
        .filter_map(|t| match *t {
            Token::Word(s, e) => Some((s, e)),
            _ => None,
        })
        .collect()
}

/// A version after a name ("Python 3.11", "Java 17", "Vue 3.x").
fn is_version(word: &str) -> bool {
    let word = word.strip_prefix(['v', 'V']).unwrap_or(word);
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || ".x+".contains(c))
}

impl Shapes<'_> {
    /// The text as separators, joining words, other words and names.
    fn tokens(&self, text: &str, names: &[Name]) -> Vec<Token> {
        let mut tokens = Vec::new();
        let plain = |from: usize, to: usize, tokens: &mut Vec<Token>| {
            let mut word: Option<usize> = None;
            for (i, c) in text[from..to].char_indices().chain([(to - from, ' ')]) {
                let at = from + i;
                let boundary = c.is_whitespace() || SEPARATORS.contains(c);
                if !boundary {
                    word.get_or_insert(at);
                    continue;
                }
                if let Some(start) = word.take() {
                    let raw = &text[start..at];
                    let edge = |c: char| !c.is_alphanumeric() && !"+#".contains(c);
                    let trimmed = raw.trim_matches(edge);
                    if trimmed.chars().any(char::is_alphanumeric) {
                        let start = start + raw.len() - raw.trim_start_matches(edge).len();
                        tokens.push(
                            if self.joiners.iter().any(|j| j.eq_ignore_ascii_case(trimmed)) {
                                Token::Joiner
                            } else {
                                Token::Word(start, start + trimmed.len())
                            },
                        );
                    }
                }
                if SEPARATORS.contains(c) && at < to {
                    tokens.push(Token::Sep(c));
                }
            }
        };
        let mut at = 0;
        for (i, name) in names.iter().enumerate() {
            plain(at, name.range.start.max(at), &mut tokens);
            tokens.push(Token::Name(i));
            at = at.max(name.range.end);
        }
        plain(at, text.len(), &mut tokens);
        tokens
    }

    /// Whether a word could be part of a technology's name: capitalised
    /// or with a digit, and not a function word.
    fn name_like(&self, word: &str) -> bool {
        word.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
            && word.chars().any(char::is_alphabetic)
            && !self.not_names.iter().any(|n| n.eq_ignore_ascii_case(word))
    }

    /// Whether words the lexicon lacks could be one technology's name.
    fn name_shaped(&self, text: &str, words: &[(usize, usize)]) -> bool {
        (1..=self.max_name_words).contains(&words.len())
            && words.iter().all(|&(s, e)| self.name_like(&text[s..e]))
    }

    /// Reads `text` (with the technologies in it, in order) into lists.
    pub fn read(&self, text: &str, names: &[Name]) -> Reading {
        let tokens = self.tokens(text, names);
        let mut reader = Reader {
            list: List::default(),
            reading: Reading {
                lists: Vec::new(),
                bare: true,
            },
        };
        for piece in tokens.split_inclusive(|t| matches!(t, Token::Sep(_))) {
            let (mut piece, after) = match piece.split_last() {
                Some((Token::Sep(c), rest)) => (rest, Some(*c)),
                _ => (piece, None),
            };
            // A label ends in a colon or a table cell's edge, and may follow
            // the last name of the line before it: "Go Databases: Redis".
            let label = piece
                .iter()
                .rev()
                .take_while(|t| !matches!(t, Token::Name(_)))
                .count();
            let label_words = words(&piece[piece.len() - label..]);
            let label_ends = match after {
                Some(':' | '|') => true,
                // "databases (Postgres", not "Dagster (Python"
                Some('(') => label == piece.len() && !self.name_shaped(text, &label_words),
                _ => false,
            };
            if label_ends && label_words.len() <= self.max_label_words {
                piece = &piece[..piece.len() - label];
            }
            for sub in piece.split(|t| *t == Token::Joiner) {
                self.read_piece(text, names, sub, &mut reader);
            }
        }
        let Reader { list, mut reading } = reader;
        let items = list.range.is_some();
        if items {
            reading.lists.push(list);
        }
        reading.bare &= items;
        reading
    }

    /// One piece between separators and joining words.
    fn read_piece(&self, text: &str, names: &[Name], piece: &[Token], reader: &mut Reader) {
        if !piece.iter().any(|t| matches!(t, Token::Name(_))) {
            let words = words(piece);
            if words.is_empty() {
                return;
            }
            if self.name_shaped(text, &words) {
                reader.list.unknown += 1;
                reader.list.add(words[0].0..words[words.len() - 1].1);
                return;
            }
            // "…, Redis and Quillmesh every day": the name before the
            // story counts, but cannot make a list an inventory.
            let named = words
                .iter()
                .take_while(|&&(s, e)| self.name_like(&text[s..e]))
                .count();
            if reader.list.range.is_some() && (1..=self.max_name_words).contains(&named) {
                reader.list.edge += 1;
                reader.list.add(words[0].0..words[named - 1].1);
            }
            reader.end_list();
            return;
        }
        let mut after_name = false;
        for token in piece {
            match *token {
                Token::Name(i) => {
                    reader.list.known.insert(names[i].tech);
                    reader.list.add(names[i].range.clone());
                    after_name = true;
                }
                Token::Word(s, e) if after_name && is_version(&text[s..e]) => {}
                _ => {
                    reader.end_list();
                    after_name = false;
                }
            }
        }
    }
}
