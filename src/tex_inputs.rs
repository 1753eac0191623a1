//! A LaTeX letter's `\input{…}` and `\include{…}` followed: each file it
//! names in its repository is read once and set in where the command
//! stands ([`Spliced`]), so the letter reads as TeX typesets it and each
//! finding points into the file its text is in. An input that cannot be
//! followed is told in one line, and the letter is linted without it.

use crate::letter::{document_body, input_commands, InputCommand};
use crate::read::{clean, read_text, ReadError, Reading, MAX_FILE_BYTES};
use crate::source::{text_start, LineIndex, Source, Spliced};
use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// How deep inputs nest: TeX's own limit on input files open at once.
const MAX_DEPTH: usize = 15;

/// The most files one letter inputs, however they nest.
const MAX_FILES: usize = 100;

/// An `\input` that is not followed, where it stands, and why.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}:{column}: `{command}` not followed: {why}")]
pub struct Unfollowed {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub command: String,
    pub why: Why,
}

#[derive(Debug, thiserror::Error)]
pub enum Why {
    #[error("no file {0}")]
    Missing(String),
    #[error("{0} is outside the repository")]
    Outside(String),
    #[error("{0} is being read already (it inputs itself)")]
    Cycle(String),
    #[error("its name is made by a macro")]
    Macro,
    #[error("inputs nest more than {MAX_DEPTH} deep")]
    TooDeep,
    #[error(
        "a letter reads at most {MAX_FILES} inputs and {} MiB; the rest are not followed",
        MAX_FILE_BYTES / 1024 / 1024
    )]
    TooMuch,
    #[error("{0}: {1}")]
    Unreadable(String, ReadError),
}

/// The files the `.tex` file `path`, holding `text`, inputs from its own
/// folder: what a folder walk looks at to tell its main file.
pub fn named_inputs(path: &Path, text: &str) -> Vec<PathBuf> {
    let folder = path.parent().unwrap_or(Path::new(""));
    let names = input_commands(text).into_iter().map(|c| &text[c.name]);
    names.filter_map(|name| lookup(&[folder], name)).collect()
}

/// The file `name` names in the first of `folders` that holds it, as TeX
/// looks it up: with `.tex` added, then as written.
fn lookup(folders: &[&Path], name: &str) -> Option<PathBuf> {
    let with_tex = with_tex(name);
    folders
        .iter()
        .flat_map(|dir| [dir.join(&with_tex), dir.join(name)])
        .find(|p| p.is_file())
}

/// A name as TeX looks it up: `.tex` added when it has no such ending.
fn with_tex(name: &str) -> String {
    match name.to_ascii_lowercase().ends_with(".tex") {
        true => name.to_string(),
        false => format!("{name}.tex"),
    }
}

/// `source`, standing for the file `path`, with the files it inputs set in
/// when it is a LaTeX letter; and each input not followed.
pub fn follow(source: Source, path: &Path) -> (Source, Vec<Unfollowed>) {
    follow_unsaved(source, path, &|_| None)
}

/// [`follow`], with each input's text as `unsaved` gives it for its real
/// path, when it does: an editor's unsaved text of a file it has open.
pub fn follow_unsaved(
    mut source: Source,
    path: &Path,
    unsaved: &dyn Fn(&Path) -> Option<String>,
) -> (Source, Vec<Unfollowed>) {
    let commands = match source.is_latex() {
        true => input_commands(&source.text),
        false => Vec::new(),
    };
    if commands.is_empty() {
        return (source, Vec::new());
    }
    let folder = path.parent().unwrap_or(Path::new("")).to_path_buf();
    // `letters/.`, and `.` for the working folder, which `""` would not name.
    let root = std::fs::canonicalize(folder.join(".")).ok().map(|dir| {
        let repository = dir.ancestors().find(|d| d.join(".git").exists());
        repository.map_or(dir.clone(), Path::to_path_buf)
    });
    let letter = std::fs::canonicalize(path).ok();
    let mut follower = Follower {
        root,
        letter_folder: folder.clone(),
        spliced: Spliced::default(),
        open: letter.iter().cloned().collect(),
        read: letter.into_iter().collect(),
        tried: HashSet::new(),
        unfollowed: Vec::new(),
        full: false,
        unsaved,
    };
    let whole = (
        source.path.as_str(),
        source.text.as_str(),
        0..source.text.len(),
    );
    follower.splice(None, whole, commands, &folder, None);
    if !follower.spliced.files.is_empty() {
        source.spliced = Some(follower.spliced);
    }
    (source, follower.unfollowed)
}

struct Follower<'u> {
    /// The repository the letter is in, or its folder outside one: no
    /// input is read from outside it.
    root: Option<PathBuf>,
    letter_folder: PathBuf,
    spliced: Spliced,
    /// The files being read, the letter first, as real paths.
    open: Vec<PathBuf>,
    /// Every file read, as a real path: each is read once.
    read: HashSet<PathBuf>,
    /// Each name looked up, with the folder it was looked up from.
    tried: HashSet<(PathBuf, String)>,
    unfollowed: Vec<Unfollowed>,
    /// Past [`MAX_FILES`] or the size limit: said once, then quiet.
    full: bool,
    unsaved: &'u dyn Fn(&Path) -> Option<String>,
}

