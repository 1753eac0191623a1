//! A real editor: Neovim, headless, configured with the README's Neovim
//! block and nothing else, opens `tests/editor/letter.md` and runs
//! `tests/editor/check.lua`, which records the diagnostics letterlint gave
//! and takes two code actions: a comment that disables a rule, and the fix
//! that fills a slot. Skipped, saying so, where `nvim` is not
//! installed (Debian's package `neovim`).

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn nvim_installed() -> bool {
    let version = Command::new("nvim").arg("--version").output();
    version.is_ok_and(|out| out.status.success())
}

/// The README's Neovim configuration: its one Lua block.
fn readme_config() -> String {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let (_, after) = readme
        .split_once("```lua\n")
        .expect("README has a Lua block");
    let (block, _) = after.split_once("```").unwrap();
    block.to_string()
}

/// Neovim run in `dir` on the letter, with letterlint on its PATH and its
/// own folders for state inside `dir`; its result.json.
fn run_nvim(dir: &Path) -> Value {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_letterlint"));
    let path = std::env::join_paths(
        std::iter::once(binary.parent().unwrap().to_path_buf()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .unwrap();
    let check = common::root().join("tests/editor/check.lua");
    let mut nvim = Command::new("nvim");
    nvim.args([
        "--headless",
        "-n",
        "-i",
        "NONE",
        "-u",
        "init.lua",
        "letter.md",
    ])
    .arg("-c")
    .arg(format!("luafile {}", check.display()))
    .current_dir(dir)
    .env("PATH", path)
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    for xdg in [
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "XDG_CACHE_HOME",
    ] {
        nvim.env(xdg, dir.join("xdg"));
    }
    let mut child = nvim.spawn().expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim did not finish in two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let result =
        std::fs::read_to_string(dir.join("result.json")).expect("check.lua wrote result.json");
    serde_json::from_str(&result).unwrap()
}

fn codes(diagnostics: &Value) -> Vec<&str> {
    let all = diagnostics.as_array().expect("a list of diagnostics");
    all.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

#[test]
fn neovim_with_the_readme_configuration_shows_the_findings_and_fills_the_slot() {
    if !nvim_installed() {
        common::skipped(
            "neovim_with_the_readme_configuration_shows_the_findings_and_fills_the_slot",
            "nvim is not installed (Debian: apt-get install neovim)",
        );
        return;
    }
    let dir = common::temp_dir("nvim");
    std::fs::write(dir.join("init.lua"), readme_config()).unwrap();
    let letter = common::root().join("tests/editor/letter.md");
    std::fs::copy(letter, dir.join("letter.md")).unwrap();
    let result = run_nvim(&dir);
    assert_eq!(result["error"], Value::Null, "{result:#}");

    let found = &result["diagnostics"];
    let placeholder = found
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "placeholder");
    let placeholder = placeholder.unwrap_or_else(|| panic!("no placeholder in {found:#}"));
    assert_eq!(
        (&placeholder["line"], &placeholder["col"]),
        (&5.into(), &17.into())
    );
    assert!(codes(found).contains(&"cliche"), "{found:#}");

    // "Disable cliche for this line" wrote the comment above the line, and
    // the findings of the edited text came back without the cliché.
    assert_eq!(result["took_action"], true, "{result:#}");
    assert_eq!(
        result["lines"][5],
        "<!-- letterlint-disable-next-line cliche -->"
    );
    let after = codes(&result["after_action"]);
    assert!(
        after.contains(&"placeholder") && !after.contains(&"cliche"),
        "{after:?}"
    );

    // The preferred action at the slot was its fix: the company from the
    // front matter is in the buffer, and the slot's finding is gone.
    assert_eq!(result["took_fix"], true, "{result:#}");
    assert_eq!(
        result["fixed_lines"][6],
        "I am applying to Halyard Logistics because I am a team player."
    );
    assert!(
        !codes(&result["after_fix"]).contains(&"placeholder"),
        "{result:#}"
    );
}
