use super::rule::{verbatim, Context, Rule};
use crate::diagnostic::Finding;
use crate::fix::{Applicability, Fix};
use crate::letter::{Block, Letter};
use crate::phrases::PhraseSet;
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
    /// Which slots `--fix` fills, and from which declared field.
    fills: Fills,
    /// The labels of a template's instructions: "PARAGRAPH TWO:".
    instruction_labels: Vec<String>,
    /// What numbers such a label: "two", "first".
    instruction_numbers: Vec<String>,
}

/// The slots each field fills, written as a letter's slot reads once its
/// brackets are gone, case, `_` and `-` aside: "company name".
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fills {
    company: Vec<String>,
    role: Vec<String>,
    name: Vec<String>,
}

/// What a letter declares about itself, which a slot may be filled from.
#[derive(Clone, Copy)]
enum Declared {
    Company,
    Role,
    Name,
}

pub struct Placeholder {
    slot_words: Vec<String>,
    html_elements: Vec<String>,
    markers: PhraseSet,
    fills: Vec<(String, Declared)>,
    /// A label in capitals, and one in any case of two words or more.
    instructions: [Regex; 2],
}

/// An HTML tag; compiled only for letters with HTML in them.
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>").expect("valid regex"));

/// A bracketed phrase: `[…]` or `{…}` of 1 to 60 characters, or `<…>` of 1
/// to 61 starting with an ASCII letter, none holding its own brackets or a
/// line break.
#[derive(Debug, PartialEq)]
struct Bracketed {
    whole: Range<usize>,
    inner: Range<usize>,
    open: char,
}

/// Every bracketed phrase, left to right, never overlapping. A hand-written
/// scan: as a regex, sixty repetitions of a Unicode class cost more to
/// compile than linting a whole letter. Each opening bracket looks at most
/// 62 characters ahead, so the scan is linear.
fn bracketed(text: &str) -> Vec<Bracketed> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = text[at..].find(['[', '{', '<']) {
        let start = at + offset;
        let open = text[start..].chars().next().expect("found");
        let (close, other, min, max) = match open {
            '[' => (']', '[', 1, 60),
            '{' => ('}', '{', 1, 60),
            _ => ('>', '<', 1, 61),
        };
        let inner_start = start + 1;
        let mut end = None;
        for (count, (i, c)) in text[inner_start..].char_indices().enumerate() {
            let first_angle_not_letter = open == '<' && count == 0 && !c.is_ascii_alphabetic();
            if c == close && count >= min {
                end = Some(inner_start + i);
            }
            if end.is_some()
                || c == close
                || c == other
                || c == '\n'
                || count == max
                || first_angle_not_letter
            {
                break;
            }
        }
        match end {
            Some(end) => {
                found.push(Bracketed {
                    whole: start..end + 1,
                    inner: inner_start..end,
                    open,
                });
                at = end + 1;
            }
            None => at = inner_start,
        }
    }
    found
}

impl Placeholder {
    pub fn new(params: Params) -> Self {
        Placeholder {
            slot_words: params.slot_words.iter().map(|w| w.to_lowercase()).collect(),
            html_elements: params
                .html_elements
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            markers: PhraseSet::new(params.markers.into_iter().map(|m| (m, 0, true)), &[]),
            fills: [
                (params.fills.company, Declared::Company),
                (params.fills.role, Declared::Role),
                (params.fills.name, Declared::Name),
            ]
            .into_iter()
            .flat_map(|(slots, field)| slots.into_iter().map(move |s| (slot_words(&s), field)))
            .collect(),
            instructions: [true, false].map(|capitals| {
                instruction(
                    &params.instruction_labels,
                    &params.instruction_numbers,
                    capitals,
                )
            }),
        }
    }

    /// The fix that fills the slot `text` at `span` with what the letter
    /// declares: its front matter, or for the writer's name the config.
    /// None when the slot is not one of `fills`, nothing is declared, or the
    /// source does not spell the slot as its prose does (an escaped bracket).
    fn fill(
        &self,
        letter: &Letter,
        context: &Context,
        span: &Range<usize>,
        text: &str,
    ) -> Option<Fix> {
        if !verbatim(letter, span, text) {
            return None;
        }
        let inner = text.get(1..text.len().checked_sub(1)?)?;
        let words = slot_words(inner);
        let (_, field) = self.fills.iter().find(|(slot, _)| *slot == words)?;
        let front = &letter.front_matter;
        let value = match field {
            Declared::Company => front.company(),
            Declared::Role => front.role(),
            Declared::Name => front.name().or(context.name),
        };
        let value = value
            .map(str::trim)
            .filter(|v| !v.is_empty() && *v != text)?;
        Some(Fix::replace(Applicability::Safe, span.clone(), value))
    }

