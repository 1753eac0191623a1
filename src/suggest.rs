//! "Did you mean …?" after a misspelt rule id, key, profile or directive,
//! and how a message quotes a value the user wrote: one rule for each, so
//! every message suggests and quotes alike.

use std::fmt;
use toml::de::DeValue;

/// ` (did you mean `x`?)` when a known name is close to the unknown one,
/// nothing otherwise: it follows the message it completes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DidYouMean(Option<String>);

impl DidYouMean {
    /// The closest of `known` to `word`, if within a small edit distance:
    /// one edit, or a third of the known name's length. Case is no edit:
    /// names are matched exactly, so `CLICHE` is refused, and `cliche` is
    /// what it meant.
    pub fn new<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Self {
        let word = word.to_lowercase();
        let closest = known
            .into_iter()
            .map(|k| (strsim::damerau_levenshtein(&word, &k.to_lowercase()), k))
            .filter(|(distance, k)| *distance <= 1.max(k.len() / 3))
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, k)| k.to_string());
        DidYouMean(closest)
    }

    /// The known name it suggests, if any.
    pub fn suggestion(&self) -> Option<&str> {
        self.0.as_deref()
    }
}

impl fmt::Display for DidYouMean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(name) => write!(f, " (did you mean `{name}`?)"),
            None => Ok(()),
        }
    }
}

/// A TOML value as a message quotes it (`got -5`): as written when it is
/// short and on one line, else what it is.
pub fn shown(raw: &str, value: &DeValue) -> String {
    const LONGEST: usize = 30;
    let raw = raw.trim();
    let short = !raw.contains('\n') && raw.chars().count() <= LONGEST;
    match value {
        DeValue::Table(_) => "a table".to_string(),
        _ if short => raw.to_string(),
        DeValue::Array(_) => "a list".to_string(),
        DeValue::String(_) => "a long text".to_string(),
        _ => "a long value".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{shown, DeValue, DidYouMean};

    #[test]
    fn values_are_shown_as_written_unless_long() {
        let show = |raw: &str| shown(raw, DeValue::parse(raw).unwrap().get_ref());
        assert_eq!(show("-5"), "-5");
        assert_eq!(show("\"four\""), "\"four\"");
        assert_eq!(show("[1, 2]"), "[1, 2]");
        assert_eq!(show("[\n  \"a\",\n]"), "a list");
        assert_eq!(show("{ min = 1 }"), "a table");
        assert_eq!(show(&format!("\"{}\"", "x".repeat(40))), "a long text");
    }

    #[test]
    fn suggests_only_close_names() {
        let known = ["stack-soup", "cliche", "profile"];
        assert_eq!(
            DidYouMean::new("stack-sup", known).to_string(),
            " (did you mean `stack-soup`?)"
        );
        assert_eq!(
            DidYouMean::new("profil", known).to_string(),
            " (did you mean `profile`?)"
        );
        assert_eq!(
            DidYouMean::new("CLICHE", known).to_string(),
            " (did you mean `cliche`?)"
        );
        assert_eq!(DidYouMean::new("nothing-like-it", known).to_string(), "");
    }
}
