//! What each LaTeX command and environment does to a letter's prose, as
//! `rules/lexicon/latex.toml` says, with a user's `[latex]` lists on top.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LatexFile {
    letter_classes: Vec<String>,
    letter_names: Vec<String>,
    inputs: Vec<String>,
    skip: Vec<String>,
    read: Vec<String>,
    emphasis: Vec<String>,
    arguments: HashMap<String, String>,
    structure: Structure,
    environments: Environments,
    letterhead: Vec<String>,
    letterhead_max_words: usize,
    symbols: HashMap<String, String>,
    ligatures: HashMap<String, String>,
    accents: HashMap<String, String>,
    length_units: Vec<String>,
    recipient: Recipient,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Structure {
    headings: Vec<String>,
    subheadings: Vec<String>,
    openings: Vec<String>,
    closings: Vec<String>,
    paragraph_breaks: Vec<String>,
    line_breaks: Vec<String>,
    slots: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Environments {
    raw: Vec<String>,
    lists: Vec<String>,
    tables: Vec<String>,
    arguments: HashMap<String, String>,
}

/// Where a letter says who it is for (`[recipient]` in the lexicon).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Recipient {
    pub(super) not_company: Vec<String>,
    pub(super) subject_marks: Vec<String>,
    pub(super) subject_words: Vec<String>,
    pub(super) company_macros: Vec<String>,
    pub(super) role_macros: Vec<String>,
}

/// What a command does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Command<'c> {
    /// Its arguments in order: `s` skipped, `r` read as prose.
    Arguments(&'c str),
    /// Every braced argument skipped.
    Skip,
    /// Every braced argument read as prose.
    Read,
    /// Every braced argument read as prose, set off from the paragraph.
    Emphasis,
    Heading,
    Subheading,
    Opening,
    Closing,
    ParagraphBreak,
    LineBreak,
    /// An unfilled slot (`\todo{…}`).
    Slot,
    /// Makes this text.
    Symbol(&'c str),
    /// Puts an accent on the letter after it: the letters it takes, each
    /// followed by the letter it makes.
    Accent(&'c str),
    /// Not named anywhere: arguments read when they hold a word.
    Unknown,
}

/// What an environment holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Environment<'c> {
    /// Code, math or a draft kept out: never prose.
    Raw,
    List,
    Table(&'c str),
    /// Prose, after arguments as [`Command::Arguments`] reads them.
    Other(&'c str),
}

static FILE: LazyLock<LatexFile> = LazyLock::new(|| embedded!("rules/lexicon/latex"));

/// Commands by name, built once from the lexicon's lists. Later lists win:
/// `textbf` is in `read` and in `emphasis`, and is emphasis.
static COMMANDS: LazyLock<HashMap<&'static str, Command<'static>>> = LazyLock::new(|| {
    let file = &*FILE;
    let s = &file.structure;
    let mut map = HashMap::new();
    let mut add = |names: &'static [String], command: Command<'static>| {
        for name in names {
            map.insert(name.as_str(), command);
        }
    };
    add(&file.skip, Command::Skip);
    // What an input names is a file, never prose.
    add(&file.inputs, Command::Skip);
    add(&file.read, Command::Read);
    add(&file.emphasis, Command::Emphasis);
    add(&s.headings, Command::Heading);
    add(&s.subheadings, Command::Subheading);
    add(&s.openings, Command::Opening);
    add(&s.closings, Command::Closing);
    add(&s.paragraph_breaks, Command::ParagraphBreak);
    add(&s.line_breaks, Command::LineBreak);
    add(&s.slots, Command::Slot);
    for (name, spec) in &file.arguments {
        map.insert(name.as_str(), Command::Arguments(spec.as_str()));
    }
    for (name, text) in &file.symbols {
        map.insert(name.as_str(), Command::Symbol(text.as_str()));
    }
    for (name, letters) in &file.accents {
        map.insert(name.as_str(), Command::Accent(letters.as_str()));
    }
    map
});

/// The commands a user lists in `letterlint.toml` under `[latex]`, names
/// without their backslash.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LatexOptions {
    /// Commands whose arguments are never prose.
    pub skip: Vec<String>,
    /// Commands whose arguments are always prose.
    pub read: Vec<String>,
}

impl LatexOptions {
    pub(super) fn command<'c>(&'c self, name: &str) -> Command<'c> {
        if self.skip.iter().any(|n| n == name) {
            Command::Skip
        } else if self.read.iter().any(|n| n == name) {
            Command::Read
        } else {
            COMMANDS.get(name).copied().unwrap_or(Command::Unknown)
        }
    }
}

