use super::Rule;
use crate::diagnostic::Finding;
use crate::letter::Letter;
use regex::Regex;
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Words that make a bracketed phrase a slot even when it is lower-case.
    slot_words: Vec<String>,
    /// Stand-ins that are slots wherever they appear (case-sensitive).
    markers: Vec<String>,
    /// Real HTML elements: `<br>` is markup, `<Company>` a slot.
    html_elements: Vec<String>,
}

pub struct Placeholder {
    slot_words: Vec<String>,
    html_elements: Vec<String>,
    markers: Regex,
}

/// `[…]`, `{…}` and `<…>` of up to 60 characters.
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[([^\[\]\n]{1,60})\]|\{([^{}\n]{1,60})\}|<([A-Za-z][^<>\n]{0,60})>")
        .expect("valid regex")
});

/// BRACKETED for all-ASCII text, where it matches the same: each class cut
/// to its ASCII members compiles many times faster than sixty copies of a
/// Unicode class (see the ASCII twins in `metrics.rs`).
static BRACKETED_ASCII: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\[([[:ascii:]&&[^\[\]\n]]{1,60})\]|\{([[:ascii:]&&[^{}\n]]{1,60})\}|<([A-Za-z][[:ascii:]&&[^<>\n]]{0,60})>",
    )
    .expect("valid regex")
});

/// An HTML tag; compiled only for letters with HTML in them.
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>").expect("valid regex"));

impl Placeholder {
    pub fn new(params: Params) -> Self {
        let markers = params
            .markers
            .iter()
            .map(|m| format!(r"\b{}\b", regex::escape(m)))
            .collect::<Vec<_>>()
            .join("|");
        Placeholder {
            slot_words: params.slot_words.iter().map(|w| w.to_lowercase()).collect(),
            html_elements: params
                .html_elements
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            markers: Regex::new(&format!(r"{markers}|\bX{{2,}}\b|\bx{{3,}}\b"))
                .expect("markers are escaped"),
        }
    }

    /// `[Company Name]`, `[your name]`, `{Hiring Manager}`: a slot. `[sic]`,
    /// `[1]`, `[ ]`: not.
    fn is_slot(&self, inner: &str, brace: bool) -> bool {
        let inner = inner.trim();
        if inner.starts_with('^') || !inner.chars().any(char::is_alphabetic) {
            return false;
        }
        if brace {
            return true;
        }
        let capitalised = inner.chars().next().is_some_and(char::is_uppercase) && inner.len() > 1;
        capitalised
            || inner
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| self.slot_words.contains(&w.to_lowercase()))
    }

    fn is_html(&self, name: &str) -> bool {
        self.html_elements.contains(&name.to_lowercase())
    }
}

fn slot(span: Range<usize>, text: &str) -> Finding {
    Finding::at(span, format!("unfilled template slot `{text}`"))
        .label("fill this in before sending")
}

impl Rule for Placeholder {
    fn check(&self, letter: &Letter) -> Vec<Finding> {
        let mut findings = Vec::new();
        for block in &letter.blocks {
            let text = block.text();
            let bracketed = if text.is_ascii() {
                &BRACKETED_ASCII
            } else {
                &BRACKETED
            };
            for caps in bracketed.captures_iter(text) {
                let whole = caps.get(0).expect("match");
                let is_slot = if let Some(inner) = caps.get(1) {
                    self.is_slot(inner.as_str(), false)
                } else if let Some(inner) = caps.get(2) {
                    self.is_slot(inner.as_str(), true)
                } else {
                    // Angle brackets survive into prose only in plain text.
                    let inner = caps.get(3).map_or("", |m| m.as_str());
                    let name = inner
                        .split(|c: char| !c.is_alphanumeric())
                        .next()
                        .unwrap_or("");
                    !self.is_html(name)
                };
                if is_slot {
                    findings.push(slot(
                        block.prose.source_range(whole.range()),
                        whole.as_str(),
                    ));
                }
            }
            for m in self.markers.find_iter(text) {
                findings.push(slot(block.prose.source_range(m.range()), m.as_str()));
            }
        }
        // Markdown reads `<Your Name>` as an HTML tag named "Your".
        for range in &letter.html {
            let html = &letter.source[range.clone()];
            if html.trim_start().starts_with("<!--") {
                continue;
            }
            for caps in TAG.captures_iter(html) {
                if caps[1].is_empty() && !self.is_html(&caps[2]) {
                    let m = caps.get(0).expect("match");
                    findings.push(slot(
                        range.start + m.start()..range.start + m.end(),
                        m.as_str(),
                    ));
                }
            }
        }
        findings.sort_by_key(|f| f.span.as_ref().map(|s| s.start));
        findings
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::twins::{ascii_text, matches};
    use crate::rules::testing::{fires, spans};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_ascii_twin_matches_what_the_pattern_matches(text in ascii_text()) {
            prop_assert_eq!(
                matches(&super::BRACKETED, &text),
                matches(&super::BRACKETED_ASCII, &text)
            );
        }
    }

    #[test]
    fn every_slot_shape() {
        let text = "Dear {Hiring Manager},\n\nI want to join [Company Name] and [your team]. It cut runtime by XX%. TODO: add number. We expand into XXX.\n\nBest,\n<Your Name>";
        assert_eq!(
            spans("placeholder", text),
            [
                "{Hiring Manager}",
                "[Company Name]",
                "[your team]",
                "XX",
                "TODO",
                "XXX",
                "<Your Name>"
            ]
        );
    }

    #[test]
    fn links_footnotes_task_boxes_and_code_are_not_slots() {
        let text = "Dear Ms. Oyelaran,\n\nSee [my post](https://example.com/a) and [ref].[^1]\n\n- [ ] run the suite\n- [x] read the docs\n\n```yaml\nlabels: {severity: page}\n```\n\nUse `{id}` here, <b>bold</b> and [sic] and [1].\n\n[^1]: A note.\n\n[ref]: https://example.com/r";
        assert_eq!(spans("placeholder", text), Vec::<&str>::new());
    }

    #[test]
    fn plain_text_angle_slots() {
        let letter =
            crate::letter::Letter::parse("Dear team,\n\nBest,\n<Your Name>", true).unwrap();
        let doc = crate::rules::doc("placeholder").unwrap();
        let rule =
            (crate::rules::builtin("placeholder").unwrap().build)(doc.params.clone()).unwrap();
        assert_eq!(rule.check(&letter).len(), 1);
        assert!(!fires("placeholder", "XXL shirts and Xbox are fine."));
    }
}
