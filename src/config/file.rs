//! One `letterlint.toml`: where it is, and what it says, validated.

use super::document::{error_at, Document, Step};
use super::error::{ConfigError, Problem};
use super::profiles::{profile, Profile, DEFAULT_PROFILE};
use crate::diagnostic::Level;
use crate::letter::LatexOptions;
use crate::registry::{CustomSpec, Overrides};
use crate::rules::{self, custom::CustomRule};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const FILE_NAME: &str = "letterlint.toml";
/// The score below which a letter fails the run, unless `min_score` says.
pub const DEFAULT_MIN_SCORE: u32 = 70;

const TOP_KEYS: [&str; 8] = [
    "profile",
    "min_score",
    "companies",
    "name",
    "words",
    "rules",
    "custom",
    "latex",
];
const CUSTOM_KEYS: [&str; 5] = ["id", "pattern", "message", "level", "help"];
const LATEX_KEYS: [&str; 2] = ["skip", "read"];

#[derive(Debug, Clone, Default)]
pub struct FileConfig {
    pub path: Option<PathBuf>,
    /// The file's text, to point at the key when a profile other than the
    /// file's own (a letter's, the command line's) makes a value refused.
    pub(super) text: Option<Arc<str>>,
    pub profile: Option<String>,
    pub min_score: Option<u32>,
    pub companies: Vec<String>,
    /// The writer's name, for a letter whose front matter does not give it.
    pub name: Option<String>,
    pub overrides: Overrides,
    pub custom: Vec<CustomSpec>,
    /// `[latex]`: commands whose arguments are skipped, or read as prose.
    pub latex: LatexOptions,
}

impl FileConfig {
    pub fn load(path: &Path) -> Result<FileConfig, ConfigError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| ConfigError::File {
            file: name.clone(),
            problem: Problem::Unreadable(crate::source::io_cause(&e)),
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let (valid, rest) = e.as_bytes().split_at(offset);
            let problem = Problem::NotUtf8 {
                byte: rest.first().copied().unwrap_or_default(),
                offset,
            };
            // The bytes before the first bad one are UTF-8: they give its line.
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            error_at(&name, valid, offset, problem)
        })?;
        let mut config = FileConfig::read(&Document::parse(&name, &text)?)?;
        config.path = Some(path.to_path_buf());
        config.text = Some(text.into());
        Ok(config)
    }

    /// The located error the file's rule tables get when read over `base`,
    /// a profile's overrides; none when they pass.
    pub(super) fn recheck(&self, base: &Overrides) -> Option<ConfigError> {
        let (path, text) = (self.path.as_ref()?, self.text.as_deref()?);
        let name = path.display().to_string();
        Document::parse(&name, text)
            .and_then(|doc| doc.overrides(base))
            .err()
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

    /// Checks the keys in the order a reader meets their errors: unknown
    /// keys, the profile (the rule overrides are read over its values),
    /// rule overrides, then each setting.
    pub(super) fn read(doc: &Document) -> Result<FileConfig, ConfigError> {
        let table = doc.table();
        doc.check_keys(table, &[], &TOP_KEYS, None)?;
        let chosen = table
            .get("profile")
            .map(|v| read_profile(doc, v))
            .transpose()?;
        let base = match chosen {
            Some(chosen) => chosen,
            None => profile(DEFAULT_PROFILE).expect("the default profile exists"),
        };
        let mut config = FileConfig {
            profile: chosen.map(|p| p.name.to_string()),
            overrides: doc.overrides(&base.overrides)?,
            ..FileConfig::default()
        };
        if let Some(value) = table.get("min_score") {
            config.min_score = Some(read_min_score(doc, value)?);
        }
        if let Some(value) = table.get("companies") {
            config.companies = read_companies(doc, value)?;
        }
        if let Some(value) = table.get("name") {
            let name = doc.string(value, &[Step::Key("name")])?;
            config.name = Some(name).filter(|n| !n.trim().is_empty());
        }
        if let Some(value) = table.get("custom") {
            config.custom = read_custom(doc, value)?;
        }
        if let Some(value) = table.get("latex") {
            config.latex = read_latex(doc, value)?;
        }
        Ok(config)
    }
}

