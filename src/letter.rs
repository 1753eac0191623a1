//! The Letter model: one pass of pulldown-cmark (or a blank-line split for
//! `.txt`) that turns a source into blocks of prose whose every character
//! maps back to a byte in the source. Rules read this, never raw markdown.

use crate::front_matter::{self, FrontMatter, FrontMatterError};
use crate::lexicon::{self, Companies, Mention, PhraseSet};
use crate::metrics::{self, Metric};
use crate::segment;
use crate::suppression::{self, Suppression};
use crate::text::{self, count_words, Word};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;
use std::sync::LazyLock;

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
    /// Anything after the signature: a proposal section, footnotes.
    After,
}

/// Prose text assembled from source pieces. Markup, code, HTML and URLs are
/// left out; each piece is copied verbatim so offsets map back exactly.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    pub text: String,
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    prose_start: usize,
    source_start: usize,
    len: usize,
}

impl Prose {
    /// Appends `source[range]`, joined to the previous piece by nothing when
    /// the two touch, a space when only markup or a line break lies between,
    /// and a line break when a blank line does (a new paragraph in a list item).
    fn push(&mut self, source: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        if let Some(last) = self.pieces.last_mut() {
            let last_end = last.source_start + last.len;
            if range.start < last_end {
                return;
            }
            if range.start == last_end {
                last.len += range.len();
                self.text.push_str(&source[range]);
                return;
            }
            let gap = &source[last_end..range.start];
            if gap_has_blank_line(gap) {
                self.text.push('\n');
            } else if gap.chars().any(char::is_whitespace) {
                self.text.push(' ');
            }
        }
        self.pieces.push(Piece {
            prose_start: self.text.len(),
            source_start: range.start,
            len: range.len(),
        });
        self.text.push_str(&source[range]);
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
        if into <= piece.len && !(forward && into == piece.len && i < self.pieces.len()) {
            piece.source_start + into
        } else if forward {
            self.pieces
                .get(i)
                .map_or(piece.source_start + piece.len, |p| p.source_start)
        } else {
            piece.source_start + piece.len
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
    /// Found once, when the block is made: every phrase set scans every block.
    words: Vec<Word>,
    word_count: usize,
}

impl Block {
    /// A body block; its sentences and words are found here, once.
    fn new(kind: BlockKind, range: Range<usize>, prose: Prose) -> Block {
        let text = &prose.text;
        Block {
            sentences: sentences(text),
            words: text::words(text),
            word_count: count_words(text),
            kind,
            part: Part::Body,
            range,
            prose,
            section: 0,
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

    /// Words as phrases are matched: runs of letters, digits and `_`.
    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// The words of one sentence, as `lexicon::words` finds them in
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

/// A heading and the blocks under it; section 0 is everything before the
/// first heading.
#[derive(Debug, Clone)]
pub struct Section {
    pub heading: Option<String>,
    pub blocks: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Letter<'s> {
    pub source: &'s str,
    pub front_matter: FrontMatter,
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
    /// Inline and block HTML outside code: where `<Your Name>` slots and
    /// suppression comments live.
    pub html: Vec<Range<usize>>,
    pub technologies: Vec<Mention>,
    pub metrics: Vec<Metric>,
    pub suppressions: Vec<Suppression>,
    /// Facts about the whole run, set by `lint` before the rules read the letter.
    pub run: RunFacts<'s>,
}

/// What a rule may need to know beyond its own letter. The lists are
/// borrowed from the run's configuration, not copied into each letter: a
/// run over a folder of letters collects every letter's company, and a copy
/// per letter would make the run quadratic in its number of letters.
#[derive(Debug, Clone, Default)]
pub struct RunFacts<'r> {
    /// Every rule id the run knows, built-in and custom.
    pub rule_ids: &'r [String],
    /// Companies this letter must not name: other letters' `company`, and the
    /// config's `companies`.
    pub companies: Option<&'r Companies>,
    /// The job posting the letter answers, when one was given.
    pub posting: Option<crate::posting::PostingMatch>,
}

impl<'s> Letter<'s> {
    pub fn parse(source: &'s str, plain_text: bool) -> Result<Self, FrontMatterError> {
        let front_matter = front_matter::parse(source)?;
        let body_start = front_matter.range.end;
        let (mut blocks, html) = if plain_text {
            (parse_plain(source, body_start), Vec::new())
        } else {
            parse_markdown(source, body_start)
        };
        blocks.sort_by_key(|b| b.range.start);
        let sections = assign_sections(&mut blocks);
        assign_parts(&mut blocks, source);
        // Plain text has no HTML: a directive may stand anywhere in it.
        let whole = body_start..source.len();
        let suppressions = if plain_text {
            suppression::parse(source, std::slice::from_ref(&whole))
        } else {
            suppression::parse(source, &html)
        };
        let mut letter = Letter {
            source,
            front_matter,
            blocks,
            sections,
            suppressions,
            html,
            technologies: Vec::new(),
            metrics: Vec::new(),
            run: RunFacts::default(),
        };
        letter.technologies = lexicon::technologies().find(&letter);
        letter.metrics = find_metrics(&letter.blocks);
        Ok(letter)
    }

    pub fn word_count(&self) -> usize {
        self.blocks.iter().map(Block::word_count).sum()
    }

    /// The technologies named in one block, in text order. Mentions are
    /// found block by block, so a binary search finds a block's share: a
    /// rule never rescans every mention for every block, which made a
    /// letter of 100,000 list items take a minute.
    pub fn technologies_in(&self, block: usize) -> &[Mention] {
        let start = self.technologies.partition_point(|m| m.block < block);
        let end = self.technologies.partition_point(|m| m.block <= block);
        &self.technologies[start..end]
    }

    /// Each sentence of the letter with the technologies named inside it, in
    /// order. Sentences and mentions both run in text order, so one pointer
    /// walks both: a long paragraph is not rescanned per sentence.
    pub fn technologies_by_sentence(&self) -> Vec<(&Block, Vec<&Mention>)> {
        let mut out = Vec::new();
        for (index, block) in self.blocks.iter().enumerate() {
            let in_block = self.technologies_in(index);
            let mut next = 0;
            for sentence in &block.sentences {
                while in_block
                    .get(next)
                    .is_some_and(|m| m.prose.start < sentence.start)
                {
                    next += 1;
                }
                let names = in_block[next..]
                    .iter()
                    .take_while(|m| m.prose.start < sentence.end)
                    .filter(|m| m.prose.end <= sentence.end)
                    .collect();
                out.push((block, names));
            }
        }
        out
    }

    /// Blocks of the letter proper: after the salutation, before the sign-off.
    pub fn body(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.part == Part::Body)
    }

    /// Body paragraphs (and list items), in order: what "the first paragraph"
    /// and "the second paragraph" mean to the rules.
    pub fn body_paragraphs(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.body().filter(|(_, b)| b.kind != BlockKind::Heading)
    }

    /// The last paragraph before the sign-off; without a sign-off, the last
    /// paragraph of the first section that has body text.
    pub fn closing(&self) -> Option<&Block> {
        let signed = self.blocks.iter().any(|b| b.part == Part::SignOff);
        if signed {
            return self
                .blocks
                .iter()
                .take_while(|b| b.part != Part::SignOff)
                .filter(|b| b.part == Part::Body && b.kind == BlockKind::Paragraph)
                .last();
        }
        self.body_paragraphs()
            .filter(|(_, b)| b.kind == BlockKind::Paragraph)
            .last()
            .map(|(_, b)| b)
    }

    /// Every sentence of the letter, with its block: the unit most rules judge.
    pub fn sentences(&self) -> impl Iterator<Item = (&Block, Range<usize>)> {
        self.blocks
            .iter()
            .flat_map(|b| b.sentences.iter().map(move |s| (b, s.clone())))
    }

    pub fn company(&self) -> Option<&str> {
        self.front_matter.company.as_deref()
    }

    /// True when the letter reads as a software-engineering application:
    /// it names a technology or an engineering role. The engineering rules
    /// stay silent otherwise (a nurse is not told to mention OpenTelemetry).
    pub fn is_engineering(&self) -> bool {
        !self.technologies.is_empty() || lexicon::names_engineering_role(self)
    }
}

/// Every metric of the letter, sentence by sentence, with its source span.
fn find_metrics(blocks: &[Block]) -> Vec<Metric> {
    let mut found = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        for sentence in &block.sentences {
            for (range, kind) in metrics::find_in_sentence(block.sentence_text(sentence)) {
                let prose = sentence.start + range.start..sentence.start + range.end;
                found.push(Metric {
                    block: index,
                    span: block.prose.source_range(prose),
                    kind,
                });
            }
        }
    }
    found
}

fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (start, s) in segment::sentence_pieces(text) {
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        if !trimmed.chars().any(char::is_alphanumeric) {
            continue;
        }
        let range = start + lead..start + lead + trimmed.len();
        match out.last_mut() {
            // UAX #29 ends a sentence after "Ms." or "e.g."; join those back
            // so "Dear Ms. Okonkwo" stays one sentence.
            Some(last) if ends_with_abbreviation(&text[last.clone()]) => last.end = range.end,
            _ => out.push(range),
        }
    }
    out
}

/// Abbreviations UAX #29 wrongly ends a sentence after.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "prof", "e.g", "i.e", "vs", "etc", "no", "approx", "a.m", "p.m",
    "inc", "jr", "sr",
];

