//! The house rules of `src/`, checked on every test run so that they stay
//! true: no file leans on a file that leans back on it (a one-way house),
//! and no file grows past 400 lines of code (tests aside).
//!
//! A file depends on another when it names it by path: in a `use` (with
//! `crate::`, `super::`, `self::` or a child module), or inline
//! (`crate::posting::Posting`). Declaring a module (`mod x;`) is not a
//! dependency: `lib.rs` and each `mod.rs` only list their rooms.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 400;

/// `src/a/b.rs` → `["a", "b"]`; `src/a/mod.rs` → `["a"]`; `src/lib.rs` → `[]`.
fn module_path(file: &Path, src: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code without its `#[cfg(test)]` module (the first
/// `#[cfg(test)]` line followed by a `mod … {` line, to the end).
fn code_lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .windows(2)
        .position(|w| {
            w[0].trim() == "#[cfg(test)]" && w[1].contains("mod ") && w[1].trim_end().ends_with('{')
        })
        .unwrap_or(lines.len());
    lines[..end].to_vec()
}

/// Expands a use tree (`crate::{a, b::{c, d}}`) into its paths.
fn expand_use(tree: &str) -> Vec<String> {
    let tree: String = tree.split_whitespace().collect();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand_use(&format!("{prefix}{p}")))
        .collect()
}

/// Every path the code names that may lead to another file of the crate.
fn named_paths(code: &str, children: &BTreeSet<String>) -> Vec<String> {
    let mut paths = Vec::new();
    // Comments name nothing, and a doc comment before the first `use` must
    // not hide it.
    let code: String = code
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let code = code.as_str();
    // `use` statements, however they are wrapped.
    for statement in code.split(';') {
        let statement = statement.trim();
        let Some(at) = statement.find("use ") else {
            continue;
        };
        let head = statement[..at].trim();
        if !(head.is_empty() || head.ends_with("pub") || head.ends_with(')') || head.ends_with(']'))
        {
            continue;
        }
        paths.extend(expand_use(&statement[at + 4..]));
    }
    // Inline paths: `crate::x::y`, `super::x`, `child::x`.
    let bytes = code.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut at = 0;
    while let Some(found) = code[at..].find("::") {
        let colons = at + found;
        let mut start = colons;
        while start > 0 && (is_ident(bytes[start - 1]) || bytes[start - 1] == b':') {
            start -= 1;
        }
        let mut end = colons + 2;
        while end < bytes.len() && (is_ident(bytes[end]) || bytes[end] == b':') {
            end += 1;
        }
        let path = &code[start..end];
        let first = path.split("::").next().unwrap_or("");
        // A path ending in `::` opens a use tree, read above.
        if path.ends_with("::") {
            at = end.max(colons + 2);
            continue;
        }
        if matches!(first, "crate" | "super" | "self") || children.contains(first) {
            paths.push(path.to_string());
        }
        at = end.max(colons + 2);
    }
    paths
}

/// The file a path leads to: the longest prefix that is a module file.
fn resolve(
    path: &str,
    here: &[String],
    children: &BTreeSet<String>,
    modules: &BTreeMap<Vec<String>, PathBuf>,
) -> Option<PathBuf> {
    let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let (first, rest) = segments.split_first()?;
    let mut base: Vec<String> = match *first {
        "crate" => Vec::new(),
        "self" => here.to_vec(),
        "super" => here[..here.len().saturating_sub(1)].to_vec(),
        child if children.contains(child) => [here, &[child.to_string()]].concat(),
        _ => return None,
    };
    let mut best = modules.get(&base).cloned();
    for segment in rest {
        if *segment == "super" {
            base.pop();
        } else {
            base.push(segment.to_string());
        }
        if let Some(file) = modules.get(&base) {
            best = Some(file.clone());
        }
    }
    best
}

fn declared_children(code: &str) -> BTreeSet<String> {
    code.lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line
                .strip_prefix("pub mod ")
                .or_else(|| line.strip_prefix("pub(crate) mod "))
                .or_else(|| line.strip_prefix("mod "))?;
            rest.strip_suffix(';').map(str::to_string)
        })
        .collect()
}

struct Crate {
    /// File → the files it depends on.
    edges: BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    /// File → lines of code outside its test module.
    lines: BTreeMap<PathBuf, usize>,
}

