//! A test run leaves nothing behind: every temporary folder a test makes
//! comes from `common::temp_dir`, which deletes it with all it holds when
//! the test ends, pass or fail. A folder made any other way (a fixed name
//! under the system temp dir, a `TempDir` kept) stays, run after run.

use std::fs;
use std::path::{Path, PathBuf};

/// What makes a temporary folder without `common::temp_dir`.
const OTHER_WAYS: [&str; 5] = [
    "env::temp_dir",
    "tempfile::",
    "tempdir(",
    ".keep()",
    "into_path()",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn tests_make_temporary_folders_only_with_common_temp_dir() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let (mut files, mut found) = (Vec::new(), Vec::new());
    rust_files(&tests, &mut files);
    assert!(files.len() > 10, "the tests are found: {files:?}");
    for file in files {
        if file == tests.join("common/mod.rs") || file == tests.join("housekeeping.rs") {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        for (number, line) in text.lines().enumerate() {
            if let Some(way) = OTHER_WAYS.iter().find(|way| line.contains(*way)) {
                found.push(format!("{}:{}: {way}", file.display(), number + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "use common::temp_dir:\n{}",
        found.join("\n")
    );
}
