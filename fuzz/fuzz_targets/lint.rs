//! Arbitrary bytes as a letter: when they are UTF-8 (letterlint refuses
//! anything else before linting), lint them as Markdown, LaTeX and plain text
//! with the default configuration, check every span, and render the
//! reports a user would see. Every fix the findings carry must lie on char
//! boundaries; all of them are applied, as `--fix --unsafe-fixes` would,
//! and the fixed text is linted again and its spans checked. The same
//! bytes are also read as a job posting that a fixed letter is linted
//! against, and the letter against a fixed posting, so the posting rules
//! see arbitrary input from both sides.
#![no_main]

use letterlint::fix;
use letterlint::posting::Posting;
use letterlint::report::{self, Linted, Style};
use letterlint::{lint, lint_with_posting, Config, FileReport, Source};
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, LazyLock};

/// Other letters of the run are for these companies: wrong-company finds
/// them, and fixes them.
static CONFIG: LazyLock<Config> = LazyLock::new(|| {
    let mut config = Config::default();
    config.add_run_companies(&["Kestrel Pay".to_string(), "Halyard Logistics".to_string()]);
    config
});

static POSTING: LazyLock<Arc<Posting>> = LazyLock::new(|| {
    let text = "# Senior Backend Engineer at Kestrel Pay\n\n## Requirements\n\n- Go, Postgres, Kafka and Redis in production\n- Own the ledger's schema migrations\n- On-call for payment incidents\n";
    Arc::new(Posting::parse(&Source::new("posting.md", text)).expect("valid posting"))
});

const LETTER: &str = "+++\ncompany = \"Kestrel Pay\"\nrole = \"Senior Backend Engineer\"\n+++\nDear team,\n\nI built the ledger in Go, Postgres, Kafka and Redis; p99 fell from 900 ms to 85 ms.\n\nBest,\nAna\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for path in ["letter.md", "letter.tex", "letter.txt"] {
        let source = Source::new(path, text);
        // Bad front matter or unbalanced braces are a reported error, not a crash.
        let Ok(report) = lint(&source, &CONFIG) else {
            continue;
        };
        check_spans(text, &report);
        let fixes = report.diagnostics.iter().filter_map(|d| d.fix.as_ref());
        let fixed = fix::apply(text, fixes);
        if let Ok(again) = lint(&Source::new(path, fixed.text.as_str()), &CONFIG) {
            check_spans(&fixed.text, &again);
        }
        let linted = [Linted::new(source, report, CONFIG.min_score)];
        for name in ["human", "json"] {
            let style = Style {
                color: false,
                quiet: false,
                scorecard: report::Scorecard::Full,
                unsafe_fixes: true,
            };
            let format = report::format(name).expect("a registered format");
            format
                .reporter(style)
                .report_all(&linted, &mut std::io::sink())
                .expect("a sink never fails");
        }
    }
    let _ = lint_with_posting(
        &Source::new("letter.md", text),
        &CONFIG,
        Some(POSTING.clone()),
    );
    if let Ok(posting) = Posting::parse(&Source::new("posting.md", text)) {
        let _ = lint_with_posting(
            &Source::new("letter.md", LETTER),
            &CONFIG,
            Some(Arc::new(posting)),
        );
    }
});

/// Every span, and every edit of every fix, lies inside `text` on char
/// boundaries.
fn check_spans(text: &str, report: &FileReport) {
    let fits = |range: &std::ops::Range<usize>| {
        range.start <= range.end
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end)
    };
    for d in &report.diagnostics {
        assert!(d.span.as_ref().is_none_or(fits), "{d:?}");
        let edits = d.fix.iter().flat_map(|f| &f.edits);
        assert!(edits.map(|e| &e.range).all(fits), "{d:?}");
    }
}
