//! The built-in `rules/*.toml` files, turned into JSON by the build script
//! (`src/build.rs`) and compiled into the binary.

use serde::Deserialize;

/// Parses a built-in file (see `embedded!`); a broken one is a bug caught by
/// every test run, so it panics with the file's name.
pub fn from_json<T: for<'de> Deserialize<'de>>(name: &str, json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("built-in {name}.toml is invalid: {e}"))
}
