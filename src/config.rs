//! Configuration: `letterlint.toml`, profiles, and the command line, layered
//! into the rule set a letter is linted with. Precedence, highest first:
//! command-line flags, the letter's front matter (its profile), the config
//! file, the profile, the rules' own defaults.
//!
//! Rules are compiled here, once per profile per run, never per letter.

use crate::diagnostic::Level;
use crate::lexicon::Companies;
use crate::rules::{self, custom::CustomRule, Rule};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use toml::de::{DeTable, DeValue};

pub const DEFAULT_MIN_SCORE: u32 = 70;
pub const DEFAULT_PROFILE: &str = "backend";
pub const FILE_NAME: &str = "letterlint.toml";

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    /// A problem at a place in a file: `letterlint.toml:7:1: …`.
    #[error("{file}:{line}:{column}: {message}")]
    At {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{0}")]
    Usage(String),
}

pub fn did_you_mean(suggestion: Option<String>) -> String {
    suggestion
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default()
}

/// The closest known name within a small edit distance, for "did you mean".
pub fn suggest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(word, k), k))
        .filter(|(d, k)| *d <= 1.max(k.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.to_string())
}

pub fn check_rule_id(id: &str) -> Result<(), ConfigError> {
    if rules::doc(id).is_some() {
        return Ok(());
    }
    Err(ConfigError::Usage(format!(
        "unknown rule `{id}`{}",
        did_you_mean(suggest(id, rules::docs().iter().map(|d| d.id.as_str())))
    )))
}

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

/// A level and parameter overrides for one rule.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleOverride {
    pub level: Option<Level>,
    pub params: toml::Table,
}

/// Overrides from one layer (a profile or a config file), by rule id.
pub type Overrides = BTreeMap<String, RuleOverride>;

/// A built-in profile: `rules/profiles/<name>.toml`.
pub struct Profile {
    pub name: &'static str,
    pub description: String,
    /// `false` silences every engineering rule (`general`).
    pub engineering: bool,
    pub overrides: Overrides,
}

const PROFILE_FILES: [(&str, &str); 6] = [
    ("ai-infra", include_str!("../rules/profiles/ai-infra.toml")),
    ("backend", include_str!("../rules/profiles/backend.toml")),
    (
        "data-platform",
        include_str!("../rules/profiles/data-platform.toml"),
    ),
    (
        "early-career",
        include_str!("../rules/profiles/early-career.toml"),
    ),
    ("fintech", include_str!("../rules/profiles/fintech.toml")),
    ("general", include_str!("../rules/profiles/general.toml")),
];

/// Each profile is parsed the first time a letter needs it: most runs use
/// one.
static PROFILES: [OnceLock<Profile>; PROFILE_FILES.len()] =
    [const { OnceLock::new() }; PROFILE_FILES.len()];

/// Every built-in profile. They are read with the same validation as a
/// user's file, so a broken one fails every test run.
pub fn profiles() -> impl Iterator<Item = &'static Profile> {
    (0..PROFILE_FILES.len()).map(parsed_profile)
}

fn parsed_profile(index: usize) -> &'static Profile {
    PROFILES[index].get_or_init(|| {
        let (name, text) = PROFILE_FILES[index];
        let file = format!("rules/profiles/{name}.toml");
        Document::parse(&file, text)
            .and_then(|doc| doc.profile(name))
            .unwrap_or_else(|e| panic!("built-in profile is invalid: {e}"))
    })
}

pub fn profile(name: &str) -> Result<&'static Profile, String> {
    let names = PROFILE_FILES.iter().map(|(name, _)| *name);
    match names.clone().position(|n| n == name) {
        Some(index) => Ok(parsed_profile(index)),
        None => Err(format!(
            "unknown profile `{name}`{}; the profiles are {}",
            did_you_mean(suggest(name, names.clone())),
            names.collect::<Vec<_>>().join(", ")
        )),
    }
}

/// One `letterlint.toml`, validated.
#[derive(Debug, Clone, Default)]
pub struct FileConfig {
    pub path: Option<PathBuf>,
    pub profile: Option<String>,
    pub min_score: Option<u32>,
    pub companies: Vec<String>,
    pub overrides: Overrides,
    pub custom: Vec<CustomSpec>,
}

/// A `[[custom]]` existence rule.
#[derive(Debug, Clone)]
pub struct CustomSpec {
    pub id: String,
    /// Compiled when the file is read, so a bad one is reported up front.
    pub pattern: regex::Regex,
    pub message: String,
    pub level: Level,
    pub help: Option<String>,
}

