//! Inline suppressions: `<!-- letterlint-disable a, b -->` … `<!--
//! letterlint-enable -->`, `<!-- letterlint-disable-next-line a -->`, and
//! `<!-- letterlint-disable -->` for every rule. Comments inside code are
//! code, not directives: in Markdown only HTML comments count. LaTeX says
//! the same in its comments: `% letterlint-disable-next-line a`.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Directive {
    Disable,
    Enable,
    DisableNextLine,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub directive: Option<Directive>,
    /// The directive word as written, for reporting an unknown one.
    pub word: String,
    /// Byte range of the whole comment.
    pub span: Range<usize>,
    /// Rule ids with their byte ranges; empty means every rule.
    pub rules: Vec<(String, Range<usize>)>,
}

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*letterlint-(?P<word>[A-Za-z-]*)(?P<rules>[^>]*?)\s*-->")
        .expect("valid regex")
});

static TEX_COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^%+\s*letterlint-(?P<word>[A-Za-z-]*)(?P<rules>.*?)\s*$").expect("valid regex")
});

static ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[A-Za-z0-9_-]+").expect("valid regex"));

/// Directives in `source[range]` for each range (HTML in Markdown, the whole
/// text in a plain-text letter).
pub fn parse(source: &str, ranges: &[Range<usize>]) -> Vec<Suppression> {
    parse_with(&COMMENT, source, ranges)
}

/// Directives in LaTeX comments, each range one comment (`%` to its line end).
pub fn parse_tex(source: &str, comments: &[Range<usize>]) -> Vec<Suppression> {
    parse_with(&TEX_COMMENT, source, comments)
}

fn parse_with(comment: &Regex, source: &str, ranges: &[Range<usize>]) -> Vec<Suppression> {
    let mut found = Vec::new();
    for range in ranges {
        let text = &source[range.clone()];
        for caps in comment.captures_iter(text) {
            let whole = caps.get(0).expect("match");
            let word = caps["word"].to_string();
            let rules_at = caps.name("rules").expect("group");
            let rules = ID
                .find_iter(rules_at.as_str())
                .map(|m| {
                    let start = range.start + rules_at.start() + m.start();
                    (m.as_str().to_string(), start..start + m.len())
                })
                .collect();
            found.push(Suppression {
                directive: match word.as_str() {
                    "disable" => Some(Directive::Disable),
                    "enable" => Some(Directive::Enable),
                    "disable-next-line" => Some(Directive::DisableNextLine),
                    _ => None,
                },
                word,
                span: range.start + whole.start()..range.start + whole.end(),
                rules,
            });
        }
    }
    found
}

