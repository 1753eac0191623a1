//! A first pass over a LaTeX letter: where its body is, the macros it
//! defines, where the class prints the salutation and the sign-off, what
//! it says about the recipient, and whether its braces balance.

use super::commands::{self, Command, LatexOptions};
use super::scan::{Scanner, Token, Unbalanced};
use std::ops::Range;

/// `\newcommand{\company}{Acme}`, `\def\company{Acme}`.
#[derive(Debug, Clone)]
pub(super) struct Definition<'s> {
    pub(super) name: &'s str,
    pub(super) body: Range<usize>,
    /// `\newcommand{\skill}[1]{…}`: not text to expand.
    pub(super) takes_arguments: bool,
}

/// What a letter class says about the recipient: argument ranges.
#[derive(Debug, Clone, Default)]
pub(super) struct Fields {
    /// `\recipient{…}`'s first argument, or `\setkomavar{toname}`.
    pub(super) recipient: Option<Range<usize>>,
    /// `\recipient`'s second, `\setkomavar{toaddress}`, `\begin{letter}{…}`.
    pub(super) address: Option<Range<usize>>,
    /// `\lettertitle`, `\setkomavar{subject}`, `\subject`.
    pub(super) subject: Option<Range<usize>>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Outline<'s> {
    /// After `\begin{document}` up to `\end{document}`; the whole file
    /// for a fragment with no preamble.
    pub(super) body: Range<usize>,
    pub(super) has_preamble: bool,
    pub(super) class: Option<&'s str>,
    pub(super) definitions: Vec<Definition<'s>>,
    /// `\makelettertitle` and `\makeletterclosing`: where moderncv and
    /// Awesome-CV print the salutation and the sign-off.
    pub(super) title_at: Option<usize>,
    pub(super) closing_at: Option<usize>,
    /// `\opening`, `\makelettertitle` or a `cvletter` environment.
    pub(super) letter_marks: bool,
    pub(super) fields: Fields,
    pub(super) comments: Vec<Range<usize>>,
    pub(super) unbalanced: Option<Unbalanced>,
}

/// Commands that define a macro.
pub(super) fn is_definition(name: &str) -> bool {
    matches!(
        name,
        "newcommand"
            | "renewcommand"
            | "providecommand"
            | "DeclareRobustCommand"
            | "def"
            | "gdef"
            | "edef"
            | "xdef"
    )
}

/// Reads the definition that `\newcommand` (or `\def`, …) starts.
pub(super) fn definition<'s>(scanner: &mut Scanner<'s>, command: &str) -> Option<Definition<'s>> {
    scanner.skip_star();
    let name = if scanner.group_follows() {
        let inner = scanner.group()?;
        scanner.src[inner].trim().strip_prefix('\\')?
    } else {
        match scanner.next()? {
            Token::Command(range) => scanner.name(&range),
            _ => return None,
        }
    };
    let takes_arguments = if matches!(command, "def" | "gdef" | "edef" | "xdef") {
        // `\def\cmd#1#2{…}`: parameters up to the body's brace.
        let start = scanner.pos;
        let open = scanner.src[start..]
            .find('{')
            .map_or(scanner.src.len(), |i| start + i);
        scanner.pos = open;
        scanner.src[start..open].contains('#')
    } else {
        let count = scanner.option();
        scanner.skip_options();
        count.is_some_and(|c| scanner.src[c].trim_matches(['[', ']', ' ']) != "0")
    };
    let body = scanner.group()?;
    Some(Definition {
        name,
        body,
        takes_arguments,
    })
}

impl<'s> Outline<'s> {
    pub(super) fn scan(src: &'s str) -> Self {
        let mut outline = Outline {
            body: 0..src.len(),
            ..Outline::default()
        };
        let mut scanner = Scanner::new(src, 0..src.len());
        let mut open: Vec<usize> = Vec::new();
        while let Some(token) = scanner.next() {
            match token {
                Token::Open(at) => open.push(at),
                Token::Close(at) if open.pop().is_none() => {
                    outline.unbalanced.get_or_insert(Unbalanced::Unopened(at));
                }
                Token::Command(range) => {
                    let name = scanner.name(&range);
                    if name == "end" && scanner.name_argument() == Some("document") {
                        outline.body.end = range.start;
                        break;
                    }
                    outline.command(&mut scanner, name, range.start);
                }
                _ => {}
            }
        }
        if let Some(&at) = open.last() {
            outline.unbalanced.get_or_insert(Unbalanced::Unclosed(at));
        }
        if let Some(at) = scanner.unclosed {
            outline.unbalanced.get_or_insert(Unbalanced::Unclosed(at));
        }
        outline.comments = scanner.comments;
        outline
    }

