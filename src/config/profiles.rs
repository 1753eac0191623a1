//! The built-in profiles, one `rules/profiles/<name>.toml` each. The build
//! script lists that folder, so adding a profile is adding its file: the
//! command-line help, `letterlint init` and the tests read the list here.

use super::document::Document;
use super::error::{ConfigError, UnknownProfile};
use crate::registry::Overrides;
use crate::suggest::DidYouMean;
use std::sync::OnceLock;

// `PROFILE_NAMES` and `PROFILE_TEXTS`, alphabetical, written by src/build.rs.
include!(concat!(env!("OUT_DIR"), "/profiles.rs"));

pub const DEFAULT_PROFILE: &str = "backend";

const PROFILE_KEYS: [&str; 4] = ["description", "engineering", "words", "rules"];

/// A built-in profile: `rules/profiles/<name>.toml`.
pub struct Profile {
    pub name: &'static str,
    pub description: String,
    /// `false` silences every engineering rule (`general`).
    pub engineering: bool,
    pub overrides: Overrides,
}

/// Each profile is parsed the first time a letter needs it: most runs use
/// one.
static PROFILES: [OnceLock<Profile>; PROFILE_NAMES.len()] =
    [const { OnceLock::new() }; PROFILE_NAMES.len()];

/// Every built-in profile. They are read with the same validation as a
/// user's file, so a broken one fails every test run.
pub fn profiles() -> impl Iterator<Item = &'static Profile> {
    (0..PROFILE_NAMES.len()).map(parsed)
}

pub fn profile(name: &str) -> Result<&'static Profile, UnknownProfile> {
    match PROFILE_NAMES.iter().position(|n| *n == name) {
        Some(index) => Ok(parsed(index)),
        None => Err(UnknownProfile {
            name: name.to_string(),
            hint: DidYouMean::new(name, PROFILE_NAMES),
            known: &PROFILE_NAMES,
        }),
    }
}

fn parsed(index: usize) -> &'static Profile {
    PROFILES[index].get_or_init(|| {
        let name = PROFILE_NAMES[index];
        let file = format!("rules/profiles/{name}.toml");
        Document::parse(&file, PROFILE_TEXTS[index])
            .and_then(|doc| read(&doc, name))
            .unwrap_or_else(|e| panic!("built-in profile is invalid: {e}"))
    })
}

fn read(doc: &Document, name: &'static str) -> Result<Profile, ConfigError> {
    let table = doc.table();
    doc.check_keys(table, &[], &PROFILE_KEYS, None)?;
    Ok(Profile {
        name,
        description: table
            .get("description")
            .and_then(|d| d.as_str())
            .unwrap_or_default()
            .to_string(),
        engineering: table
            .get("engineering")
            .and_then(|e| e.as_bool())
            .unwrap_or(true),
        overrides: doc.overrides(&Overrides::new())?,
    })
}
