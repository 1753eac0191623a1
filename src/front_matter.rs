//! Front matter: the `+++` TOML or `---` YAML block at the top of a letter.
//! It carries facts about the application, never prose.

use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// Byte range of the whole block, fences included.
    pub range: Range<usize>,
    pub company: Option<Field>,
    pub role: Option<Field>,
    pub profile: Option<Field>,
    pub posting: Option<Field>,
}

/// A front matter value and where it stands in the source, so a finding
/// about it ("not the posting's company") can point at it.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub text: String,
    pub span: Range<usize>,
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

    /// Sets the field `key` names; a key letterlint does not read is left.
    pub(crate) fn set(&mut self, key: &str, field: Field) {
        match key {
            "company" => self.company = Some(field),
            "role" => self.role = Some(field),
            "profile" => self.profile = Some(field),
            "posting" => self.posting = Some(field),
            _ => {}
        }
    }
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("front matter at line {line} is not valid TOML: {message}")]
pub struct FrontMatterError {
    pub line: usize,
    pub message: String,
}

/// Finds and reads front matter at the very start of `text`. Returns the
/// default (empty range at 0) when there is none. YAML is read as flat
/// `key: value` lines, which is all a letter's front matter needs.
pub fn parse(text: &str) -> Result<FrontMatter, FrontMatterError> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[bom..];
    let fence = if rest.starts_with("+++") {
        "+++"
    } else if rest.starts_with("---") {
        "---"
    } else {
        return Ok(FrontMatter::default());
    };
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != fence {
        return Ok(FrontMatter::default());
    }
    let body_start = bom + first_line_end;
    let mut offset = body_start;
    let mut body_end = None;
    for line in text[body_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == fence || (fence == "---" && trimmed == "...") {
            body_end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    // An opening fence with no closing one is a thematic break, not front matter.
    let Some((body_end, block_end)) = body_end else {
        return Ok(FrontMatter::default());
    };
    let body = &text[body_start..body_end];
    let mut front = FrontMatter {
        range: 0..block_end,
        ..FrontMatter::default()
    };
    let mut set =
        |key: &str, text: String, span: Range<usize>| front.set(key, Field { text, span });
    if fence == "+++" {
        let table: BTreeMap<String, Spanned<toml::Value>> = toml::from_str(body).map_err(|e| {
            let line = e
                .span()
                .map_or(0, |s| body[..s.start].matches('\n').count());
            FrontMatterError {
                line: 2 + line,
                message: e.message().to_string(),
            }
        })?;
        for (key, value) in table {
            let span = value.span();
            if let toml::Value::String(s) = value.into_inner() {
                let span = unquoted(body, span, &s);
                set(&key, s, body_start + span.start..body_start + span.end);
            }
        }
    } else {
        let mut line_start = body_start;
        for line in body.split_inclusive('\n') {
            let at = line_start;
            line_start += line.len();
            if line.starts_with(char::is_whitespace) {
                continue;
            }
            if let Some((key, value)) = line.split_once(':') {
                let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
                if !value.is_empty() {
                    // `value` is a slice of `line`: its offset is its place.
                    let start = at + (value.as_ptr() as usize - line.as_ptr() as usize);
                    set(key.trim(), value.to_string(), start..start + value.len());
                }
            }
        }
    }
    Ok(front)
}

/// The span of a TOML string's text inside its quotes, when the source
/// spells it without escapes; else the whole value.
pub(crate) fn unquoted(body: &str, span: Range<usize>, text: &str) -> Range<usize> {
    let inner = span.start + 1..span.end.saturating_sub(1);
    match body.get(inner.clone()) {
        Some(raw) if raw == text => inner,
        _ => span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_front_matter() {
        let text = "+++\ncompany = \"Halyard\"\nrole = \"SRE\"\n+++\n\nDear team,";
        let fm = parse(text).unwrap();
        assert_eq!(fm.company(), Some("Halyard"));
        assert_eq!(fm.role(), Some("SRE"));
        let span = fm.company.unwrap().span;
        assert_eq!(&text[span], "Halyard");
        assert_eq!(
            &text[fm.range.clone()],
            "+++\ncompany = \"Halyard\"\nrole = \"SRE\"\n+++\n"
        );
    }

    #[test]
    fn yaml_front_matter() {
        let text = "---\ncompany: 'Kestrel Pay'\nprofile: fintech\ntags:\n  - x\n---\nHi";
        let fm = parse(text).unwrap();
        assert_eq!(fm.company(), Some("Kestrel Pay"));
        assert_eq!(&text[fm.company.clone().unwrap().span], "Kestrel Pay");
        assert_eq!(fm.profile(), Some("fintech"));
    }

    #[test]
    fn unclosed_fence_is_not_front_matter() {
        let fm = parse("---\nDear team,\n").unwrap();
        assert_eq!(fm.range, 0..0);
    }

    #[test]
    fn bad_toml_names_the_line() {
        let err = parse("+++\ncompany = \"A\"\nrole = \n+++\n").unwrap_err();
        assert_eq!(err.line, 3);
    }
}
