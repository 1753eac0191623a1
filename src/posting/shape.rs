//! The shape of a posting: its title, its section labels (a heading, a
//! bold line, a short line ending in ":" or "?") and what each says the
//! lines under it are. Read line by line, because a plain-text paste has
//! no list marks and a job board's labels are bold lines, not headings.

use super::lexicon::LEXICON;
use super::lines::{lines, one_item_per_line, Joined, Line};
use super::text::straighten;
use crate::phrases::PhraseSet;
use std::sync::LazyLock;

struct Sets {
    nice: PhraseSet,
    not_requirements: PhraseSet,
    requirements: PhraseSet,
    role: PhraseSet,
    not_requirement_text: PhraseSet,
    nice_marks: PhraseSet,
}

static SETS: LazyLock<Sets> = LazyLock::new(|| {
    let labels = &LEXICON.labels;
    let set = |words: &[String]| PhraseSet::of_words(words.iter().cloned(), &[]);
    Sets {
        nice: set(&labels.nice),
        not_requirements: set(&labels.not_requirements),
        requirements: set(&labels.requirements),
        role: set(&labels.role),
        not_requirement_text: set(&labels.not_requirement_text),
        nice_marks: set(&labels.nice_marks),
    }
});

/// What the lines under a label are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Before the first label: the posting's introduction.
    Intro,
    Required,
    Nice,
    /// About the role: its lists are requirements, its prose description.
    Role,
    /// Benefits, about us, process, anything not asked of the applicant.
    Other,
}

impl Class {
    fn of(label: &str) -> Option<Class> {
        let label = straighten(label);
        let sets = &*SETS;
        if sets.nice.is_match(&label) {
            Some(Class::Nice)
        } else if sets.not_requirements.is_match(&label) {
            Some(Class::Other)
        } else if sets.requirements.is_match(&label) {
            Some(Class::Required)
        } else if sets.role.is_match(&label) {
            Some(Class::Role)
        } else {
            None
        }
    }

    fn lists_requirements(self) -> bool {
        matches!(self, Class::Required | Class::Nice | Class::Role)
    }
}

/// A piece of the posting's text with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Piece {
    pub text: String,
    pub line: usize,
}

/// One line or list item of prose; `list` numbers the list a bullet
/// belongs to, so consecutive items read as one list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unit {
    pub text: String,
    pub line: usize,
    pub list: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PageItem {
    pub text: String,
    pub line: usize,
    pub nice: bool,
}

