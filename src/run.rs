//! One run: read the letters, lint each, write the reports, and decide the
//! exit code.

use crate::config::{ConfigError, Selection};
use crate::diagnostic::Severity;
use crate::inputs::{load_configs, read_postings, InputError, Inputs, Letter, PostingError};
use crate::lint::{lint_parsed, LintError};
use crate::ordered::{write_in_order, Writing};
use crate::report::{self, Linted, Output, Reporter, WriteError};
use crate::tex_inputs::Unfollowed;
use rayon::prelude::*;
use std::io::Write;

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
    #[error("cannot start worker threads: {0}")]
    Threads(#[from] rayon::ThreadPoolBuildError),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Hears each problem as it happens: the command line prints it as a line.
pub type Tell<'a> = dyn FnMut(Severity, &Problem) + 'a;

/// Lints the letters and writes their reports to `out`. `err` takes only
/// what must not mix into a report for programs: the `--statistics` table.
pub fn run(
    options: &RunOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
    tell: &mut Tell,
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
        match lint_parsed(&source, letter.front_matter, config, posting) {
            Ok(report) => Ok(Linted::new(source, report, config.min_score)),
            Err(cause) => Err(Problem::Lint(source.path, cause)),
        }
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
