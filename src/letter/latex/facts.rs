//! What a LaTeX letter says about the application: the company and role
//! its class's fields name (`\recipient`, `\setkomavar{toname}`, a
//! subject), a user macro that holds them (`\newcommand{\company}{Acme}`),
//! and over both a `% letterlint: company = "…", role = "…"` comment. They
//! stand where a Markdown letter's front matter does.

use super::commands::{self, LatexOptions};
use super::outline::Outline;
use super::reader::{read_range, Macros};
use crate::front_matter::{self, Field, FrontMatter, FrontMatterError};
use crate::letter::gate::role_titles;
use crate::text;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static MAGIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^%+\s*letterlint:(?P<values>.*)$").expect("valid regex"));

pub(super) fn front_matter(
    src: &str,
    outline: &Outline,
    macros: &Macros,
) -> Result<FrontMatter, FrontMatterError> {
    let options = LatexOptions::default();
    // The lines of an argument, as `\\` breaks them.
    let lines = |range: &Option<Range<usize>>| -> Vec<Field> {
        let Some(range) = range else {
            return Vec::new();
        };
        let mut breaks: Vec<_> = src[range.clone()]
            .match_indices(r"\\")
            .chain(src[range.clone()].match_indices(r"\newline"))
            .map(|(i, m)| range.start + i..range.start + i + m.len())
            .collect();
        breaks.sort_by_key(|b| b.start);
        let starts = std::iter::once(range.start).chain(breaks.iter().map(|b| b.end));
        let ends = breaks.iter().map(|b| b.start).chain([range.end]);
        starts
            .zip(ends)
            .flat_map(|(start, end)| read_range(src, start..end.max(start), macros, &options))
            .filter_map(|block| {
                field(block.text(), 0..block.text().len(), |r| {
                    block.prose.source_range(r)
                })
            })
            .collect()
    };
    let fields = &outline.fields;
    let recipient = lines(&fields.recipient).into_iter().next();
    // "RE: Senior Data Engineer" in the name's place is a subject.
    let recipient = recipient.filter(|name| !name.text.contains(':'));
    let company = match recipient {
        Some(name) if !names_person(&name.text) => Some(name),
        // "Halyard Recruitment Team": the company, then who reads for it.
        Some(name) => before_team(&name),
        None => None,
    };
    // Else the address: its first line that is neither a person nor a
    // street or a post code.
    let company = company.or_else(|| {
        lines(&fields.address).into_iter().find(|line| {
            !names_person(&line.text) && !line.text.contains(|c: char| c.is_ascii_digit())
        })
    });
    let subject = lines(&fields.subject).into_iter().next();
    let mut front = FrontMatter {
        company: company
            .or_else(|| from_macro(src, outline, &commands::recipient().company_macros)),
        role: subject
            .and_then(|s| role_in(&s))
            .or_else(|| from_macro(src, outline, &commands::recipient().role_macros)),
        ..FrontMatter::default()
    };
    for comment in &outline.comments {
        read_magic(src, comment.clone(), &mut front)?;
    }
    Ok(front)
}

/// `text[range]` trimmed, with its span, unless it is empty.
fn field(
    text: &str,
    range: Range<usize>,
    source: impl Fn(Range<usize>) -> Range<usize>,
) -> Option<Field> {
    let raw = &text[range.clone()];
    let trimmed = raw.trim().trim_end_matches(',');
    let start = range.start + (raw.len() - raw.trim_start().len());
    (!trimmed.is_empty()).then(|| Field {
        text: trimmed.to_string(),
        span: source(start..start + trimmed.len()),
    })
}

/// "Hiring Team", "Ms. Dana Whitfield", "HR Department": not a company.
fn names_person(text: &str) -> bool {
    let words = &commands::recipient().not_company;
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| words.iter().any(|n| n.eq_ignore_ascii_case(w)))
}

/// A range of `field`'s text as a range of the source: itself when the
/// source spells the text as it reads, else the whole field.
fn within(field: &Field) -> impl Fn(Range<usize>) -> Range<usize> + '_ {
    move |r| match field.span.len() == field.text.len() {
        true => field.span.start + r.start..field.span.start + r.end,
        false => field.span.clone(),
    }
}