/// Whether the sentence ends with one of `ABBREVIATIONS` and its period,
/// the abbreviation standing at the start or after white space.
fn ends_with_abbreviation(sentence: &str) -> bool {
    let Some(body) = sentence.strip_suffix('.') else {
        return false;
    };
    ABBREVIATIONS.iter().any(|abbreviation| {
        let Some(start) = body.len().checked_sub(abbreviation.len()) else {
            return false;
        };
        body.is_char_boundary(start)
            && body[start..].eq_ignore_ascii_case(abbreviation)
            && body[..start]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace)
    })
}

struct Frame {
    kind: BlockKind,
    start: usize,
    prose: Prose,
}

/// Walks pulldown-cmark's events once. Text goes to the innermost open block;
/// code, HTML, URLs, footnote markers and task boxes never become prose.
fn parse_markdown(source: &str, body_start: usize) -> (Vec<Block>, Vec<Range<usize>>) {
    let body = &source[body_start..];
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH;
    let mut blocks = Vec::new();
    let mut html = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut lists = 0usize;
    let mut list_stack: Vec<usize> = Vec::new();
    let mut in_code = 0usize;
    let mut in_image = 0usize;
    let mut in_autolink = 0usize;

    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        let open = |kind| Frame {
            kind,
            start: range.start,
            prose: Prose::default(),
        };
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { .. } => frames.push(open(BlockKind::Heading)),
                Tag::Paragraph => {
                    // Paragraphs inside a list item or footnote belong to it.
                    let inside_item = frames.last().is_some_and(|f| {
                        matches!(f.kind, BlockKind::ListItem { .. } | BlockKind::Footnote)
                    });
                    if !inside_item {
                        frames.push(open(BlockKind::Paragraph));
                    }
                }
                Tag::List(_) => {
                    lists += 1;
                    list_stack.push(lists);
                }
                Tag::Item => {
                    let list = list_stack.last().copied().unwrap_or(0);
                    frames.push(open(BlockKind::ListItem { list, task: false }));
                }
                Tag::Table(_) => frames.push(open(BlockKind::Table)),
                Tag::FootnoteDefinition(_) => frames.push(open(BlockKind::Footnote)),
                Tag::CodeBlock(_) => in_code += 1,
                Tag::Image { .. } => in_image += 1,
                Tag::Link { link_type, .. } => {
                    if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                        in_autolink += 1;
                    }
                }
                Tag::HtmlBlock => {}
                _ => {}
            },
            Event::End(tag) => {
                let closes_frame = match tag {
                    TagEnd::Heading(_) => true,
                    TagEnd::Paragraph => frames
                        .last()
                        .is_some_and(|f| f.kind == BlockKind::Paragraph),
                    TagEnd::Item => true,
                    TagEnd::Table => true,
                    TagEnd::FootnoteDefinition => true,
                    TagEnd::List(_) => {
                        list_stack.pop();
                        false
                    }
                    TagEnd::CodeBlock => {
                        in_code = in_code.saturating_sub(1);
                        false
                    }
                    TagEnd::Image => {
                        in_image = in_image.saturating_sub(1);
                        false
                    }
                    TagEnd::Link => {
                        in_autolink = in_autolink.saturating_sub(1);
                        false
                    }
                    _ => false,
                };
                if closes_frame {
                    if let Some(frame) = frames.pop() {
                        blocks.push(Block::new(frame.kind, frame.start..range.end, frame.prose));
                    }
                }
            }
            Event::Text(_) if in_code == 0 && in_image == 0 && in_autolink == 0 => {
                if let Some(frame) = frames.last_mut() {
                    frame.prose.push(source, range);
                }
            }
            Event::TaskListMarker(_) => {
                if let Some(Frame {
                    kind: BlockKind::ListItem { task, .. },
                    ..
                }) = frames.last_mut()
                {
                    *task = true;
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => html.push(range),
            _ => {}
        }
    }
    // Unclosed frames cannot happen with pulldown-cmark, but never lose text.
    while let Some(frame) = frames.pop() {
        let end = frame
            .prose
            .pieces
            .last()
            .map_or(frame.start, |p| p.source_start + p.len);
        blocks.push(Block::new(frame.kind, frame.start..end, frame.prose));
    }
    blocks.retain(|b| !b.prose.text.trim().is_empty());
    (blocks, html)
}

