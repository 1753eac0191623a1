//! "Did you mean …?" after a misspelt rule id, key, profile or directive:
//! one rule for what counts as close, so every message suggests alike.

use std::fmt;

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
}

impl fmt::Display for DidYouMean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(name) => write!(f, " (did you mean `{name}`?)"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DidYouMean;

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
