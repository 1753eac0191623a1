//! One run: read the letters, lint each, write the reports, and decide the
//! exit code.

use crate::config::{ConfigError, Selection};
use crate::diagnostic::Severity;
use crate::fixing::{fix_letter, FixError, FixMode, FixOptions};
use crate::inputs::{load_configs, read_postings, InputError, Inputs, Letter, PostingError};
use crate::lint::{lint_parsed, lint_with_posting, LintError};
use crate::ordered::{write_in_order, Writing};
use crate::report::{self, Linted, Output, Reporter, WriteError};
use crate::source::Source;
use crate::tex_inputs::{self, Unfollowed};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The most worker threads a run starts, whatever `--threads` asks: linting
/// is work for cores, and past a few per core more threads only cost their
/// start.
pub const MAX_THREADS: usize = 256;

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub inputs: Inputs,
    pub selection: Selection,
    pub output: Output,
    /// Worker threads; `None` is one per core. A run starts at most
    /// [`MAX_THREADS`], and no more than it has letters.
    pub threads: Option<usize>,
    /// `--fix`, `--diff`, `--unsafe-fixes`.
    pub fix: FixOptions,
}

/// How a run ends, as the process's exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Pass = 0,
    /// A finding at error level, or a letter scored below the bar.
    Findings = 1,
    /// The run could not do all it was asked.
    Failed = 2,
}

