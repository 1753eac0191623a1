//! Technologies listed as an inventory. A stretch of text (a sentence, a
//! table, a bullet item) is read as pieces between list separators; a
//! list is a run of pieces that are each a technology, a name the lexicon
//! lacks (short, capitalised or with digits), a label ("Databases:") or a
//! joining word. Any other word ends the list: names inside a story are
//! joined by verbs and objects, so they never form one.

mod lists;

use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::{Block, BlockKind, Letter, Part};
use crate::lexicon::Mention;
use lists::{List, Name, Shapes};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::ops::Range;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StackSoup {
    /// Names in one list that make it an inventory.
    min_run: usize,
    /// Known technologies a list needs before names the lexicon lacks
    /// count in it; those may be at most as many as the known ones.
    min_known: usize,
    /// Distinct names in one sentence, however they are joined.
    max_per_sentence: usize,
    /// Words that may stand between two names of a list.
    joiners: Vec<String>,
    /// Capitalised words that are never part of a name ("I", "The").
    not_names: Vec<String>,
    /// Most words in one name the lexicon lacks.
    max_name_words: usize,
    /// Most words in a label before a colon, a table cell's edge or a
    /// parenthesis ("Cloud and infrastructure:").
    max_label_words: usize,
}

impl StackSoup {
    pub fn new(params: StackSoup) -> Self {
        params
    }

    /// Reads `text` (with the technologies in it, in order) into lists.
    fn read(&self, text: &str, names: &[Name]) -> lists::Reading {
        Shapes {
            joiners: &self.joiners,
            not_names: &self.not_names,
            max_name_words: self.max_name_words,
            max_label_words: self.max_label_words,
        }
        .read(text, names)
    }

    /// A list of `min_run` known names, or one that enough known names
    /// anchor; names glued to the story after it do not count toward it.
    fn is_inventory(&self, list: &List) -> bool {
        let known = list.known.len();
        known >= self.min_run
            || (known >= self.min_known
                && list.size() - list.edge >= self.min_run
                && list.unknown <= known)
    }
}

/// `n` as a message spells it: "four technologies", "12 technologies".
fn spelled_out(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS.get(n).map_or(n.to_string(), |w| w.to_string())
}

impl Rule for StackSoup {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        let mut findings = Vec::new();
        let covered = self.bare_blocks(letter, &mut findings);
        let mut metrics = letter.metrics.iter().peekable();
        for (index, block) in letter.blocks.iter().enumerate() {
            let mentions = letter.technologies_in(index);
            if covered[index] || mentions.is_empty() {
                continue;
            }
            if block.kind == BlockKind::Table {
                // A table's prose loses its cell edges: read its source.
                let names = names_in(mentions, block.range.start, |m| &m.span);
                let reading = self.read(&letter.source[block.range.clone()], &names);
                for list in reading.lists.iter().filter(|l| self.is_inventory(l)) {
                    let range = list.range.clone().expect("a list has items");
                    findings.push(inventory(
                        block.range.start + range.start..block.range.start + range.end,
                        list,
                        "listed in a table",
                        "a skills section, not a story",
                    ));
                }
                continue;
            }
            let in_block: Vec<_> = std::iter::from_fn(|| metrics.next_if(|m| m.block <= index))
                .filter(|m| m.block == index)
                .collect();
            self.read_sentences(block, mentions, &in_block, &mut findings);
        }
        findings.sort_by_key(|f| f.span.as_ref().map(|s| s.start));
        findings
    }
}

