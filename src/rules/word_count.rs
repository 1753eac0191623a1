use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::{BlockKind, Letter};
use serde::Deserialize;
use std::collections::BTreeMap;

/// A word range; a minimum above the maximum is refused when the config
/// is read.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(try_from = "WrittenBounds")]
pub struct Bounds {
    min: usize,
    max: usize,
}

/// Bounds as a config writes them, before they are checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenBounds {
    min: usize,
    max: usize,
}

#[derive(Debug, thiserror::Error)]
#[error("min ({min}) is above max ({max})")]
pub struct InvertedBounds {
    min: usize,
    max: usize,
}

impl TryFrom<WrittenBounds> for Bounds {
    type Error = InvertedBounds;

    fn try_from(WrittenBounds { min, max }: WrittenBounds) -> Result<Self, InvertedBounds> {
        if min > max {
            return Err(InvertedBounds { min, max });
        }
        Ok(Bounds { min, max })
    }
}

#[derive(Deserialize)]
#[serde(try_from = "Params")]
pub struct WordCount {
    bounds: Bounds,
    near: f64,
    over_full_at: f64,
    sections: BTreeMap<String, Bounds>,
}

/// The rule's `[params]`, before its bounds are checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    min: usize,
    max: usize,
    /// Within this share outside a bound the count is a near miss: info.
    near: f64,
    /// How far over the maximum, as a multiple of it, costs the whole
    /// penalty (4.0: a letter five times too long). Short of the minimum,
    /// the cost grows to the whole penalty at no words at all.
    over_full_at: f64,
    /// Bounds for the text under a heading, keyed by the heading's text
    /// (compared ignoring case): `"Day-one proposal" = { min = 100, max = 150 }`.
    #[serde(default)]
    sections: BTreeMap<String, Bounds>,
}

impl TryFrom<Params> for WordCount {
    type Error = InvertedBounds;

    fn try_from(params: Params) -> Result<Self, InvertedBounds> {
        let (min, max) = (params.min, params.max);
        Ok(WordCount {
            bounds: WrittenBounds { min, max }.try_into()?,
            near: params.near,
            over_full_at: params.over_full_at,
            sections: params.sections,
        })
    }
}

impl WordCount {
    pub fn new(params: WordCount) -> Self {
        params
    }

    /// How far outside its bounds a count is (a share of the bound it
    /// misses), and the share of the penalty that costs. The cost grows
    /// with the square of the distance: a near miss costs a point or two,
    /// a letter five times too long fails on its length alone.
    fn cost(&self, words: usize, bounds: Bounds) -> (f64, f64) {
        let words = words as f64;
        let (min, max) = (bounds.min as f64, bounds.max as f64);
        if words < min {
            let distance = (min - words) / min;
            (distance, distance.powi(2))
        } else {
            let distance = (words - max) / max.max(1.0);
            (distance, (distance / self.over_full_at).powi(2))
        }
    }

    /// A finding for a count outside its bounds: info when it is a near miss.
    fn priced(&self, finding: Finding, words: usize, bounds: Bounds) -> Finding {
        let (distance, strength) = self.cost(words, bounds);
        let finding = finding.strength(strength);
        if distance <= self.near {
            finding.mild()
        } else {
            finding
        }
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
        if total == 0 {
            findings.push(
                Finding::letter_wide(
                    "the letter has no prose: nothing here for a hiring manager to read",
                )
                .help("write the letter: what you built, what broke, what got better"),
            );
            return findings;
        }
        let letter_bounds = self.bounds;
        if let Some(by) = outside(total, letter_bounds) {
            let finding = Finding::letter_wide(format!(
                "the letter has {total} words ({by}); aim for {}–{}",
                letter_bounds.min, letter_bounds.max
            ))
            .help(if total < letter_bounds.min {
                "add the one story the letter is missing: what you did, what went wrong, what got better"
            } else {
                "cut to one story; breadth belongs on the resume"
            });
            findings.push(self.priced(finding, total, letter_bounds));
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
                let finding = Finding::at(
                    heading_block
                        .prose
                        .source_range(0..heading_block.text().len()),
                    format!(
                        "section \"{heading}\" has {words} words ({by}); aim for {}–{}",
                        bounds.min, bounds.max
                    ),
                )
                .label(format!("{words} words under this heading"));
                findings.push(self.priced(finding, words, bounds));
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
    fn the_cost_grows_with_the_distance() {
        let cost = |n: usize| {
            let findings = check("word-count", &words(n));
            (findings[0].strength, findings[0].mild)
        };
        // Within 15% of a bound: a near miss, nearly free.
        let (near, mild) = cost(440);
        assert!(mild && near < 0.01);
        let (short, mild) = cost(150);
        assert!(!mild && short > 0.1);
        // Five times too long costs the whole penalty; under, none at all does.
        assert_eq!(cost(2000).0, 1.0);
        assert!(cost(2000).0 > cost(800).0 && cost(800).0 > cost(500).0);
        assert!(cost(20).0 > cost(150).0);
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
            toml::from_str("min = 1\nmax = 1000\nnear = 0.15\nover_full_at = 4.0\nsections = { \"Day-one proposal\" = { min = 100, max = 150 } }").unwrap(),
        );
        let text = format!("{}\n\n## Day-one proposal\n\n{}\n", words(10), words(20));
        let letter = Letter::parse(&text, false).unwrap();
        let findings = rule.check(&letter, &crate::rules::Context::default());
        assert_eq!(findings.len(), 1);
        assert_eq!(&text[findings[0].span.clone().unwrap()], "Day-one proposal");
    }
}