/// A `.txt` letter: paragraphs split on blank lines, or one per line when
/// the text has no blank line at all (pasted from a word processor).
fn parse_plain(source: &str, body_start: usize) -> Vec<Block> {
    let mut lines = Vec::new();
    let mut offset = body_start;
    for line in source[body_start..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        lines.push(offset..offset + content.len());
        offset += line.len();
    }
    let is_blank = |r: &Range<usize>| source[r.clone()].trim().is_empty();
    let has_blank_line = {
        let first = lines.iter().position(|r| !is_blank(r));
        let last = lines.iter().rposition(|r| !is_blank(r));
        match (first, last) {
            (Some(a), Some(b)) => lines[a..=b].iter().any(is_blank),
            _ => false,
        }
    };
    let mut blocks = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut flush = |current: &mut Vec<Range<usize>>| {
        if current.is_empty() {
            return;
        }
        let mut prose = Prose::default();
        for line in current.iter() {
            let text = &source[line.clone()];
            let lead = text.len() - text.trim_start().len();
            let trimmed = text.trim();
            prose.push(source, line.start + lead..line.start + lead + trimmed.len());
        }
        blocks.push(Block::new(
            BlockKind::Paragraph,
            current[0].start..current[current.len() - 1].end,
            prose,
        ));
        current.clear();
    };
    for line in lines {
        if is_blank(&line) {
            flush(&mut current);
        } else {
            current.push(line);
            if !has_blank_line {
                flush(&mut current);
            }
        }
    }
    flush(&mut current);
    blocks
}

