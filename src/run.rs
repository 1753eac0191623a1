//! One invocation: find the configuration, read the letters, lint each,
//! report, and decide the exit code.

use crate::config::{self, check_rule_id, Config, ConfigError, FileConfig, Selection};
use crate::diagnostic::Severity;
use crate::report::{self, Format, Linted};
use crate::source::Source;
use crate::{explain, front_matter, lint};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

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
}

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub task: Task,
    pub paths: Vec<String>,
    pub format: Format,
    pub selection: Selection,
    pub config: ConfigChoice,
    pub color: ColorChoice,
}

pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_FAILED: u8 = 2;

/// A letter larger than this is refused rather than linted: no cover letter
/// comes near it, and it bounds the memory one bad argument can take.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

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
            return match Configs::new(options, Vec::new()).get(&cwd) {
                Ok(config) => finish(
                    out.write_all(explain::list_rules(config).as_bytes()),
                    EXIT_OK,
                    err,
                ),
                Err(e) => fail(err, &e.to_string()),
            };
        }
        Task::Lint => {}
    }
    if options.paths.is_empty() {
        return fail(
            err,
            "no letters given; try `letterlint draft.md` or `letterlint --help`",
        );
    }
    // Every argument is read first: wrong-company needs every letter's
    // company before any letter is linted.
    let sources: Vec<Result<Source, String>> =
        options.paths.iter().map(|p| read_source(p)).collect();
    let companies: Vec<String> = sources
        .iter()
        .flatten()
        .filter_map(|s| front_matter::parse(&s.text).ok()?.company)
        .collect();

    let mut configs = Configs::new(options, companies);
    let mut config_errors = Vec::new();
    let mut linted = Vec::new();
    let mut failed = false;
    let mut below_bar = false;
    for (path, source) in options.paths.iter().zip(sources) {
        let source = match source {
            Ok(source) => source,
            Err(cause) => {
                failed = true;
                let _ = writeln!(err, "error: {path}: {cause}");
                continue;
            }
        };
        let config = match configs.for_letter(&source) {
            Ok(config) => config,
            Err(e) => {
                // A bad config file is reported once, however many letters it governs.
                failed = true;
                if !config_errors.contains(&e) {
                    let _ = writeln!(err, "error: {e}");
                    config_errors.push(e);
                }
                continue;
            }
        };
        match lint(&source, config) {
            Ok(report) => {
                below_bar |= report.score < config.min_score;
                linted.push(Linted { source, report });
            }
            Err(cause) => {
                failed = true;
                let _ = writeln!(err, "error: {path}: {cause}");
            }
        }
    }
    let written = report::write(options.format, &linted, color, out);
    let errors = linted.iter().any(|f| f.report.count(Severity::Error) > 0);
    let code = if failed {
        EXIT_FAILED
    } else if errors || below_bar {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    finish(written, code, err)
}

/// The configurations of one run, loaded once per `letterlint.toml`.
struct Configs<'a> {
    options: &'a RunOptions,
    /// Every letter's own company: no other letter may name them.
    companies: Vec<String>,
    loaded: BTreeMap<Option<PathBuf>, Result<Config, ConfigError>>,
}

impl<'a> Configs<'a> {
    fn new(options: &'a RunOptions, companies: Vec<String>) -> Self {
        Configs {
            options,
            companies,
            loaded: BTreeMap::new(),
        }
    }

    /// The configuration for letters in `dir`.
    fn get(&mut self, dir: &Path) -> Result<&Config, ConfigError> {
        let path = match &self.options.config {
            ConfigChoice::None => None,
            ConfigChoice::File(path) => Some(path.clone()),
            ConfigChoice::Discover => {
                FileConfig::discover(dir).map(|found| relative_to_cwd(&found))
            }
        };
        let (selection, companies) = (&self.options.selection, &self.companies);
        let entry = self.loaded.entry(path.clone()).or_insert_with(|| {
            let file = match &path {
                Some(path) => FileConfig::load(path)?,
                None => FileConfig::default(),
            };
            let mut config = Config::new(file, selection)?;
            config.companies.extend(companies.iter().cloned());
            Ok(config)
        });
        entry.as_ref().map_err(Clone::clone)
    }

    fn for_letter(&mut self, source: &Source) -> Result<&Config, ConfigError> {
        let dir = match source.path.as_str() {
            "-" => std::env::current_dir().unwrap_or_default(),
            path => {
                let parent = Path::new(path)
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty());
                let dir = parent.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
                dir.canonicalize().unwrap_or(dir)
            }
        };
        self.get(&dir)
    }
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

/// The OS error without Rust's "(os error 2)" suffix.
pub fn io_cause(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
