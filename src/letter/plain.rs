//! Plain-text letters (`.txt`): paragraphs split on blank lines.

use super::block::{Block, BlockKind};
use crate::text::Prose;
use std::ops::Range;

/// A `.txt` letter: paragraphs split on blank lines, or one per line when
/// the text has no blank line at all (pasted from a word processor).
pub(super) fn parse_plain(source: &str, body_start: usize) -> Vec<Block> {
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
