//! `letterlint man`: the manual page, drawn by clap_mangen from the command
//! line's own definition, with its synopsis and its commands written as a
//! person types them.

use clap::Command;
use clap_mangen::roff::{bold, roman, Roff};
use clap_mangen::Man;
use std::io::{self, Write};

/// The page for `command`. clap_mangen's synopsis lists every flag (and
/// prints a short option that takes a value as `[-D ]`), and it names each
/// subcommand as a page of its own, `letterlint-init(1)`, which no one
/// installs; here the synopsis is the usage `--help` prints, and the
/// commands are listed as what one types, `letterlint init`.
pub fn render(mut command: Command, out: &mut dyn Write) -> io::Result<()> {
    command.build();
    let usages: Vec<String> = std::iter::once(usage(&mut command))
        .chain(commands(&mut command).map(|(usage, _)| usage))
        .collect();
    let man = Man::new(command.clone().override_usage(usages.join("\n")));
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    let mut section = Roff::new();
    section.control("SH", ["COMMANDS"]);
    for (usage, about) in commands(&mut command) {
        section
            .control("TP", [])
            .text([bold(usage)])
            .text([roman(about)]);
    }
    section.to_writer(out)?;
    man.render_extra_section(out)?;
    man.render_version_section(out)
}

/// The first line of a command's usage, as `--help` prints it.
fn usage(command: &mut Command) -> String {
    let usage = command.render_usage().to_string();
    let first = usage.lines().next().unwrap_or_default();
    first.trim_start_matches("Usage:").trim().to_string()
}

/// Each subcommand but `help` (the page is the help): its usage and what it
/// does.
fn commands(command: &mut Command) -> impl Iterator<Item = (String, String)> + '_ {
    command
        .get_subcommands_mut()
        .filter(|sub| sub.get_name() != "help")
        .map(|sub| {
            let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
            (usage(sub), about)
        })
}
