use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::{BlockKind, Letter};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    min: usize,
    max: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordCount {
    min: usize,
    max: usize,
    /// Bounds for the text under a heading, keyed by the heading's text
    /// (compared ignoring case): `"Day-one proposal" = { min = 100, max = 150 }`.
    #[serde(default)]
    sections: BTreeMap<String, Bounds>,
}

impl WordCount {
    pub fn new(params: WordCount) -> Self {
        params
    }
}

fn outside(words: usize, bounds: Bounds) -> Option<String> {
    if words < bounds.min {
        Some(format!(
            "{} words short of {}",
            bounds.min - words,
            bounds.min
        ))
    } else if words > bounds.max {
        Some(format!("{} words over {}", words - bounds.max, bounds.max))
    } else {
        None
    }
}

impl Rule for WordCount {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        let mut findings = Vec::new();
        let total = letter.word_count();
        let letter_bounds = Bounds {
            min: self.min,
            max: self.max,
        };
        if let Some(by) = outside(total, letter_bounds) {
            findings.push(
                Finding::letter_wide(format!(
                    "the letter has {total} words ({by}); aim for {}–{}",
                    self.min, self.max
                ))
                .help(if total < self.min {
                    "add the one story the letter is missing: what you did, what went wrong, what got better"
                } else {
                    "cut to one story; breadth belongs on the resume"
                }),
            );
        }
        for section in &letter.sections {
            let Some(heading) = &section.heading else {
                continue;
            };
            let Some((_, &bounds)) = self
                .sections
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(heading))
            else {
                continue;
            };
            let blocks = &letter.blocks[section.blocks.clone()];
            let words: usize = blocks
                .iter()
                .filter(|b| b.kind != BlockKind::Heading)
                .map(|b| b.word_count())
                .sum();
            if let Some(by) = outside(words, bounds) {
                let heading_block = &blocks[0];
                findings.push(
                    Finding::at(
                        heading_block
                            .prose
                            .source_range(0..heading_block.text().len()),
                        format!(
                            "section \"{heading}\" has {words} words ({by}); aim for {}–{}",
                            bounds.min, bounds.max
                        ),
                    )
                    .label(format!("{words} words under this heading")),
                );
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::check;

    fn words(n: usize) -> String {
        vec!["word"; n].join(" ")
    }

    #[test]
    fn bounds_are_inclusive() {
        assert!(check("word-count", &words(250)).is_empty());
        assert!(check("word-count", &words(400)).is_empty());
        let short = check("word-count", &words(249));
        assert_eq!(
            short[0].message,
            "the letter has 249 words (1 words short of 250); aim for 250–400"
        );
        assert_eq!(check("word-count", &words(401)).len(), 1);
    }

    #[test]
    fn code_and_front_matter_do_not_count() {
        let text = format!(
            "+++\ncompany = \"A\"\n+++\n{}\n\n```\n{}\n```\n",
            words(300),
            words(200)
        );
        assert!(check("word-count", &text).is_empty());
    }

    #[test]
    fn section_bounds() {
        use crate::letter::Letter;
        use crate::rules::Rule;
        let rule = super::WordCount::new(
            toml::from_str("min = 1\nmax = 1000\nsections = { \"Day-one proposal\" = { min = 100, max = 150 } }").unwrap(),
        );
        let text = format!("{}\n\n## Day-one proposal\n\n{}\n", words(10), words(20));
        let letter = Letter::parse(&text, false).unwrap();
        let findings = rule.check(&letter, &crate::rules::Context::default());
        assert_eq!(findings.len(), 1);
        assert_eq!(&text[findings[0].span.clone().unwrap()], "Day-one proposal");
    }
}
