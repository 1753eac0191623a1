//! Properties of `lint()` over generated input: it never panics, every span
//! lies inside the source on character boundaries, line and column agree
//! with the byte offsets, and the same letter always gives the same report.
//!
//! Two kinds of input: arbitrary strings, and "Markdown-shaped" strings
//! assembled from the pieces letters and the parser care about (headings,
//! lists, quotes, fences, comments, links, front matter, placeholders,
//! numbers, technology names). The case count is kept modest so the suite
//! stays fast in CI; `PROPTEST_CASES=10000 cargo test --test properties`
//! runs a longer search.
//!
//! The fixes the findings carry: every edit lies inside the source on
//! character boundaries, and the text with every fix applied (unsafe ones
//! too) lints without a panic, with spans as sound as the first run's.
//!
//! One property of the figure reader on built input: a long sentence holds
//! the figures of the clauses it repeats.

use letterlint::fix;
use letterlint::metrics::find_in_sentence;
use letterlint::source::{LineCol, LineIndex};
use letterlint::{lint, Config, FileReport, Source};
use proptest::prelude::*;
use std::sync::LazyLock;

static CONFIG: LazyLock<Config> = LazyLock::new(Config::default);

/// A run where other letters are for these companies, so that
/// wrong-company finds them, and fixes them.
static WITH_COMPANIES: LazyLock<Config> = LazyLock::new(|| {
    let mut config = Config::default();
    config.add_run_companies(&["Kestrel Pay".to_string(), "Halyard Logistics".to_string()]);
    config
});

/// Pieces of letters: prose, markup, and the things rules look for.
fn piece() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "# ",
        "## Day-one proposal",
        "- ",
        "* ",
        "1. ",
        "- [ ] ",
        "- [x] ",
        "> ",
        "> > ",
        "```",
        "```yaml\nkafka: {}\n```",
        "~~~",
        "`code`",
        "`",
        "    indented code",
        "<!-- letterlint-disable cliche -->",
        "<!-- letterlint-enable -->",
        "<!-- letterlint-disable-next-line -->",
        "<!-- letterlint-disabel x -->",
        "<!--",
        "-->",
        "<b>bold</b>",
        "<br>",
        "[my post](https://example.com/a)",
        "<https://example.com>",
        "![img](x.png)",
        "[ref]",
        "[ref]: https://example.com/r",
        "[^1]",
        "[^1]: A note.",
        "+++",
        "+++\ncompany = \"Kestrel Pay\"\nrole = \"Backend Engineer\"\n+++",
        "---",
        "---\ncompany: Larkspur Freight\nprofile: general\n---",
        "company = ",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "[Company Name]",
        "{Hiring Manager}",
        "<Your Name>",
        "{Company}",
        "<company>",
        "[Role]",
        "[Your Name]",
        "[Company Name]'s",
        "\\[Company Name\\]",
        "Kestrel Pay",
        "Halyard Logistics",
        "I hit the ground running on cutting-edge work.",
        "<!-- letterlint-disable stack-sup, clichee -->",
        "TODO",
        "XXX",
        "Dear Ms. Varela,",
        "Dear team,",
        "Best regards,",
        "Sincerely,",
        "Mara",
        "I am a team player and a quick learner.",
        "I significantly improved the performance.",
        "I rebuilt the ledger service in Go.",
        "p99 fell from 1.8 s to 210 ms",
        "from 41 to 6 pages a week",
        "9,400 events per minute",
        "99.95% availability",
        "$14k/mo",
        "zero duplicates",
        "to none",
        "(555) 017-3342",
        "Python 3.12",
        "in March 2024",
        "Kafka, Go, Postgres, Redis, Terraform and AWS",
        "Kafka",
        "C++",
        ".NET",
        "on-call",
        "postmortem",
        "schema migration",
        "e.g.",
        "Dr.",
        "é",
        "—",
        "\u{a0}",
        "\u{feff}",
        "日本語の文。",
        "🚀",
        "\t",
        "\\",
        "*",
        "_",
        "**",
        "~~",
        "&amp;",
    ])
    .prop_map(String::from);
    prop_oneof![
        3 => fixed,
        2 => "[A-Za-z ,.;:'\"()!?-]{0,30}",
        1 => "[0-9]{1,7}([.,][0-9]{1,3})?( ?(ms|s|%|k|M|x|events per second))?",
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", " ", "\n", "\n\n", "\r\n", "\n\n\n"])
}

fn markdown() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), separator()), 0..40).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(piece, sep)| [piece, sep.to_string()])
            .collect()
    })
}

