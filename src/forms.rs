//! The forms of a phrase that a word list names once. A person editing
//! `rules/*.toml` writes "thrive" or "team player"; a letter says "thrived",
//! "team players", "I'd welcome" or "fast paced". Writing every form by hand
//! is how lists went missing them, so they are generated here, and the
//! phrase sets (`PhraseSet`) match the generated forms as plain phrases.
//!
//! An entry is expanded in three steps:
//! 1. alternatives: `{strong,ideal} candidate` is "strong candidate" and
//!    "ideal candidate"; an empty choice drops the words (`{very ,}good`);
//! 2. inflection, only where the list asks for it and only of one word: the
//!    last word of a noun entry takes its plural, the first word of a verb
//!    entry its verb forms (irregular ones from `rules/lexicon/forms.toml`);
//! 3. spellings: a hyphenated word also with spaces ("fast-paced", "fast
//!    paced"), contractions both ways ("I would", "I'd"), and straight and
//!    curly apostrophes.
//!
//! A regular form that is not an English word ("detail-orienteds") can
//! never match a letter, so it costs nothing. The only harm would be a form
//! that is a different real word ("arts" from "art"), which is why only the
//! one word a list marks is inflected: entries are written so that word is
//! safe, the irregular table overrides the rest, and the test module lists
//! every form the built-in lists generate for review.

use crate::text::is_word_char;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

/// Which word of an entry changes form, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inflect {
    /// Only its spellings: "attention to detail".
    AsWritten,
    /// The last word takes its plural: "team player", "team players".
    Noun,
    /// The first word takes every verb form: "thrive", "thrived".
    Verb,
}

/// A word list as the rules' TOML writes it: phrases as written, noun
/// phrases that also take a plural, and verb phrases in every verb form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordList {
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub nouns: Vec<String>,
    #[serde(default)]
    pub verbs: Vec<String>,
}

impl WordList {
    /// Each entry as written, with how it inflects.
    pub fn entries(&self) -> impl Iterator<Item = (&str, Inflect)> {
        [
            (&self.phrases, Inflect::AsWritten),
            (&self.nouns, Inflect::Noun),
            (&self.verbs, Inflect::Verb),
        ]
        .into_iter()
        .flat_map(|(list, inflect)| list.iter().map(move |e| (e.as_str(), inflect)))
    }

