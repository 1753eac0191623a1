//! `--statistics`: which rules fire most across a run, to tell a habit of
//! the writer (one rule in every letter) from a slip (one letter).

use super::reporter::{Linted, Rendered, Reporter};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::Mutex;

/// Each rule's findings and the files with at least one, added up letter by
/// letter. Shown after the reports as a table, most frequent first, and
/// empty when nothing was found, so a clean run stays quiet.
#[derive(Debug, Default)]
pub struct Statistics {
    /// rule id → (findings, files)
    rows: Mutex<BTreeMap<String, (usize, usize)>>,
}

/// One letter's findings by rule id.
type Counts = BTreeMap<String, usize>;

impl Reporter for Statistics {
    fn render(&self, file: &Linted) -> Rendered {
        let mut counts = Counts::new();
        for d in &file.report.diagnostics {
            *counts.entry(d.rule.clone()).or_default() += 1;
        }
        Rendered::new(counts)
    }

    fn write(&self, rendered: Rendered, _out: &mut dyn Write) -> io::Result<()> {
        let mut rows = self.rows.lock().expect("no writer panics");
        for (rule, count) in rendered.take::<Counts>() {
            let row = rows.entry(rule).or_default();
            row.0 += count;
            row.1 += 1;
        }
        Ok(())
    }

    fn finish(&self, out: &mut dyn Write) -> io::Result<()> {
        let rows = self.rows.lock().expect("no writer panics");
        if rows.is_empty() {
            return Ok(());
        }
        let mut rows: Vec<(&str, usize, usize)> = rows
            .iter()
            .map(|(id, &(count, files))| (id.as_str(), count, files))
            .collect();
        // Stable sort over id-ordered rows: ties stay alphabetical.
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));

        let id_w = width("rule", rows.iter().map(|r| r.0));
        let count_w = width("count", rows.iter().map(|r| r.1));
        let files_w = width("files", rows.iter().map(|r| r.2));
        writeln!(
            out,
            "{:id_w$}  {:>count_w$}  {:>files_w$}",
            "rule", "count", "files"
        )?;
        for (id, count, files) in rows {
            writeln!(out, "{id:id_w$}  {count:>count_w$}  {files:>files_w$}")?;
        }
        Ok(())
    }
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
    use crate::{FileReport, Source};

    fn report(path: &str, rules: &[&str]) -> Linted {
        let report = FileReport {
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
                    fix: None,
                    path: None,
                })
                .collect(),
            signals: Vec::new(),
            posting: None,
            letter_wide_at: 0..0,
        };
        Linted::new(Source::new(path, ""), report, 0)
    }

    fn statistics(files: &[Linted]) -> String {
        let mut out = Vec::new();
        Statistics::default().report_all(files, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn counts_findings_and_files_most_frequent_first() {
        let files = [
            report("a.md", &["cliche", "cliche", "stack-soup", "word-count"]),
            report("b.md", &["cliche", "word-count", "placeholder"]),
            report("c.md", &[]),
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
        let files = [report("a.md", &["x"])];
        assert_eq!(
            statistics(&files),
            "rule  count  files\nx         1      1\n"
        );
    }

    #[test]
    fn a_clean_run_has_no_table() {
        assert_eq!(statistics(&[report("a.md", &[])]), "");
        assert_eq!(statistics(&[]), "");
    }
}
