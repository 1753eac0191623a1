//! One invocation: find the configuration, read the letters, lint each,
//! report, and decide the exit code.

use crate::config::{self, check_rule_id, Config, ConfigError, FileConfig, Selection};
use crate::posting::Posting;
use crate::report::{self, Format, Linted, Part, Statistics};
use crate::source::{io_cause, Source};
use crate::{explain, front_matter, lint_with_posting};
use ignore::overrides::OverrideBuilder;
use ignore::WalkBuilder;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Mutex};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Where the configuration comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigChoice {
    /// The nearest `letterlint.toml` above each letter.
    Discover,
    File(PathBuf),
    None,
}

#[derive(Debug, Clone)]
pub enum Task {
    Lint,
    Explain(String),
    ListRules,
    /// Write a commented `letterlint.toml` into this folder.
    Init(PathBuf),
    Completions(clap_complete::Shell),
    Man,
}

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub task: Task,
    pub paths: Vec<String>,
    pub format: Format,
    pub selection: Selection,
    pub config: ConfigChoice,
    pub color: ColorChoice,
    /// The path standard input stands for: diagnostics name it, and it
    /// decides the config file and Markdown or plain text.
    pub stdin_filename: Option<String>,
    /// Globs a file found in a folder must match / must not match.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// Worker threads; `None` is one per core.
    pub threads: Option<usize>,
    pub statistics: bool,
    pub quiet: bool,
    /// The job posting every letter answers; a letter's front matter
    /// `posting` names its own otherwise.
    pub posting: Option<String>,
}

pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_FAILED: u8 = 2;

/// A letter larger than this is refused rather than linted: no cover letter
/// comes near it, and it bounds the memory one bad argument can take.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// What a folder argument lints.
const LETTER_EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