fn read_profile(doc: &Document, value: &toml::Value) -> Result<&'static Profile, ConfigError> {
    let path = [Step::Key("profile")];
    let name = doc.string(value, &path)?;
    profile(&name).map_err(|e| doc.error(&path, true, e.into()))
}

fn read_min_score(doc: &Document, value: &toml::Value) -> Result<u32, ConfigError> {
    let path = [Step::Key("min_score")];
    value
        .as_integer()
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n <= 100)
        .ok_or_else(|| doc.error(&path, true, Problem::MinScore(doc.found(&path))))
}

fn read_companies(doc: &Document, value: &toml::Value) -> Result<Vec<String>, ConfigError> {
    let path = [Step::Key("companies")];
    let list = value
        .as_array()
        .ok_or_else(|| doc.error(&path, true, Problem::Companies(doc.found(&path))))?;
    list.iter()
        .enumerate()
        .map(|(i, item)| doc.string(item, &[Step::Key("companies"), Step::Index(i)]))
        .collect()
}

/// `[latex]`: `skip` and `read`, lists of command names, each written
/// with or without its backslash.
fn read_latex(doc: &Document, value: &toml::Value) -> Result<LatexOptions, ConfigError> {
    let path = [Step::Key("latex")];
    let table = value.as_table().ok_or_else(|| {
        let problem = Problem::NotATable {
            header: "[latex]".into(),
            found: doc.found(&path),
        };
        doc.error(&path, true, problem)
    })?;
    doc.check_keys(table, &path, &LATEX_KEYS, Some("[latex]"))?;
    let names = |key: &'static str| -> Result<Vec<String>, ConfigError> {
        let Some(list) = table.get(key) else {
            return Ok(Vec::new());
        };
        let at = [Step::Key("latex"), Step::Key(key)];
        let list = list.as_array().ok_or_else(|| {
            let found = doc.found(&at);
            doc.error(&at, true, Problem::LatexCommands { key, found })
        })?;
        list.iter()
            .enumerate()
            .map(|(i, item)| {
                let at = [Step::Key("latex"), Step::Key(key), Step::Index(i)];
                let name = doc.string(item, &at)?;
                let bare = name.strip_prefix('\\').unwrap_or(&name);
                let is_command =
                    bare.chars().all(|c| c.is_ascii_alphabetic()) || bare.chars().count() == 1;
                if bare.is_empty() || !is_command {
                    return Err(doc.error(&at, true, Problem::LatexCommand(name)));
                }
                Ok(bare.to_string())
            })
            .collect()
    };
    Ok(LatexOptions {
        skip: names("skip")?,
        read: names("read")?,
    })
}

/// The `[[custom]]` rules, each checked in full before the next.
fn read_custom(doc: &Document, value: &toml::Value) -> Result<Vec<CustomSpec>, ConfigError> {
    let path = [Step::Key("custom")];
    let list = value
        .as_array()
        .ok_or_else(|| doc.error(&path, true, Problem::CustomNotAList(doc.found(&path))))?;
    let mut specs: Vec<CustomSpec> = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let spec = read_custom_rule(doc, item, i, &specs)?;
        specs.push(spec);
    }
    Ok(specs)
}

