//! What the server knows beyond one document: the configuration that
//! governs each letter, and the companies of the workspace's letters,
//! which wrong-company needs as a run over the folder would give them.

use crate::config::{Config, ConfigError, Selection, FILE_NAME};
use crate::config_choice::{load_config, ConfigChoice};
use crate::inputs::Inputs;
use lsp_server::{Request, RequestId};
use lsp_types::notification::{DidChangeWatchedFiles, Notification as _};
use lsp_types::request::{RegisterCapability, Request as _};
use lsp_types::{
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, Registration,
    RegistrationParams,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Default)]
pub struct Workspace {
    /// Each letter's `company`: from disk for the letters in the workspace
    /// folders, from the unsaved text for open documents.
    companies: BTreeMap<PathBuf, String>,
    /// The configuration in use for each config file, `None` for letters
    /// no file governs: the last that loaded, or the built-in one when the
    /// file never did.
    configs: BTreeMap<Option<PathBuf>, Config>,
    /// Config files whose state changed since the server last asked: each
    /// with its error, or none to clear what was shown.
    reports: BTreeMap<PathBuf, Option<ConfigError>>,
}

impl Workspace {
    /// Reads the company of every letter in `folders`, walked as the command
    /// line walks a folder.
    pub fn scan(folders: Vec<PathBuf>) -> Workspace {
        let inputs = Inputs {
            paths: folders,
            ..Inputs::default()
        };
        let mut workspace = Workspace::default();
        for found in inputs.find().letters.into_iter().flatten() {
            let absolute = std::path::absolute(&found).unwrap_or_else(|_| found.clone());
            let letter = inputs.read(Ok(found));
            if let Some(company) = letter.company() {
                workspace.companies.insert(absolute, company.to_string());
            }
        }
        workspace
    }

    /// Records the company a letter names now; true when that changes what
    /// other letters must not name.
    pub fn set_company(&mut self, letter: &Path, company: Option<&str>) -> bool {
        let changed = match company {
            Some(c) => self.companies.insert(letter.to_path_buf(), c.to_string()) != Some(c.into()),
            None => self.companies.remove(letter).is_some(),
        };
        if changed {
            let companies = self.companies();
            for config in self.configs.values_mut() {
                config.add_run_companies(&companies);
            }
        }
        changed
    }

    fn companies(&self) -> Vec<String> {
        self.companies.values().cloned().collect()
    }

    /// The configuration that governs a letter at `letter` (none for an
    /// unsaved buffer: the working folder's), found as the command line
    /// finds it and loaded once.
    pub fn config(&mut self, letter: Option<&Path>) -> &Config {
        let file = ConfigChoice::Discover
            .file_for(letter)
            .map(|f| std::path::absolute(&f).unwrap_or(f));
        if !self.configs.contains_key(&file) {
            let config = self.load(file.as_deref()).unwrap_or_else(|error| {
                if let Some(path) = &file {
                    self.reports.insert(path.clone(), Some(error));
                }
                self.defaults()
            });
            self.configs.insert(file.clone(), config);
        }
        &self.configs[&file]
    }

    /// Reads a config file again after it changed on disk. A file that no
    /// longer loads keeps the configuration it last gave; a deleted one is
    /// forgotten, and its letters find another when next linted, as they
    /// find a new one.
    pub fn reload(&mut self, file: &Path) {
        let key = Some(file.to_path_buf());
        if !self.configs.contains_key(&key) {
            return;
        }
        if !file.is_file() {
            self.configs.remove(&key);
            self.reports.insert(file.to_path_buf(), None);
            return;
        }
        let loaded = self.load(Some(file));
        let error = loaded.as_ref().err().cloned();
        if let (Ok(config), Some(slot)) = (loaded, self.configs.get_mut(&key)) {
            *slot = config;
        }
        self.reports.insert(file.to_path_buf(), error);
    }

    /// The config files whose errors changed since the last call.
    pub fn take_reports(&mut self) -> BTreeMap<PathBuf, Option<ConfigError>> {
        std::mem::take(&mut self.reports)
    }

    fn load(&self, file: Option<&Path>) -> Result<Config, ConfigError> {
        load_config(
            &Selection::default(),
            file.map(Path::to_path_buf),
            &self.companies(),
        )
    }

    /// The built-in configuration, for a letter whose config file never
    /// loaded.
    fn defaults(&self) -> Config {
        let mut config = Config::default();
        config.add_run_companies(&self.companies());
        config
    }
}

/// The request that asks the client to say when a config file changes.
pub fn watch_config_files() -> Request {
    let watcher = FileSystemWatcher {
        glob_pattern: GlobPattern::String(format!("**/{FILE_NAME}")),
        kind: None,
    };
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![watcher],
    };
    let registration = Registration {
        id: format!("letterlint-watch-{FILE_NAME}"),
        method: DidChangeWatchedFiles::METHOD.to_string(),
        register_options: serde_json::to_value(options).ok(),
    };
    let params = RegistrationParams {
        registrations: vec![registration],
    };
    let id = RequestId::from("letterlint-watch".to_string());
    Request::new(id, RegisterCapability::METHOD.to_string(), params)
}

/// Whether `path` names a config file.
pub fn is_config(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name == FILE_NAME)
}