impl ColorChoice {
    /// `auto` colours only a terminal, and never when NO_COLOR is set.
    fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

pub fn run(options: &RunOptions, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let color = options.color.enabled();
    match &options.task {
        Task::Explain(id) => {
            return match check_rule_id(id) {
                Ok(()) => finish(
                    out.write_all(explain::explain(id, color).as_bytes()),
                    EXIT_OK,
                    err,
                ),
                Err(e) => fail(err, &format!("--explain: {e}")),
            }
        }
        Task::Init(dir) => return init(dir, out, err),
        Task::ListRules => {
            let cwd = std::env::current_dir().unwrap_or_default();
            return match load_config(options, &config_path(options, &cwd), &[]) {
                Ok(config) => finish(
                    out.write_all(explain::list_rules(&config).as_bytes()),
                    EXIT_OK,
                    err,
                ),
                Err(e) => fail(err, &e.to_string()),
            };
        }
        Task::Completions(shell) => {
            let mut command = crate::cli::command();
            clap_complete::generate(*shell, &mut command, "letterlint", out);
            return EXIT_OK;
        }
        Task::Man => {
            let written = clap_mangen::Man::new(crate::cli::command()).render(out);
            return finish(written, EXIT_OK, err);
        }
        Task::Lint => {}
    }
    if options.paths.is_empty() {
        return fail(
            err,
            "no letters given; try `letterlint draft.md` or `letterlint --help`",
        );
    }
    let (inputs, empty) = expand(options);
    // A folder with nothing to lint is worth a warning, and a run with
    // nothing to lint at all fails, as one given no letters does.
    let level = if inputs.is_empty() {
        "error"
    } else {
        "warning"
    };
    let extensions = LETTER_EXTENSIONS.map(|e| format!(".{e}")).join(", ");
    for folder in empty {
        let _ = writeln!(err, "{level}: {folder}: no letters found ({extensions})");
    }
    if inputs.is_empty() {
        return EXIT_FAILED;
    }
    // No more workers than letters: starting a thread costs more than
    // linting a letter.
    let threads = options.threads.unwrap_or(0);
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(if inputs.len() == 1 { 1 } else { threads })
        .build()
    {
        Ok(pool) => pool,
        Err(e) => return fail(err, &format!("cannot start worker threads: {e}")),
    };
    let sources: Vec<Result<Source, String>> = pool.install(|| {
        inputs
            .into_par_iter()
            .map(|input| input.and_then(|path| read(options, &path)))
            .collect()
    });

    // wrong-company needs every letter's company before any letter is linted
    // (`Companies` drops the repeats).
    let companies: Vec<String> = sources
        .iter()
        .flatten()
        .filter_map(|s| front_matter::parse(&s.text).ok()?.company.map(|f| f.text))
        .collect();
    let cwd = std::env::current_dir().unwrap_or_default();
    let keys: Vec<Option<PathBuf>> = sources
        .iter()
        .map(|s| {
            s.as_ref()
                .map_or(None, |s| config_path(options, &letter_dir(s, &cwd)))
        })
        .collect();
    let mut configs: BTreeMap<Option<PathBuf>, Result<Config, ConfigError>> = BTreeMap::new();
    for key in &keys {
        if !configs.contains_key(key) {
            configs.insert(key.clone(), load_config(options, key, &companies));
        }
    }

    // Each posting is read once, however many letters answer it. A bad one
    // is an error, and its letters are still linted without it.
    let posting_paths: Vec<Option<String>> = sources
        .iter()
        .map(|s| s.as_ref().ok().and_then(|s| posting_path(options, s, &cwd)))
        .collect();
    let mut postings: BTreeMap<String, Option<Arc<Posting>>> = BTreeMap::new();
    let mut failed = false;
    for path in posting_paths.iter().flatten() {
        if postings.contains_key(path) {
            continue;
        }
        let posting = read_source(path).and_then(|source| Posting::parse(&source));
        if let Err(cause) = &posting {
            failed = true;
            let _ = writeln!(
                err,
                "error: {path}: {cause} (job posting; its letters are linted without it)"
            );
        }
        postings.insert(path.clone(), posting.ok().map(Arc::new));
    }

    let style = report::Style {
        color,
        quiet: options.quiet,
    };
    // Sums only, so the workers can add to them in any order.
    let statistics = options.statistics.then(Mutex::<Statistics>::default);
    // A worker lints a letter and renders its report; only the rendered
    // part waits for its turn to be written, not the letter.
    let lint_one = |((source, key), posting): ((Result<Source, String>, _), Option<String>)| {
        let source = match source {
            Ok(source) => source,
            Err(line) => return Outcome::Failed(line),
        };
        let config = match &configs[&key] {
            Ok(config) => config,
            Err(e) => return Outcome::BadConfig(e.clone()),
        };
        let posting = posting.and_then(|p| postings[&p].clone());
        match lint_with_posting(&source, config, posting) {
            Ok(report) => {
                if let Some(statistics) = &statistics {
                    statistics.lock().expect("no worker panics").add(&report);
                }
                let below = report.score < config.min_score;
                let file = Linted { source, report };
                Outcome::Linted(below, report::render(options.format, style, &file))
            }
            Err(e) => Outcome::Failed(format!("{}: {e}", source.path)),
        }
    };
    let jobs = sources.into_iter().zip(keys).zip(posting_paths);

    let mut writer = report::Writer::new(options.format);
    let mut written = writer.start(out);
    let mut below_bar = false;
    let mut errors = false;
    let mut reported_configs: Vec<ConfigError> = Vec::new();
    in_order(&pool, jobs, lint_one, |outcome| match outcome {
        Outcome::Linted(below, part) => {
            below_bar |= below;
            errors |= part.errors() > 0;
            // After a write error (a closed pipe) the rest is still linted,
            // for the exit code, but not written.
            if written.is_ok() {
                written = writer.write(part, out);
            }
        }
        Outcome::Failed(line) => {
            failed = true;
            let _ = writeln!(err, "error: {line}");
        }
        // A bad config file is reported once, however many letters it governs.
        Outcome::BadConfig(e) => {
            failed = true;
            if !reported_configs.contains(&e) {
                let _ = writeln!(err, "error: {e}");
                reported_configs.push(e);
            }
        }
    });
    let mut written = written.and_then(|()| writer.finish(out));
    if let (Some(statistics), Ok(())) = (statistics, &written) {
        // Machine-readable output stays parseable: the table goes to stderr.
        let table = statistics.into_inner().expect("no worker panics");
        written = match options.format {
            Format::Human => write!(out, "{table}"),
            _ => write!(err, "{table}"),
        };
    }
    let code = if failed {
        EXIT_FAILED
    } else if errors || below_bar {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    finish(written, code, err)
}

/// Runs `work` on every job in the pool and hands each result to `handle`
/// in the jobs' order as soon as it and those before it are done. Workers
/// take the jobs in order, so only the few results that finish ahead of a
/// slower one wait.
fn in_order<J: Send, R: Send>(
    pool: &rayon::ThreadPool,
    jobs: impl Iterator<Item = J> + Send,
    work: impl Fn(J) -> R + Sync,
    mut handle: impl FnMut(R),
) {
    // Bounded: when `handle` is the slower side (a SARIF log is serialized
    // there), the workers wait instead of piling results up in the channel.
    let (sender, receiver) = mpsc::sync_channel(4 * pool.current_num_threads());
    pool.in_place_scope(|scope| {
        scope.spawn(|_| {
            // Ends early only if the receiver is dropped: a panic in `handle`.
            let _ = jobs
                .enumerate()
                .par_bridge()
                .try_for_each_with(sender, |sender, (i, job)| sender.send((i, work(job))));
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (i, result) in receiver {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                handle(result);
            }
        }
    });
}

/// What became of one input.
enum Outcome {
    /// Linted and rendered; `true` when it scored below the bar.
    Linted(bool, Part),
    /// An error line naming the file.
    Failed(String),
    BadConfig(ConfigError),
}

/// The arguments as a list of letters: files as given, folders walked
/// (`.gitignore` and hidden files honoured, sorted by path), errors in
/// place so they are reported in order. Also the folders that held no
/// letter and no error.
fn expand(options: &RunOptions) -> (Vec<Result<String, String>>, Vec<&str>) {
    let mut inputs = Vec::new();
    let mut empty = Vec::new();
    for arg in &options.paths {
        if !Path::new(arg).is_dir() {
            inputs.push(Ok(arg.clone()));
            continue;
        }
        let overrides = match globs(arg, options) {
            Ok(overrides) => overrides,
            Err(e) => {
                inputs.push(Err(format!("{arg}: {e}")));
                continue;
            }
        };
        let before = inputs.len();
        let walk = WalkBuilder::new(arg)
            .require_git(false)
            .overrides(overrides)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walk {
            match entry {
                Ok(entry) => {
                    let path = entry.path();
                    let is_letter = entry.file_type().is_some_and(|t| t.is_file())
                        && path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                            LETTER_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
                        });
                    if is_letter {
                        inputs.push(Ok(path.display().to_string()));
                    }
                }
                Err(e) => inputs.push(Err(walk_error(&e))),
            }
        }
        if inputs.len() == before {
            empty.push(arg.as_str());
        }
    }
    (inputs, empty)
}

fn globs(root: &str, options: &RunOptions) -> Result<ignore::overrides::Override, ignore::Error> {
    let mut builder = OverrideBuilder::new(root);
    for glob in &options.include {
        builder.add(glob)?;
    }
    for glob in &options.exclude {
        builder.add(&format!("!{glob}"))?;
    }
    builder.build()
}

/// "path: cause" for a folder that could not be walked.
fn walk_error(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { path, err } => format!("{}: {}", path.display(), walk_error(err)),
        ignore::Error::WithDepth { err, .. } => walk_error(err),
        ignore::Error::Loop { child, .. } => {
            format!("{}: symbolic link loop, not followed", child.display())
        }
        ignore::Error::Io(io) => io_cause(io),
        other => other.to_string(),
    }
}