fn assign_sections(blocks: &mut [Block]) -> Vec<Section> {
    let mut sections = vec![Section {
        heading: None,
        blocks: 0..0,
    }];
    for (i, block) in blocks.iter_mut().enumerate() {
        if block.kind == BlockKind::Heading {
            sections.last_mut().expect("one section").blocks.end = i;
            sections.push(Section {
                heading: Some(block.prose.text.trim().to_string()),
                blocks: i..i,
            });
        }
        block.section = sections.len() - 1;
    }
    sections.last_mut().expect("one section").blocks.end = blocks.len();
    sections
}

static SALUTATIONS: LazyLock<PhraseSet> = LazyLock::new(|| {
    let greetings = [
        "dear",
        "hi",
        "hello",
        "hey",
        "greetings",
        "good morning",
        "good afternoon",
        "good evening",
        "to whom it may concern",
    ];
    PhraseSet::new(greetings.map(|g| (g, 0, false)), &[])
});

fn is_salutation(text: &str) -> bool {
    SALUTATIONS
        .matches(text)
        .next()
        .is_some_and(|m| m.range.start == 0)
}

/// Closing formulas, as words; "yours" may also stand before or after one.
const SIGN_OFFS: &[&[&str]] = &[
    &["sincerely"],
    &["best"],
    &["best", "regards"],
    &["kind", "regards"],
    &["warm", "regards"],
    &["warmest", "regards"],
    &["regards"],
    &["warmly"],
    &["thanks"],
    &["thank", "you"],
    &["many", "thanks"],
    &["thanks", "again"],
    &["with", "thanks"],
    &["with", "gratitude"],
    &["cheers"],
    &["all", "the", "best"],
    &["best", "wishes"],
    &["warm", "wishes"],
    &["respectfully"],
    &["cordially"],
    &["yours", "truly"],
    &["yours", "faithfully"],
    &["faithfully"],
    &["truly"],
];

