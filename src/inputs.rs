//! What a run reads: the letters its arguments name (folders walked), the
//! job postings they answer, and the configuration that governs each.

use crate::config::{Config, ConfigError, Selection};
use crate::config_choice::{load_config, ConfigChoice};
use crate::front_matter::{FrontMatter, FrontMatterError};
use crate::letter;
use crate::posting::Posting;
use crate::source::{io_cause, Source};
use ignore::overrides::{Override, OverrideBuilder};
use ignore::WalkBuilder;
use std::collections::BTreeMap;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// A letter larger than this is refused rather than linted: no cover letter
/// comes near it, and it bounds the memory one bad argument can take.
const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// What a folder argument lints (`.tex` only when it is a letter).
const LETTER_EXTENSIONS: [&str; 4] = ["md", "markdown", "txt", "tex"];

/// Which letters a run reads, and where it looks for what they answer to.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Letters and folders of letters; `-` is standard input.
    pub paths: Vec<String>,
    /// The path standard input stands for: diagnostics name it, and it
    /// decides the config file and Markdown or plain text.
    pub stdin_filename: Option<String>,
    /// Globs a file found in a folder must match / must not match.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub config: ConfigChoice,
    /// The job posting every letter answers; a letter's front matter
    /// `posting` names its own otherwise.
    pub posting: Option<String>,
}

/// Why an argument, or a file found in a folder, gives no letter to lint.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{folder}: {source}")]
    Glob {
        folder: String,
        source: ignore::Error,
    },
    #[error("{}", walk_cause(.0))]
    Walk(ignore::Error),
    #[error("{path}: {cause}")]
    Read { path: String, cause: ReadError },
    #[error("{0}: no letters found ({extensions})", extensions = extensions())]
    NoLetters(String),
}

/// Why a file is not read as a letter or a posting.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read standard input: {0}")]
    Stdin(io::Error),
    #[error("{}", io_cause(.0))]
    Io(#[from] io::Error),
    #[error("is a directory, not a letter")]
    Directory,
    #[error("larger than {} MiB; not a cover letter", MAX_FILE_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("binary file (contains NUL bytes), not a letter")]
    Binary,
    #[error("not valid UTF-8 (byte 0x{byte:02x} on line {line}); save the file as UTF-8")]
    NotUtf8 { byte: u8, line: usize },
}

/// Why a job posting is not used.
#[derive(Debug, thiserror::Error)]
pub enum PostingError {
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The posting parser tells its problems as text.
    #[error("{0}")]
    Invalid(String),
}

/// One letter as read, with what governs it.
pub struct Letter {
    pub source: Result<Source, InputError>,
    pub config_file: Option<PathBuf>,
    /// The job posting it answers.
    pub posting: Option<String>,
    /// Its front matter, read once: for the run's companies, its posting,
    /// and then its lint.
    pub front_matter: Result<FrontMatter, FrontMatterError>,
}

impl Letter {
    /// The company its front matter names.
    pub fn company(&self) -> Option<&str> {
        self.front_matter.as_ref().ok()?.company()
    }
}

/// The letters the arguments name, in order, and the folders that held none.
#[derive(Default)]
pub struct Found {
    /// Files as given, folders walked (`.gitignore` and hidden files
    /// honoured, sorted by path), errors in place so they are reported in
    /// order.
    pub letters: Vec<Result<String, InputError>>,
    /// Each folder that held no letter and no error.
    pub empty: Vec<InputError>,
}

impl Inputs {
    pub fn find(&self) -> Found {
        let mut found = Found::default();
        for arg in &self.paths {
            if !Path::new(arg).is_dir() {
                found.letters.push(Ok(arg.clone()));
                continue;
            }
            let overrides = match self.globs(arg) {
                Ok(overrides) => overrides,
                Err(source) => {
                    let folder = arg.clone();
                    found.letters.push(Err(InputError::Glob { folder, source }));
                    continue;
                }
            };
            let before = found.letters.len();
            let walk = WalkBuilder::new(arg)
                .require_git(false)
                .overrides(overrides)
                .sort_by_file_name(|a, b| a.cmp(b))
                .build();
            for entry in walk {
                match entry {
                    Ok(entry) if is_letter(&entry) => {
                        found.letters.push(Ok(entry.path().display().to_string()));
                    }
                    Ok(_) => {}
                    Err(e) => found.letters.push(Err(InputError::Walk(e))),
                }
            }
            if found.letters.len() == before {
                found.empty.push(InputError::NoLetters(arg.clone()));
            }
        }
        found
    }

    fn globs(&self, root: &str) -> Result<Override, ignore::Error> {
        let mut builder = OverrideBuilder::new(root);
        for glob in &self.include {
            builder.add(glob)?;
        }
        for glob in &self.exclude {
            builder.add(&format!("!{glob}"))?;
        }
        builder.build()
    }

