//! `--fix` and `--diff` for one letter: its fixes applied (`fix.rs`), the
//! fixed text linted again, so the report and the exit code speak of what
//! remains, and under `--fix` the text written back in place of the file.

use crate::fix;
use crate::lint::LintError;
use crate::report::{Changed, Linted};
use crate::source::{io_cause, Source};
use crate::FileReport;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// What a run does with the fixes its findings carry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FixMode {
    /// Shows them in the report: no `--fix`, no `--diff`.
    #[default]
    Report,
    /// `--fix`: writes them into the letters.
    Write,
    /// `--diff`: shows them as a diff, and writes nothing.
    Diff,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct FixOptions {
    pub mode: FixMode,
    /// `--unsafe-fixes`: the unsafe fixes are applied too.
    pub unsafe_fixes: bool,
}

/// Why a letter's fixes were not written.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    #[error("{0}: not fixed: the file is read-only")]
    ReadOnly(String),
    #[error("{path}: cannot write the fixed letter: {}", io_cause(.cause))]
    Write { path: String, cause: io::Error },
    /// The fixed text could not be linted again.
    #[error("{0}: after fixing: {1}")]
    Lint(String, LintError),
}

/// Applies the letter's fixes that `options` allow, and lints the result
/// with `lint`; under `--fix`, writes it to `file` (none for standard
/// input, whose fixed text the run prints). A letter with nothing to fix
/// is returned as it came.
pub fn fix_letter(
    linted: Linted,
    options: FixOptions,
    file: Option<&Path>,
    lint: impl FnOnce(&Source) -> Result<FileReport, LintError>,
) -> Result<Linted, FixError> {
    if options.mode == FixMode::Report {
        return Ok(linted);
    }
    let fixes = linted
        .report
        .diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applies(options.unsafe_fixes));
    let fixed = fix::apply(&linted.source.text, fixes);
    if fixed.text == linted.source.text {
        return Ok(linted);
    }
    let path = linted.source.path;
    let source = Source::new(path.clone(), fixed.text);
    let report = lint(&source).map_err(|cause| FixError::Lint(path.clone(), cause))?;
    if let (FixMode::Write, Some(file)) = (options.mode, file) {
        write_in_place(file, &source.text, &path)?;
    }
    Ok(Linted {
        changed: Some(Changed {
            before: linted.source.text,
            fixes: fixed.applied,
        }),
        ..Linted::new(source, report, linted.min_score)
    })
}

/// Replaces the file's text all at once: the text goes to a temporary file
/// beside it, which is then renamed over it, so a reader (an editor, a
/// crash) never finds half a letter. The file keeps its permissions, a
/// read-only file is refused (a rename would ignore its mode), and a link
/// is followed: the letter it points to is written, and the link kept.
fn write_in_place(file: &Path, text: &str, shown: &str) -> Result<(), FixError> {
    let failed = |cause| FixError::Write {
        path: shown.to_string(),
        cause,
    };
    let target = fs::canonicalize(file).map_err(failed)?;
    let permissions = fs::metadata(&target).map_err(failed)?.permissions();
    if permissions.readonly() {
        return Err(FixError::ReadOnly(shown.to_string()));
    }
    let folder = target.parent().unwrap_or(Path::new("."));
    let write = || -> io::Result<()> {
        let mut temporary = tempfile::Builder::new()
            .prefix(".letterlint-fix-")
            .tempfile_in(folder)?;
        temporary.write_all(text.as_bytes())?;
        temporary.as_file().set_permissions(permissions.clone())?;
        temporary.as_file().sync_all()?;
        temporary.persist(&target).map_err(|e| e.error)?;
        Ok(())
    };
    write().map_err(failed)
}
