//! A posting's lines as a reader sees them: headings (a `#` line, a setext
//! underline, a line all in bold), list items (any bullet mark or number a
//! paste keeps) and text, with emphasis marks and link targets gone; code
//! blocks, rules and comments dropped.

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Line {
    Blank,
    /// A heading or a bold line: a label, or the title.
    Heading(String),
    Bullet(String),
    Text(String),
}

/// The lines of `body`, numbered from `first_line`, as headings, bullets
/// and text; code blocks, rules and comments dropped.
pub(super) fn lines(body: &str, first_line: usize) -> Vec<(Line, usize)> {
    let mut out: Vec<(Line, usize)> = Vec::new();
    let mut fenced = false;
    for (i, raw) in body.lines().enumerate() {
        let number = first_line + i;
        let line = raw.trim().trim_start_matches('\u{feff}');
        if line.starts_with("```") || line.starts_with("~~~") {
            fenced = !fenced;
            out.push((Line::Blank, number));
            continue;
        }
        if fenced || line.is_empty() || line.starts_with("<!--") {
            out.push((Line::Blank, number));
            continue;
        }
        let underline = line.len() >= 2 && line.chars().all(|c| c == '=' || c == '-');
        if underline {
            // A setext underline makes the text line above a heading.
            if let Some((previous @ Line::Text(_), _)) = out.last_mut() {
                if let Line::Text(text) = std::mem::replace(previous, Line::Blank) {
                    *previous = Line::Heading(text);
                }
            }
            out.push((Line::Blank, number));
            continue;
        }
        if line.len() >= 3 && line.chars().all(|c| matches!(c, '*' | '_' | ' ')) {
            out.push((Line::Blank, number));
            continue;
        }
        let kind = if let Some(text) = heading(line) {
            Line::Heading(clean(text))
        } else if let Some(text) = bold(line) {
            Line::Heading(clean(text))
        } else if let Some(text) = bullet(line) {
            Line::Bullet(clean(text))
        } else {
            Line::Text(clean(line))
        };
        out.push((kind, number));
    }
    out
}

fn heading(line: &str) -> Option<&str> {
    let text = line.trim_start_matches('#');
    let level = line.len() - text.len();
    ((1..=6).contains(&level) && (text.is_empty() || text.starts_with(' ')))
        .then(|| text.trim().trim_end_matches('#').trim())
}

/// A line that is all bold: "**What you'll bring**", "__Required:__".
fn bold(line: &str) -> Option<&str> {
    let line = line.strip_suffix(':').unwrap_or(line).trim_end();
    ["**", "__"].into_iter().find_map(|mark| {
        let inner = line.strip_prefix(mark)?.strip_suffix(mark)?;
        (!inner.is_empty() && !inner.contains(mark)).then_some(inner.trim())
    })
}

fn bullet(line: &str) -> Option<&str> {
    for mark in ["- ", "* ", "+ ", "• ", "· ", "▪ ", "◦ ", "– ", "— ", "o "] {
        if let Some(rest) = line.strip_prefix(mark) {
            // "o " is a bullet only in pastes that use it so: before a capital.
            if mark != "o " || rest.starts_with(char::is_uppercase) {
                return Some(rest.trim());
            }
        }
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &line[digits..];
    (digits > 0 && digits <= 2 && (rest.starts_with(". ") || rest.starts_with(") ")))
        .then(|| rest[2..].trim())
}

/// The text as a reader sees it: emphasis marks and link targets gone.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    let out = out.replace("**", "").replace("__", "").replace('`', "");
    out.split(' ')
        .map(|w| {
            w.trim_matches('*')
                .trim_start_matches('_')
                .trim_end_matches('_')
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lines joined with spaces, remembering where each began.
pub(super) struct Joined {
    pub text: String,
    starts: Vec<(usize, usize)>,
}

impl Joined {
    pub fn of(lines: &[(String, usize)]) -> Joined {
        let mut joined = Joined {
            text: String::new(),
            starts: Vec::new(),
        };
        for (text, line) in lines {
            if !joined.text.is_empty() {
                joined.text.push(' ');
            }
            joined.starts.push((joined.text.len(), *line));
            joined.text.push_str(text);
        }
        joined
    }

    pub fn line_at(&self, offset: usize) -> usize {
        self.starts
            .iter()
            .rev()
            .find(|(start, _)| *start <= offset)
            .map_or(0, |(_, line)| *line)
    }
}

/// A paste with no list marks: every line after the first starts a new
/// thought (a capital or a digit) and none breaks off mid-phrase.
pub(super) fn one_item_per_line(paragraph: &[(String, usize)]) -> bool {
    paragraph.len() >= 2
        && paragraph[1..]
            .iter()
            .all(|(t, _)| t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        && paragraph.iter().all(|(t, _)| {
            !t.ends_with([',', '-', '—']) && !t.ends_with(" and") && !t.ends_with(" or")
        })
}
