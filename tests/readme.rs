//! README.md says what the program does; these tests hold it to that: the
//! sample output is the real output of the first command, the rule tables
//! are what `--list-rules` prints, and the install and pre-commit snippets
//! work as written.

mod common;

use common::{command, letterlint, root, run, skipped, stdout, temp_dir};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

fn readme() -> String {
    fs::read_to_string(root().join("README.md")).expect("README.md")
}

/// The fenced code blocks of `lang` in `text`, in order.
fn code_blocks(text: &str, lang: &str) -> Vec<String> {
    let fence = format!("```{lang}");
    let mut blocks = Vec::new();
    let mut block: Option<String> = None;
    for line in text.lines() {
        match &mut block {
            None if line == fence => block = Some(String::new()),
            None => {}
            Some(_) if line == "```" => blocks.extend(block.take()),
            Some(body) => {
                body.push_str(line);
                body.push('\n');
            }
        }
    }
    blocks
}

/// Whether `sample` is `output` with runs of lines left out where it holds
/// a line `…`: each run of sample lines must stand in the output in order,
/// the first at its start and the last at its end unless a `…` comes
/// before or after. The error names the run that does not.
fn matches_with_gaps(sample: &[&str], output: &[&str]) -> Result<(), String> {
    let runs: Vec<&[&str]> = sample.split(|line| *line == "…").collect();
    let mut at = 0;
    for (i, run) in runs.iter().enumerate() {
        if run.is_empty() {
            continue;
        }
        let rest = &output[at..];
        let found = match (i == 0, i == runs.len() - 1) {
            (true, true) => (rest == *run).then_some(0),
            (true, false) => rest.starts_with(run).then_some(0),
            (false, true) => rest.ends_with(run).then(|| rest.len() - run.len()),
            (false, false) => rest.windows(run.len()).position(|lines| lines == *run),
        };
        match found {
            Some(offset) => at += offset + run.len(),
            None => {
                let place = match (i == 0, i == runs.len() - 1) {
                    (true, true) => "as the whole output",
                    (true, false) => "at the start of the output",
                    (false, true) => "at the end of the output",
                    (false, false) => "in the output, after the lines before it",
                };
                return Err(format!("these lines are not {place}:\n{}", run.join("\n")));
            }
        }
    }
    Ok(())
}

#[test]
fn the_sample_output_is_what_the_first_command_prints() {
    let readme = readme();
    let first = code_blocks(&readme, "sh")[0]
        .lines()
        .next()
        .unwrap()
        .to_string();
    let command_line = first.split('#').next().unwrap().trim();
    let args: Vec<&str> = command_line
        .strip_prefix("cargo run --release -- ")
        .unwrap_or_else(|| {
            panic!("README.md's first command is not `cargo run --release -- …`: {first}")
        })
        .split_whitespace()
        .collect();
    let mut lint = command(&root(), &args);
    lint.env("NO_COLOR", "1");
    let printed = stdout(&run(lint, None));
    let output: Vec<&str> = printed.lines().collect();

    let sample = code_blocks(&readme, "text")[0].clone();
    let sample: Vec<&str> = sample.lines().collect();
    if let Err(problem) = matches_with_gaps(&sample, &output) {
        panic!(
            "README.md's sample output (its first ```text block) is not what \
             `{command_line}` prints: {problem}\n\n\
             Update that block in README.md from the real output below, keeping \
             the lines worth showing; a line holding only … stands for lines \
             left out.\n\n{printed}"
        );
    }
}

#[test]
fn the_gaps_in_a_sample_are_the_only_lines_it_may_leave_out() {
    let output = ["a", "b", "c", "d"];
    for good in [
        &["a", "b", "c", "d"][..],
        &["a", "…", "d"],
        &["…", "b", "…"],
    ] {
        assert_eq!(matches_with_gaps(good, &output), Ok(()), "{good:?}");
    }
    for bad in [
        &["a", "c", "d"][..],
        &["b", "…", "d"],
        &["a", "…", "c"],
        &["…", "c", "b", "…"],
        &["a", "b", "c", "d", "e"],
    ] {
        assert!(matches_with_gaps(bad, &output).is_err(), "{bad:?}");
    }
}

#[test]
fn every_cargo_install_is_locked() {
    let readme = readme();
    let installs: Vec<&str> = readme
        .lines()
        .filter(|line| line.contains("cargo install"))
        .collect();
    assert!(!installs.is_empty(), "README.md says how to install");
    for line in installs {
        // Without --locked, cargo resolves the dependencies afresh and
        // builds versions no test here has run.
        assert!(line.contains("--locked"), "README.md: {line}");
    }
}

/// The rows of README.md's rule tables (those headed `| rule | level |
/// fires when |`): each cell without its code quotes.
fn readme_rule_rows() -> Vec<[String; 3]> {
    let mut rows = Vec::new();
    let mut in_rule_table = false;
    for line in readme().lines() {
        if line == "| rule | level | fires when |" {
            in_rule_table = true;
        } else if !line.starts_with('|') {
            in_rule_table = false;
        } else if in_rule_table && !line.starts_with("|---") {
            let cells: Vec<String> = line
                .trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().replace('`', ""))
                .collect();
            rows.push(cells.try_into().expect("three cells"));
        }
    }
    rows
}

