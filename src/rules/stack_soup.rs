use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::{BlockKind, Letter};
use crate::lexicon::Mention;
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StackSoup {
    /// Distinct names separated only by commas, "and", "or", slashes…
    min_run: usize,
    /// Distinct names in one sentence, however they are joined.
    max_per_sentence: usize,
    /// Words that may stand between two names of an inventory.
    joiners: Vec<String>,
}

impl StackSoup {
    pub fn new(params: StackSoup) -> Self {
        params
    }

    /// True when only punctuation and joining words lie between two names.
    fn only_joiners(&self, gap: &str) -> bool {
        gap.split(|c: char| c.is_whitespace() || ",;/&+()·|".contains(c))
            .filter(|w| !w.is_empty())
            .all(|w| self.joiners.iter().any(|j| j.eq_ignore_ascii_case(w)))
    }
}

fn distinct(mentions: &[&Mention]) -> usize {
    mentions
        .iter()
        .map(|m| m.tech)
        .collect::<BTreeSet<_>>()
        .len()
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
        // Sentence by sentence: runs of names joined only by separators.
        for (block, names) in letter.technologies_by_sentence() {
            let mut runs: Vec<Vec<&Mention>> = Vec::new();
            for m in &names {
                match runs.last_mut() {
                    Some(run)
                        if self.only_joiners(
                            &block.text()[run.last().expect("non-empty").prose.end..m.prose.start],
                        ) =>
                    {
                        run.push(m)
                    }
                    _ => runs.push(vec![m]),
                }
            }
            let mut reported = false;
            for run in runs.iter().filter(|r| distinct(r) >= self.min_run) {
                let span = run[0].span.start..run[run.len() - 1].span.end;
                findings.push(
                    Finding::at(
                        span,
                        format!(
                            "{} technologies listed as an inventory",
                            spelled_out(distinct(run))
                        ),
                    )
                    .label("a list, not a story"),
                );
                reported = true;
            }
            // A user may set a threshold to 0: a sentence without names
            // is still no inventory (and has no span to point at).
            if !reported && !names.is_empty() && distinct(&names) >= self.max_per_sentence {
                let span = names[0].span.start..names[names.len() - 1].span.end;
                findings.push(
                    Finding::at(
                        span,
                        format!(
                            "{} technologies named in one sentence",
                            spelled_out(distinct(&names))
                        ),
                    )
                    .label("an inventory, however it is joined"),
                );
            }
        }
        // Bullet lists whose items are nothing but names.
        let mut run: Vec<usize> = Vec::new();
        let mut flush = |run: &mut Vec<usize>| {
            let names: Vec<&Mention> = run
                .iter()
                .flat_map(|&block| letter.technologies_in(block))
                .collect();
            if !names.is_empty() && distinct(&names) >= self.min_run {
                let span = names[0].span.start..names[names.len() - 1].span.end;
                findings.push(
                    Finding::at(
                        span,
                        format!(
                            "{} technologies listed as bare bullet items",
                            spelled_out(distinct(&names))
                        ),
                    )
                    .label("a skills section, not a story"),
                );
            }
            run.clear();
        };
        let mut current_list = None;
        for (index, block) in letter.blocks.iter().enumerate() {
            let BlockKind::ListItem { list, .. } = block.kind else {
                flush(&mut run);
                current_list = None;
                continue;
            };
            let names = letter.technologies_in(index);
            // The item's text with each name replaced by a space, built from
            // the gaps between names in one pass.
            let text = block.text();
            let mut rest = String::with_capacity(text.len());
            let mut at = 0;
            for m in names {
                rest.push_str(&text[at..m.prose.start]);
                rest.push(' ');
                at = m.prose.end;
            }
            rest.push_str(&text[at..]);
            let bare = !names.is_empty() && self.only_joiners(&rest);
            if !bare || current_list != Some(list) {
                flush(&mut run);
            }
            current_list = Some(list);
            if bare {
                run.push(index);
            }
        }
        flush(&mut run);
        findings.sort_by_key(|f| f.span.as_ref().map(|s| s.start));
        findings
    }
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
    fn three_is_not_an_inventory() {
        assert!(!fires("stack-soup", "I write Go, Postgres and Redis."));
    }
}
