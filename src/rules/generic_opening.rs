use super::lazy_regex::LazyRegex;
use super::rule::{Context, Rule};
use crate::diagnostic::Finding;
use crate::letter::{role_titles, Block, BlockKind, Letter, Part};
use crate::phrases::PhraseSet;
use crate::text::{self, count_words, Word};
use regex::Regex;
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Openers and self-descriptions that fit any job: "I am writing to apply".
    stock: Vec<String>,
    /// Signs the writer looked at this employer: "your posting", "blog", "docs".
    reasons: Vec<String>,
    /// Nouns that end a job title: "Engineer", "Nurse", "Cook".
    role_nouns: Vec<String>,
    /// Words after a lower-case title: "pastry cook position".
    role_words: Vec<String>,
    /// Capitalised words that are never a company or product: months, days.
    not_names: Vec<String>,
    /// Words allowed inside a multi-word name: "Salt & Ember", "Bank of Ireland".
    name_joiners: Vec<String>,
    /// A quotation of their posting or site at least this long is a reason.
    min_quote_words: usize,
    /// A capitalised word after one of these is a company: "at Northstar".
    company_cues: Vec<String>,
    /// Verbs after which "to" leads to a place: "moved to Denver".
    place_verbs: Vec<String>,
    /// A salutation with one of these names a company: "Dear Northstar team".
    team_words: Vec<String>,
    /// Capitalised salutation words that are not a company: "Hiring".
    not_companies: Vec<String>,
    /// Titles made only of these name no role: "the right position".
    not_titles: Vec<String>,
    /// "because your product depends on…": a clause this long, about them.
    because: Vec<String>,
    theirs: Vec<String>,
    min_because_words: usize,
}

/// The params, with the lists matched as phrases or a pattern compiled
/// once; the rest are read as they are.
pub struct GenericOpening {
    stock: PhraseSet,
    reasons: PhraseSet,
    role: LazyRegex,
    params: Params,
}

/// "Kestrel Pay's settlements team", "Lumenfold's docs": something of theirs.
static POSSESSIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\p{Lu}[\p{L}\p{N}&-]*['’]s\b").expect("valid regex"));

/// POSSESSIVE for an all-ASCII paragraph: the same match there, for a
/// fraction of the compile time (a Unicode class costs more to compile than
/// linting a letter; a property test checks the two agree on ASCII).
static POSSESSIVE_ASCII: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)\b[A-Z][A-Za-z0-9&-]*'s\b").expect("valid regex"));

static QUOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"["“]([^"“”]+)["”]"#).expect("valid regex"));

impl GenericOpening {
    pub fn new(mut params: Params) -> Self {
        let alternatives = |words: &[String]| {
            words
                .iter()
                .map(|w| regex::escape(w))
                .collect::<Vec<_>>()
                .join("|")
        };
        let nouns = alternatives(&params.role_nouns);
        // "Senior Backend Engineer", or "pastry cook position" in lower case.
        // One capitalised word before the noun is enough: the pattern is
        // only asked whether it matches, and a longer title always ends in
        // one. Repeating the word class five times made it the costliest
        // pattern to compile.
        let role = LazyRegex::new(format!(
            r"\b\p{{Lu}}[\p{{L}}\p{{N}}+#./-]*\s+(?:{nouns})s?\b|(?i:\b(?:{nouns})s?\s+(?:{})\b)",
            alternatives(&params.role_words)
        ));
        GenericOpening {
            stock: PhraseSet::of_words(std::mem::take(&mut params.stock), &[]),
            reasons: PhraseSet::of_words(std::mem::take(&mut params.reasons), &[]),
            role,
            params,
        }
    }

    /// What counts as a specific reason: a pointer to the employer's own
    /// material (posting, blog, docs, a referral), something of theirs named
    /// in the possessive, a quotation from them, or a figure of the writer's.
    fn has_reason(&self, letter: &Letter, index: usize, text: &str) -> bool {
        self.reasons.is_match(text)
            || if text.is_ascii() {
                &POSSESSIVE_ASCII
            } else {
                &POSSESSIVE
            }
            .is_match(text)
            || QUOTE
                .captures_iter(text)
                .any(|c| count_words(&c[1]) >= self.params.min_quote_words)
            || letter.metrics.iter().any(|m| m.block == index)
    }

    fn names_role(&self, letter: &Letter, text: &str) -> bool {
        let from_front_matter = letter.front_matter.role().is_some_and(|role| {
            let title = role.split(',').next().unwrap_or(role).trim().to_lowercase();
            !title.is_empty() && text.to_lowercase().contains(&title)
        });
        from_front_matter || self.role.get().is_match(text)
    }

    /// The front matter's company (whole, or its first word as written), or
    /// a name-like run of words that could be a company, team or product.
    fn names_company(&self, letter: &Letter, index: usize, block: &Block) -> bool {
        let company = letter.company().map(str::trim).filter(|c| !c.is_empty());
        if let Some(company) = company {
            if block
                .text()
                .to_lowercase()
                .contains(&company.to_lowercase())
            {
                return true;
            }
        }
        let first_word = company.and_then(|c| c.split_whitespace().next());
        let mut tech = letter
            .technologies
            .iter()
            .filter(|m| m.block == index)
            .map(|m| m.prose.clone())
            .peekable();
        block.sentences.iter().any(|sentence| {
            let text = block.sentence_text(sentence);
            // Words as written, between spaces: "Pay's," "(Kestrel" "&".
            let spaced = text::cut_between_words(text, char::is_whitespace);
            let words = spaced.into_iter().filter(|w| !w.is_empty()).map(|w| {
                let at = sentence.start + w.start..sentence.start + w.end;
                // Words and mentions both run in text order: one pointer walks both.
                while tech.next_if(|t| t.end <= at.start).is_some() {}
                let is_tech = tech.peek().is_some_and(|t| t.start < at.end);
                (&text[w], is_tech)
            });
            self.has_name(words, first_word)
        })
    }

    /// A heuristic for proper nouns: two or more capitalised words in a row
    /// ("Kestrel Pay", "Alder Creek Middle School") or one CamelCase word
    /// ("LinkedIn"), never counting the sentence's first word, "I", months,
    /// days, technologies or bracketed template slots. With front matter,
    /// the company's first word alone is enough ("moving to Fernbrook").
    fn has_name<'a>(
        &self,
        words: impl Iterator<Item = (&'a str, bool)>,
        company_word: Option<&str>,
    ) -> bool {
        let mut run = 0;
        for (i, (raw, is_tech)) in words.enumerate() {
            let core = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
            let core = core
                .strip_suffix("'s")
                .or_else(|| core.strip_suffix("’s"))
                .unwrap_or(core);
            if i == 0 || is_tech || raw.contains(['[', ']', '{', '}', '<', '>']) {
                run = 0;
                continue;
            }
            if company_word == Some(core) {
                return true;
            }
            let capitalised = core.chars().next().is_some_and(char::is_uppercase)
                && core != "I"
                && !core.starts_with("I'")
                && !core.starts_with("I’")
                && !self
                    .params
                    .not_names
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(core));
            let camel = core
                .chars()
                .zip(core.chars().skip(1))
                .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
            if capitalised && camel {
                return true;
            }
            if capitalised {
                run += 1;
                if run >= 2 {
                    return true;
                }
            } else if !(run > 0 && self.params.name_joiners.iter().any(|j| j == core)) {
                run = 0;
            }
            // Punctuation after a word ends the name: "Java, Kotlin".
            if raw.ends_with([',', ';', ':', '.', ')', '!', '?']) {
                run = 0;
            }
        }
        false
    }
}

impl Rule for GenericOpening {
    fn check(&self, letter: &Letter, _context: &Context) -> Vec<Finding> {
        let Some((index, block)) = letter.body_paragraphs().next() else {
            return Vec::new();
        };
        let text = block.text();
        let known = self.known_companies(letter);
        if self.has_reason(letter, index, text) || self.gives_because(block, &known) {
            return Vec::new();
        }
        let stock = block.find(&self.stock).next();
        let target = self.names_role(letter, text)
            || self.names_a_title(text)
            || self.names_company(letter, index, block)
            || self.names_known(block, &known)
            || !self.cue_names(letter, index, block).is_empty();
        // A plain "I'm applying for the X role at Y." is not generic.
        if stock.is_none() && target {
            return Vec::new();
        }
        let message = if target {
            "generic opening: stock phrasing and no specific reason for this company or role"
        } else {
            "generic opening: no company, role or product, and no reason for applying"
        };
        let (range, label) = match stock {
            Some(stock) => (stock.range, "fits any job"),
            None => (
                block.sentences.first().cloned().unwrap_or(0..text.len()),
                "nothing here is specific to this job",
            ),
        };
        vec![Finding::at(block.prose.source_range(range), message).label(label)]
    }
}

/// Companies known from outside the opening, and companies named in it
/// after "at", "join", "with" or "to": a one-word company ("Northstar") is
/// not a run of capitalised words, so the name heuristic misses it.
impl GenericOpening {
    /// The company's word as the salutation ("Dear Northstar team"), a
    /// heading or a line before the salutation ("Application to Northstar")
    /// names it.
    fn known_companies(&self, letter: &Letter) -> Vec<String> {
        let mut known = Vec::new();
        for (index, block) in letter.blocks.iter().enumerate() {
            match block.part {
                Part::Salutation => known.extend(self.team_in_salutation(block.text())),
                Part::Header => {}
                _ if block.kind == BlockKind::Heading => {}
                _ => continue,
            }
            for range in self.cue_names(letter, index, block) {
                known.push(block.text()[range].to_string());
            }
        }
        known
    }

