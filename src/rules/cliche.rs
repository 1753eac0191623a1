use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::fix::Fix;
use crate::forms::{alternatives, forms, Inflect};
use crate::letter::{Block, Letter};
use crate::phrases::PhraseSet;
use crate::text::is_word_char;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The built-in phrases, by family; `rules/cliche.toml` says how each
    /// kind of entry takes its forms.
    families: Vec<Checked>,
    #[serde(default)]
    extra: Vec<String>,
    #[serde(default)]
    allow: Vec<String>,
}

/// Stock phrases of one kind ("trait claims"), which a finding names.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Family {
    name: String,
    /// Why the family is empty talk: the finding's label and `--explain`.
    doc: String,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    verbs: Vec<String>,
    /// Literal and technical senses: a match that shares a word with one is
    /// not a cliché ("a strong candidate model", "gave 100% of traffic").
    #[serde(default)]
    not: Vec<String>,
    /// Plain words for some of its phrases, keyed by the phrase as one of
    /// its entries spells it: shown as a suggestion, never applied.
    #[serde(default)]
    instead: BTreeMap<String, String>,
}

/// A family whose `instead` names only phrases of its own: a key that
/// matches nothing is a mistake, not a suggestion that never shows.
#[derive(Deserialize)]
#[serde(try_from = "Family")]
struct Checked(Family);

#[derive(Debug, thiserror::Error)]
#[error("`instead` of the family `{family}` names `{phrase}`, which is none of its phrases")]
pub struct UnknownPhrase {
    family: String,
    phrase: String,
}

impl TryFrom<Family> for Checked {
    type Error = UnknownPhrase;

    fn try_from(family: Family) -> Result<Self, UnknownPhrase> {
        let phrases: HashSet<String> = family
            .entries()
            .flat_map(|(entry, _)| alternatives(entry))
            .collect();
        match family.instead.keys().find(|k| !phrases.contains(*k)) {
            Some(phrase) => Err(UnknownPhrase {
                family: family.name.clone(),
                phrase: phrase.clone(),
            }),
            None => Ok(Checked(family)),
        }
    }
}

impl Family {
    fn entries(&self) -> impl Iterator<Item = (&str, Inflect)> {
        [
            (&self.phrases, Inflect::AsWritten),
            (&self.nouns, Inflect::Noun),
            (&self.verbs, Inflect::Verb),
        ]
        .into_iter()
        .flat_map(|(list, inflect)| list.iter().map(move |e| (e.as_str(), inflect)))
    }
}

pub struct Cliche {
    phrases: PhraseSet,
    /// Every family's `not`: context that makes a phrase literal.
    guards: PhraseSet,
    /// What a match is, by the id its phrase carries.
    kinds: Vec<Kind>,
}

/// A phrase's family, and the plain words for it, if its family gives any.
struct Kind {
    family: String,
    doc: String,
    instead: Option<String>,
}

impl Cliche {
    pub fn new(params: Params) -> Self {
        // An allowed phrase takes every form of the entry that says it.
        let allowed: HashSet<String> = params
            .allow
            .iter()
            .flat_map(|a| forms(a, Inflect::AsWritten))
            .map(|f| f.to_ascii_lowercase())
            .collect();
        let is_allowed = |f: &String| allowed.contains(&f.to_ascii_lowercase());
        let mut patterns = Vec::new();
        let mut guards = Vec::new();
        let mut kinds = Vec::new();
        let own = Family {
            name: "your list".into(),
            doc: "a phrase on your own list".into(),
            phrases: params.extra,
            nouns: Vec::new(),
            verbs: Vec::new(),
            not: Vec::new(),
            instead: BTreeMap::new(),
        };
        let families = params.families.into_iter().map(|Checked(f)| f);
        for family in families.chain([own]) {
            let mut kind = |instead: Option<&String>| {
                kinds.push(Kind {
                    family: family.name.clone(),
                    doc: family.doc.clone(),
                    instead: instead.cloned(),
                });
                kinds.len() - 1
            };
            let plain = kind(None);
            for (entry, inflect) in family.entries() {
                for phrase in alternatives(entry) {
                    if !allowed.is_empty()
                        && forms(&phrase, Inflect::AsWritten).iter().any(is_allowed)
                    {
                        continue;
                    }
                    let id = match family.instead.get(&phrase) {
                        Some(instead) => kind(Some(instead)),
                        None => plain,
                    };
                    let kept = forms(&phrase, inflect)
                        .into_iter()
                        .filter(|f| !is_allowed(f));
                    patterns.extend(kept.map(|f| (f, id, false)));
                }
            }
            let literal = family.not.iter().flat_map(|n| forms(n, Inflect::AsWritten));
            guards.extend(literal.map(|g| (g, 0, false)));
        }
        Cliche {
            phrases: PhraseSet::new(patterns, &[]),
            guards: PhraseSet::new(guards, &[]),
            kinds,
        }
    }
}

