//! Front matter: the `+++` TOML or `---` YAML block at the top of a letter.
//! It carries facts about the application, never prose.

use crate::suggest::{shown, DidYouMean};
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The keys front matter may set. Any other key is reported, never
/// ignored in silence: a misspelt `company` would switch wrong-company off.
pub const KEYS: [&str; 5] = ["company", "role", "profile", "posting", "name"];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// Byte range of the whole block, fences included.
    pub range: Range<usize>,
    pub company: Option<Field>,
    pub role: Option<Field>,
    pub profile: Option<Field>,
    pub posting: Option<Field>,
    /// The writer's name, which `--fix` writes into a `[Your Name]` slot.
    pub name: Option<Field>,
    /// Entries letterlint cannot use, for `invalid-front-matter` to report.
    pub misfits: Vec<Misfit>,
}

/// A front matter value and where it stands in the source, so a finding
/// about it ("not the posting's company") can point at it.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub text: String,
    pub span: Range<usize>,
}

/// An entry that is ignored, and where: the key when it is unknown, else
/// the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Misfit {
    pub span: Range<usize>,
    pub problem: Misuse,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Misuse {
    #[error("unknown front matter key `{key}`{hint}")]
    UnknownKey { key: String, hint: DidYouMean },
    #[error("front matter `{key}` must be text, got {found}")]
    NotText { key: String, found: String },
    #[error("front matter `{key}` is empty")]
    Empty { key: String },
}

impl FrontMatter {
    pub fn company(&self) -> Option<&str> {
        self.company.as_ref().map(|f| f.text.as_str())
    }

    pub fn role(&self) -> Option<&str> {
        self.role.as_ref().map(|f| f.text.as_str())
    }

    pub fn profile(&self) -> Option<&str> {
        self.profile.as_ref().map(|f| f.text.as_str())
    }

    pub fn posting(&self) -> Option<&str> {
        self.posting.as_ref().map(|f| f.text.as_str())
    }

    pub fn name(&self) -> Option<&str> {
        self.name.as_ref().map(|f| f.text.as_str())
    }

    fn slot(&mut self, key: &str) -> Option<&mut Option<Field>> {
        match key {
            "company" => Some(&mut self.company),
            "role" => Some(&mut self.role),
            "profile" => Some(&mut self.profile),
            "posting" => Some(&mut self.posting),
            "name" => Some(&mut self.name),
            _ => None,
        }
    }

