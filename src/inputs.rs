//! What a run reads: the letters its arguments name (folders walked), the
//! job postings they answer, and the configuration that governs each.

use crate::config::{Config, ConfigError, Selection};
use crate::config_choice::{load_config, ConfigChoice};
use crate::front_matter::{FrontMatter, FrontMatterError};
use crate::letter;
use crate::posting::Posting;
use crate::read::{clean, read_text, ReadError, Reading};
use crate::source::{io_cause, Source};
use crate::tex_inputs::{self, Unfollowed};
use ignore::overrides::{Override, OverrideBuilder};
use ignore::WalkBuilder;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a folder argument lints (`.tex` only when it is a letter).
const LETTER_EXTENSIONS: [&str; 4] = ["md", "markdown", "txt", "tex"];

/// Which letters a run reads, and where it looks for what they answer to.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Letters and folders of letters; `-` is standard input. A file name
    /// need not be UTF-8: it is shown lossily and read as it is.
    pub paths: Vec<PathBuf>,
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

/// Why a job posting is not used.
#[derive(Debug, thiserror::Error)]
pub enum PostingError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Invalid(#[from] crate::posting::PostingError),
}

/// One letter as read, with what governs it.
pub struct Letter {
    pub source: Result<Source, InputError>,
    /// The file it was read from, for `--fix` to write; none for standard
    /// input.
    pub file: Option<PathBuf>,
    pub config_file: Option<PathBuf>,
    /// The job posting it answers.
    pub posting: Option<String>,
    /// Its front matter, read once: for the run's companies, its posting,
    /// and then its lint.
    pub front_matter: Result<FrontMatter, FrontMatterError>,
    /// The files a LaTeX letter inputs that are not read, to be told.
    pub unfollowed: Vec<Unfollowed>,
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
    /// order. A file named twice, or named and also found in a folder, is
    /// here once, where it first appears.
    pub letters: Vec<Result<PathBuf, InputError>>,
    /// Each folder that held no letter and no error.
    pub empty: Vec<InputError>,
    /// The letters so far, as absolute paths without `.` or `..`.
    seen: HashSet<PathBuf>,
}

impl Found {
    fn add(&mut self, path: PathBuf) {
        let key = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
        if self.seen.insert(clean(&key)) {
            self.letters.push(Ok(path));
        }
    }
}

impl Inputs {
    pub fn find(&self) -> Found {
        let mut found = Found::default();
        for arg in &self.paths {
            if !arg.is_dir() {
                found.add(arg.clone());
                continue;
            }
            let folder = || arg.display().to_string();
            let overrides = match self.globs(arg) {
                Ok(overrides) => overrides,
                Err(source) => {
                    let folder = folder();
                    found.letters.push(Err(InputError::Glob { folder, source }));
                    continue;
                }
            };
            // A letter or an error, even a letter named before: the folder
            // is not empty.
            let mut held_any = false;
            let walk = WalkBuilder::new(arg)
                .require_git(false)
                .overrides(overrides)
                .sort_by_file_name(|a, b| a.cmp(b))
                .build();
            for entry in walk {
                match entry {
                    Ok(entry) if is_letter(&entry) => found.add(entry.into_path()),
                    Ok(_) => continue,
                    Err(e) => found.letters.push(Err(InputError::Walk(e))),
                }
                held_any = true;
            }
            if !held_any {
                found.empty.push(InputError::NoLetters(folder()));
            }
        }
        found
    }

    /// Leaves out the letters a folder walk found that another letter
    /// `\input`s: such a file is part of that letter, already linted as
    /// such, and alone it is a fragment. A file named on the command line
    /// is always linted.
    pub fn drop_inputs(&self, letters: &mut Vec<Letter>) {
        let sources = letters.iter().filter_map(|l| l.source.as_ref().ok());
        let inputs: HashSet<PathBuf> = sources
            .flat_map(|s| s.spliced.iter().flat_map(|spliced| &spliced.files))
            .filter_map(|input| std::fs::canonicalize(&input.path).ok())
            .collect();
        if inputs.is_empty() {
            return;
        }
        letters.retain(|letter| {
            let Some(file) = &letter.file else {
                return true;
            };
            let walked = !self.paths.contains(file);
            !(walked && std::fs::canonicalize(file).is_ok_and(|real| inputs.contains(&real)))
        });
    }

