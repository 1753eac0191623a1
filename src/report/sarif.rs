//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers.
//!
//! The log is built with `json!` rather than typed structs: the SARIF object
//! model is large and this reporter uses a small corner of it, which reads
//! more plainly as the JSON it produces. Only the log and its run are
//! structs, for the order of their members (see [`Run`]).

use super::reporter::{
    pretty_at, repository_path, Files, Format, JsonArray, Linted, Rendered, Reporter, Style,
};
use crate::diagnostic::{Diagnostic, Level, Severity};
use crate::fix::Fix;
use crate::rules::{self, RuleDoc};
use crate::source::LineIndex;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::Mutex;

pub(super) const FORMAT: Format = Format {
    name: "sarif",
    about: Some("SARIF 2.1.0, for GitHub code scanning and other SARIF viewers"),
    for_people: false,
    new,
};

fn new(_: Style) -> Box<dyn Reporter> {
    Box::new(Sarif {
        written: Mutex::new(Written {
            rule_ids: rules::docs().iter().map(|d| d.id.clone()).collect(),
            results: JsonArray {
                depth: RESULTS_DEPTH,
                len: 0,
            },
            notifications: Vec::new(),
        }),
    })
}

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Names the fingerprint recipe: change the recipe, change the key, so that
/// code scanning treats old and new fingerprints as unrelated.
const FINGERPRINT_KEY: &str = "letterlint/v1";

/// Where the results sit: in `results`, in the first run of the log.
const RESULTS_DEPTH: usize = 4;

/// Writes the log around its results. The results come before the rules in
/// the log (serde_json orders keys alphabetically), so the rules can wait
/// until every result has named its own.
struct Sarif {
    written: Mutex<Written>,
}

struct Written {
    /// Built-in rules first, in registry order, so a rule's index is the
    /// same in every run; a rule the registry does not know (a configured
    /// custom rule) is appended when it first appears.
    rule_ids: Vec<String>,
    results: JsonArray,
    /// The problems the run told on standard error, as SARIF notifications.
    notifications: Vec<Value>,
}

impl Reporter for Sarif {
    /// One letter's results, each still without its `ruleIndex`: that
    /// depends on the letters before it.
    fn render(&self, file: &Linted) -> Rendered {
        let files = Files::new(&file.source);
        let mut seen: BTreeMap<(&str, String, &str), u32> = BTreeMap::new();
        let mut results = Vec::with_capacity(file.report.diagnostics.len());
        for d in &file.report.diagnostics {
            let (source, index) = files.of(d);
            let uri = uri(&repository_path(&source.path));
            let text = d
                .span
                .as_ref()
                .map_or("letter-wide", |s| source.text.get(s.clone()).unwrap_or(""));
            let occurrence = seen
                .entry((d.rule.as_str(), uri.clone(), text))
                .or_default();
            let fingerprint = fingerprint(&[
                d.rule.as_bytes(),
                uri.as_bytes(),
                text.as_bytes(),
                &occurrence.to_le_bytes(),
            ]);
            *occurrence += 1;
            results.push(result(d, &uri, region(d, index), fingerprint));
        }
        Rendered::new(results)
    }

    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        let written = self.written.lock().expect("no writer panics");
        let log = log(&written.rule_ids, &written.notifications);
        let (head, _) = JsonArray::split(&log, "results");
        out.write_all(head.as_bytes())
    }

    fn write(&self, rendered: Rendered, out: &mut dyn Write) -> io::Result<()> {
        let mut written = self.written.lock().expect("no writer panics");
        let Written {
            rule_ids, results, ..
        } = &mut *written;
        for mut result in rendered.take::<Vec<Value>>() {
            let id = result["ruleId"]
                .as_str()
                .expect("every result names its rule");
            let rule_index = match rule_ids.iter().position(|known| known == id) {
                Some(i) => i,
                None => {
                    rule_ids.push(id.to_string());
                    rule_ids.len() - 1
                }
            };
            result["ruleIndex"] = json!(rule_index);
            results.push(&pretty_at(&result, RESULTS_DEPTH), out)?;
        }
        Ok(())
    }

    fn finish(&self, out: &mut dyn Write) -> io::Result<()> {
        let written = self.written.lock().expect("no writer panics");
        written.results.close(out)?;
        let log = log(&written.rule_ids, &written.notifications);
        let (_, tail) = JsonArray::split(&log, "results");
        writeln!(out, "{tail}")
    }

    fn problem(&self, severity: Severity, problem: &str) {
        let mut written = self.written.lock().expect("no writer panics");
        written.notifications.push(json!({
            "level": level(severity),
            "message": { "text": problem },
        }));
    }
}

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

/// The run's members in the order they are written. The results come
/// first, as the log streams them: the rules after them are the ones the
/// results named, and the invocation after them knows whether every
/// letter could be linted.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    /// Columns count characters, as in the JSON report, not the UTF-16
    /// code units SARIF assumes by default.
    column_kind: &'static str,
    results: [Value; 0],
    tool: Value,
    invocations: [Value; 1],
}