/// What went wrong. A run tells each problem as it happens and goes on
/// where it can.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("no letters given; try `letterlint draft.md` or `letterlint --help`")]
    NoLetters,
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A file a LaTeX letter inputs that is not read; the letter is
    /// linted without it.
    #[error(transparent)]
    Unfollowed(#[from] Unfollowed),
    /// A posting and why it was not read.
    #[error("{0}: {1} (job posting; its letters are linted without it)")]
    Posting(String, PostingError),
    /// A letter and why it was not linted.
    #[error("{0}: {1}")]
    Lint(String, LintError),
    #[error(transparent)]
    Fix(#[from] FixError),
    #[error("cannot start worker threads: {0}")]
    Threads(#[from] rayon::ThreadPoolBuildError),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Hears each problem as it happens: the command line prints it as a line.
pub type Tell<'a> = dyn FnMut(Severity, &Problem) + 'a;

/// Lints the letters and writes their reports to `out`. `err` takes only
/// what must not mix into a report for programs: the `--statistics` table.
/// With `--fix`, standard input's fixed letter is what goes to `out`, and
/// the report to `err`, so that the letter can be piped on.
pub fn run(
    options: &RunOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
    tell: &mut Tell,
) -> Exit {
    let fixes_stdin = options.fix.mode == FixMode::Write
        && options.inputs.paths.iter().any(|p| p == Path::new("-"));
    if !fixes_stdin {
        return lint_all(options, out, err, tell, None);
    }
    let fixed = Mutex::new(None);
    // The statistics of a report for programs follow the report.
    let mut statistics = Vec::new();
    let mut exit = lint_all(options, err, &mut statistics, tell, Some(&fixed));
    let letter = fixed.into_inner().expect("no worker panics");
    let written = err.write_all(&statistics).and_then(|()| match letter {
        Some(text) => out.write_all(text.as_bytes()),
        None => Ok(()),
    });
    if let Err(e) = report::written(written) {
        exit = fail(tell, e.into());
    }
    exit
}

/// The run, with the report written to `out`, and standard input's fixed
/// text kept in `stdin_fixed` when the run asks for it.
fn lint_all(
    options: &RunOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
    tell: &mut Tell,
    stdin_fixed: Option<&Mutex<Option<String>>>,
) -> Exit {
    let reporter = options.output.format.reporter(options.output.style);
    // The report hears of every problem too: a SARIF log records them.
    let mut tell_all = |level, problem: &Problem| {
        reporter.problem(level, &problem.to_string());
        tell(level, problem);
    };
    let tell: &mut Tell = &mut tell_all;
    let inputs = &options.inputs;
    if inputs.paths.is_empty() {
        fail(tell, Problem::NoLetters);
        return nothing_linted(&*reporter, out, tell);
    }
    let found = inputs.find();
    // A folder with nothing to lint is worth a warning, and a run with
    // nothing to lint at all fails, as one given no letters does.
    let level = match found.letters.is_empty() {
        true => Severity::Error,
        false => Severity::Warning,
    };
    for folder in found.empty {
        tell(level, &folder.into());
    }
    if found.letters.is_empty() {
        return nothing_linted(&*reporter, out, tell);
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads(options, found.letters.len()));
    let pool = match pool.build() {
        Ok(pool) => pool,
        Err(e) => return fail(tell, e.into()),
    };
    let found = found.letters.into_par_iter();
    let mut letters: Vec<Letter> = pool.install(|| found.map(|l| inputs.read(l)).collect());
    inputs.drop_inputs(&mut letters);
    for letter in &mut letters {
        for unfollowed in std::mem::take(&mut letter.unfollowed) {
            tell(Severity::Warning, &unfollowed.into());
        }
    }

    let configs = load_configs(&letters, &options.selection);
    // A bad posting is an error, and its letters are linted without it.
    let postings = read_postings(&letters);
    let mut failed = !postings.bad.is_empty();
    for (path, cause) in postings.bad {
        tell(Severity::Error, &Problem::Posting(path, cause));
    }

    let lint = |letter: Letter| {
        let source = letter.source?;
        let config = configs[&letter.config_file].as_ref();
        let config = config.map_err(|e| Problem::Config(e.clone()))?;
        let posting = letter
            .posting
            .and_then(|path| postings.read.get(&path).cloned());
        let report = match lint_parsed(&source, letter.front_matter, config, posting.clone()) {
            Ok(report) => report,
            Err(cause) => return Err(Problem::Lint(source.path, cause)),
        };
        let linted = Linted::new(source, report, config.min_score);
        // `--fix` writes the letter alone: the files it inputs are read
        // again as they are.
        let lint_fixed = |fixed: Source| {
            let path = PathBuf::from(&fixed.path);
            let (fixed, _) = tex_inputs::follow(fixed, &path);
            let report = lint_with_posting(&fixed, config, posting)?;
            Ok((fixed, report))
        };
        let linted = fix_letter(linted, options.fix, letter.file.as_deref(), lint_fixed)?;
        if let (Some(fixed), None) = (stdin_fixed, &letter.file) {
            *fixed.lock().expect("no worker panics") = Some(linted.source.text.clone());
        }
        Ok(linted)
    };
    let mut findings = false;
    // A bad config file is reported once, however many letters it governs.
    let mut bad_configs = Vec::new();
    let letters = letters.into_iter();
    let writing = Writing {
        reporter: &*reporter,
        output: options.output,
        out,
        err,
        fails: match options.fix.mode {
            FixMode::Diff => Linted::would_change,
            _ => Linted::fails,
        },
    };
    let written = write_in_order(&pool, letters, lint, writing, |letter| {
        let problem = match letter {
            Ok(fails) => return findings |= fails,
            Err(Problem::Config(e)) if bad_configs.contains(&e) => return failed = true,
            Err(problem) => problem,
        };
        failed = true;
        if let Problem::Config(e) = &problem {
            bad_configs.push(e.clone());
        }
        tell(Severity::Error, &problem);
    });
    if let Err(e) = report::written(written) {
        return fail(tell, e.into());
    }
    match (failed, findings) {
        (true, _) => Exit::Failed,
        (false, true) => Exit::Findings,
        (false, false) => Exit::Pass,
    }
}

/// How many workers lint `letters` letters: as asked, or one per core, but
/// no more than [`MAX_THREADS`], and no more than the letters, as starting
/// a thread costs more than linting a letter.
fn threads(options: &RunOptions, letters: usize) -> usize {
    let cores = || std::thread::available_parallelism().map_or(1, usize::from);
    let wanted = options.threads.unwrap_or_else(cores);
    wanted.min(MAX_THREADS).min(letters).max(1)
}

/// Ends a run that had nothing to lint. A report for programs is still
/// written, a valid document with no letters in it: a CI step that reads
/// it must not fail on an empty file.
fn nothing_linted(reporter: &dyn Reporter, out: &mut dyn Write, tell: &mut Tell) -> Exit {
    if let Err(e) = report::written(reporter.report_all(&[], out)) {
        tell(Severity::Error, &e.into());
    }
    Exit::Failed
}

/// Tells the problem that ends the run.
fn fail(tell: &mut Tell, problem: Problem) -> Exit {
    tell(Severity::Error, &problem);
    Exit::Failed
}
