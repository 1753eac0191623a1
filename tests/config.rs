//! Configuration end to end: discovery, precedence, errors, profiles,
//! custom rules, suppressions, wrong-company and `init`, through the binary.

mod common;

use common::{letterlint_in, stderr, stdout, temp_dir, write, TempFolder};
use std::fs;
use std::path::Path;

/// Rule ids reported for each file, in order.
fn rules(dir: &Path, args: &[&str]) -> Vec<Vec<String>> {
    let mut all = vec!["--format", "json"];
    all.extend(args);
    let out = letterlint_in(dir, &all, None);
    let report: serde_json::Value =
        serde_json::from_str(&stdout(&out)).unwrap_or_else(|_| panic!("no JSON: {}", stderr(&out)));
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            f["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["rule"].as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

const CLICHE_LETTER: &str = "Dear team,\n\nI am a team player.\n";

#[test]
fn discovery_walks_up_and_stops_at_the_repository_root() {
    let root = temp_dir("config-discovery");
    // Above the repository: must never apply.
    write(
        &root.join("letterlint.toml"),
        "[rules.cliche]\nlevel = \"off\"\n",
    );
    fs::create_dir_all(root.join("repo/.git")).unwrap();
    write(
        &root.join("repo/letterlint.toml"),
        "[rules.cliche]\nlevel = \"error\"\n",
    );
    write(&root.join("repo/letters/2026/a.md"), CLICHE_LETTER);
    // A nested config wins for the letters below it.
    write(
        &root.join("repo/drafts/letterlint.toml"),
        "[rules.cliche]\nlevel = \"info\"\n",
    );
    write(&root.join("repo/drafts/b.md"), CLICHE_LETTER);
    let out = letterlint_in(
        &root.join("repo"),
        &["--color", "never", "letters/2026/a.md", "drafts/b.md"],
        None,
    );
    let text = stdout(&out);
    assert!(text.contains("error[cliche]"), "{text}");
    assert!(text.contains("info[cliche]"), "{text}");
    assert_eq!(out.status.code(), Some(1));

    // Without a config of its own, a repository stops the walk.
    let bare = root.join("bare");
    fs::create_dir_all(bare.join(".git")).unwrap();
    write(&bare.join("c.md"), CLICHE_LETTER);
    assert_eq!(
        rules(&bare, &["c.md"]),
        [["word-count", "cliche", "generic-opening"]]
    );
    // --no-config and --config.
    let repo = root.join("repo");
    let out = letterlint_in(
        &repo,
        &["--no-config", "--color", "never", "letters/2026/a.md"],
        None,
    );
    assert!(stdout(&out).contains("warning[cliche]"));
    let out = letterlint_in(
        &bare,
        &[
            "--config",
            "../repo/drafts/letterlint.toml",
            "--color",
            "never",
            "c.md",
        ],
        None,
    );
    assert!(stdout(&out).contains("info[cliche]"));
}

#[test]
fn precedence_flag_over_front_matter_over_file_over_profile() {
    let dir = temp_dir("config-precedence");
    fs::create_dir_all(dir.join(".git")).unwrap();
    write(
        &dir.join("letterlint.toml"),
        "profile = \"fintech\"\n[rules.no-data-model]\nlevel = \"error\"\n",
    );
    let body = "Dear team,\n\nI built the Go service that sends receipts.\n";
    write(&dir.join("plain.md"), body);
    write(
        &dir.join("general.md"),
        &format!("+++\nprofile = \"general\"\n+++\n{body}"),
    );
    let got = rules(&dir, &["plain.md", "general.md"]);
    // The file raises no-data-model to error over fintech's warn; fintech adds role-fit.
    assert!(
        got[0].contains(&"role-fit".to_string()) && got[0].contains(&"no-data-model".to_string())
    );
    // Front matter's profile beats the file's: no engineering rule at all.
    assert!(
        !got[1]
            .iter()
            .any(|r| r == "no-data-model" || r == "role-fit"),
        "{:?}",
        got[1]
    );
    // The flag beats the front matter.
    let got = rules(&dir, &["--profile", "fintech", "general.md"]);
    assert!(got[0].contains(&"role-fit".to_string()));
    let got = rules(&dir, &["--ignore", "no-data-model", "plain.md"]);
    assert!(!got[0].contains(&"no-data-model".to_string()));
    let out = letterlint_in(&dir, &["--format", "json", "plain.md"], None);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let severity = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "no-data-model")
        .map(|d| d["severity"].clone());
    assert_eq!(severity, Some(serde_json::json!("error")));
}

#[test]
fn error_messages() {
    let dir = repository("config-errors", "");
    let cases = [
        "profil = \"backend\"\n",
        "profile = \"fintec\"\n",
        "min_score = 170\n",
        "[rules.stack-sup]\nlevel = \"error\"\n",
        "[rules.stack-soup]\nmin_runn = 3\n",
        "[rules.stack-soup]\nlevel = \"loud\"\n",
        "[rules.stack-soup]\nmin_run = \"four\"\n",
        "[words]\nminimum = 100\n",
        "[rules.cliche]\nextra = \"rockstar\"\n",
        "[[custom]]\nid = \"falcon\"\npattern = \"(?i)project (falcon\"\nmessage = \"code name\"\n",
        "[[custom]]\nid = \"big\"\npattern = \"\\\\w{100}{100}{100}\"\nmessage = \"too big\"\n",
        "[[custom]]\nid = \"cliche\"\npattern = \"x\"\nmessage = \"taken\"\n",
        "[[custom]]\nid = \"falcon\"\npattern = \"x\"\nmessage = \"m\"\nseverity = \"error\"\n",
        "this is = = not toml\n",
        "[words]\nmin = -5\n",
        "[words]\nnear = \"close\"\n",
        "[words]\nmin = 500\nmax = 100\n",
        "[words]\nmin = 100\nmin = 200\n",
        "[words.sections.\"Day-one proposal\"]\nmin = 100\n",
        "[words.sections.\"Day-one proposal\"]\nmin = 150\nmax = 100\n",
        "[words.sections]\n\"Day-one proposal\" = 150\n",
        "[rules.cliche]\nextra = [\"rockstar\", 7]\n",
        "companies = [\"Kestrel Pay\", 7]\n",
        "[[custom]]\nid = \"blank\"\npattern = \"\"\nmessage = \"m\"\n",
    ];
    let mut report = String::new();
    for case in cases {
        write(&dir.join("letterlint.toml"), case);
        let err = config_error(&dir);
        report.push_str(&format!("{}──▶ {err}\n", case));
    }
    insta::assert_snapshot!(report);
}

/// A repository (the walk for a config stops in it) holding `config` as
/// its `letterlint.toml` and a short letter, `letter.md`.
fn repository(name: &str, config: &str) -> TempFolder {
    let dir = temp_dir(name);
    fs::create_dir_all(dir.join(".git")).unwrap();
    write(&dir.join("letterlint.toml"), config);
    write(&dir.join("letter.md"), CLICHE_LETTER);
    dir
}

/// The one error line a bad `letterlint.toml` in `dir` gets, checked to
/// name the file, line and column and to speak no Rust.
fn config_error(dir: &Path) -> String {
    let out = letterlint_in(dir, &["letter.md"], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(stdout(&out).is_empty());
    assert_eq!(err.lines().count(), 1, "one line per error: {err}");
    let place: Vec<&str> = err.splitn(4, ':').collect();
    assert!(
        place[0] == "error" && place[1] == " letterlint.toml" && place[2].parse::<usize>().is_ok(),
        "file:line:col: {err}"
    );
    for rust in [
        "usize",
        "f64",
        "sequence",
        "a map",
        "struct ",
        "invalid type",
        "missing field",
    ] {
        assert!(!err.contains(rust), "`{rust}` in {err}");
    }
    err
}

#[test]
fn a_config_that_is_not_utf8_names_the_byte_and_its_place() {
    let dir = repository("config-latin1", "");
    fs::write(
        dir.join("letterlint.toml"),
        b"min_score = 60\ncompanies = [\"Caf\xe9 Noir\"]\n",
    )
    .unwrap();
    assert_eq!(
        config_error(&dir),
        "error: letterlint.toml:2:18: not valid UTF-8 (byte 0xe9 at byte offset 32); \
         save the file as UTF-8\n"
    );
}

#[test]
fn each_profile_changes_what_is_checked() {
    let dir = temp_dir("config-profiles");
    fs::create_dir_all(dir.join(".git")).unwrap();
    let letter = fs::read_to_string(common::root().join("examples/template.md")).unwrap();
    write(&dir.join("letter.md"), &letter);
    let mut table = String::new();
    for profile in letterlint::config::PROFILE_NAMES {
        let out = letterlint_in(
            &dir,
            &["--format", "json", "--profile", profile, "letter.md"],
            None,
        );
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let file = &report["files"][0];
        let found: Vec<String> = file["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] != "placeholder")
            .map(|d| {
                format!(
                    "{}:{}",
                    d["rule"].as_str().unwrap(),
                    d["severity"].as_str().unwrap()
                )
            })
            .collect();
        table.push_str(&format!(
            "{profile:14} score {:3}  {}\n",
            file["score"],
            found.join(" ")
        ));
    }
    insta::assert_snapshot!(table);
}

#[test]
fn custom_rules_report_score_suppress_and_list() {
    let dir = temp_dir("config-custom");
    fs::create_dir_all(dir.join(".git")).unwrap();
    write(
        &dir.join("letterlint.toml"),
        "[[custom]]\nid = \"old-codename\"\npattern = \"(?i)project falcon\"\nmessage = \"internal code name of a former employer\"\nlevel = \"error\"\nhelp = \"describe the project instead\"\n",
    );
    write(
        &dir.join("a.md"),
        "Dear team,\n\nI led Project Falcon at Brightloom.\n",
    );
    write(
        &dir.join("b.md"),
        "Dear team,\n\n<!-- letterlint-disable-next-line old-codename -->\nI led Project Falcon at Brightloom.\n",
    );
    let out = letterlint_in(&dir, &["--color", "never", "a.md", "b.md"], None);
    let text = stdout(&out);
    assert!(
        text.contains("error[old-codename]: internal code name of a former employer"),
        "{text}"
    );
    assert!(text.contains("= help: describe the project instead"));
    assert_eq!(
        text.matches("error[old-codename]").count(),
        1,
        "b.md suppresses it"
    );
    assert_eq!(out.status.code(), Some(1));
    let list = stdout(&letterlint_in(&dir, &["--list-rules"], None));
    assert!(
        list.lines()
            .any(|l| l.starts_with("old-codename") && l.contains("error")),
        "{list}"
    );
    let got = rules(&dir, &["--ignore", "old-codename", "a.md"]);
    assert!(!got[0].contains(&"old-codename".to_string()));
}

#[test]
fn every_suppression_form() {
    let dir = temp_dir("config-suppressions");
    fs::create_dir_all(dir.join(".git")).unwrap();
    let letter = "Dear team,\n\n\
        <!-- letterlint-disable cliche, placeholder -->\n\
        I am a team player at [Company Name].\n\
        <!-- letterlint-enable -->\n\n\
        I am a quick learner.\n\n\
        <!-- letterlint-disable-next-line cliche -->\n\
        I am a self-starter.\n\
        I am a hard worker.\n\n\
        <!-- letterlint-disable stack-sup -->\n";
    write(&dir.join("a.md"), letter);
    let out = letterlint_in(
        &dir,
        &[
            "--format",
            "json",
            "--select",
            "cliche,placeholder,invalid-suppression",
            "a.md",
        ],
        None,
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let found: Vec<String> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        found,
        [
            "cliché: \"quick learner\"",
            "cliché: \"hard worker\"",
            "unknown rule `stack-sup` in a suppression (did you mean `stack-soup`?)",
        ]
    );
    // A bare disable silences everything after it, letter-wide findings included.
    write(
        &dir.join("b.md"),
        "<!-- letterlint-disable -->\nDear team,\n\nI am a team player.\n",
    );
    assert_eq!(rules(&dir, &["b.md"]), [Vec::<String>::new()]);
    // A suppressed finding costs nothing.
    assert_eq!(report["files"][0]["score"], 100 - 2 * 4 - 2);
}

#[test]
fn wrong_company_across_two_letters_and_from_the_config() {
    let dir = temp_dir("config-companies");
    fs::create_dir_all(dir.join(".git")).unwrap();
    write(
        &dir.join("letterlint.toml"),
        "companies = [\"Oakhollow Insurance\"]\n",
    );
    write(
        &dir.join("kestrel.md"),
        "+++\ncompany = \"Kestrel Pay\"\n+++\nDear Kestrel Pay team,\n\nI would love to bring this to Halyard. Oakhollow Insurance was my last stop.\n",
    );
    write(&dir.join("halyard.md"), "+++\ncompany = \"Halyard\"\n+++\nDear Halyard team,\n\nI would love to bring this to Halyard.\n");
    let out = letterlint_in(
        &dir,
        &[
            "--format",
            "json",
            "--select",
            "wrong-company",
            "kestrel.md",
            "halyard.md",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let messages = |i: usize| -> Vec<String> {
        report["files"][i]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        messages(0),
        [
            "names Halyard, but this letter is for Kestrel Pay",
            "names Oakhollow Insurance, but this letter is for Kestrel Pay"
        ]
    );
    assert!(messages(1).is_empty());
}

#[test]
fn init_writes_a_valid_config_and_never_overwrites() {
    let dir = temp_dir("config-init");
    fs::create_dir_all(dir.join(".git")).unwrap();
    let out = letterlint_in(&dir, &["init"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "wrote ./letterlint.toml");
    let written = fs::read_to_string(dir.join("letterlint.toml")).unwrap();
    assert!(written.contains("# [rules.stack-soup]"));
    // The written file is valid as it stands: the letter is linted, not refused.
    write(&dir.join("a.md"), CLICHE_LETTER);
    let linted = letterlint_in(&dir, &["a.md"], None);
    assert_ne!(linted.status.code(), Some(2), "{}", stderr(&linted));
    let again = letterlint_in(&dir, &["init"], None);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        stderr(&again).trim(),
        "error: ./letterlint.toml: already exists; letterlint init never overwrites a file"
    );
    assert_eq!(
        fs::read_to_string(dir.join("letterlint.toml")).unwrap(),
        written
    );
}

#[test]
fn the_example_config_is_valid() {
    let out = letterlint_in(
        &common::root(),
        &[
            "--config",
            "examples/letterlint.toml",
            "--color",
            "never",
            "examples/strong.md",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn bounds_refused_under_another_profile_are_still_located() {
    // Fine under early-career (200–210), not under backend (250–210).
    let dir = repository(
        "config-other-profile",
        "profile = \"early-career\"\n[words]\nmax = 210\n",
    );
    write(
        &dir.join("backend.md"),
        &format!("+++\nprofile = \"backend\"\n+++\n{CLICHE_LETTER}"),
    );
    assert_ne!(
        letterlint_in(&dir, &["letter.md"], None).status.code(),
        Some(2)
    );
    let refused = "letterlint.toml:2:1: [words]: min (250) is above max (210)";
    let out = letterlint_in(&dir, &["--profile", "backend", "letter.md"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), format!("error: {refused}\n"));
    let out = letterlint_in(&dir, &["backend.md"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(refused), "{}", stderr(&out));
}
