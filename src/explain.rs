//! `--explain RULE` and `--list-rules`: the rule docs from `rules/<id>.toml`.

use crate::config::Config;
use crate::diagnostic::Level;
use crate::forms::alternatives;
use crate::rules::{doc, docs};
use owo_colors::OwoColorize;
use std::fmt::Write;

pub fn explain(id: &str, color: bool) -> String {
    let doc = doc(id).expect("caller checked the id");
    let heading = |s: &str| {
        if color {
            s.bold().to_string()
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}\n", heading(&doc.id), doc.summary);
    let _ = writeln!(
        out,
        "Default level: {} · penalty {} per finding, at most {} per letter{}\n",
        doc.level.as_str(),
        doc.penalty,
        doc.max_penalty,
        if doc.engineering {
            " · engineering letters only"
        } else {
            ""
        }
    );
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
    let _ = writeln!(
        out,
        "\n  For one run: `--ignore {id}`, or `--select {id}` to run only it.\n  \
         In a letter: <!-- letterlint-disable-next-line {id} --> above the line, or\n  \
         <!-- letterlint-disable {id} --> … <!-- letterlint-enable {id} --> around a passage."
    );
    out
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

/// Every rule the configuration knows, built-in and custom, with the level
/// it runs at for letters that name no profile.
pub fn list_rules(config: &Config) -> String {
    let base = config.profile_for(None);
    let active = config.rule_set(&base).ok();
    let level_of = |id: &str| {
        active
            .as_ref()
            .and_then(|set| set.rules.iter().find(|r| r.id == id))
            .map_or(Level::Off, |r| r.level)
            .as_str()
    };
    let rows: Vec<(&str, &str, &str)> = docs()
        .iter()
        .map(|d| (d.id.as_str(), level_of(&d.id), d.summary.as_str()))
        .chain(
            config
                .file
                .custom
                .iter()
                .map(|c| (c.id.as_str(), level_of(&c.id), c.message.as_str())),
        )
        .collect();
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (id, level, summary) in rows {
        let _ = writeln!(out, "{id:width$}  {level:5}  {summary}");
    }
    out
}
