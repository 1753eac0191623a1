//! `--diff`: what `--fix` would write, as a unified diff per letter it
//! would change, the way `diff -u` and `git diff` print one, so that it
//! can be read, or applied with `patch -p1`.

use super::reporter::{repository_path, Format, Linted, Rendered, Reporter, Style};
use similar::TextDiff;

pub(super) const FORMAT: Format = Format {
    name: "diff",
    about: Some("the fixes as a unified diff"),
    for_people: false,
    new,
};

fn new(_: Style) -> Box<dyn Reporter> {
    Box::new(Diff)
}

struct Diff;

impl Reporter for Diff {
    fn render(&self, file: &Linted) -> Rendered {
        let Some(changed) = &file.changed else {
            return Rendered::new(String::new());
        };
        let path = repository_path(&file.report.path);
        let diff = TextDiff::from_lines(&changed.before, &file.source.text)
            .unified_diff()
            .header(&format!("a/{path}"), &format!("b/{path}"))
            .to_string();
        Rendered::new(diff)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Changed;
    use crate::{lint, Config, Source};

    #[test]
    fn a_changed_letter_is_a_unified_diff_and_an_unchanged_one_nothing() {
        let after = Source::new("./a.md", "Dear team,\n\nI love Kestrel Pay.\n\nBest,\nAna");
        let report = lint(&after, &Config::default()).unwrap();
        let mut linted = Linted::new(after, report, 70);
        let rendered = |linted: &Linted| Diff.render(linted).take::<String>();
        assert_eq!(rendered(&linted), "");
        linted.changed = Some(Changed {
            before: "Dear team,\n\nI love [Company].\n\nBest,\nAna".to_string(),
            fixes: 1,
        });
        assert_eq!(
            rendered(&linted),
            "--- a/a.md\n+++ b/a.md\n@@ -1,6 +1,6 @@\n Dear team,\n \n-I love [Company].\n+I love Kestrel Pay.\n \n Best,\n Ana\n\\ No newline at end of file\n"
        );
    }
}