impl StackSoup {
    /// Sentence by sentence: lists, then six names crammed in however they
    /// are joined, unless the sentence reports a measured outcome (a story
    /// tying its tools to what they achieved).
    fn read_sentences(
        &self,
        block: &Block,
        mentions: &[Mention],
        metrics: &[&crate::metrics::Metric],
        findings: &mut Vec<Finding>,
    ) {
        // Label lines are read as one list: "Languages: Go, Rust" over
        // "Databases: Postgres, Redis" names four.
        let whole = 0..block.text().len();
        let sentences = if block.label_lines {
            std::slice::from_ref(&whole)
        } else {
            &block.sentences[..]
        };
        let mut next = 0;
        for sentence in sentences {
            while mentions
                .get(next)
                .is_some_and(|m| m.prose.start < sentence.start)
            {
                next += 1;
            }
            let inside: Vec<&Mention> = mentions[next..]
                .iter()
                .take_while(|m| m.prose.end <= sentence.end)
                .collect();
            if inside.is_empty() {
                continue;
            }
            let names = names_in(inside.iter().copied(), sentence.start, |m| &m.prose);
            let reading = self.read(block.sentence_text(sentence), &names);
            let source = |r: Range<usize>| {
                block
                    .prose
                    .source_range(sentence.start + r.start..sentence.start + r.end)
            };
            let mut reported = false;
            for list in reading.lists.iter().filter(|l| self.is_inventory(l)) {
                let range = source(list.range.clone().expect("a list has items"));
                findings.push(inventory(
                    range,
                    list,
                    "listed as an inventory",
                    "a list, not a story",
                ));
                reported = true;
            }
            let distinct: BTreeSet<usize> = inside.iter().map(|m| m.tech).collect();
            let span = source(0..sentence.len());
            let story = metrics
                .iter()
                .any(|m| span.start <= m.span.start && m.span.end <= span.end);
            if !reported && !story && distinct.len() >= self.max_per_sentence {
                let span = inside[0].span.start..inside[inside.len() - 1].span.end;
                findings.push(
                    Finding::at(
                        span,
                        format!(
                            "{} technologies named in one sentence",
                            spelled_out(distinct.len())
                        ),
                    )
                    .label("an inventory, however it is joined"),
                );
            }
        }
    }

    /// Runs of two or more blocks that are nothing but lists: items of one
    /// bullet list, or consecutive body paragraphs such as "Languages: Go,
    /// Rust" lines. Says, for each block, whether a run it reported holds it.
    fn bare_blocks(&self, letter: &Letter, findings: &mut Vec<Finding>) -> Vec<bool> {
        let mut covered = vec![false; letter.blocks.len()];
        let mut run: Vec<usize> = Vec::new();
        let mut merged = List::default();
        let mut key = None;
        let mut flush = |run: &mut Vec<usize>, merged: &mut List, covered: &mut Vec<bool>| {
            let list = std::mem::take(merged);
            if run.len() >= 2 && self.is_inventory(&list) {
                let range = list.range.clone().expect("a list has items");
                let bullets = matches!(letter.blocks[run[0]].kind, BlockKind::ListItem { .. });
                let (what, label) = if bullets {
                    (
                        "listed as bare bullet items",
                        "a skills section, not a story",
                    )
                } else {
                    ("listed as an inventory", "a skills section, not a story")
                };
                findings.push(inventory(range, &list, what, label));
                for &block in run.iter() {
                    covered[block] = true;
                }
            }
            run.clear();
        };
        for (index, block) in letter.blocks.iter().enumerate() {
            let this_key = match block.kind {
                BlockKind::ListItem { list, .. } => Some(Some(list)),
                BlockKind::Paragraph if block.part == Part::Body => Some(None),
                _ => None,
            };
            let mentions = letter.technologies_in(index);
            let reading = this_key.map(|_| {
                let names = names_in(mentions, 0, |m| &m.prose);
                self.read(block.text(), &names)
            });
            // A paragraph joins a run only with a technology of its own.
            let bare = reading.as_ref().is_some_and(|r| r.bare)
                && (this_key != Some(None) || !mentions.is_empty());
            if !bare || this_key != key {
                flush(&mut run, &mut merged, &mut covered);
            }
            key = this_key;
            if let (true, Some(mut reading)) = (bare, reading) {
                let mut list = reading.lists.pop().expect("a bare block is one list");
                list.range = list.range.map(|r| block.prose.source_range(r));
                merged.merge(list);
                run.push(index);
            }
        }
        flush(&mut run, &mut merged, &mut covered);
        covered
    }
}

/// The mentions as names in a text that starts at `offset` of the range
/// `range` picks (prose or source).
fn names_in<'m>(
    mentions: impl IntoIterator<Item = &'m Mention>,
    offset: usize,
    range: impl Fn(&Mention) -> &Range<usize>,
) -> Vec<Name> {
    mentions
        .into_iter()
        .map(|m| {
            let r = range(m);
            Name {
                range: r.start - offset..r.end - offset,
                tech: m.tech,
            }
        })
        .collect()
}

