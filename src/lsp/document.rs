//! One open document: its unsaved text, and what linting that text gave.

use super::diagnostics::{self, problem};
use super::position::{Encoding, Lines};
use super::uri;
use super::workspace::Workspace;
use crate::front_matter::FrontMatter;
use crate::inputs::{read_posting, relative_to_letter};
use crate::letter;
use crate::lint::{lint_parsed, FileReport};
use crate::source::{self, Source};
use crate::tex_inputs;
use lsp_types::{Diagnostic as LspDiagnostic, Uri};
use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub struct Document {
    pub uri: Uri,
    /// The file it is saved as; none for an unsaved buffer.
    pub path: Option<PathBuf>,
    pub text: String,
    /// The last lint of `text`: none until linted, or when it failed.
    pub report: Option<FileReport>,
    /// Changed since it was last linted.
    pub stale: bool,
}

/// What linting a document gave the editor.
pub struct Linted {
    pub diagnostics: Vec<LspDiagnostic>,
    /// The letter names another company than before: the letters beside
    /// it must be linted again for wrong-company.
    pub companies_changed: bool,
}

impl Document {
    pub fn new(uri: Uri, text: String) -> Self {
        Document {
            path: uri::to_path(&uri),
            uri,
            text,
            report: None,
            stale: true,
        }
    }

    /// The name its company is kept under, and the path its report names.
    pub fn name(&self) -> PathBuf {
        self.path
            .clone()
            .unwrap_or_else(|| PathBuf::from(self.uri.as_str()))
    }

    pub fn is_latex(&self) -> bool {
        source::is_latex(&self.name().to_string_lossy())
    }

    /// The unsaved text as a letter read under the document's name, whose
    /// ending says how it is read (Markdown, plain text, LaTeX).
    pub fn source(&self) -> Source {
        Source::new(self.name().display().to_string(), self.text.clone())
    }

    /// Lints the text as it stands, through the same entry point a run of
    /// the command line takes (a LaTeX letter with its inputs), under the
    /// configuration that governs the file, against the job posting its
    /// front matter names.
    pub fn lint(
        &mut self,
        workspace: &mut Workspace,
        encoding: Encoding,
        unsaved: &HashMap<PathBuf, String>,
    ) -> Linted {
        self.stale = false;
        self.report = None;
        let lines = Lines::new(&self.text, encoding);
        // A LaTeX letter reads the files it inputs, as the command line
        // does, as the editor holds them (`unsaved`, by real path) or else
        // as saved; what is found in them belongs to their own files.
        let (source, unfollowed) = match &self.path {
            Some(path) => {
                let unsaved = |real: &Path| unsaved.get(real).cloned();
                tex_inputs::follow_unsaved(self.source(), path, &unsaved)
            }
            None => (self.source(), Vec::new()),
        };
        let front_matter = letter::front_matter(&source);
        let company = front_matter.as_ref().ok().and_then(FrontMatter::company);
        let companies_changed = workspace.set_company(&self.name(), company);
        // One in a file the letter inputs is told when that file is open.
        let mut diagnostics: Vec<_> = unfollowed
            .iter()
            .filter(|input| input.file == source.path)
            .map(|input| diagnostics::unfollowed(input, &lines))
            .collect();
        let posting = front_matter.as_ref().ok().and_then(|f| f.posting.clone());
        let posting = posting.and_then(|field| {
            // An unsaved buffer stands where standard input does.
            let letter = self.path.as_deref().unwrap_or(Path::new("-"));
            match read_posting(&relative_to_letter(letter, &field.text)) {
                Ok(posting) => Some(Arc::new(posting)),
                Err(cause) => {
                    let message =
                        format!("{}: {cause} (the letter is linted without it)", field.text);
                    diagnostics.push(problem(lines.range(&field.span), message));
                    None
                }
            }
        });
        let config = workspace.config(self.path.as_deref());
        let linted = guarded(self.uri.as_str(), || {
            lint_parsed(&source, front_matter, config, posting)
        });
        match linted {
            Some(Ok(mut report)) => {
                report.diagnostics.retain(|d| d.path.is_none());
                diagnostics.extend(diagnostics::from_report(&report, &lines));
                self.report = Some(report);
            }
            Some(Err(cause)) => {
                diagnostics.push(problem(lines.range(&(0..0)), cause.to_string()));
            }
            None => diagnostics.clear(),
        }
        Linted {
            diagnostics,
            companies_changed,
        }
    }
}

/// The text of each open LaTeX document by its real path: a LaTeX letter
/// reads an input the editor has open as it stands, saved or not.
pub fn unsaved_latex<'d>(
    documents: impl Iterator<Item = &'d Document>,
) -> HashMap<PathBuf, String> {
    let latex = documents.filter(|d| d.is_latex());
    let real = |d: &Document| std::fs::canonicalize(d.path.as_ref()?).ok();
    latex
        .filter_map(|d| Some((real(d)?, d.text.clone())))
        .collect()
}

/// Runs `lint`, and when it panics says so on standard error and gives
/// nothing: one letter that trips a bug must not take down the server, nor
/// leave the editor showing findings of text that is gone.
fn guarded<T>(document: &str, lint: impl FnOnce() -> T) -> Option<T> {
    let caught = panic::catch_unwind(AssertUnwindSafe(lint));
    if caught.is_err() {
        eprintln!(
            "letterlint lsp: linting {document} panicked (reported above); it shows no findings"
        );
    }
    caught.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_linting_gives_nothing_and_the_server_goes_on() {
        let panicked = guarded("file:///letter.md", || -> u8 { panic!("a bug") });
        assert_eq!(panicked, None);
        assert_eq!(guarded("file:///letter.md", || 7), Some(7));
    }
}
