//! LaTeX letters (`.tex`), read by a small TeX scanner into the same
//! blocks of prose a Markdown letter gives, every character mapped back to
//! its byte in the source. Two passes: `outline.rs` finds the body, the
//! macros, the class's fields and whether the braces balance; `reader.rs`
//! reads the prose (`scan.rs` tokens, `frames.rs` open groups,
//! `builder.rs` blocks). `commands.rs` says what each command does,
//! from `rules/lexicon/latex.toml`; `facts.rs` finds company and role.
//!
//! Hand-written rather than a TeX crate: letterlint needs TeX read the way
//! a reader sees the page, mapped byte for byte, for any input however
//! broken, and no more of TeX than that.

mod arguments;
mod builder;
mod commands;
mod facts;
mod frames;
mod outline;
mod parts;
mod reader;
mod scan;

pub use commands::LatexOptions;

use crate::front_matter::{FrontMatter, FrontMatterError};
use crate::letter::block::Block;
use outline::Outline;
use scan::{Scanner, Token, Unbalanced};
use std::ops::Range;

/// A LaTeX letter that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LatexError {
    #[error("unbalanced braces: the `{{` on {0} is never closed")]
    Unclosed(Place),
    #[error("unbalanced braces: the `}}` on {0} closes no group")]
    Unopened(Place),
}

/// Where a brace stands: its line, and the file that holds it when the
/// letter inputs that file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Its offset in the text read.
    pub at: usize,
    pub line: usize,
    pub file: Option<String>,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}", self.line)?;
        match &self.file {
            Some(file) => write!(f, " of {file}"),
            None => Ok(()),
        }
    }
}

impl LatexError {
    /// The error told in the file and on the line that `place` gives for
    /// the brace's offset: a letter read with its inputs set in is not
    /// one file.
    pub fn placed(self, place: impl FnOnce(usize) -> (Option<String>, usize)) -> Self {
        let moved = |at: usize| {
            let (file, line) = place(at);
            Place { at, line, file }
        };
        match self {
            LatexError::Unclosed(p) => LatexError::Unclosed(moved(p.at)),
            LatexError::Unopened(p) => LatexError::Unopened(moved(p.at)),
        }
    }
}

/// The blocks of a letter's prose, and its comments (where suppression
/// directives stand).
pub(super) fn read(
    source: &str,
    options: &LatexOptions,
) -> Result<(Vec<Block>, Vec<Range<usize>>), LatexError> {
    let outline = Outline::scan(source);
    if let Some(unbalanced) = outline.unbalanced {
        let place = |at: usize| Place {
            at,
            line: source[..at].matches('\n').count() + 1,
            file: None,
        };
        return Err(match unbalanced {
            Unbalanced::Unclosed(at) => LatexError::Unclosed(place(at)),
            Unbalanced::Unopened(at) => LatexError::Unopened(place(at)),
        });
    }
    let macros = reader::macros(source, &outline);
    let blocks = parts::read_letter(source, &outline, &macros, options);
    Ok((blocks, outline.comments))
}

/// Company and role, as the letter's class and comments state them.
pub(super) fn front_matter(source: &str) -> Result<FrontMatter, FrontMatterError> {
    let outline = Outline::scan(source);
    facts::front_matter(source, &outline, &reader::macros(source, &outline))
}

/// Whether a `.tex` file's class, commands or name say it is a letter: a
/// letter class, `\makelettertitle`, `\opening`, a `cvletter`
/// environment, or a name like `cover_letter.tex`.
pub fn is_letter(file_name: &str, source: &str) -> bool {
    commands::is_letter_name(file_name) || Outline::scan(source).is_letter()
}

/// `text` as TeX source that prints it: what a fix writes into a `.tex`
/// letter, where a bare `&` or `%` would break the build or hide the rest
/// of the line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            c => out.push(c),
        }
    }
    out
}

/// The part of `source` TeX typesets when another file reads it in: what
/// lies between `\begin{document}` and `\end{document}` in a file that is a
/// document of its own (a `\subfile`), else the whole file.
pub fn document_body(source: &str) -> Range<usize> {
    let outline = Outline::scan(source);
    match outline.has_preamble {
        true => outline.body,
        false => 0..source.len(),
    }
}

/// An `\input{name}` or `\include{name}` that TeX would read: not in a
/// comment, code, an `\iffalse` draft or after `\end{document}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputCommand {
    /// The command and its argument.
    pub range: Range<usize>,
    /// The file it names, as written.
    pub name: Range<usize>,
}

