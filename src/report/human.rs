//! The default output, shaped like rustc's: each finding as annotate-snippets
//! draws it (the title with the rule id, the source line with the span
//! underlined, the help), in the order of the text, then the posting's
//! coverage, the scorecard and a summary line per file, and a total line
//! after a run of several letters.

use super::finding::{self, Drawn};
use super::reporter::{Format, Linted, Rendered, Reporter, Scorecard, Style};
use crate::diagnostic::{Diagnostic, Severity};
use crate::posting::Judgement;
use crate::source::LineIndex;
use annotate_snippets::renderer::{
    Style as Paint, DEFAULT_ERROR_STYLE, DEFAULT_NOTE_STYLE, DEFAULT_WARNING_STYLE,
};
use annotate_snippets::Renderer;
use std::collections::HashSet;
use std::fmt::{Display, Write as _};
use std::io::{self, Write};
use std::sync::Mutex;

pub(super) const FORMAT: Format = Format {
    name: "human",
    about: None,
    for_people: true,
    new,
};

fn new(style: Style) -> Box<dyn Reporter> {
    // Colour is decided here, once: a plain renderer and plain paints print
    // no escape codes. The lines drawn here take the renderer's own colours
    // for the levels, so that red is one red throughout.
    let [bad, doubtful, good] = match style.color {
        true => [
            DEFAULT_ERROR_STYLE,
            DEFAULT_WARNING_STYLE,
            DEFAULT_NOTE_STYLE,
        ],
        false => [Paint::new(); 3],
    };
    Box::new(Human {
        quiet: style.quiet,
        scorecard: style.scorecard,
        unsafe_fixes: style.unsafe_fixes,
        renderer: finding::renderer(style.color),
        bad,
        doubtful,
        good,
        written: Mutex::default(),
    })
}

struct Human {
    quiet: bool,
    scorecard: Scorecard,
    /// Whether an unsafe fix is fixable: `--unsafe-fixes`.
    unsafe_fixes: bool,
    renderer: Renderer,
    /// The colours of what is painted here, beside the findings: a letter's
    /// score when it fails the run, or a scorecard signal missing; a score
    /// with warnings; a score without any, or a signal shown.
    bad: Paint,
    doubtful: Paint,
    good: Paint,
    written: Mutex<Written>,
}

/// What the letters written so far add up to.
#[derive(Default)]
struct Written {
    /// The rules whose `--explain` page a note has pointed to.
    explained: HashSet<String>,
    total: Counts,
}

#[derive(Default)]
struct Counts {
    letters: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    failing: usize,
    /// Findings this run's `--fix` would mend, and those only
    /// `--unsafe-fixes` would.
    fixable: usize,
    unsafe_fixable: usize,
    /// Fixes `--fix` or `--diff` applied.
    fixed: usize,
}

/// One letter's report, rendered: its findings drawn, then the rest.
struct Page {
    findings: Vec<Drawn>,
    /// The posting's coverage, the scorecard and the summary line.
    rest: String,
    counts: Counts,
}

impl Reporter for Human {
    /// One letter's report: each finding, the posting's coverage, the
    /// scorecard and the summary line; `--quiet` keeps only the error-level
    /// findings and the summary line, as ruff's does.
    fn render(&self, file: &Linted) -> Rendered {
        let report = &file.report;
        let fixable = |d: &Diagnostic| d.fix.as_ref().is_some_and(|f| f.applies(self.unsafe_fixes));
        let unsafe_fixable =
            |d: &&Diagnostic| !fixable(d) && d.fix.as_ref().is_some_and(|f| f.applies(true));
        let counts = Counts {
            letters: 1,
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
            failing: usize::from(file.fails()),
            fixable: report.diagnostics.iter().filter(|d| fixable(d)).count(),
            unsafe_fixable: report.diagnostics.iter().filter(unsafe_fixable).count(),
            fixed: file.changed.as_ref().map_or(0, |c| c.fixes),
        };
        let index = LineIndex::new(&file.source.text);
        // By position, as rustc and ruff list them; what the whole letter
        // lacks comes after what is in it. Quiet shows errors only.
        let shown = |d: &&Diagnostic| !self.quiet || d.severity == Severity::Error;
        let diagnostics = report.diagnostics.iter().filter(shown);
        let located = diagnostics.clone().filter(|d| d.span.is_some());
        let letter_wide = diagnostics.filter(|d| d.span.is_none());
        let mut rules = HashSet::new();
        let findings = located
            .chain(letter_wide)
            .map(|d| {
                let first = rules.insert(&d.rule);
                finding::draw(&self.renderer, file, &index, d, first, fixable(d))
            })
            .collect();
        let mut rest = String::new();
        if !self.quiet {
            rest += &coverage(file);
            rest += &self.scorecard(file, &index);
        }
        rest += &self.summary(file, &counts);
        rest.push('\n');
        Rendered::new(Page {
            findings,
            rest,
            counts,
        })
    }