/// A name, not a phrase: every word capitalised, and another capitalised
/// word right after it ("Dynamic Team Solutions", "Synergy Health"), or a
/// single capitalised word inside a sentence ("at Synergy"). Title Case
/// phrases on their own ("a Strong Work Ethic") are emphasis, and at the
/// start of a sentence a capital says nothing ("Synergy is…").
fn in_proper_name(block: &Block, range: &Range<usize>) -> bool {
    let text = block.text();
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    };
    let words: Vec<&str> = text[range.clone()]
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    if !words.iter().all(|w| capitalised(w)) {
        return false;
    }
    let next_is_name = block
        .words()
        .iter()
        .find(|w| w.start >= range.end)
        .is_some_and(|w| {
            text[range.end..w.start].chars().all(|c| c == ' ') && capitalised(&text[w.start..w.end])
        });
    let starts_sentence = block.sentences.iter().any(|s| s.start == range.start);
    next_is_name || (words.len() == 1 && !starts_sentence)
}

impl Rule for Cliche {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        let mut findings = Vec::new();
        for block in &letter.blocks {
            let guards: Vec<Range<usize>> = block.find(&self.guards).map(|g| g.range).collect();
            for m in block.find(&self.phrases) {
                // Guards never overlap each other, so the first that ends
                // after the match starts is the only one that can touch it.
                let after = guards.partition_point(|g| g.end <= m.range.start);
                let guarded = guards.get(after).is_some_and(|g| g.start < m.range.end);
                if guarded || in_proper_name(block, &m.range) {
                    continue;
                }
                // As written, with a line break inside it read as a space.
                let phrase = block.text()[m.range.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let kind = &self.kinds[m.id];
                let finding = Finding::at(
                    block.prose.source_range(m.range),
                    format!("cliché: \"{phrase}\""),
                )
                .label(format!("{}: {}", kind.family, kind.doc));
                findings.push(match kind.instead.as_deref() {
                    Some("") => finding.fix(Fix::suggestion("leave it out")),
                    Some(plain) => finding.fix(Fix::suggestion(format!("say \"{plain}\""))),
                    None => finding,
                });
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, fires, spans};

    #[test]
    fn finds_each_stock_phrase_in_any_case() {
        let text =
            "Dear team,\n\nI am a Quick Learner and a team-player who can hit the ground running.";
        assert_eq!(
            spans("cliche", text),
            ["Quick Learner", "team-player", "hit the ground running"]
        );
    }

    #[test]
    fn near_misses_stay_quiet() {
        assert!(!fires(
            "cliche",
            "I am passionate. Our team played well. We learned quickly."
        ));
        assert!(!fires("cliche", "The `team player` field in the schema."));
    }

    #[test]
    fn give_100_percent_counts_but_a_share_of_traffic_does_not() {
        assert_eq!(
            spans("cliche", "I always give 100% to every problem."),
            ["give 100%"]
        );
        assert!(!fires("cliche", "We gave 100% of traffic to the canary."));
    }

    #[test]
    fn plurals_verb_forms_contractions_and_spellings() {
        let text = "I have thrived in fast paced environments. Thriving under deadlines, \
                    I’m a problem solver with problem solving skills who thinks outside the box.";
        assert_eq!(
            spans("cliche", text),
            [
                "thrived",
                "fast paced environments",
                "Thriving",
                "problem solver",
                "problem solving skills",
                "thinks outside the box"
            ]
        );
    }

    #[test]
    fn the_finding_names_the_phrase_as_written_and_its_family() {
        let found = check("cliche", "We are a Dynamic Team.\n\nI wore many hats.");
        let messages: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (f.message.as_str(), f.label.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    "cliché: \"Dynamic Team\"",
                    "environment: the workplace described the way every posting describes it"
                ),
                (
                    "cliché: \"wore many hats\"",
                    "idioms: a worn-out figure of speech about working hard"
                )
            ]
        );
    }