/// Reads one input: a path, or standard input standing for `--stdin-filename`.
fn read(options: &RunOptions, path: &str) -> Result<Source, String> {
    let mut source = read_source(path).map_err(|cause| format!("{path}: {cause}"))?;
    if path == "-" {
        if let Some(name) = &options.stdin_filename {
            source.path = name.clone();
        }
    }
    Ok(source)
}

/// The posting a letter answers: `--posting`, or its front matter's
/// `posting`, relative to the letter's folder.
fn posting_path(options: &RunOptions, source: &Source, cwd: &Path) -> Option<String> {
    if let Some(path) = &options.posting {
        return Some(path.clone());
    }
    let relative = front_matter::parse(&source.text).ok()?.posting?.text;
    let base = match source.path.as_str() {
        "-" => cwd.to_path_buf(),
        path => Path::new(path)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
    };
    Some(clean(&base.join(relative)).display().to_string())
}

/// `letters/../posting.md` as `posting.md`: a path to show, not to resolve
/// links by.
fn clean(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The folder whose config governs a letter: its own, or the working
/// folder for standard input.
fn letter_dir(source: &Source, cwd: &Path) -> PathBuf {
    let path = Path::new(&source.path);
    if source.path == "-" {
        return cwd.to_path_buf();
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf())
}

/// The config file for letters in `dir`, as the options choose it.
fn config_path(options: &RunOptions, dir: &Path) -> Option<PathBuf> {
    match &options.config {
        ConfigChoice::None => None,
        ConfigChoice::File(path) => Some(path.clone()),
        ConfigChoice::Discover => FileConfig::discover(dir).map(|found| relative_to_cwd(&found)),
    }
}

fn load_config(
    options: &RunOptions,
    path: &Option<PathBuf>,
    companies: &[String],
) -> Result<Config, ConfigError> {
    let file = match path {
        Some(path) => FileConfig::load(path)?,
        None => FileConfig::default(),
    };
    let mut config = Config::new(file, &options.selection)?;
    config.add_run_companies(companies);
    Ok(config)
}

/// A discovered path as the user would write it: relative when it lies
/// below the working folder, so error messages stay short.
fn relative_to_cwd(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| cwd.canonicalize().ok())
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}

