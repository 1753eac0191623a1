use super::Rule;
use crate::diagnostic::Finding;
use crate::letter::Letter;
use regex::Regex;
use serde::Deserialize;
use std::ops::Range;

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
    bracketed: Regex,
    markers: Regex,
    tag: Regex,
}

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
            bracketed: Regex::new(
                r"\[([^\[\]\n]{1,60})\]|\{([^{}\n]{1,60})\}|<([A-Za-z][^<>\n]{0,60})>",
            )
            .expect("valid regex"),
            markers: Regex::new(&format!(r"{markers}|\bX{{2,}}\b|\bx{{3,}}\b"))
                .expect("markers are escaped"),
            tag: Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>").expect("valid regex"),
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
            for caps in self.bracketed.captures_iter(text) {
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
            for caps in self.tag.captures_iter(html) {
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
    use crate::rules::testing::{fires, spans};

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
