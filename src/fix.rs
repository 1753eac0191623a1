//! Fixes: what a rule knows would mend its finding, as byte-range edits of
//! the letter's text. One model serves `--fix`, `--diff`, the reports and
//! an editor's code actions, so each of them applies a fix the same way.
//!
//! A fix is applied whole or not at all, and never over another: of two
//! fixes whose edits overlap, the first (in the order given, which is the
//! findings' order) is applied and the other is left for the next run, when
//! the letter has been linted again.

use serde::Serialize;
use std::ops::Range;

/// Whether a fix may be applied without a person reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Mends the finding with what the letter itself declares (a slot filled
    /// from its front matter): `--fix` applies it.
    Safe,
    /// Probably right, but may change what the writer meant (a company name
    /// that might be a former employer): applied only with `--unsafe-fixes`.
    Unsafe,
    /// A suggestion for the writer, never applied: it carries no edits.
    DisplayOnly,
}

/// Replace the text at `range` with `replacement`; an empty range inserts,
/// an empty replacement deletes. `range` is a byte range into the letter
/// as read, on char boundaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    /// What the fix does, for a person: `replace with "Kestrel Pay"`.
    pub message: String,
    /// In any order; empty for a display-only suggestion.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// One replacement, described by what it writes.
    pub fn replace(
        applicability: Applicability,
        range: Range<usize>,
        replacement: impl Into<String>,
    ) -> Fix {
        let replacement = replacement.into();
        let message = match replacement.as_str() {
            "" => "delete it".to_string(),
            text => format!("replace with \"{text}\""),
        };
        Fix {
            applicability,
            message,
            edits: vec![Edit { range, replacement }],
        }
    }

    /// Advice shown beside the finding and never applied.
    pub fn suggestion(message: impl Into<String>) -> Fix {
        Fix {
            applicability: Applicability::DisplayOnly,
            message: message.into(),
            edits: Vec::new(),
        }
    }

    /// Whether a run applies this fix: a safe one always, an unsafe one when
    /// `unsafe_fixes` is on, a suggestion never.
    pub fn applies(&self, unsafe_fixes: bool) -> bool {
        let allowed = match self.applicability {
            Applicability::Safe => true,
            Applicability::Unsafe => unsafe_fixes,
            Applicability::DisplayOnly => false,
        };
        allowed && !self.edits.is_empty()
    }

    /// The edits in text order, if every one lies on char boundaries of
    /// `text` and none overlaps another: a fix that does not fit its text
    /// is not applied at all.
    fn fitted(&self, text: &str) -> Option<Vec<&Edit>> {
        let mut edits: Vec<&Edit> = self.edits.iter().collect();
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        let fits = edits.iter().all(|e| {
            e.range.start <= e.range.end
                && text.is_char_boundary(e.range.start)
                && text.is_char_boundary(e.range.end)
        });
        let apart = edits.windows(2).all(|w| !overlap(&w[0].range, &w[1].range));
        (fits && apart).then_some(edits)
    }
}

/// Whether two edits touch the same text. Two insertions at one place
/// overlap too: which comes first would be a guess.
fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || (a.start == b.start && (a.is_empty() || b.is_empty()))
}

/// A text with fixes applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    /// Fixes applied.
    pub applied: usize,
    /// Fixes left out: they overlapped one applied before them, or did not
    /// fit the text.
    pub skipped: usize,
}

/// The fixes of a list that can be applied together, as their edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken<'f> {
    /// In text order, none overlapping another, each on char boundaries.
    pub edits: Vec<&'f Edit>,
    /// Fixes taken.
    pub applied: usize,
    /// Fixes left out, as [`Fixed::skipped`] counts them.
    pub skipped: usize,
}