/// The words of a recipient before those that name a person or a team
/// ("Halyard" of "Halyard Recruitment Team"), when they start with a
/// capital, "The" left out.
fn before_team(name: &Field) -> Option<Field> {
    let text = &name.text;
    let words = &commands::recipient().not_company;
    let team = text::words(text)
        .into_iter()
        .find(|w| {
            words
                .iter()
                .any(|n| n.eq_ignore_ascii_case(&text[w.start..w.end]))
        })?
        .start;
    let the = text
        .get(..4)
        .is_some_and(|t| t.eq_ignore_ascii_case("the "));
    let start = if the { 4 } else { 0 };
    let company = field(text, start.min(team)..team, within(name))?;
    company
        .text
        .starts_with(char::is_uppercase)
        .then_some(company)
}

/// The role a subject line names: "Application for Senior Backend
/// Engineer (Req 4471)" names "Senior Backend Engineer".
fn role_in(subject: &Field) -> Option<Field> {
    let text = &subject.text;
    let to_source = within(subject);
    if let Some(title) = role_titles(text).first() {
        return field(text, title.title.clone(), &to_source);
    }
    // Its parts between the marks ("Application for | Platform Engineer |
    // Team Ledger"): the first that is not about the application itself.
    // ASCII case only, so that offsets in `lower` are offsets in `text`.
    let lower = text.to_ascii_lowercase();
    let alone = |c: char| !c.is_alphanumeric();
    let mut marks: Vec<Range<usize>> = commands::recipient()
        .subject_marks
        .iter()
        .flat_map(|mark| {
            lower.match_indices(mark.as_str()).filter(|(at, m)| {
                !m.starts_with(char::is_alphanumeric)
                    || (lower[..*at].chars().next_back().is_none_or(alone)
                        && lower[at + m.len()..].chars().next().is_none_or(alone))
            })
        })
        .map(|(at, m)| at..at + m.len())
        .chain(
            lower
                .match_indices(['(', ','])
                .map(|(at, _)| at..lower.len()),
        )
        .collect();
    marks.sort_by_key(|m| m.start);
    let mut start = 0;
    let mut parts = Vec::new();
    for mark in marks {
        if mark.start >= start {
            parts.push(start..mark.start);
            start = mark.end;
        }
    }
    parts.push(start..text.len());
    let about_applying = |part: &str| {
        let words = &commands::recipient().subject_words;
        part.split(alone)
            .any(|w| words.iter().any(|s| s.eq_ignore_ascii_case(w)))
    };
    parts
        .into_iter()
        .filter(|part| !about_applying(&text[part.clone()]))
        .find_map(|part| field(text, part, &to_source))
}

/// The text of the first macro of `names` the letter defines, pointing at
/// its definition.
fn from_macro(src: &str, outline: &Outline, names: &[String]) -> Option<Field> {
    let definition = outline
        .definitions
        .iter()
        .find(|d| !d.takes_arguments && names.iter().any(|n| n == d.name))?;
    let blocks = read_range(
        src,
        definition.body.clone(),
        &Macros::new(),
        &LatexOptions::default(),
    );
    let block = blocks.first()?;
    field(block.text(), 0..block.text().len(), |r| {
        block.prose.source_range(r)
    })
}

