//! `--statistics`: which rules fire most across a run, to tell a habit of
//! the writer (one rule in every letter) from a slip (one letter).

use super::Linted;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A table of rule id, findings and files with at least one finding, most
/// frequent first. Empty when nothing was found, so a clean run stays quiet.
pub fn statistics(files: &[Linted]) -> String {
    // rule id → (findings, files)
    let mut rows: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for file in files {
        let mut counted: Vec<&str> = Vec::new();
        for d in &file.report.diagnostics {
            let row = rows.entry(&d.rule).or_default();
            row.0 += 1;
            if !counted.contains(&d.rule.as_str()) {
                counted.push(&d.rule);
                row.1 += 1;
            }
        }
    }
    if rows.is_empty() {
        return String::new();
    }
    let mut rows: Vec<(&str, usize, usize)> = rows
        .into_iter()
        .map(|(id, (count, files))| (id, count, files))
        .collect();
    // Stable sort over id-ordered rows: ties stay alphabetical.
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));

    let id_w = width("rule", rows.iter().map(|r| r.0));
    let count_w = width("count", rows.iter().map(|r| r.1));
    let files_w = width("files", rows.iter().map(|r| r.2));
    let mut out = format!(
        "{:id_w$}  {:>count_w$}  {:>files_w$}\n",
        "rule", "count", "files"
    );
    for (id, count, files) in rows {
        let _ = writeln!(out, "{id:id_w$}  {count:>count_w$}  {files:>files_w$}");
    }
    out
}

/// The widest of a column's header and its cells.
fn width<T: ToString>(header: &str, cells: impl Iterator<Item = T>) -> usize {
    cells
        .map(|cell| cell.to_string().chars().count())
        .fold(header.len(), usize::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::source::Source;
    use crate::FileReport;

    fn linted(path: &str, rules: &[&str]) -> Linted {
        Linted {
            source: Source::new(path, ""),
            report: FileReport {
                path: path.to_string(),
                words: 0,
                score: 100,
                diagnostics: rules
                    .iter()
                    .map(|rule| Diagnostic {
                        rule: rule.to_string(),
                        severity: Severity::Warning,
                        message: String::new(),
                        span: None,
                        label: None,
                        help: None,
                        penalty: 0,
                    })
                    .collect(),
                signals: Vec::new(),
                posting: None,
            },
        }
    }

    #[test]
    fn counts_findings_and_files_most_frequent_first() {
        let files = [
            linted("a.md", &["cliche", "cliche", "stack-soup", "word-count"]),
            linted("b.md", &["cliche", "word-count", "placeholder"]),
            linted("c.md", &[]),
        ];
        assert_eq!(
            statistics(&files),
            "\
rule         count  files
cliche           3      2
word-count       2      2
placeholder      1      1
stack-soup       1      1
"
        );
    }

    #[test]
    fn header_is_at_least_as_wide_as_its_word() {
        let files = [linted("a.md", &["x"])];
        assert_eq!(
            statistics(&files),
            "rule  count  files\nx         1      1\n"
        );
    }

    #[test]
    fn a_clean_run_has_no_table() {
        assert_eq!(statistics(&[linted("a.md", &[])]), "");
        assert_eq!(statistics(&[]), "");
    }
}