/// The byte ranges in which `rule` is disabled. A disable with no matching
/// enable runs to the end of the letter.
fn disabled_ranges(source: &str, suppressions: &[Suppression], rule: &str) -> Vec<Range<usize>> {
    let names = |s: &Suppression| s.rules.is_empty() || s.rules.iter().any(|(id, _)| id == rule);
    // Line breaks, found once and only when a next-line directive needs
    // them: many directives on one long line must not each rescan it.
    let mut newlines: Option<Vec<usize>> = None;
    let mut newline_from = |from: usize| {
        let all =
            newlines.get_or_insert_with(|| source.match_indices('\n').map(|(i, _)| i).collect());
        all.get(all.partition_point(|&i| i < from)).copied()
    };
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    for s in suppressions {
        match s.directive {
            Some(Directive::Disable) if names(s) => {
                open.get_or_insert(s.span.end);
            }
            Some(Directive::Enable) if names(s) => {
                if let Some(start) = open.take() {
                    ranges.push(start..s.span.start);
                }
            }
            Some(Directive::DisableNextLine) if names(s) => {
                let next = newline_from(s.span.end).map_or(source.len(), |i| i + 1);
                let end = newline_from(next).unwrap_or(source.len());
                ranges.push(next..end);
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        ranges.push(start..source.len());
    }
    ranges
}

/// Where one rule is switched off in a letter, worked out once per rule so
/// that each of its findings is a binary search rather than a walk over
/// every directive.
#[derive(Debug, Clone, Default)]
pub struct Disabled {
    /// Sorted and merged: no two overlap or touch.
    ranges: Vec<Range<usize>>,
    /// A disable that runs to the end of the letter also silences
    /// letter-wide findings.
    to_end: bool,
}

pub fn disabled(source: &str, suppressions: &[Suppression], rule: &str) -> Disabled {
    if suppressions.is_empty() {
        return Disabled::default();
    }
    let mut ranges = disabled_ranges(source, suppressions, rule);
    let to_end = ranges.iter().any(|r| r.end == source.len());
    ranges.retain(|r| !r.is_empty());
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    Disabled {
        ranges: merged,
        to_end,
    }
}

impl Disabled {
    /// Whether a finding at `span` is silenced. A letter-wide finding is
    /// silenced only by a disable that runs to the end.
    pub fn silences(&self, span: Option<&Range<usize>>) -> bool {
        match span {
            Some(span) => {
                let i = self.ranges.partition_point(|r| r.start <= span.start);
                i > 0 && span.start < self.ranges[i - 1].end
            }
            None => self.to_end,
        }
    }
}

/// Whether a directive silences a finding of `rule` at `span`. To check
/// many findings of one rule, build [`disabled`] once instead.
pub fn silences(
    source: &str,
    suppressions: &[Suppression],
    rule: &str,
    span: Option<&Range<usize>>,
) -> bool {
    disabled(source, suppressions, rule).silences(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic(rule: &str, span: Option<Range<usize>>) -> (String, Option<Range<usize>>) {
        (rule.to_string(), span)
    }

    fn kept(source: &str, findings: Vec<(String, Option<Range<usize>>)>) -> Vec<String> {
        let whole = 0..source.len();
        let suppressions = parse(source, std::slice::from_ref(&whole));
        findings
            .into_iter()
            .filter(|(rule, span)| !silences(source, &suppressions, rule, span.as_ref()))
            .map(|(rule, span)| format!("{rule}@{}", span.map_or(0, |s| s.start)))
            .collect()
    }

    #[test]
    fn disable_enable_region() {
        let source = "a\n<!-- letterlint-disable cliche, placeholder -->\nBBB\n<!-- letterlint-enable -->\nCCC\n";
        let b = source.find("BBB").unwrap();
        let c = source.find("CCC").unwrap();
        let out = kept(
            source,
            vec![
                diagnostic("cliche", Some(0..1)),
                diagnostic("cliche", Some(b..b + 1)),
                diagnostic("word-count", Some(b..b + 1)),
                diagnostic("cliche", Some(c..c + 1)),
            ],
        );
        assert_eq!(
            out,
            [
                "cliche@0",
                format!("word-count@{b}").as_str(),
                format!("cliche@{c}").as_str()
            ]
        );
    }

    #[test]
    fn next_line_only() {
        let source = "<!-- letterlint-disable-next-line cliche -->\nteam player\nteam player\n";
        let first = source.find("team").unwrap();
        let second = source.rfind("team").unwrap();
        let out = kept(
            source,
            vec![
                diagnostic("cliche", Some(first..first + 4)),
                diagnostic("cliche", Some(second..second + 4)),
            ],
        );
        assert_eq!(out, [format!("cliche@{second}")]);
    }

    #[test]
    fn bare_disable_silences_every_rule_including_letter_wide() {
        let source = "<!-- letterlint-disable -->\ntext\n";
        assert!(kept(
            source,
            vec![
                diagnostic("missing-metrics", None),
                diagnostic("cliche", Some(30..31))
            ]
        )
        .is_empty());
        let closed = "<!-- letterlint-disable -->\ntext\n<!-- letterlint-enable -->\n";
        assert_eq!(
            kept(closed, vec![diagnostic("missing-metrics", None)]),
            ["missing-metrics@0"]
        );
    }

    #[test]
    fn tex_comments_hold_directives() {
        let source = "% letterlint-disable-next-line cliche, placeholder\nteam player\n";
        let comment = 0..source.find('\n').unwrap();
        let found = parse_tex(source, std::slice::from_ref(&comment));
        assert_eq!(found[0].directive, Some(Directive::DisableNextLine));
        let rules: Vec<&str> = found[0].rules.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(rules, ["cliche", "placeholder"]);
        let at = source.find("team").unwrap();
        assert!(silences(source, &found, "cliche", Some(&(at..at + 4))));
        let magic = "% letterlint: company = \"A\"";
        assert!(parse_tex(magic, std::slice::from_ref(&(0..magic.len()))).is_empty());
    }

    #[test]
    fn unknown_directive_is_kept_for_reporting() {
        let text = "<!-- letterlint-disabel cliche -->";
        let s = parse(text, std::slice::from_ref(&(0..text.len())));
        assert_eq!(s[0].directive, None);
        assert_eq!(s[0].word, "disabel");
    }
}
