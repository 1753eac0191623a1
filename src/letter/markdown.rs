//! Markdown letters: one pass of pulldown-cmark's events.

use super::block::{Block, BlockKind};
use crate::text::Prose;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

struct Frame {
    kind: BlockKind,
    start: usize,
    prose: Prose,
    /// Whether any of its text stands outside bold or italics.
    plain: bool,
}

/// A sub-heading set in bold is one short line.
pub(super) const SUBHEADING_MAX_WORDS: usize = 10;

/// Walks pulldown-cmark's events once. Text goes to the innermost open block;
/// code, HTML, URLs, footnote markers and task boxes never become prose.
pub(super) fn parse_markdown(source: &str, body_start: usize) -> (Vec<Block>, Vec<Range<usize>>) {
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
    let mut in_emphasis = 0usize;

    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        let open = |kind| Frame {
            kind,
            start: range.start,
            prose: Prose::default(),
            plain: false,
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
                Tag::Strong | Tag::Emphasis => in_emphasis += 1,
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
                    TagEnd::Strong | TagEnd::Emphasis => {
                        in_emphasis = in_emphasis.saturating_sub(1);
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
                        let mut block = Block::new(frame.kind, frame.start..range.end, frame.prose);
                        block.subheading = block.kind == BlockKind::Paragraph
                            && !frame.plain
                            && block.prose.line_starts.is_empty()
                            && block.word_count() <= SUBHEADING_MAX_WORDS;
                        blocks.push(block);
                    }
                }
            }
            Event::Text(_) if in_code == 0 && in_image == 0 && in_autolink == 0 => {
                if let Some(frame) = frames.last_mut() {
                    frame.plain |= in_emphasis == 0 && !source[range.clone()].trim().is_empty();
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