    /// A bracketed slot's finding, with the fix that fills it when the
    /// letter declares what goes there.
    fn bracketed_slot(
        &self,
        letter: &Letter,
        context: &Context,
        span: Range<usize>,
        text: &str,
    ) -> Finding {
        let fix = self.fill(letter, context, &span, text);
        let finding = slot(span, text);
        match fix {
            Some(fix) => finding.fix(fix),
            None => finding,
        }
    }

    /// "PARAGRAPH TWO:" and "Paragraph 1 –" where a line of the block
    /// starts: the label and its colon or dash.
    fn instructions(&self, block: &Block) -> Vec<Range<usize>> {
        let text = block.text();
        let starts = std::iter::once(0).chain(block.prose.line_starts.iter().copied());
        starts
            .filter_map(|start| {
                let [capitals, any_case] = &self.instructions;
                let caps = capitals.captures(&text[start..]).or_else(|| {
                    let caps = any_case.captures(&text[start..])?;
                    (caps["label"].split_whitespace().count() >= 2).then_some(caps)
                })?;
                let label = caps.name("instruction").expect("group");
                Some(start + label.start()..start + label.end())
            })
            .collect()
    }

    /// `TODO`, `TBD` and the like, and runs of `XX`/`xxx` standing for a
    /// number or a name, as whole words.
    fn markers(&self, block: &Block) -> Vec<Range<usize>> {
        let mut found: Vec<Range<usize>> = block.find(&self.markers).map(|m| m.range).collect();
        found.extend(block.words().iter().map(|w| w.start..w.end).filter(|w| {
            let word = &block.text()[w.clone()];
            (word.len() >= 2 && word.bytes().all(|b| b == b'X'))
                || (word.len() >= 3 && word.bytes().all(|b| b == b'x'))
        }));
        found.sort_by_key(|r| r.start);
        found
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

/// A slot's words as `fills` lists them: lower case, `_` and `-` as spaces.
fn slot_words(slot: &str) -> String {
    slot.to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A template's instruction at a line's start: a label of `labels`
/// (written in capitals when `capitals`), numbered or not, then a colon or
/// a dash, then the instruction's first letter. The `instruction` group is
/// the label and its colon or dash.
fn instruction(labels: &[String], numbers: &[String], capitals: bool) -> Regex {
    let words = |list: &[String]| {
        let list = list.iter().map(|w| match capitals {
            true => regex::escape(&w.to_uppercase()),
            false => regex::escape(w),
        });
        list.collect::<Vec<_>>().join("|")
    };
    let (label, number) = (words(labels), words(numbers));
    let number = format!(r"(?:{number}|\d{{1,2}})");
    let case = if capitals { "" } else { "(?i)" };
    Regex::new(&format!(
        r"^\s*(?P<instruction>(?P<label>{case}(?:{number}\s+)?\b(?:{label})(?:\s+(?:{label}))?(?:\s+{number})?\b)[ \t]*(?::|[-–—]{{1,3}}))[ \t]*\p{{L}}"
    ))
    .expect("the labels make a valid pattern")
}

fn slot(span: Range<usize>, text: &str) -> Finding {
    Finding::at(span, format!("unfilled template slot `{text}`"))
        .label("fill this in before sending")
}

impl Rule for Placeholder {
    fn check(&self, letter: &Letter, context: &Context) -> Vec<Finding> {
        let mut findings = Vec::new();
        for block in &letter.blocks {
            let text = block.text();
            for b in bracketed(text) {
                let inner = &text[b.inner];
                let is_slot = match b.open {
                    '[' => self.is_slot(inner, false),
                    '{' => self.is_slot(inner, true),
                    _ => {
                        // Angle brackets survive into prose only in plain text.
                        let name = inner
                            .split(|c: char| !c.is_alphanumeric())
                            .next()
                            .unwrap_or("");
                        !self.is_html(name)
                    }
                };
                if is_slot {
                    let whole = b.whole;
                    let span = block.prose.source_range(whole.clone());
                    findings.push(self.bracketed_slot(letter, context, span, &text[whole]));
                }
            }
            for m in self.markers(block) {
                findings.push(slot(block.prose.source_range(m.clone()), &text[m]));
            }
            for m in self.instructions(block) {
                let span = block.prose.source_range(m.clone());
                let message = format!("template instruction `{}` left in the letter", &text[m]);
                findings.push(
                    Finding::at(span, message).label("write what it asks for, then delete it"),
                );
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
                    let span = range.start + m.start()..range.start + m.end();
                    findings.push(self.bracketed_slot(letter, context, span, m.as_str()));
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
    use crate::twins::ascii_text;
    use proptest::prelude::*;
    use regex::Regex;

    /// The pattern the scan replaced, the reference it must agree with.
    fn bracketed_by_regex(text: &str) -> Vec<super::Bracketed> {
        let pattern =
            Regex::new(r"\[([^\[\]\n]{1,60})\]|\{([^{}\n]{1,60})\}|<([A-Za-z][^<>\n]{0,60})>")
                .unwrap();
        pattern
            .captures_iter(text)
            .map(|caps| {
                let whole = caps.get(0).unwrap();
                let (group, inner) = (1..=3).find_map(|g| caps.get(g).map(|m| (g, m))).unwrap();
                super::Bracketed {
                    whole: whole.range(),
                    inner: inner.range(),
                    open: ['[', '{', '<'][group - 1],
                }
            })
            .collect()
    }

    proptest! {
        #[test]
        fn the_scan_finds_what_the_pattern_finds(text in ascii_text()) {
            prop_assert_eq!(super::bracketed(&text), bracketed_by_regex(&text));
        }

        #[test]
        fn the_scan_finds_what_the_pattern_finds_in_any_text(text in "([\\[\\]{}<>a-zA-Z\n é€]{0,70}){0,4}") {
            prop_assert_eq!(super::bracketed(&text), bracketed_by_regex(&text));
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
    fn template_instructions_are_slots_and_headings_are_not() {
        let text = "Dear team,\n\nPARAGRAPH TWO: say why you want this job.\n\nParagraph 3 -- what you bring.\nOPENING: hook them.\n\n## Opening\n\nClosing: the queue held. Opening night went well.\n\nFirst paragraph – introduce yourself.";
        assert_eq!(
            spans("placeholder", text),
            [
                "PARAGRAPH TWO:",
                "Paragraph 3 --",
                "OPENING:",
                "First paragraph –"
            ]
        );
    }

    #[test]
    fn links_footnotes_task_boxes_and_code_are_not_slots() {
        let text = "Dear Ms. Oyelaran,\n\nSee [my post](https://example.com/a) and [ref].[^1]\n\n- [ ] run the suite\n- [x] read the docs\n\n```yaml\nlabels: {severity: page}\n```\n\nUse `{id}` here, <b>bold</b> and [sic] and [1].\n\n[^1]: A note.\n\n[ref]: https://example.com/r";
        assert_eq!(spans("placeholder", text), Vec::<&str>::new());
    }

    /// The text each fix writes, by the slot it fills.
    fn fills(text: &str, plain: bool, name: Option<&str>) -> Vec<(String, String)> {
        let letter = crate::letter::Letter::parse(text, plain).unwrap();
        let doc = crate::rules::doc("placeholder").unwrap();
        let rule =
            (crate::rules::builtin("placeholder").unwrap().build)(doc.params.clone()).unwrap();
        let context = crate::rules::Context {
            name,
            ..crate::rules::Context::default()
        };
        rule.check(&letter, &context)
            .into_iter()
            .filter_map(|f| {
                let edit = f.fix?.edits.pop()?;
                Some((text[edit.range].to_string(), edit.replacement))
            })
            .collect()
    }

    #[test]
    fn slots_are_filled_from_what_the_letter_declares() {
        let front = "+++\ncompany = \"Kestrel Pay\"\nrole = \"Backend Engineer\"\nname = \"Ana Ruiz\"\n+++\n";
        let text = format!("{front}Dear {{Company}} team,\n\nThe [Position] at [company_name] and <Company-Name>. [Name], [Title], [Hiring Manager], TODO.\n\nBest,\n[Your Name]");
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            fills(&text, false, None),
            pairs(&[
                ("{Company}", "Kestrel Pay"),
                ("[Position]", "Backend Engineer"),
                ("[company_name]", "Kestrel Pay"),
                ("<Company-Name>", "Kestrel Pay"),
                ("[Your Name]", "Ana Ruiz"),
            ])
        );
        // Plain text keeps `<company>` as prose; the config's name stands
        // in for the front matter's.
        let plain =
            "+++\ncompany = \"Kestrel Pay\"\n+++\nDear <company> team,\n\nBest,\n<Your Name>";
        assert_eq!(
            fills(plain, true, Some("Mara")),
            pairs(&[("<company>", "Kestrel Pay"), ("<Your Name>", "Mara")])
        );
    }

    #[test]
    fn nothing_declared_or_a_slot_spelt_otherwise_in_the_source_is_not_filled() {
        assert_eq!(fills("Dear [Company Name] team,", false, None), []);
        // Markdown reads `\[Company Name\]` as the slot; a fix would leave
        // the backslashes behind.
        let escaped = "+++\ncompany = \"Kestrel Pay\"\n+++\nDear \\[Company Name\\] team,";
        assert!(fires("placeholder", escaped));
        assert_eq!(fills(escaped, false, None), []);
    }

    #[test]
    fn plain_text_angle_slots() {
        let letter =
            crate::letter::Letter::parse("Dear team,\n\nBest,\n<Your Name>", true).unwrap();
        let doc = crate::rules::doc("placeholder").unwrap();
        let rule =
            (crate::rules::builtin("placeholder").unwrap().build)(doc.params.clone()).unwrap();
        assert_eq!(
            rule.check(&letter, &crate::rules::Context::default()).len(),
            1
        );
        assert!(!fires("placeholder", "XXL shirts and Xbox are fine."));
    }
}
