use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::{Block, Letter};
use crate::posting::{normalize, quotations, NameList, Posting};
use serde::Deserialize;
use std::collections::HashMap;
use std::ops::Range;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostingEcho {
    /// A run of this many consecutive words found in the posting is a copy.
    min_words: usize,
    /// This many of the names a posting lists, in the posting's order, is
    /// its list quoted back.
    min_technologies: usize,
    /// Most words between two names of one quoted-back list.
    max_gap: usize,
}

impl PostingEcho {
    pub fn new(params: PostingEcho) -> Self {
        params
    }
}

/// A block's words, normalised, with their prose ranges; the words inside
/// a quotation are left out: what the letter quotes it says is the
/// posting's.
fn own_words(block: &Block) -> Vec<(String, Range<usize>)> {
    let text = block.text();
    let quoted = quotations(text);
    text.split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            (normalize(w), start..start + w.len())
        })
        .filter(|(w, range)| {
            !w.is_empty()
                && !quoted
                    .iter()
                    .any(|q| q.start <= range.start && range.end <= q.end)
        })
        .collect()
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
            let words = own_words(block);
            findings.extend(self.copies(block, &words, &windows));
            findings.extend(self.lists(block, &words, posting));
        }
        findings
    }
}

impl PostingEcho {
    /// Runs of `min_words` or more words that stand in the posting:
    /// `windows` holds each of its runs of that many words, with its line.
    fn copies(
        &self,
        block: &Block,
        words: &[(String, Range<usize>)],
        windows: &HashMap<Vec<&str>, usize>,
    ) -> Vec<Finding> {
        let n = self.min_words.max(1);
        let key = |range: Range<usize>| -> Vec<&str> {
            words[range].iter().map(|(w, _)| w.as_str()).collect()
        };
        let mut findings = Vec::new();
        let mut i = 0;
        while i + n <= words.len() {
            let Some(&line) = windows.get(&key(i..i + n)) else {
                i += 1;
                continue;
            };
            // Extend the copy as far as consecutive windows keep matching.
            let mut end = i + n;
            while end < words.len() && windows.contains_key(&key(end + 1 - n..end + 1)) {
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
        findings
    }

    /// The longest run of one of the posting's name lists that the block
    /// walks forward through, names at most `max_gap` words apart, across
    /// sentences: "Go, Postgres and Kafka. Kubernetes too."
    fn lists(
        &self,
        block: &Block,
        words: &[(String, Range<usize>)],
        posting: &Posting,
    ) -> Vec<Finding> {
        let best = posting
            .name_lists
            .iter()
            .map(|list| (self.longest_run(words, list), list.line))
            .max_by_key(|(run, _)| run.len());
        let Some((run, line)) = best else {
            return Vec::new();
        };
        // A threshold of 0 in a user's config still needs a name.
        if run.is_empty() || run.len() < self.min_technologies {
            return Vec::new();
        }
        let span = words[run[0].start].1.start..words[run[run.len() - 1].end - 1].1.end;
        vec![Finding::at(
            block.prose.source_range(span),
            format!(
                "lists {} of the posting's names in the posting's order (posting line {line})",
                run.len()
            ),
        )
        .label("their list, quoted back")]
    }

    /// Word ranges of the names found, each after the one before it in the
    /// list and close behind it in the letter.
    fn longest_run(&self, words: &[(String, Range<usize>)], list: &NameList) -> Vec<Range<usize>> {
        // Each place a name of the list stands: (words, position in list).
        let mut found: Vec<(Range<usize>, usize)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let hit = list.names.iter().enumerate().find(|(_, name)| {
                words.len() - i >= name.len()
                    && name.iter().zip(&words[i..]).all(|(n, (w, _))| n == w)
            });
            match hit {
                Some((position, name)) => {
                    found.push((i..i + name.len(), position));
                    i += name.len();
                }
                None => i += 1,
            }
        }
        let mut best: Vec<Range<usize>> = Vec::new();
        let mut run: Vec<Range<usize>> = Vec::new();
        let mut previous: Option<(usize, usize)> = None; // (end word, list position)
        for (range, position) in found {
            let follows =
                previous.is_some_and(|(end, p)| position > p && range.start - end <= self.max_gap);
            if !follows {
                run.clear();
            }
            previous = Some((range.end, position));
            run.push(range);
            if run.len() > best.len() {
                best = run.clone();
            }
        }
        best
    }
}
