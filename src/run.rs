//! One invocation: read the letters, lint each, report, and decide the exit code.

use crate::config::{check_rule_id, Config, Selection};
use crate::diagnostic::Severity;
use crate::report::{self, Format, Linted};
use crate::source::Source;
use crate::{explain, lint};
use std::io::{self, IsTerminal, Read, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub paths: Vec<String>,
    pub format: Format,
    pub selection: Selection,
    pub color: ColorChoice,
    pub explain: Option<String>,
    pub list_rules: bool,
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
    if let Some(id) = &options.explain {
        return match check_rule_id(id) {
            Ok(()) => finish(
                out.write_all(explain::explain(id, color).as_bytes()),
                EXIT_OK,
                err,
            ),
            Err(e) => fail(err, &format!("--explain: {e}")),
        };
    }
    if options.list_rules {
        return finish(
            out.write_all(explain::list_rules().as_bytes()),
            EXIT_OK,
            err,
        );
    }
    if options.paths.is_empty() {
        return fail(
            err,
            "no letters given; try `letterlint draft.md` or `letterlint --help`",
        );
    }
    let config = match Config::new(&options.selection) {
        Ok(config) => config,
        Err(e) => return fail(err, &e.to_string()),
    };

    let mut linted = Vec::new();
    let mut failed = false;
    for path in &options.paths {
        let result = read_source(path).and_then(|source| match lint(&source, &config) {
            Ok(report) => Ok(Linted { source, report }),
            Err(e) => Err(e.to_string()),
        });
        match result {
            Ok(file) => linted.push(file),
            Err(cause) => {
                failed = true;
                let _ = writeln!(err, "error: {path}: {cause}");
            }
        }
    }
    let written = report::write(options.format, &linted, color, out);
    let findings = linted
        .iter()
        .any(|f| f.report.score < config.min_score || f.report.count(Severity::Error) > 0);
    let code = if failed {
        EXIT_FAILED
    } else if findings {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    };
    finish(written, code, err)
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
fn io_cause(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
