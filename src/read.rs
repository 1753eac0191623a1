//! Reading one file, or standard input, as the text of a letter or a job
//! posting, and refusing what is neither: too large, binary, UTF-16, or not
//! UTF-8.

use crate::source::io_cause;
use std::fmt;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

/// A file larger than this is refused rather than linted: no cover letter
/// comes near it, and it bounds the memory one bad argument can take.
pub(crate) const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Why a file is not read as a letter or a posting.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read standard input: {0}")]
    Stdin(io::Error),
    #[error("{}", io_cause(.0))]
    Io(#[from] io::Error),
    #[error("is a directory, not a {0}")]
    Directory(Reading),
    #[error("larger than {mib} MiB; not a {0}", mib = MAX_FILE_BYTES / 1024 / 1024)]
    TooLarge(Reading),
    #[error("binary file (contains NUL bytes), not a {0}")]
    Binary(Reading),
    #[error("UTF-16 text; save the file as UTF-8")]
    Utf16,
    #[error("not valid UTF-8 (byte 0x{byte:02x} on line {line}); save the file as UTF-8")]
    NotUtf8 { byte: u8, line: usize },
}

/// What a file is read as: a refusal names what the file is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Letter,
    Posting,
}

impl fmt::Display for Reading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Reading::Letter => "letter",
            Reading::Posting => "job posting",
        })
    }
}

/// Reads a letter or a posting (`-` is standard input), refusing what is
/// not one: a folder, a binary file, text that is not UTF-8 (byte offsets
/// must match the file on disk, so neither a lossy read nor one decoded
/// from UTF-16 would do), or a file over the size limit.
pub fn read_text(path: &Path, reading: Reading) -> Result<String, ReadError> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        io::stdin()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(ReadError::Stdin)?;
    } else {
        let file = std::fs::File::open(path)?;
        if file.metadata()?.is_dir() {
            return Err(ReadError::Directory(reading));
        }
        file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(reading));
    }
    if is_utf16(&bytes) {
        return Err(ReadError::Utf16);
    }
    if bytes.contains(&0) {
        return Err(ReadError::Binary(reading));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        ReadError::NotUtf8 {
            byte: bytes[at],
            line: bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1,
        }
    })
}

/// `letters/../posting.md` as `posting.md`: a path to show, not to resolve
/// links by.
pub(crate) fn clean(path: &Path) -> PathBuf {
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

/// UTF-16, as Windows tools save "Unicode" text: a UTF-16 byte-order mark,
/// or, without one, text whose every other byte is NUL (the high byte of
/// a Latin letter) on one side of each pair, for at least half the pairs.
/// A binary file has NULs at both.
fn is_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return true;
    }
    if bytes.is_empty() || !bytes.len().is_multiple_of(2) {
        return false;
    }
    let pairs = bytes.len() / 2;
    let nuls_at = |side: usize| {
        bytes
            .iter()
            .skip(side)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nuls_at(0), nuls_at(1));
    (even == 0 || odd == 0) && 2 * (even + odd) >= pairs
}

#[cfg(test)]
mod tests {
    use super::is_utf16;

    #[test]
    fn utf16_is_told_from_binary_files() {
        let text: Vec<u8> = "Dear team"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(is_utf16(&text));
        assert!(is_utf16(&[0xfe, 0xff, 0x4e, 0x2d]));
        // NULs on both sides of the pairs, an odd length, or too few.
        assert!(!is_utf16(b"%PDF-1.7\n\0\0\x01binary"));
        assert!(!is_utf16(b"\x89PNG\r\n\x1a\n\0\0\0"));
        assert!(!is_utf16(b"Dear team, \0 and more text"));
        assert!(!is_utf16(b""));
    }
}
