//! The posting as read: company, role, requirements in its own words,
//! themes, name lists and words, each with its line.

use super::lexicon::{Lexicon, LEXICON};
use super::lists::{self, NameList};
use super::shape;
use super::terms::{self, Term};
use super::text::{normalize, straighten};
use super::title::{self, Stated};
use crate::source::Source;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    /// The item in the posting's own words.
    pub text: String,
    pub line: usize,
    /// Under a nice-to-have label, or marked so ("Bonus: …"): listed, not
    /// counted towards coverage.
    pub nice: bool,
    /// "Rust, Go or Java", "energy, commodities or financial trading": any
    /// one of its terms answers it.
    pub alternatives: bool,
    /// What a letter must say to cover it.
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Posting {
    pub path: String,
    pub company: Option<Stated>,
    pub role: Option<Stated>,
    pub requirements: Vec<Requirement>,
    /// Words the posting keeps returning to, in their own form: shown,
    /// never counted.
    pub themes: Vec<String>,
    /// Each run of names the posting lists ("Go, Postgres, Kafka and
    /// AWS"): what a letter could quote back in the posting's order.
    pub name_lists: Vec<NameList>,
    /// Every word of the posting's prose, normalised, with its line: what
    /// posting-echo compares a letter against.
    pub words: Vec<(String, usize)>,
}

#[derive(Debug, thiserror::Error)]
pub enum PostingError {
    #[error("the posting is empty")]
    Empty,
    #[error(transparent)]
    FrontMatter(#[from] crate::front_matter::FrontMatterError),
}

impl Posting {
    /// Reads a posting. An empty one is an error: there is nothing to match.
    pub fn parse(source: &Source) -> Result<Posting, PostingError> {
        let front = crate::front_matter::parse(&source.text)?;
        let body = &source.text[front.range.end..];
        let first_line = source.text[..front.range.end].matches('\n').count() + 1;
        let page = shape::read(body, first_line);
        if page.lines_of_prose == 0 {
            return Err(PostingError::Empty);
        }
        let line_of = |offset: usize| source.text[..offset].matches('\n').count() + 1;
        let declared = |field: &Option<crate::front_matter::Field>| {
            field.as_ref().map(|f| Stated {
                text: f.text.clone(),
                line: line_of(f.span.start),
                sure: true,
            })
        };
        let named = title::read(&page, &LEXICON.title);
        let company = declared(&front.company).or(named.company);
        let role = declared(&front.role).or(named.role);

        let mut requirements: Vec<Requirement> = page
            .items
            .iter()
            .take(LEXICON.limits.max_requirements)
            .map(|item| Requirement {
                text: item.text.clone(),
                line: item.line,
                nice: item.nice,
                alternatives: straighten(&item.text).contains(" or "),
                terms: terms::of(&item.text),
            })
            .collect();
        terms::mark_rare(
            requirements.iter_mut().flat_map(|r| r.terms.iter_mut()),
            &page.prose,
        );
        let themes = themes(&page, company.as_ref(), &LEXICON);
        Ok(Posting {
            path: source.path.clone(),
            company,
            role,
            requirements,
            themes,
            name_lists: lists::of(&page)
                .into_iter()
                .take(LEXICON.limits.max_name_lists)
                .collect(),
            words: page
                .prose
                .iter()
                .flat_map(|(text, line)| {
                    text.split_whitespace()
                        .map(normalize)
                        .filter(|w| !w.is_empty())
                        .map(|w| (w, *line))
                        .collect::<Vec<_>>()
                })
                .collect(),
        })
    }

    /// The requirements that count towards coverage: the required ones, or
    /// every one when the posting marks none as required.
    pub fn required(&self) -> Vec<&Requirement> {
        let required: Vec<&Requirement> = self.requirements.iter().filter(|r| !r.nice).collect();
        if required.is_empty() {
            self.requirements.iter().collect()
        } else {
            required
        }
    }
}

/// Words the posting's requirement and introduction prose repeat, in the
/// form it uses most; never a stop word, a generic word, nor a word of the
/// company's name.
fn themes(page: &shape::Page, company: Option<&Stated>, lexicon: &Lexicon) -> Vec<String> {
    let company_words: Vec<String> = company
        .map(|c| c.text.split_whitespace().map(normalize).collect())
        .unwrap_or_default();
    /// A stem's uses: how many, in which forms, and where first.
    struct Seen {
        count: usize,
        forms: Vec<(String, usize)>,
        first: usize,
    }
    let mut seen: HashMap<String, Seen> = HashMap::new();
    for (text, _) in &page.themed {
        for word in terms::plain_words(text) {
            if company_words.contains(&word) {
                continue;
            }
            let first = seen.len();
            let entry = seen.entry(terms::stem(&word)).or_insert(Seen {
                count: 0,
                forms: Vec::new(),
                first,
            });
            entry.count += 1;
            match entry.forms.iter_mut().find(|(form, _)| *form == word) {
                Some((_, n)) => *n += 1,
                None => entry.forms.push((word, 1)),
            }
        }
    }
    let mut themes: Vec<(usize, String)> = seen
        .into_values()
        .filter(|seen| seen.count >= lexicon.themes.min_repeats)
        .filter_map(|seen| {
            let form = seen.forms.into_iter().max_by_key(|(_, n)| *n)?.0;
            Some((seen.first, form))
        })
        .collect();
    themes.sort();
    themes.into_iter().map(|(_, form)| form).collect()
}