/// Every file `source` inputs, in order.
pub fn input_commands(source: &str) -> Vec<InputCommand> {
    let mut scanner = Scanner::new(source, 0..source.len());
    let mut found = Vec::new();
    while let Some(token) = scanner.next() {
        let Token::Command(command) = token else {
            continue;
        };
        let name = scanner.name(&command);
        if name == "end" && scanner.name_argument() == Some("document") {
            break;
        }
        if commands::is_input(name) {
            if let Some(inner) = scanner.peek_group() {
                scanner.pos = inner.end + 1;
                let text = &source[inner.clone()];
                let start = inner.start + (text.len() - text.trim_start().len());
                found.push(InputCommand {
                    range: command.start..scanner.pos,
                    name: start..start + text.trim().len(),
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::letter::{self, Block, Letter, Part};
    use crate::source::Source;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_tex_reads_without_panic_and_maps_inside_the_source(
            src in r"(\\\\|\\[a-z]{1,8}|\\[^a-z]|[{}\[\]%$~&#^_`'-]|[a-zé€ .,]{1,6}|\n|\n\n|\\begin\{(itemize|comment|letter|document)\}|\\end\{(itemize|comment|document)\}|\\(opening|closing|item|newcommand|def|makelettertitle|iffalse|fi|verb)){0,60}"
        ) {
            let front = letter::front_matter(&Source::new("x.tex", src.as_str())).unwrap_or_default();
            let Ok(letter) = Letter::from_latex(&src, front, &Default::default()) else {
                return Ok(());
            };
            for block in &letter.blocks {
                for word in block.words() {
                    let span = block.prose.source_range(word.start..word.end);
                    prop_assert!(span.start <= span.end && span.end <= src.len());
                    prop_assert!(src.is_char_boundary(span.start) && src.is_char_boundary(span.end));
                }
            }
        }
    }

    fn letter(src: &str) -> Letter<'_> {
        let front = letter::front_matter(&Source::new("x.tex", src)).unwrap();
        Letter::from_latex(src, front, &Default::default()).unwrap()
    }

    fn texts(src: &str) -> Vec<String> {
        letter(src)
            .blocks
            .iter()
            .map(|b| b.text().to_string())
            .collect()
    }

    fn parts(src: &str) -> Vec<(Part, String)> {
        letter(src)
            .blocks
            .iter()
            .map(|b: &Block| (b.part, b.text().to_string()))
            .collect()
    }

    #[test]
    fn text_forms_read_as_what_they_make() {
        let src = "Caf\\'e na\\\"ive Fran\\c{c}ois, 2019--2021 --- ``quoted'' R\\&D 40\\% \\$5 a\\_b Ms.~Ng \\today\\ldots{} \\LaTeX\\ rocks.";
        assert_eq!(
            texts(src),
            ["Café naïve François, 2019–2021 — “quoted” R&D 40% $5 a_b Ms. Ng January 1, 2025… LaTeX rocks."]
        );
    }

    #[test]
    fn what_is_not_prose() {
        let src = "\\documentclass{article}\n\\title{Not prose}\n\\begin{document}\n\\vspace{2em}\\includegraphics[width=2cm]{sig.png}\\date{May 2}\\signature{Ana}\nI cut $p_{99}$ by half % not this\nand kept 100\\% of it.\n\n\\begin{lstlisting}\nkafka: {}\n\\end{lstlisting}\n\\begin{comment}\nOld draft.\n\\end{comment}\n\\iffalse Older draft. \\fi\nR&D with \\undefinedmacro and \\mysetting{2cm} but \\mynote{kept words}.\n\\end{document}\nAfter the end.";
        assert_eq!(
            texts(src),
            [
                "I cut  by half and kept 100% of it.",
                "RD with  and  but kept words."
            ]
        );
    }

    #[test]
    fn a_comment_line_does_not_end_a_paragraph_and_a_blank_line_does() {
        let src = "One line\n% a note to self\ngoes on.\n\nNext\\par Last";
        assert_eq!(texts(src), ["One line goes on.", "Next", "Last"]);
    }

    #[test]
    fn every_character_maps_back_to_its_source() {
        let src = "Dear Ms.~Okafor,\n\nWe \\textbf{scaled} the \\href{http://x.io}{queue} to\n9,400 events per minute --- caf\\'e.\n";
        let letter = letter(src);
        let block = &letter.blocks[1];
        for (word, typed) in [
            ("scaled", "scaled"),
            ("queue", "queue"),
            ("9", "9"),
            ("—", "---"),
            ("café", "caf\\'e"),
        ] {
            let at = block.text().find(word).unwrap();
            let span = block.prose.source_range(at..at + word.len());
            assert_eq!(&src[span], typed);
        }
    }

    #[test]
    fn headings_lists_and_letter_parts() {
        let src = "\\documentclass{letter}\n\\begin{document}\n\\begin{letter}{Acme\\\\1 Main St}\n\\opening{Dear team,}\n\\section*{Why Acme}\nI built it.\n\\begin{itemize}\n\\item[--] First thing.\n\\item[\\textbf{Second}] thing.\n\\end{itemize}\n\\closing{Best regards,}\n\\ps{P.S. See the runbook.}\n\\end{letter}\n\\end{document}\n";
        let letter = letter(src);
        let shape: Vec<(Part, &str)> = letter.blocks.iter().map(|b| (b.part, b.text())).collect();
        assert_eq!(
            shape,
            [
                (Part::Salutation, "Dear team,"),
                (Part::Body, "Why Acme"),
                (Part::Body, "I built it."),
                (Part::Body, "First thing."),
                (Part::Body, "Second thing."),
                (Part::SignOff, "Best regards,"),
                (Part::Postscript, "P.S. See the runbook."),
            ]
        );
        assert_eq!(letter.sections[1].heading.as_deref(), Some("Why Acme"));
        assert!(matches!(
            letter.blocks[3].kind,
            crate::letter::BlockKind::ListItem { .. }
        ));
    }

    #[test]
    fn a_salutation_and_sign_off_set_in_the_preamble_stand_where_they_print() {
        // moderncv and Awesome-CV set both before the body.
        let src = "\\documentclass{moderncv}\n\\opening{Dear Ms.~Ng,}\n\\closing{Kind regards,}\n\\begin{document}\n\\recipient{Acme}{1 Main St}\n\\makelettertitle\nI built the ledger.\n\n\\makeletterclosing\n\\end{document}\n";
        assert_eq!(
            parts(src),
            [
                (Part::Salutation, "Dear Ms. Ng,".to_string()),
                (Part::Body, "I built the ledger.".to_string()),
                (Part::SignOff, "Kind regards,".to_string()),
            ]
        );
    }

    #[test]
    fn a_whole_sentence_in_a_closing_is_the_closing_paragraph() {
        let src = "\\opening{Dear team,}\nI built the ledger.\n\\closing{I would welcome a call about the migration.\\\\[1em] Best,}";
        assert_eq!(
            parts(src),
            [
                (Part::Salutation, "Dear team,".to_string()),
                (Part::Body, "I built the ledger.".to_string()),
                (
                    Part::Body,
                    "I would welcome a call about the migration.".to_string()
                ),
                (Part::SignOff, "Best,".to_string()),
            ]
        );
    }

    #[test]
    fn paragraphs_wrapped_in_commands_and_groups() {
        let src = "\\lettercontent{First paragraph here.\n\nSecond one.}\n\n\\paragraph{Why us}\n\\paragraph{A whole paragraph written inside the command, as some templates do.}\n\n{\\small Third, in a group.}";
        assert_eq!(
            texts(src),
            [
                "First paragraph here.",
                "Second one.",
                "Why us",
                "A whole paragraph written inside the command, as some templates do.",
                "Third, in a group."
            ]
        );
        let letter = letter(src);
        assert!(letter.blocks[2].subheading);
        assert!(!letter.blocks[3].subheading);
    }

    #[test]
    fn a_salutation_built_from_macros() {
        let src = "\\newcommand{\\manager}{Ms.~Okafor}\n\\def\\greeting{Dear}\n\\opening{\\greeting{} \\manager,}\nBody.";
        assert_eq!(texts(src)[0], "Dear Ms. Okafor,");
    }

    #[test]
    fn arguments_are_words_apart_and_lengths_set_bare_are_no_prose() {
        let src = "\\topskip0pt\n\\parindent = 0pt\n\\contact{Ana}{Lima} \\icon{Phone}{9}{Leith, Scotland} and more.\n\nI moved it.\\iftoggle{long}{ It took a year.}{ It took a month.} Done.";
        assert_eq!(
            texts(src),
            [
                "Ana Lima Phone Leith, Scotland and more.",
                "I moved it. It took a year. It took a month. Done."
            ]
        );
    }

    #[test]
    fn an_opening_is_the_salutation_whatever_its_words() {
        use crate::letter::Part;
        for opening in ["Cloudreach recruitment team", "\\salutation:"] {
            let src = format!("\\opening{{{opening}}}\nI rebuilt the dispatch service.\n");
            let letter = letter(&src);
            let parts: Vec<Part> = letter.blocks.iter().map(|b| b.part).collect();
            assert_eq!(parts, [Part::Salutation, Part::Body], "{opening}");
        }
    }

    #[test]
    fn a_letterhead_laid_out_before_the_prose_is_the_header() {
        use crate::letter::Part;
        let parts =
            |src: &str| -> Vec<Part> { letter(src).blocks.iter().map(|b| b.part).collect() };
        let head = "\\begin{center}\\textbf{Jane Roe}\\\\ 12 Harbour Road\\\\ jane@example.org\\end{center}\n\\begin{flushright}May 2, 2024\\end{flushright}\n";
        let body =
            "I rebuilt the dispatch service.\n\n\\begin{center}A centred line.\\end{center}\n";
        assert_eq!(
            parts(&format!("{head}{body}")),
            [Part::Header, Part::Header, Part::Body, Part::Body]
        );
        // A whole letter set flush left is no letterhead.
        let long = "I rebuilt the dispatch service for the depot network. ".repeat(6);
        let src = format!("\\begin{{flushleft}}\n{long}\n\\end{{flushleft}}\n");
        assert_eq!(parts(&src), [Part::Body]);
    }

    #[test]
    fn escaped_text_reads_back_as_itself() {
        let text = "Johnson & Johnson {R&D} 100% $5 #1 a_b ~x^2 \\o/";
        assert_eq!(texts(&super::escape(text)), [text]);
    }

    #[test]
    fn a_fragment_with_no_preamble_is_all_body() {
        assert_eq!(
            texts("I built it.\n\nThen more."),
            ["I built it.", "Then more."]
        );
    }

    #[test]
    fn hostile_shapes_end_quickly() {
        let deep = format!("{}x{}", "{".repeat(100_000), "}".repeat(100_000));
        assert_eq!(texts(&deep), ["x"]);
        let commands = format!("{}x{}", "\\textbf{".repeat(50_000), "}".repeat(50_000));
        assert_eq!(texts(&commands), ["x"]);
        let sections = format!("{}x{}", "\\section{".repeat(50_000), "}".repeat(50_000));
        assert_eq!(texts(&sections), ["x"]);
        let environments = "\\begin{itemize}{".repeat(30_000) + &"\\end{quote}}".repeat(30_000);
        assert!(texts(&environments).is_empty());
        assert!(super::read(&"{".repeat(100_000), &Default::default()).is_err());
        assert!(texts("text \\").len() == 1);
        for shape in [
            "\\verb|", "\\item[", "\\begin{", "\\\\[", "$", "\\(", "\\'", "%",
        ] {
            let _ = super::read(&shape.repeat(20_000), &Default::default());
        }
        let macros = (0..40)
            .map(|i| format!("\\def\\m{}{{\\m{}\\m{}}}", i + 1, i, i))
            .collect::<String>();
        assert!(texts(&format!("\\def\\mo{{ab}}{macros}\\m40")).len() <= 1);
    }

    #[test]
    fn inputs_are_the_ones_tex_reads() {
        let src = "\\input{ a }\n% \\input{b}\n\\begin{verbatim}\\input{c}\\end{verbatim}\n\\iffalse\\include{d}\\fi\\include {e.tex}\n\\end{document}\n\\input{f}";
        let names: Vec<&str> = super::input_commands(src)
            .iter()
            .map(|c| &src[c.name.clone()])
            .collect();
        assert_eq!(names, ["a", "e.tex"]);
        assert_eq!(
            &src[super::input_commands(src)[0].range.clone()],
            "\\input{ a }"
        );
    }

    #[test]
    fn unbalanced_braces_are_an_error_naming_the_line() {
        let read = |src: &str| {
            super::read(src, &Default::default())
                .map(|_| ())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            read("a\n\\textbf{b\n"),
            "unbalanced braces: the `{` on line 2 is never closed"
        );
        assert_eq!(
            read("a\nb}"),
            "unbalanced braces: the `}` on line 2 closes no group"
        );
    }
}