    /// "Dear Northstar team" → "Northstar"; "Dear Ms. Feld" → nothing.
    fn team_in_salutation(&self, text: &str) -> Option<String> {
        let words = text::words(text);
        let is = |w: &Word, list: &[String]| {
            list.iter()
                .any(|l| l.eq_ignore_ascii_case(&text[w.start..w.end]))
        };
        let team = words.iter().position(|w| is(w, &self.params.team_words))?;
        words[1.min(team)..team]
            .iter()
            .map(|w| &text[w.start..w.end])
            .find(|w| {
                w.starts_with(char::is_uppercase)
                    && !self
                        .params
                        .not_companies
                        .iter()
                        .any(|n| n.eq_ignore_ascii_case(w))
            })
            .map(String::from)
    }

    /// Whether the block names a known company, as written.
    fn names_known(&self, block: &Block, known: &[String]) -> bool {
        let text = block.text();
        block
            .words()
            .iter()
            .any(|w| known.iter().any(|k| *k == text[w.start..w.end]))
    }

    /// Capitalised words right after a company cue ("at Northstar", "join
    /// Copperleaf"), never a technology ("with Python"), a month, "I", a
    /// slot ("at [Company]") or a place one moved to ("moved to Denver").
    fn cue_names(&self, letter: &Letter, index: usize, block: &Block) -> Vec<Range<usize>> {
        let text = block.text();
        let words = block.words();
        let tech = letter.technologies_in(index);
        let is = |w: &Word, list: &[String]| {
            list.iter()
                .any(|l| l.eq_ignore_ascii_case(&text[w.start..w.end]))
        };
        let tight = |a: &Word, b: &Word| text[a.end..b.start].chars().all(char::is_whitespace);
        let mut found = Vec::new();
        for i in 1..words.len() {
            let (cue, name) = (&words[i - 1], &words[i]);
            let word = &text[name.start..name.end];
            let placed =
                i >= 2 && is(&words[i - 2], &self.params.place_verbs) && tight(&words[i - 2], cue);
            let capitalised = word.starts_with(char::is_uppercase) && word != "I";
            if is(cue, &self.params.company_cues)
                && tight(cue, name)
                && capitalised
                && !placed
                && !is(name, &self.params.not_names)
                && !is(name, &self.params.not_companies)
                && !tech
                    .iter()
                    .any(|t| t.prose.start < name.end && name.start < t.prose.end)
            {
                found.push(name.start..name.end);
            }
        }
        found
    }