impl FileConfig {
    pub fn load(path: &Path) -> Result<FileConfig, ConfigError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::File {
            file: name.clone(),
            message: crate::source::io_cause(&e),
        })?;
        let mut config = Document::parse(&name, &text)?.file_config()?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// The `letterlint.toml` that governs a letter in `dir`: walking up,
    /// the first one found, stopping at the top of a git repository.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        let mut dir = Some(dir);
        while let Some(d) = dir {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                return Some(candidate);
            }
            if d.join(".git").exists() {
                return None;
            }
            dir = d.parent();
        }
        None
    }
}

/// A rule ready to run, with everything the run needs to stamp its findings.
pub struct ActiveRule {
    pub id: String,
    pub level: Level,
    pub penalty: u32,
    pub max_penalty: u32,
    pub engineering: bool,
    pub help: String,
    pub rule: Box<dyn Rule>,
}

/// The compiled rules for one profile.
pub struct RuleSet {
    pub profile: String,
    pub engineering: bool,
    pub rules: Vec<ActiveRule>,
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
                check_rule_id(id)?;
            }
        }
        let rule_ids = rules::docs()
            .iter()
            .map(|d| d.id.clone())
            .chain(file.custom.iter().map(|c| c.id.clone()))
            .collect();
        let config = Config {
            min_score: selection
                .min_score
                .or(file.min_score)
                .unwrap_or(DEFAULT_MIN_SCORE),
            companies: Companies::new(&file.companies),
            rule_ids,
            rule_sets: PROFILE_FILES
                .iter()
                .map(|(name, _)| (*name, OnceLock::new()))
                .collect(),
            selection: selection.clone(),
            file,
        };
        let base = config.base_profile();
        profile(&base).map_err(|message| match &config.file.path {
            Some(path) if config.selection.profile.is_none() => ConfigError::File {
                file: path.display().to_string(),
                message,
            },
            _ => ConfigError::Usage(message),
        })?;
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
        let profile = profile(profile_name).map_err(ConfigError::Usage)?;
        self.rule_sets[profile.name]
            .get_or_init(|| self.build(profile).map(Arc::new))
            .clone()
    }

    fn build(&self, profile: &Profile) -> Result<RuleSet, ConfigError> {
        let file_name = self.file.path.as_ref().map(|p| p.display().to_string());
        let mut active = Vec::new();
        for doc in rules::docs() {
            let layers = [
                profile.overrides.get(&doc.id),
                self.file.overrides.get(&doc.id),
            ];
            let mut level = doc.level;
            let mut params = doc.params.clone();
            for layer in layers.into_iter().flatten() {
                level = layer.level.unwrap_or(level);
                params.extend(layer.params.clone());
            }
            let Some(level) = self.command_line_level(&doc.id, level) else {
                continue;
            };
            let builtin = rules::builtin(&doc.id).expect("docs come from the registry");
            let rule = (builtin.build)(params).map_err(|e| {
                let message = format!("[rules.{}]: {}", doc.id, e.message());
                match &file_name {
                    Some(file) => ConfigError::File {
                        file: file.clone(),
                        message,
                    },
                    None => ConfigError::Usage(message),
                }
            })?;
            active.push(ActiveRule {
                id: doc.id.clone(),
                level,
                penalty: doc.penalty,
                max_penalty: doc.max_penalty,
                engineering: doc.engineering,
                help: doc.help.clone(),
                rule,
            });
        }
        for spec in &self.file.custom {
            let Some(level) = self.command_line_level(&spec.id, spec.level) else {
                continue;
            };
            active.push(ActiveRule {
                id: spec.id.clone(),
                level,
                penalty: CustomRule::PENALTY,
                max_penalty: CustomRule::MAX_PENALTY,
                engineering: false,
                help: spec.help.clone().unwrap_or_default(),
                rule: Box::new(CustomRule::new(spec)),
            });
        }
        Ok(RuleSet {
            profile: profile.name.to_string(),
            engineering: profile.engineering,
            rules: active,
        })
    }

    /// `--select`, `--ignore` and `-D warnings` over the configured level.
    fn command_line_level(&self, id: &str, level: Level) -> Option<Level> {
        let s = &self.selection;
        let selected = s.select.is_empty() || s.select.iter().any(|x| x == id);
        let level = if !selected || s.ignore.iter().any(|x| x == id) {
            Level::Off
        } else if s.deny_warnings && level == Level::Warn {
            Level::Error
        } else {
            level
        };
        (level != Level::Off).then_some(level)
    }
}