    /// Keeps an entry's text under its key, or notes why it cannot.
    fn take(&mut self, entry: Entry) {
        let Some(slot) = self.slot(&entry.key) else {
            self.misfits.push(Misfit {
                span: entry.key_span,
                problem: Misuse::UnknownKey {
                    hint: DidYouMean::new(&entry.key, KEYS),
                    key: entry.key,
                },
            });
            return;
        };
        let (span, problem) = match entry.value {
            Value::Text(field) if !field.text.trim().is_empty() => {
                *slot = Some(field);
                return;
            }
            Value::Text(_) => (entry.key_span, Misuse::Empty { key: entry.key }),
            Value::Other { found, span } => (
                span,
                Misuse::NotText {
                    key: entry.key,
                    found,
                },
            ),
        };
        self.misfits.push(Misfit { span, problem });
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FrontMatterError {
    #[error("front matter at line {line} is not valid TOML: {message}")]
    Toml { line: usize, message: String },
    #[error("front matter opened with `+++` on line 1 is never closed; end it with a `+++` line")]
    Unclosed,
}

/// One `key = value` or `key: value` entry, as written.
struct Entry {
    key: String,
    key_span: Range<usize>,
    value: Value,
}

enum Value {
    Text(Field),
    /// A number, a list, a table: `found` is how the message shows it.
    Other {
        found: String,
        span: Range<usize>,
    },
}

/// Finds and reads front matter at the very start of `text`. Returns the
/// default (empty range at 0) when there is none. A `---` block is front
/// matter only when every line in it is a YAML `key: value` line (or a
/// blank line, a comment, or a line indented under a key); otherwise the
/// `---` is a Markdown rule above the letter. A `+++` block must be closed.
pub fn parse(text: &str) -> Result<FrontMatter, FrontMatterError> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[bom..];
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    let fence = match rest[..first_line_end].trim_end() {
        "+++" => "+++",
        "---" => "---",
        _ => return Ok(FrontMatter::default()),
    };
    let body_start = bom + first_line_end;
    let mut offset = body_start;
    let mut closing = None;
    for line in text[body_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == fence || (fence == "---" && trimmed == "...") {
            closing = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((body_end, block_end)) = closing else {
        // An opening `---` with no closing one is a thematic break.
        return match fence {
            "+++" => Err(FrontMatterError::Unclosed),
            _ => Ok(FrontMatter::default()),
        };
    };
    let body = body_start..body_end;
    let entries = if fence == "+++" {
        toml_entries(text, body)?
    } else {
        match yaml_entries(text, body) {
            Some(entries) => entries,
            None => return Ok(FrontMatter::default()),
        }
    };
    let mut front = FrontMatter {
        range: 0..block_end,
        ..FrontMatter::default()
    };
    for entry in entries {
        front.take(entry);
    }
    Ok(front)
}

/// The entries of a TOML block at `body` in `text`.
fn toml_entries(text: &str, body: Range<usize>) -> Result<Vec<Entry>, FrontMatterError> {
    let base = body.start;
    let body = &text[body];
    let table = DeTable::parse(body).map_err(|e| {
        let before = e.span().and_then(|s| body.get(..s.start));
        let line = before.map_or(0, |b| b.matches('\n').count());
        FrontMatterError::Toml {
            line: 2 + line,
            message: e.message().trim().to_string(),
        }
    })?;
    Ok(entries(table.into_inner(), body, |span| {
        base + span.start..base + span.end
    }))
}

/// Reads `key = "value", …` at `values` in `text` (a LaTeX letter's
/// `% letterlint:` comment, a TOML inline table without its braces) as
/// front matter entries, each taken over what `front` holds already.
pub fn take_inline(
    text: &str,
    values: Range<usize>,
    front: &mut FrontMatter,
) -> Result<(), FrontMatterError> {
    const PREFIX: &str = "x = {";
    let wrapped = format!("{PREFIX}{}}}", &text[values.clone()]);
    let error = |message: &str| FrontMatterError::Toml {
        line: text[..values.start].matches('\n').count() + 1,
        message: message.trim().to_string(),
    };
    let mut table = DeTable::parse(&wrapped)
        .map_err(|e| error(e.message()))?
        .into_inner();
    let Some(DeValue::Table(inline)) = table.remove("x").map(Spanned::into_inner) else {
        return Err(error("expected `key = \"value\", ...`"));
    };
    let shift = |span: Range<usize>| {
        let base = values.start - PREFIX.len();
        base + span.start..base + span.end
    };
    for entry in entries(inline, &wrapped, shift) {
        front.take(entry);
    }
    Ok(())
}

/// The entries of `table`, parsed from `body`; `shift` maps a span of
/// `body` to the letter's text.
fn entries(table: DeTable, body: &str, shift: impl Fn(Range<usize>) -> Range<usize>) -> Vec<Entry> {
    table
        .into_iter()
        .map(|(key, value)| {
            let span = value.span();
            let value = match value.into_inner() {
                DeValue::String(s) => Value::Text(Field {
                    span: shift(unquoted(body, span, &s)),
                    text: s.into_owned(),
                }),
                other => Value::Other {
                    found: shown(body.get(span.clone()).unwrap_or_default(), &other),
                    span: shift(span),
                },
            };
            Entry {
                key_span: shift(key.span()),
                key: key.into_inner().into_owned(),
                value,
            }
        })
        .collect()
}

/// The entries of a YAML block at `body` in `text`, read as flat
/// `key: value` lines, which is all a letter's front matter needs; `None`
/// when a line is not YAML of that shape: the block is then prose between
/// two rules.
fn yaml_entries(text: &str, body: Range<usize>) -> Option<Vec<Entry>> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut at = body.start;
    for line in text[body].split_inclusive('\n') {
        let start = at;
        at += line.len();
        let content = line.trim_end();
        let bare = content.trim_start();
        if bare.is_empty() || bare.starts_with('#') {
            continue;
        }
        if content.starts_with(char::is_whitespace) || bare == "-" || bare.starts_with("- ") {
            // A list or a table under the key above: not one line of text.
            let owner = entries.last_mut()?;
            let end = start + content.len();
            let from = match &owner.value {
                Value::Other { span, .. } => span.start,
                Value::Text(_) => end - bare.len(),
            };
            owner.value = Value::Other {
                found: "a nested block".to_string(),
                span: from..end,
            };
            continue;
        }
        let (key, value) = content.split_once(':')?;
        let is_key = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !is_key || !(value.is_empty() || value.starts_with(char::is_whitespace)) {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        // `value` is a slice of `line`: its offset is its place.
        let value_start = start + (value.as_ptr() as usize - line.as_ptr() as usize);
        entries.push(Entry {
            key: key.to_string(),
            key_span: start..start + key.len(),
            value: Value::Text(Field {
                text: value.to_string(),
                span: value_start..value_start + value.len(),
            }),
        });
    }
    (!entries.is_empty()).then_some(entries)
}

/// The span of a TOML string's text inside its quotes, when the source
/// spells it without escapes; else the whole value.
fn unquoted(body: &str, span: Range<usize>, text: &str) -> Range<usize> {
    let inner = span.start + 1..span.end.saturating_sub(1);
    match body.get(inner.clone()) {
        Some(raw) if raw == text => inner,
        _ => span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(String, String)> {
        parse(text)
            .unwrap()
            .misfits
            .into_iter()
            .map(|m| (text[m.span].to_string(), m.problem.to_string()))
            .collect()
    }

    #[test]
    fn toml_front_matter() {
        let text =
            "+++\ncompany = \"Halyard\"\nrole = \"SRE\"\nname = \"Ana Ruiz\"\n+++\n\nDear team,";
        let fm = parse(text).unwrap();
        assert_eq!(fm.company(), Some("Halyard"));
        assert_eq!(fm.role(), Some("SRE"));
        assert_eq!(fm.name(), Some("Ana Ruiz"));
        let span = fm.company.unwrap().span;
        assert_eq!(&text[span], "Halyard");
        assert_eq!(
            &text[fm.range.clone()],
            "+++\ncompany = \"Halyard\"\nrole = \"SRE\"\nname = \"Ana Ruiz\"\n+++\n"
        );
        assert!(fm.misfits.is_empty());
    }

    #[test]
    fn yaml_front_matter() {
        let text = "---\ncompany: 'Kestrel Pay'\nprofile: fintech\n# a note\n\n---\nHi";
        let fm = parse(text).unwrap();
        assert_eq!(fm.company(), Some("Kestrel Pay"));
        assert_eq!(&text[fm.company.clone().unwrap().span], "Kestrel Pay");
        assert_eq!(fm.profile(), Some("fintech"));
        assert_eq!(
            &text[fm.range],
            "---\ncompany: 'Kestrel Pay'\nprofile: fintech\n# a note\n\n---\n"
        );
    }

    #[test]
    fn a_rule_above_prose_is_not_front_matter() {
        for text in [
            "---\n\nDear Ms. Adebayo,\n\nI build things.\n\n---\n",
            "---\nDear Hiring Manager:\n---\n",
            "---\nNote:this is prose\n---\n",
            "---\n  indented first\n---\n",
            "---\n\n---\n",
        ] {
            assert_eq!(parse(text).unwrap(), FrontMatter::default(), "{text}");
        }
    }

    #[test]
    fn unclosed_fences() {
        assert_eq!(parse("---\nDear team,\n").unwrap().range, 0..0);
        assert_eq!(
            parse("+++\ncompany = \"A\"\n\nDear team,\n").unwrap_err(),
            FrontMatterError::Unclosed
        );
    }

    #[test]
    fn bad_toml_names_the_line() {
        let err = parse("+++\ncompany = \"A\"\nrole = \n+++\n").unwrap_err();
        assert!(
            matches!(err, FrontMatterError::Toml { line: 3, .. }),
            "{err}"
        );
    }

    #[test]
    fn unknown_keys_and_values_that_are_not_text_are_misfits() {
        assert_eq!(
            problems("+++\ncompny = \"Acme\"\nrole = 12\nprofile = \"\"\n+++\n"),
            [
                (
                    "compny".to_string(),
                    "unknown front matter key `compny` (did you mean `company`?)".to_string()
                ),
                (
                    "profile".to_string(),
                    "front matter `profile` is empty".to_string()
                ),
                (
                    "12".to_string(),
                    "front matter `role` must be text, got 12".to_string()
                ),
            ]
        );
        assert_eq!(
            problems("---\nfoo: bar\ncompany:\n  - Acme\n  - Co\n---\n"),
            [
                (
                    "foo".to_string(),
                    "unknown front matter key `foo`".to_string()
                ),
                (
                    "- Acme\n  - Co".to_string(),
                    "front matter `company` must be text, got a nested block".to_string()
                ),
            ]
        );
    }
}
