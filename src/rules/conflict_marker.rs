use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::source::text_start;
use serde::Deserialize;
use std::ops::Range;

/// Finds what a merge left of a conflict in the letter's source, whatever
/// its format made of those lines: Markdown reads them as quotations and
/// heading rules, so they are looked for in the text as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictMarker {
    /// Markers that start a line, followed by a space or the line's end.
    sides: Vec<String>,
    /// Markers that are a whole line, and a marker only beside a side one.
    dividers: Vec<String>,
}

impl ConflictMarker {
    pub fn new(params: ConflictMarker) -> Self {
        params
    }

    fn is_side(&self, line: &str) -> bool {
        self.sides.iter().any(|marker| {
            line.strip_prefix(marker.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
        })
    }
}

fn marker(span: Range<usize>, line: &str) -> Finding {
    Finding::at(span, format!("unresolved merge conflict marker `{line}`")).label("left by a merge")
}

impl Rule for ConflictMarker {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        let source = letter.source;
        let mut sides = Vec::new();
        let mut dividers = Vec::new();
        let mut at = text_start(source);
        for line in source[at..].split_inclusive('\n') {
            let text = line.trim_end();
            let span = at..at + text.len();
            at += line.len();
            if self.is_side(text) {
                sides.push(marker(span, text));
            } else if self.dividers.iter().any(|d| d == text) {
                dividers.push(marker(span, text));
            }
        }
        if sides.is_empty() {
            return Vec::new();
        }
        sides.extend(dividers);
        sides.sort_by_key(|f| f.span.as_ref().map(|s| s.start));
        sides
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::spans;

    #[test]
    fn markers_at_line_starts_and_a_divider_only_beside_them() {
        let text = "Dear team,\n\n<<<<<<< HEAD\nOne.\n=======\nTwo.\n>>>>>>> draft\n";
        assert_eq!(
            spans("conflict-marker", text),
            ["<<<<<<< HEAD", "=======", ">>>>>>> draft"]
        );
        let quiet = "Summary\n=======\n\nI quoted `<<<<<<<` and wrote <<<<<<<< once.\n";
        assert!(spans("conflict-marker", quiet).is_empty());
    }
}
