//! Turns the rules' and lexicons' TOML into JSON at build time.
//!
//! People edit TOML; the binary reads JSON. Parsing the 60 KB of built-in
//! TOML took a fifth of the time of linting one letter, and serde_json reads
//! the same data many times faster. A broken built-in file now fails the
//! build, naming the file, instead of every run.
//!
//! Profiles stay TOML: they go through the user-config validation. The
//! build lists them instead, so adding a profile is adding its file.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for dir in ["rules", "rules/lexicon"] {
        let target = Path::new(&out).join(dir);
        fs::create_dir_all(&target).expect("OUT_DIR is writable");
        for path in toml_files(dir) {
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
            let table: toml::Table = toml::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is invalid: {e}", path.display()));
            let json = serde_json::to_string(&table).expect("TOML values are JSON values");
            let name = path.file_stem().expect("a file").to_string_lossy();
            fs::write(target.join(format!("{name}.json")), json).expect("OUT_DIR is writable");
        }
    }
    list_profiles(Path::new(&out));
}

/// The `.toml` files in `dir`, sorted, rebuilding when one changes, is
/// added or is removed.
fn toml_files(dir: &str) -> Vec<PathBuf> {
    println!("cargo::rerun-if-changed={dir}");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.expect("readable folder").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// `profiles.rs`: every profile's name and text, included by
/// `src/config/profiles.rs`.
fn list_profiles(out: &Path) {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let files = toml_files("rules/profiles");
    let mut names = Vec::new();
    let mut texts = Vec::new();
    for path in &files {
        let name = path.file_stem().expect("a file").to_string_lossy();
        names.push(format!("{name:?}"));
        let absolute = Path::new(&root).join(path).display().to_string();
        texts.push(format!("include_str!({absolute:?})"));
    }
    let code = format!(
        "/// Every built-in profile, by the name of its file in rules/profiles.\n\
         pub const PROFILE_NAMES: [&str; {n}] = [{}];\n\
         const PROFILE_TEXTS: [&str; {n}] = [{}];\n",
        names.join(", "),
        texts.join(", "),
        n = files.len(),
    );
    fs::write(out.join("profiles.rs"), code).expect("OUT_DIR is writable");
}