fn read_crate() -> Crate {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    // The binary and the build script are not modules of the library.
    let library: Vec<PathBuf> = files
        .iter()
        .filter(|f| !f.ends_with("main.rs") && !f.ends_with("build.rs"))
        .cloned()
        .collect();
    let modules: BTreeMap<Vec<String>, PathBuf> = library
        .iter()
        .map(|f| (module_path(f, &src), f.clone()))
        .collect();
    let mut edges = BTreeMap::new();
    let mut lines = BTreeMap::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("readable source");
        let code_lines = code_lines(&text);
        lines.insert(file.clone(), code_lines.len());
        if !library.contains(file) {
            continue;
        }
        let code = code_lines.join("\n");
        let here = module_path(file, &src);
        let children = if file.ends_with("mod.rs") || file.ends_with("lib.rs") {
            declared_children(&code)
        } else {
            BTreeSet::new()
        };
        let targets: BTreeSet<PathBuf> = named_paths(&code, &children)
            .iter()
            .filter_map(|p| resolve(p, &here, &children, &modules))
            .filter(|target| target != file)
            .collect();
        edges.insert(file.clone(), targets);
    }
    Crate { edges, lines }
}

/// A circle of files, each depending on the next, if there is one.
fn find_circle(edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Option<Vec<PathBuf>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &PathBuf,
        edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        marks: &mut BTreeMap<PathBuf, Mark>,
        stack: &mut Vec<PathBuf>,
    ) -> Option<Vec<PathBuf>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let from = stack.iter().position(|n| n == node).expect("on the stack");
                let mut circle = stack[from..].to_vec();
                circle.push(node.clone());
                return Some(circle);
            }
            None => {}
        }
        marks.insert(node.clone(), Mark::Open);
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, marks, stack) {
                return Some(circle);
            }
        }
        stack.pop();
        marks.insert(node.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in edges.keys() {
        if let Some(circle) = visit(node, edges, &mut marks, &mut Vec::new()) {
            return Some(circle);
        }
    }
    None
}

fn short(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn no_file_of_src_depends_on_a_file_that_depends_back_on_it() {
    let krate = read_crate();
    if let Some(circle) = find_circle(&krate.edges) {
        let names: Vec<String> = circle.iter().map(|p| short(p)).collect();
        panic!("import circle: {}", names.join(" -> "));
    }
}

#[test]
fn no_file_of_src_has_more_than_400_lines_of_code() {
    let krate = read_crate();
    let long: Vec<String> = krate
        .lines
        .iter()
        .filter(|(_, &n)| n > MAX_LINES)
        .map(|(file, n)| format!("{}: {n} lines", short(file)))
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_LINES} lines outside their tests: {long:?}"
    );
}

#[test]
fn the_checker_sees_a_circle_and_a_path() {
    // The checker itself, on a made-up crate: a → b → a is a circle.
    let a = PathBuf::from("src/a.rs");
    let b = PathBuf::from("src/b.rs");
    let mut edges = BTreeMap::new();
    edges.insert(a.clone(), BTreeSet::from([b.clone()]));
    edges.insert(b.clone(), BTreeSet::from([a.clone()]));
    assert_eq!(
        find_circle(&edges),
        Some(vec![a.clone(), b.clone(), a.clone()])
    );
    edges.insert(b.clone(), BTreeSet::new());
    assert_eq!(find_circle(&edges), None);

    let paths = expand_use("crate::{letter::{Block, Letter}, text}");
    assert_eq!(
        paths,
        [
            "crate::letter::Block",
            "crate::letter::Letter",
            "crate::text"
        ]
    );
    let children = BTreeSet::from(["rule".to_string()]);
    let found = named_paths(
        "let x = crate::posting::Posting::parse(y); rule::Rule",
        &children,
    );
    assert!(found.contains(&"crate::posting::Posting::parse".to_string()));
    assert!(found.contains(&"rule::Rule".to_string()));
    // A doc comment before the first `use` does not hide it.
    let found = named_paths(
        "//! Reporters: one file per format.\n\nuse super::{Format, Linted};\n",
        &BTreeSet::new(),
    );
    assert_eq!(found, ["super::Format", "super::Linted"]);
}