fn init(dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let path = dir.join(config::FILE_NAME);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    let result = file.and_then(|mut f| f.write_all(config::init_template().as_bytes()));
    match result {
        Ok(()) => finish(writeln!(out, "wrote {}", path.display()), EXIT_OK, err),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => fail(
            err,
            &format!(
                "{}: already exists; letterlint init never overwrites a file",
                path.display()
            ),
        ),
        Err(e) => fail(err, &format!("{}: {}", path.display(), io_cause(&e))),
    }
}

fn fail(err: &mut dyn Write, message: &str) -> u8 {
    let _ = writeln!(err, "error: {message}");
    EXIT_FAILED
}

/// A closed pipe (`letterlint … | head`) is not a failure of the run.
fn finish(written: io::Result<()>, code: u8, err: &mut dyn Write) -> u8 {
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            fail(err, &format!("cannot write output: {e}"))
        }
        _ => code,
    }
}

/// Reads a letter, refusing what is not one: a folder, a binary file,
/// text that is not UTF-8 (byte offsets must match the file on disk, so a
/// lossy read would make every span wrong), or a file over the size limit.
pub fn read_source(path: &str) -> Result<Source, String> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        bytes
    } else {
        let file = std::fs::File::open(path).map_err(|e| io_cause(&e))?;
        let meta = file.metadata().map_err(|e| io_cause(&e))?;
        if meta.is_dir() {
            return Err("is a directory, not a letter".into());
        }
        let mut bytes = Vec::new();
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| io_cause(&e))?;
        bytes
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "larger than {} MiB; not a cover letter",
            MAX_FILE_BYTES / 1024 / 1024
        ));
    }
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes), not a letter".into());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "not valid UTF-8 (byte 0x{:02x} on line {line}); save the file as UTF-8",
            bytes[at]
        )
    })?;
    Ok(Source::new(path, text))
}
