//! Configuration: `letterlint.toml`, profiles, and the command line, layered
//! into the rule set a letter is linted with. Precedence, highest first:
//! command-line flags, the letter's front matter (its profile), the config
//! file, the profile, the rules' own defaults.

mod document;
mod error;
mod file;
mod init;
mod params;
mod profiles;

pub use crate::registry::{
    check_rule_id, ActiveRule, CustomSpec, Overrides, RuleOverride, RuleSet,
};
pub use error::{ConfigError, Problem, UnknownProfile};
pub use file::{FileConfig, DEFAULT_MIN_SCORE, FILE_NAME};
pub use init::init_template;
pub use params::ParamProblem;
pub use profiles::{profile, profiles, Profile, DEFAULT_PROFILE, PROFILE_NAMES};

use crate::diagnostic::Level;
use crate::lexicon::Companies;
use crate::registry::{self, Layers};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// What the command line says; it overrides everything else.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only these rules (empty: all).
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// `-D warnings`: every warning is an error.
    pub deny_warnings: bool,
    pub min_score: Option<u32>,
    pub profile: Option<String>,
}

impl Selection {
    /// `--select`, `--ignore` and `-D warnings` over the configured level;
    /// `None` leaves the rule out.
    fn level(&self, id: &str, level: Level) -> Option<Level> {
        let selected = self.select.is_empty() || self.select.iter().any(|x| x == id);
        let level = if !selected || self.ignore.iter().any(|x| x == id) {
            Level::Off
        } else if self.deny_warnings && level == Level::Warn {
            Level::Error
        } else {
            level
        };
        (level != Level::Off).then_some(level)
    }
}

/// The resolved configuration of a run for the letters one config file governs.
pub struct Config {
    pub min_score: u32,
    pub file: FileConfig,
    pub selection: Selection,
    /// Companies a letter must not name (the file's, and other letters').
    pub companies: Companies,
    /// Every rule id known to this configuration, built-in and custom.
    pub rule_ids: Vec<String>,
    /// Built the first time a letter needs the profile, once even when
    /// several workers ask at the same time.
    rule_sets: BTreeMap<&'static str, OnceLock<Result<Arc<RuleSet>, ConfigError>>>,
}

impl Default for Config {
    fn default() -> Self {
        Config::new(FileConfig::default(), &Selection::default()).expect("built-in rules are valid")
    }
}

impl Config {
    /// Validates everything that can be wrong before a letter is read: rule
    /// ids on the command line, the profile, and the file's overrides under
    /// the profile it selects.
    pub fn new(file: FileConfig, selection: &Selection) -> Result<Config, ConfigError> {
        for id in selection.select.iter().chain(&selection.ignore) {
            if !file.custom.iter().any(|c| &c.id == id) {
                check_rule_id(id).map_err(|e| ConfigError::Usage(e.into()))?;
            }
        }
        let config = Config {
            min_score: selection
                .min_score
                .or(file.min_score)
                .unwrap_or(DEFAULT_MIN_SCORE),
            companies: Companies::new(&file.companies),
            rule_ids: registry::rule_ids(&file.custom),
            rule_sets: PROFILE_NAMES
                .iter()
                .map(|name| (*name, OnceLock::new()))
                .collect(),
            selection: selection.clone(),
            file,
        };
        let base = config.base_profile();
        // A profile only the file names is the file's mistake.
        let blame_file = config.selection.profile.is_none();
        profile(&base).map_err(|e| config.error(blame_file, e.into()))?;
        // Build the base set now so that a bad override is reported up front.
        config.rule_set(&base)?;
        Ok(config)
    }

    /// Adds the companies of the run's letters to the file's.
    pub fn add_run_companies(&mut self, companies: &[String]) {
        self.companies = Companies::new(self.file.companies.iter().chain(companies));
    }

    /// The profile for letters that do not name one.
    fn base_profile(&self) -> String {
        self.selection
            .profile
            .clone()
            .or_else(|| self.file.profile.clone())
            .unwrap_or_else(|| DEFAULT_PROFILE.to_string())
    }

    /// The profile a letter is linted under: `--profile`, then its front
    /// matter, then the file, then the default.
    pub fn profile_for(&self, front_matter: Option<&str>) -> String {
        match (&self.selection.profile, front_matter) {
            (Some(flag), _) => flag.clone(),
            (None, Some(letter)) => letter.to_string(),
            (None, None) => self.base_profile(),
        }
    }

    pub fn rule_set(&self, profile_name: &str) -> Result<Arc<RuleSet>, ConfigError> {
        let profile = profile(profile_name).map_err(|e| ConfigError::Usage(e.into()))?;
        self.rule_sets[profile.name]
            .get_or_init(|| {
                let layers = Layers {
                    profile: profile.name,
                    engineering: profile.engineering,
                    overrides: [&profile.overrides, &self.file.overrides],
                    custom: &self.file.custom,
                };
                RuleSet::build(&layers, |id, level| self.selection.level(id, level))
                    .map(Arc::new)
                    .map_err(|e| {
                        let located = self.file.recheck(&profile.overrides);
                        located.unwrap_or_else(|| self.error(true, e.into()))
                    })
            })
            .clone()
    }

    /// A problem reported against the config file, when there is one and
    /// `in_file`, else as a usage error.
    fn error(&self, in_file: bool, problem: Problem) -> ConfigError {
        match &self.file.path {
            Some(path) if in_file => ConfigError::File {
                file: path.display().to_string(),
                problem,
            },
            _ => ConfigError::Usage(problem),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use file::tests::parse;

    #[test]
    fn every_profile_loads() {
        assert!(PROFILE_NAMES.contains(&DEFAULT_PROFILE));
        for p in profiles() {
            Config::new(
                FileConfig {
                    profile: Some(p.name.into()),
                    ..FileConfig::default()
                },
                &Selection::default(),
            )
            .unwrap();
        }
    }

    #[test]
    fn precedence_flag_over_file_over_profile_over_default() {
        // fintech raises role-fit to warn; the file lowers it to info; the flag turns it off.
        let file = parse("profile = \"fintech\"\n[rules.role-fit]\nlevel = \"info\"").unwrap();
        let level = |config: &Config| {
            config
                .rule_set(&config.profile_for(None))
                .unwrap()
                .rules
                .iter()
                .find(|r| r.id == "role-fit")
                .map(|r| r.level)
        };
        let without_file = Config::new(
            FileConfig {
                profile: Some("fintech".into()),
                ..FileConfig::default()
            },
            &Selection::default(),
        )
        .unwrap();
        assert_eq!(level(&without_file), Some(Level::Warn));
        let with_file = Config::new(file.clone(), &Selection::default()).unwrap();
        assert_eq!(level(&with_file), Some(Level::Info));
        let flag = Selection {
            ignore: vec!["role-fit".into()],
            ..Selection::default()
        };
        assert_eq!(level(&Config::new(file, &flag).unwrap()), None);
        assert_eq!(level(&Config::default()), Some(Level::Info));
    }

    #[test]
    fn front_matter_profile_beats_the_file_and_the_flag_beats_both() {
        let file = FileConfig {
            profile: Some("fintech".into()),
            ..FileConfig::default()
        };
        let config = Config::new(file.clone(), &Selection::default()).unwrap();
        assert_eq!(config.profile_for(Some("general")), "general");
        assert_eq!(config.profile_for(None), "fintech");
        let flag = Selection {
            profile: Some("ai-infra".into()),
            ..Selection::default()
        };
        assert_eq!(
            Config::new(file, &flag)
                .unwrap()
                .profile_for(Some("general")),
            "ai-infra"
        );
    }
}