/// A TOML document with the spans of its keys and values, so every error
/// can name the line and column it is about.
struct Document<'a> {
    file: &'a str,
    text: &'a str,
    table: toml::Table,
    spans: DeTable<'a>,
}

/// A step in a path to a key: a table key or an array index.
#[derive(Clone, Copy)]
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

const TOP_KEYS: [&str; 6] = [
    "profile",
    "min_score",
    "companies",
    "words",
    "rules",
    "custom",
];
const PROFILE_KEYS: [&str; 4] = ["description", "engineering", "words", "rules"];
const CUSTOM_KEYS: [&str; 5] = ["id", "pattern", "message", "level", "help"];
const LEVELS: [&str; 4] = ["error", "warn", "info", "off"];

/// How large a custom pattern may compile to: a config file must not be able
/// to make every letter slow.
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

impl<'a> Document<'a> {
    fn parse(file: &'a str, text: &'a str) -> Result<Self, ConfigError> {
        let at = |span: Option<Range<usize>>, message: &str| {
            let (line, column) = line_col(text, span.map_or(0, |s| s.start));
            ConfigError::At {
                file: file.to_string(),
                line,
                column,
                message: message.trim().to_string(),
            }
        };
        let spans = DeTable::parse(text)
            .map_err(|e| at(e.span(), e.message()))?
            .into_inner();
        let table = toml::from_str(text).map_err(|e: toml::de::Error| at(e.span(), e.message()))?;
        Ok(Document {
            file,
            text,
            table,
            spans,
        })
    }

    /// Finds the key (or, with `value`, the value) at `path` in the spans.
    fn span(&self, path: &[Step], value: bool) -> Option<Range<usize>> {
        let mut table = &self.spans;
        let mut current: Option<(
            &toml::Spanned<std::borrow::Cow<'_, str>>,
            &toml::Spanned<DeValue>,
        )> = None;
        let mut rest = path;
        let mut array_value: Option<&toml::Spanned<DeValue>> = None;
        while let Some((step, tail)) = rest.split_first() {
            match *step {
                Step::Key(key) => {
                    let entry = table.get_key_value(key)?;
                    current = Some(entry);
                    array_value = None;
                    if let Some(t) = entry.1.get_ref().as_table() {
                        table = t;
                    }
                }
                Step::Index(i) => {
                    let (_, v) = current?;
                    let item = v.get_ref().as_array()?.get(i)?;
                    array_value = Some(item);
                    table = item.get_ref().as_table()?;
                }
            }
            rest = tail;
        }
        match (array_value, current) {
            (Some(item), _) => Some(item.span()),
            (None, Some((key, val))) => Some(if value { val.span() } else { key.span() }),
            _ => None,
        }
    }

    fn error(&self, path: &[Step], value: bool, message: String) -> ConfigError {
        let (line, column) = line_col(self.text, self.span(path, value).map_or(0, |s| s.start));
        ConfigError::At {
            file: self.file.to_string(),
            line,
            column,
            message,
        }
    }

    /// `what` names the kind of thing and where: "key", "key in [words]".
    fn unknown_key(&self, path: &[Step], key: &str, known: &[&str], what: &str) -> ConfigError {
        let (kind, place) = what
            .split_once(" in ")
            .map_or((what, String::new()), |(k, p)| (k, format!(" in {p}")));
        self.error(
            path,
            false,
            format!(
                "unknown {kind} `{key}`{place}{}",
                did_you_mean(suggest(key, known.iter().copied()))
            ),
        )
    }

    fn check_keys(
        &self,
        table: &toml::Table,
        path: &[Step],
        known: &[&str],
        what: &str,
    ) -> Result<(), ConfigError> {
        for key in table.keys() {
            if !known.contains(&key.as_str()) {
                let mut at = path.to_vec();
                at.push(Step::Key(key));
                return Err(self.unknown_key(&at, key, known, what));
            }
        }
        Ok(())
    }

    fn string(&self, value: &toml::Value, path: &[Step]) -> Result<String, ConfigError> {
        value.as_str().map(str::to_string).ok_or_else(|| {
            self.error(
                path,
                true,
                format!("expected a string, found {}", value.type_str()),
            )
        })
    }