    /// Reads one letter found by [`Inputs::find`]: a path, or standard
    /// input standing for `--stdin-filename`.
    pub fn read(&self, found: Result<String, InputError>) -> Letter {
        let source = found.and_then(|path| {
            let mut source = read_source(&path).map_err(|cause| InputError::Read {
                path: path.clone(),
                cause,
            })?;
            if let ("-", Some(name)) = (path.as_str(), &self.stdin_filename) {
                source.path = name.clone();
            }
            Ok(source)
        });
        let Ok(read) = &source else {
            return Letter {
                source,
                config_file: None,
                posting: None,
                front_matter: Ok(FrontMatter::default()),
            };
        };
        let front_matter = letter::front_matter(read);
        let posting = match (
            &self.posting,
            front_matter.as_ref().ok().and_then(|f| f.posting()),
        ) {
            (Some(path), _) => Some(path.clone()),
            (None, Some(relative)) => Some(relative_to_letter(read, relative)),
            (None, None) => None,
        };
        Letter {
            config_file: self.config.file_for(Some(read)),
            posting,
            front_matter,
            source,
        }
    }
}

/// Each config file that governs a letter, loaded once. wrong-company needs
/// every letter's company before any letter is linted (`Companies` drops
/// the repeats).
pub fn load_configs(
    letters: &[Letter],
    selection: &Selection,
) -> BTreeMap<Option<PathBuf>, Result<Config, ConfigError>> {
    let companies: Vec<String> = letters
        .iter()
        .filter_map(|l| l.company().map(String::from))
        .collect();
    let mut configs = BTreeMap::new();
    for file in letters.iter().map(|l| &l.config_file) {
        let load = || load_config(selection, file.clone(), &companies);
        configs.entry(file.clone()).or_insert_with(load);
    }
    configs
}

/// The job postings the letters answer, each read once however many
/// letters answer it.
#[derive(Default)]
pub struct Postings {
    pub read: BTreeMap<String, Arc<Posting>>,
    /// Those that could not be read or parsed, in the order the letters
    /// name them.
    pub bad: Vec<(String, PostingError)>,
}

pub fn read_postings(letters: &[Letter]) -> Postings {
    let mut postings = Postings::default();
    for path in letters.iter().filter_map(|l| l.posting.as_ref()) {
        if postings.read.contains_key(path) || postings.bad.iter().any(|(p, _)| p == path) {
            continue;
        }
        match read_posting(path) {
            Ok(posting) => {
                postings.read.insert(path.clone(), Arc::new(posting));
            }
            Err(cause) => postings.bad.push((path.clone(), cause)),
        }
    }
    postings
}

/// A file a folder argument lints. A `.tex` file there may be a résumé
/// or a paper: it is a letter when it reads as one (one that cannot be
/// read is kept, for its error to be told).
fn is_letter(entry: &ignore::DirEntry) -> bool {
    let extension = entry.path().extension().and_then(|e| e.to_str());
    let extension = extension.map(str::to_ascii_lowercase);
    let is_file = entry.file_type().is_some_and(|t| t.is_file());
    match extension.as_deref() {
        Some("tex") if is_file => {
            let path = entry.path().display().to_string();
            let name = entry.file_name().to_string_lossy();
            read_source(&path).map_or(true, |s| letter::is_latex_letter(&name, &s.text))
        }
        Some(e) => is_file && LETTER_EXTENSIONS.contains(&e),
        None => false,
    }
}

/// `.md, .markdown, .txt, .tex`
fn extensions() -> String {
    LETTER_EXTENSIONS.map(|e| format!(".{e}")).join(", ")
}

/// "path: cause" for a folder that could not be walked.
fn walk_cause(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { path, err } => format!("{}: {}", path.display(), walk_cause(err)),
        ignore::Error::WithDepth { err, .. } => walk_cause(err),
        ignore::Error::Loop { child, .. } => {
            format!("{}: symbolic link loop, not followed", child.display())
        }
        ignore::Error::Io(io) => io_cause(io),
        other => other.to_string(),
    }
}

fn read_posting(path: &str) -> Result<Posting, PostingError> {
    let source = read_source(path)?;
    Posting::parse(&source).map_err(PostingError::Invalid)
}

/// Reads a letter or a posting, refusing what is not one: a folder, a
/// binary file, text that is not UTF-8 (byte offsets must match the file on
/// disk, so a lossy read would make every span wrong), or a file over the
/// size limit.
fn read_source(path: &str) -> Result<Source, ReadError> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(ReadError::Stdin)?;
    } else {
        let file = std::fs::File::open(path)?;
        if file.metadata()?.is_dir() {
            return Err(ReadError::Directory);
        }
        file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge);
    }
    if bytes.contains(&0) {
        return Err(ReadError::Binary);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        ReadError::NotUtf8 {
            byte: bytes[at],
            line: bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1,
        }
    })?;
    Ok(Source::new(path, text))
}

/// A path the letter gives, relative to its own folder.
fn relative_to_letter(letter: &Source, relative: &str) -> String {
    let base = match letter.path.as_str() {
        "-" => std::env::current_dir().unwrap_or_default(),
        path => Path::new(path)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
    };
    clean(&base.join(relative)).display().to_string()
}

/// `letters/../posting.md` as `posting.md`: a path to show, not to resolve
/// links by.
fn clean(path: &Path) -> PathBuf {
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
