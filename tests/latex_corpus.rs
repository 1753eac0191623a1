//! The labelled corpus letters rendered into LaTeX (`article` class, the
//! front matter as a `% letterlint:` comment) raise the same rules, letter
//! by letter, as the Markdown originals: so every rule keeps its F1 on
//! `.tex`. The held-out `check` letters stay out: a mismatch there could
//! not be looked into without reading them.

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

fn corpora() -> Vec<PathBuf> {
    let mut found = vec![common::root().join("tests/corpus/tune/letters")];
    let shared = common::root().join("../shared/corpus/letters");
    if shared.is_dir() {
        found.push(shared);
    } else {
        common::skipped("the shared corpus", "not checked out beside the repository");
    }
    found
}

#[test]
fn corpus_letters_in_latex_raise_the_rules_their_markdown_raises() {
    for letters in corpora() {
        let dir = temp_dir("latex-corpus");
        fs::create_dir(dir.join("md")).unwrap();
        fs::create_dir(dir.join("tex")).unwrap();
        let mut markdown = Vec::new();
        let mut latex = Vec::new();
        let mut names: Vec<PathBuf> = fs::read_dir(&letters)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        names.sort();
        for path in names {
            let text = fs::read_to_string(&path).unwrap();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            fs::write(dir.join(format!("md/{stem}.md")), &text).unwrap();
            fs::write(dir.join(format!("tex/{stem}.tex")), to_latex(&text)).unwrap();
            markdown.push(format!("md/{stem}.md"));
            latex.push(format!("tex/{stem}.tex"));
        }
        let from_markdown = rules_by_letter(&dir, &markdown);
        let from_latex = rules_by_letter(&dir, &latex);
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
            letters.display(),
            differ.join("\n")
        );
        // Every letter read, and the rules at work on them.
        assert_eq!(from_latex.len(), markdown.len());
        let raised: usize = from_latex.values().map(Vec::len).sum();
        assert!(raised >= from_latex.len(), "{raised} rules raised");
    }
}
