//! Sentence boundaries (Unicode Standard Annex #29).
//!
//! unicode-segmentation finds them with a table look-up per character, a
//! fifth of the time of linting a letter. In ASCII text only a dozen
//! sentence categories occur, so for ASCII the rules run here on bytes; a
//! property test checks they agree with the crate. Other text goes to the
//! crate.

use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// The sentences of `text` with their byte offsets, as
/// `split_sentence_bound_indices` gives them: every byte in exactly one.
pub fn sentence_pieces(text: &str) -> Vec<(usize, &str)> {
    if !text.is_ascii() {
        return text.split_sentence_bound_indices().collect();
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    for end in ascii_breaks(text.as_bytes()) {
        pieces.push((start, &text[start..end]));
        start = end;
    }
    pieces
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cat {
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

/// The sentence-break category of each ASCII byte (`SentenceBreakProperty`;
/// ASCII has no Sep, OLetter, Extend or Format).
fn cat(byte: u8) -> Cat {
    match byte {
        b'\r' => Cat::Cr,
        b'\n' => Cat::Lf,
        b'\t' | 0x0b | 0x0c | b' ' => Cat::Sp,
        b'a'..=b'z' => Cat::Lower,
        b'A'..=b'Z' => Cat::Upper,
        b'0'..=b'9' => Cat::Numeric,
        b'.' => Cat::ATerm,
        b'!' | b'?' => Cat::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Cat::Close,
        b',' | b'-' | b':' | b';' => Cat::SContinue,
        _ => Cat::Other,
    }
}

/// What the text before a position ends with, as far as rules SB8–SB11
/// care: `SATerm Close* Sp*`.
#[derive(Clone, Copy)]
struct Terminated {
    aterm: bool,
    spaces: bool,
}

/// Every boundary after the start: the end of each sentence, the text's
/// end included (none for empty text). One pass forward, after one pass
/// backward that finds, for SB8, the next character that decides it.
fn ascii_breaks(bytes: &[u8]) -> Vec<usize> {
    let cats: Vec<Cat> = bytes.iter().map(|&b| cat(b)).collect();
    // SB8 looks past everything but letters, line breaks and terminators
    // for a lower-case letter: `lower_next[p]` says whether it finds one
    // from `p` on.
    let mut lower_next = vec![false; cats.len() + 1];
    for p in (0..cats.len()).rev() {
        lower_next[p] = match cats[p] {
            Cat::Lower => true,
            Cat::Upper | Cat::Cr | Cat::Lf | Cat::ATerm | Cat::STerm => false,
            _ => lower_next[p + 1],
        };
    }
    let mut breaks = Vec::new();
    let mut terminated: Option<Terminated> = None;
    for p in 1..cats.len() {
        let (left, right) = (cats[p - 1], cats[p]);
        terminated = match (left, terminated) {
            (Cat::ATerm | Cat::STerm, _) => Some(Terminated {
                aterm: left == Cat::ATerm,
                spaces: false,
            }),
            (Cat::Close, Some(t)) if !t.spaces => Some(t),
            (Cat::Sp, Some(t)) => Some(Terminated { spaces: true, ..t }),
            _ => None,
        };
        let is_break = match (left, right) {
            (Cat::Cr, Cat::Lf) => false,         // SB3
            (Cat::Cr | Cat::Lf, _) => true,      // SB4
            (Cat::ATerm, Cat::Numeric) => false, // SB6
            (Cat::ATerm, Cat::Upper)
                if p >= 2 && matches!(cats[p - 2], Cat::Upper | Cat::Lower) =>
            {
                false // SB7
            }
            // SB8 to SB11; without a terminator before, SB998: no break.
            _ => terminated.is_some_and(|t| {
                let sb8 = t.aterm && lower_next[p];
                let sb8a = matches!(right, Cat::SContinue | Cat::ATerm | Cat::STerm);
                let sb9 = !t.spaces && matches!(right, Cat::Close | Cat::Sp | Cat::Cr | Cat::Lf);
                let sb10 = matches!(right, Cat::Sp | Cat::Cr | Cat::Lf);
                !(sb8 || sb8a || sb9 || sb10)
            }),
        };
        if is_break {
            breaks.push(p);
        }
    }
    if !bytes.is_empty() {
        breaks.push(bytes.len());
    }
    breaks
}

/// Sentence ranges in `text`, trimmed, each holding a letter or digit.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (start, s) in sentence_pieces(text) {
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        if !trimmed.chars().any(char::is_alphanumeric) {
            continue;
        }
        let range = start + lead..start + lead + trimmed.len();
        // A period with a letter or digit straight after it is inside a
        // name (".NET", "ASP.NET"), never the end of a sentence, which
        // UAX #29 makes of " .NET".
        let inside_name = text[..start].ends_with('.') && s.starts_with(char::is_alphanumeric);
        match out.last_mut() {
            // UAX #29 ends a sentence after "Ms." or "e.g."; join those back
            // so "Dear Ms. Okonkwo" stays one sentence.
            Some(last)
                if (inside_name && last.end == start)
                    || ends_with_abbreviation(&text[last.clone()]) =>
            {
                last.end = range.end
            }
            _ => out.push(range),
        }
    }
    out
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SentenceFile {
    abbreviations: Vec<String>,
}

/// Abbreviations UAX #29 wrongly ends a sentence after.
static ABBREVIATIONS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let file: SentenceFile = embedded!("rules/lexicon/sentences");
    file.abbreviations
});