#[test]
fn the_rule_tables_are_what_list_rules_prints() {
    let out = letterlint(&["--list-rules", "--format", "json", "--no-config"]);
    assert_eq!(out.status.code(), Some(0));
    let listed: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let listed: BTreeSet<[String; 3]> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|rule| ["id", "level", "summary"].map(|key| rule[key].as_str().unwrap().to_string()))
        .collect();
    let rows = readme_rule_rows();
    let tables: BTreeSet<[String; 3]> = rows.iter().cloned().collect();
    assert_eq!(rows.len(), tables.len(), "a rule listed twice in README.md");
    let missing: Vec<_> = listed.difference(&tables).collect();
    let stale: Vec<_> = tables.difference(&listed).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "README.md's rule tables are not what `letterlint --list-rules` prints \
         (rows as id, level, fires when).\nListed but not in the tables: \
         {missing:#?}\nIn the tables but not listed: {stale:#?}"
    );
}

/// The value of `key` in a YAML block written as README.md writes it: one
/// `key: value` a line, perhaps after `- `, perhaps quoted, perhaps with a
/// comment after it.
fn yaml_value(block: &str, key: &str) -> Option<String> {
    block.lines().find_map(|line| {
        let line = line.trim_start().trim_start_matches("- ");
        let value = line.strip_prefix(key)?.strip_prefix(':')?;
        let value = value.split(" #").next().unwrap().trim();
        Some(value.trim_matches('\'').trim_matches('"').to_string())
    })
}

/// README.md's pre-commit snippets: the YAML blocks that list `repos`.
fn pre_commit_snippets() -> Vec<String> {
    code_blocks(&readme(), "yaml")
        .into_iter()
        .filter(|block| block.starts_with("repos:"))
        .collect()
}

/// The name of the built binary: what a hook's `entry` must run.
fn binary_name() -> String {
    let path = Path::new(env!("CARGO_BIN_EXE_letterlint"));
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

#[test]
fn the_local_pre_commit_hook_stops_a_commit_of_a_letter_with_an_error() {
    let snippets = pre_commit_snippets();
    let local = snippets
        .iter()
        .find(|s| yaml_value(s, "repo").as_deref() == Some("local"))
        .expect("README.md gives a `repo: local` pre-commit snippet");
    // The entry is the installed binary, given the staged letters, as
    // tests/repository.rs runs it.
    assert_eq!(yaml_value(local, "language").as_deref(), Some("system"));
    assert_eq!(yaml_value(local, "entry"), Some(binary_name()));
    let files = regex::Regex::new(&yaml_value(local, "files").unwrap()).unwrap();
    for name in ["a.md", "b.markdown", "c.txt"] {
        assert!(files.is_match(name), "{name}");
    }
    assert!(!files.is_match("notes.pdf"));

    // pre-commit itself, with the snippet as README.md writes it.
    let test = "the_local_pre_commit_hook_stops_a_commit_of_a_letter_with_an_error";
    let installed = |tool: &str| Command::new(tool).arg("--version").output().is_ok();
    if !installed("pre-commit") || !installed("git") {
        return skipped(test, "pre-commit or git is not installed");
    }
    let repo = temp_dir("readme-pre-commit");
    fs::write(repo.join(".pre-commit-config.yaml"), local).unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_letterlint"))
        .parent()
        .unwrap();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let path = std::env::join_paths(
        std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(&path)),
    )
    .unwrap();
    let tool = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .current_dir(&repo)
            .env("PATH", &path)
            .env("PRE_COMMIT_HOME", repo.join(".cache"))
            .output()
            .expect("runs")
    };
    tool("git", &["init", "--quiet"]);
    let stage_and_check = |example: &str| {
        let letter = format!("{example}.md");
        fs::copy(root().join("examples").join(&letter), repo.join(&letter)).unwrap();
        tool("git", &["add", ".pre-commit-config.yaml", &letter]);
        tool("pre-commit", &["run"])
    };
    let passed = stage_and_check("strong");
    assert_eq!(passed.status.code(), Some(0), "{}", stdout(&passed));
    let stopped = stage_and_check("template");
    assert_eq!(stopped.status.code(), Some(1), "{}", stdout(&stopped));
    assert!(stdout(&stopped).contains("error[placeholder]"));
}

#[test]
fn the_remote_pre_commit_snippet_names_a_rev_the_readme_says_how_to_make() {
    let readme = readme();
    let snippets = pre_commit_snippets();
    let remote = snippets
        .iter()
        .find(|s| yaml_value(s, "rev").is_some())
        .expect("README.md gives a pre-commit snippet that builds letterlint");
    let rev = yaml_value(remote, "rev").unwrap();
    // pre-commit stops at a rev its clone does not have: a full commit id
    // always exists, a tag only once someone makes it.
    let commit_id = rev.len() == 40 && rev.chars().all(|c| c.is_ascii_hexdigit());
    if !commit_id {
        assert_eq!(
            rev,
            format!("v{}", env!("CARGO_PKG_VERSION")),
            "the tag is the version"
        );
        assert!(
            readme.contains(&format!("git tag {rev}")),
            "README.md's pre-commit snippet names the tag {rev}; it must say how to make it"
        );
    }

    let id = yaml_value(remote, "id").unwrap();
    let hooks = fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    assert_eq!(yaml_value(&hooks, "id"), Some(id));
    assert_eq!(yaml_value(&hooks, "entry"), Some(binary_name()));
    // pre-commit builds a `rust` hook with `cargo install` from the clone.
    assert_eq!(yaml_value(&hooks, "language").as_deref(), Some("rust"));
}