    fn write(&self, rendered: Rendered, out: &mut dyn Write) -> io::Result<()> {
        let page: Page = rendered.take();
        let mut written = self.written.lock().expect("no writer panics");
        for finding in page.findings {
            out.write_all(finding.text.as_bytes())?;
            if let Some(note) = finding.explain {
                if written.explained.insert(finding.rule) {
                    write!(out, "\n{note}")?;
                }
            }
            out.write_all(b"\n\n")?;
        }
        out.write_all(page.rest.as_bytes())?;
        let total = &mut written.total;
        total.letters += page.counts.letters;
        total.errors += page.counts.errors;
        total.warnings += page.counts.warnings;
        total.infos += page.counts.infos;
        total.failing += page.counts.failing;
        total.fixable += page.counts.fixable;
        total.unsafe_fixable += page.counts.unsafe_fixable;
        total.fixed += page.counts.fixed;
        Ok(())
    }

    /// After several letters, what they add up to, and after any, what
    /// `--fix` would mend, as ruff ends a run.
    fn finish(&self, out: &mut dyn Write) -> io::Result<()> {
        let written = self.written.lock().expect("no writer panics");
        let total = &written.total;
        if self.quiet {
            return Ok(());
        }
        if total.letters > 1 {
            writeln!(out, "\n{}", found(total))?;
        }
        match (fixable(total), total.letters) {
            (Some(line), 1) => writeln!(out, "\n{line}"),
            (Some(line), _) => writeln!(out, "{line}"),
            (None, _) => Ok(()),
        }
    }
}

/// What several letters add up to: `Found 9 errors, 15 warnings and 5
/// infos in 3 letters after 4 fixes; 2 letters fail the run.`
fn found(total: &Counts) -> String {
    let mut found = vec![
        plural(total.errors, "error"),
        plural(total.warnings, "warning"),
    ];
    if total.infos > 0 {
        found.push(plural(total.infos, "info"));
    }
    let last = found.pop().expect("two counts at least");
    let mut line = format!(
        "Found {} and {last} in {}",
        found.join(", "),
        plural(total.letters, "letter")
    );
    match total.fixed {
        0 => {}
        1 => line += " after 1 fix",
        n => line += &format!(" after {n} fixes"),
    }
    if total.failing > 0 {
        let verb = if total.failing == 1 { "fails" } else { "fail" };
        let _ = write!(line, "; {} {verb} the run", plural(total.failing, "letter"));
    }
    line + "."
}

