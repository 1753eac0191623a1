use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::Letter;
use crate::posting::normalize;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostingEcho {
    /// A run of this many consecutive words found in the posting is a copy.
    min_words: usize,
    /// This many of the posting's technologies, in the posting's order, is
    /// its stack list quoted back.
    min_technologies: usize,
}

impl PostingEcho {
    pub fn new(params: PostingEcho) -> Self {
        params
    }
}

impl Rule for PostingEcho {
    fn check(&self, letter: &Letter, context: &Context) -> Vec<Finding> {
        let Some(matched) = context.posting else {
            return Vec::new();
        };
        let posting = &matched.posting;
        let n = self.min_words.max(1);
        // Every n-word window of the posting, once: one pass over the letter
        // then finds copies, instead of comparing every pair of positions.
        let mut windows: HashMap<Vec<&str>, usize> = HashMap::new();
        for window in posting.words.windows(n) {
            windows
                .entry(window.iter().map(|(word, _)| word.as_str()).collect())
                .or_insert(window[0].1);
        }
        let mut findings = Vec::new();
        for block in &letter.blocks {
            let text = block.text();
            let words: Vec<(String, std::ops::Range<usize>)> = text
                .split_whitespace()
                .map(|w| {
                    let start = w.as_ptr() as usize - text.as_ptr() as usize;
                    (normalize(w), start..start + w.len())
                })
                .filter(|(w, _)| !w.is_empty())
                .collect();
            let mut i = 0;
            while i + n <= words.len() {
                let key: Vec<&str> = words[i..i + n].iter().map(|(w, _)| w.as_str()).collect();
                let Some(&line) = windows.get(&key) else {
                    i += 1;
                    continue;
                };
                // Extend the copy as far as consecutive windows keep matching.
                let mut end = i + n;
                while end < words.len() {
                    let next: Vec<&str> = words[end + 1 - n..=end]
                        .iter()
                        .map(|(w, _)| w.as_str())
                        .collect();
                    if !windows.contains_key(&next) {
                        break;
                    }
                    end += 1;
                }
                let span = block
                    .prose
                    .source_range(words[i].1.start..words[end - 1].1.end);
                findings.push(
                    Finding::at(
                        span,
                        format!(
                            "copies {} words from the posting (posting line {line})",
                            end - i
                        ),
                    )
                    .label("the posting's words, not yours"),
                );
                i = end;
            }
        }
        findings.extend(self.stack_list(letter, posting));
        findings
    }
}

impl PostingEcho {
    /// Names in one sentence of the letter that follow the order of one of
    /// the posting's stack lists: the list quoted back.
    fn stack_list(&self, letter: &Letter, posting: &crate::posting::Posting) -> Vec<Finding> {
        let mut findings = Vec::new();
        for (_, names) in letter.technologies_by_sentence() {
            // The longest run of the sentence's names that walks forward
            // through one posting list.
            let best = posting
                .stack_lists
                .iter()
                .filter_map(|(list, line)| {
                    let mut run: Vec<&crate::lexicon::Mention> = Vec::new();
                    let mut best: Vec<&crate::lexicon::Mention> = Vec::new();
                    let mut previous: Option<usize> = None;
                    for m in &names {
                        let position = list.iter().position(|t| *t == m.tech);
                        match position {
                            Some(p) if previous.is_none_or(|a| p > a) => run.push(m),
                            Some(_) => run = vec![m],
                            None => run.clear(),
                        }
                        previous = if run.is_empty() { None } else { position };
                        if run.len() > best.len() {
                            best = run.clone();
                        }
                    }
                    // A threshold of 0 in a user's config still needs a name.
                    (!best.is_empty() && best.len() >= self.min_technologies)
                        .then_some((best, *line))
                })
                .max_by_key(|(run, _)| run.len());
            if let Some((run, line)) = best {
                findings.push(
                    Finding::at(
                        run[0].span.start..run[run.len() - 1].span.end,
                        format!("lists {} of the posting's technologies in the posting's order (posting line {line})", run.len()),
                    )
                    .label("their stack list, quoted back"),
                );
            }
        }
        findings
    }
}
