//! Which configuration governs a letter: a file given on the command line,
//! none, or the nearest `letterlint.toml` above the letter.

use crate::config::{Config, ConfigError, FileConfig, Selection};
use std::path::{Path, PathBuf};

/// Where the configuration comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ConfigChoice {
    /// The nearest `letterlint.toml` above each letter.
    #[default]
    Discover,
    File(PathBuf),
    None,
}

impl ConfigChoice {
    /// The config file that governs a letter (the path it stands for), or
    /// with no letter the working folder.
    pub fn file_for(&self, letter: Option<&Path>) -> Option<PathBuf> {
        match self {
            ConfigChoice::None => None,
            ConfigChoice::File(path) => Some(path.clone()),
            ConfigChoice::Discover => {
                FileConfig::discover(&letter_dir(letter)).map(|found| relative_to_cwd(&found))
            }
        }
    }
}

/// The configuration in `file`, or the defaults, with the command line's
/// selection on top.
pub fn load_config(
    selection: &Selection,
    file: Option<PathBuf>,
    companies: &[String],
) -> Result<Config, ConfigError> {
    let file = match file {
        Some(path) => FileConfig::load(&path)?,
        None => FileConfig::default(),
    };
    let mut config = Config::new(file, selection)?;
    config.add_run_companies(companies);
    Ok(config)
}

/// The folder whose config governs a letter: its own, or the working
/// folder for standard input and for a run without letters.
fn letter_dir(letter: Option<&Path>) -> PathBuf {
    let cwd = || std::env::current_dir().unwrap_or_default();
    let Some(letter) = letter.filter(|p| *p != Path::new("-")) else {
        return cwd();
    };
    let dir = letter
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf())
}

/// A discovered path as the user would write it: relative when it lies
/// below the working folder, so error messages stay short.
fn relative_to_cwd(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| cwd.canonicalize().ok())
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}