/// 1-based line and character column of a byte offset, counted the slow
/// and obvious way.
fn by_hand(text: &str, offset: usize) -> LineCol {
    // A byte-order mark is no text: columns on line 1 start after it.
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let before = &text[..offset.max(bom)];
    let line_start = before.rfind('\n').map_or(bom, |i| i + 1);
    LineCol {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// Lints `text` as Markdown and as plain text and checks every report.
fn check(text: &str) -> Result<(), TestCaseError> {
    for path in ["letter.md", "letter.txt"] {
        let source = Source::new(path, text);
        let first = lint(&source, &CONFIG);
        let Ok(report) = first else {
            // Bad front matter is an error the CLI reports; it must say so
            // the same way every time.
            let again = lint(&source, &CONFIG);
            prop_assert_eq!(
                first.unwrap_err().to_string(),
                again.unwrap_err().to_string()
            );
            continue;
        };
        check_spans(text, &report)?;
        // Deterministic: the same input gives the same report, whether the
        // rules' lazily built patterns are fresh or already in use.
        prop_assert_eq!(&report, &lint(&source, &CONFIG).unwrap());
        prop_assert_eq!(&report, &lint(&source, &Config::default()).unwrap());
    }
    Ok(())
}

fn check_spans(text: &str, report: &FileReport) -> Result<(), TestCaseError> {
    let index = LineIndex::new(text);
    for d in &report.diagnostics {
        let Some(span) = &d.span else { continue };
        prop_assert!(
            span.start <= span.end && span.end <= text.len(),
            "{} span {:?} outside a text of {} bytes",
            d.rule,
            span,
            text.len()
        );
        prop_assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{} span {:?} not on char boundaries",
            d.rule,
            span
        );
        for offset in [span.start, span.end] {
            prop_assert_eq!(index.line_col(offset), by_hand(text, offset));
        }
    }
    for signal in &report.signals {
        if let Some(at) = signal.at {
            prop_assert!(at <= text.len() && text.is_char_boundary(at));
        }
    }
    Ok(())
}

/// Front matter that fills slots and makes other companies wrong.
const DECLARED: &str = "+++\ncompany = \"Halyard Logistics\"\nrole = \"Site Reliability Engineer\"\nname = \"Ana Ruiz\"\n+++\n";

/// Applies every fix of the letter's findings, after checking that each
/// edit fits the text, and lints the fixed text; with and without front
/// matter that declares what the slots want.
fn check_fixes(body: &str) -> Result<(), TestCaseError> {
    let declared = format!("{DECLARED}{body}");
    for (path, text) in [
        ("letter.md", body),
        ("letter.txt", body),
        ("letter.md", declared.as_str()),
    ] {
        let Ok(report) = lint(&Source::new(path, text), &WITH_COMPANIES) else {
            continue;
        };
        let fixes: Vec<&fix::Fix> = report
            .diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .collect();
        for edit in fixes.iter().flat_map(|f| &f.edits) {
            let range = &edit.range;
            prop_assert!(
                range.start <= range.end
                    && range.end <= text.len()
                    && text.is_char_boundary(range.start)
                    && text.is_char_boundary(range.end),
                "edit {:?} does not fit a text of {} bytes",
                edit,
                text.len()
            );
        }
        let fixed = fix::apply(text, fixes.iter().copied());
        prop_assert_eq!(
            fixed.skipped + fixed.applied,
            fixes.iter().filter(|f| !f.edits.is_empty()).count()
        );
        if let Ok(again) = lint(&Source::new(path, fixed.text.as_str()), &WITH_COMPANIES) {
            check_spans(&fixed.text, &again)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text)?;
        check_fixes(&text)?;
    }

    #[test]
    fn markdown_shaped_strings(text in markdown()) {
        check(&text)?;
        check_fixes(&text)?;
    }
}

#[test]
fn line_col_by_hand_agrees_on_a_known_text() {
    // The oracle itself, checked once on a case worked out by hand.
    let text = "ab\nçd\n\nx";
    assert_eq!(by_hand(text, 0), LineCol { line: 1, column: 1 });
    assert_eq!(by_hand(text, 5), LineCol { line: 2, column: 2 });
    assert_eq!(by_hand(text, text.len()), LineCol { line: 4, column: 2 });
}

/// A sentence of one clause said over and over, for about 240 KB, holds
/// that clause's figures at every repeat: reading a figure looks at its
/// neighbours, never at the whole line. The first clauses put a number or a
/// "from" every few bytes, where a hand-written matcher that looks back over
/// the line turns quadratic: such a slip shows as a hung suite.
#[test]
fn a_long_line_has_the_figures_of_its_clauses() {
    for (clause, figures) in [
        ("from 1 to 2 ", 0),
        ("1 1 1 1 ", 0),
        ("from 1 up to up to ", 0),
        ("zero zero a single ", 0),
        ("with zero incidents, ", 1),
        ("it cut latency from 1.8s to 210ms; ", 2),
        ("we went from 8,500 to 72,000 orders per minute; ", 2),
    ] {
        let once = find_in_sentence(clause);
        assert_eq!(once.len(), figures, "{clause:?}");
        let repeats = 240_000 / clause.len();
        let expected: Vec<_> = (0..repeats)
            .flat_map(|k| {
                let shift = k * clause.len();
                once.iter()
                    .map(move |(range, kind)| (range.start + shift..range.end + shift, *kind))
            })
            .collect();
        let found = find_in_sentence(&clause.repeat(repeats));
        let first_difference = found.iter().zip(&expected).position(|(a, b)| a != b);
        assert_eq!(
            (found.len(), first_difference),
            (expected.len(), None),
            "{clause:?}: how many figures, and the first unlike its clause's"
        );
    }
}
