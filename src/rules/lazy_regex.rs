use regex::Regex;
use std::sync::OnceLock;

/// A regex built from a rule's word lists and compiled the first time a
/// letter needs it. Compiling a pattern costs more than linting a whole
/// letter, so a process that lints one letter should not pay for patterns
/// it never reaches (role-mismatch's, say, when no posting is given).
#[derive(Debug)]
pub struct LazyRegex {
    pattern: String,
    regex: OnceLock<Regex>,
}

impl LazyRegex {
    /// `pattern` must be valid; it is only compiled on first use.
    pub fn new(pattern: String) -> Self {
        LazyRegex {
            pattern,
            regex: OnceLock::new(),
        }
    }

    pub fn get(&self) -> &Regex {
        self.regex.get_or_init(|| {
            Regex::new(&self.pattern).expect("patterns built from escaped words are valid")
        })
    }
}
