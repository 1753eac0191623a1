//! `file://` URIs, which the protocol names documents by, and the paths
//! letterlint reads config files and letters from.

use lsp_types::Uri;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The file a `file:` URI names; none for another scheme (an unsaved
/// buffer) or a name that is not UTF-8.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let scheme = uri.scheme()?;
    if !scheme.as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    let path = uri.path().as_estr().decode().into_string().ok()?;
    Some(PathBuf::from(path.as_ref()))
}

/// The URI of an absolute path, percent-encoding every byte a path
/// segment may not hold as it is.
pub fn from_path(path: &Path) -> Option<Uri> {
    let mut uri = String::from("file://");
    for &byte in path.to_str()?.as_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'.' | b'_' | b'~' => {
                uri.push(char::from(byte))
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    Uri::from_str(&uri).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_goes_there_and_back() {
        let path = Path::new("/home/ana/letters/Café draft #2.md");
        let uri = from_path(path).unwrap();
        assert_eq!(
            uri.as_str(),
            "file:///home/ana/letters/Caf%C3%A9%20draft%20%232.md"
        );
        assert_eq!(to_path(&uri).as_deref(), Some(path));
    }

    #[test]
    fn an_unsaved_buffer_has_no_path() {
        let uri = Uri::from_str("untitled:Untitled-1").unwrap();
        assert_eq!(to_path(&uri), None);
    }
}
