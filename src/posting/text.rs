//! How posting and letter text is compared: curly quotes and dashes made
//! straight, words normalised, quotations found.

/// Lower-cased, curly quotes made straight, without surrounding
/// punctuation: how words are compared.
pub fn normalize(word: &str) -> String {
    straighten(word)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Curly quotes and apostrophes made straight, and dashes made one: the
/// same posting pasted from a word processor reads as typed.
pub fn straighten(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201f}' | '\u{2033}' => '"',
            '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '—',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect()
}

/// The byte ranges of the quotations in `text`, marks included: “…” and
/// "…" pairs. What a letter quotes is the posting's words, by its own
/// account, so it is neither an echo nor evidence.
pub fn quotations(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (at, c) in text.char_indices() {
        match (open, c) {
            (None, '\u{201c}' | '"') => open = Some((at, c)),
            (Some((start, '\u{201c}')), '\u{201d}') | (Some((start, '"')), '"') => {
                found.push(start..at + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    found
}
