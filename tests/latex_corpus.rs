//! The labelled corpus letters rendered into LaTeX (`article` class, the
//! front matter as a `% letterlint:` comment) give every rule the F1 the
//! Markdown originals give it, counted as `../shared/eval/eval.py` counts
//! it, and raise the same rules letter by letter. The held-out `check`
//! letters stay out: a mismatch there could not be looked into without
//! reading them.

mod common;

use common::{stderr, stdout, temp_dir};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Text as TeX types it: its specials escaped, and no ligature made of
/// what Markdown keeps as typed (`--`, `''`).
fn escape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '`' => out.push_str("\\textasciigrave{}"),
            '{' | '}' | '%' | '$' | '&' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '\'' if chars.peek() == Some(&c) => {
                out.push(c);
                out.push_str("{}");
            }
            _ => out.push(c),
        }
    }
    out
}

/// A Markdown letter written as an `article`-class LaTeX letter.
fn to_latex(markdown: &str) -> String {
    let front = letterlint::front_matter::parse(markdown).unwrap_or_default();
    let mut out = String::from("\\documentclass{article}\n");
    let fields = [
        ("company", &front.company),
        ("role", &front.role),
        ("profile", &front.profile),
    ];
    for (key, field) in fields {
        if let Some(field) = field {
            out.push_str(&format!("% letterlint: {key} = {:?}\n", field.text));
        }
    }
    out.push_str("\\begin{document}\n");
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH;
    let mut items = 0usize;
    let mut hidden = 0usize;
    let mut code = false;
    let mut first_cell = true;
    for event in Parser::new_ext(&markdown[front.range.end..], options) {
        let text = match event {
            Event::Start(Tag::Paragraph) => String::new(),
            Event::End(TagEnd::Paragraph) if items > 0 => "\n".into(),
            Event::End(TagEnd::Paragraph) => "\n\n".into(),
            Event::Start(Tag::Heading { .. }) => "\\section*{".into(),
            Event::End(TagEnd::Heading(_)) => "}\n\n".into(),
            Event::Start(Tag::List(_)) => "\\begin{itemize}\n".into(),
            Event::End(TagEnd::List(_)) => "\\end{itemize}\n\n".into(),
            Event::Start(Tag::Item) => {
                items += 1;
                "\\item ".into()
            }
            Event::End(TagEnd::Item) => {
                items -= 1;
                "\n".into()
            }
            Event::Start(Tag::Emphasis) => "\\emph{".into(),
            Event::Start(Tag::Strong) => "\\textbf{".into(),
            Event::Start(Tag::Strikethrough) => "\\sout{".into(),
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => "}".into(),
            Event::Start(Tag::BlockQuote(_)) => "\\begin{quote}\n".into(),
            Event::End(TagEnd::BlockQuote(_)) => "\\end{quote}\n\n".into(),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                dest_url,
                ..
            }) => {
                hidden += 1;
                format!("\\url{{{}}}", escape(&dest_url))
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                format!("\\href{{{}}}{{", escape(&dest_url))
            }
            Event::End(TagEnd::Link) if hidden > 0 => {
                hidden -= 1;
                String::new()
            }
            Event::End(TagEnd::Link) => "}".into(),
            Event::Start(Tag::Image { .. }) => {
                hidden += 1;
                String::new()
            }
            Event::End(TagEnd::Image) => {
                hidden -= 1;
                String::new()
            }
            Event::Start(Tag::CodeBlock(_)) => {
                code = true;
                "\\begin{verbatim}\n".into()
            }
            Event::End(TagEnd::CodeBlock) => {
                code = false;
                "\\end{verbatim}\n\n".into()
            }
            Event::Start(Tag::Table(_)) => "\\begin{tabular}{ll}\n".into(),
            Event::End(TagEnd::Table) => "\\end{tabular}\n\n".into(),
            Event::Start(Tag::TableRow | Tag::TableHead) => {
                first_cell = true;
                String::new()
            }
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => " \\\\\n".into(),
            Event::Start(Tag::TableCell) if first_cell => {
                first_cell = false;
                String::new()
            }
            Event::Start(Tag::TableCell) => " & ".into(),
            Event::Text(text) if code => text.to_string(),
            Event::Text(_) if hidden > 0 => String::new(),
            Event::Text(text) => escape(&text),
            Event::Code(text) => format!("\\texttt{{{}}}", escape(&text)),
            Event::SoftBreak => "\n".into(),
            Event::HardBreak => "\\\\\n".into(),
            Event::Rule => "\n\n".into(),
            Event::Html(html) | Event::InlineHtml(html) => match html.trim().strip_prefix("<!--") {
                Some(comment) => format!(
                    "\n% {}\n",
                    comment.trim_end().trim_end_matches("-->").trim()
                ),
                None => escape(&html),
            },
            _ => String::new(),
        };
        out.push_str(&text);
    }
    out.push_str("\\end{document}\n");
    out
}

/// The rules each letter of a run raises, by file name.
fn rules_by_letter(dir: &Path, files: &[String]) -> BTreeMap<String, Vec<String>> {
    let mut args = vec!["--no-config", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let out = common::letterlint_in(dir, &args, None);
    let report: Value =
        serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| {
            let path = Path::new(file["path"].as_str().unwrap());
            let mut rules: Vec<String> = file["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["rule"].as_str().unwrap().to_string())
                .collect();
            rules.sort();
            rules.dedup();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, rules)
        })
        .collect()
}