/// `% letterlint: company = "Acme", role = "SRE"`: the values of a TOML
/// inline table, each set over what the class says.
fn read_magic(
    src: &str,
    comment: Range<usize>,
    front: &mut FrontMatter,
) -> Result<(), FrontMatterError> {
    let Some(values) = MAGIC
        .captures(&src[comment.clone()])
        .and_then(|caps| caps.name("values"))
    else {
        return Ok(());
    };
    let values = comment.start + values.start()..comment.start + values.end();
    front_matter::take_inline(src, values, front)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::latex::reader::macros;

    fn front(src: &str) -> FrontMatter {
        let outline = Outline::scan(src);
        front_matter(src, &outline, &macros(src, &outline)).unwrap()
    }

    fn text(field: &Option<Field>) -> Option<&str> {
        field.as_ref().map(|f| f.text.as_str())
    }

    #[test]
    fn the_recipient_is_the_company_unless_it_is_a_person() {
        let src = "\\recipient{Halyard Logistics}{12 Dock St}";
        let fm = front(src);
        assert_eq!(fm.company(), Some("Halyard Logistics"));
        assert_eq!(&src[fm.company.unwrap().span], "Halyard Logistics");
        let fm = front("\\recipient{HR Department}{Kestrel Pay\\\\1 Main St}");
        assert_eq!(fm.company(), Some("Kestrel Pay"));
        let fm = front("\\setkomavar{toname}{Ms.~Okafor}\\setkomavar{toaddress}{Ms.~Okafor\\\\Northwind Freight\\\\Bay 4}");
        assert_eq!(fm.company(), Some("Northwind Freight"));
    }

    #[test]
    fn the_role_from_a_subject_and_macros_expanded() {
        let src = "\\newcommand{\\company}{Acme\\,Robotics}\\recipient{\\company}{}\\lettertitle{Application for Senior Backend Engineer (Req 44)}";
        let fm = front(src);
        assert_eq!(fm.company(), Some("Acme Robotics"));
        assert_eq!(&src[fm.company.clone().unwrap().span], "\\company");
        assert_eq!(fm.role(), Some("Senior Backend Engineer"));
        assert_eq!(&src[fm.role.unwrap().span], "Senior Backend Engineer");
        let fm = front("\\setkomavar{subject}{Re: Site Reliability Engineer}");
        assert_eq!(fm.role(), Some("Site Reliability Engineer"));
        let fm = front("\\newcommand\\employer{Northwind}\n\\def\\jobtitle{Data Engineer}");
        assert_eq!(
            (fm.company(), fm.role()),
            (Some("Northwind"), Some("Data Engineer"))
        );
    }

    #[test]
    fn the_company_of_a_team_an_address_alone_and_never_a_subject() {
        let company = |src: &str| front(src).company().map(String::from);
        let src = "\\recipient{Halyard Recruitment Team}";
        assert_eq!(company(src).as_deref(), Some("Halyard"));
        assert_eq!(&src[front(src).company.unwrap().span], "Halyard");
        assert_eq!(company("\\recipient{The Hiring Team}"), None);
        let src = "\\recipient{}{Halyard Logistics\\\\12 Dock Road}";
        assert_eq!(company(src).as_deref(), Some("Halyard Logistics"));
        let letter_class = "\\begin{letter}{Ms Dana Lee\\\\Fernbrook Analytics\\\\12 Harbour Road}";
        assert_eq!(
            company(letter_class).as_deref(),
            Some("Fernbrook Analytics")
        );
        assert_eq!(
            company("\\recipient{RE: Senior Data Engineer (req 4411)}{}"),
            None
        );
    }

    #[test]
    fn the_role_is_the_part_of_a_subject_that_is_not_about_applying() {
        let role = |subject: &str| {
            let src = format!("\\lettertitle{{{subject}}}");
            front(&src).role().map(String::from)
        };
        for (subject, wanted) in [
            ("Platform Engineer - Team Ledger", Some("Platform Engineer")),
            (
                "Application for Platform Engineer - Team Ledger",
                Some("Platform Engineer"),
            ),
            (
                "Application – Associate Data Scientist",
                Some("Associate Data Scientist"),
            ),
            (
                "Python Software Developer\\newline Software \\& Solutions",
                Some("Python Software Developer"),
            ),
            ("ITU Application", None),
            ("RE: Job Application for Data Analyst", Some("Data Analyst")),
        ] {
            assert_eq!(role(subject).as_deref(), wanted, "{subject}");
        }
    }

    #[test]
    fn a_magic_comment_wins() {
        let src = "\\recipient{Acme}{}\n% letterlint: company = \"Kestrel Pay\", role = \"SRE\"\n";
        let fm = front(src);
        assert_eq!(
            (text(&fm.company), text(&fm.role)),
            (Some("Kestrel Pay"), Some("SRE"))
        );
        assert_eq!(&src[fm.company.unwrap().span], "Kestrel Pay");
        // A key letterlint does not read is told, as in front matter.
        let src = "% letterlint: compnay = \"Acme\"\n";
        let misfit = &front(src).misfits[0];
        assert_eq!(&src[misfit.span.clone()], "compnay");
        assert!(misfit
            .problem
            .to_string()
            .contains("did you mean `company`"));
        let outline = Outline::scan("\n% letterlint: company = \"Acme");
        let error = front_matter("\n% letterlint: company = \"Acme", &outline, &Macros::new());
        assert!(matches!(
            error.unwrap_err(),
            FrontMatterError::Toml { line: 2, .. }
        ));
    }
}