/// The finding for one list, counting every name in it.
fn inventory(span: Range<usize>, list: &List, what: &str, label: &str) -> Finding {
    Finding::at(
        span,
        format!("{} technologies {what}", spelled_out(list.size())),
    )
    .label(label)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, fires, spans};

    #[test]
    fn comma_inventory() {
        let text = "I work mainly in Java, Kotlin, Spring Boot, MySQL and Redis.";
        assert_eq!(
            spans("stack-soup", text),
            ["Java, Kotlin, Spring Boot, MySQL and Redis"]
        );
        assert_eq!(
            check("stack-soup", text)[0].message,
            "five technologies listed as an inventory"
        );
    }

    #[test]
    fn six_in_one_sentence_joined_by_words() {
        let text = "My work has touched Go and Rust on the service side, Postgres plus Redis for storage, Kafka with Flink for streaming, and Kubernetes for deployment.";
        assert_eq!(
            check("stack-soup", text)[0].message,
            "seven technologies named in one sentence"
        );
    }

    #[test]
    fn names_inside_a_story_are_not_soup() {
        let text = "I rewrote the Kafka consumer in Go so that it read change events straight from Postgres's replication slot and patched fields in Elasticsearch, instead of round-tripping through the Rails API.";
        assert!(!fires("stack-soup", text));
    }

    #[test]
    fn code_never_counts() {
        let text = "Our deploy path (`terraform`, `helm`, `argocd` and `kubectl` scripts) worked.\n\n```yaml\npostgres: {}\nredis: {}\nkafka: {}\nclickhouse: {}\n```\n";
        assert!(!fires("stack-soup", text));
    }

    #[test]
    fn bare_bullet_items() {
        let text = "Tools I use every day:\n\n- Terraform\n- Ansible\n- Jenkins\n- Docker\n\nThen a paragraph.";
        assert_eq!(
            check("stack-soup", text)[0].message,
            "four technologies listed as bare bullet items"
        );
        let story = "- Built a quoting API on Java and Postgres at 120 ms p99.\n- Moved Kafka consumers to Go.\n- Ran Redis.\n";
        assert!(!fires("stack-soup", story));
    }

    #[test]
    fn list_shapes() {
        for (text, message) in [
            (
                "I know databases (PostgreSQL, MySQL, Redis), clouds (AWS, GCP) well.",
                "five technologies listed as an inventory",
            ),
            ("We ran on AWS (EC2, S3, Lambda, RDS).", "five technologies listed as an inventory"),
            (
                "Languages: Go, Rust\nDatabases: Postgres, Redis",
                "four technologies listed as an inventory",
            ),
            (
                "| Area | Tools |\n|---|---|\n| Languages | Go, Rust |\n| Data | Postgres, Redis |\n",
                "four technologies listed in a table",
            ),
            (
                "- Languages: Go, Rust\n- Data: Postgres, Redis\n",
                "four technologies listed as bare bullet items",
            ),
        ] {
            let found = check("stack-soup", text);
            assert_eq!(found.len(), 1, "{text:?}");
            assert_eq!(found[0].message, message, "{text:?}");
        }
    }

    #[test]
    fn unknown_names_count_once_known_names_anchor_the_list() {
        let text = "I work with Python, Frobnicate, Go, Quillmesh, Redis and Kafka.";
        assert_eq!(
            check("stack-soup", text)[0].message,
            "six technologies listed as an inventory"
        );
        assert!(!fires(
            "stack-soup",
            "I sold to Acme, Globex, Initech and Hooli with Go."
        ));
        // A name glued to the story after the list is counted, but does
        // not make three names four.
        assert!(!fires(
            "stack-soup",
            "I write Go, Postgres and Redis, Monday to Friday."
        ));
    }

    #[test]
    fn a_sentence_with_measured_outcomes_is_a_story() {
        let text = "I moved search from Solr to Elasticsearch to cut p99 from 900 ms to 120 ms, put Redis before Postgres, and replaced cron with Airflow and Kafka.";
        assert!(!fires("stack-soup", text));
    }

    #[test]
    fn three_is_not_an_inventory() {
        assert!(!fires("stack-soup", "I write Go, Postgres and Redis."));
    }
}