/// If `line` is a closing formula alone ("Best regards,", "Yours
/// sincerely") or followed by punctuation and more ("Thanks, Ana"): what
/// follows the punctuation, `Some(None)` when no punctuation does. Words
/// are compared ignoring ASCII case and may be split by any white space.
fn sign_off(line: &str) -> Option<Option<&str>> {
    let after_yours =
        eat_words(line, &["yours"]).filter(|rest| rest.starts_with(char::is_whitespace));
    for text in [Some(line), after_yours.map(str::trim_start)]
        .into_iter()
        .flatten()
    {
        for formula in SIGN_OFFS {
            let Some(after) = eat_words(text, formula) else {
                continue;
            };
            // "Sincerely yours,"
            let then_yours = Some(after.trim_start())
                .filter(|rest| rest.len() < after.len())
                .and_then(|rest| eat_words(rest, &["yours"]));
            if let Some(rest) = then_yours
                .into_iter()
                .chain([after])
                .find_map(punctuated_rest)
            {
                return Some(rest);
            }
        }
    }
    None
}

/// What follows `words` at the start of `text`, white space between them.
fn eat_words<'t>(text: &'t str, words: &[&str]) -> Option<&'t str> {
    let mut rest = text;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() {
                return None;
            }
            rest = trimmed;
        }
        let head = rest.get(..word.len())?;
        if !head.eq_ignore_ascii_case(word) {
            return None;
        }
        rest = &rest[word.len()..];
    }
    Some(rest)
}

/// The end of a sign-off line: nothing (`Some(None)`), or a mark and what
/// follows it (`Some(Some(rest))`); anything else is not a sign-off.
fn punctuated_rest(end: &str) -> Option<Option<&str>> {
    let mut chars = end.trim_start().chars();
    match chars.next() {
        None => Some(None),
        Some(',' | '.' | '!' | '—' | '–' | '-') => Some(Some(chars.as_str().trim_start())),
        Some(_) => None,
    }
}