/// The log with these rules and notifications, and no results.
fn log(rule_ids: &[String], notifications: &[Value]) -> String {
    let rules: Vec<Value> = rule_ids
        .iter()
        .map(|id| match rules::doc(id) {
            Some(doc) => rule(doc),
            None => json!({ "id": id }),
        })
        .collect();
    let mut driver = json!({
        "name": "letterlint",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    let repository = env!("CARGO_PKG_REPOSITORY");
    if !repository.is_empty() {
        driver["informationUri"] = json!(repository);
    }
    // A problem at error level made the run exit 2: not every letter was
    // linted, or not with the configuration it asked for.
    let successful = notifications.iter().all(|n| n["level"] != "error");
    let mut invocation = json!({ "executionSuccessful": successful });
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = json!(notifications);
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            column_kind: "unicodeCodePoints",
            results: [],
            tool: json!({ "driver": driver }),
            invocations: [invocation],
        }],
    };
    serde_json::to_string_pretty(&log).expect("the log serializes")
}

fn rule(doc: &RuleDoc) -> Value {
    let level = match doc.level {
        Level::Error => "error",
        Level::Warn => "warning",
        Level::Info => "note",
        Level::Off => "none",
    };
    json!({
        "id": doc.id,
        "shortDescription": { "text": doc.summary },
        "fullDescription": { "text": unwrap(&doc.why) },
        "help": { "text": doc.help },
        "defaultConfiguration": { "level": level },
    })
}

/// The rule files wrap prose at 80 columns; a viewer wraps it again, so
/// only paragraph breaks are kept.
fn unwrap(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// SARIF's name for a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result(d: &Diagnostic, uri: &str, region: Value, fingerprint: u64) -> Value {
    let message = d.message_with_help();
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": { "text": message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri },
                "region": region,
            },
        }],
        "partialFingerprints": { FINGERPRINT_KEY: format!("{fingerprint:016x}") },
    });
    if let Some(fix) = d.fix.as_ref().filter(|f| !f.edits.is_empty()) {
        result["fixes"] = json!([sarif_fix(fix, uri)]);
    }
    result
}

/// A fix as SARIF writes one: its replacements by byte offset, which is
/// exact whatever the column kind. SARIF has no word for how safe a fix
/// is, so the applicability goes in the fix's property bag.
fn sarif_fix(fix: &Fix, uri: &str) -> Value {
    let replacements: Vec<Value> = fix
        .edits
        .iter()
        .map(|e| {
            json!({
                "deletedRegion": {
                    "byteOffset": e.range.start,
                    "byteLength": e.range.len(),
                },
                "insertedContent": { "text": e.replacement },
            })
        })
        .collect();
    json!({
        "description": { "text": fix.message },
        "artifactChanges": [{
            "artifactLocation": { "uri": uri },
            "replacements": replacements,
        }],
        "properties": { "applicability": fix.applicability },
    })
}

/// Code scanning needs a location for every result, so a finding about the
/// whole letter points at its first line.
fn region(d: &Diagnostic, index: &LineIndex) -> Value {
    let Some(span) = &d.span else {
        return json!({ "startLine": 1 });
    };
    let (start, end) = (index.line_col(span.start), index.line_col(span.end));
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a 64, hand-rolled because the standard hashers are seeded per
/// process or not promised stable across Rust releases, and a fingerprint
/// must not change between runs.
fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Each part is length-prefixed so that ("ab", "c") and ("a", "bc") differ.
fn fingerprint(parts: &[&[u8]]) -> u64 {
    parts.iter().fold(FNV_OFFSET, |hash, part| {
        fnv1a(fnv1a(hash, &(part.len() as u64).to_le_bytes()), part)
    })
}

/// A path as a relative URI reference: characters a URI cannot hold (spaces,
/// `%`, `#`, `?`, non-ASCII) are percent-encoded, the rest left as written.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_results_come_before_the_rules_they_add() {
        let custom = log(&["custom-rule".to_string()], &[]);
        let (head, _) = JsonArray::split(&custom, "results");
        assert_eq!(head, JsonArray::split(&log(&[], &[]), "results").0);
        assert!(!head.contains("custom-rule"));
    }

    #[test]
    fn the_results_come_before_the_invocation_they_may_fail() {
        let problem = json!({ "level": "error", "message": { "text": "a.md: gone" } });
        let failed = log(&[], &[problem]);
        let (head, tail) = JsonArray::split(&failed, "results");
        assert_eq!(head, JsonArray::split(&log(&[], &[]), "results").0);
        assert!(tail.contains("\"executionSuccessful\": false"), "{tail}");
        assert!(tail.contains("a.md: gone"), "{tail}");
    }

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(fnv1a(FNV_OFFSET, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(FNV_OFFSET, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(FNV_OFFSET, b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn fingerprint_parts_do_not_run_together() {
        assert_ne!(
            fingerprint(&[b"ab", b"c"]),
            fingerprint(&[b"a", b"bc"]),
            "length prefixes keep field boundaries"
        );
    }

    #[test]
    fn descriptions_keep_paragraphs_but_not_line_wraps() {
        assert_eq!(
            unwrap("\n one\ntwo\n\nthree  four\n"),
            "one two\n\nthree four"
        );
    }

    #[test]
    fn uris_encode_what_a_uri_cannot_hold() {
        assert_eq!(uri("letters/a.md"), "letters/a.md");
        assert_eq!(
            uri("my letters/50% done#1.md"),
            "my%20letters/50%25%20done%231.md"
        );
        assert_eq!(uri("lettres/été.md"), "lettres/%C3%A9t%C3%A9.md");
    }
}