    /// "the role of Data Analyst", "the investigative reporter position":
    /// any title that is more than "the right position".
    fn names_a_title(&self, text: &str) -> bool {
        role_titles(text).into_iter().any(|role| {
            let title = &text[role.title];
            text::words(title).iter().any(|w| {
                let word = &title[w.start..w.end];
                !self
                    .params
                    .not_titles
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(word))
            })
        })
    }

    /// A specific "because…" clause: long enough to say something, about
    /// them ("because your product depends on…"), and not stock ("because
    /// I am passionate about technology").
    fn gives_because(&self, block: &Block, known: &[String]) -> bool {
        let text = block.text();
        let words = block.words();
        let is = |w: &Word, list: &[String]| {
            list.iter()
                .any(|l| l.eq_ignore_ascii_case(&text[w.start..w.end]))
        };
        block.sentences.iter().any(|sentence| {
            let from = words.partition_point(|w| w.start < sentence.start);
            let to = words.partition_point(|w| w.start < sentence.end);
            let Some(at) = words[from..to]
                .iter()
                .position(|w| is(w, &self.params.because))
            else {
                return false;
            };
            let clause = &words[from + at + 1..to];
            let about_them = clause.iter().any(|w| {
                is(w, &self.params.theirs) || known.iter().any(|k| *k == text[w.start..w.end])
            });
            let rest = clause.first().map_or("", |w| &text[w.start..sentence.end]);
            clause.len() >= self.params.min_because_words
                && about_them
                && !self.stock.is_match(rest)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, spans};
    use crate::twins::{ascii_text, matches};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_ascii_twin_matches_what_the_pattern_matches(text in ascii_text()) {
            prop_assert_eq!(
                matches(&super::POSSESSIVE, &text),
                matches(&super::POSSESSIVE_ASCII, &text)
            );
        }
    }

    const ID: &str = "generic-opening";

    fn letter(opening: &str) -> String {
        format!("Dear Hiring Manager,\n\n{opening}\n\nI built the ledger.\n\nBest,\nAna")
    }

    #[test]
    fn stock_openings_with_nothing_specific_fire() {
        let text = letter("I am writing to express my strong interest in the position.");
        assert_eq!(spans(ID, &text), ["I am writing to express"]);
        for opening in [
            "I am writing to apply for the Backend Engineer position at Cobaltfield Systems. I am a results-driven developer who is passionate about building scalable applications.",
            "I am a frontend developer who is passionate about creating beautiful web experiences, and I would love to join Copperleaf Studio as a Frontend Engineer.",
            "I am applying for the Data Engineer position at [Company]. With a proven track record of building reliable pipelines, I am confident I can help.",
        ] {
            assert!(fires(ID, &letter(opening)), "{opening}");
        }
    }

    #[test]
    fn no_target_at_all_fires_on_the_first_sentence() {
        let text = letter("I would like to be considered. I enjoy computers.");
        assert_eq!(spans(ID, &text), ["I would like to be considered."]);
    }

    #[test]
    fn specific_openings_stay_quiet() {
        for opening in [
            "I'm applying for the Senior Backend Engineer opening on Kestrel Pay's settlements team.",
            "I am writing to apply for the Registered Nurse position on the cardiac unit, posted on March 4.",
            "I am writing to apply for the Backend Engineer role. Your careers page says the team is \"tired of being paged for nothing,\" and that is my project.",
            "I'm applying for the Platform Engineer role at Cinderwell. Median build time fell from 23 to 7 minutes.",
            "I read your engineering blog post on autocomplete and I want to work on ranking.",
        ] {
            assert!(!fires(ID, &letter(opening)), "{opening}");
        }
    }

    #[test]
    fn a_plain_role_or_name_without_stock_phrasing_is_not_generic() {
        for opening in [
            "I'm applying for the Infrastructure Engineer role. I make AWS bills boring.",
            "I am applying for the pastry cook position. I bake.",
            "I'd like to join the team at Alder Creek Middle School this autumn.",
        ] {
            assert!(!fires(ID, &letter(opening)), "{opening}");
        }
    }

    #[test]
    fn near_misses_for_names() {
        // Sentence-initial words, months, technologies and slots are not names.
        for opening in [
            "Last March I moved to Denver. I would like to be considered.",
            "I write Go and Spring Boot. I would like to be considered.",
            "I would like to join [Company Name]. I would like to be considered.",
        ] {
            assert!(fires(ID, &letter(opening)), "{opening}");
        }
    }

    #[test]
    fn a_specific_because_clause_is_a_reason() {
        // The shape of seed 003's sample opening: stock words, a role, a
        // one-word company and a reason about them.
        let northstar = "I am excited to apply for the Staff Backend Engineer role at Northstar because your approvals product lives or dies on the audit trail I have spent two years building.";
        assert!(!fires(ID, &letter(northstar)));
        for opening in [
            "I am writing to apply for the Backend Engineer role because I am passionate about technology.",
            "I am writing to apply for the Backend Engineer role because you are hiring.",
            "I am writing to apply for the position because it would be the next step in my career at your company.",
        ] {
            assert!(fires(ID, &letter(opening)), "{opening}");
        }
    }

    #[test]
    fn a_one_word_company_counts() {
        for opening in [
            "I want to join Northstar and work on its approval system.",
            "I'd like to build payment tools at Tollgate.",
            "I would like to be considered for the role of Data Wrangler.",
            "I am applying for the investigative reporter position.",
        ] {
            assert!(!fires(ID, &letter(opening)), "{opening}");
        }
        let text = "Dear Northstar team,\n\nI want to build payments somewhere that cares, and Northstar does.\n\nBest,\nAna";
        assert!(!fires(ID, text));
        let text = "# Application to Northstar\n\nDear Mr. Abe,\n\nI want to build payments somewhere that cares, and Northstar does.\n\nBest,\nAna";
        assert!(!fires(ID, text));
        // A person in the salutation is not a company.
        let text = "Dear Ms. Okafor,\n\nI want to build payments somewhere that cares, and Okafor knows it.\n\nBest,\nAna";
        assert!(fires(ID, text));
        for opening in [
            "I would like to be considered for the right position. I enjoy computers.",
            "I moved to Portland last year. I would like to be considered.",
            "I work with Kubernetes. I would like to be considered.",
        ] {
            assert!(fires(ID, &letter(opening)), "{opening}");
        }
    }

    #[test]
    fn front_matter_company_and_role_count() {
        let text = "+++\ncompany = \"Fernbrook Unified\"\n+++\nDear Principal,\n\nI am moving to Fernbrook this summer and would like to teach.\n\nBest,\nGrace";
        assert!(!fires(ID, text));
        let body = "Dear team,\n\nI want to be your next data wrangler.\n\nBest,\nGrace";
        assert!(fires(ID, body));
        let text = format!("+++\nrole = \"Data Wrangler, Payments\"\n+++\n{body}");
        assert!(!fires(ID, &text));
    }
}