/// Marks salutation, sign-off and what lies around them. A sign-off is a
/// closing formula alone on its line (or followed by a short name), so
/// "Thank you for your time." in the last paragraph is not mistaken for one.
fn assign_parts(blocks: &mut [Block], source: &str) {
    let is_para = |b: &Block| b.kind == BlockKind::Paragraph;
    let salutation = blocks
        .iter()
        .take(6)
        .position(|b| is_para(b) && is_salutation(b.text().trim()) && b.word_count() <= 14);
    let body_from = salutation.map_or(0, |i| i + 1);
    let sign_off = (body_from + 1..blocks.len()).find(|&i| {
        let b = &blocks[i];
        if !is_para(b) || b.word_count() > 14 {
            return false;
        }
        let first_line = source[b.range.clone()].lines().next().unwrap_or("").trim();
        sign_off(first_line).is_some_and(|rest| rest.is_none_or(|rest| count_words(rest) <= 5))
    });
    for (i, block) in blocks.iter_mut().enumerate() {
        block.part = match (salutation, sign_off) {
            (Some(s), _) if i < s => Part::Header,
            (Some(s), _) if i == s => Part::Salutation,
            (_, Some(e)) if i == e => Part::SignOff,
            (_, Some(e)) if i > e => Part::After,
            _ => Part::Body,
        };
    }
    // A name on its own paragraph under the sign-off belongs to it.
    if let Some(e) = sign_off {
        if let Some(next) = blocks.get_mut(e + 1) {
            let text = next.prose.text.trim();
            let last_word = text.split_whitespace().last().unwrap_or("");
            // "Tomasz W." ends with a period; "I built it." is a sentence.
            let sentence_end =
                text.ends_with(['?', '!']) || (text.ends_with('.') && last_word.len() > 3);
            if next.kind == BlockKind::Paragraph && count_words(text) <= 6 && !sentence_end {
                next.part = Part::SignOff;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::twins::joined;
    use proptest::prelude::*;
    use regex::Regex;

    /// Lines built from the words and marks a sign-off, a salutation or an
    /// abbreviation is made of.
    fn line() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "yours",
            "Yours",
            "best",
            "Best",
            "regards",
            "sincerely",
            "thank",
            "you",
            "thanks",
            "again",
            "all",
            "the",
            "warm",
            "kind",
            "truly",
            "dear",
            "Dear",
            "hi",
            "good",
            "morning",
            "to",
            "whom",
            "it",
            "may",
            "concern",
            "Ms",
            "e.g",
            "etc",
            "no",
            "Ana",
            "x",
            ",",
            ".",
            "!",
            "—",
            "-",
            ":",
            "é",
        ]);
        joined(
            piece.prop_map(String::from),
            vec!["", " ", "  ", "\t", "\u{a0}"],
            7,
        )
    }

    proptest! {
        /// The hand-written matchers replaced these patterns (compiling
        /// them cost more than linting a letter); they must agree.
        #[test]
        fn hand_written_matchers_agree_with_the_patterns_they_replaced(text in line()) {
            let sign_off_pattern = Regex::new(
                r"(?ix)^(?:yours\s+)?(?:
                    sincerely|best|best\s+regards|kind\s+regards|warm\s+regards|warmest\s+regards|regards|
                    warmly|thanks|thank\s+you|many\s+thanks|thanks\s+again|with\s+thanks|with\s+gratitude|
                    cheers|all\s+the\s+best|best\s+wishes|warm\s+wishes|respectfully|cordially|
                    yours\s+truly|yours\s+faithfully|faithfully|truly
                )(?:\s+yours)?\s*(?:[,.!—–-]\s*(?P<rest>.*))?$",
            ).unwrap();
            let salutation_pattern = Regex::new(
                r"(?i)^(?:dear|hi|hello|hey|greetings|good (?:morning|afternoon|evening)|to whom it may concern)\b",
            ).unwrap();
            let abbreviation_pattern = Regex::new(
                r"(?i)(?:^|\s)(?:mr|mrs|ms|dr|st|prof|e\.g|i\.e|vs|etc|no|approx|a\.m|p\.m|inc|jr|sr)\.$",
            ).unwrap();
            let line = text.trim();
            let expected = sign_off_pattern
                .captures(line)
                .map(|c| c.name("rest").map(|m| &line[m.range()]));
            prop_assert_eq!(sign_off(line), expected);
            prop_assert_eq!(is_salutation(line), salutation_pattern.is_match(line));
            prop_assert_eq!(ends_with_abbreviation(&text), abbreviation_pattern.is_match(&text));
        }

        #[test]
        fn a_sentences_words_are_the_ones_found_in_it(
            text in "([a-zA-Z0-9_é]{1,6}|[ .!?,;:\"()\n-]|\n\n){0,40}"
        ) {
            let letter = Letter::parse(&text, true).unwrap();
            for (block, range) in letter.sentences() {
                prop_assert_eq!(
                    block.sentence_words(&range),
                    text::words(block.sentence_text(&range))
                );
            }
        }
    }

    fn parse(text: &str) -> Letter<'_> {
        Letter::parse(text, false).unwrap()
    }

    #[test]
    fn code_html_urls_and_markers_are_not_prose() {
        let text = "Dear team,\n\nI used `terraform` and <b>bold</b> a [post](https://x.example/a) ok.[^1]\n\n```yaml\nkafka: {}\n```\n\n- [ ] a task\n\n[^1]: note";
        let letter = parse(text);
        let prose: Vec<&str> = letter.blocks.iter().map(|b| b.text()).collect();
        assert_eq!(
            prose,
            [
                "Dear team,",
                "I used  and bold a post ok.",
                "a task",
                "note"
            ]
        );
        assert!(matches!(
            letter.blocks[2].kind,
            BlockKind::ListItem { task: true, .. }
        ));
        assert_eq!(letter.html.len(), 2);
    }

    #[test]
    fn prose_maps_back_to_source() {
        let text =
            "Dear team,\n\nWe **scaled** the [queue](http://a.b) to\n9,400 events per minute.";
        let letter = parse(text);
        let block = &letter.blocks[1];
        let at = block.text().find("9,400").unwrap();
        let span = block.prose.source_range(at..at + 5);
        assert_eq!(&text[span], "9,400");
        let at = block.text().find("queue").unwrap();
        assert_eq!(&text[block.prose.source_range(at..at + 5)], "queue");
    }

    #[test]
    fn salutation_sign_off_and_closing() {
        let text = "Dear Ms. Feld,\n\nFirst paragraph here.\n\nThank you for your time. I look forward to hearing from you.\n\nBest regards,\nJonah\n\n## Day-one proposal\n\nLater text.";
        let letter = parse(text);
        let parts: Vec<Part> = letter.blocks.iter().map(|b| b.part).collect();
        assert_eq!(
            parts,
            [
                Part::Salutation,
                Part::Body,
                Part::Body,
                Part::SignOff,
                Part::After,
                Part::After
            ]
        );
        assert!(letter
            .closing()
            .unwrap()
            .text()
            .starts_with("Thank you for your time."));
        assert_eq!(letter.sections.len(), 2);
        assert_eq!(
            letter.sections[1].heading.as_deref(),
            Some("Day-one proposal")
        );
    }

    #[test]
    fn name_on_its_own_paragraph_is_part_of_the_sign_off() {
        let letter = parse("Dear team,\n\nBody text.\n\nSincerely,\n\nTomasz W.\n");
        assert_eq!(letter.blocks[3].part, Part::SignOff);
    }

    #[test]
    fn plain_text_without_blank_lines_takes_each_line_as_a_paragraph() {
        let letter = Letter::parse("Dear team,\nI built a thing.\nBest,\nAna", true).unwrap();
        assert_eq!(letter.blocks.len(), 4);
        let letter = Letter::parse("Dear team,\n\nI built\na thing.\n\nBest,\nAna", true).unwrap();
        assert_eq!(letter.blocks.len(), 3);
        assert_eq!(letter.blocks[1].text(), "I built a thing.");
    }

    #[test]
    fn words_follow_the_corpus_convention() {
        let letter =
            parse("+++\ncompany = \"A\"\n+++\n# Title here\n\nOne - two & three `code` four.\n");
        assert_eq!(letter.word_count(), 6);
    }
}