    /// Every form of every entry, without repeats.
    pub fn all_forms(&self) -> Vec<String> {
        let mut seen = HashSet::new();
        self.entries()
            .flat_map(|(entry, inflect)| forms(entry, inflect))
            .filter(|f| seen.insert(f.to_ascii_lowercase()))
            .collect()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormsFile {
    verbs: BTreeMap<String, Vec<String>>,
    nouns: BTreeMap<String, Vec<String>>,
    contractions: Vec<[String; 2]>,
}

/// One side of a contraction ("I would", or "I'd"), as it is looked for.
struct Side {
    as_written: String,
    lower: String,
    /// Its first word: a phrase without it cannot hold this side.
    first: String,
}

struct Forms {
    verbs: BTreeMap<String, Vec<String>>,
    nouns: BTreeMap<String, Vec<String>>,
    /// Each contraction as (long, short).
    contractions: Vec<(Side, Side)>,
}

static FORMS: LazyLock<Forms> = LazyLock::new(|| {
    let file: FormsFile = embedded!("rules/lexicon/forms");
    let side = |s: &String| {
        let lower = s.to_ascii_lowercase();
        Side {
            first: lower
                .split(|c| !is_word_char(c))
                .next()
                .unwrap_or("")
                .to_string(),
            lower,
            as_written: s.clone(),
        }
    };
    Forms {
        contractions: file
            .contractions
            .iter()
            .map(|[long, short]| (side(long), side(short)))
            .collect(),
        verbs: file.verbs,
        nouns: file.nouns,
    }
});

/// Every form of `entry`: its alternatives, inflected as `inflect` says, in
/// every spelling; each alternative as written first (with straight
/// apostrophes), and no form of one alternative twice (ignoring ASCII case,
/// as phrase sets match).
pub fn forms(entry: &str, inflect: Inflect) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for phrase in alternatives(entry) {
        // Distinct alternatives have distinct forms: only the handful of
        // one alternative's forms can repeat, and a scan beats hashing.
        let first = out.len();
        for inflected in inflections(&phrase, inflect) {
            for form in spellings(&inflected) {
                if !out[first..].iter().any(|f| f.eq_ignore_ascii_case(&form)) {
                    out.push(form);
                }
            }
        }
    }
    out
}

/// `{a,b}` groups expanded, left to right, with runs of spaces collapsed
/// (an empty choice leaves two). A `{` without its `}` is text.
pub fn alternatives(entry: &str) -> Vec<String> {
    expand(entry)
        .iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn expand(entry: &str) -> Vec<String> {
    let group = entry
        .find('{')
        .and_then(|open| Some((open, open + entry[open..].find('}')?)));
    let Some((open, close)) = group else {
        return vec![entry.to_string()];
    };
    let rest = expand(&entry[close + 1..]);
    let head = &entry[..open];
    let mut out = Vec::new();
    for choice in entry[open + 1..close].split(',') {
        for tail in &rest {
            let mut phrase = String::with_capacity(head.len() + choice.len() + tail.len());
            phrase.push_str(head);
            phrase.push_str(choice);
            phrase.push_str(tail);
            out.push(phrase);
        }
    }
    out
}

fn inflections(phrase: &str, inflect: Inflect) -> Vec<String> {
    match inflect {
        Inflect::AsWritten => vec![phrase.to_string()],
        Inflect::Noun => {
            let (head, last) = phrase.rsplit_once(' ').unwrap_or(("", phrase));
            let head = if head.is_empty() {
                String::new()
            } else {
                format!("{head} ")
            };
            in_last_part(last, plurals)
                .into_iter()
                .map(|w| format!("{head}{w}"))
                .collect()
        }
        Inflect::Verb => {
            let (first, tail) = phrase.split_once(' ').unwrap_or((phrase, ""));
            let tail = if tail.is_empty() {
                String::new()
            } else {
                format!(" {tail}")
            };
            in_last_part(first, verb_forms)
                .into_iter()
                .map(|w| format!("{w}{tail}"))
                .collect()
        }
    }
}

/// The forms of a hyphenated word change in its last part: "team-players".
fn in_last_part(word: &str, forms_of: fn(&str) -> Vec<String>) -> Vec<String> {
    let (prefix, last) = match word.rfind('-') {
        Some(at) => word.split_at(at + 1),
        None => ("", word),
    };
    forms_of(last)
        .into_iter()
        .map(|f| format!("{prefix}{f}"))
        .collect()
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Ends in a consonant and a `y`: "study", not "play".
fn consonant_y(w: &[u8]) -> bool {
    w.len() > 1 && w[w.len() - 1] == b'y' && !is_vowel(w[w.len() - 2])
}

/// The last consonant doubles before -ed and -ing in a word of one
/// syllable that ends consonant, vowel, consonant: "hit", "step". Longer
/// words that double ("commit") are in the irregular table.
fn doubles(w: &[u8]) -> bool {
    let n = w.len();
    let syllables = w
        .windows(2)
        .filter(|p| !is_vowel(p[0]) && is_vowel(p[1]))
        .count()
        + usize::from(w.first().is_some_and(|&c| is_vowel(c)));
    n >= 3
        && syllables == 1
        && !is_vowel(w[n - 1])
        && !matches!(w[n - 1], b'w' | b'x' | b'y')
        && is_vowel(w[n - 2])
        && !is_vowel(w[n - 3])
}

/// The word with its forms from an irregular table, or the word alone
/// when it is no plain ASCII word that regular endings could inflect:
/// `None` when the regular endings apply.
fn irregular(word: &str, table: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    let lower = word.to_ascii_lowercase();
    if let Some(forms) = table.get(&lower) {
        return Some(
            std::iter::once(word.to_string())
                .chain(forms.iter().cloned())
                .collect(),
        );
    }
    let plain = !lower.is_empty() && lower.bytes().all(|b| b.is_ascii_alphabetic());
    (!plain).then(|| vec![word.to_string()])
}

/// The word and its verb forms: third person, past, participle, -ing.
pub fn verb_forms(word: &str) -> Vec<String> {
    if let Some(forms) = irregular(word, &FORMS.verbs) {
        return forms;
    }
    let lower = word.to_ascii_lowercase();
    let w = lower.as_bytes();
    let stem = &lower[..lower.len() - 1];
    let third = if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        format!("{lower}es")
    } else if consonant_y(w) {
        format!("{stem}ies")
    } else {
        format!("{lower}s")
    };
    let doubled = format!("{lower}{}", char::from(w[w.len() - 1]));
    let past = if lower.ends_with('e') {
        format!("{lower}d")
    } else if consonant_y(w) {
        format!("{stem}ied")
    } else if doubles(w) {
        format!("{doubled}ed")
    } else {
        format!("{lower}ed")
    };
    let ing = if lower.ends_with("ie") {
        format!("{}ying", &lower[..lower.len() - 2])
    } else if lower.ends_with('e') && !["ee", "ye", "oe"].iter().any(|e| lower.ends_with(e)) {
        format!("{stem}ing")
    } else if doubles(w) {
        format!("{doubled}ing")
    } else {
        format!("{lower}ing")
    };
    vec![word.to_string(), third, past, ing]
}

/// The word and its plurals.
pub fn plurals(word: &str) -> Vec<String> {
    if let Some(forms) = irregular(word, &FORMS.nouns) {
        return forms;
    }
    let lower = word.to_ascii_lowercase();
    let w = lower.as_bytes();
    let plural = if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        format!("{lower}es")
    } else if consonant_y(w) {
        format!("{}ies", &lower[..lower.len() - 1])
    } else {
        format!("{lower}s")
    };
    vec![word.to_string(), plural]
}

/// The phrase in every spelling: contractions both ways, each hyphenated
/// word also with spaces, and straight and curly apostrophes.
fn spellings(phrase: &str) -> Vec<String> {
    let straight = phrase.replace('’', "'");
    let lower = straight.to_ascii_lowercase();
    let words: Vec<&str> = lower.split(|c| !is_word_char(c)).collect();
    let mut out = vec![straight.clone()];
    for (long, short) in &FORMS.contractions {
        for (from, to) in [(long, short), (short, long)] {
            // Most phrases hold no word of any contraction: a cheap test.
            if !words.contains(&from.first.as_str()) {
                continue;
            }
            let more: Vec<String> = out
                .iter()
                .filter_map(|p| {
                    replace_words(p, &p.to_ascii_lowercase(), &from.lower, &to.as_written)
                })
                .collect();
            out.extend(more);
        }
    }
    if !straight.contains(['-', '\'']) && out.len() == 1 {
        return out;
    }
    let mut spelled = Vec::with_capacity(out.len() * 2);
    for p in out.iter().flat_map(|p| hyphen_variants(p)) {
        let curly = p.contains('\'').then(|| p.replace('\'', "’"));
        spelled.push(p);
        spelled.extend(curly);
    }
    spelled
}

/// `phrase` (`lower` is its ASCII lower case) with every whole-word `from`
/// (lower case) made `to`, if it has one.
fn replace_words(phrase: &str, lower: &str, from: &str, to: &str) -> Option<String> {
    let is_word = |c: Option<char>| c.is_some_and(is_word_char);
    let mut out = String::new();
    let mut at = 0;
    let mut found = false;
    while let Some(i) = lower[at..].find(from).map(|i| at + i) {
        let end = i + from.len();
        if !is_word(lower[..i].chars().next_back()) && !is_word(lower[end..].chars().next()) {
            out.push_str(&phrase[at..i]);
            out.push_str(to);
            found = true;
        } else {
            out.push_str(&phrase[at..end]);
        }
        at = end;
    }
    out.push_str(&phrase[at..]);
    found.then_some(out)
}

/// Each word with hyphens inside also with spaces: "state-of-the-art",
/// "state of the art". A word's hyphens change together.
fn hyphen_variants(phrase: &str) -> Vec<String> {
    if !phrase.contains('-') {
        return vec![phrase.to_string()];
    }
    let mut out = vec![String::new()];
    for (i, word) in phrase.split(' ').enumerate() {
        let sep = if i == 0 { "" } else { " " };
        let mut choices = vec![word.to_string()];
        let inner = word.trim_matches(|c: char| !is_word_char(c));
        if inner.contains('-') {
            choices.push(word.replace('-', " "));
        }
        out = out
            .iter()
            .flat_map(|head| choices.iter().map(move |c| format!("{head}{sep}{c}")))
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }

    #[test]
    fn regular_verbs() {
        assert_eq!(
            verb_forms("thrive"),
            ["thrive", "thrives", "thrived", "thriving"]
        );
        assert_eq!(verb_forms("look"), ["look", "looks", "looked", "looking"]);
        assert_eq!(verb_forms("step"), ["step", "steps", "stepped", "stepping"]);
        assert_eq!(verb_forms("push"), ["push", "pushes", "pushed", "pushing"]);
        assert_eq!(verb_forms("rely"), ["rely", "relies", "relied", "relying"]);
        assert_eq!(verb_forms("tie"), ["tie", "ties", "tied", "tying"]);
        assert_eq!(verb_forms("see"), ["see", "sees", "saw", "seen", "seeing"]);
        assert_eq!(
            verb_forms("visit"),
            ["visit", "visits", "visited", "visiting"]
        );
        assert_eq!(verb_forms("play"), ["play", "plays", "played", "playing"]);
    }

    #[test]
    fn irregular_verbs_come_from_the_table() {
        assert_eq!(verb_forms("go"), ["go", "goes", "went", "gone", "going"]);
        assert_eq!(verb_forms("hit"), ["hit", "hits", "hitting"]);
        assert_eq!(
            verb_forms("wear"),
            ["wear", "wears", "wore", "worn", "wearing"]
        );
    }

    #[test]
    fn plurals_regular_and_irregular() {
        assert_eq!(plurals("environment"), ["environment", "environments"]);
        assert_eq!(plurals("study"), ["study", "studies"]);
        assert_eq!(plurals("box"), ["box", "boxes"]);
        assert_eq!(plurals("person"), ["person", "people", "persons"]);
        assert_eq!(plurals("100%"), ["100%"]);
    }

    #[test]
    fn alternatives_expand_left_to_right() {
        assert_eq!(
            alternatives("{strong,ideal} candidate"),
            ["strong candidate", "ideal candidate"]
        );
        assert_eq!(
            alternatives("passionate {software ,}{engineer,developer}"),
            [
                "passionate software engineer",
                "passionate software developer",
                "passionate engineer",
                "passionate developer"
            ]
        );
        assert_eq!(
            alternatives("held {up,} well"),
            ["held up well", "held well"]
        );
        assert_eq!(alternatives("a {b"), ["a {b"]);
    }

    #[test]
    fn a_noun_takes_its_plural_in_its_last_word_only() {
        assert_eq!(
            sorted(forms("fast-paced environment", Inflect::Noun)),
            [
                "fast paced environment",
                "fast paced environments",
                "fast-paced environment",
                "fast-paced environments"
            ]
        );
        assert_eq!(
            sorted(forms("team-player", Inflect::Noun)),
            ["team player", "team players", "team-player", "team-players"]
        );
    }

    #[test]
    fn a_verb_takes_its_forms_in_its_first_word_only() {
        assert_eq!(
            forms("look forward to", Inflect::Verb),
            [
                "look forward to",
                "looks forward to",
                "looked forward to",
                "looking forward to"
            ]
        );
        assert!(forms("hit the ground running", Inflect::Verb)
            .contains(&"hitting the ground running".to_string()));
    }

    #[test]
    fn contractions_and_apostrophes_both_ways() {
        let f = forms("I would welcome the chance", Inflect::AsWritten);
        assert_eq!(
            f,
            [
                "I would welcome the chance",
                "I'd welcome the chance",
                "I’d welcome the chance"
            ]
        );
        let f = forms("I’m excited", Inflect::AsWritten);
        assert_eq!(f, ["I'm excited", "I’m excited", "I am excited"]);
        // Only whole words: "Iam" and "diam" are not "I am".
        assert_eq!(forms("diam", Inflect::AsWritten), ["diam"]);
    }

    #[test]
    fn a_hyphenated_word_changes_all_its_hyphens_together() {
        assert_eq!(
            forms("state-of-the-art", Inflect::AsWritten),
            ["state-of-the-art", "state of the art"]
        );
        assert_eq!(forms("well - said", Inflect::AsWritten), ["well - said"]);
    }

    #[test]
    fn a_word_list_lists_each_form_once() {
        let list = WordList {
            phrases: vec!["team player".into()],
            nouns: vec!["team player".into()],
            verbs: vec![],
        };
        assert_eq!(list.all_forms(), ["team player", "team players"]);
    }

    /// Every word the built-in lists inflect, with the forms it takes: the
    /// review that no generated form is a different real word ("arts").
    #[test]
    fn the_built_in_lists_inflect_into_these_words() {
        let lists = [
            include_str!(concat!(env!("OUT_DIR"), "/rules/cliche.json")),
            include_str!(concat!(env!("OUT_DIR"), "/rules/vague-closing.json")),
        ];
        let mut lines = std::collections::BTreeSet::new();
        for json in lists {
            let doc: serde_json::Value = serde_json::from_str(json).unwrap();
            let params = &doc["params"];
            let families = params["families"].as_array().cloned().unwrap_or_default();
            for list in families.iter().chain([&params["stock"]]) {
                for (key, forms_of) in [
                    ("nouns", plurals as fn(&str) -> Vec<String>),
                    ("verbs", verb_forms),
                ] {
                    for entry in list[key].as_array().into_iter().flatten() {
                        for phrase in alternatives(entry.as_str().unwrap()) {
                            let word = if key == "nouns" {
                                phrase.rsplit(' ').next()
                            } else {
                                phrase.split(' ').next()
                            };
                            let word = word.unwrap().rsplit('-').next().unwrap();
                            let forms = forms_of(word);
                            lines.insert(format!("{word}: {}", forms[1..].join(", ")));
                        }
                    }
                }
            }
        }
        let text = lines.into_iter().collect::<Vec<_>>().join("\n");
        insta::with_settings!({snapshot_path => "../tests/snapshots", prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!("forms_of_the_built_in_lists", text);
        });
    }
}
