//! `--explain RULE` and `--list-rules`: the rule docs from `rules/<id>.toml`,
//! and a configuration's custom rules.

use crate::config::{Config, CustomSpec};
use crate::diagnostic::Level;
use crate::forms::alternatives;
use crate::rules::{custom::CustomRule, docs, RuleDoc};
use owo_colors::OwoColorize;
use serde::Serialize;
use std::fmt::Write;

/// A section heading of an explain page: bold on a terminal.
fn heading(text: &str, color: bool) -> String {
    match color {
        true => text.bold().to_string(),
        false => text.to_string(),
    }
}

/// A built-in rule's page: what it checks, why, the advice it stands on,
/// its examples, and how to configure it.
pub fn explain(doc: &RuleDoc, color: bool) -> String {
    let id = doc.id.as_str();
    let level = format!("Default level: {}", doc.level.as_str());
    let note = match doc.engineering {
        true => " · engineering letters only",
        false => "",
    };
    let costs = (doc.penalty, doc.max_penalty);
    let mut out = head(id, &doc.summary, &level, costs, note, color);
    let heading = |s: &str| heading(s, color);
    let _ = writeln!(out, "{}\n{}\n", heading("Why is this bad?"), doc.why.trim());
    if let Some(families) = families(&doc.params) {
        let _ = writeln!(out, "{}\n{families}", heading("Families"));
    }
    let _ = writeln!(out, "{}", heading("Advice it stands on"));
    for advice in &doc.advice {
        let _ = writeln!(out, "  - {advice}");
    }
    let indent = |text: &str| {
        text.trim()
            .lines()
            .map(|l| {
                if l.is_empty() {
                    "\n".to_string()
                } else {
                    format!("    {l}\n")
                }
            })
            .collect::<String>()
    };
    let _ = writeln!(
        out,
        "\n{}\n{}",
        heading("Example (fires)"),
        indent(&doc.bad)
    );
    let _ = writeln!(
        out,
        "{}\n{}",
        heading("Instead (does not fire)"),
        indent(&doc.good)
    );
    let _ = writeln!(out, "{}\n  help: {}\n", heading("What to do"), doc.help);
    let _ = writeln!(out, "{}", heading("Configure"));
    let _ = writeln!(
        out,
        "  In letterlint.toml (the values shown are the defaults):\n"
    );
    let _ = writeln!(
        out,
        "    [rules.{id}]\n    level = \"{}\"  # error | warn | info | off",
        doc.level.as_str()
    );
    for (key, value) in &doc.params {
        match value
            .as_array()
            .filter(|a| key == "families" && !a.is_empty())
        {
            Some(list) => {
                let n = list.len();
                let _ = writeln!(
                    out,
                    "    {key} = [ … ]  # the {n} families above, in rules/{id}.toml"
                );
            }
            None => {
                let _ = writeln!(out, "    {key} = {value}");
            }
        }
    }
    out + &for_one_run(id)
}

/// A `[[custom]]` rule's page, from the config file that defines it: what
/// it matches, its message, level and help, and the table itself.
/// The page of custom rule `id`, as `config` defines it; none when it
/// defines no such rule.
pub fn custom_page(config: &Config, id: &str, color: bool) -> Option<String> {
    let spec = config.file.custom.iter().find(|spec| spec.id == id)?;
    let file = config.file.path.as_deref();
    let file = file.unwrap_or(std::path::Path::new(crate::config::FILE_NAME));
    Some(explain_custom(spec, &file.display().to_string(), color))
}

pub fn explain_custom(spec: &CustomSpec, file: &str, color: bool) -> String {
    let id = spec.id.as_str();
    let level = format!("Level: {}", spec.level.as_str());
    let note = format!(" · a custom rule from {file}");
    let costs = (CustomRule::PENALTY, CustomRule::MAX_PENALTY);
    let mut out = head(id, &spec.message, &level, costs, &note, color);
    let heading = |s: &str| heading(s, color);
    let _ = writeln!(
        out,
        "{}\n  text of the letter's prose that matches the pattern {}\n",
        heading("What it finds"),
        spec.pattern.as_str()
    );
    if let Some(help) = &spec.help {
        let _ = writeln!(out, "{}\n  help: {help}\n", heading("What to do"));
    }
    let _ = writeln!(out, "{}", heading("Configure"));
    let _ = writeln!(out, "  In {file}:\n");
    let quoted = |text: &str| toml::Value::from(text).to_string();
    let _ = writeln!(out, "    [[custom]]\n    id = {}", quoted(id));
    let _ = writeln!(out, "    pattern = {}", quoted(spec.pattern.as_str()));
    let _ = writeln!(out, "    message = {}", quoted(&spec.message));
    let _ = writeln!(
        out,
        "    level = \"{}\"  # error | warn | info | off",
        spec.level.as_str()
    );
    if let Some(help) = &spec.help {
        let _ = writeln!(out, "    help = {}", quoted(help));
    }
    out + &for_one_run(id)
}