pub(super) fn environment(name: &str) -> Environment<'static> {
    let envs = &FILE.environments;
    let has = |list: &[String]| list.iter().any(|n| n == name);
    let arguments = envs.arguments.get(name).map_or("", String::as_str);
    if has(&envs.raw) {
        Environment::Raw
    } else if has(&envs.lists) {
        Environment::List
    } else if has(&envs.tables) {
        Environment::Table(arguments)
    } else {
        Environment::Other(arguments)
    }
}

pub(super) fn is_raw_environment(name: &str) -> bool {
    environment(name) == Environment::Raw
}

/// An environment that lays out a letterhead when it comes before the
/// letter's prose.
pub(super) fn is_letterhead(name: &str) -> bool {
    FILE.letterhead.iter().any(|n| n == name)
}

/// The most words a block of a letterhead holds.
pub(super) fn letterhead_max_words() -> usize {
    FILE.letterhead_max_words
}

pub(super) fn is_letter_class(name: &str) -> bool {
    FILE.letter_classes.iter().any(|c| c == name)
}

pub(super) fn is_letter_name(file_name: &str) -> bool {
    let name = file_name.to_lowercase();
    FILE.letter_names.iter().any(|n| name.contains(n.as_str()))
}

/// The bytes of a length set without braces at the start of `text`
/// (`=0pt` after `\parindent`, `0pt` after `\topskip`): an optional `=`, a
/// number and a unit of the lexicon's `length_units`, blanks between.
pub(super) fn length_at(text: &str) -> Option<usize> {
    let blanks =
        |at: usize| at + text[at..].len() - text[at..].trim_start_matches([' ', '\t']).len();
    let mut at = blanks(0);
    if text[at..].starts_with('=') {
        at = blanks(at + 1);
    }
    if text[at..].starts_with(['-', '+']) {
        at += 1;
    }
    let number = text[at..].len()
        - text[at..]
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .len();
    if !text[at..at + number].contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    at = blanks(at + number);
    let rest = &text[at..];
    let unit = FILE
        .length_units
        .iter()
        .filter(|u| rest.starts_with(u.as_str()));
    let unit = unit.map(String::len).max()?;
    let after = rest[unit..].chars().next();
    (!after.is_some_and(char::is_alphabetic)).then_some(at + unit)
}

/// `\input`, `\include`: a command that reads a file in place.
pub(super) fn is_input(name: &str) -> bool {
    FILE.inputs.iter().any(|n| n == name)
}

/// TeX's ligatures of text (`--` an en dash), longest first.
pub(super) fn ligatures() -> &'static [(String, String)] {
    static SORTED: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
        let mut all: Vec<(String, String)> = FILE.ligatures.clone().into_iter().collect();
        all.sort_by_key(|(typed, _)| std::cmp::Reverse(typed.len()));
        all
    });
    &SORTED
}

pub(super) fn recipient() -> &'static Recipient {
    &FILE.recipient
}

/// The letter `accent` (as [`Command::Accent`] holds it) makes of `base`.
pub(super) fn accented(letters: &str, base: char) -> Option<char> {
    let mut chars = letters.chars();
    while let (Some(plain), Some(marked)) = (chars.next(), chars.next()) {
        if plain == base {
            return Some(marked);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_loads_and_later_lists_win() {
        let options = LatexOptions::default();
        assert_eq!(options.command("textbf"), Command::Emphasis);
        assert_eq!(options.command("href"), Command::Arguments("sr"));
        assert_eq!(options.command("vspace"), Command::Skip);
        assert_eq!(options.command("ldots"), Command::Symbol("…"));
        assert_eq!(options.command("frobnicate"), Command::Unknown);
        assert_eq!(environment("lstlisting"), Environment::Raw);
        assert_eq!(environment("tabular"), Environment::Table("s"));
    }

    #[test]
    fn a_users_lists_come_first() {
        let options = LatexOptions {
            skip: vec!["textbf".into()],
            read: vec!["vspace".into()],
        };
        assert_eq!(options.command("textbf"), Command::Skip);
        assert_eq!(options.command("vspace"), Command::Read);
    }

    #[test]
    fn accents_compose() {
        let options = LatexOptions::default();
        let Command::Accent(acute) = options.command("'") else {
            panic!("an accent");
        };
        assert_eq!(accented(acute, 'e'), Some('é'));
        assert_eq!(accented(acute, 'q'), None);
    }

    #[test]
    fn every_accent_table_pairs_its_letters() {
        for letters in FILE.accents.values() {
            assert_eq!(letters.chars().count() % 2, 0, "{letters}");
        }
    }
}