#[derive(Debug, Default)]
pub(super) struct Page {
    pub title: Option<Piece>,
    /// The line under the title: where a job board puts the company.
    pub subtitle: Option<Piece>,
    /// Every label line, as written.
    pub labels: Vec<Piece>,
    /// "Company: Acme", "Location: Leeds": a short key, its value.
    pub facts: Vec<(String, Piece)>,
    pub items: Vec<PageItem>,
    pub units: Vec<Unit>,
    /// The introduction, the role's description and the requirements:
    /// where the posting's themes are.
    pub themed: Vec<(String, usize)>,
    /// Every line of prose, title included: what a letter may echo.
    pub prose: Vec<(String, usize)>,
    pub lines_of_prose: usize,
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A text line that is a label: a short line ending in ":" or a "?", or
/// a bare line that is a known label ("What you'll do" in a paste). The
/// class is None for a label whose words say nothing; `rest` is what
/// follows "Required:" on the same line.
fn label(text: &str) -> Option<(Option<Class>, Option<String>)> {
    let short = |t: &str| word_count(t) <= 8;
    if let Some(head) = text.strip_suffix(':') {
        return short(head).then(|| (Class::of(head), None));
    }
    if let Some((head, rest)) = text.split_once(": ") {
        if word_count(head) <= 4 {
            if let Some(class) = Class::of(head) {
                return Some((Some(class), Some(rest.trim().to_string())));
            }
        }
    }
    if text.ends_with('?') && short(text) {
        return Class::of(text).map(|c| (Some(c), None));
    }
    let bare = word_count(text) <= 5 && !text.ends_with(['.', '!', ',', ';']);
    if bare {
        return Class::of(text)
            .filter(|_| starts_with_label(text))
            .map(|c| (Some(c), None));
    }
    None
}

/// Whether the label phrase a bare line holds is where it starts: "Skills
/// and experience" is a label, "Strong SQL skills" an item.
fn starts_with_label(text: &str) -> bool {
    let text = straighten(text);
    let sets = &*SETS;
    [
        &sets.nice,
        &sets.not_requirements,
        &sets.requirements,
        &sets.role,
    ]
    .iter()
    .any(|set| {
        set.matches(&text)
            .next()
            .is_some_and(|m| m.range.start == 0)
    })
}

/// "Company: Kestrel Pay": a short key and its value.
fn fact(text: &str) -> Option<(String, String)> {
    let (key, value) = text.split_once(':')?;
    let value = value.trim();
    (word_count(key) <= 3 && !value.is_empty() && !value.starts_with('/'))
        .then(|| (straighten(key).trim().to_lowercase(), value.to_string()))
}

/// Reads the posting's lines into its title, labels, items and prose.
pub(super) fn read(body: &str, first_line: usize) -> Page {
    let mut reader = Reader {
        page: Page::default(),
        class: Class::Intro,
        listed: false,
        lists: 0,
        paragraph: Vec::new(),
    };
    let lines = lines(body, first_line);
    let mut content = lines.iter().filter(|(l, _)| *l != Line::Blank);
    let title = content
        .next()
        .filter(|(line, _)| is_title(line))
        .map(|(_, n)| *n);
    if title.is_some() {
        reader.page.subtitle = content.next().and_then(|(line, number)| match line {
            Line::Heading(text) | Line::Text(text) => Some(Piece {
                text: text.clone(),
                line: *number,
            }),
            _ => None,
        });
    }
    for (line, number) in lines {
        let is_title = Some(number) == title;
        reader.line(line, number, is_title);
    }
    reader.flush();
    reader.page
}

fn is_title(line: &Line) -> bool {
    match line {
        Line::Heading(text) => label(text).is_none_or(|(class, _)| class.is_none()),
        Line::Text(text) => {
            word_count(text) <= 12 && !text.ends_with(['.', '!', '?']) && label(text).is_none()
        }
        _ => false,
    }
}

struct Reader {
    page: Page,
    class: Class,
    /// Whether the current section has had a bulleted list: prose after it
    /// ends the section.
    listed: bool,
    lists: usize,
    paragraph: Vec<(String, usize)>,
}

impl Reader {
    fn line(&mut self, line: Line, number: usize, is_title: bool) {
        if is_title {
            let text = match line {
                Line::Heading(t) | Line::Text(t) => t,
                _ => unreachable!("a title is a heading or text"),
            };
            self.page.prose.push((text.clone(), number));
            self.page.lines_of_prose += 1;
            self.page.title = Some(Piece { text, line: number });
            return;
        }
        match line {
            Line::Blank => self.flush(),
            Line::Heading(text) => {
                self.flush();
                self.prose(&text, number);
                if let Some((key, value)) = fact(&text) {
                    self.fact(key, value, number);
                }
                self.label(Class::of(&text).unwrap_or(Class::Other), &text, number);
            }
            Line::Bullet(text) => {
                self.flush();
                let list = match self.page.units.last() {
                    Some(Unit {
                        list: Some(l),
                        line,
                        ..
                    }) if *line + 1 == number => *l,
                    _ => {
                        self.lists += 1;
                        self.lists
                    }
                };
                self.page.units.push(Unit {
                    text: text.clone(),
                    line: number,
                    list: Some(list),
                });
                self.prose(&text, number);
                if self.class.lists_requirements() {
                    self.listed = true;
                    self.item(&text, number);
                }
            }
            Line::Text(text) => {
                if let Some((key, value)) = fact(&text) {
                    self.fact(key, value, number);
                }
                let Some((class, rest)) = label(&text) else {
                    self.paragraph.push((text, number));
                    return;
                };
                self.flush();
                self.prose(&text, number);
                match class {
                    Some(class) => self.label(class, &text, number),
                    // A lead-in such as "You should have:" keeps its section.
                    None if self.class.lists_requirements() => {}
                    None => self.label(Class::Other, &text, number),
                }
                if let Some(rest) = rest {
                    self.page.units.push(Unit {
                        text: rest.clone(),
                        line: number,
                        list: None,
                    });
                    if self.class.lists_requirements() {
                        self.item(&rest, number);
                    }
                }
            }
        }
    }

    fn prose(&mut self, text: &str, line: usize) {
        self.page.prose.push((text.to_string(), line));
        self.page.lines_of_prose += 1;
    }

    fn fact(&mut self, key: String, value: String, line: usize) {
        self.page.facts.push((key, Piece { text: value, line }));
    }

    fn label(&mut self, class: Class, text: &str, line: usize) {
        self.class = class;
        self.listed = false;
        self.page.labels.push(Piece {
            text: text.to_string(),
            line,
        });
    }

    fn item(&mut self, text: &str, line: usize) {
        let plain = straighten(text);
        if SETS.not_requirement_text.is_match(&plain) {
            return;
        }
        self.page.themed.push((text.to_string(), line));
        if self.class == Class::Role && !self.listed {
            return;
        }
        self.page.items.push(PageItem {
            text: text.to_string(),
            line,
            nice: self.class == Class::Nice || SETS.nice_marks.is_match(&plain),
        });
    }

    /// A paragraph ends: its lines are items (a paste with one item per
    /// line), its sentences are items (requirements written as prose), or
    /// it is the introduction, a description or a note.
    fn flush(&mut self) {
        let paragraph = std::mem::take(&mut self.paragraph);
        if paragraph.is_empty() {
            return;
        }
        for (text, line) in &paragraph {
            self.prose(text, *line);
            self.page.units.push(Unit {
                text: text.clone(),
                line: *line,
                list: None,
            });
        }
        let joined = Joined::of(&paragraph);
        if SETS
            .not_requirement_text
            .is_match(&straighten(&joined.text))
        {
            if self.class != Class::Intro {
                self.class = Class::Other;
            }
            return;
        }
        match self.class {
            Class::Intro | Class::Role => self.page.themed.push((joined.text, paragraph[0].1)),
            Class::Other => {}
            Class::Required | Class::Nice if self.listed => self.class = Class::Other,
            Class::Required | Class::Nice => {
                let pieces = if one_item_per_line(&paragraph) {
                    paragraph
                        .iter()
                        .map(|line| Joined::of(std::slice::from_ref(line)))
                        .collect()
                } else {
                    vec![joined]
                };
                for piece in pieces {
                    for range in crate::segment::sentences(&piece.text) {
                        let line = piece.line_at(range.start);
                        self.item(&piece.text[range], line);
                    }
                }
            }
        }
    }
}