/// A file an input names, found.
struct Found {
    path: PathBuf,
    real: PathBuf,
}

impl Follower<'_> {
    /// Sets `part` of `text` (the letter's when `file` is `None`, else that
    /// of `files[file]`, shown as `shown`, in `folder`) into the spliced
    /// text, each file it inputs (`commands`, the text's) after its
    /// command. `anchor` is where the letter's own text inputs it.
    fn splice(
        &mut self,
        file: Option<usize>,
        (shown, text, part): (&str, &str, Range<usize>),
        commands: Vec<InputCommand>,
        folder: &Path,
        anchor: Option<usize>,
    ) {
        let commands = commands.into_iter().filter(|c| c.range.start >= part.start);
        let commands: Vec<_> = commands.filter(|c| c.range.end <= part.end).collect();
        let lines = (!commands.is_empty()).then(|| LineIndex::new(text));
        // A byte-order mark is no text, and only a file's first byte may be one.
        let mut at = text_start(text).max(part.start);
        for command in commands {
            let here = anchor.unwrap_or(command.range.start);
            // On a line of its own, the input is set in after the line, so
            // that its first line starts a line as it does in its file.
            let rest = &text[command.range.end..];
            let blanks = rest.len() - rest.trim_start_matches([' ', '\t', '\r']).len();
            let cut = match rest[blanks..].starts_with('\n') {
                true => command.range.end + blanks + 1,
                false => command.range.end,
            };
            self.spliced.push(file, text, at..cut, anchor.unwrap_or(at));
            at = cut;
            let followed = match self.find(&text[command.name.clone()], folder) {
                Ok(Some(found)) => self.input(found, here),
                Ok(None) => Ok(()),
                Err(why) => Err(why),
            };
            if let (Err(why), Some(lines)) = (followed, &lines) {
                let place = lines.line_col(command.range.start);
                self.unfollowed.push(Unfollowed {
                    file: shown.to_string(),
                    line: place.line,
                    column: place.column,
                    command: text[command.range].to_string(),
                    why,
                });
            }
        }
        let end = part.end.max(at);
        self.spliced.push(file, text, at..end, anchor.unwrap_or(at));
    }

    /// Reads a file found and sets it in, with what it inputs; `anchor`
    /// is where the letter's own text inputs it.
    fn input(&mut self, found: Found, anchor: usize) -> Result<(), Why> {
        let shown = clean(&found.path).display().to_string();
        let text = match (self.unsaved)(&found.real) {
            Some(text) => text,
            None => read_text(&found.path, Reading::Letter)
                .map_err(|cause| Why::Unreadable(shown.clone(), cause))?,
        };
        if self.spliced.text.len() + text.len() > MAX_FILE_BYTES as usize {
            self.full = true;
            return Err(Why::TooMuch);
        }
        // Its place among the files is kept before the files it inputs.
        let index = self.spliced.files.len();
        self.spliced.files.push(Source::new(shown.clone(), ""));
        let folder = found.path.parent().unwrap_or(Path::new("")).to_path_buf();
        self.open.push(found.real);
        let part = document_body(&text);
        let commands = input_commands(&text);
        let file = (shown.as_str(), text.as_str(), part);
        self.splice(Some(index), file, commands, &folder, Some(anchor));
        self.open.pop();
        self.spliced.files[index].text = text;
        Ok(())
    }

    /// The file `name` names from a file in `folder`: `.tex` added when
    /// it has no such ending, looked for beside that file, then beside
    /// the letter (where TeX looks). `None` for a file read already, a
    /// name looked up before, or a name that is a macro's parameter
    /// (`\input{#1}` in a definition).
    fn find(&mut self, name: &str, folder: &Path) -> Result<Option<Found>, Why> {
        // A name met again from the same folder was followed or told once.
        let again = !self.tried.insert((folder.to_path_buf(), name.to_string()));
        if name.contains('#') || name.is_empty() || again {
            return Ok(None);
        }
        if name.contains('\\') {
            return Err(Why::Macro);
        }
        if self.full {
            return Ok(None);
        }
        if self.open.len() > MAX_DEPTH {
            return Err(Why::TooDeep);
        }
        if self.spliced.files.len() >= MAX_FILES {
            self.full = true;
            return Err(Why::TooMuch);
        }
        let Some(path) = lookup(&[folder, &self.letter_folder], name) else {
            let shown = clean(&folder.join(with_tex(name))).display().to_string();
            return Err(Why::Missing(shown));
        };
        let shown = clean(&path).display().to_string();
        let real = std::fs::canonicalize(&path)
            .map_err(|e| Why::Unreadable(shown.clone(), ReadError::Io(e)))?;
        if !self
            .root
            .as_ref()
            .is_some_and(|root| real.starts_with(root))
        {
            return Err(Why::Outside(shown));
        }
        if self.open.contains(&real) {
            return Err(Why::Cycle(shown));
        }
        if !self.read.insert(real.clone()) {
            return Ok(None);
        }
        Ok(Some(Found { path, real }))
    }
}