/// Takes `fixes` in the order given, each whole or not at all, skipping
/// any that overlaps one already taken: what [`apply`] writes, and what an
/// editor's "fix all" sends as edits. A suggestion, having no edits, is
/// neither taken nor counted.
pub fn take<'f>(text: &str, fixes: impl IntoIterator<Item = &'f Fix>) -> Taken<'f> {
    let mut edits: Vec<&Edit> = Vec::new();
    let (mut applied, mut skipped) = (0, 0);
    for fix in fixes.into_iter().filter(|f| !f.edits.is_empty()) {
        match fix.fitted(text) {
            Some(fitted)
                if fitted
                    .iter()
                    .all(|e| edits.iter().all(|t| !overlap(&e.range, &t.range))) =>
            {
                edits.extend(fitted);
                applied += 1;
            }
            _ => skipped += 1,
        }
    }
    edits.sort_by_key(|e| e.range.start);
    Taken {
        edits,
        applied,
        skipped,
    }
}

/// Applies `fixes` to `text` as [`take`] takes them.
pub fn apply<'f>(text: &str, fixes: impl IntoIterator<Item = &'f Fix>) -> Fixed {
    let taken = take(text, fixes);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in taken.edits {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    Fixed {
        text: out,
        applied: taken.applied,
        skipped: taken.skipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn safe(range: Range<usize>, text: &str) -> Fix {
        Fix::replace(Applicability::Safe, range, text)
    }

    #[test]
    fn fixes_apply_in_text_order_whatever_their_order() {
        let text = "Dear [Name], I love [Company].";
        let fixed = apply(text, &[safe(20..29, "Kestrel Pay"), safe(5..11, "Ana")]);
        assert_eq!(fixed.text, "Dear Ana, I love Kestrel Pay.");
        assert_eq!((fixed.applied, fixed.skipped), (2, 0));
    }

    #[test]
    fn of_two_overlapping_fixes_the_first_is_applied() {
        let text = "one two three";
        let fixed = apply(
            text,
            &[safe(4..7, "2"), safe(0..7, "1 2"), safe(8..13, "3")],
        );
        assert_eq!(fixed.text, "one 2 3");
        assert_eq!((fixed.applied, fixed.skipped), (2, 1));
        // Two insertions at one place: the second waits.
        let fixed = apply(text, &[safe(3..3, ","), safe(3..3, ";")]);
        assert_eq!((fixed.text.as_str(), fixed.skipped), ("one, two three", 1));
    }

    #[test]
    fn a_fix_that_does_not_fit_the_text_is_skipped_whole() {
        let text = "café au lait";
        let split_char = Fix {
            edits: vec![
                Edit {
                    range: 0..1,
                    replacement: "C".into(),
                },
                Edit {
                    range: 4..5,
                    replacement: "e".into(),
                },
            ],
            ..safe(0..0, "")
        };
        let past_the_end = safe(10..40, "x");
        let fixed = apply(text, &[split_char, past_the_end]);
        assert_eq!((fixed.text.as_str(), fixed.skipped), (text, 2));
    }

    #[test]
    fn which_fixes_a_run_applies() {
        let unsafe_fix = Fix::replace(Applicability::Unsafe, 0..1, "x");
        assert!(safe(0..1, "x").applies(false));
        assert!(!unsafe_fix.applies(false) && unsafe_fix.applies(true));
        assert!(!Fix::suggestion("say what you did").applies(true));
        assert_eq!(safe(0..1, "").message, "delete it");
        let fixed = apply("text", &[Fix::suggestion("say more")]);
        assert_eq!((fixed.applied, fixed.skipped), (0, 0));
    }

    proptest! {
        #[test]
        fn applying_any_edits_never_panics_and_keeps_what_no_edit_touches(
            text in "[a-zé€ \n]{0,40}",
            edits in prop::collection::vec((0usize..50, 0usize..8, "[x✓]{0,3}"), 0..6),
        ) {
            let fixes: Vec<Fix> = edits
                .iter()
                .map(|(start, len, replacement)| safe(*start..start + len, replacement))
                .collect();
            let fixed = apply(&text, &fixes);
            prop_assert_eq!(fixed.applied + fixed.skipped, fixes.len());
            if fixed.applied == 0 {
                prop_assert_eq!(fixed.text, text);
            }
        }
    }
}