    fn level(&self, value: &toml::Value, path: &[Step]) -> Result<Level, ConfigError> {
        let text = self.string(value, path)?;
        match text.as_str() {
            "error" => Ok(Level::Error),
            "warn" => Ok(Level::Warn),
            "info" => Ok(Level::Info),
            "off" => Ok(Level::Off),
            other => Err(self.error(
                path,
                true,
                format!(
                    "level must be one of error, warn, info, off; found `{other}`{}",
                    did_you_mean(suggest(other, LEVELS))
                ),
            )),
        }
    }

    /// `[words]` and `[rules.<id>]`, shared by config files and profiles.
    fn overrides(&self) -> Result<Overrides, ConfigError> {
        let mut overrides = Overrides::new();
        if let Some(words) = self.table.get("words") {
            let path = [Step::Key("words")];
            let words = words
                .as_table()
                .ok_or_else(|| self.error(&path, true, "expected a table: [words]".into()))?;
            let over = self.rule_params("word-count", words, &path, &[])?;
            overrides.insert("word-count".into(), over);
        }
        let Some(rules) = self.table.get("rules") else {
            return Ok(overrides);
        };
        let rules = rules.as_table().ok_or_else(|| {
            self.error(
                &[Step::Key("rules")],
                true,
                "expected a table: [rules.<id>]".into(),
            )
        })?;
        for (id, table) in rules {
            let path = [Step::Key("rules"), Step::Key(id)];
            if rules::doc(id).is_none() {
                let known: Vec<&str> = rules::docs().iter().map(|d| d.id.as_str()).collect();
                return Err(self.unknown_key(&path, id, &known, "rule"));
            }
            let table = table.as_table().ok_or_else(|| {
                self.error(&path, true, format!("expected a table: [rules.{id}]"))
            })?;
            let mut over = self.rule_params(id, table, &path, &["level"])?;
            if let Some(level) = table.get("level") {
                over.level = Some(self.level(
                    level,
                    &[Step::Key("rules"), Step::Key(id), Step::Key("level")],
                )?);
            }
            let entry = overrides.entry(id.clone()).or_default();
            entry.level = over.level.or(entry.level);
            entry.params.extend(over.params);
        }
        Ok(overrides)
    }

    /// A rule's parameters: every key must be one of its `[params]`, of the
    /// same type as the default.
    fn rule_params(
        &self,
        id: &str,
        table: &toml::Table,
        path: &[Step],
        extra_keys: &[&str],
    ) -> Result<RuleOverride, ConfigError> {
        let defaults = &rules::doc(id).expect("checked").params;
        let mut known: Vec<&str> = defaults.keys().map(String::as_str).collect();
        known.extend(extra_keys);
        let place = if id == "word-count" && matches!(path, [Step::Key("words")]) {
            "[words]".to_string()
        } else {
            format!("[rules.{id}]")
        };
        self.check_keys(table, path, &known, &format!("key in {place}"))?;
        let mut params = toml::Table::new();
        for (key, value) in table {
            let Some(default) = defaults.get(key) else {
                continue;
            };
            if !value.same_type(default) {
                let mut at = path.to_vec();
                at.push(Step::Key(key));
                return Err(self.error(
                    &at,
                    true,
                    format!(
                        "`{key}` must be {}, found {}",
                        article(default.type_str()),
                        value.type_str()
                    ),
                ));
            }
            params.insert(key.clone(), value.clone());
        }
        Ok(RuleOverride {
            level: None,
            params,
        })
    }

    fn file_config(&self) -> Result<FileConfig, ConfigError> {
        self.check_keys(&self.table, &[], &TOP_KEYS, "key")?;
        let mut config = FileConfig {
            overrides: self.overrides()?,
            ..FileConfig::default()
        };
        if let Some(value) = self.table.get("profile") {
            let path = [Step::Key("profile")];
            let name = self.string(value, &path)?;
            profile(&name).map_err(|message| self.error(&path, true, message))?;
            config.profile = Some(name);
        }
        if let Some(value) = self.table.get("min_score") {
            let path = [Step::Key("min_score")];
            config.min_score = Some(
                value
                    .as_integer()
                    .and_then(|n| u32::try_from(n).ok())
                    .filter(|n| *n <= 100)
                    .ok_or_else(|| {
                        self.error(
                            &path,
                            true,
                            "min_score must be a whole number from 0 to 100".into(),
                        )
                    })?,
            );
        }
        if let Some(value) = self.table.get("companies") {
            let path = [Step::Key("companies")];
            let list = value.as_array().ok_or_else(|| {
                self.error(&path, true, "companies must be a list of names".into())
            })?;
            for (i, item) in list.iter().enumerate() {
                config
                    .companies
                    .push(self.string(item, &[Step::Key("companies"), Step::Index(i)])?);
            }
        }
        if let Some(value) = self.table.get("custom") {
            config.custom = self.custom(value)?;
        }
        Ok(config)
    }