    fn globs(&self, root: &Path) -> Result<Override, ignore::Error> {
        let mut builder = OverrideBuilder::new(root);
        for glob in &self.include {
            // A folder the glob matches brings in every file below it, as
            // an excluded folder takes out every file below it.
            builder.add(glob)?;
            builder.add(&below(glob))?;
        }
        for glob in &self.exclude {
            builder.add(&format!("!{glob}"))?;
        }
        builder.build()
    }

    /// Reads one letter found by [`Inputs::find`]: a path, or standard
    /// input standing for `--stdin-filename`.
    pub fn read(&self, found: Result<PathBuf, InputError>) -> Letter {
        let read = found.and_then(|path| {
            // The path the letter stands for: its config, its posting and
            // the name it is shown by follow it.
            let named = match &self.stdin_filename {
                Some(name) if path == Path::new("-") => PathBuf::from(name),
                _ => path.clone(),
            };
            let shown = named.display().to_string();
            match read_text(&path, Reading::Letter) {
                Ok(text) => Ok((Source::new(shown, text), named, path)),
                Err(cause) => Err(InputError::Read { path: shown, cause }),
            }
        });
        let (source, named, path) = match read {
            Ok(read) => read,
            Err(e) => {
                return Letter {
                    source: Err(e),
                    file: None,
                    config_file: None,
                    posting: None,
                    front_matter: Ok(FrontMatter::default()),
                    unfollowed: Vec::new(),
                }
            }
        };
        let (source, unfollowed) = tex_inputs::follow(source, &named);
        let front_matter = letter::front_matter(&source);
        let posting = match (
            &self.posting,
            front_matter.as_ref().ok().and_then(|f| f.posting()),
        ) {
            (Some(path), _) => Some(path.clone()),
            (None, Some(relative)) => Some(relative_to_letter(&named, relative)),
            (None, None) => None,
        };
        Letter {
            file: (path != Path::new("-")).then_some(path),
            config_file: self.config.file_for(Some(&named)),
            posting,
            front_matter,
            source: Ok(source),
            unfollowed,
        }
    }
}

/// The glob for every path below what `glob` matches, at the same depths:
/// `drafts` (a name at any depth) gives `**/drafts/**`, `2024/drafts`
/// (anchored at the folder argument) gives `2024/drafts/**`.
fn below(glob: &str) -> String {
    let folder = glob.trim_end_matches('/');
    match folder.contains('/') {
        true => format!("{folder}/**"),
        false => format!("**/{folder}/**"),
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
/// or a paper: it is a letter when it reads as one, or when a file it
/// inputs does (a `main.tex` that inputs `sections/coverletter.tex` is the
/// letter's main file). One that cannot be read is kept, for its error to
/// be told.
fn is_letter(entry: &ignore::DirEntry) -> bool {
    let extension = entry.path().extension().and_then(|e| e.to_str());
    let extension = extension.map(str::to_ascii_lowercase);
    let is_file = entry.file_type().is_some_and(|t| t.is_file());
    match extension.as_deref() {
        Some("tex") if is_file => {
            let name = entry.file_name().to_string_lossy();
            let Ok(text) = read_text(entry.path(), Reading::Letter) else {
                return true;
            };
            let inputs_a_letter = || {
                let inputs = tex_inputs::named_inputs(entry.path(), &text);
                inputs.iter().any(|input| {
                    let name = input.file_name().unwrap_or_default().to_string_lossy();
                    read_text(input, Reading::Letter)
                        .is_ok_and(|text| letter::is_latex_letter(&name, &text))
                })
            };
            letter::is_latex_letter(&name, &text) || inputs_a_letter()
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

pub fn read_posting(path: &str) -> Result<Posting, PostingError> {
    let text = read_text(Path::new(path), Reading::Posting)?;
    Ok(Posting::parse(&Source::new(path, text))?)
}

/// A path the letter gives, relative to its own folder.
pub fn relative_to_letter(letter: &Path, relative: &str) -> String {
    let base = match letter == Path::new("-") {
        true => std::env::current_dir().unwrap_or_default(),
        false => letter.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    clean(&base.join(relative)).display().to_string()
}