/// A page's first lines: the rule and what it fires on, then its level,
/// what a finding costs (`costs`: one, and at most per letter) and `note`.
fn head(
    id: &str,
    summary: &str,
    level: &str,
    (penalty, max_penalty): (u32, u32),
    note: &str,
    color: bool,
) -> String {
    format!(
        "{}: {summary}\n\n{level} · penalty {penalty} per finding, at most {max_penalty} per letter{note}\n\n",
        heading(id, color)
    )
}

/// The end of every page: how to switch the rule off for one run or one
/// passage.
fn for_one_run(id: &str) -> String {
    format!(
        "\n  For one run: `--ignore {id}`, or `--select {id}` to run only it.\n  \
         In a letter: <!-- letterlint-disable-next-line {id} --> above the line, or\n  \
         <!-- letterlint-disable {id} --> … <!-- letterlint-enable {id} --> around a passage;\n  \
         in a .tex letter, as comments: % letterlint-disable-next-line {id}.\n"
    )
}

/// A rule whose phrases come in families (`[[params.families]]`, each with
/// a `name`, a `doc` and lists of `phrases`, `nouns` and `verbs`): each
/// family with the first two entries of each list as examples.
fn families(params: &toml::Table) -> Option<String> {
    let mut out = String::new();
    for family in params.get("families")?.as_array()? {
        let name = family.get("name")?.as_str()?;
        let doc = family.get("doc")?.as_str()?;
        let examples: Vec<String> = ["phrases", "nouns", "verbs"]
            .iter()
            .filter_map(|list| family.get(list)?.as_array())
            .flat_map(|list| list.iter().take(2))
            .filter_map(|entry| alternatives(entry.as_str()?).into_iter().next())
            .map(|example| format!("\"{example}\""))
            .collect();
        let _ = writeln!(out, "  - {name}: {doc}\n      {}, …", examples.join(", "));
    }
    Some(out)
}

/// Where a rule comes from: `rules/<id>.toml`, or a config file's
/// `[[custom]]` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSource {
    Builtin,
    Custom,
}

/// One rule as `--list-rules` shows it; its JSON form is the element of
/// `--list-rules --format json`.
#[derive(Debug, Serialize)]
pub struct ListedRule<'a> {
    pub id: &'a str,
    /// The level it runs at for letters that name no profile: `off` when
    /// the profile, the config or the command line switches it off.
    pub level: &'static str,
    pub penalty: u32,
    /// What the rule fires on: a built-in rule's summary, a custom rule's
    /// message.
    pub summary: &'a str,
    pub engineering: bool,
    pub source: RuleSource,
}

/// Every rule the configuration knows, built-in and custom, with the level
/// it runs at for letters that name no profile.
pub fn listed_rules(config: &Config) -> Vec<ListedRule<'_>> {
    let base = config.profile_for(None);
    let active = config.rule_set(&base).ok();
    let level_of = |id: &str| {
        active
            .as_ref()
            .and_then(|set| set.rules.iter().find(|r| r.id == id))
            .map_or(Level::Off, |r| r.level)
            .as_str()
    };
    let builtin = docs().iter().map(|d| ListedRule {
        id: &d.id,
        level: level_of(&d.id),
        penalty: d.penalty,
        summary: &d.summary,
        engineering: d.engineering,
        source: RuleSource::Builtin,
    });
    let custom = config.file.custom.iter().map(|c| ListedRule {
        id: &c.id,
        level: level_of(&c.id),
        penalty: CustomRule::PENALTY,
        summary: &c.message,
        engineering: false,
        source: RuleSource::Custom,
    });
    builtin.chain(custom).collect()
}

/// The rules as the table README.md shows: rule, level, fires when.
pub fn rules_table(rules: &[ListedRule]) -> String {
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let row = |id: &str, level: &str, summary: &str| format!("{id:width$}  {level:5}  {summary}\n");
    let header = row("rule", "level", "fires when");
    rules
        .iter()
        .fold(header, |out, r| out + &row(r.id, r.level, r.summary))
}