    fn custom(&self, value: &toml::Value) -> Result<Vec<CustomSpec>, ConfigError> {
        let list = value.as_array().ok_or_else(|| {
            self.error(
                &[Step::Key("custom")],
                true,
                "expected [[custom]] tables".into(),
            )
        })?;
        let mut specs: Vec<CustomSpec> = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let base = [Step::Key("custom"), Step::Index(i)];
            let table = item
                .as_table()
                .ok_or_else(|| self.error(&base, true, "expected a table".into()))?;
            self.check_keys(table, &base, &CUSTOM_KEYS, "key in [[custom]]")?;
            let at = |key: &'static str| [Step::Key("custom"), Step::Index(i), Step::Key(key)];
            let required = |key: &'static str| {
                table
                    .get(key)
                    .ok_or_else(|| self.error(&base, true, format!("a custom rule needs `{key}`")))
                    .and_then(|v| self.string(v, &at(key)))
            };
            let id = required("id")?;
            if !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                || id.is_empty()
            {
                return Err(self.error(
                    &at("id"),
                    true,
                    format!(
                        "rule ids are kebab-case (lower-case letters, digits, '-'); found `{id}`"
                    ),
                ));
            }
            if rules::doc(&id).is_some() || specs.iter().any(|s| s.id == id) {
                return Err(self.error(
                    &at("id"),
                    true,
                    format!("rule id `{id}` is already taken"),
                ));
            }
            let spec = CustomSpec {
                id,
                pattern: CustomRule::compile(&required("pattern")?)
                    .map_err(|e| self.error(&at("pattern"), true, e))?,
                message: required("message")?,
                level: match table.get("level") {
                    Some(level) => self.level(level, &at("level"))?,
                    None => Level::Warn,
                },
                help: table
                    .get("help")
                    .map(|h| self.string(h, &at("help")))
                    .transpose()?,
            };
            specs.push(spec);
        }
        Ok(specs)
    }

    fn profile(&self, name: &'static str) -> Result<Profile, ConfigError> {
        self.check_keys(&self.table, &[], &PROFILE_KEYS, "key")?;
        Ok(Profile {
            name,
            description: self
                .table
                .get("description")
                .and_then(|d| d.as_str())
                .unwrap_or_default()
                .to_string(),
            engineering: self
                .table
                .get("engineering")
                .and_then(|e| e.as_bool())
                .unwrap_or(true),
            overrides: self.overrides()?,
        })
    }
}

fn article(type_name: &str) -> String {
    match type_name {
        "integer" | "array" => format!("an {type_name}"),
        other => format!("a {other}"),
    }
}

/// 1-based line and character column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let index = crate::source::LineIndex::new(text);
    let at = index.line_col(offset.min(text.len()));
    (at.line, at.column)
}