    #[test]
    fn a_phrase_with_a_plain_swap_suggests_it_and_never_edits() {
        let found = check(
            "cliche",
            "I hit the ground running on world-class work as a team player.",
        );
        let suggestions: Vec<Option<&str>> = found
            .iter()
            .map(|f| f.fix.as_ref().map(|fix| fix.message.as_str()))
            .collect();
        assert_eq!(
            suggestions,
            [
                Some("say \"start contributing in the first weeks\""),
                Some("leave it out"),
                None
            ]
        );
        assert!(found.iter().flat_map(|f| &f.fix).all(
            |f| f.edits.is_empty() && f.applicability == crate::fix::Applicability::DisplayOnly
        ));
    }

    #[test]
    fn a_plain_swap_for_no_phrase_of_its_family_is_refused() {
        let mut params = crate::rules::doc("cliche").unwrap().params.clone();
        let families = params["families"].as_array_mut().unwrap();
        let instead = toml::toml! { "team spirit" = "x" };
        families[0]
            .as_table_mut()
            .unwrap()
            .insert("instead".into(), toml::Value::Table(instead));
        let error = params.try_into::<super::Params>().err().unwrap();
        assert!(
            error
                .to_string()
                .contains("`instead` of the family `passion` names `team spirit`, which is none of its phrases"),
            "{error}"
        );
    }

    #[test]
    fn a_capitalised_name_is_not_a_phrase() {
        for quiet in [
            "I work at Dynamic Team Solutions on the dashboard.",
            "Dynamic Team Solutions hired me in 2021.",
            "I led the rollout at Synergy Health.",
            "Synergy Health hired me.",
            "I led the rollout at Synergy.",
        ] {
            assert!(!fires("cliche", quiet), "{quiet}");
        }
        assert!(fires("cliche", "Synergy is what I bring."));
        assert!(fires("cliche", "Our DYNAMIC TEAM shipped it."));
        assert!(fires("cliche", "I have a Strong Work Ethic."));
    }

    #[test]
    fn literal_and_technical_senses_stay_quiet() {
        for quiet in [
            "Alignment is dynamic programming all the way down.",
            "I removed dynamic memory allocation from the hot path.",
            "We kept each environment in a dynamic environment variable.",
            "Each commit built a candidate model; the strongest candidate key won.",
            "The orders table was a strong candidate for partitioning.",
            "Keep the cutting edge of the blade away from the guard.",
            "Every replay leaves a track record in an audit table.",
            "The seals held up well under pressure at 300 bar.",
            "Plants thrive in the greenhouse, and the town has a thriving market.",
            "I did a quick study of the logs before the call.",
            "Postgres was a natural fit for the access pattern.",
        ] {
            assert!(!fires("cliche", quiet), "{quiet}");
        }
    }

    #[test]
    fn closing_formulas_are_left_to_vague_closing() {
        for closing in [
            "I look forward to hearing from you.",
            "I'm excited about contributing to the team.",
            "I would be an asset to your team.",
            "I'm excited about the chance to contribute.",
        ] {
            assert!(!fires("cliche", closing), "{closing}");
        }
    }

    #[test]
    fn allow_takes_every_form_of_its_entry_and_extra_adds_phrases() {
        use crate::letter::Letter;
        use crate::rules::{doc, Context, Rule};
        let mut params = doc("cliche").unwrap().params.clone();
        params.insert(
            "allow".into(),
            toml::Value::try_from(["team player"]).unwrap(),
        );
        params.insert(
            "extra".into(),
            toml::Value::try_from(["rock-star"]).unwrap(),
        );
        let rule = super::Cliche::new(params.try_into().unwrap());
        let text = "We are team players, a team-player crew, a rock star and a quick learner.";
        let letter = Letter::parse(text, false).unwrap();
        let found: Vec<&str> = rule
            .check(&letter, &Context::default())
            .iter()
            .filter_map(|f| f.span.clone().map(|s| &text[s]))
            .collect();
        assert_eq!(found, ["rock star", "quick learner"]);
    }
}