    fn command(&mut self, scanner: &mut Scanner<'s>, name: &'s str, at: usize) {
        let fields = &mut self.fields;
        match name {
            "begin" => match scanner.name_argument() {
                Some("document") => {
                    self.has_preamble = true;
                    self.body.start = scanner.pos;
                }
                Some("cvletter") => self.letter_marks = true,
                Some("letter") => {
                    let address = scanner.group();
                    fields.address = fields.address.take().or(address);
                }
                _ => {}
            },
            "documentclass" => {
                scanner.skip_options();
                self.class = scanner.group().map(|r| scanner.src[r].trim());
            }
            "recipient" => {
                fields.recipient = scanner.group();
                fields.address = scanner.group().or(fields.address.take());
            }
            "setkomavar" => {
                scanner.skip_star();
                let key = scanner.group().map(|r| scanner.src[r].trim());
                scanner.skip_options();
                let value = scanner.group();
                match key {
                    Some("toname") => fields.recipient = value,
                    Some("toaddress") => fields.address = value,
                    Some("subject") => fields.subject = value,
                    _ => {}
                }
            }
            "lettertitle" | "subject" => fields.subject = scanner.group(),
            "makelettertitle" => {
                self.title_at = Some(at);
                self.letter_marks = true;
            }
            "makeletterclosing" => self.closing_at = Some(at),
            _ if is_definition(name) => self.definitions.extend(definition(scanner, name)),
            _ if LatexOptions::default().command(name) == Command::Opening => {
                self.letter_marks = true;
            }
            _ => {}
        }
    }

    /// Whether the file is a letter rather than a résumé or a paper: a
    /// letter class, or a salutation a class prints.
    pub(super) fn is_letter(&self) -> bool {
        self.letter_marks || self.class.is_some_and(commands::is_letter_class)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_fields_and_definitions() {
        let src = "\\documentclass[11pt]{moderncv}\n\\newcommand{\\company}{Acme}\n\\def\\skill#1{#1}\n\\recipient{Hiring Team}{Acme Robotics\\\\1 Main St}\n\\begin{document}\n\\makelettertitle\nBody.\n\\end{document}\nafter {";
        let outline = Outline::scan(src);
        assert_eq!(&src[outline.body.clone()], "\n\\makelettertitle\nBody.\n");
        assert_eq!(outline.class, Some("moderncv"));
        assert!(outline.is_letter());
        let names: Vec<(&str, bool)> = outline
            .definitions
            .iter()
            .map(|d| (d.name, d.takes_arguments))
            .collect();
        assert_eq!(names, [("company", false), ("skill", true)]);
        assert_eq!(&src[outline.fields.recipient.unwrap()], "Hiring Team");
        assert_eq!(outline.unbalanced, None);
    }

    #[test]
    fn unbalanced_braces_are_found() {
        assert_eq!(
            Outline::scan("a } b").unbalanced,
            Some(Unbalanced::Unopened(2))
        );
        assert_eq!(
            Outline::scan("a {b {c}").unbalanced,
            Some(Unbalanced::Unclosed(2))
        );
        assert_eq!(
            Outline::scan("\\textbf{b").unbalanced,
            Some(Unbalanced::Unclosed(7))
        );
        assert_eq!(Outline::scan("\\{ % }\n\\verb|}|").unbalanced, None);
    }

    #[test]
    fn papers_and_resumes_are_not_letters() {
        assert!(
            !Outline::scan("\\documentclass{article}\\begin{document}x\\end{document}").is_letter()
        );
        assert!(Outline::scan("\\documentclass{scrlttr2}").is_letter());
        assert!(Outline::scan("\\begin{cvletter}x\\end{cvletter}").is_letter());
        assert!(!Outline::scan("% \\opening{Dear}").is_letter());
    }
}