/// The commented `letterlint.toml` that `letterlint init` writes: every key
/// at its default, commented out, so the file changes nothing until edited.
pub fn init_template() -> String {
    let mut out = String::from(
        "# letterlint configuration. Every key is shown at its default and commented\n\
         # out: uncomment a line to change it. `letterlint --explain <rule>` documents\n\
         # each rule.\n\n",
    );
    let names: Vec<&str> = profiles().map(|p| p.name).collect();
    out.push_str(&format!(
        "# Profile: {}.\n# profile = \"{DEFAULT_PROFILE}\"\n\n",
        names.join(" | ")
    ));
    out.push_str(&format!(
        "# A letter scoring below this fails the run (exit 1).\n# min_score = {DEFAULT_MIN_SCORE}\n\n"
    ));
    out.push_str(
        "# Companies a letter must not name unless it is for them (wrong-company).\n# companies = []\n\n",
    );
    out.push_str(
        "# Word bounds for the whole letter, and per section by heading text.\n# [words]\n",
    );
    let words = &rules::doc("word-count").expect("built in").params;
    for (key, value) in words {
        if key != "sections" {
            out.push_str(&format!("# {key} = {value}\n"));
        }
    }
    out.push_str("# [words.sections.\"Day-one proposal\"]\n# min = 100\n# max = 150\n\n");
    for doc in rules::docs() {
        out.push_str(&format!(
            "# {}: {}\n# [rules.{}]\n",
            doc.id, doc.summary, doc.id
        ));
        out.push_str(&format!(
            "# level = \"{}\"  # error | warn | info | off\n",
            doc.level.as_str()
        ));
        for (key, value) in &doc.params {
            out.push_str(&format!("# {key} = {value}\n"));
        }
        out.push('\n');
    }
    out.push_str(
        "# A team's own existence rule: a regex that must not appear.\n\
         # [[custom]]\n\
         # id = \"old-codename\"\n\
         # pattern = \"(?i)project falcon\"\n\
         # message = \"internal code name of a former employer\"\n\
         # level = \"error\"\n\
         # help = \"describe the project instead of naming it\"\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<FileConfig, ConfigError> {
        Document::parse("letterlint.toml", text)?.file_config()
    }

    fn error(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn every_profile_loads() {
        let names: Vec<&str> = profiles().map(|p| p.name).collect();
        assert_eq!(
            names,
            [
                "ai-infra",
                "backend",
                "data-platform",
                "early-career",
                "fintech",
                "general"
            ]
        );
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
    fn errors_name_the_line_and_column_and_suggest() {
        assert_eq!(
            error("profil = \"backend\""),
            "letterlint.toml:1:1: unknown key `profil` (did you mean `profile`?)"
        );
        assert_eq!(
            error("[rules.stack-sup]\nlevel = \"error\""),
            "letterlint.toml:1:8: unknown rule `stack-sup` (did you mean `stack-soup`?)"
        );
        assert_eq!(
            error("[rules.stack-soup]\nmin_runn = 3"),
            "letterlint.toml:2:1: unknown key `min_runn` in [rules.stack-soup] (did you mean `min_run`?)"
        );
        assert_eq!(
            error("[rules.stack-soup]\nlevel = \"loud\""),
            "letterlint.toml:2:9: level must be one of error, warn, info, off; found `loud`"
        );
        assert_eq!(
            error("[rules.stack-soup]\nmin_run = \"four\""),
            "letterlint.toml:2:11: `min_run` must be an integer, found string"
        );
        assert_eq!(
            error("profile = \"fintec\""),
            "letterlint.toml:1:11: unknown profile `fintec` (did you mean `fintech`?); the profiles are ai-infra, backend, data-platform, early-career, fintech, general"
        );
        assert_eq!(
            error("min_score = 170"),
            "letterlint.toml:1:13: min_score must be a whole number from 0 to 100"
        );
        assert!(error("profile = ").starts_with("letterlint.toml:1:"));
    }

    #[test]
    fn custom_rules_are_checked() {
        let ok = parse("[[custom]]\nid = \"old-codename\"\npattern = \"(?i)project falcon\"\nmessage = \"m\"\nlevel = \"error\"").unwrap();
        assert_eq!(ok.custom[0].level, Level::Error);
        assert_eq!(
            error("[[custom]]\nid = \"x\"\npattern = \"(unclosed\"\nmessage = \"m\""),
            "letterlint.toml:3:11: invalid pattern: regex parse error: unclosed group"
        );
        assert!(
            error("[[custom]]\nid = \"x\"\npattern = \"\\\\w{1000}{1000}\"\nmessage = \"m\"")
                .starts_with("letterlint.toml:3:11: pattern too large")
        );
        assert_eq!(
            error("[[custom]]\nid = \"cliche\"\npattern = \"x\"\nmessage = \"m\""),
            "letterlint.toml:2:6: rule id `cliche` is already taken"
        );
        assert_eq!(
            error("[[custom]]\nid = \"x\"\npattern = \"x\""),
            "letterlint.toml:1:1: a custom rule needs `message`"
        );
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

    #[test]
    fn words_table_sets_word_count_params() {
        let file = parse("[words]\nmin = 100\nmax = 150\n[words.sections.\"Day-one proposal\"]\nmin = 100\nmax = 150").unwrap();
        let over = &file.overrides["word-count"];
        assert_eq!(over.params["min"].as_integer(), Some(100));
        assert!(over.params["sections"]
            .as_table()
            .unwrap()
            .contains_key("Day-one proposal"));
    }

    #[test]
    fn init_template_uncommented_is_a_valid_config() {
        let setting = regex::Regex::new(r"^# (\[.*\]|[a-z_]+ = .*)$").unwrap();
        let uncommented: String = init_template()
            .lines()
            .filter(|l| setting.is_match(l))
            .map(|l| format!("{}\n", &l[2..]))
            .collect();
        let config = parse(&uncommented).unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
        assert_eq!(config.custom.len(), 1);
        assert_eq!(config.overrides.len(), rules::docs().len());
    }
}