/// The `index`th `[[custom]]` table; its id must not be a built-in's or
/// one of the `earlier` ones'.
fn read_custom_rule(
    doc: &Document,
    item: &toml::Value,
    index: usize,
    earlier: &[CustomSpec],
) -> Result<CustomSpec, ConfigError> {
    let base = [Step::Key("custom"), Step::Index(index)];
    let table = item
        .as_table()
        .ok_or_else(|| doc.error(&base, true, Problem::CustomNotATable(doc.found(&base))))?;
    doc.check_keys(table, &base, &CUSTOM_KEYS, Some("[[custom]]"))?;
    let at = |key: &'static str| [Step::Key("custom"), Step::Index(index), Step::Key(key)];
    let required = |key: &'static str| {
        table
            .get(key)
            .ok_or_else(|| doc.error(&base, true, Problem::CustomNeeds(key)))
            .and_then(|v| doc.string(v, &at(key)))
    };
    let id = required("id")?;
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(doc.error(&at("id"), true, Problem::NotKebabCase(id)));
    }
    if rules::doc(&id).is_some() || earlier.iter().any(|s| s.id == id) {
        return Err(doc.error(&at("id"), true, Problem::TakenId(id)));
    }
    let pattern = CustomRule::compile(&required("pattern")?)
        .map_err(|e| doc.error(&at("pattern"), true, e.into()))?;
    Ok(CustomSpec {
        id,
        pattern,
        message: required("message")?,
        level: match table.get("level") {
            Some(level) => doc.level(level, &at("level"))?,
            None => Level::Warn,
        },
        help: table
            .get("help")
            .map(|h| doc.string(h, &at("help")))
            .transpose()?,
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::config::profiles::PROFILE_NAMES;

    pub(in crate::config) fn parse(text: &str) -> Result<FileConfig, ConfigError> {
        FileConfig::read(&Document::parse(FILE_NAME, text)?)
    }

    fn error(text: &str) -> String {
        parse(text).unwrap_err().to_string()
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
            "letterlint.toml:2:11: `min_run` in [rules.stack-soup] must be a whole number of 0 or more, got \"four\""
        );
        assert_eq!(
            error("profile = \"fintec\""),
            format!(
                "letterlint.toml:1:11: unknown profile `fintec` (did you mean `fintech`?); the profiles are {}",
                PROFILE_NAMES.join(", ")
            )
        );
        assert_eq!(
            error("min_score = 170"),
            "letterlint.toml:1:13: min_score must be a whole number from 0 to 100, got 170"
        );
        assert!(error("profile = ").starts_with("letterlint.toml:1:"));
        assert_eq!(
            error("name = 7"),
            "letterlint.toml:1:8: `name` must be text in quotes, got 7"
        );
        assert_eq!(
            parse("name = \"Ana Ruiz\"").unwrap().name.as_deref(),
            Some("Ana Ruiz")
        );
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
    fn rule_params_are_read_as_the_rule_reads_them() {
        assert_eq!(
            error("[words]\nmin = -5"),
            "letterlint.toml:2:7: `min` in [words] must be a whole number of 0 or more, got -5"
        );
        assert_eq!(
            error("[words]\nmin = 500\nmax = 100"),
            "letterlint.toml:1:1: [words]: min (500) is above max (100)"
        );
        assert_eq!(
            error("[words.sections.\"Day one\"]\nmin = 100"),
            "letterlint.toml:1:1: [words.sections.\"Day one\"] needs `max`"
        );
        assert_eq!(
            error("[rules.cliche]\nextra = [\"ok\", 2]"),
            "letterlint.toml:2:16: each item of `extra` in [rules.cliche] must be text in quotes, got 2"
        );
        // Bounds are checked over the profile the file selects.
        assert!(parse("profile = \"early-career\"\n[words]\nmax = 210").is_ok());
        assert!(parse("[words]\nmax = 210").is_err());
        // A number where a fraction is expected may be written whole.
        assert!(parse("[words]\nnear = 1").is_ok());
    }

    #[test]
    fn latex_lists_take_command_names() {
        let file =
            parse("[latex]\nskip = [\"\\\\mysetting\", \"addr\"]\nread = [\"lettercontent\"]")
                .unwrap();
        assert_eq!(file.latex.skip, ["mysetting", "addr"]);
        assert_eq!(file.latex.read, ["lettercontent"]);
        assert_eq!(
            error("[latex]\nskip = [\"two words\"]"),
            "letterlint.toml:2:9: `two words` is not a LaTeX command name (letters only, as `lettercontent` or `\\lettercontent`)"
        );
        assert_eq!(
            error("[latex]\nskips = []"),
            "letterlint.toml:2:1: unknown key `skips` in [latex] (did you mean `skip`?)"
        );
        assert_eq!(
            error("[latex]\nread = \"x\""),
            "letterlint.toml:2:8: `read` under [latex] must be a list of command names, got \"x\""
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
}