/// The labelled corpora: the tune letters, and the shared corpus beside
/// the repository when it is there.
fn corpora() -> Vec<PathBuf> {
    let mut found = vec![common::root().join("tests/corpus/tune")];
    let shared = common::root().join("../shared/corpus");
    if shared.join("labels.toml").is_file() {
        found.push(shared);
    } else {
        common::without_corpus(
            "corpus_letters_in_latex_keep_every_rules_f1 on the shared corpus",
            "no labelled corpus beside the repository",
        );
    }
    found
}

/// Words this close to a bound are not judged, as eval.py has it.
const WORD_SLACK: i64 = 10;
const WORD_BOUNDS: (i64, i64) = (250, 400);
const ENGINEERING: [&str; 4] = ["backend", "frontend", "data", "devops"];

/// Whether each rule the labels judge should fire on a letter, counted as
/// `../shared/eval/eval.py` counts it.
fn expected(label: &toml::Table) -> BTreeMap<&'static str, bool> {
    let flag = |key: &str| label[key].as_bool().unwrap();
    let listed = |key: &str| {
        label
            .get(key)
            .and_then(|v| v.as_array())
            .is_some_and(|a| !a.is_empty())
    };
    let mut expected = BTreeMap::from([
        ("stack-soup", flag("stack_soup")),
        ("placeholder", flag("placeholders")),
        ("vague-closing", flag("vague_closing")),
        ("cliche", listed("cliches")),
    ]);
    let profession = label
        .get("profession")
        .and_then(|p| p.as_str())
        .unwrap_or("backend");
    if ENGINEERING.contains(&profession) {
        expected.insert("missing-metrics", !listed("metric_kinds"));
        expected.insert("no-observability", !flag("observability"));
    }
    let words = label["words"].as_integer().unwrap();
    let (min, max) = WORD_BOUNDS;
    if (words - min).abs().min((words - max).abs()) > WORD_SLACK {
        expected.insert("word-count", words < min || words > max);
    }
    expected
}

/// Each judged rule's F1 over `fired` (the rules each letter raised), as
/// eval.py computes it, with its true and false positives and negatives.
fn f1_by_rule(
    labels: &toml::Table,
    fired: &BTreeMap<String, Vec<String>>,
) -> BTreeMap<&'static str, (String, [u32; 4])> {
    let mut counts: BTreeMap<&'static str, [u32; 4]> = BTreeMap::new();
    for (key, label) in labels {
        let got = &fired[key];
        for (rule, want) in expected(label.as_table().unwrap()) {
            let have = got.iter().any(|r| r == rule);
            let cell = match (want, have) {
                (true, true) => 0,
                (false, true) => 1,
                (true, false) => 2,
                (false, false) => 3,
            };
            counts.entry(rule).or_default()[cell] += 1;
        }
    }
    counts
        .into_iter()
        .map(|(rule, [tp, fp, fn_, tn])| {
            let ratio = |hit: u32, miss: u32, empty: u32| match hit + miss {
                0 => f64::from(u8::from(empty == 0)),
                all => f64::from(hit) / f64::from(all),
            };
            let (p, r) = (ratio(tp, fp, fn_), ratio(tp, fn_, fp));
            let f1 = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            (rule, (format!("{f1:.2}"), [tp, fp, fn_, tn]))
        })
        .collect()
}

#[test]
fn corpus_letters_in_latex_keep_every_rules_f1() {
    for corpus in corpora() {
        let labels: toml::Table =
            toml::from_str(&fs::read_to_string(corpus.join("labels.toml")).unwrap()).unwrap();
        let labels = labels["letters"].as_table().unwrap();
        let dir = temp_dir("latex-corpus");
        fs::create_dir(dir.join("md")).unwrap();
        fs::create_dir(dir.join("tex")).unwrap();
        let mut markdown = Vec::new();
        let mut latex = Vec::new();
        for stem in labels.keys() {
            let text = fs::read_to_string(corpus.join(format!("letters/{stem}.md"))).unwrap();
            fs::write(dir.join(format!("md/{stem}.md")), &text).unwrap();
            fs::write(dir.join(format!("tex/{stem}.tex")), to_latex(&text)).unwrap();
            markdown.push(format!("md/{stem}.md"));
            latex.push(format!("tex/{stem}.tex"));
        }
        let from_markdown = rules_by_letter(&dir, &markdown);
        let from_latex = rules_by_letter(&dir, &latex);
        assert_eq!(from_latex.len(), labels.len(), "every letter read");

        // The corpus's scores, counted as eval.py counts them, are the
        // same in LaTeX.
        let (f1_markdown, f1_latex) = (
            f1_by_rule(labels, &from_markdown),
            f1_by_rule(labels, &from_latex),
        );
        assert!(f1_markdown.len() >= 5, "{f1_markdown:?}");
        assert_eq!(
            f1_latex,
            f1_markdown,
            "{}: per-rule F1 and [tp, fp, fn, tn] in LaTeX, then in Markdown",
            corpus.display()
        );

        // And letter by letter, every rule, judged or not.
        let differ: Vec<String> = from_markdown
            .iter()
            .filter(|(stem, rules)| from_latex.get(*stem) != Some(rules))
            .map(|(stem, rules)| {
                format!(
                    "{stem}: markdown {rules:?}, latex {:?}",
                    from_latex.get(stem)
                )
            })
            .collect();
        assert!(
            differ.is_empty(),
            "{}:\n{}",
            corpus.display(),
            differ.join("\n")
        );
        let raised: usize = from_latex.values().map(Vec::len).sum();
        assert!(raised >= from_latex.len(), "{raised} rules raised");
    }
}
