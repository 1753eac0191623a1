//! The commented `letterlint.toml` that `letterlint init` writes.

use super::file::DEFAULT_MIN_SCORE;
use super::profiles::{DEFAULT_PROFILE, PROFILE_NAMES};
use crate::rules;

/// Every key at its default, commented out, so the file changes nothing
/// until edited.
pub fn init_template() -> String {
    let mut out = String::from(
        "# letterlint configuration. Every key is shown at its default and commented\n\
         # out: uncomment a line to change it. `letterlint --explain <rule>` documents\n\
         # each rule.\n\n",
    );
    out.push_str(&format!(
        "# Profile: {}.\n# profile = \"{DEFAULT_PROFILE}\"\n\n",
        PROFILE_NAMES.join(" | ")
    ));
    out.push_str(&format!(
        "# A letter scoring below this fails the run (exit 1).\n# min_score = {DEFAULT_MIN_SCORE}\n\n"
    ));
    out.push_str(
        "# Companies a letter must not name unless it is for them (wrong-company).\n# companies = []\n\n",
    );
    out.push_str(
        "# Your name, which `letterlint --fix` writes into a [Your Name] slot\n# of a letter whose front matter gives none.\n# name = \"\"\n\n",
    );
    out.push_str(
        "# Word bounds for the whole letter, and per section by heading text.\n# [words]\n",
    );
    let words = &rules::doc("word-count").expect("built in").params;
    for (key, value) in words {
        if key != "sections" {
            out.push_str(&format!("# {key} = {value}\n"));
        }
    }
    out.push_str("# [words.sections.\"Day-one proposal\"]\n# min = 100\n# max = 150\n\n");
    for doc in rules::docs() {
        out.push_str(&format!(
            "# {}: {}\n# [rules.{}]\n",
            doc.id, doc.summary, doc.id
        ));
        out.push_str(&format!(
            "# level = \"{}\"  # error | warn | info | off\n",
            doc.level.as_str()
        ));
        for (key, value) in &doc.params {
            out.push_str(&format!("# {key} = {value}\n"));
        }
        out.push('\n');
    }
    out.push_str(
        "# A team's own existence rule: a regex that must not appear.\n\
         # [[custom]]\n\
         # id = \"old-codename\"\n\
         # pattern = \"(?i)project falcon\"\n\
         # message = \"internal code name of a former employer\"\n\
         # level = \"error\"\n\
         # help = \"describe the project instead of naming it\"\n\n",
    );
    out.push_str(
        "# LaTeX letters: commands whose arguments are never prose, or always are.\n\
         # [latex]\n\
         # skip = []\n\
         # read = []\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::file::tests::parse;

    #[test]
    fn init_template_uncommented_is_a_valid_config() {
        let setting = regex::Regex::new(r"^# (\[.*\]|[a-z_]+ = .*)$").unwrap();
        let uncommented: String = init_template()
            .lines()
            .filter(|l| setting.is_match(l))
            .map(|l| format!("{}\n", &l[2..]))
            .collect();
        let config = parse(&uncommented).unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
        assert_eq!(config.custom.len(), 1);
        assert_eq!(config.overrides.len(), rules::docs().len());
    }
}