/// Whether the sentence ends with one of `ABBREVIATIONS` and its period,
/// the abbreviation standing at the start or after white space.
fn ends_with_abbreviation(sentence: &str) -> bool {
    let Some(body) = sentence.strip_suffix('.') else {
        return false;
    };
    ABBREVIATIONS.iter().any(|abbreviation| {
        let Some(start) = body.len().checked_sub(abbreviation.len()) else {
            return false;
        };
        body.is_char_boundary(start)
            && body[start..].eq_ignore_ascii_case(abbreviation)
            && body[..start]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn crate_pieces(text: &str) -> Vec<(usize, &str)> {
        text.split_sentence_bound_indices().collect()
    }

    #[test]
    fn breaks_where_the_standard_does() {
        for text in [
            "",
            "One. Two!",
            "Dear Ms. Okonkwo, hi.",
            "It rose 3.5 points. Then fell.",
            "He said \"stop.\" Then left.",
            "etc. and so on. Next",
            "Line one\nLine two\r\n\r\nThree?! Yes.",
            "U.S. Army. e.g. this",
        ] {
            assert_eq!(sentence_pieces(text), crate_pieces(text), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn ascii_rules_agree_with_unicode_segmentation(
            text in "([a-zA-Z0-9]{1,4}|[ .!?,;:\"'()\\[\\]{}\\t\\r\\n#*-]){0,40}"
        ) {
            prop_assert_eq!(sentence_pieces(&text), crate_pieces(&text));
        }

        #[test]
        fn ascii_rules_agree_on_any_ascii(text in "[\\x00-\\x7f]{0,60}") {
            prop_assert_eq!(sentence_pieces(&text), crate_pieces(&text));
        }
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(sentences("Dear Ms. Okonkwo, hello.").len(), 1);
        assert_eq!(sentences("Tools, e.g. Kafka. All good.").len(), 2);
        assert_eq!(sentences("We ship. Dr. Ito agreed.").len(), 2);
        // "Rms." is not "ms.": the abbreviation must stand alone.
        assert_eq!(sentences("We cut Rms. Then we left.").len(), 2);
    }

    #[test]
    fn a_period_inside_a_name_ends_no_sentence() {
        // UAX #29 breaks before "NET": the join is ours.
        assert_eq!(sentence_pieces("I use .NET now.").len(), 2);
        for text in [
            "I moved the service to .NET last year.",
            "I write C# and .NET, ASP.NET Core, Node.js and Vue.js daily.",
            "Our stack: .NET 8 on Linux.",
        ] {
            assert_eq!(sentences(text), vec![0..text.len()], "{text:?}");
        }
        assert_eq!(sentences("We shipped .NET. Then Go.").len(), 2);
    }
}
