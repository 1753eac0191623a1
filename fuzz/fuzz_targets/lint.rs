//! Arbitrary bytes as a letter: when they are UTF-8 (letterlint refuses
//! anything else before linting), lint them as Markdown, LaTeX and plain text
//! with the default configuration, and as a file a LaTeX letter `\input`s;
//! check every span against the file it names, and render the reports a
//! user would see. Every fix the findings carry must lie on char
//! boundaries of the letter; all of them are applied, as `--fix
//! --unsafe-fixes` would, and the fixed text is linted again and its spans
//! checked. The same bytes are also read as a job posting that a fixed
//! letter is linted against, and the letter against a fixed posting, so the
//! posting rules see arbitrary input from both sides.
#![no_main]

use letterlint::fix;
use letterlint::posting::Posting;
use letterlint::report::{self, Linted, Style};
use letterlint::source::Spliced;
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

/// A LaTeX letter whose body is `text`, in a file it inputs, set in as
/// letterlint sets in what `\input` names.
fn input(text: &str) -> Source {
    let letter = "\\begin{document}\nDear team,\n\n\\input{body}\n\nBest,\nAna\n\\end{document}\n";
    let command = letter.find("\\input").expect("the letter inputs");
    let after = letter[command..].find('\n').expect("a line end") + command + 1;
    let mut spliced = Spliced::default();
    spliced.files.push(Source::new("body.tex", text));
    spliced.push(None, letter, 0..after, 0);
    spliced.push(Some(0), text, 0..text.len(), command);
    spliced.push(None, letter, after..letter.len(), 0);
    let mut source = Source::new("letter.tex", letter);
    source.spliced = Some(spliced);
    source
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let sources = ["letter.md", "letter.tex", "letter.txt"].map(|path| Source::new(path, text));
    for source in sources.into_iter().chain([input(text)]) {
        // Bad front matter or unbalanced braces are a reported error, not a crash.
        let Ok(report) = lint(&source, &CONFIG) else {
            continue;
        };
        check_spans(&source, &report);
        let fixes = report.diagnostics.iter().filter_map(|d| d.fix.as_ref());
        let fixed = fix::apply(&source.text, fixes);
        let again = Source::new(source.path.clone(), fixed.text.as_str());
        if let Ok(report) = lint(&again, &CONFIG) {
            check_spans(&again, &report);
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

/// Every span lies inside the file its finding names, and every edit of
/// every fix inside the letter, on char boundaries.
fn check_spans(source: &Source, report: &FileReport) {
    let fits = |text: &str, range: &std::ops::Range<usize>| {
        range.start <= range.end
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end)
    };
    for d in &report.diagnostics {
        let file = &source.file(d.path.as_deref()).text;
        assert!(d.span.as_ref().is_none_or(|s| fits(file, s)), "{d:?}");
        let edits = d.fix.iter().flat_map(|f| &f.edits);
        assert!(edits.map(|e| &e.range).all(|r| fits(&source.text, r)), "{d:?}");
    }
}