/// `[*] 2 fixable with --fix (1 more with --unsafe-fixes).`, when there
/// is anything to fix.
fn fixable(total: &Counts) -> Option<String> {
    match (total.fixable, total.unsafe_fixable) {
        (0, 0) => None,
        (0, n) => Some(format!("{n} fixable with --fix --unsafe-fixes.")),
        (n, 0) => Some(format!("[*] {n} fixable with --fix.")),
        (n, more) => Some(format!(
            "[*] {n} fixable with --fix ({more} more with --unsafe-fixes)."
        )),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `text` in `paint`, and back to plain after it.
fn painted(paint: Paint, text: impl Display) -> String {
    format!("{paint}{text}{paint:#}")
}

impl Human {
    /// Each signal with a mark, and the line that shows it or what would
    /// show it. Short, a missing signal whose advice a finding gave points
    /// at that finding instead of saying it again.
    fn scorecard(&self, file: &Linted, index: &LineIndex) -> String {
        let signals = &file.report.signals;
        if signals.is_empty() || self.scorecard == Scorecard::Off {
            return String::new();
        }
        let width = signals
            .iter()
            .map(|s| s.name.chars().count())
            .max()
            .unwrap_or(0);
        let shown = signals.iter().filter(|s| s.present()).count();
        let mut out = format!(
            "scorecard: {shown} of {} signals a hiring manager scans for\n",
            signals.len()
        );
        let diagnostics = &file.report.diagnostics;
        for signal in signals {
            let (mark, detail) = match signal.at {
                Some(at) => (
                    painted(self.good, "✓"),
                    format!("line {}", index.line_col(at).line),
                ),
                None => {
                    let said = match self.scorecard {
                        Scorecard::Short => signal.said_by(diagnostics),
                        _ => None,
                    };
                    let detail =
                        said.map_or(signal.hint.clone(), |rule| format!("see {rule} above"));
                    (painted(self.bad, "✗"), detail)
                }
            };
            let _ = writeln!(out, "  {mark} {:width$}  {detail}", signal.name);
        }
        out.push('\n');
        out
    }

    /// The letter's score and counts. Only the score is painted: by whether
    /// the letter fails the run (the bar its configuration sets), and if
    /// not, has warnings.
    fn summary(&self, file: &Linted, counts: &Counts) -> String {
        let paint = if file.fails() {
            self.bad
        } else if counts.warnings > 0 {
            self.doubtful
        } else {
            self.good
        };
        let mut line = format!(
            "{}: score {} · {} · {}",
            file.report.path,
            painted(paint, format!("{}/100", file.report.score)),
            plural(counts.errors, "error"),
            plural(counts.warnings, "warning"),
        );
        if counts.infos > 0 {
            let _ = write!(line, " · {}", plural(counts.infos, "info"));
        }
        if counts.fixed > 0 {
            let _ = write!(line, " · {} fixed", counts.fixed);
        }
        line
    }
}

/// The posting's requirements: covered or not, and where in the letter.
fn coverage(file: &Linted) -> String {
    let Some(matched) = &file.report.posting else {
        return String::new();
    };
    let posting = &matched.posting;
    let name = |stated: &Option<crate::posting::Stated>| match stated {
        Some(s) if s.sure => s.text.clone(),
        Some(s) => format!("{}?", s.text),
        None => "?".to_string(),
    };
    let mut out = format!(
        "posting: {} ({} at {})\n",
        posting.path,
        name(&posting.role),
        name(&posting.company)
    );
    let shorten = |text: &str| {
        let mut short: String = text.chars().take(60).collect();
        if short.len() < text.len() {
            short.push('…');
        }
        short
    };
    let rows: Vec<(String, String, &str, String)> = matched
        .coverage
        .iter()
        .map(|c| {
            let text = if c.requirement.nice {
                format!("{} (nice to have)", shorten(&c.requirement.text))
            } else {
                shorten(&c.requirement.text)
            };
            let line = format!("line {}", c.requirement.line);
            let covered = match c.judgement {
                Judgement::Covered => "yes",
                Judgement::Missed => "no",
                Judgement::Gap => "gap",
            };
            let at = c
                .letter_line
                .map_or(String::new(), |l| format!("letter line {l}"));
            (text, line, covered, at)
        })
        .collect();
    let width = rows
        .iter()
        .map(|r| r.0.chars().count())
        .max()
        .unwrap_or(0)
        .max("requirement".len());
    let _ = writeln!(
        out,
        "  {:width$}  {:9}  {:7}  where",
        "requirement", "posting", "covered"
    );
    for (text, line, covered, at) in rows {
        let row = format!("  {text:width$}  {line:9}  {covered:7}  {at}");
        let _ = writeln!(out, "{}", row.trim_end());
    }
    if !posting.themes.is_empty() {
        let _ = writeln!(out, "  themes: {}", posting.themes.join(", "));
    }
    out.push('\n');
    out
}
