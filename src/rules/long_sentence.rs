use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::{BlockKind, Letter};
use crate::text::count_words;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LongSentence {
    /// A sentence with more words than this is hard to read in one pass.
    max_words: usize,
}

impl LongSentence {
    pub fn new(params: LongSentence) -> Self {
        params
    }
}

impl Rule for LongSentence {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        letter
            .sentences()
            // A table's cells run together into one "sentence"; it is not prose.
            .filter(|(block, _)| block.kind != BlockKind::Table)
            .filter_map(|(block, range)| {
                let words = count_words(block.sentence_text(&range));
                (words > self.max_words).then(|| {
                    Finding::at(
                        block.prose.source_range(range),
                        format!("a sentence of {words} words"),
                    )
                    .label(format!("{words} words"))
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, fires, spans};

    const ID: &str = "long-sentence";

    fn words(n: usize) -> String {
        let mut s = vec!["Word"; n].join(" ");
        s.push('.');
        s
    }

    #[test]
    fn over_the_limit_fires_on_the_sentence() {
        let long = words(41);
        let text = format!("Short one. {long} Another short one.");
        assert_eq!(spans(ID, &text), [long.as_str()]);
        assert_eq!(check(ID, &text)[0].label.as_deref(), Some("41 words"));
    }

    #[test]
    fn at_the_limit_does_not() {
        assert!(!fires(ID, &words(40)));
    }

    #[test]
    fn code_and_markup_are_not_words() {
        let code = vec!["`x`"; 30].join(" ");
        let text = format!("{} {code} - - - & &.", vec!["word"; 35].join(" "));
        assert!(!fires(ID, &text));
    }
}
