//! Linting one letter: its rules run over it, findings become diagnostics
//! with a cost, and the costs make its score.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::Fix;
use crate::front_matter::{FrontMatter, FrontMatterError};
use crate::letter::{self, LatexError, Letter};
use crate::posting::{Posting, PostingMatch};
use crate::source::Source;
use crate::{posting, rules, scorecard, suppression};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// What linting one letter produced.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    pub path: String,
    pub words: usize,
    pub score: u32,
    /// Letter-wide findings first, then in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// What a hiring manager scans for, and where the letter shows it.
    pub signals: Vec<scorecard::SignalResult>,
    /// The posting the letter was checked against, and its coverage.
    pub posting: Option<posting::PostingMatch>,
    /// Where an editor shows a letter-wide finding, which has no span of
    /// its own: the first line of the body, else of the salutation, else of
    /// the first block. The top of the file is often front matter or an
    /// address, where a squiggle would say nothing.
    pub letter_wide_at: Range<usize>,
}

impl FileReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LintError {
    #[error(transparent)]
    FrontMatter(#[from] FrontMatterError),
    #[error("front matter: {0}")]
    Profile(String),
    #[error(transparent)]
    Latex(#[from] LatexError),
}

/// Lints one letter with a resolved configuration.
pub fn lint(source: &Source, config: &Config) -> Result<FileReport, LintError> {
    lint_with_posting(source, config, None)
}

/// Lints one letter against the job posting it answers.
pub fn lint_with_posting(
    source: &Source,
    config: &Config,
    posting: Option<Arc<Posting>>,
) -> Result<FileReport, LintError> {
    lint_parsed(source, letter::front_matter(source), config, posting)
}

/// Lints one letter whose front matter was read already: a run reads every
/// letter's before linting any, for the companies they name.
pub fn lint_parsed(
    source: &Source,
    front_matter: Result<FrontMatter, FrontMatterError>,
    config: &Config,
    posting: Option<Arc<Posting>>,
) -> Result<FileReport, LintError> {
    let latex = source.is_latex();
    let letter = if latex {
        let text = source.letter_text();
        Letter::from_latex(text, front_matter?, &config.file.latex)
            .map_err(|e| e.placed(|at| source.line_of(at)))?
    } else {
        Letter::with_front_matter(&source.text, front_matter?, source.is_plain_text())
    };
    let profile = config.profile_for(letter.front_matter.profile());
    let rule_set = config
        .rule_set(&profile)
        .map_err(|e| LintError::Profile(e.to_string()))?;
    let posting = posting.map(|posting| PostingMatch {
        coverage: posting::coverage(&posting, &letter),
        posting,
    });
    let context = rules::Context {
        rule_ids: &config.rule_ids,
        companies: Some(&config.companies),
        posting: posting.as_ref(),
        name: config.file.name.as_deref(),
    };
    let engineering = rule_set.engineering && letter.is_engineering();
    let mut diagnostics = Vec::new();
    for active in &rule_set.rules {
        if active.engineering && !engineering {
            continue;
        }
        let Some(severity) = active.level.severity() else {
            continue;
        };
        let disabled = suppression::disabled(letter.source, &letter.suppressions, &active.id);
        for mut finding in active.rule.check(&letter, &context) {
            if disabled.silences(finding.span.as_ref()) {
                continue;
            }
            if latex {
                let edits = finding.fix.iter_mut().flat_map(|f| &mut f.edits);
                edits.for_each(|e| e.replacement = letter::tex_escape(&e.replacement));
            }
            diagnostics.push((
                finding.strength,
                Diagnostic {
                    rule: active.id.clone(),
                    severity: if finding.mild {
                        severity.min(Severity::Info)
                    } else {
                        severity
                    },
                    message: finding.message,
                    span: finding.span,
                    label: finding.label,
                    help: finding.help.or_else(|| Some(active.help.clone())),
                    penalty: 0,
                    fix: finding.fix,
                    path: None,
                },
            ));
        }
    }
    diagnostics.sort_by(|(_, a), (_, b)| {
        let key = |d: &Diagnostic| d.span.as_ref().map(|s| (s.start, s.end));
        key(a).cmp(&key(b)).then_with(|| a.rule.cmp(&b.rule))
    });

    // Each finding costs strength × penalty until its rule's cap is spent.
    let limits: HashMap<&str, (u32, u32)> = rule_set
        .rules
        .iter()
        .map(|r| (r.id.as_str(), (r.penalty, r.max_penalty)))
        .collect();
    let mut spent: HashMap<String, u32> = HashMap::new();
    let mut total = 0u32;
    let diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .map(|(strength, mut d)| {
            let (penalty, cap) = limits[d.rule.as_str()];
            let used = spent.entry(d.rule.clone()).or_default();
            let cost = ((strength * f64::from(penalty)).round() as u32).min(cap - *used);
            *used += cost;
            total += cost;
            d.penalty = cost;
            d
        })
        .collect();
    let mut report = FileReport {
        path: source.path.clone(),
        words: letter.word_count(),
        score: 100u32.saturating_sub(total),
        diagnostics,
        signals: scorecard::scan(&letter, engineering),
        posting,
        letter_wide_at: letter_wide_at(&letter),
    };
    if source.spliced.is_some() {
        told_in_files(source, &mut report);
    }
    Ok(report)
}

/// A report on a letter read with its inputs set in, told in its files:
/// each finding's span in the file its text is in, which the finding
/// names; a signal and a posting's covered line where the letter inputs
/// the text that shows it.
fn told_in_files(source: &Source, report: &mut FileReport) {
    for d in &mut report.diagnostics {
        if let Some(span) = d.span.take() {
            let (file, span) = source.locate(span);
            d.path = file.map(|f| f.path.clone());
            d.span = Some(span);
        }
        d.fix = d.fix.take().and_then(|fix| in_letter_file(source, fix));
    }
    for signal in &mut report.signals {
        signal.at = signal.at.map(|at| source.in_letter(at));
    }
    report.letter_wide_at = match source.locate(report.letter_wide_at.clone()) {
        (None, range) => range,
        (Some(_), _) => {
            let at = source.in_letter(report.letter_wide_at.start);
            at..at
        }
    };
    let coverage = report.posting.iter_mut().flat_map(|p| &mut p.coverage);
    let letter_line = source.letter_lines();
    for covered in coverage {
        covered.letter_line = covered.letter_line.map(&letter_line);
    }
}

/// `fix` with its edits in the letter's own file, which is the one file
/// `--fix` writes: none when an edit lies in a file the letter inputs.
fn in_letter_file(source: &Source, mut fix: Fix) -> Option<Fix> {
    for edit in &mut fix.edits {
        let (file, range) = source.locate(edit.range.clone());
        if file.is_some() || range.len() != edit.range.len() {
            return None;
        }
        edit.range = range;
    }
    Some(fix)
}

/// See [`FileReport::letter_wide_at`].
fn letter_wide_at(letter: &Letter) -> Range<usize> {
    use crate::letter::Part;
    let first = |part: Part| letter.blocks.iter().find(|b| b.part == part);
    let block = first(Part::Body)
        .or_else(|| first(Part::Salutation))
        .or_else(|| letter.blocks.first());
    let Some(block) = block else {
        return 0..0;
    };
    let line = &letter.source[block.range.clone()];
    let end = line.find(['\r', '\n']).unwrap_or(line.len());
    block.range.start..block.range.start + end
}
