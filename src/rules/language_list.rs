use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::lexicon::{self, Mention, TechKind};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageList {
    /// More distinct programming languages than this is a list.
    max_languages: usize,
    /// Languages that do not count: they come along with any stack.
    ignore: Vec<String>,
}

impl LanguageList {
    pub fn new(params: LanguageList) -> Self {
        params
    }
}

impl Rule for LanguageList {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        let names = lexicon::technologies();
        let languages: Vec<&Mention> = letter
            .technologies
            .iter()
            .filter(|m| m.kind == TechKind::Language)
            .filter(|m| {
                !self
                    .ignore
                    .iter()
                    .any(|i| i.eq_ignore_ascii_case(names.name(m.tech)))
            })
            .collect();
        let mut distinct: Vec<usize> = Vec::new();
        for m in &languages {
            if !distinct.contains(&m.tech) {
                distinct.push(m.tech);
            }
        }
        if distinct.len() <= self.max_languages {
            return Vec::new();
        }
        let listed: Vec<&str> = distinct.iter().map(|&t| names.name(t)).collect();
        let message = format!(
            "{} programming languages named: {}",
            distinct.len(),
            listed.join(", ")
        );
        let (first, last) = (languages[0], languages[languages.len() - 1]);
        let sentence_of = |m: &Mention| {
            letter.blocks[m.block]
                .sentences
                .iter()
                .position(|s| s.start <= m.prose.start && m.prose.end <= s.end)
        };
        let one_sentence = first.block == last.block && sentence_of(first) == sentence_of(last);
        let finding = if one_sentence {
            Finding::at(first.span.start..last.span.end, message).label("a keyword list")
        } else {
            Finding::letter_wide(message)
        };
        vec![finding]
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, fires, spans};

    const ID: &str = "language-list";

    #[test]
    fn three_languages_in_one_sentence() {
        let text = "I am proficient in Java, Python, Go, Node.js and PHP.";
        assert_eq!(spans(ID, text), ["Java, Python, Go, Node.js and PHP"]);
        assert_eq!(
            check(ID, text)[0].message,
            "4 programming languages named: Java, Python, Go, PHP"
        );
    }

    #[test]
    fn spread_over_the_letter_is_letter_wide() {
        let text =
            "I wrote the worker in Go.\n\nThe admin tool is Python.\n\nI once shipped Kotlin.";
        let findings = check(ID, text);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].span, None);
        assert_eq!(
            findings[0].message,
            "3 programming languages named: Go, Python, Kotlin"
        );
    }

    #[test]
    fn two_languages_and_markup_are_fine() {
        assert!(!fires(ID, "I know Python, SQL, HTML, CSS and JavaScript."));
        assert!(!fires(ID, "I write Java and Kotlin, and Java again."));
        assert!(!fires(ID, "Let's go ahead; rust never sleeps."));
    }
}
